// The moderation queues beyond reported and held content — proofs of experience,
// suggested subjects, conduct reports ("the company offered me something", extortion) — and
// the suspension of accounts: the decision forms (one zod schema each, shared by the action
// and the UI through Conform), how each decision is written in the log, and the statement
// of reasons each sends (DSA art. 17): what was decided, the facts, whether automated means
// were used, the ground, how to contest. Pure: the client may import it.
import { z } from "zod";
import { formatDate, translate, type Locale, type MessageKey } from "~/i18n";
import { APPEAL_WINDOW_DAYS, appealDeadline } from "./appeal-form";
import { count, DECISION_MESSAGE_VARS, statementField } from "./moderation-form";
import { CLAIM_REASON_IDS, MODERATION_REASON_IDS, reasonLabel } from "./moderation-reasons";
import { decisionStatementParts, type ModeratorFacts, type StatementParts } from "./statement";

// ─── The forms ────────────────────────────────────────────────────────────────

export const PROOF_DECISIONS = ["accept", "refuse"] as const;
export const SUGGESTION_DECISIONS = ["accept", "refuse"] as const;
export const CONDUCT_DECISIONS = ["uphold", "dismiss"] as const;
export const USER_DECISIONS = ["suspend", "reinstate"] as const;
export const CLAIM_DECISIONS = ["accept", "refuse"] as const;

export type ProofDecision = (typeof PROOF_DECISIONS)[number];
export type SuggestionDecision = (typeof SUGGESTION_DECISIONS)[number];
export type ConductDecision = (typeof CONDUCT_DECISIONS)[number];
export type UserDecision = (typeof USER_DECISIONS)[number];
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];

const statement = statementField();

function decisionForm<
  const D extends readonly [string, ...string[]],
  const R extends readonly [string, ...string[]] = typeof MODERATION_REASON_IDS,
>(decisions: D, reasons: R = MODERATION_REASON_IDS as unknown as R) {
  return z.object({
    decision: z.enum(decisions, { error: "moderation.error.decision" }),
    reason: z.enum(reasons, { error: "moderation.error.reason" }),
    statement,
    /** The id of the last decision on the target when the case was opened (0: none). */
    version: count("moderation.error.stale"),
  });
}

export const proofDecisionSchema = decisionForm(PROOF_DECISIONS);
export const suggestionDecisionSchema = decisionForm(SUGGESTION_DECISIONS).extend({
  /** On a refusal: an existing subject of the company the waiting reviews move to (none: they are not published). */
  moveTo: count("queues.error.moveTo").optional(),
});
export const conductDecisionSchema = decisionForm(CONDUCT_DECISIONS);
export const userDecisionSchema = decisionForm(USER_DECISIONS);
/** A claim with evidence (app/models/claim-queue.server.ts), on the claims' own reasons: an
 *  acceptance says the role is shown, a refusal says why not. */
export const claimDecisionSchema = decisionForm(CLAIM_DECISIONS, CLAIM_REASON_IDS).superRefine((v, ctx) => {
  if ((v.decision === "accept") !== (v.reason === "claim_role_shown")) {
    ctx.addIssue({
      code: "custom",
      path: ["reason"],
      message: v.decision === "accept" ? "claims.error.reasonAccept" : "claims.error.reasonRefuse",
    });
  }
});

export const QUEUE_MESSAGE_VARS = DECISION_MESSAGE_VARS;

/** How each decision is written in the moderation log. */
export const QUEUE_LOGGED = {
  proof: { accept: "proof_accept", refuse: "proof_refuse" },
  suggestion: { accept: "subject_accept", refuse: "subject_refuse" },
  conduct: { uphold: "conduct_upheld", dismiss: "conduct_dismissed" },
  user: { suspend: "suspend", reinstate: "reinstate" },
  claim: { accept: "claim_accept", refuse: "claim_refuse" },
} as const;

export type QueueLogged =
  | (typeof QUEUE_LOGGED.proof)[ProofDecision]
  | (typeof QUEUE_LOGGED.suggestion)[SuggestionDecision]
  | (typeof QUEUE_LOGGED.conduct)[ConductDecision]
  | (typeof QUEUE_LOGGED.user)[UserDecision]
  | (typeof QUEUE_LOGGED.claim)[ClaimDecision];

export const QUEUE_LOGGED_DECISIONS: readonly QueueLogged[] = [
  "proof_accept",
  "proof_refuse",
  "subject_accept",
  "subject_refuse",
  "conduct_upheld",
  "conduct_dismissed",
  "suspend",
  "reinstate",
  "claim_accept",
  "claim_refuse",
];

export function isQueueLogged(value: string): value is QueueLogged {
  return (QUEUE_LOGGED_DECISIONS as readonly string[]).includes(value);
}

