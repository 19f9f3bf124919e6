import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useRef } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, useClearPasswords } from "~/components/Field";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { fieldErrors, translateErrors } from "~/lib/form-errors";
import { getLocale } from "~/lib/locale.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { AUTH_FLOOR_MS, withMinimumDuration } from "~/lib/timing.server";
import { logIn, loginSchema } from "~/models/auth.server";
import { getSession, requireAnonymous } from "~/models/permissions.server";
import { tooManyRequests } from "~/models/rate-limit.server";
import { deleteSession, serializeSessionCookie } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "login.title", "login.description");

export async function loader({ request }: LoaderFunctionArgs) {
  requireAnonymous(request);
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  return { redirectTo };
}

type ActionData = { values: { email: string }; errors: Record<string, string>; formError: string | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const form = await readForm(request);
  const redirectTo = safeRedirect(form.get("redirectTo"), "/");
  const values = { email: String(form.get("email") ?? "").trim().slice(0, 254) };
  const parsed = loginSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) {
    return data<ActionData>(
      { values, errors: translateErrors(locale, fieldErrors(parsed.error)), formError: translate(locale, "form.fixErrors") },
      { status: 400 },
    );
  }
  const result = await withMinimumDuration(AUTH_FLOOR_MS, () =>
    logIn(parsed.data, { ip: clientIp(context), userAgent: request.headers.get("User-Agent") }),
  );
  if (result.ok) {
    // A fresh session on every log-in; the one the browser had before (if any) ends.
    const previous = getSession(request);
    if (previous) deleteSession(previous.session.id);
    return redirect(redirectTo, {
      headers: { "Set-Cookie": serializeSessionCookie(result.token, result.session.expiresAt) },
    });
  }
  if (result.reason === "rate_limited") {
    return tooManyRequests(locale, result.retryAfter, { values, errors: {} as Record<string, string> });
  }
  const message = result.reason === "suspended" ? "login.suspended" : "login.invalid";
  return data<ActionData>({ values, errors: {}, formError: translate(locale, message) }, { status: 400 });
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  useClearPasswords(formRef, actionData);
  const { t } = useT();
  const errors = actionData?.errors ?? {};
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("login.title")}</h1>
      <Form method="post" className="card auth-form" noValidate ref={formRef}>
        <FormError>{actionData?.formError}</FormError>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("login.email")}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          defaultValue={actionData?.values.email}
          error={errors.email}
        />
        <Field
          label={t("login.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <p className="auth-form__aside">
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </p>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="auth-page__switch">
        {t("login.noAccount")}{" "}
        <Link to={redirectTo !== "/" ? `/signup?${new URLSearchParams({ redirectTo })}` : "/signup"}>
          {t("login.signupLink")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
