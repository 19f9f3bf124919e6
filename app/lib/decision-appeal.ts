// Appeals against the decisions of the moderation queues (DSA art. 20), the rules that the
// forms, the models (app/models/decision-appeals.server.ts) and the statements share. Pure:
// the client imports it. Content decisions (remove, keep, restore) have theirs in
// app/lib/appeal-form.ts; the window (APPEAL_WINDOW_DAYS) and the one-appeal-per-person
// rule are the same.
//
// Which decisions can be appealed, and by whom — the person the decision went against:
//   proof_refuse       the author of the review the proof was sent with;
//   subject_refuse     the reviewer who suggested the subject (and the company, if they added it);
//   conduct_dismissed  the person who reported the company's conduct;
//   conduct_upheld     the owners of the company (a report of a reward offered: the company
//                      is told, never who reported it nor which review); the reporter is the
//                      other side, told the outcome;
//   suspend            the holder of the account — who cannot sign in: the statement's link in
//                      their mail carries a signed key (app/models/statement-access.server.ts)
//                      that opens the statement and its appeal form without a session;
//   claim_refuse       the claimant;
//   refuse             the author of a review held at submission that a moderator refused
//                      (its statement is /statements/publication/:id); overturning publishes it.
// The decisions that went the recipient's way (an accepted proof, subject or claim, a
// reinstatement) are not appealable: nobody they concern lost anything.
//
// Overturning does what the opposite decision does (the reversal below), through the same
// code; upholding changes nothing. Either is a new row of the log on the decision's own
// target (logged as the reversal, or APPEAL_UPHELD), and the appealed row stays as it was.
import { z } from "zod";
import { formatDate, translate, type Locale, type MessageKey } from "~/i18n";
import { APPEAL_OUTCOMES } from "./appeal-form";
import { count, statementField } from "./moderation-form";
import type { QueueLogged, StatementTopic } from "./moderation-queues";
import { CLAIM_REASON_IDS, MODERATION_REASON_IDS, reasonLabel } from "./moderation-reasons";
import { decisionStatementParts, type ModeratorFacts, type StatementParts } from "./statement";

export const DECISION_APPEAL_KINDS = ["proof", "suggestion", "conduct", "user", "claim", "publication"] as const;
export type DecisionAppealKind = (typeof DECISION_APPEAL_KINDS)[number];

/** Who a recipient is to the decision: the person it concerns, the person who reported a
 *  company's conduct, or an owner of that company. */
export type AppealAudience = "concerned" | "reporter" | "company";

export type AppealableLogged =
  "proof_refuse" | "subject_refuse" | "conduct_dismissed" | "conduct_upheld" | "suspend" | "claim_refuse" | "refuse";

/** What overturning does, logged under that name: a queue's opposite decision, or publishing
 *  the refused held review (logged "publish", as a moderator's publication is). */
export type AppealReversal = QueueLogged | "publish";

export interface AppealableSpec {
  kind: DecisionAppealKind;
  /** The log's target type of such a decision. */
  targetType: "media" | "subject" | "company" | "user" | "claim" | "review";
  /** What overturning it does (and how it is logged). */
  reversal: AppealReversal;
  /** Who may appeal it. */
  appellants: AppealAudience;
}

export const APPEALABLE: Record<AppealableLogged, AppealableSpec> = {
  proof_refuse: { kind: "proof", targetType: "media", reversal: "proof_accept", appellants: "concerned" },
  subject_refuse: { kind: "suggestion", targetType: "subject", reversal: "subject_accept", appellants: "concerned" },
  conduct_dismissed: { kind: "conduct", targetType: "company", reversal: "conduct_upheld", appellants: "reporter" },
  conduct_upheld: { kind: "conduct", targetType: "company", reversal: "conduct_dismissed", appellants: "company" },
  suspend: { kind: "user", targetType: "user", reversal: "reinstate", appellants: "concerned" },
  claim_refuse: { kind: "claim", targetType: "claim", reversal: "claim_accept", appellants: "concerned" },
  refuse: { kind: "publication", targetType: "review", reversal: "publish", appellants: "concerned" },
};

export function isAppealable(logged: string): logged is AppealableLogged {
  return Object.hasOwn(APPEALABLE, logged);
}

/** The moderators' case page of the appeals against one decision of the queues. */
export function decisionAppealCasePath(decisionId: number) {
  return `/moderation/appeals/${decisionId}`;
}

// ─── The moderator's form ─────────────────────────────────────────────────────

const statement = statementField();

const fields = {
  outcome: z.enum(APPEAL_OUTCOMES, { error: "appeal.decide.error.outcome" }),
  statement,
  /** The newest pending appeal shown when the case was opened: a later one stops the form. */
  seenAppeal: count("moderation.error.stale"),
};

/** The outcome of the appeals against a decision of the queues, on the published reasons. */
export const decisionAppealSchema = z.object({ ...fields, reason: z.enum(MODERATION_REASON_IDS, { error: "moderation.error.reason" }) });

/** On a refused claim, the claims' own reasons: overturning it says the role is shown. */
export const claimAppealSchema = z
  .object({ ...fields, reason: z.enum(CLAIM_REASON_IDS, { error: "moderation.error.reason" }) })
  .superRefine((v, ctx) => {
    if ((v.outcome === "overturn") !== (v.reason === "claim_role_shown")) {
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: v.outcome === "overturn" ? "decisionAppeal.decide.reasonAccept" : "decisionAppeal.decide.reasonRefuse",
      });
    }
  });

