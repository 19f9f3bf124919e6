import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
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
import { requestSiteOrigin } from "~/lib/origin.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { AUTH_FLOOR_MS, withMinimumDuration } from "~/lib/timing.server";
import { signUp, signupSchema } from "~/models/auth.server";
import { requireAnonymous } from "~/models/permissions.server";
import { tooManyRequests } from "~/models/rate-limit.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "signup.title", "signup.description");

export async function loader({ request }: LoaderFunctionArgs) {
  requireAnonymous(request);
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/") };
}

type Values = { email: string; displayName: string };
type ActionData =
  | { sent: true; email: string }
  | { sent?: false; values: Values; errors: Record<string, string>; formError: string | null };

/** The name of the honeypot field: hidden from people, filled by naive bots. */
const HONEYPOT = "website";

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const form = await readForm(request);
  const values: Values = {
    email: String(form.get("email") ?? "").trim().slice(0, 254),
    displayName: String(form.get("displayName") ?? "").slice(0, 100),
  };
  const parsed = signupSchema.safeParse({
    email: form.get("email"),
    displayName: form.get("displayName"),
    password: form.get("password"),
  });
  if (!parsed.success) {
    return data<ActionData>(
      { values, errors: translateErrors(locale, fieldErrors(parsed.error)), formError: translate(locale, "form.fixErrors") },
      { status: 400 },
    );
  }
  const honeypot = String(form.get(HONEYPOT) ?? "");
  const result = await withMinimumDuration(AUTH_FLOOR_MS, () =>
    signUp(
      { ...parsed.data, honeypot },
      { ip: clientIp(context), origin: requestSiteOrigin(request), locale, userAgent: request.headers.get("User-Agent") },
    ),
  );
  if (!result.ok) return tooManyRequests(locale, result.retryAfter, { values, errors: {} as Record<string, string> });
  // The same answer whether the address was new, already had an account, or came from a bot.
  return data<ActionData>({ sent: true, email: parsed.data.email });
}

export default function SignupPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  useClearPasswords(formRef, actionData);
  const { t } = useT();

  if (actionData?.sent) {
    return (
      <div className="page page--narrow auth-page">
        <h1>{t("signup.sent.heading")}</h1>
        <div className="card" role="status">
          <p>{t("signup.sent.body", { email: actionData.email })}</p>
          <p className="muted">{t("signup.sent.spam")}</p>
        </div>
      </div>
    );
  }

  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("signup.title")}</h1>
      <Form method="post" className="card auth-form" noValidate ref={formRef}>
        <FormError>{actionData?.formError}</FormError>
        <Field
          label={t("signup.email")}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          hint={t("signup.emailHint")}
          defaultValue={values?.email}
          error={errors.email}
        />
        <Field
          label={t("signup.displayName")}
          name="displayName"
          autoComplete="nickname"
          required
          maxLength={50}
          hint={t("signup.displayNameHint")}
          defaultValue={values?.displayName}
          error={errors.displayName}
        />
        <Field
          label={t("signup.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          hint={t("signup.passwordHint")}
          error={errors.password}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="field-website">{t("signup.honeypot")}</label>
          <input id="field-website" type="text" name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("signup.submit")}
        </button>
      </Form>
      <p className="auth-page__switch">
        {t("signup.haveAccount")}{" "}
        <Link to={redirectTo !== "/" ? `/login?${new URLSearchParams({ redirectTo })}` : "/login"}>
          {t("signup.loginLink")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
