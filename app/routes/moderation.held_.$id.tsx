// /moderation/held/:id: the case of a review held at submission by an automatic check.
// Everything needed to decide in one screen — the review as it would be published, its
// text as written, the check that held it and its evidence, the time left before the
// deadline job publishes it, the edit history, the author's facts and earlier decisions —
// and the decision form: publish or refuse, with a rule from the published list and a
// statement to the author. Moderators never edit the text.
//
// The form is a Conform form on one zod schema (app/lib/held-review.ts) shared with the
// action: a plain <Form method="post"> that works without JavaScript and keeps what was
// typed when the action answers with errors.
import { getCollectionProps, getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AuthorCard, DecisionItem } from "~/components/CaseFacts";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { FormError } from "~/components/Field";
import { Deadline, HeldWhy } from "~/components/HeldEvidence";
import { statusLabel } from "~/components/moderation-labels";
import { Stars } from "~/components/Stars";
import { Thread } from "~/components/Thread";
import { translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { localeOfMatches } from "~/lib/auth-meta";
import { conformError, conformErrors } from "~/lib/conform";
import { flashCookie } from "~/lib/flash.server";
import { HELD_DECISIONS, HELD_MESSAGE_VARS, heldDecisionSchema, type HeldDecision } from "~/lib/held-review";
import { checkName } from "~/lib/held-statement";
import { notFound, readForm } from "~/lib/http.server";
import { STATEMENT_MAX_LENGTH } from "~/lib/moderation-form";
import { MODERATION_REASONS } from "~/lib/moderation-reasons";
import { requestSiteOrigin } from "~/lib/origin.server";
import { decideHeld, getHeldCase, type HeldCase } from "~/models/held-reviews.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeOfMatches(matches);
  return [
    { title: `${translate(locale, "held.case.title", { id: String(data?.case.item.id ?? "—") })} — ${translate(locale, "site.name")}` },
    { name: "description", content: translate(locale, "held.case.description") },
    { name: "robots", content: "noindex" },
  ];
};

function reviewId(param: string | undefined) {
  const id = Number(param);
  return /^\d{1,12}$/.test(param ?? "") && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireModerator(request);
  const id = reviewId(params.id);
  const view = id ? getHeldCase(id, user) : null;
  if (!view) throw notFound();
  return { case: view, now: Date.now() };
}

const FAILURE = {
  own_content: "held.refusal.own_content",
  company_member: "held.refusal.company_member",
  already_decided: "held.error.already_decided",
  edited: "held.error.edited",
  not_moderator: "held.error.already_decided",
} as const satisfies Record<string, MessageKey>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireModerator(request);
  const id = reviewId(params.id);
  if (!id) throw notFound();
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: heldDecisionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = decideHeld({
    actor: { id: user.id, role: user.role },
    reviewId: id,
    ...submission.value,
    origin: requestSiteOrigin(request),
  });
  if (outcome.ok) return redirect("/moderation/held", { headers: { "Set-Cookie": await flashCookie(request, "flash.heldDecided") } });
  if (outcome.kind === "not_found") throw notFound();
  const refused = outcome.kind === "own_content" || outcome.kind === "company_member" || outcome.kind === "not_moderator";
  return data({ result: submission.reply({ formErrors: [FAILURE[outcome.kind]] }) }, { status: refused ? 403 : 409 });
}

// ─── The page ─────────────────────────────────────────────────────────────────

