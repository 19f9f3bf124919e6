// /moderation/reviews/:id: the case page. Everything needed to decide on one review's
// thread in one screen — the thread as the public sees it, the edit history, every report,
// the author's account facts and the earlier decisions — and one decision form per part of
// the thread (the review, the company's reply, the follow-up). A decision takes a reason
// from the published list and a statement; moderators never edit a text.
//
// The forms are the queues' QueueDecisionForm on the zod schemas of app/lib/moderation-form.ts
// and app/lib/appeal-form.ts, shared with the action: plain <Form method="post"> that work
// without JavaScript and keep what was typed when the action answers with errors.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AuthorCard, CaseThreadSection } from "~/components/CaseFacts";
import { CaseDecisions, CaseListSection, CaseNote } from "~/components/CaseListSection";
import { AppealedDecision, AppealExplanations, APPEAL_DECISION_TEXT } from "~/components/AppealedDecision";
import { decisionLabel, reporterLabel, statusLabel } from "~/components/moderation-labels";
import { CaseLayout } from "~/components/QueueCase";
import { QueueDecisionForm, type DecisionFormText } from "~/components/QueueDecisionForm";
import { Stars } from "~/components/Stars";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound, readForm } from "~/lib/http.server";
import { DECISION_TARGETS, decisionSchema, type Decision, type DecisionTarget } from "~/lib/moderation-form";
import { reasonLabel } from "~/lib/moderation-reasons";
import { appealDecisionSchema, APPEAL_OUTCOMES, type AppealOutcome } from "~/lib/appeal-form";
import { requestSiteOrigin } from "~/lib/origin.server";
import { decisionRefusalStatus, idParam, requireModeratorCase } from "~/lib/queue-decision.server";
import { decideAppeal, getCaseAppeals, type CaseAppeal } from "~/models/appeals.server";
import { decide, getCase, type CasePart, type CaseView } from "~/models/moderation.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "moderation.case.title", "moderation.case.description", { id: String(data?.case.review.id ?? "—") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireModerator(request);
  const id = idParam(params.id);
  const view = id ? getCase(id, user) : null;
  if (!id || !view) throw notFound();
  return { case: view, appeals: getCaseAppeals(id, user) };
}

const REFUSAL = {
  own_content: "moderation.refusal.own_content",
  company_member: "moderation.refusal.company_member",
  flagged_it: "moderation.refusal.flagged_it",
} as const satisfies Record<string, MessageKey>;

/** `form`: which form the answer is for (a decision, or an appeal's), and its part. */
type ActionData = { form: "decision" | "appeal"; target: DecisionTarget | null; result: SubmissionResult<string[]> };

const isTarget = (value: unknown): value is DecisionTarget => DECISION_TARGETS.some((t) => t === value);

const APPEAL_REFUSAL = {
  ...REFUSAL,
  same_moderator: "appeal.decide.refusal.same_moderator",
  not_moderator: "moderation.error.not_allowed",
  already_decided: "appeal.decide.error.already_decided",
  new_appeal: "appeal.decide.error.new_appeal",
  content_changed: "appeal.decide.error.content_changed",
} as const satisfies Record<string, MessageKey>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, id } = requireModeratorCase(request, params.id);
  const form = await readForm(request);
  const sentTarget = form.get("target");
  const target = isTarget(sentTarget) ? sentTarget : null;

  // An appeal's outcome (the appeal panel's form).
  if (form.get("intent") === "appeal") {
    const submission = parseWithZod(form, { schema: appealDecisionSchema });
    if (submission.status !== "success") {
      return data<ActionData>({ form: "appeal", target, result: submission.reply() }, { status: 400 });
    }
    const { intent: _intent, ...values } = submission.value;
    const outcome = decideAppeal({ actor: { id: user.id, role: user.role }, reviewId: id, ...values, origin: requestSiteOrigin(request) });
    if (outcome.ok) {
      return redirectWithFlash(request, `/moderation/reviews/${id}`, "flash.appealDecided");
    }
    if (outcome.kind === "not_found") throw notFound();
    return data<ActionData>(
      { form: "appeal", target, result: submission.reply({ formErrors: [APPEAL_REFUSAL[outcome.kind]] }) },
      { status: decisionRefusalStatus(outcome.kind) },
    );
  }

  const submission = parseWithZod(form, { schema: decisionSchema });
  // The answer goes back to the form it came from (one per part of the thread).
  if (submission.status !== "success") {
    return data<ActionData>({ form: "decision", target, result: submission.reply() }, { status: 400 });
  }
  const outcome = decide({
    actor: { id: user.id, role: user.role },
    reviewId: id,
    ...submission.value,
    origin: requestSiteOrigin(request),
  });
  if (outcome.ok) {
    return redirectWithFlash(request, `/moderation/reviews/${id}`, "flash.decisionRecorded");
  }
  if (outcome.kind === "not_found") throw notFound();
  const kind = outcome.kind;
  const refused = kind === "own_content" || kind === "company_member" || kind === "flagged_it";
  const message: MessageKey = refused
    ? REFUSAL[kind]
    : kind === "already_decided"
      ? "moderation.error.already_decided"
      : kind === "edited"
        ? "moderation.error.edited"
        : kind === "appeal_pending"
          ? "moderation.error.appeal_pending"
          : "moderation.error.not_allowed";
  return data<ActionData>(
    { form: "decision", target, result: submission.reply({ formErrors: [message] }) },
    { status: decisionRefusalStatus(kind) },
  );
}

