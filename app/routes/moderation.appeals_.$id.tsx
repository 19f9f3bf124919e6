// /moderation/appeals/:id: the appeals (DSA art. 20) against one decision of the queues — a
// refused proof or suggestion, a conduct report dismissed or upheld, a suspension, a refused
// claim, a review refused at submission (:id is the appealed decision) — with everything needed to decide in one screen: the
// decision and its statement, what each appellant says, the item as its queue's case page
// shows it now (the same loaders: getProofCase, getSuggestionCase, getConductCase,
// getUserCase, getClaimCase, getHeldCase for a review refused at submission), the earlier decisions, and the form: uphold, or overturn (what
// the opposite decision does), with a reason from the published list and a statement to the
// appellant. Decided by a moderator other than the one who took the decision (an admin may
// decide any), never by one with a conflict of interest on the item
// (app/models/decision-appeals.server.ts). Reviews, replies and follow-ups are appealed on
// their own case page (/moderation/reviews/:id).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { AuthorCard, HeldReviewText, ProofImage } from "~/components/CaseFacts";
import { CaseDecisions } from "~/components/CaseListSection";
import { AppealedDecision, AppealExplanations, APPEAL_DECISION_TEXT } from "~/components/AppealedDecision";
import { conductStatusLabel, decisionLabel, proofStatusLabel } from "~/components/moderation-labels";
import { HeldWhy } from "~/components/HeldEvidence";
import { CaseLayout, CaseStatus, PersonCard, QueueDecisions } from "~/components/QueueCase";
import { QueueDecisionForm } from "~/components/QueueDecisionForm";
import { Thread } from "~/components/Thread";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { APPEAL_OUTCOMES, type AppealOutcome } from "~/lib/appeal-form";
import { privatePageMeta } from "~/lib/auth-meta";
import { claimAppealSchema, decisionAppealSchema, type AppealableLogged } from "~/lib/decision-appeal";
import { checkName } from "~/lib/held-statement";
import { queueDecisionLabel } from "~/lib/moderation-queues";
import { CLAIM_REASONS, reasonLabel } from "~/lib/moderation-reasons";
import { decideQueueCase, idParam, loadQueueCase } from "~/lib/queue-decision.server";
import {
  decideDecisionAppeal,
  getDecisionAppealCase,
  getDecisionAppealKind,
  type DecisionAppealCase,
  type DecisionAppealFacts,
} from "~/models/decision-appeals.server";
import type { HeldCase } from "~/models/held-reviews.server";
import type { ClaimCase } from "~/models/claim-queue.server";
import type { ConductCase, ProofCase, SuggestionCase, UserCase } from "~/models/moderation-queues.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "decisionAppeal.case.title", "decisionAppeal.case.description", { id: String(data?.case.decision.id ?? "—") });

export const loader = async ({ request, params }: LoaderFunctionArgs) => loadQueueCase(request, params.id, getDecisionAppealCase);

export async function action({ request, params }: ActionFunctionArgs) {
  requireModerator(request);
  const id = idParam(params.id);
  // A refused claim is examined again on the claims' own reasons.
  const schema = id != null && getDecisionAppealKind(id) === "claim" ? claimAppealSchema : decisionAppealSchema;
  return decideQueueCase(
    request,
    params.id,
    schema,
    ({ actor, id: appealed, value, origin }) => decideDecisionAppeal({ actor, appealed, ...value, origin }),
    "/moderation/appeals",
  );
}

