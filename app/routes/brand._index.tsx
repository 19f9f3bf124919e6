// The brand dashboard's home: the signed-in user's companies, or why there are none.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { requireUser } from "~/models/permissions.server";
import { listMemberCompanies } from "~/models/replies.server";
import brandStyles from "~/styles/brand.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: brandStyles }];

// Private pages: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "brand.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { companies: listMemberCompanies(user.id) };
}

export default function BrandHome() {
  const { companies } = useLoaderData<typeof loader>();
  const { t, tp } = useT();
  return (
    <div className="page page--narrow brand-page">
      <h1>{t("brand.title")}</h1>
      <p>{t("brand.intro")}</p>
      {companies.length === 0 ? (
        <section className="card" aria-labelledby="brand-none">
          <h2 id="brand-none">{t("brand.none.title")}</h2>
          <p>{t("brand.none.body")}</p>
          <p>
            <Link to="/for-companies">{t("brand.none.howTo")}</Link> · <Link to="/companies/new">{t("forCompanies.add")}</Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="brand-companies">
          <h2 id="brand-companies">{t("brand.companies")}</h2>
          <ul className="brand-companies">
            {companies.map((c) => (
              <li key={c.id} className="card brand-company">
                <h3 className="brand-company__name">
                  <Link to={`/brand/${c.slug}`}>{c.name}</Link>
                </h3>
                <p className="brand-company__facts">
                  <span>{t(`brand.role.${c.role}` as MessageKey)}</span>
                  {" · "}
                  <span className={c.state === "verified" ? "badge badge--verified" : "badge"}>
                    {t(`brand.state.${c.state}` as MessageKey)}
                  </span>
                </p>
                <p>{tp("brand.awaiting", c.awaiting)}</p>
                <p>
                  <Link to={`/brand/${c.slug}`} className="button">
                    {t("brand.openInbox")}
                  </Link>{" "}
                  <Link to={`/brand/${c.slug}/metrics`} className="button button--ghost">
                    {t("metrics.open")}
                  </Link>
                  {c.state !== "verified" ? (
                    <>
                      {" "}
                      <Link to={`/companies/${c.slug}/claim`} className="button button--ghost">
                        {t("brand.verifyIt")}
                      </Link>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