export default function HeldCasePage() {
  const { case: view, now } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date, locale } = useT();
  const item = view.item;
  const held = view.status === "held";
  return (
    <div className="page case-page">
      <p>
        <Link to="/moderation/held">← {t("held.case.back")}</Link>
      </p>
      <h1>{t("held.case.title", { id: String(item.id) })}</h1>
      <p className="case-page__status">
        <span className={held ? "badge badge--warn" : "badge"}>{t(statusLabel(view.status))}</span>{" "}
        <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
        {" · "}
        {t(`subjectKind.${item.subject.kind}` as MessageKey)} · {item.subject.name}
        {held ? (
          <>
            {" · "}
            <Deadline deadlineAt={item.deadlineAt} now={now} />
          </>
        ) : null}
      </p>
      {held ? (
        <p className="case-page__jump">
          <a href="#decide">{t("held.case.jump")} ↓</a>
        </p>
      ) : null}
      <div className="case-layout">
        <div className="case-main">
          {held || item.check != null ? (
            <section className="section case-section" aria-labelledby="held-evidence">
              <h2 id="held-evidence">{t("held.case.evidence")}</h2>
              <p>{t("held.case.heldOn", { date: date(item.heldAt, "medium"), check: checkName(locale, item.check) })}</p>
              <HeldWhy check={item.check} evidence={item.evidence} alsoFound={item.alsoFound} />
            </section>
          ) : null}

          <section className="section case-section" aria-labelledby="held-review">
            <h2 id="held-review">{t("held.case.review")}</h2>
            <Thread review={view.review} truncation="full" headingLevel={3} showCompany />
          </section>

          <section className="section case-section" aria-labelledby="held-text">
            <h2 id="held-text">{t("held.case.text")}</h2>
            <p>
              <Stars value={item.stars} /> <strong lang={item.language}>{item.title}</strong>
            </p>
            <pre className="case-text" lang={item.language}>
              {item.body}
            </pre>
          </section>

          <History versions={view.history} />
          <Decisions decisions={view.decisions} />
        </div>

        <aside className="case-side" aria-label={t("held.decide.title")}>
          {held ? (
            <DecisionPanel view={view} lastResult={answer?.result} />
          ) : (
            <section className="card decide" id="decide" aria-labelledby="decide-heading">
              <h2 id="decide-heading">{t("held.decide.title")}</h2>
              <p className="muted">{t("held.case.decided", { status: t(statusLabel(view.status)) })}</p>
              <p>
                <Link to={`/moderation/reviews/${item.id}`}>{t("held.case.otherCase")}</Link>
              </p>
            </section>
          )}
          <AuthorCard author={view.author} />
        </aside>
      </div>
    </div>
  );
}