const OVERTURN: Record<AppealableLogged, { label: MessageKey; hint: MessageKey }> = {
  proof_refuse: { label: "decisionAppeal.decide.overturn.proof_refuse", hint: "decisionAppeal.decide.overturn.proof_refuseHint" },
  subject_refuse: { label: "decisionAppeal.decide.overturn.subject_refuse", hint: "decisionAppeal.decide.overturn.subject_refuseHint" },
  conduct_dismissed: {
    label: "decisionAppeal.decide.overturn.conduct_dismissed",
    hint: "decisionAppeal.decide.overturn.conduct_dismissedHint",
  },
  conduct_upheld: { label: "decisionAppeal.decide.overturn.conduct_upheld", hint: "decisionAppeal.decide.overturn.conduct_upheldHint" },
  suspend: { label: "decisionAppeal.decide.overturn.suspend", hint: "decisionAppeal.decide.overturn.suspendHint" },
  claim_refuse: { label: "decisionAppeal.decide.overturn.claim_refuse", hint: "decisionAppeal.decide.overturn.claim_refuseHint" },
  refuse: { label: "decisionAppeal.decide.overturn.refuse", hint: "decisionAppeal.decide.overturn.refuseHint" },
};

/** The path of the item's own case page. */
function queueCasePath(facts: DecisionAppealFacts) {
  switch (facts.kind) {
    case "proof":
      return `/moderation/proofs/${facts.view.item.id}`;
    case "suggestion":
      return `/moderation/suggestions/${facts.view.item.id}`;
    case "conduct":
      return `/moderation/conduct/${facts.view.item.id}`;
    case "user":
      return `/moderation/users/${facts.view.user.id}`;
    case "claim":
      return `/moderation/claims/${facts.view.item.id}`;
    case "publication":
      return `/moderation/held/${facts.view.item.id}`;
  }
}

export default function DecisionAppealCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date } = useT();
  const outcomes: readonly AppealOutcome[] = view.canOverturn ? APPEAL_OUTCOMES : ["uphold"];
  const claim = view.kind === "claim";
  const nothing =
    view.appeals.length > 0
      ? null
      : view.decided
        ? t("decisionAppeal.case.decided", {
            date: date(view.decided.decidedAt),
            outcome: t(`decisionAppeal.case.decided.${view.decided.outcome}`),
          })
        : t("decisionAppeal.case.nothing");
  const side = (
    <>
      <QueueDecisionForm
        id="decide"
        className="decide--appeal"
        title={t("decisionAppeal.decide.title")}
        intro={<AppealSummary view={view} />}
        schema={claim ? claimAppealSchema : decisionAppealSchema}
        choiceField="outcome"
        choices={outcomes.map((outcome) =>
          outcome === "uphold"
            ? { value: outcome, label: "decisionAppeal.decide.uphold", hint: "decisionAppeal.decide.upholdHint" }
            : { value: outcome, ...OVERTURN[view.decision.logged] },
        )}
        hidden={{ seenAppeal: view.seenAppeal }}
        // The rule examined again is, most often, the decision's own.
        defaultValue={{ reason: view.decision.reason }}
        lastResult={answer?.result}
        refusal={
          view.refusal
            ? t(view.refusal === "same_moderator" ? "appeal.decide.refusal.same_moderator" : `queues.refusal.${view.refusal}`)
            : null
        }
        nothing={nothing}
        text={APPEAL_DECISION_TEXT}
        {...(claim ? { reasons: CLAIM_REASONS, rulesPath: "/transparency#claims" } : {})}
      />
      <ConcernedCard facts={view.facts} />
    </>
  );
  return (
    <CaseLayout
      back={<Link to="/moderation/appeals">← {t("moderation.case.backAppeals")}</Link>}
      title={t("decisionAppeal.case.title", { id: String(view.decision.id) })}
      status={
        <CaseStatus label={t(`decisionAppeal.kind.${view.kind}`)} warn={view.appeals.length > 0}>
          <Link to={queueCasePath(view.facts)}>{t("decisionAppeal.case.queueCase")}</Link>
        </CaseStatus>
      }
      side={side}
      sideLabel={t("decisionAppeal.decide.title")}
    >
      <ItemFacts facts={view.facts} />
      <ItemDecisions facts={view.facts} />
    </CaseLayout>
  );
}