// ─── The page ─────────────────────────────────────────────────────────────────

export default function CasePage() {
  const { case: view, appeals } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const review = view.review;
  const side = (
    <>
      {view.parts.map((part, i) => {
        // An answer without a valid target (a forged form) goes to the first form.
        const mine = answer && (answer.target === part.target || (answer.target == null && i === 0)) ? answer : undefined;
        const appealed = appeals.filter((a) => a.target === part.target);
        // Under appeal, the part is decided through its appeal.
        if (appealed.length > 0)
          return appealed.map((a, j) => (
            <AppealPanel
              key={`appeal-${a.decision.id}`}
              appeal={a}
              lastResult={mine?.form === "appeal" && j === 0 ? mine.result : undefined}
            />
          ));
        return <DecisionPanel key={part.target} part={part} lastResult={mine ? mine.result : undefined} />;
      })}
      <AuthorCard author={view.author} />
    </>
  );
  return (
    <CaseLayout
      back={
        <>
          <Link to="/moderation/flags">← {t("moderation.case.back")}</Link>
          {appeals.length > 0 ? (
            <>
              {" · "}
              <Link to="/moderation/appeals">{t("moderation.case.backAppeals")}</Link>
            </>
          ) : null}
        </>
      }
      title={t("moderation.case.title", { id: String(review.id) })}
      status={
        <>
          <span className={review.status === "published" ? "badge badge--verified" : "badge badge--warn"}>
            {t(statusLabel(review.status))}
          </span>{" "}
          <Link to={`/companies/${review.company.slug}`}>{review.company.name}</Link>
          {" · "}
          {t(`subjectKind.${review.subject.kind}`)} · {review.subject.name}
        </>
      }
      // On a phone the forms come after the case: a way straight to them.
      jump={view.parts[0] ? { href: `#decide-${view.parts[0].target}`, label: t("moderation.case.jump") } : null}
      side={side}
      sideLabel={t("moderation.decide.legend")}
    >
      <CaseThreadSection id="case-public" title={t("moderation.case.public")} review={review} />
      <RemovedTexts view={view} />
      <History view={view} />
      <Reports view={view} />
      <Responses view={view} />
      <CaseDecisions id="case-decisions" words="moderation.case.decisions" decisions={view.decisions} />
    </CaseLayout>
  );
}

/** The last text of each removed part, which the public no longer sees. */
function RemovedTexts({ view }: { view: CaseView }) {
  const { t } = useT();
  const removedReview = view.parts.find((p) => p.target === "review" && p.status === "removed");
  const removedReply = view.parts.find((p) => p.target === "reply" && p.status === "removed");
  const removedFollowUp = view.parts.find((p) => p.target === "follow_up" && p.status === "removed");
  const lastReview = view.history.review.at(-1);
  const lastReply = view.history.reply.at(-1);
  if (!removedReview && !removedReply && !removedFollowUp) return null;
  return (
    <section className="section case-section" aria-labelledby="case-removed">
      <h2 id="case-removed">{t("moderation.case.removedText")}</h2>
      <p className="muted">{t("moderation.case.removedTextHint")}</p>
      {removedReview && lastReview ? (
        <div className="case-removed">
          <h3>{t("moderation.target.review")}</h3>
          <p>
            <Stars value={lastReview.stars} /> <strong>{lastReview.title}</strong>
          </p>
          <pre className="case-text">{lastReview.body}</pre>
        </div>
      ) : null}
      {removedReply && lastReply ? (
        <div className="case-removed">
          <h3>{t("moderation.target.reply")}</h3>
          <pre className="case-text">{lastReply.body}</pre>
        </div>
      ) : null}
      {removedFollowUp?.removedBody ? (
        <div className="case-removed">
          <h3>{t("moderation.target.follow_up")}</h3>
          <pre className="case-text">{removedFollowUp.removedBody}</pre>
        </div>
      ) : null}
    </section>
  );
}

