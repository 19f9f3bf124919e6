// "For companies": what a company gets on Réplique (everything free), what it can and can
// never do, and how to start. Public, readable signed out; the header's link comes here.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { countMemberships } from "~/models/company-claims.server";
import { getUser } from "~/models/permissions.server";
import companiesStyles from "~/styles/companies.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: companiesStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = getUser(request);
  return {
    locale: getLocale(request),
    canonical: `${requestSiteOrigin(request)}/for-companies`,
    signedIn: user != null,
    member: user ? countMemberships(user.id) > 0 : false,
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) =>
  data
    ? seoMeta({
        title: `${translate(data.locale, "forCompanies.title")} — Réplique`,
        description: translate(data.locale, "forCompanies.meta"),
        url: data.canonical,
        search: location.search,
        locale: data.locale,
      })
    : [];

const FREE: MessageKey[] = [
  "forCompanies.free.claim",
  "forCompanies.free.reply",
  "forCompanies.free.dashboard",
  "forCompanies.free.noPlan",
];
const CAN: MessageKey[] = ["forCompanies.can.reply", "forCompanies.can.flag", "forCompanies.can.invite"];
const CANNOT: MessageKey[] = [
  "forCompanies.cannot.hide",
  "forCompanies.cannot.edit",
  "forCompanies.cannot.reorder",
  "forCompanies.cannot.delete",
];

export default function ForCompanies() {
  const { signedIn, member } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page page--narrow for-companies">
      <h1>{t("forCompanies.title")}</h1>
      <p className="lead">{t("forCompanies.lead")}</p>
      {member ? (
        <p>
          <Link to="/brand" className="button">
            {t("forCompanies.dashboard")}
          </Link>
        </p>
      ) : null}

      <section className="card section" aria-labelledby="fc-free">
        <h2 id="fc-free">{t("forCompanies.free.title")}</h2>
        <ul>
          {FREE.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </section>

      <div className="for-companies__columns section">
        <section className="card" aria-labelledby="fc-can">
          <h2 id="fc-can">{t("forCompanies.can.title")}</h2>
          <ul>
            {CAN.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="fc-cannot">
          <h2 id="fc-cannot">{t("forCompanies.cannot.title")}</h2>
          <ul>
            {CANNOT.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <p>
            <Link to="/transparency">{t("forCompanies.rules")}</Link>
          </p>
        </section>
      </div>

      <section className="section" aria-labelledby="fc-start">
        <h2 id="fc-start">{t("forCompanies.start.title")}</h2>
        <ol className="for-companies__steps">
          <li>
            <p>{t("forCompanies.start.find")}</p>
            <Form method="get" action="/search" role="search" aria-label={t("forCompanies.search")} className="for-companies__search">
              <label htmlFor="for-companies-q">{t("forCompanies.search")}</label>
              <div className="for-companies__search-row">
                <input id="for-companies-q" type="search" name="q" autoComplete="organization" />
                <button type="submit">{t("forCompanies.searchButton")}</button>
              </div>
            </Form>
          </li>
          <li>
            <p>{t("forCompanies.start.add")}</p>
            <p>
              <Link to="/companies/new" className="button button--ghost">
                {t("forCompanies.add")}
              </Link>
            </p>
          </li>
          <li>
            <p>{t("forCompanies.start.code")}</p>
            <p className="muted">{t("forCompanies.start.freeMail")}</p>
          </li>
          <li>
            <p>{t("forCompanies.start.reply")}</p>
          </li>
        </ol>
        {!signedIn ? <p className="muted">{t("forCompanies.signedOut")}</p> : null}
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
