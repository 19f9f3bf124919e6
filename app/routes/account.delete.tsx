// Delete one's account: choose what happens to one's reviews, confirm with the password.
import { getCollectionProps, getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CurrentPasswordField, usePasswordForm } from "~/components/AccountForm";
import { ConformFormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { asText, deleteAccountSchema, parseAccountForm, REVIEW_CHOICES } from "~/lib/account-forms";
import { refuse } from "~/lib/form-answers.server";
import { privatePageMeta } from "~/lib/auth-meta";
import { conformError } from "~/lib/conform";
import { flashCookie } from "~/lib/flash.server";
import { deleteAccount, getPasswordHash } from "~/models/account-data.server";
import { verifyPassword } from "~/models/password.server";
import { requireUser } from "~/models/permissions.server";
import { sessionCookies } from "~/models/session.server";
import { forbidden, readForm } from "~/lib/http.server";

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "accountDelete.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  return { staff: user.role !== "member" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  if (user.role !== "member") throw forbidden();
  const form = await readForm(request);
  const submission = parseAccountForm(form, deleteAccountSchema);
  // The password is checked even when no choice was made, so that both problems show at once.
  const passwordFlagged = submission.status !== "success" && Boolean(submission.error?.password);
  const hash = getPasswordHash(user.id);
  const passwordRight = !passwordFlagged && hash != null && (await verifyPassword(hash, asText(form.get("password"))));
  if (submission.status !== "success" || !passwordRight) {
    return refuse(submission, passwordFlagged || passwordRight ? {} : { fieldErrors: { password: ["accountDelete.error.password"] } });
  }
  deleteAccount(user.id, submission.value.reviews);
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookies(request).clear());
  headers.append("Set-Cookie", await flashCookie(request, "flash.accountDeleted"));
  return redirect("/", { headers });
}

const CHOICE_LABEL = { anonymise: "accountDelete.anonymise", remove: "accountDelete.remove" } as const;
const asChoice = (value: unknown) => REVIEW_CHOICES.find((c) => c === value) ?? "anonymise";

export default function DeleteAccountPage() {
  const { staff } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const { formRef, form, fields } = usePasswordForm("delete-account", answer, answer?.result, (formData) =>
    parseAccountForm(formData, deleteAccountSchema),
  );
  const reviewsError = conformError(locale, fields.reviews.errors);
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/account">← {t("account.title")}</Link>
      </p>
      <h1>{t("accountDelete.title")}</h1>
      {staff ? (
        <p className="notice">{t("accountDelete.staffNote")}</p>
      ) : (
        <Form method="post" className="card" ref={formRef} {...getFormProps(form)}>
          <ConformFormError form={form} fix="reviewForm.fixErrors" />
          <p>{t("accountDelete.intro")}</p>
          <fieldset
            className={reviewsError ? "field field--invalid" : "field"}
            aria-describedby={reviewsError ? fields.reviews.errorId : undefined}
          >
            <legend>{t("accountDelete.choice")}</legend>
            {getCollectionProps(fields.reviews, { type: "radio", options: [...REVIEW_CHOICES] }).map(({ key, ...radio }) => (
              <label key={key}>
                <input {...radio} required /> {t(CHOICE_LABEL[asChoice(radio.value)])}
              </label>
            ))}
            {reviewsError ? (
              <p className="field__error" id={fields.reviews.errorId}>
                {reviewsError}
              </p>
            ) : null}
          </fieldset>
          <CurrentPasswordField label={t("accountDelete.password")} field={fields.password} />
          <button type="submit" className="button button--danger">
            {t("accountDelete.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
