import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SUBJECT_KINDS } from "#db/enums";
import { CompanyTile } from "~/components/CompanyTile";
import { Thread } from "~/components/Thread";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { listCategories } from "~/models/companies.server";
import { MAX_SEARCH_PAGE, MIN_WORD_LENGTH, search } from "~/models/search.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { Pagination } from "~/components/Pagination";

const querySchema = z.object({
  q: z.string().max(200).catch(""),
  category: z.string().max(80).optional().catch(undefined),
  kind: z.enum(SUBJECT_KINDS).optional().catch(undefined),
  // Every page of a query costs the same (search.server.ts ranks the same candidates).
  page: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = querySchema.parse({
    q: url.searchParams.get("q") ?? "",
    category: url.searchParams.get("category") || undefined,
    kind: url.searchParams.get("kind") || undefined,
    page: url.searchParams.get("page") ?? 1,
  });
  const results = query.q.trim() ? search(query.q, { category: query.category, kind: query.kind, page: query.page }) : null;
  return {
    query,
    results,
    minWordLength: MIN_WORD_LENGTH,
    categories: listCategories(),
    locale: getLocale(request),
    canonical: `${requestSiteOrigin(request)}/search`,
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data
    ? [
        ...seoMeta({
          title: `${data.query.q ? translate(data.locale, "search.resultsFor", { q: data.query.q }) : translate(data.locale, "search.title")} — Réplique`,
          description: translate(data.locale, "site.description"),
          url: data.canonical,
          search: location.search,
          locale: data.locale,
        }),
        { name: "robots", content: "noindex, follow" },
      ]
    : [];

export default function SearchPage() {
  const { query, results, minWordLength, categories } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  return (
    <div className="page">
      <h1>{query.q ? t("search.resultsFor", { q: query.q }) : t("search.title")}</h1>
      <Form method="get" className="filters card" role="search" aria-label={t("search.formLabel")}>
        <div className="field" style={{ flex: "3 1 16rem" }}>
          <label htmlFor="search-q">{t("search.query")}</label>
          <input id="search-q" type="search" name="q" defaultValue={query.q} />
        </div>
        <div className="field">
          <label htmlFor="search-category">{t("search.category")}</label>
          <select id="search-category" name="category" defaultValue={query.category ?? ""}>
            <option value="">{t("search.anyCategory")}</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {locale === "fr" ? c.nameFr : c.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-kind">{t("search.kind")}</label>
          <select id="search-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">{t("search.anyKind")}</option>
            {SUBJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`subjectKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("nav.searchButton")}</button>
      </Form>
      {!results ? <p className="section">{t("search.empty")}</p> : null}
      {results?.tooShort ? <p className="section">{t("search.tooShort", { min: minWordLength })}</p> : null}
      {results?.timedOut ? (
        <p className="notice notice--warn section" role="status">
          {t("search.timedOut")}
        </p>
      ) : null}
      {results && !results.tooShort && !results.timedOut && results.companies.length === 0 && results.reviews.length === 0 ? (
        <p className="section">{t("search.none", { q: query.q })}</p>
      ) : null}
      {results && results.companies.length > 0 ? (
        <section className="section" aria-labelledby="search-companies">
          <h2 id="search-companies">{t("search.companies")}</h2>
          <ul className="company-grid">
            {results.companies.map((c) => (
              <li key={c.id}>
                <CompanyTile company={c} />
                {c.subjects.length > 0 ? (
                  <ul className="search-subjects">
                    {c.subjects.map((s) => (
                      <li key={s.slug}>
                        <Link to={`/companies/${c.slug}/${s.slug}`}>{s.name}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results && results.reviews.length > 0 ? (
        <section className="section" aria-labelledby="search-reviews" style={{ maxWidth: 820 }}>
          <h2 id="search-reviews">{t("search.reviews")}</h2>
          {results.reviews.map((r) => (
            <Thread key={r.id} review={r} showCompany />
          ))}
        </section>
      ) : null}
      {results ? (
        <Pagination
          nextCursor={results.hasMore ? String(results.page + 1) : null}
          param="page"
          nextLabel={t("search.nextPage")}
          firstLabel={t("search.firstPage")}
        />
      ) : null}
    </div>
  );
}
