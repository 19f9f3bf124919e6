import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthSwitch, CurrentPasswordField, usePasswordForm } from "~/components/AccountForm";
import { ConformField, ConformFormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { loginSchema, parseAccountForm, type LoginFields } from "~/lib/account-forms";
import { refuse, tooManyAttempts } from "~/lib/form-answers.server";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { AUTH_FLOOR_MS, withMinimumDuration } from "~/lib/timing.server";
import { logIn } from "~/models/auth.server";
import { getSession, requireAnonymous } from "~/models/permissions.server";
import { deleteSession, sessionCookies } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "login.title", "login.description");

export async function loader({ request }: LoaderFunctionArgs) {
  requireAnonymous(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const redirectTo = safeRedirect(form.get("redirectTo"), "/");
  const submission = parseAccountForm(form, loginSchema);
  if (submission.status !== "success") return refuse(submission);
  const result = await withMinimumDuration(AUTH_FLOOR_MS, () =>
    logIn(submission.value, { ip: clientIp(context), userAgent: request.headers.get("User-Agent") }),
  );
  if (result.ok) {
    // A fresh session on every log-in; the one the browser had before (if any) ends.
    const previous = getSession(request);
    if (previous) deleteSession(previous.session.id);
    return redirect(redirectTo, {
      headers: { "Set-Cookie": sessionCookies(request).set(result.token, result.session.expiresAt) },
    });
  }
  if (result.reason === "rate_limited") return tooManyAttempts(submission, result.retryAfter);
  // The same answer for an unknown email and a wrong password.
  return refuse(submission, { formErrors: [result.reason === "suspended" ? "login.suspended" : "login.invalid"] });
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const { formRef, form, fields } = usePasswordForm<LoginFields>("login", answer, answer?.result);
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("login.title")}</h1>
      <Form method="post" className="card auth-form" ref={formRef} {...getFormProps(form)}>
        <ConformFormError form={form} vars={answer?.vars} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <ConformField label={t("login.email")} field={fields.email} type="email" autoComplete="username" inputMode="email" required />
        <CurrentPasswordField label={t("login.password")} field={fields.password} />
        <p className="auth-form__aside">
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </p>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <AuthSwitch question={t("login.noAccount")} link={t("login.signupLink")} to="/signup" redirectTo={redirectTo} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
