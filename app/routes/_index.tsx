import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CompanyTile } from "~/components/CompanyTile";
import { Thread } from "~/components/Thread";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { listCategories, listRecentlyReviewedCompanies } from "~/models/companies.server";
import { listLatestAnswered, listLatestReviews } from "~/models/reviews.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { HelpfulViewerProvider } from "~/components/HelpfulVote";
import { getUser } from "~/models/permissions.server";
import { getHelpfulViewer } from "~/models/review-viewers.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const latest = listLatestReviews(4);
  const answered = listLatestAnswered(4);
  return {
    locale: getLocale(request),
    canonical: `${requestSiteOrigin(request)}/`,
    categories: listCategories(),
    recent: listRecentlyReviewedCompanies(8),
    latest,
    answered,
    helpful: getHelpfulViewer(
      getUser(request),
      [...latest, ...answered].map((r) => r.id),
    ),
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data
    ? seoMeta({
        title: translate(data.locale, "home.title"),
        description: translate(data.locale, "site.description"),
        url: data.canonical,
        search: location.search,
        locale: data.locale,
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: "Réplique",
          url: data.canonical,
          potentialAction: {
            "@type": "SearchAction",
            target: `${data.canonical}search?q={query}`,
            "query-input": "required name=query",
          },
        },
      })
    : [];

export default function Home() {
  const { categories, recent, latest, answered, helpful } = useLoaderData<typeof loader>();
  const { t, tp, locale } = useT();
  return (
    <>
      <section className="hero">
        <div className="hero__inner">
          <h1 style={{ margin: 0 }}>{t("home.heading")}</h1>
          <p>{t("home.lead")}</p>
          <Form method="get" action="/search" role="search" aria-label={t("home.searchLabel")} className="hero-search">
            <label htmlFor="home-q" className="visually-hidden">
              {t("home.searchLabel")}
            </label>
            <input id="home-q" type="search" name="q" placeholder={t("home.searchLabel")} />
            <button type="submit">{t("nav.searchButton")}</button>
          </Form>
        </div>
      </section>
      <div className="page">
        <section aria-labelledby="categories-title">
          <h2 id="categories-title">{t("home.categories")}</h2>
          <ul className="chips">
            {categories.map((c) => (
              <li key={c.id}>
                <Link className="chip" to={`/categories/${c.slug}`}>
                  {locale === "fr" ? c.nameFr : c.nameEn}
                  <span className="muted">&nbsp;· {tp("home.companyCount", c.companyCount)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="recent-title" className="section">
          <h2 id="recent-title">{t("home.recent")}</h2>
          <ul className="company-grid">
            {recent.map((c) => (
              <li key={c.id}>
                <CompanyTile company={c} />
              </li>
            ))}
          </ul>
        </section>
        <HelpfulViewerProvider value={helpful}>
          <section aria-labelledby="latest-title" className="section">
            <h2 id="latest-title">{t("home.latest")}</h2>
            <div className="latest">
              {latest.map((review) => (
                <Thread key={review.id} review={review} showCompany />
              ))}
            </div>
          </section>
          <section aria-labelledby="answered-title" className="section">
            <h2 id="answered-title">{t("home.answered")}</h2>
            <div className="latest">
              {answered.map((review) => (
                <Thread key={review.id} review={review} showCompany />
              ))}
            </div>
          </section>
        </HelpfulViewerProvider>
      </div>
    </>
  );
}
