import { useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Link } from "@remix-run/react";
import { useRef } from "react";
import { ConformField, useClearPasswords } from "~/components/Field";
import { useT } from "~/i18n/react";
import { parseAccountForm, PASSWORD_MAX, PASSWORD_MIN } from "~/lib/account-forms";

type AccountSchema = Parameters<typeof parseAccountForm>[1];

/** Conform's state of an account form (signup, login, password, email…), fed with the
 *  answers to it: checked when sent, then again as the person types. */
export function useAccountForm<Schema extends AccountSchema>(id: string, schema: Schema, lastResult?: SubmissionResult<string[]>) {
  return useForm({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseAccountForm(formData, schema),
  });
}

/** `useAccountForm` for a form with a password field: also the ref to put on the `<Form>`,
 *  whose password fields are emptied each time an answer arrives. */
export function usePasswordForm<Schema extends AccountSchema>(
  id: string,
  schema: Schema,
  answer: unknown,
  lastResult?: SubmissionResult<string[]>,
) {
  const formRef = useRef<HTMLFormElement>(null);
  useClearPasswords(formRef, answer);
  const [form, fields] = useAccountForm(id, schema, lastResult);
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
