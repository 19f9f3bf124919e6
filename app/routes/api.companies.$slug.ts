import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseReviewQuery, toFilters } from "~/lib/review-filters";
import { getCompanyBySlug, getRatingSummary, getScorecard, listSubjects, SCORE_BASES } from "~/models/companies.server";
import { listReviews, type PostView } from "~/models/reviews.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { reasonLabel } from "~/lib/moderation-reasons";
import { getActiveWarnings, getRemovedCounts } from "~/models/company-warnings.server";

// The free, read-only JSON API: a company, its scores, and a page of reviews, each
// with its reply (equal prominence holds in the API too).
export function loader({ request, params }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  const headers = { "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" };
  if (!company) return Response.json({ error: "not_found" }, { status: 404, headers });
  const url = new URL(request.url);
  const query = parseReviewQuery(url.searchParams);
  const page = listReviews({ companyId: company.id }, { filters: toFilters(query), sort: query.sort, before: query.before });
  const post = (p: PostView | null) =>
    p && {
      body_html: p.bodyHtml,
      published_at: new Date(p.publishedAt).toISOString(),
      edited_at: p.editedAt ? new Date(p.editedAt).toISOString() : null,
      status: p.status,
    };
  const next = new URL(url);
  if (page.nextCursor) next.searchParams.set("before", page.nextCursor);
  return Response.json(
    {
      company: {
        slug: company.slug,
        name: company.name,
        website: company.website,
        state: company.state,
        categories: company.categories.map((c) => c.slug),
        url: `${requestSiteOrigin(request)}/companies/${company.slug}`,
      },
      scores: Object.fromEntries(
        SCORE_BASES.map((basis) => {
          const s = getRatingSummary("company", company.id, basis);
          return [basis, { trust_score: s.trustScore, raw_mean: s.rawMean, review_count: s.reviewCount, histogram: s.histogram }];
        }),
      ),
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
        author: r.author?.displayName ?? null,
        subject: r.subject.slug,
        reply: post(r.reply),
        follow_up: post(r.followUp),
      })),
      next: page.nextCursor ? next.toString() : null,
    },
    { headers },
  );
}