/** Whether `reason` is one a decision of this kind may give (the model checks it too). */
export function reasonFits(kind: DecisionAppealKind, outcome: (typeof APPEAL_OUTCOMES)[number], reason: string) {
  if (kind === "claim")
    return (CLAIM_REASON_IDS as readonly string[]).includes(reason) && (outcome === "overturn") === (reason === "claim_role_shown");
  return (MODERATION_REASON_IDS as readonly string[]).includes(reason);
}

// ─── The statement of an appeal's outcome ─────────────────────────────────────

/** `StatementTopic`: what the decision is about, as the recipient may know it. */
export interface DecisionAppealOutcomeInput extends StatementTopic {
  /** The outcome's decision (its row of the log). */
  decisionId: number;
  appealed: { id: number; logged: AppealableLogged; createdAt: number };
  outcome: "upheld" | "overturned";
  /** Who the recipient is to the decision. */
  audience: AppealAudience;
  /** When the recipient appealed; null for the other side (and moderators). */
  yoursAt: number | null;
  reason: string;
  statement: string;
  decidedAt: number;
}

export interface DecisionStatementText extends StatementParts {
  facts: ModeratorFacts & { basis: string };
}

type Outcomes = { upheld: MessageKey | null; overturned: MessageKey };

/** What stands after the appeal, in the words of its recipient. */
const RESULT: Record<AppealableLogged, Partial<Record<AppealAudience, Outcomes>>> = {
  proof_refuse: {
    concerned: { upheld: "decisionAppeal.result.proof_refuse.upheld", overturned: "decisionAppeal.result.proof_refuse.overturned" },
  },
  subject_refuse: {
    concerned: { upheld: "decisionAppeal.result.subject_refuse.upheld", overturned: "decisionAppeal.result.subject_refuse.overturned" },
  },
  conduct_dismissed: {
    reporter: {
      upheld: "decisionAppeal.result.conduct_dismissed.reporter.upheld",
      overturned: "decisionAppeal.result.conduct_dismissed.reporter.overturned",
    },
    // The company never heard of a dismissed report: it is told only when it is upheld after all.
    company: { upheld: null, overturned: "decisionAppeal.result.conduct_dismissed.company.overturned" },
  },
  conduct_upheld: {
    company: {
      upheld: "decisionAppeal.result.conduct_upheld.company.upheld",
      overturned: "decisionAppeal.result.conduct_upheld.company.overturned",
    },
    reporter: {
      upheld: "decisionAppeal.result.conduct_upheld.reporter.upheld",
      overturned: "decisionAppeal.result.conduct_upheld.reporter.overturned",
    },
  },
  suspend: { concerned: { upheld: "decisionAppeal.result.suspend.upheld", overturned: "decisionAppeal.result.suspend.overturned" } },
  claim_refuse: {
    concerned: { upheld: "decisionAppeal.result.claim_refuse.upheld", overturned: "decisionAppeal.result.claim_refuse.overturned" },
  },
  refuse: { concerned: { upheld: "decisionAppeal.result.refuse.upheld", overturned: "decisionAppeal.result.refuse.overturned" } },
};

/** Whether the outcome is told to this side at all (see RESULT). */
export function toldOutcome(logged: AppealableLogged, audience: AppealAudience, outcome: "upheld" | "overturned") {
  return RESULT[logged][audience]?.[outcome] != null;
}

/** The decisions in force after the appeal that go against the recipient, or whose reason
 *  is their ground ("role at the company shown"): the ground then names the rule applied;
 *  otherwise it names the rule examined and found unbroken. */
function groundedOn(logged: AppealableLogged, outcome: "upheld" | "overturned", audience: AppealAudience) {
  if (outcome === "upheld") return audience !== "reporter" || logged === "conduct_dismissed";
  return (
    logged === "claim_refuse" ||
    (logged === "conduct_dismissed" && audience === "company") ||
    (logged === "conduct_upheld" && audience === "reporter")
  );
}

export function decisionAppealOutcomeText(locale: Locale, s: DecisionAppealOutcomeInput): DecisionStatementText {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const vars = {
    date: formatDate(locale, s.decidedAt),
    id: String(s.appealed.id),
    appealedDate: formatDate(locale, s.appealed.createdAt),
    appealDate: s.yoursAt != null ? formatDate(locale, s.yoursAt) : "",
    title: s.reviewTitle ?? "",
    company: s.companyName ?? "",
    subject: s.subjectName ?? "",
  };
  const mine = s.yoursAt != null;
  const reason = reasonLabel(s.reason, locale);
  const parts = decisionStatementParts(locale, {
    reason: s.reason,
    statement: s.statement,
    automated: false,
    appliesRule: groundedOn(s.appealed.logged, s.outcome, s.audience),
  });
  const result = RESULT[s.appealed.logged][s.audience]?.[s.outcome] ?? RESULT[s.appealed.logged][s.audience]?.overturned;
  const head = t(mine ? "statement.appeal.decided.yours" : "decisionAppeal.decided.theirs", vars);
  const decided = result ? `${head} ${t(result, vars)}` : head;
  const subjectKey: MessageKey =
    s.outcome === "upheld"
      ? mine
        ? "statement.appeal.subject.upheld.yours"
        : "statement.appeal.subject.upheld.theirs"
      : mine
        ? "statement.appeal.subject.overturned.yours"
        : "statement.appeal.subject.overturned.theirs";
  return {
    ...parts,
    subject: t(subjectKey, vars),
    summary: `${result ? t(result, vars) : head} ${t("statement.summary.ground", { reason })}`,
    decided,
    facts: { ...parts.facts, basis: t("statement.appeal.basis") },
    contest: `${t("statement.appeal.final")} ${t("statement.contest.courts")}`,
  };
}
