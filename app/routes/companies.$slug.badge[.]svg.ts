// /companies/:slug/badge.svg: the TrustScore badge other sites embed (an <img>), in French or
// English (?lang=, or the visitor's language). Rendered on every request with an ETag, cached
// five minutes by the browsers that show it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatNumber, translate, translatePlural } from "~/i18n";
import { badgeSvg } from "~/lib/badge";
import { answerWithETag, EMBED_CACHE_CONTROL } from "~/lib/conditional-response.server";
import { notFound } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { getCompanyBySlug, getRatingSummary } from "~/models/companies.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company) throw notFound();
  const locale = getLocale(request);
  const summary = getRatingSummary("company", company.id, "all");
  const decimal = (value: number) => formatNumber(locale, value, { minimumFractionDigits: 1 });
  const count = translatePlural(locale, "score.reviewCount", summary.reviewCount);
  const score = summary.trustScore;
  const desc = [
    count,
    summary.rawMean != null ? `${translate(locale, "score.rawMean")} ${decimal(summary.rawMean)} / 5` : null,
    company.listing === "pending" ? translate(locale, "openData.badge.pending") : null,
  ];
  const svg = badgeSvg({
    lang: locale,
    title:
      score != null
        ? translate(locale, "openData.badge.title", { company: company.name, score: decimal(score) })
        : translate(locale, "openData.badge.titleNone", { company: company.name }),
    desc: desc.filter((part) => part != null).join(" · "),
    label: translate(locale, "site.name"),
    value: score != null ? `${translate(locale, "score.trustscore")} ${decimal(score)}/5 · ${count}` : count,
  });
  return answerWithETag(request, svg, {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": EMBED_CACHE_CONTROL,
    Vary: "Accept-Language, Cookie",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
    "Cross-Origin-Resource-Policy": "cross-origin",
    "Access-Control-Allow-Origin": "*",
    "X-Content-Type-Options": "nosniff",
  });
}
