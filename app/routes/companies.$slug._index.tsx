import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { ReviewList } from "~/components/ReviewList";
import { Scorecard } from "~/components/Scorecard";
import { ScoreSummary } from "~/components/ScoreSummary";
import { CompanyHeader } from "~/components/CompanyHeader";
import { CompanyWarnings, RemovedReviews } from "~/components/CompanyWarnings";
import { Stars } from "~/components/Stars";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { parseReviewQuery, toFilters } from "~/lib/review-filters";
import { SIDEBAR_SUBJECTS, subjectsLink, sentToCompanyPage, shownOnCompanyPage, withShownDescription } from "~/lib/company-page";
import { companyJsonLd } from "~/lib/json-ld";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import {
  companyPageSubjects,
  getCompanyBySlug,
  getInvitedGap,
  getRatingSummary,
  getCachedScorecard,
  type SubjectSummary,
} from "~/models/companies.server";
import { SCORE_BASES } from "~/lib/trustscore";
import { listReviews } from "~/models/reviews.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";
import { bodiesInDocumentOnly } from "~/lib/document-html.server";
import { getActiveWarnings, getRemovedCounts } from "~/models/company-warnings.server";
import { InvitedGapNotice } from "~/components/InvitedGapNotice";
import { HelpfulViewerProvider } from "~/components/HelpfulVote";
import { getUser } from "~/models/permissions.server";
import { getHelpfulViewer } from "~/models/review-viewers.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company) throw notFound();
  const url = new URL(request.url);
  const query = parseReviewQuery(url.searchParams);
  const locale = getLocale(request);
  const summary = getRatingSummary("company", company.id, query.basis);
  const allSummary = query.basis === "all" ? summary : getRatingSummary("company", company.id, "all");
  const page = listReviews({ companyId: company.id }, { filters: toFilters(query), sort: query.sort, before: query.before });
  const canonical = `${requestSiteOrigin(request)}/companies/${company.slug}`;
  return {
    company: withShownDescription(company, locale),
    summary,
    allSummary,
    subjects: companyPageSubjects(company.id, url.searchParams.get("subjects") === "all", query.subject),
    scorecard: getCachedScorecard(company.id, `${allSummary.reviewCount}:${allSummary.replyCount}`),
    page: { ...page, reviews: sentToCompanyPage(bodiesInDocumentOnly(context, page.reviews)) },
    query,
    canonical,
    locale,
    warnings: getActiveWarnings(company.id),
    removed: getRemovedCounts(company.id),
    invitedGap: getInvitedGap(company.id),
    helpful: getHelpfulViewer(
      getUser(request),
      page.reviews.map((r) => r.id),
    ),
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return []; // the error boundary sets a localized title
  const { company, summary, allSummary, locale, canonical, page } = data;
  const other = companyFormats(company.slug, new URL(canonical).origin);
  const score = allSummary.trustScore != null ? allSummary.trustScore.toLocaleString(locale) : "—";
  const tags = seoMeta({
    title: `${company.name} — ${translate(locale, "score.reviewCount.other", { count: allSummary.reviewCount })} — Réplique`,
    description: translate(locale, "company.meta", { name: company.name, count: allSummary.reviewCount, score }),
    url: canonical,
    search: location.search,
    locale,
    type: "profile",
    // The figures the page's headline shows (the TrustScore on the basis chosen).
    jsonLd: companyJsonLd(company, summary, shownOnCompanyPage(page.reviews, company), canonical),
    image: {
      path: `/companies/${company.slug}/share.png?lang=${locale}`,
      alt: translate(locale, "share.alt", {
        company: company.name,
        figures: `${translate(locale, "score.trustscore")} ${score} / 5 · ${translate(locale, "score.reviewCount.other", { count: allSummary.reviewCount })}`,
      }),
    },
    alternates: [
      { type: "application/atom+xml", href: other.feed, title: translate(locale, "company.feed", { name: company.name }) },
      { type: "application/json", href: other.api, title: translate(locale, "company.api", { name: company.name }) },
    ],
  });
  // Added by a reviewer and not yet checked by a moderator: not for search engines yet.
  return company.listing === "pending" ? [...tags, { name: "robots", content: "noindex" }] : tags;
};

