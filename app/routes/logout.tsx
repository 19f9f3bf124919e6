import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { getSession } from "~/models/permissions.server";
import { deleteSession, sessionCookies } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "logout.title");

// GET changes nothing: it shows a button that posts here.
export async function loader({ request }: LoaderFunctionArgs) {
  return { loggedIn: getSession(request) !== null };
}

export async function action({ request }: ActionFunctionArgs) {
  const current = getSession(request);
  if (current) deleteSession(current.session.id);
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookies(request).clear());
  headers.append("Set-Cookie", await flashCookie(request, "logout.done"));
  return redirect("/", { headers });
}

export default function LogoutPage() {
  const { loggedIn } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("logout.title")}</h1>
      {loggedIn ? (
        <Form method="post" className="card auth-form">
          <p>{t("logout.body")}</p>
          <button type="submit">{t("logout.submit")}</button>
        </Form>
      ) : (
        <p className="card">
          {t("logout.notLoggedIn")} <Link to="/login">{t("nav.login")}</Link>
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
