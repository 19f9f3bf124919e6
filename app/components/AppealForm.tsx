// The appeal part of a statement of reasons' page (DSA art. 20), for every kind of decision
// (/statements/:id, /statements/decision/:id): the form while the reader may appeal, their
// appeal and its outcome once they did, or why they cannot. The form is Conform on the one
// zod schema the actions parse (app/lib/appeal-form.ts): a plain <Form method="post"> that
// works without JavaScript, shows its error next to the field and keeps what was typed.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import {
  APPEAL_MAX_LENGTH,
  APPEAL_MESSAGE_VARS,
  APPEAL_REFUSAL_KEYS,
  appealDeadline,
  appealSchema,
  type AppealRightView,
} from "~/lib/appeal-form";
import { conformError, conformErrors } from "~/lib/conform";
import { FormError } from "./Field";

export function AppealSection({
  right,
  decidedAt,
  lastResult,
  outcomePath,
  action,
}: {
  right: AppealRightView;
  decidedAt: number;
  lastResult?: SubmissionResult<string[]>;
  /** The page of an appeal's outcome statement. */
  outcomePath: (decisionId: number) => string;
  /** Where the form posts (default: this page). */
  action?: string;
}) {
  const { t, date } = useT();
  if (right.kind === "open") return <AppealForm deadline={right.deadline} lastResult={lastResult} action={action} />;
  if (right.kind === "appealed") {
    const a = right.appeal;
    const key: MessageKey =
      a.status === "pending" ? "appeal.state.pending" : a.status === "upheld" ? "appeal.state.upheld" : "appeal.state.overturned";
    return (
      <section className="card appeal" id="appeal" aria-labelledby="appeal-title">
        <h2 id="appeal-title">{t("appeal.yours")}</h2>
        <p>{t(key, { date: date(a.createdAt), decided: a.decidedAt ? date(a.decidedAt) : "—" })}</p>
        {a.outcomeDecisionId ? (
          <p>
            <Link to={outcomePath(a.outcomeDecisionId)}>{t("appeal.state.outcome")}</Link>
          </p>
        ) : null}
      </section>
    );
  }
  // The decision went this reader's way, or it is the outcome of an appeal: the text says so.
  if (right.kind === "not_entitled" || right.kind === "final" || right.kind === "not_appealable") return null;
  return (
    <section className="card appeal" id="appeal" aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t("appeal.title")}</h2>
      <p className="muted">
        {t(APPEAL_REFUSAL_KEYS[right.kind], { deadline: date(right.kind === "closed" ? right.deadline : appealDeadline(decidedAt)) })}
      </p>
    </section>
  );
}

function AppealForm({ deadline, lastResult, action }: { deadline: number; lastResult?: SubmissionResult<string[]>; action?: string }) {
  const navigation = useNavigation();
  const { t, locale, date } = useT();
  const [form, fields] = useForm({
    id: "appeal-form",
    lastResult,
    constraint: getZodConstraint(appealSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: appealSchema }),
  });
  const vars = { ...APPEAL_MESSAGE_VARS, deadline: date(deadline) };
  const hintId = `${fields.explanation.id}-hint`;
  const { key: explanationKey, ...explanationProps } = getTextareaProps(fields.explanation, { ariaDescribedBy: hintId });
  const formMessages = conformErrors(locale, form.errors, vars);
  const error = conformError(locale, fields.explanation.errors, vars);
  return (
    <section className="card appeal" id="appeal" aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t("appeal.title")}</h2>
      <p>{t("appeal.intro", vars)}</p>
      <Form method="post" action={action} className="appeal__form" {...getFormProps(form)}>
        {formMessages.length > 0 ? <FormError id={form.errorId}>{formMessages.join(" ")}</FormError> : null}
        {formMessages.length === 0 && error && lastResult ? <FormError>{t("appeal.error.fix")}</FormError> : null}
        <div className={error ? "field field--invalid" : "field"}>
          <label htmlFor={fields.explanation.id}>{t("appeal.explanation")}</label>
          <p className="field__hint" id={hintId}>
            {t("appeal.explanationHint", vars)}
          </p>
          <textarea key={explanationKey} rows={6} {...explanationProps} maxLength={APPEAL_MAX_LENGTH} />
          {error ? (
            <p className="field__error" id={fields.explanation.errorId}>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("appeal.submit")}
        </button>
      </Form>
    </section>
  );
}