/** The decision appealed against, its statement, and what the appellants said. */
function AppealSummary({ view }: { view: DecisionAppealCase }) {
  const { t } = useT();
  const label = queueDecisionLabel(view.decision.logged) ?? decisionLabel(view.decision.logged);
  return (
    <>
      <AppealedDecision decision={view.decision} label={label} />
      {view.appeals.length > 0 ? (
        <AppealExplanations appeals={view.appeals} appellant={t(`decisionAppeal.case.appellant.${view.side}`)} />
      ) : null}
      {view.appeals.length > 0 && !view.canOverturn ? <p className="notice notice--warn">{t("decisionAppeal.case.changed")}</p> : null}
    </>
  );
}

/** The person the decision concerns, with the way to their account's case page. */
function ConcernedCard({ facts }: { facts: DecisionAppealFacts }) {
  const { t } = useT();
  switch (facts.kind) {
    case "proof":
      return <PersonCard title={t("moderation.author.title")} person={facts.view.author} />;
    case "suggestion":
      return <PersonCard title={t("moderation.author.title")} person={facts.view.suggester} />;
    case "conduct":
      return <PersonCard title={t("queues.conduct.case.reporter")} person={facts.view.reporter} />;
    case "user":
      return <PersonCard title={t("queues.users.facts")} person={facts.view.user} />;
    case "claim":
      return <PersonCard title={t("claims.case.claimant")} person={facts.view.claimant} />;
    case "publication":
      return <AuthorCard author={facts.view.author} />;
  }
}

/** The item as it is now. */
function ItemFacts({ facts }: { facts: DecisionAppealFacts }) {
  switch (facts.kind) {
    case "proof":
      return <ProofFacts v={facts.view} />;
    case "suggestion":
      return <SuggestionFacts v={facts.view} />;
    case "conduct":
      return <ConductFacts v={facts.view} />;
    case "user":
      return <AccountFacts v={facts.view} />;
    case "claim":
      return <ClaimFacts v={facts.view} />;
    case "publication":
      return <PublicationFacts v={facts.view} />;
  }
}

function FactsSection({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <section className="section case-section" aria-labelledby="appeal-facts">
      <h2 id="appeal-facts">{t("decisionAppeal.case.facts")}</h2>
      {children}
    </section>
  );
}

function ProofFacts({ v }: { v: ProofCase }) {
  const { t } = useT();
  const status = t(proofStatusLabel(v.proofStatus));
  return (
    <FactsSection>
      <p>{t("decisionAppeal.case.proofStatus", { status })}</p>
      <ProofImage proof={v} />
      <p className="muted">{t("queues.proofs.case.imageHint")}</p>
      {v.review ? <Thread review={v.review} truncation="full" headingLevel={3} showCompany /> : null}
    </FactsSection>
  );
}

