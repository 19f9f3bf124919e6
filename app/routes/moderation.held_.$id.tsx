// /moderation/held/:id: the case of a review held at submission by an automatic check.
// Everything needed to decide in one screen — the review as it would be published, its
// text as written, the check that held it and its evidence, the time left before the
// deadline job publishes it, the edit history, the author's facts and earlier decisions —
// and the decision form: publish or refuse, with a rule from the published list and a
// statement to the author. Moderators never edit the text.
//
// The form is the queues' QueueDecisionForm on one zod schema (app/lib/held-review.ts)
// shared with the action: a plain <Form method="post"> that works without JavaScript and
// keeps what was typed when the action answers with errors.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthorCard, CaseThreadSection, HeldReviewText } from "~/components/CaseFacts";
import { CaseDecisions } from "~/components/CaseListSection";
import { Deadline, HeldWhy } from "~/components/HeldEvidence";
import { statusLabel } from "~/components/moderation-labels";
import { CaseLayout, CaseStatus } from "~/components/QueueCase";
import { QueueDecisionForm, type DecisionChoice, type DecisionFormText } from "~/components/QueueDecisionForm";
import { Stars } from "~/components/Stars";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { queueCaseMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { heldDecisionSchema } from "~/lib/held-review";
import { checkName } from "~/lib/held-statement";
import { notFound, readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { idParam, loadQueueCase } from "~/lib/queue-decision.server";
import { decideHeld, getHeldCase, type HeldCase } from "~/models/held-reviews.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = queueCaseMeta("held.case");

export const loader = async ({ request, params }: LoaderFunctionArgs) => ({
  ...loadQueueCase(request, params.id, getHeldCase),
  now: Date.now(),
});

const FAILURE = {
  own_content: "held.refusal.own_content",
  company_member: "held.refusal.company_member",
  already_decided: "held.error.already_decided",
  edited: "held.error.edited",
  not_moderator: "held.error.already_decided",
} as const satisfies Record<string, MessageKey>;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireModerator(request);
  const id = idParam(params.id);
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
  if (outcome.ok) return redirectWithFlash(request, "/moderation/held", "flash.heldDecided");
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
  const side = (
    <>
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
    </>
  );
  return (
    <CaseLayout
      back={<Link to="/moderation/held">← {t("held.case.back")}</Link>}
      title={t("held.case.title", { id: String(item.id) })}
      status={
        <CaseStatus label={t(statusLabel(view.status))} warn={held}>
          <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
          {" · "}
          {t(`subjectKind.${item.subject.kind}` as MessageKey)} · {item.subject.name}
          {held ? (
            <>
              {" · "}
              <Deadline deadlineAt={item.deadlineAt} now={now} />
            </>
          ) : null}
        </CaseStatus>
      }
      jump={held ? { href: "#decide", label: t("held.case.jump") } : null}
      side={side}
      sideLabel={t("held.decide.title")}
    >
      {held || item.check != null ? (
        <section className="section case-section" aria-labelledby="held-evidence">
          <h2 id="held-evidence">{t("held.case.evidence")}</h2>
          <p>{t("held.case.heldOn", { date: date(item.heldAt, "medium"), check: checkName(locale, item.check) })}</p>
          <HeldWhy check={item.check} evidence={item.evidence} alsoFound={item.alsoFound} />
        </section>
      ) : null}

      <CaseThreadSection id="held-review" title={t("held.case.review")} review={view.review} />

      <section className="section case-section" aria-labelledby="held-text">
        <h2 id="held-text">{t("held.case.text")}</h2>
        <HeldReviewText review={item} />
      </section>

      <History versions={view.history} />
      <CaseDecisions id="held-decisions" words="held.case.decisions" decisions={view.decisions} />
    </CaseLayout>
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

// ─── The decision form ────────────────────────────────────────────────────────

const HELD_CHOICES: DecisionChoice[] = [
  { value: "publish", label: "held.decide.publish", hint: "held.decide.publishHint" },
  { value: "refuse", label: "held.decide.refuse", hint: "held.decide.refuseHint" },
];

const HELD_TEXT: Partial<DecisionFormText> = {
  legend: "held.decide.legend",
  reason: "held.decide.reason",
  reasonHint: "held.decide.reasonHint",
  rules: "held.decide.rules",
  chooseReason: "held.decide.chooseReason",
  statement: "held.decide.statement",
  statementHint: "held.decide.statementHint",
  neverEdit: "held.decide.neverEdit",
  submit: "held.decide.submit",
  fix: "held.error.fix",
  stale: "held.error.stale",
};

/** Publish or refuse, with what the case looked like when it was opened (see decideHeld()). */
function DecisionPanel({ view, lastResult }: { view: HeldCase; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useT();
  return (
    <QueueDecisionForm
      id="decide"
      title={t("held.decide.title")}
      schema={heldDecisionSchema}
      choices={HELD_CHOICES}
      version={view.version}
      hidden={{ editedAt: view.editedAt }}
      defaultValue={{ reason: view.item.suggestedReason }}
      lastResult={lastResult}
      refusal={view.refusal ? t(`held.refusal.${view.refusal}`) : null}
      text={HELD_TEXT}
    />
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
