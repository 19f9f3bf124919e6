// The decision form of the moderation queues' case pages (proofs, suggestions, conduct
// reports, accounts): a choice of decision, a reason from the published list, the statement
// of reasons, and what the case looked like when it was opened (hidden). A Conform form on
// the route's zod schema (app/lib/moderation-queues.ts), shared with its action: a plain
// <Form method="post"> that works without JavaScript, keeps what was typed when the action
// answers with errors, and shows each error next to its field.
import { getCollectionProps, getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { conformError, conformErrors } from "~/lib/conform";
import { STATEMENT_MAX_LENGTH } from "~/lib/moderation-form";
import { QUEUE_MESSAGE_VARS } from "~/lib/moderation-queues";
import { MODERATION_REASONS } from "~/lib/moderation-reasons";
import { FormError } from "./Field";

export interface DecisionChoice {
  value: string;
  label: MessageKey;
  hint: MessageKey;
}

export function QueueDecisionForm({
  id,
  title,
  schema,
  choices,
  version,
  lastResult,
  refusal,
  nothing,
  select,
}: {
  /** Unique on the page: the ids of the fields derive from it. */
  id: string;
  title: string;
  schema: z.ZodObject;
  choices: DecisionChoice[];
  version: number;
  lastResult?: SubmissionResult<string[]>;
  /** Why this moderator may not decide (already translated), or null. */
  refusal?: string | null;
  /** Shown instead of the form when nothing can be decided (already translated). */
  nothing?: string | null;
  /** An optional extra choice (a select of the schema). */
  select?: { name: string; label: string; hint: string; emptyLabel: string; options: { value: string; label: string }[] };
}) {
  const { t, locale } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<Record<string, unknown>>({
    id: `${id}-form`,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const headingId = `${id}-heading`;
  const vars = QUEUE_MESSAGE_VARS;

  if (refusal || nothing || choices.length === 0) {
    return (
      <section className="card decide" id={id} aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        <p className={refusal ? "notice notice--warn" : "muted"}>{refusal ?? nothing}</p>
      </section>
    );
  }

  const decision = fields.decision!;
  const reason = fields.reason!;
  const statement = fields.statement!;
  const extra = select ? fields[select.name] : undefined;
  const radios = getCollectionProps(decision, { type: "radio", options: choices.map((c) => c.value) });
  const reasonHintId = `${reason.id}-hint`;
  const statementHintId = `${statement.id}-hint`;
  const { key: reasonKey, ...reasonProps } = getSelectProps(reason, { ariaDescribedBy: reasonHintId });
  const { key: statementKey, ...statementProps } = getTextareaProps(statement, { ariaDescribedBy: statementHintId });
  const extraHintId = extra ? `${extra.id}-hint` : undefined;
  const extraProps = extra ? getSelectProps(extra, { ariaDescribedBy: extraHintId }) : null;
  const stale = Boolean(fields.version?.errors?.length);
  const formMessages = [...conformErrors(locale, form.errors, vars), ...(stale ? [t("moderation.error.stale")] : [])];
  const fieldsInvalid = [decision, reason, statement, extra].some((f) => f?.errors?.length);
  const submitting = navigation.state === "submitting";

  return (
    <section className="card decide" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <Form method="post" className="decide__form" {...getFormProps(form)}>
        {formMessages.length > 0 ? <FormError id={form.errorId}>{formMessages.join(" ")}</FormError> : null}
        {formMessages.length === 0 && fieldsInvalid && lastResult ? <FormError>{t("moderation.error.fix")}</FormError> : null}
        {/* What the case looked like when it was opened: the last decision on it. */}
        <input type="hidden" name="version" value={version} />

        <fieldset className={decision.errors ? "decide__choices field--invalid" : "decide__choices"}>
          <legend>{t("moderation.decide.legend")}</legend>
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
          {decision.errors ? (
            <p className="field__error" id={decision.errorId}>
              {conformError(locale, decision.errors, vars)}
            </p>
          ) : null}
        </fieldset>

        {select && extra && extraProps ? (
          <div className={extra.errors ? "field field--invalid" : "field"}>
            <label htmlFor={extra.id}>{select.label}</label>
            <p className="field__hint" id={extraHintId}>
              {select.hint}
            </p>
            <select {...extraProps} key={extraProps.key}>
              <option value="">{select.emptyLabel}</option>
              {select.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {extra.errors ? (
              <p className="field__error" id={extra.errorId}>
                {conformError(locale, extra.errors, vars)}
              </p>
            ) : null}
          </div>
        ) : null}

        <div className={reason.errors ? "field field--invalid" : "field"}>
          <label htmlFor={reason.id}>{t("moderation.decide.reason")}</label>
          <p className="field__hint" id={reasonHintId}>
            {t("moderation.decide.reasonHint")} <Link to="/transparency#removals">{t("moderation.decide.rules")}</Link>
          </p>
          <select key={reasonKey} {...reasonProps}>
            <option value="">{t("moderation.decide.chooseReason")}</option>
            {MODERATION_REASONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label[locale]}
              </option>
            ))}
          </select>
          {reason.errors ? (
            <p className="field__error" id={reason.errorId}>
              {conformError(locale, reason.errors, vars)}
            </p>
          ) : null}
        </div>

        <div className={statement.errors ? "field field--invalid" : "field"}>
          <label htmlFor={statement.id}>{t("moderation.decide.statement")}</label>
          <p className="field__hint" id={statementHintId}>
            {t("moderation.decide.statementHint", vars)}
          </p>
          <textarea key={statementKey} rows={7} {...statementProps} maxLength={STATEMENT_MAX_LENGTH} />
          {statement.errors ? (
            <p className="field__error" id={statement.errorId}>
              {conformError(locale, statement.errors, vars)}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={submitting}>
          {t("moderation.decide.submit")}
        </button>
      </Form>
    </section>
  );
}
