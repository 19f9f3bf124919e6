import { data, type ActionFunctionArgs, type LinksFunction, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/Field";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { fieldErrors, translateErrors } from "~/lib/form-errors";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { AUTH_FLOOR_MS, withMinimumDuration } from "~/lib/timing.server";
import { forgotSchema, requestPasswordReset } from "~/models/auth.server";
import { tooManyRequests } from "~/models/rate-limit.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "forgot.title", "forgot.description");

type ActionData =
  | { sent: true; email: string }
  | { sent?: false; values: { email: string }; errors: Record<string, string>; formError: string | null };

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const form = await readForm(request);
  const values = { email: String(form.get("email") ?? "").trim().slice(0, 254) };
  const parsed = forgotSchema.safeParse({ email: form.get("email") });
  if (!parsed.success) {
    return data<ActionData>(
      { values, errors: translateErrors(locale, fieldErrors(parsed.error)), formError: translate(locale, "form.fixErrors") },
      { status: 400 },
    );
  }
  const result = await withMinimumDuration(AUTH_FLOOR_MS, async () =>
    requestPasswordReset(parsed.data.email, { ip: clientIp(context), origin: requestSiteOrigin(request), locale }),
  );
  if (!result.ok) return tooManyRequests(locale, result.retryAfter, { values, errors: {} as Record<string, string> });
  return data<ActionData>({ sent: true, email: parsed.data.email });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t } = useT();
  return (
    <div className="page page--narrow auth-page">
      <h1>{t("forgot.title")}</h1>
      {actionData?.sent ? (
        <div className="card" role="status">
          <h2>{t("forgot.sent.heading")}</h2>
          <p>{t("forgot.sent.body", { email: actionData.email })}</p>
          <p>
            <Link to="/login">{t("forgot.back")}</Link>
          </p>
        </div>
      ) : (
        <Form method="post" className="card auth-form" noValidate>
          <FormError>{actionData?.formError}</FormError>
          <p>{t("forgot.intro")}</p>
          <Field
            label={t("forgot.email")}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={actionData?.values.email}
            error={actionData?.errors.email}
          />
          <button type="submit" disabled={navigation.state === "submitting"}>
            {t("forgot.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