function SuggestionFacts({ v }: { v: SuggestionCase }) {
  const { t } = useT();
  const state = t(`decisionAppeal.case.subjectState.${v.state === "active" ? "active" : v.state === "pending" ? "pending" : "rejected"}`);
  return (
    <FactsSection>
      <p>{t("decisionAppeal.case.subjectState", { state })}</p>
      <dl>
        <dt>{t("queues.suggestions.case.name")}</dt>
        <dd>{v.item.name}</dd>
        <dt>{t("queues.suggestions.case.company")}</dt>
        <dd>
          <Link to={`/companies/${v.item.company.slug}`}>{v.item.company.name}</Link>
        </dd>
        {v.item.city || v.item.address ? (
          <>
            <dt>{t("queues.suggestions.case.address")}</dt>
            <dd>{[v.item.address, v.item.postalCode, v.item.city].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        {v.item.url ? (
          <>
            <dt>{t("queues.suggestions.case.url")}</dt>
            <dd>{v.item.url}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t("queues.suggestions.case.existing")}</h3>
      {v.existing.length === 0 ? <p className="muted">{t("queues.suggestions.case.noExisting")}</p> : null}
      <ul>
        {v.existing.map((s) => (
          <li key={s.id}>{[s.name, s.city].filter(Boolean).join(" — ")}</li>
        ))}
      </ul>
    </FactsSection>
  );
}

function ConductFacts({ v }: { v: ConductCase }) {
  const { t, date } = useT();
  const status = t(conductStatusLabel(v.status));
  return (
    <FactsSection>
      <p>
        <span className="badge">{t(`queues.conduct.kind.${v.item.kind}`)}</span> {t("decisionAppeal.case.conductStatus", { status })} ·{" "}
        <Link to={`/companies/${v.item.company.slug}`}>{v.item.company.name}</Link>
      </p>
      <h3>{t("decisionAppeal.case.report")}</h3>
      <p className="muted">
        {t("queues.conduct.by", { reporter: v.item.reporter?.name ?? t("queues.anonymous") })} ·{" "}
        <time dateTime={new Date(v.item.createdAt).toISOString()}>{date(v.item.createdAt, "medium")}</time>
      </p>
      <blockquote className="case-text">{v.item.body}</blockquote>
      <p>{t("queues.conduct.case.recordLine", v.record)}</p>
      {v.review ? <Thread review={v.review} truncation="full" headingLevel={3} showCompany /> : null}
    </FactsSection>
  );
}

function AccountFacts({ v }: { v: UserCase }) {
  const { t, date, locale } = useT();
  return (
    <FactsSection>
      <p className={v.user.suspendedAt != null ? "case-author__warn" : undefined}>
        {v.user.deleted
          ? t("queues.users.deleted")
          : v.user.suspendedAt != null
            ? t("queues.users.suspendedSince", {
                date: date(v.user.suspendedAt),
                reason: reasonLabel(v.user.suspendedReason ?? "", locale),
              })
            : t("queues.users.active")}
      </p>
      <p>{t("queues.users.flags", { filed: v.flagsFiled, dismissed: v.flagsDismissed })}</p>
      <h3>{t("queues.users.reviews")}</h3>
      {v.reviews.length === 0 ? <p className="muted">{t("queues.users.noReviews")}</p> : null}
      <ul>
        {v.reviews.map((r) => (
          <li key={r.id}>
            <Link to={`/moderation/reviews/${r.id}`}>{`${r.title} · ${r.companyName} · ${r.stars}★`}</Link>
          </li>
        ))}
      </ul>
    </FactsSection>
  );
}

function ClaimFacts({ v }: { v: ClaimCase }) {
  const { t } = useT();
  return (
    <FactsSection>
      <p>
        {t("decisionAppeal.case.claimStatus", { status: t(`claims.status.${v.status}`) })} ·{" "}
        <Link to={`/companies/${v.item.company.slug}`}>{v.item.company.name}</Link>
      </p>
      <h3>{t("claims.case.explanation")}</h3>
      <blockquote className="claim-explanation">
        {v.evidence.explanation
          .split(/\n+/)
          .filter((p) => p.trim() !== "")
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
      </blockquote>
      {v.evidence.url ? (
        <p>
          <a href={v.evidence.url} rel="nofollow noopener noreferrer" target="_blank">
            {v.evidence.url}
            <span className="visually-hidden"> {t("claims.case.urlNewTab")}</span>
          </a>
        </p>
      ) : null}
    </FactsSection>
  );
}

/** A review refused at submission: why it was held, and its text as written (the public
 *  sees only its placeholder). */
function PublicationFacts({ v }: { v: HeldCase }) {
  const { t, date, locale } = useT();
  const item = v.item;
  return (
    <FactsSection>
      <p>
        {t("held.case.heldOn", { date: date(item.heldAt, "medium"), check: checkName(locale, item.check) })} ·{" "}
        <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
      </p>
      <HeldWhy check={item.check} evidence={item.evidence} alsoFound={item.alsoFound} />
      <h3>{t("held.case.text")}</h3>
      <HeldReviewText review={item} />
    </FactsSection>
  );
}

/** The earlier decisions on the item. */
function ItemDecisions({ facts }: { facts: DecisionAppealFacts }) {
  if (facts.kind !== "publication") return <QueueDecisions decisions={facts.view.decisions} />;
  return <CaseDecisions id="queue-decisions" words="queues.decisions" decisions={facts.view.decisions} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
