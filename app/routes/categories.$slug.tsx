import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CompanyTile } from "~/components/CompanyTile";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { listCategoryCompanies } from "~/models/companies.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const result = listCategoryCompanies(params.slug ?? "");
  if (!result) throw notFound();
  return { ...result, locale: getLocale(request), canonical: `${requestSiteOrigin(request)}/categories/${result.category.slug}` };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return []; // the error boundary sets a localized title
  const name = data.locale === "fr" ? data.category.nameFr : data.category.nameEn;
  const title = translate(data.locale, "category.title", { name });
  return seoMeta({ title: `${title} — Réplique`, description: title, url: data.canonical, search: location.search, locale: data.locale });
};

export default function CategoryPage() {
  const { category, companies } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  return (
    <div className="page">
      <h1>{t("category.title", { name: locale === "fr" ? category.nameFr : category.nameEn })}</h1>
      <ul className="company-grid">
        {companies.map((c) => (
          <li key={c.id}>
            <CompanyTile company={c} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