/** The company's reviews in other formats: the Atom feed and the JSON API (`origin`: absolute). */
function companyFormats(slug: string, origin = "") {
  return { feed: `${origin}/companies/${slug}/feed.atom`, api: `${origin}/api/companies/${slug}` };
}

export default function CompanyPage() {
  const { company, summary, subjects, scorecard, page, query, warnings, removed, invitedGap, helpful } = useLoaderData<typeof loader>();
  const { t } = useT();
  const location = useLocation();
  const viewer = useRouteLoaderData<{ user: { role: string } | null }>("root")?.user;
  const basisLinks = SCORE_BASES.map((basis) => {
    const params = new URLSearchParams(location.search);
    params.delete("before");
    if (basis === "all") params.delete("basis");
    else params.set("basis", basis);
    const search = params.toString();
    return { basis, href: `${location.pathname}${search ? `?${search}` : ""}` };
  });
  return (
    <div className="page">
      <CompanyHeader company={company} />
      <CompanyWarnings warnings={warnings} />
      {viewer?.role === "moderator" || viewer?.role === "admin" ? (
        <p>
          <Link to={`/moderation/companies/${company.slug}`}>{t("mcompany.fromPublic")}</Link>
        </p>
      ) : null}
      <div className="grid-2 section">
        <div>
          <section className="card" aria-label={t("score.trustscore")}>
            <ScoreSummary summary={summary} basis={query.basis} basisLinks={basisLinks} />
          </section>
          {invitedGap ? <InvitedGapNotice gap={invitedGap} company={company.name} /> : null}
          <HelpfulViewerProvider value={helpful}>
            <ReviewList
              reviews={shownOnCompanyPage(page.reviews, company)}
              nextCursor={page.nextCursor}
              query={query}
              subjects={subjects}
            />
          </HelpfulViewerProvider>
        </div>
        <aside className="sidebar">
          <Scorecard data={scorecard} />
          <RemovedReviews removed={removed} />
          <SubjectsSidebar companySlug={company.slug} subjects={subjects.sidebar} total={subjects.total} />
          <CompanyFormatsLinks company={company} />
        </aside>
      </div>
    </div>
  );
}

/** The subjects of the sidebar, and the link to all of them (or back to the most reviewed). */
function SubjectsSidebar({ companySlug, subjects, total }: { companySlug: string; subjects: SubjectSummary[]; total: number }) {
  const { t, tp, n } = useT();
  const location = useLocation();
  const linkWith = (all: boolean) => subjectsLink(location, all, "subjects-title");
  return (
    <section className="card section" aria-labelledby="subjects-title">
      <h2 id="subjects-title">{t("company.subjects")}</h2>
      <ul className="subject-list">
        {subjects.map((s) => (
          <li key={s.id}>
            <span>
              <Link to={`/companies/${companySlug}/${s.slug}`}>{s.name}</Link>
              <br />
              <span className="muted">
                {t(`subjectKind.${s.kind}`)}
                {s.city ? ` · ${s.city}` : ""} · {tp("score.reviewCount", s.reviewCount)}
              </span>
            </span>
            <span className="subject-list__score">
              {s.trustScore != null ? (
                <>
                  <Stars value={s.trustScore} /> {n(s.trustScore, { minimumFractionDigits: 1 })}
                </>
              ) : null}
              <br />
              <Link to={`/write-a-review?subject=${s.id}`} className="small-link">
                {t("company.writeReview")}
              </Link>
            </span>
          </li>
        ))}
      </ul>
      {total > subjects.length ? (
        <p>
          <Link to={linkWith(true)} preventScrollReset>
            {tp("company.allSubjects", total)}
          </Link>
        </p>
      ) : total > SIDEBAR_SUBJECTS ? (
        <p>
          <Link to={linkWith(false)} preventScrollReset>
            {t("company.topSubjects", { count: SIDEBAR_SUBJECTS })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function CompanyFormatsLinks({ company }: { company: { name: string; slug: string } }) {
  const { t } = useT();
  const other = companyFormats(company.slug);
  return (
    <p className="card section">
      {t("company.otherFormats")}{" "}
      <a href={other.feed} type="application/atom+xml">
        {t("company.feed", { name: company.name })}
      </a>
      {" · "}
      <a href={other.api} type="application/json">
        {t("company.api", { name: company.name })}
      </a>
    </p>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
