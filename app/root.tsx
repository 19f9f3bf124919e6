import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { useNonce } from "~/lib/nonce";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getLocale(request);
  return { locale };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? "fr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader() {
  const { t, locale } = useT();
  const location = useLocation();
  const other = locale === "fr" ? "en" : "fr";
  const params = new URLSearchParams(location.search);
  params.set("lang", other);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={`${t("site.name")} — ${t("site.tagline")}`}>
            <span className="brand__mark" aria-hidden="true">
              R
            </span>
            <span className="brand__name">{t("site.name")}</span>
          </Link>
          <Form method="get" action="/search" role="search" className="header-search">
            <label htmlFor="header-q" className="visually-hidden">
              {t("nav.search")}
            </label>
            <input id="header-q" type="search" name="q" placeholder={t("nav.search")} autoComplete="off" />
            <button type="submit">{t("nav.searchButton")}</button>
          </Form>
          <nav className="header-nav" aria-label={t("site.name")}>
            <Link to="/write-a-review">{t("nav.writeReview")}</Link>
            <Link to="/brand">{t("nav.forBusinesses")}</Link>
            <a
              href={`${location.pathname}?${params.toString()}`}
              hrefLang={other}
              lang={other}
              className="lang-switch"
              aria-label={`${t("nav.language")}: ${other === "fr" ? "Français" : "English"}`}
            >
              {other.toUpperCase()}
            </a>
            <Link to="/login" className="button button--small">
              {t("nav.login")}
            </Link>
          </nav>
        </div>
      </header>
    </>
  );
}

function SiteFooter() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t("footer.about")}</p>
        <nav aria-label={t("footer.transparency")}>
          <Link to="/transparency">{t("footer.transparency")}</Link>
          <Link to="/report">{t("footer.report")}</Link>
        </nav>
      </div>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
