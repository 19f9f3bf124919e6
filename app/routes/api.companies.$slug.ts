import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReviewQuery, toFilters } from "~/lib/review-filters";
import { getCompanyBySlug, getRatingSummary, getScorecard, listSubjects, type ScoreBasis } from "~/models/companies.server";
import { listReviews, type PostView } from "~/models/reviews.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { reasonLabel } from "~/lib/moderation-reasons";
import { getActiveWarnings, getRemovedCounts } from "~/models/company-warnings.server";
import { answerWithETag } from "~/lib/conditional-response.server";
import { apiPageSize, type ApiCompanyDocument, type ApiPost, type ApiScore } from "~/lib/open-data";

// Any site may read the API from a browser. A plain GET needs no preflight; Remix hands an
// OPTIONS request to the loader (a resource route's action never sees it), which answers it.
const CORS = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag" };
const PREFLIGHT = {
  ...CORS,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match, Accept, Accept-Language",
  "Access-Control-Max-Age": "86400",
};

// The free, read-only JSON API: a company, its scores, and a page of reviews, each
// with its reply (equal prominence holds in the API too). Its shape is ApiCompanyDocument
// (app/lib/open-data.ts), whose fields /api documents; a company not yet checked by a
// moderator says so (company.listing "pending"), a refused one is a 404.
export function loader({ request, params }: LoaderFunctionArgs) {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: PREFLIGHT });
  const company = getCompanyBySlug(params.slug ?? "");
  const headers = { "Cache-Control": "public, max-age=60", ...CORS };
  if (!company) return Response.json({ error: "not_found" }, { status: 404, headers });
  const url = new URL(request.url);
  const query = parseReviewQuery(url.searchParams);
  const limit = apiPageSize(url.searchParams.get("limit"));
  const page = listReviews({ companyId: company.id }, { filters: toFilters(query), sort: query.sort, before: query.before, limit });
  const score = (basis: ScoreBasis): ApiScore => {
    const s = getRatingSummary("company", company.id, basis);
    return { trust_score: s.trustScore, raw_mean: s.rawMean, review_count: s.reviewCount, histogram: s.histogram };
  };
  const post = (p: PostView | null): ApiPost | null =>
    p && {
      body_html: p.bodyHtml,
      published_at: new Date(p.publishedAt).toISOString(),
      edited_at: p.editedAt ? new Date(p.editedAt).toISOString() : null,
      status: p.status,
    };
  // The same filters, sort and limit, from the cursor on, at the site's public origin.
  const next = new URL(requestSiteOrigin(request));
  next.pathname = url.pathname;
  next.search = url.search;
  if (page.nextCursor) next.searchParams.set("before", page.nextCursor);
  const body: ApiCompanyDocument = {
    company: {
      slug: company.slug,
      name: company.name,
      website: company.website,
      state: company.state,
      listing: company.listing ?? "listed",
      categories: company.categories.map((c) => c.slug),
      url: `${requestSiteOrigin(request)}/companies/${company.slug}`,
    },
    scores: { all: score("all"), verified: score("verified"), invited: score("invited"), organic: score("organic") },
    scorecard: getScorecard(company.id),
    // Public warnings shown on the company page now (newest first), and the reviews removed
    // by moderation in the last 12 months, by reason.
    warnings: getActiveWarnings(company.id).map((w) => ({
      reason: w.reason,
      reason_label: { fr: reasonLabel(w.reason, "fr"), en: reasonLabel(w.reason, "en") },
      statement: w.statement,
      language: w.language,
      since: new Date(w.startsAt).toISOString(),
      until: new Date(w.expiresAt).toISOString(),
    })),
    removed_last_12_months: getRemovedCounts(company.id),
    subjects: listSubjects(company.id).map((s) => ({
      slug: s.slug,
      name: s.name,
      kind: s.kind,
      city: s.city,
      url: s.url,
      review_count: s.reviewCount,
      trust_score: s.trustScore,
    })),
    reviews: page.reviews.map((r) => ({
      id: r.id,
      url: `${requestSiteOrigin(request)}/reviews/${r.id}`,
      status: r.status,
      stars: r.stars,
      title: r.title,
      body_html: r.bodyHtml,
      language: r.language,
      origin: r.origin,
      channel: r.channel,
      experience_date: r.experienceDate,
      published_at: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
      edited_at: r.editedAt ? new Date(r.editedAt).toISOString() : null,
      removed_at: r.removedAt ? new Date(r.removedAt).toISOString() : null,
      removal_reason: r.removalReason,
      resolved_at: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
      author: r.author?.displayName ?? null,
      subject: r.subject.slug,
      reply: post(r.reply),
      follow_up: post(r.followUp),
    })),
    next: page.nextCursor ? next.toString() : null,
  };
  return answerWithETag(request, JSON.stringify(body), { ...headers, "Content-Type": "application/json; charset=utf-8" });
}