function History({ view }: { view: CaseView }) {
  const { t, date } = useT();
  const block = (title: string, versions: { id: number; title?: string; stars?: number; body: string; createdAt: number }[]) =>
    versions.length === 0 ? null : (
      <div className="case-history">
        <h3>{title}</h3>
        <ol className="case-history__list">
          {versions.map((v, i) => (
            <li key={v.id}>
              <details open={versions.length === 1}>
                <summary>
                  {t("moderation.case.history.version", { n: i + 1, date: date(v.createdAt, "medium") })}
                  {i === versions.length - 1 ? ` ${t("moderation.case.history.current")}` : ""}
                </summary>
                {v.title != null ? (
                  <p>
                    {v.stars != null ? <Stars value={v.stars} /> : null} <strong>{v.title}</strong>
                  </p>
                ) : null}
                <pre className="case-text">{v.body}</pre>
              </details>
            </li>
          ))}
        </ol>
      </div>
    );
  return (
    <section className="section case-section" aria-labelledby="case-history">
      <h2 id="case-history">{t("moderation.case.history")}</h2>
      {block(t("moderation.case.history.review"), view.history.review)}
      {block(t("moderation.case.history.reply"), view.history.reply)}
    </section>
  );
}

function Reports({ view }: { view: CaseView }) {
  const { t, date, locale } = useT();
  return (
    <CaseNotesSection id="case-flags" words="moderation.case.flags" items={view.flags}>
      {(f) => (
        <CaseNote
          key={f.id}
          pending={f.status === "pending"}
          text={f.explanation}
          meta={
            <>
              <span className="badge">{t(`moderation.target.${f.target}`)}</span> <strong>{reasonLabel(f.reason, locale)}</strong> ·{" "}
              {t(reporterLabel(f.reporterType))}
              {f.reporterCompany ? ` (${f.reporterCompany})` : ""}
              {f.reporterName ? ` · ${f.reporterName}` : ""}
              {!f.hasAccount ? ` (${t("moderation.case.flag.noAccount")})` : ""} ·{" "}
              <time dateTime={new Date(f.createdAt).toISOString()}>{date(f.createdAt, "medium")}</time> ·{" "}
              <span className={f.status === "pending" ? "badge badge--warn" : "badge"}>{t(`moderation.flag.status.${f.status}`)}</span>
            </>
          }
        />
      )}
    </CaseNotesSection>
  );
}

/** What the author sent about the reports (app/models/flags.server.ts). */
function Responses({ view }: { view: CaseView }) {
  const { date } = useT();
  return (
    <CaseNotesSection id="case-responses" words="moderation.case.responses" items={view.responses}>
      {(r) => (
        <CaseNote
          key={r.id}
          text={r.body}
          meta={<time dateTime={new Date(r.createdAt).toISOString()}>{date(r.createdAt, "medium")}</time>}
        />
      )}
    </CaseNotesSection>
  );
}

/** A section of the case's dated notes (the reports, the author's responses), under the
 *  heading `words` (`<words>.none` when there are none). */
function CaseNotesSection<T>({
  id,
  words,
  items,
  children,
}: {
  id: string;
  words: "moderation.case.flags" | "moderation.case.responses";
  items: readonly T[];
  /** One note, as a CaseNote with its key. */
  children: (item: T) => ReactNode;
}) {
  const { t } = useT();
  return (
    <CaseListSection id={id} title={t(words)} empty={t(`${words}.none`)} listClassName="case-flags" items={items}>
      {children}
    </CaseListSection>
  );
}

// ─── The decision forms ───────────────────────────────────────────────────────

