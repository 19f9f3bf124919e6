// /companies/:slug/share.png: the company's share card (app/lib/share-card.ts), the og:image
// and twitter:image of its page, in the visitor's language (?lang=), with an ETag; previews
// and browsers keep it an hour.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatNumber, translate, translatePlural } from "~/i18n";
import { matchesIfNoneMatch } from "~/lib/page-cache.server";
import { notFound } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { shareCardSvg } from "~/lib/share-card";
import { getCompanyBySlug, getRatingSummary } from "~/models/companies.server";
import { shareCardPng, shareCardTag } from "~/models/share-card.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company || company.listing === "pending") throw notFound();
  const locale = getLocale(request);
  const summary = getRatingSummary("company", company.id, "all");
  const svg = shareCardSvg({
    name: company.name,
    score: summary.trustScore != null ? `${formatNumber(locale, summary.trustScore, { minimumFractionDigits: 1 })} / 5` : null,
    count: translatePlural(locale, "score.reviewCount", summary.reviewCount),
    scoreLabel: translate(locale, "score.trustscore"),
    tagline: translate(locale, "share.tagline"),
  });
  const etag = `"${shareCardTag(svg)}"`;
  const headers = {
    "Cache-Control": "public, max-age=3600",
    ETag: etag,
    Vary: "Accept-Language, Cookie",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  if (matchesIfNoneMatch(request.headers.get("If-None-Match") ?? undefined, etag)) return new Response(null, { status: 304, headers });
  const png = await shareCardPng(svg);
  return new Response(new Uint8Array(png), {
    headers: { ...headers, "Content-Type": "image/png", "Content-Length": String(png.byteLength) },
  });
}
