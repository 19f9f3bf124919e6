import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ReviewList } from "~/components/ReviewList";
import { sentToCompanyPage, shownOnCompanyPage } from "~/lib/company-page";
import { ScoreSummary } from "~/components/ScoreSummary";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { parseReviewQuery, toFilters } from "~/lib/review-filters";
import { PUBLIC_PAGE_CACHE, seoMeta, subjectTitle } from "~/lib/seo";
import { getCompanyBySlug, getRatingSummary } from "~/models/companies.server";
import { findSubjectPage } from "~/models/company-subjects.server";
import { listReviews } from "~/models/reviews.server";
import { bodiesInDocumentOnly } from "~/lib/document-html.server";
import { subjectJsonLd } from "~/lib/json-ld";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";
import { HelpfulViewerProvider } from "~/components/HelpfulVote";
import { getUser } from "~/models/permissions.server";
import { getHelpfulViewer } from "~/models/review-viewers.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  // Active and closed subjects have a page (a closed one keeps its reviews, and says so).
  const subject = company ? findSubjectPage(company.id, params.subject ?? "") : null;
  if (!company || !subject) throw notFound();
  const url = new URL(request.url);
  const query = parseReviewQuery(url.searchParams);
  const summary = getRatingSummary("subject", subject.id, query.basis);
  const page = listReviews({ subjectId: subject.id }, { filters: toFilters(query), sort: query.sort, before: query.before });
  return {
    company,
    subject,
    summary,
    page: { ...page, reviews: sentToCompanyPage(bodiesInDocumentOnly(context, page.reviews)) },
    helpful: getHelpfulViewer(
      getUser(request),
      page.reviews.map((r) => r.id),
    ),
    query,
    locale: getLocale(request),
    canonical: `${requestSiteOrigin(request)}/companies/${company.slug}/${subject.slug}`,
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return []; // the error boundary sets a localized title
  const { company, subject, summary, locale, canonical, page } = data;
  return seoMeta({
    title: `${subjectTitle(subject.name, company.name)} — Réplique`,
    description: translate(locale, "company.meta", {
      name: subject.name,
      count: summary.reviewCount,
      score: summary.trustScore?.toLocaleString(locale) ?? "—",
    }),
    url: canonical,
    search: location.search,
    locale,
    jsonLd: subjectJsonLd(subject, summary, shownOnCompanyPage(page.reviews, company), canonical),
  });
};

export default function SubjectPage() {
  const { company, subject, summary, page, query, helpful } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page">
      <header className="company-head subject-head">
        <p className="subject-head__company">
          <Link to={`/companies/${company.slug}`}>{company.name}</Link>
          {company.state === "verified" ? (
            <Link to="/transparency#verified-companies" className="badge badge--verified">
              ✓ {t("company.verified")}
            </Link>
          ) : null}
        </p>
        <h1 style={{ margin: 0 }}>{subject.name}</h1>
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
        {subject.closed ? (
          <p className="notice subject-closed">{t("subjects.closedLine", { company: company.name })}</p>
        ) : (
          <p style={{ margin: 0 }}>
            <Link to={`/write-a-review?subject=${subject.id}`} className="button button--small">
              {t("company.writeReview")}
            </Link>
          </p>
        )}
      </header>
      <div className="section" style={{ maxWidth: 760 }}>
        <section className="card" aria-label={t("score.trustscore")}>
          <ScoreSummary summary={summary} basis={query.basis} />
        </section>
        <HelpfulViewerProvider value={helpful}>
          <ReviewList reviews={shownOnCompanyPage(page.reviews, company)} nextCursor={page.nextCursor} query={query} />
        </HelpfulViewerProvider>
      </div>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
