import { getFormProps } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordField, usePasswordForm } from "~/components/AccountForm";
import { ConformFormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { parseAccountForm, type ResetFields } from "~/lib/account-forms";
import { refuse } from "~/lib/form-answers.server";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { isLiveToken, resetActionSchema, resetPassword } from "~/models/auth.server";
import { readSessionToken, sessionCookies } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "reset.title");

// The link opens a form; the token is spent only when the new password is posted.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: isLiveToken(token, ["reset_password"]) };
}

/** The link no longer works (used, expired, replaced by a newer one). */
type Invalid = { invalid: true };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseAccountForm(form, resetActionSchema);
  if (submission.status !== "success") return refuse(submission);
  const { token, password } = submission.value;
  const result = await resetPassword(token, password, { origin: requestSiteOrigin(request) });
  if (!result.ok) return data<Invalid>({ invalid: true }, { status: 400 });
  // Every session ended, this browser's too: log in again with the new password.
  const headers = new Headers();
  if (readSessionToken(request)) {
    headers.append("Set-Cookie", sessionCookies(request).clear());
  }
  headers.append("Set-Cookie", await flashCookie(request, "reset.done"));
  return redirect("/login", { headers });
}

export default function ResetPasswordPage() {
  const { token, valid } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refused = answer && "result" in answer ? answer : undefined;
  const navigation = useNavigation();
  const { t } = useT();
  const { formRef, form, fields } = usePasswordForm<ResetFields>("reset-password", answer, refused?.result);
  if (!valid || (answer && "invalid" in answer)) {
    return (
      <div className="page page--narrow auth-page">
        <h1>{t("reset.title")}</h1>
        <div className="card" role="alert">
          <p>{t("reset.invalid")}</p>
          <p>
            <Link to="/forgot-password">{t("reset.again")}</Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="card auth-form" ref={formRef} {...getFormProps(form)}>
        <ConformFormError form={form} />
        <input type="hidden" name={fields.token.name} value={token} />
        <NewPasswordField label={t("reset.password")} field={fields.password} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
