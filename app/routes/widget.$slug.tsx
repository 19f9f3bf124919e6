// /widget/:slug: the widget other sites embed in an iframe. A company's TrustScore, its
// review count and its latest reviews, each with the company's reply (the same Thread as
// every page). A document of its own, without the site's header, footer or scripts, that
// any page may frame (app/lib/embed-document.server.tsx); ?lang=fr|en, ?count=1…10.
// Rendered on every request with an ETag, cached five minutes by the embedding browsers.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { ReviewWidget } from "~/components/ReviewWidget";
import { translate } from "~/i18n";
import { answerWithETag, EMBED_CACHE_CONTROL } from "~/lib/conditional-response.server";
import { EMBED_CSP, embedDocument, renderEmbedded } from "~/lib/embed-document.server";
import { notFound } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { getCompanyBySlug, getRatingSummary } from "~/models/companies.server";
import { listReviews } from "~/models/reviews.server";
import appStyles from "~/styles/app.css?url";
import widgetCss from "~/styles/widget.css?raw";

const count = z.coerce.number().int().min(1).max(10).catch(3);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company) throw notFound();
  const locale = getLocale(request);
  const limit = count.parse(new URL(request.url).searchParams.get("count") ?? undefined);
  const summary = getRatingSummary("company", company.id, "all");
  const { reviews } = listReviews({ companyId: company.id }, { limit });
  const body = await renderEmbedded(
    locale,
    <ReviewWidget
      company={{ slug: company.slug, name: company.name, pending: company.listing === "pending", createdAt: company.createdAt ?? 0 }}
      summary={summary}
      reviews={reviews}
    />,
  );
  const html = embedDocument({
    locale,
    title: translate(locale, "openData.widget.title", { company: company.name }),
    canonical: `${requestSiteOrigin(request)}/companies/${company.slug}`,
    stylesheets: [appStyles],
    css: widgetCss,
    body,
  });
  return answerWithETag(request, html, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": EMBED_CACHE_CONTROL,
    Vary: "Accept-Language, Cookie",
    "Content-Security-Policy": EMBED_CSP,
    "Cross-Origin-Resource-Policy": "cross-origin",
    "X-Content-Type-Options": "nosniff",
  });
}
