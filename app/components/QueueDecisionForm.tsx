// The decision form of the moderation case pages (proofs, suggestions, conduct reports,
// accounts; a review's thread, a held review, an appeal): a choice of decision, a reason from
// the published list, the statement of reasons, and what the case looked like when it was
// opened (hidden). A Conform form on the route's zod schema, shared with its action: a plain
// <Form method="post"> that works without JavaScript, keeps what was typed when the action
// answers with errors, and shows each error next to its field.
import {
  getCollectionProps,
  getFormProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { conformError, conformErrors } from "~/lib/conform";
import { STATEMENT_MAX_LENGTH } from "~/lib/moderation-form";
import { QUEUE_MESSAGE_VARS } from "~/lib/moderation-queues";
import { MODERATION_REASONS, reasonLabel } from "~/lib/moderation-reasons";
import { FormError } from "./Field";

export interface DecisionChoice {
  value: string;
  label: MessageKey;
  hint: MessageKey;
}

/** The form's words; a page gives the ones that differ from the queues'. */
export interface DecisionFormText {
  legend: MessageKey;
  reason: MessageKey;
  reasonHint: MessageKey;
  rules: MessageKey;
  chooseReason: MessageKey;
  statement: MessageKey;
  statementHint: MessageKey;
  submit: MessageKey;
  /** Above the form when fields are wrong, and when the page is out of date. */
  fix: MessageKey;
  stale: MessageKey;
  /** A reminder above the button, if any. */
  neverEdit?: MessageKey;
  /** The summary of a folded form. */
  unfold: MessageKey;
}

const QUEUE_TEXT: DecisionFormText = {
  legend: "moderation.decide.legend",
  reason: "moderation.decide.reason",
  reasonHint: "moderation.decide.reasonHint",
  rules: "moderation.decide.rules",
  chooseReason: "moderation.decide.chooseReason",
  statement: "moderation.decide.statement",
  statementHint: "moderation.decide.statementHint",
  submit: "moderation.decide.submit",
  fix: "moderation.error.fix",
  stale: "moderation.error.stale",
  unfold: "moderation.decide.unfold",
};

type PublishedReason = { id: string };
type ExtraSelect = { name: string; label: string; hint: string; emptyLabel: string; options: { value: string; label: string }[] };

export interface QueueDecisionFormProps {
  /** The section's id (a link target). */
  id: string;
  /** Unique on the page: the ids of the form, its heading and its fields derive from it. */
  prefix?: string;
  title: string;
  /** Under the title, whether or not the form is shown (the case's state, an appeal's summary). */
  intro?: ReactNode;
  /** Added to the section's classes. */
  className?: string;
  schema: z.ZodObject;
  choices: DecisionChoice[];
  /** The schema's field that the choice fills. */
  choiceField?: string;
  /** The last decision on the case when it was opened (sent as the hidden field `version`). */
  version?: number;
  /** Other hidden fields: what the case looked like when it was opened. */
  hidden?: Record<string, string | number>;
  defaultValue?: Record<string, string>;
  lastResult?: SubmissionResult<string[]>;
  /** Why this moderator may not decide (already translated), or null. */
  refusal?: string | null;
  /** Shown instead of the form when nothing can be decided (already translated). */
  nothing?: string | null;
  /** An optional extra choice (a select of the schema). */
  select?: ExtraSelect;
  /** Folded under a summary until opened (a part of a case nobody reported). */
  folded?: boolean;
  text?: Partial<DecisionFormText>;
  /** The published reasons the schema takes (default: the content reasons), and where they are published. */
  reasons?: readonly PublishedReason[];
  rulesPath?: string;
}

export function QueueDecisionForm({
  id,
  prefix = id,
  title,
  intro,
  className,
  schema,
  choices,
  choiceField = "decision",
  version,
  hidden,
  defaultValue,
  lastResult,
  refusal,
  nothing,
  select,
  folded = false,
  text: words,
  reasons = MODERATION_REASONS,
  rulesPath = "/transparency#removals",
}: QueueDecisionFormProps) {
  const { t, locale } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<Record<string, unknown>>({
    id: `${prefix}-form`,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const text = { ...QUEUE_TEXT, ...words };
  const headingId = `${prefix}-heading`;
  const sectionClass = ["card decide", className].filter(Boolean).join(" ");
  const vars = QUEUE_MESSAGE_VARS;

  if (refusal || nothing || choices.length === 0) {
    return (
      <section className={sectionClass} id={id} aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        {intro}
        <p className={refusal ? "notice notice--warn" : "muted"}>{refusal ?? nothing}</p>
      </section>
    );
  }

  const choice = fields[choiceField]!;
  const reason = fields.reason!;
  const statement = fields.statement!;
  const extra = select ? fields[select.name] : undefined;
  const hiddenFields = version === undefined ? { ...hidden } : { version, ...hidden };
  // The hidden fields have no place of their own: a problem with them means the page is out of date.
  const stale = Object.keys(hiddenFields).some((name) => fields[name]?.errors?.length);
  const formMessages = [...conformErrors(locale, form.errors, vars), ...(stale ? [t(text.stale)] : [])];
  const fieldsInvalid = [choice, reason, statement, extra].some((f) => f?.errors?.length);
  // This form's submission (a page may have several): the one that sent these hidden values.
  const submitting =
    navigation.state === "submitting" &&
    Object.entries(hiddenFields).every(([name, value]) => navigation.formData?.get(name) === String(value));
  const { key: statementKey, ...statementProps } = getTextareaProps(statement, { ariaDescribedBy: `${statement.id}-hint` });

  const decisionForm = (
    <Form method="post" className="decide__form" {...getFormProps(form)}>
      {formMessages.length > 0 ? <FormError id={form.errorId}>{formMessages.join(" ")}</FormError> : null}
      {formMessages.length === 0 && fieldsInvalid && lastResult ? <FormError>{t(text.fix)}</FormError> : null}
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}

      <DecisionChoices field={choice} choices={choices} legend={t(text.legend)} />

      {select && extra ? <ExtraSelectField field={extra} select={select} /> : null}
      <ReasonField field={reason} text={text} reasons={reasons} rulesPath={rulesPath} />

      <DecisionField field={statement} label={t(text.statement)} hint={t(text.statementHint, vars)}>
        <textarea key={statementKey} rows={7} {...statementProps} maxLength={STATEMENT_MAX_LENGTH} />
      </DecisionField>
      {text.neverEdit ? <p className="muted decide__never">{t(text.neverEdit)}</p> : null}
      <button type="submit" disabled={submitting}>
        {t(text.submit)}
      </button>
    </Form>
  );

  return (
    <section className={sectionClass} id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {intro}
      {folded ? (
        <details className="decide__folded">
          <summary>{t(text.unfold)}</summary>
          {decisionForm}
        </details>
      ) : (
        decisionForm
      )}
    </section>
  );
}

/** The radio buttons of the decision, each with its hint. */
function DecisionChoices({ field, choices, legend }: { field: FieldMetadata<unknown>; choices: DecisionChoice[]; legend: string }) {
  const { t } = useT();
  const radios = getCollectionProps(field, { type: "radio", options: choices.map((c) => c.value) });
  return (
    <fieldset className={field.errors ? "decide__choices field--invalid" : "decide__choices"}>
      <legend>{legend}</legend>
      {radios.map(({ key, ...radio }) => {
        const hintId = `${radio.id}-hint`;
        const choice = choices.find((c) => c.value === radio.value) ?? choices[0]!;
        return (
          <div key={key} className="decide__choice">
            <input {...radio} aria-describedby={[hintId, radio["aria-describedby"]].filter(Boolean).join(" ")} />
            <div>
              <label htmlFor={radio.id}>{t(choice.label)}</label>
              <p className="field__hint" id={hintId}>
                {t(choice.hint)}
              </p>
            </div>
          </div>
        );
      })}
      <FieldErrorText field={field} />
    </fieldset>
  );
}

/** The rule the decision applies, from the published list at `rulesPath`. */
function ReasonField({
  field,
  text,
  reasons,
  rulesPath,
}: {
  field: FieldMetadata<unknown>;
  text: DecisionFormText;
  reasons: readonly PublishedReason[];
  rulesPath: string;
}) {
  const { t, locale } = useT();
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: `${field.id}-hint` });
  const hint = (
    <>
      {t(text.reasonHint)} <Link to={rulesPath}>{t(text.rules)}</Link>
    </>
  );
  return (
    <DecisionField field={field} label={t(text.reason)} hint={hint}>
      <select key={key} {...props}>
        <option value="">{t(text.chooseReason)}</option>
        {reasons.map((r) => (
          <option key={r.id} value={r.id}>
            {reasonLabel(r.id, locale)}
          </option>
        ))}
      </select>
    </DecisionField>
  );
}

/** The page's extra choice (a select of the schema). */
function ExtraSelectField({ field, select }: { field: FieldMetadata<unknown>; select: ExtraSelect }) {
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: `${field.id}-hint` });
  return (
    <DecisionField field={field} label={select.label} hint={select.hint}>
      <select key={key} {...props}>
        <option value="">{select.emptyLabel}</option>
        {select.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </DecisionField>
  );
}

/** The first error of a field, translated, where its aria-describedby points. */
function FieldErrorText({ field }: { field: FieldMetadata<unknown> }) {
  const { locale } = useT();
  if (!field.errors) return null;
  return (
    <p className="field__error" id={field.errorId}>
      {conformError(locale, field.errors, QUEUE_MESSAGE_VARS)}
    </p>
  );
}

/** A labelled control with its hint (`<id>-hint`) and its error under it. */
function DecisionField({
  field,
  label,
  hint,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={field.errors ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      <p className="field__hint" id={`${field.id}-hint`}>
        {hint}
      </p>
      {children}
      <FieldErrorText field={field} />
    </div>
  );
}
