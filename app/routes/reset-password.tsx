import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useRef } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field, FormError, useClearPasswords } from "~/components/Field";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { fieldErrors, translateErrors } from "~/lib/form-errors";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { isLiveToken, resetPassword, resetSchema } from "~/models/auth.server";
import { clearSessionCookie, readSessionToken } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "reset.title");

// The link opens a form; the token is spent only when the new password is posted.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, valid: isLiveToken(token, ["reset_password"]) };
}

type ActionData = { invalid?: boolean; errors: Record<string, string>; formError: string | null };

export async function action({ request }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const form = await readForm(request);
  const parsed = resetSchema.safeParse({ token: form.get("token"), password: form.get("password") });
  if (!parsed.success) {
    return data<ActionData>(
      { errors: translateErrors(locale, fieldErrors(parsed.error)), formError: translate(locale, "form.fixErrors") },
      { status: 400 },
    );
  }
  const result = await resetPassword(parsed.data.token, parsed.data.password, { origin: requestSiteOrigin(request) });
  if (!result.ok) return data<ActionData>({ invalid: true, errors: {}, formError: null }, { status: 400 });
  // Every session ended, this browser's too: log in again with the new password.
  const headers = new Headers();
  if (readSessionToken(request)) {
    headers.append("Set-Cookie", clearSessionCookie());
  }
  headers.append("Set-Cookie", flashCookie("reset.done"));
  return redirect("/login", { headers });
}

export default function ResetPasswordPage() {
  const { token, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  useClearPasswords(formRef, actionData);
  const { t } = useT();
  if (!valid || actionData?.invalid) {
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
      <Form method="post" className="card auth-form" noValidate ref={formRef}>
        <FormError>{actionData?.formError}</FormError>
        <input type="hidden" name="token" value={token} />
        <Field
          label={t("reset.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={128}
          hint={t("signup.passwordHint")}
          error={actionData?.errors.password}
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
