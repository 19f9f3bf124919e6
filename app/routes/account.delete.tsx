// Delete one's account: choose what happens to one's reviews, confirm with the password.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { getDb } from "#db/client.server";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Field, FormError, useClearPasswords } from "~/components/Field";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { deleteAccount, getPasswordHash, type ReviewChoice } from "~/models/account-data.server";
import { verifyPassword } from "~/models/password.server";
import { requireUser } from "~/models/permissions.server";
import { clearSessionCookie } from "~/models/session.server";
import { forbidden, readForm } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "accountDelete.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  return { staff: user.role !== "member" };
}

type ActionData = { choice: string; errors: Record<string, string>; formError: string | null };

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const locale = getLocale(request);
  if (user.role !== "member") throw forbidden();
  const form = await readForm(request);
  const choice = String(form.get("reviews") ?? "");
  const password = String(form.get("password") ?? "");
  const errors: Record<string, string> = {};
  if (choice !== "anonymise" && choice !== "remove") errors.reviews = translate(locale, "accountDelete.error.choice");
  const hash = getPasswordHash(getDb(), user.id);
  if (!hash || !password || password.length > 1024 || !(await verifyPassword(hash, password))) {
    errors.password = translate(locale, "accountDelete.error.password");
  }
  if (Object.keys(errors).length > 0) {
    return data<ActionData>({ choice, errors, formError: translate(locale, "reviewForm.fixErrors") }, { status: 400 });
  }
  deleteAccount(getDb(), user.id, choice as ReviewChoice);
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie());
  headers.append("Set-Cookie", flashCookie("flash.accountDeleted"));
  return redirect("/", { headers });
}

export default function DeleteAccountPage() {
  const { staff } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useClearPasswords(formRef, answer);
  const { t } = useT();
  const errors = answer?.errors ?? {};
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/account">← {t("account.title")}</Link>
      </p>
      <h1>{t("accountDelete.title")}</h1>
      {staff ? (
        <p className="notice">{t("accountDelete.staffNote")}</p>
      ) : (
        <Form method="post" className="card" noValidate ref={formRef}>
          <FormError>{answer?.formError}</FormError>
          <p>{t("accountDelete.intro")}</p>
          <fieldset className={errors.reviews ? "field field--invalid" : "field"} aria-describedby={errors.reviews ? "field-reviews-error" : undefined}>
            <legend>{t("accountDelete.choice")}</legend>
            <label>
              <input type="radio" name="reviews" value="anonymise" defaultChecked={answer?.choice === "anonymise"} required /> {t("accountDelete.anonymise")}
            </label>
            <label>
              <input type="radio" name="reviews" value="remove" defaultChecked={answer?.choice === "remove"} required /> {t("accountDelete.remove")}
            </label>
            {errors.reviews ? (
              <p className="field__error" id="field-reviews-error">
                {errors.reviews}
              </p>
            ) : null}
          </fieldset>
          <Field label={t("accountDelete.password")} name="password" type="password" autoComplete="current-password" required error={errors.password} />
          <button type="submit" className="button button--danger">
            {t("accountDelete.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
