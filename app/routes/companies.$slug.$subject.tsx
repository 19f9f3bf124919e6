import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CompanyHeader } from "~/components/CompanyHeader";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { ReviewList } from "~/components/ReviewList";
import { ScoreSummary } from "~/components/ScoreSummary";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { parseReviewQuery, toFilters } from "~/lib/review-filters";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { getCompanyBySlug, getRatingSummary, getSubject } from "~/models/companies.server";
import { listReviews } from "~/models/reviews.server";
import { reviewJsonLd } from "~/lib/json-ld";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  const subject = company ? getSubject(company.id, params.subject ?? "") : null;
  if (!company || !subject) throw notFound();
  const url = new URL(request.url);
  const query = parseReviewQuery(url.searchParams);
  const summary = getRatingSummary("subject", subject.id, query.basis);
  return {
    company,
    subject,
    summary,
    page: listReviews({ subjectId: subject.id }, { filters: toFilters(query), sort: query.sort, before: query.before }),
    query,
    locale: getLocale(request),
    canonical: `${requestSiteOrigin(request)}/companies/${company.slug}/${subject.slug}`,
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return []; // the error boundary sets a localized title
  const { company, subject, summary, locale, canonical, page } = data;
  const type =
    subject.kind === "store"
      ? "LocalBusiness"
      : subject.kind === "product"
        ? "Product"
        : subject.kind === "website"
          ? "WebSite"
          : "Service";
  return seoMeta({
    title: `${subject.name} — ${company.name} — Réplique`,
    description: translate(locale, "company.meta", {
      name: subject.name,
      count: summary.reviewCount,
      score: summary.trustScore?.toLocaleString(locale) ?? "—",
    }),
    url: canonical,
    locale,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": type,
      name: subject.name,
      ...(subject.kind === "store" && subject.address
        ? {
            address: {
              "@type": "PostalAddress",
              streetAddress: subject.address,
              postalCode: subject.postalCode,
              addressLocality: subject.city,
            },
          }
        : {}),
      ...(subject.url ? { url: subject.url } : {}),
      ...(summary.reviewCount > 0 && summary.rawMean != null
        ? {
            aggregateRating: {
              "@type": "AggregateRating",
              ratingValue: summary.rawMean,
              reviewCount: summary.reviewCount,
              bestRating: 5,
              worstRating: 1,
            },
          }
        : {}),
      review: page.reviews
        .filter((r) => r.status === "published")
        .slice(0, 10)
        .map(reviewJsonLd),
    },
  });
};

export default function SubjectPage() {
  const { company, subject, summary, page, query } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page">
      <CompanyHeader
        company={company}
        subtitle={
          <div>
            <h2 style={{ margin: "0.25rem 0" }}>{subject.name}</h2>
            <p className="muted" style={{ margin: 0 }}>
              {t(`subjectKind.${subject.kind}`)}
              {subject.address ? ` · ${subject.address}, ${subject.postalCode ?? ""} ${subject.city ?? ""}` : ""}
              {subject.url ? (
                <>
                  {" · "}
                  <a href={subject.url} rel="nofollow noopener">
                    {subject.url}
                  </a>
                </>
              ) : null}
            </p>
            <p>
              <Link to={`/write-a-review?subject=${subject.id}`} className="button button--small">
                {t("company.writeReview")}
              </Link>
            </p>
          </div>
        }
      />
      <div className="section" style={{ maxWidth: 760 }}>
        <section className="card" aria-label={t("score.trustscore")}>
          <ScoreSummary summary={summary} basis={query.basis} />
        </section>
        <ReviewList reviews={page.reviews} nextCursor={page.nextCursor} query={query} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
