import { getFormProps, useForm } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { parseAccountForm, verifyEmailSchema } from "~/lib/account-forms";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { flashCookie } from "~/lib/flash.server";
import { confirmEmailToken, isLiveToken } from "~/models/auth.server";
import { getSession } from "~/models/permissions.server";
import { createSession, deleteSession, sessionCookies } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "verify.title");

// The link in the mail opens this page; only the button (a POST) uses the token, so that
// mail scanners that follow links do not spend it.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: isLiveToken(token, ["verify_email", "change_email"]) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseAccountForm(await readForm(request), verifyEmailSchema);
  // A link that is malformed, used or expired: one answer for all.
  const result = submission.status === "success" ? confirmEmailToken(submission.value.token) : { ok: false as const };
  if (!result.ok) return { invalid: true };

  const headers = new Headers();
  if (result.purpose === "change_email") {
    headers.append("Set-Cookie", await flashCookie(request, "verify.changeDone"));
    return redirect("/account", { headers });
  }
  // A new account's link logs its owner in (the link proves the mailbox), with a fresh
  // session; whatever session the browser had ends. Suspended accounts are not logged in.
  const previous = getSession(request);
  if (!result.suspended) {
    if (previous) deleteSession(previous.session.id);
    const { token: sessionToken, session } = createSession(result.userId, {
      ip: clientIp(context),
      userAgent: request.headers.get("User-Agent"),
    });
    headers.append("Set-Cookie", sessionCookies(request).set(sessionToken, session.expiresAt));
  }
  headers.append("Set-Cookie", await flashCookie(request, "verify.done"));
  return redirect("/", { headers });
}

export default function VerifyEmailPage() {
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const invalid = !valid || actionData?.invalid;
  // Nothing to type: the button sends the token of the link.
  const [form, fields] = useForm({ id: "verify-email" });
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("verify.title")}</h1>
      {invalid ? (
        <div className="card" role="alert">
          <p>{t("verify.invalid")}</p>
          <p>
            {t("verify.invalidHelp")} <Link to="/account">{t("nav.account")}</Link>
          </p>
        </div>
      ) : (
        <Form method="post" className="card auth-form" {...getFormProps(form)}>
          <p>{t("verify.body")}</p>
          <input type="hidden" name={fields.token.name} value={token} />
          <button type="submit">{t("verify.submit")}</button>
        </Form>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