function History({ versions }: { versions: HeldCase["history"] }) {
  const { t, date } = useT();
  if (versions.length <= 1) return null;
  return (
    <section className="section case-section" aria-labelledby="held-history">
      <h2 id="held-history">{t("held.case.history")}</h2>
      <ol className="case-history__list">
        {versions.map((v, i) => (
          <li key={v.id}>
            <details open={i === versions.length - 1}>
              <summary>
                {t("held.case.history.version", { n: i + 1, date: date(v.createdAt, "medium") })}
                {i === versions.length - 1 ? ` ${t("moderation.case.history.current")}` : ""}
              </summary>
              <p>
                <Stars value={v.stars} /> <strong>{v.title}</strong>
              </p>
              <pre className="case-text">{v.body}</pre>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Decisions({ decisions }: { decisions: HeldCase["decisions"] }) {
  const { t } = useT();
  return (
    <section className="section case-section" aria-labelledby="held-decisions">
      <h2 id="held-decisions">{t("held.case.decisions")}</h2>
      {decisions.length === 0 ? <p className="muted">{t("held.case.decisions.none")}</p> : null}
      <ol className="case-decisions">
        {decisions.map((d) => (
          <DecisionItem key={d.id} d={d} />
        ))}
      </ol>
    </section>
  );
}

// ─── The decision form ────────────────────────────────────────────────────────

const CHOICE: Record<HeldDecision, { label: MessageKey; hint: MessageKey }> = {
  publish: { label: "held.decide.publish", hint: "held.decide.publishHint" },
  refuse: { label: "held.decide.refuse", hint: "held.decide.refuseHint" },
};
const asDecision = (value: unknown): HeldDecision => HELD_DECISIONS.find((d) => d === value) ?? "publish";

function DecisionPanel({ view, lastResult }: { view: HeldCase; lastResult?: SubmissionResult<string[]> }) {
  const { t, locale } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "decide-held-form",
    lastResult,
    defaultValue: { reason: view.item.suggestedReason },
    constraint: getZodConstraint(heldDecisionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: heldDecisionSchema }),
  });
  const vars = HELD_MESSAGE_VARS;

  if (view.refusal) {
    return (
      <section className="card decide" id="decide" aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t("held.decide.title")}</h2>
        <p className="notice notice--warn">{t(`held.refusal.${view.refusal}`)}</p>
      </section>
    );
  }

  const radios = getCollectionProps(fields.decision, { type: "radio", options: [...HELD_DECISIONS] });
  const reasonHintId = `${fields.reason.id}-hint`;
  const statementHintId = `${fields.statement.id}-hint`;
  const { key: reasonKey, ...reasonProps } = getSelectProps(fields.reason, { ariaDescribedBy: reasonHintId });
  const { key: statementKey, ...statementProps } = getTextareaProps(fields.statement, { ariaDescribedBy: statementHintId });
  // The hidden fields (what the case looked like) have no place of their own: a problem
  // with them means the page is out of date.
  const stale = [fields.version, fields.editedAt].some((f) => f.errors?.length);
  const formMessages = [...conformErrors(locale, form.errors, vars), ...(stale ? [t("held.error.stale")] : [])];
  const fieldsInvalid = Boolean(fields.decision.errors?.length || fields.reason.errors?.length || fields.statement.errors?.length);
  const submitting = navigation.state === "submitting";

  return (
    <section className="card decide" id="decide" aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t("held.decide.title")}</h2>
      <Form method="post" className="decide__form" {...getFormProps(form)}>
        {formMessages.length > 0 ? <FormError id={form.errorId}>{formMessages.join(" ")}</FormError> : null}
        {formMessages.length === 0 && fieldsInvalid && lastResult ? <FormError>{t("held.error.fix")}</FormError> : null}
        {/* What the case looked like when it was opened (see decideHeld()). */}
        <input type="hidden" name="version" value={view.version} />
        <input type="hidden" name="editedAt" value={view.editedAt} />

        <fieldset className={fields.decision.errors ? "decide__choices field--invalid" : "decide__choices"}>
          <legend>{t("held.decide.legend")}</legend>
          {radios.map(({ key, ...radio }) => {
            const hintId = `${radio.id}-hint`;
            const choice = CHOICE[asDecision(radio.value)];
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
          {fields.decision.errors ? (
            <p className="field__error" id={fields.decision.errorId}>
              {conformError(locale, fields.decision.errors, vars)}
            </p>
          ) : null}
        </fieldset>

        <div className={fields.reason.errors ? "field field--invalid" : "field"}>
          <label htmlFor={fields.reason.id}>{t("held.decide.reason")}</label>
          <p className="field__hint" id={reasonHintId}>
            {t("held.decide.reasonHint")} <Link to="/transparency#removals">{t("held.decide.rules")}</Link>
          </p>
          <select key={reasonKey} {...reasonProps}>
            <option value="">{t("held.decide.chooseReason")}</option>
            {MODERATION_REASONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label[locale]}
              </option>
            ))}
          </select>
          {fields.reason.errors ? (
            <p className="field__error" id={fields.reason.errorId}>
              {conformError(locale, fields.reason.errors, vars)}
            </p>
          ) : null}
        </div>

        <div className={fields.statement.errors ? "field field--invalid" : "field"}>
          <label htmlFor={fields.statement.id}>{t("held.decide.statement")}</label>
          <p className="field__hint" id={statementHintId}>
            {t("held.decide.statementHint", vars)}
          </p>
          <textarea key={statementKey} rows={7} {...statementProps} maxLength={STATEMENT_MAX_LENGTH} />
          {fields.statement.errors ? (
            <p className="field__error" id={fields.statement.errorId}>
              {conformError(locale, fields.statement.errors, vars)}
            </p>
          ) : null}
        </div>
        <p className="muted decide__never">{t("held.decide.neverEdit")}</p>
        <button type="submit" disabled={submitting}>
          {t("held.decide.submit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
