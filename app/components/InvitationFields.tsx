// The fields the brand's invitation forms share — a customer's invitation to review
// (/brand/:slug/invitations) and an agent's invitation to the team (/brand/:slug/members):
// the address the mail goes to, and the language it is written in. Plain `Field`s on
// Conform's fields, with what was typed kept and the first error translated.
import type { Locale, Vars } from "~/i18n";
import { useT } from "~/i18n/react";
import { conformFieldProps } from "~/lib/conform";
import { LanguageOptions } from "./ChoiceOptions";
import { Field } from "./Field";

type ConformFieldMeta = Parameters<typeof conformFieldProps>[1];

type InvitationFieldProps = {
  /** The visible label (already translated). */
  label: string;
  field: ConformFieldMeta;
  /** Variables of the field's messages. */
  vars?: Vars;
};

/** The invited person's address: required, never filled in with the member's own. */
export function InviteeEmailField({ label, field, vars }: InvitationFieldProps) {
  const { locale } = useT();
  return <Field label={label} type="email" autoComplete="off" required {...conformFieldProps(locale, field, vars)} />;
}

/** The language of the invitation mail: what was chosen, else the page's language. */
export function InvitationLocaleField({ label, field, vars, pageLocale }: InvitationFieldProps & { pageLocale: Locale }) {
  const { locale } = useT();
  const props = conformFieldProps(locale, field, vars);
  return (
    <Field as="select" label={label} {...props} defaultValue={props.defaultValue ?? pageLocale}>
      <LanguageOptions />
    </Field>
  );
}
