import { useForm, type FieldMetadata, type Submission, type SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useRef } from "react";
import { ConformField, useClearPasswords } from "~/components/Field";
import { useT } from "~/i18n/react";
import { PASSWORD_MAX, PASSWORD_MIN } from "~/lib/account-limits";

/** How the browser checks an account form: its schema's parse (`parseAccountForm`). */
type CheckInBrowser<Fields> = (formData: FormData) => Submission<Fields>;

/** Conform's state of an account form (signup, login, password, email…), fed with the
 *  answers to it. With `checkInBrowser` the form is also checked in the browser, when sent
 *  and then as the person types; without it the server alone checks it (the public entry
 *  pages: the errors come with the answer, next to each field as well). */
export function useAccountForm<Fields extends Record<string, unknown>>(
  id: string,
  lastResult?: SubmissionResult<string[]>,
  checkInBrowser?: CheckInBrowser<Fields>,
) {
  return useForm<Fields>({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    // Checked by the server alone, a form is checked again only when sent: Conform would
    // otherwise send it to the server as the person types.
    shouldRevalidate: checkInBrowser ? "onInput" : "onSubmit",
    onValidate: checkInBrowser ? ({ formData }) => checkInBrowser(formData) : undefined,
  });
}

/** `useAccountForm` for a form with a password field: also the ref to put on the `<Form>`,
 *  whose password fields are emptied each time an answer arrives. */
export function usePasswordForm<Fields extends Record<string, unknown>>(
  id: string,
  answer: unknown,
  lastResult?: SubmissionResult<string[]>,
  checkInBrowser?: CheckInBrowser<Fields>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  useClearPasswords(formRef, answer);
  const [form, fields] = useAccountForm(id, lastResult, checkInBrowser);
  return { formRef, form, fields };
}

/** The field of the password the person has now (login, and to confirm a change of theirs). */
export function CurrentPasswordField({ label, field }: { label: string; field: FieldMetadata<unknown> }) {
  return <ConformField label={label} field={field} type="password" autoComplete="current-password" required />;
}

/** The field of a new password (signup, reset, change), with its length limits and hint. */
export function NewPasswordField({ label, field }: { label: string; field: FieldMetadata<unknown> }) {
  const { t } = useT();
  return (
    <ConformField
      label={label}
      field={field}
      type="password"
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN}
      maxLength={PASSWORD_MAX}
      hint={t("signup.passwordHint")}
    />
  );
}

/** The way from the login page to the signup page and back, keeping where to go after. */
export function AuthSwitch({
  question,
  link,
  to,
  redirectTo,
}: {
  question: string;
  link: string;
  to: "/login" | "/signup";
  redirectTo: string;
}) {
  return (
    <p className="auth-page__switch">
      {question} <Link to={redirectTo !== "/" ? `${to}?${new URLSearchParams({ redirectTo })}` : to}>{link}</Link>
    </p>
  );
}
