import { getInputProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import {
  useEffect,
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import type { MessageKey, Vars } from "~/i18n";
import { useT } from "~/i18n/react";
import { conformError, conformErrors } from "~/lib/conform";

type Common = {
  /** The visible label (already translated). */
  label: ReactNode;
  name: string;
  /** Defaults to `field-${name}`; pass one when a page has two forms with the same field name. */
  id?: string;
  /** Help shown under the label, linked with aria-describedby. */
  hint?: ReactNode;
  /** The error (already translated); sets aria-invalid and is announced with the field. */
  error?: string | null;
  className?: string;
};

type InputProps = Common & { as?: "input" } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className">;
type TextareaProps = Common & { as: "textarea" } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className">;

type SelectProps = Common & { as: "select"; children: ReactNode } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "id" | "className"
  >;

/** A labelled form field with an optional hint and an error next to it. Works without
 *  JavaScript: the server returns `error` and the typed `defaultValue`. Its own aria
 *  attributes win over the props (Conform's name the error only, not the hint). */
export function Field(props: InputProps | TextareaProps | SelectProps) {
  const { label, name, hint, error, className } = props;
  const id = props.id ?? `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const aria = { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;

  let control: ReactNode;
  if (props.as === "select") {
    const { label: _l, name: _n, id: _i, hint: _h, error: _e, className: _c, as: _a, children, ...rest } = props;
    control = (
      <select {...rest} id={id} name={name} {...aria}>
        {children}
      </select>
    );
  } else if (props.as === "textarea") {
    const { label: _l, name: _n, id: _i, hint: _h, error: _e, className: _c, as: _a, ...rest } = props;
    control = <textarea {...rest} id={id} name={name} {...aria} />;
  } else {
    const { label: _l, name: _n, id: _i, hint: _h, error: _e, className: _c, as: _a, ...rest } = props;
    control = <input {...rest} id={id} name={name} type={rest.type ?? "text"} {...aria} />;
  }

  return (
    <div className={["field", error ? "field--invalid" : "", className ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {control}
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}

/** A field's error under it (already translated), when it has one; `id` ties it to the control. */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p className="field__error" id={id}>
      {children}
    </p>
  );
}

/** An error about the whole form (rate limit, wrong credentials), announced on arrival. */
export function FormError({ children, id }: { children?: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div className="form-error" role="alert" id={id}>
      {children}
    </div>
  );
}

/** With JavaScript, a form answered by its action stays on the page with what was typed;
 *  this empties its password fields each time an answer arrives (never keep a password). */
export function useClearPasswords(form: RefObject<HTMLFormElement | null>, answer: unknown) {
  useEffect(() => {
    if (!answer || !form.current) return;
    for (const input of form.current.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = "";
  }, [answer, form]);
}

// ─── Conform forms ───────────────────────────────────────────────────────────

type ConformFieldProps = {
  /** The visible label (already translated). */
  label: ReactNode;
  /** Conform's field (`fields.email`): name, id, what was typed, errors (i18n keys). */
  field: FieldMetadata<unknown>;
  type?: "text" | "email" | "password";
  /** Help shown under the label, linked with aria-describedby. */
  hint?: ReactNode;
  /** Variables of the field's messages. */
  vars?: Vars;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className" | "type" | "defaultValue" | "value" | "form">;

/** `Field` for a Conform form: the same markup, with the input's name, id, typed value and
 *  aria attributes from Conform and its first error translated into the page's language. */
export function ConformField({ label, field, type = "text", hint, vars, ...input }: ConformFieldProps) {
  const { locale } = useT();
  const error = conformError(locale, field.errors, vars);
  const hintId = hint ? `${field.id}-hint` : undefined;
  // Conform's key changes when the form is reset (an answer to a form that was accepted):
  // the input then starts again from what the answer says.
  const { key: _key, ...props } = getInputProps(field, { type, ariaDescribedBy: hintId });
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input key={field.key} {...props} {...input} />
      <FieldError id={field.errorId}>{error}</FieldError>
    </div>
  );
}

type ConformTextareaProps = {
  /** The visible label (already translated). */
  label: ReactNode;
  field: FieldMetadata<unknown>;
  /** Variables of the field's messages. */
  vars?: Vars;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className" | "defaultValue" | "value" | "form">;

/** `ConformField` for a textarea (a statement, a note): label, text, first error translated. */
export function ConformTextarea({ label, field, vars, ...textarea }: ConformTextareaProps) {
  const { locale } = useT();
  const invalid = Boolean(field.errors?.length);
  const { key: _key, ...props } = getTextareaProps(field);
  return (
    <div className={invalid ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      <textarea key={field.key} {...props} {...textarea} />
      <FieldError id={field.errorId}>{invalid ? conformError(locale, field.errors, vars) : null}</FieldError>
    </div>
  );
}

/** The alert above a Conform form: its own errors (a rate limit, wrong credentials) in the
 *  page's language or, when only fields have errors, `fix` ("correct the fields below"). */
export function ConformFormError({ form, vars, fix = "form.fixErrors" }: { form: FormMetadata; vars?: Vars; fix?: MessageKey }) {
  const { t, locale } = useT();
  const messages = conformErrors(locale, form.errors, vars);
  if (messages.length > 0) return <FormError id={form.errorId}>{messages.join(" ")}</FormError>;
  const fieldsInvalid = Object.entries(form.allErrors).some(([name, errors]) => name !== "" && errors.length > 0);
  return fieldsInvalid ? <FormError>{t(fix)}</FormError> : null;
}

/** The honeypot of an anonymous form: a field people do not see (nor reach with the
 *  keyboard) and bots fill in; `label` says to leave it empty. */
export function HoneypotField({ name, label }: { name: string; label: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor="field-website">{label}</label>
      <input id="field-website" type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
