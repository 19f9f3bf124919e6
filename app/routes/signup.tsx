import { getFormProps } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthSwitch, NewPasswordField, usePasswordForm } from "~/components/AccountForm";
import { EmailField } from "~/components/EmailField";
import { ConformField, ConformFormError, HoneypotField } from "~/components/Field";
import { useT } from "~/i18n/react";
import { parseAccountForm, type SignupFields } from "~/lib/account-forms";
import { DISPLAY_NAME_MAX, HONEYPOT } from "~/lib/account-limits";
import { refuse, tooManyAttempts } from "~/lib/form-answers.server";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { AUTH_FLOOR_MS, withMinimumDuration } from "~/lib/timing.server";
import { signUp, signupActionSchema } from "~/models/auth.server";
import { requireAnonymous } from "~/models/permissions.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "signup.title", "signup.description");

export async function loader({ request }: LoaderFunctionArgs) {
  requireAnonymous(request);
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/") };
}

type Sent = { sent: true; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const form = await readForm(request);
  const submission = parseAccountForm(form, signupActionSchema);
  if (submission.status !== "success") return refuse(submission);
  const { [HONEYPOT]: honeypot, ...input } = submission.value;
  const result = await withMinimumDuration(AUTH_FLOOR_MS, () =>
    signUp(
      { ...input, honeypot },
      { ip: clientIp(context), origin: requestSiteOrigin(request), locale, userAgent: request.headers.get("User-Agent") },
    ),
  );
  if (!result.ok) return tooManyAttempts(submission, result.retryAfter);
  // The same answer whether the address was new, already had an account, or came from a bot.
  return data<Sent>({ sent: true, email: input.email });
}

export default function SignupPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const refused = answer && "result" in answer ? answer : undefined;
  const navigation = useNavigation();
  const { t } = useT();
  const { formRef, form, fields } = usePasswordForm<SignupFields>("signup", answer, refused?.result);

  if (answer && "sent" in answer) {
    return (
      <div className="page page--narrow auth-page">
        <h1>{t("signup.sent.heading")}</h1>
        <div className="card" role="status">
          <p>{t("signup.sent.body", { email: answer.email })}</p>
          <p className="muted">{t("signup.sent.spam")}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="page page--narrow auth-page">
      <h1>{t("signup.title")}</h1>
      <Form method="post" className="card auth-form" ref={formRef} {...getFormProps(form)}>
        <ConformFormError form={form} vars={refused?.vars} />
        <EmailField label={t("signup.email")} field={fields.email} required hint={t("signup.emailHint")} />
        <ConformField
          label={t("signup.displayName")}
          field={fields.displayName}
          autoComplete="nickname"
          required
          maxLength={DISPLAY_NAME_MAX}
          hint={t("signup.displayNameHint")}
        />
        <NewPasswordField label={t("signup.password")} field={fields.password} />
        <HoneypotField name={HONEYPOT} label={t("signup.honeypot")} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("signup.submit")}
        </button>
      </Form>
      <AuthSwitch question={t("signup.haveAccount")} link={t("signup.loginLink")} to="/login" redirectTo={redirectTo} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
