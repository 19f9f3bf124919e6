import { getFormProps } from "@conform-to/react";
import { data, type ActionFunctionArgs, type LinksFunction, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useAccountForm } from "~/components/AccountForm";
import { ConformField, ConformFormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { forgotSchema, parseAccountForm, type ForgotFields } from "~/lib/account-forms";
import { refuse, tooManyAttempts } from "~/lib/form-answers.server";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { AUTH_FLOOR_MS, withMinimumDuration } from "~/lib/timing.server";
import { requestPasswordReset } from "~/models/auth.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "forgot.title", "forgot.description");

type Sent = { sent: true; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const form = await readForm(request);
  const submission = parseAccountForm(form, forgotSchema);
  if (submission.status !== "success") return refuse(submission);
  const { email } = submission.value;
  const result = await withMinimumDuration(AUTH_FLOOR_MS, async () =>
    requestPasswordReset(email, { ip: clientIp(context), origin: requestSiteOrigin(request), locale }),
  );
  if (!result.ok) return tooManyAttempts(submission, result.retryAfter);
  // The same answer whether or not an account has this address.
  return data<Sent>({ sent: true, email });
}

export default function ForgotPasswordPage() {
  const answer = useActionData<typeof action>();
  const refused = answer && "result" in answer ? answer : undefined;
  const navigation = useNavigation();
  const { t } = useT();
  const [form, fields] = useAccountForm<ForgotFields>("forgot-password", refused?.result);
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("forgot.title")}</h1>
      {answer && "sent" in answer ? (
        <div className="card" role="status">
          <h2>{t("forgot.sent.heading")}</h2>
          <p>{t("forgot.sent.body", { email: answer.email })}</p>
          <p>
            <Link to="/login">{t("forgot.back")}</Link>
          </p>
        </div>
      ) : (
        <Form method="post" className="card auth-form" {...getFormProps(form)}>
          <ConformFormError form={form} vars={refused?.vars} />
          <p>{t("forgot.intro")}</p>
          <ConformField label={t("forgot.email")} field={fields.email} type="email" autoComplete="email" inputMode="email" required />
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("forgot.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