/** The words of a logged decision, for the case pages' history. */
export function queueDecisionLabel(logged: string): MessageKey | null {
  return isQueueLogged(logged) ? (`queues.logged.${logged}` as const) : null;
}

// ─── The statement of reasons ─────────────────────────────────────────────────

/** What a statement of reasons is about, as its recipient knows it. */
export interface StatementTopic {
  reviewTitle: string | null;
  companyName: string | null;
  subjectName: string | null;
}

export interface QueueStatementInput extends StatementTopic {
  decisionId: number;
  decision: QueueLogged;
  reason: string;
  /** The moderator's own words. */
  statement: string;
  decidedAt: number;
  /** A conduct report, a claim: when it was filed. */
  reportedAt: number | null;
  /** A refused suggestion: the subject the review was moved to, or null (not published). */
  movedTo: string | null;
  /** A suggestion that came with a company the reviewer added (/write-a-review/new): the
   *  decision lists the company, or hides it. */
  companyAdded?: boolean;
  /** An upheld conduct report as the reported company's owners read it (never who reported
   *  it, nor which review): it goes against them, and they may appeal it. */
  audience?: "company";
}

export interface QueueStatementText extends StatementParts {
  facts: ModeratorFacts;
}

/** The decisions that went against their recipient (the ground names a breach). */
const AGAINST: readonly QueueLogged[] = ["proof_refuse", "subject_refuse", "conduct_dismissed", "suspend", "claim_refuse"];
/** The decisions whose reason is their ground rather than a rule found unbroken (an accepted
 *  claim: "role at the company shown"). */
const GROUNDED_FOR: readonly QueueLogged[] = ["claim_accept"];

export function queueStatementText(locale: Locale, s: QueueStatementInput): QueueStatementText {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const vars = {
    date: formatDate(locale, s.decidedAt),
    title: s.reviewTitle ?? "",
    company: s.companyName ?? "",
    subject: s.subjectName ?? "",
    reportedAt: s.reportedAt != null ? formatDate(locale, s.reportedAt) : "",
    movedTo: s.movedTo ?? "",
  };
  const reason = reasonLabel(s.reason, locale);
  const company = s.companyAdded && (s.decision === "subject_accept" || s.decision === "subject_refuse") ? s.decision : null;
  let decided = t(company ? `queues.statement.company.decided.${company}` : `queues.statement.decided.${s.decision}`, vars);
  if (s.decision === "subject_refuse" && !company) {
    decided = `${decided} ${t(s.movedTo ? "queues.statement.refused.moved" : "queues.statement.refused.notPublished", vars)}`;
  }
  const owners = s.audience === "company" && s.decision === "conduct_upheld";
  if (owners) decided = t("decisionAppeal.owner.decided", vars);
  const against = AGAINST.includes(s.decision) || owners;
  // The side a decision went against may appeal it (app/lib/decision-appeal.ts).
  const appeal = { deadline: formatDate(locale, appealDeadline(s.decidedAt)), days: APPEAL_WINDOW_DAYS };
  const appliesRule = against || GROUNDED_FOR.includes(s.decision);
  return {
    ...decisionStatementParts(locale, { reason: s.reason, statement: s.statement, automated: false, appliesRule }),
    subject: t(
      owners
        ? "decisionAppeal.owner.subject"
        : company
          ? `queues.statement.company.subject.${company}`
          : `queues.statement.subject.${s.decision}`,
      vars,
    ),
    summary: `${company || owners ? decided : t(`queues.statement.decided.${s.decision}`, vars)} ${t("statement.summary.ground", { reason })}`,
    decided,
    contest: `${against ? t(s.decision === "suspend" ? "decisionAppeal.contest.suspend" : "statement.contest.appeal", appeal) : t("queues.statement.contest.for")} ${t("statement.contest.courts")}`,
  };
}

/** The page of such a statement, for its recipient and moderators. */
export function queueStatementPath(decisionId: number) {
  return `/statements/decision/${decisionId}`;
}

// ─── What the pages show (types shared with app/models/moderation-queues.server.ts) ─

export interface QueuePageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export type QueueRefusal = "own_content" | "company_member" | "reported_it" | "protected";

/** The account facts a case page shows for the person concerned (as the author card). */
export interface PersonFacts {
  id: number;
  displayName: string;
  createdAt: number;
  emailVerified: boolean;
  role: string;
  suspended: boolean;
  deleted: boolean;
  publishedReviews: number;
}

export interface QueueDecisionView {
  id: number;
  logged: string;
  reason: string;
  statement: string;
  actorName: string | null;
  automated: boolean;
  createdAt: number;
}