const CHOICE: Record<Decision, { label: MessageKey; hint: MessageKey }> = {
  keep: { label: "moderation.decide.keep", hint: "moderation.decide.keepHint" },
  remove: { label: "moderation.decide.remove", hint: "moderation.decide.removeHint" },
  restore: { label: "moderation.decide.restore", hint: "moderation.decide.restoreHint" },
};

const DECISION_TEXT: Partial<DecisionFormText> = { neverEdit: "moderation.decide.neverEdit" };

/** The decision on one part of the thread, with what the part looked like when the case was
 *  opened (see decide()). */
function DecisionPanel({ part, lastResult }: { part: CasePart; lastResult?: SubmissionResult<string[]> }) {
  const { t, tp } = useT();
  const refusal = part.underAppeal ? t("moderation.decide.underAppeal") : part.refusal ? t(`moderation.refusal.${part.refusal}`) : null;
  return (
    <QueueDecisionForm
      id={`decide-${part.target}`}
      title={t(`moderation.decide.${part.target}`)}
      intro={<p className="muted">{`${t(statusLabel(part.status))} · ${tp("moderation.decide.pending", part.pendingFlags)}`}</p>}
      schema={decisionSchema}
      choices={part.allowed.map((decision) => ({ value: decision, ...CHOICE[decision] }))}
      hidden={{ target: part.target, version: part.version, seenFlag: part.seenFlag, editedAt: part.editedAt }}
      lastResult={lastResult}
      refusal={refusal}
      nothing={part.allowed.length === 0 ? t("moderation.decide.nothing") : null}
      // A part nobody reported can still be decided, on a moderator's own examination: its
      // form stays folded so that the reported part comes first.
      folded={part.target !== "review" && part.pendingFlags === 0 && part.status === "published" && !lastResult}
      text={DECISION_TEXT}
    />
  );
}

// ─── An appeal's form ─────────────────────────────────────────────────────────

const OUTCOME_CHOICE: Record<"uphold" | CaseAppeal["reversal"], { label: MessageKey; hint: MessageKey }> = {
  uphold: { label: "appeal.decide.uphold", hint: "appeal.decide.upholdHint" },
  restore: { label: "appeal.decide.overturn.restore", hint: "appeal.decide.overturn.restoreHint" },
  remove: { label: "appeal.decide.overturn.remove", hint: "appeal.decide.overturn.removeHint" },
};

const APPEAL_TEXT: Partial<DecisionFormText> = { ...APPEAL_DECISION_TEXT, neverEdit: "moderation.decide.neverEdit" };

/** The outcome of the appeals against one decision, with what the case looked like when it
 *  was opened (see decideAppeal()). */
function AppealPanel({ appeal, lastResult }: { appeal: CaseAppeal; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useT();
  const outcomes: readonly AppealOutcome[] = appeal.canOverturn ? APPEAL_OUTCOMES : ["uphold"];
  const refusal = appeal.refusal
    ? t(appeal.refusal === "same_moderator" ? "appeal.decide.refusal.same_moderator" : `moderation.refusal.${appeal.refusal}`)
    : null;
  return (
    <QueueDecisionForm
      id={`decide-${appeal.target}`}
      prefix={`appeal-${appeal.decision.id}`}
      className="decide--appeal"
      title={t(`appeal.decide.title.${appeal.target}`)}
      intro={<AppealSummary appeal={appeal} />}
      schema={appealDecisionSchema}
      choiceField="outcome"
      choices={outcomes.map((outcome) => ({ value: outcome, ...OUTCOME_CHOICE[outcome === "overturn" ? appeal.reversal : "uphold"] }))}
      hidden={{
        intent: "appeal",
        target: appeal.target,
        appealed: appeal.decision.id,
        seenAppeal: appeal.seenAppeal,
        editedAt: appeal.editedAt,
      }}
      // The rule examined again is, most often, the decision's own.
      defaultValue={{ reason: appeal.decision.reason }}
      lastResult={lastResult}
      refusal={refusal}
      text={APPEAL_TEXT}
    />
  );
}

/** The decision appealed against, its statement, and what the appellants said. */
function AppealSummary({ appeal }: { appeal: CaseAppeal }) {
  const { t } = useT();
  const who = t(appeal.side === "author" ? "appeal.decide.byAuthor" : "appeal.decide.byReporter");
  return (
    <>
      <AppealedDecision decision={appeal.decision} label={decisionLabel(appeal.decision.logged)} />
      <AppealExplanations appeals={appeal.appeals} appellant={who} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
