import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { MODERATION_REASONS, reasonDescription, reasonLabel } from "~/lib/moderation-reasons";
import { Field } from "./Field";

/** The choice of a reason from the published list, wherever content is reported. */
export function ReasonField({
  id,
  label,
  placeholder,
  hint,
  defaultValue,
  error,
}: {
  /** The select's id, when the form's ids are Conform's. */
  id?: string;
  label: string;
  placeholder: string;
  hint?: ReactNode;
  defaultValue?: string;
  error?: string | null;
}) {
  const { locale } = useT();
  return (
    <Field as="select" id={id} label={label} name="reason" hint={hint} error={error} defaultValue={defaultValue ?? ""} required>
      <option value="">{placeholder}</option>
      {MODERATION_REASONS.map((r) => (
        <option key={r.id} value={r.id} title={reasonDescription(r.id, locale)}>
          {reasonLabel(r.id, locale)}
        </option>
      ))}
    </Field>
  );
}
