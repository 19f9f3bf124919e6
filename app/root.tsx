import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary, useErrorPageTitle } from "~/components/ErrorBoundary";
import { Toast } from "~/components/Toast";
import { messagesFor, translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { readFlash } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { headerUser } from "~/models/header.server";
import { sessionCookieUpdate } from "~/models/permissions.server";
import { useNonce } from "~/lib/nonce";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = getLocale(request);
  // The signed-in user (validating the session cookie, extended when due) and a one-shot
  // flash message from the previous page.
  const user = headerUser(request);
  const headers = new Headers();
  const sessionCookie = sessionCookieUpdate(request);
  if (sessionCookie) headers.append("Set-Cookie", sessionCookie);
  const flash = await readFlash(request);
  if (flash.clear) headers.append("Set-Cookie", flash.clear);
  // Translated here: the page that set it is not the one that shows it, nor are its messages.
  const flashText = flash.key && flash.key in messagesFor(locale) ? translate(locale, flash.key as MessageKey) : null;
  return data({ locale, user, flash: flashText }, { headers });
}

// Every navigation re-reads the user: the session's sliding expiry and the unread count stay current.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={data?.locale ?? "fr"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <DocumentMeta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <FlashMessage />
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The routes' title and meta tags or, on an error page, the error's title (one <title>,
 *  in <head>, whichever route's boundary caught the error). */
function DocumentMeta() {
  const errorTitle = useErrorPageTitle();
  return errorTitle ? <title>{errorTitle}</title> : <Meta />;
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
          {/* Named by its visible text (the mark is decorative). */}
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              R
            </span>
            <span className="brand__name">{t("site.name")}</span>
          </Link>
          <Form method="get" action="/search" role="search" aria-label={t("nav.searchLandmark")} className="header-search">
            <label htmlFor="header-q" className="visually-hidden">
              {t("nav.search")}
            </label>
            <input id="header-q" type="search" name="q" placeholder={t("nav.searchPlaceholder")} autoComplete="off" />
            <button type="submit">{t("nav.searchButton")}</button>
          </Form>
          <nav className="header-nav" aria-label={t("site.name")}>
            <Link to="/write-a-review">{t("nav.writeReview")}</Link>
            <Link to="/for-companies">{t("nav.forBusinesses")}</Link>
            <ModerationLink />
            <a
              href={`${location.pathname}?${params.toString()}`}
              hrefLang={other}
              lang={other}
              className="lang-switch"
              aria-label={`${t("nav.language")}: ${other === "fr" ? "Français" : "English"}`}
            >
              {other.toUpperCase()}
            </a>
            <UserMenu />
          </nav>
        </div>
      </header>
    </>
  );
}

function FlashMessage() {
  const data = useRouteLoaderData<typeof loader>("root");
  return data?.flash ? <Toast>{data.flash}</Toast> : null;
}

/** The moderators' and admins' way to their queues. */
function ModerationLink() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useT();
  const role = data?.user?.role;
  if (role !== "moderator" && role !== "admin") return null;
  return <Link to="/moderation">{t("nav.moderation")}</Link>;
}

/** "Log in / Sign up", or the user's menu (a <details>, so it works without JavaScript). */
function UserMenu() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, tp } = useT();
  const user = data?.user;
  if (!user) {
    return (
      <>
        <Link to="/login">{t("nav.login")}</Link>
        <Link to="/signup" className="button button--small">
          {t("nav.signup")}
        </Link>
      </>
    );
  }
  return (
    <details className="user-menu">
      <summary aria-label={`${t("nav.userMenu")}: ${user.displayName}${user.unread > 0 ? `, ${tp("nav.unread", user.unread)}` : ""}`}>
        {user.displayName}
        {user.unread > 0 ? (
          <span className="unread-count" aria-hidden="true">
            {user.unread}
          </span>
        ) : null}
      </summary>
      <div className="user-menu__panel">
        <Link to="/notifications">
          {t("nav.notifications")}
          {user.unread > 0 ? ` (${user.unread})` : ""}
        </Link>
        <Link to={`/users/${user.id}`}>{t("nav.myReviews")}</Link>
        <Link to="/account">{t("nav.account")}</Link>
        <Form method="post" action="/logout">
          <button type="submit">{t("nav.logout")}</button>
        </Form>
      </div>
    </details>
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
