// The statement of reasons of a moderation decision (DSA art. 17), in one place for the
// mail, the on-site notification and the statement page: what was decided, the facts,
// whether automated means were used, the ground (the reason and the rule on
// /transparency), and how to contest: the appeal within Réplique (DSA art. 20) to the
// side the decision went against, open APPEAL_WINDOW_DAYS from the decision, from the
// statement's page; for the outcome of an appeal, that it is final here. Pure: it only
// formats what it is given.
import { formatDate, translate, translatePlural, type Locale, type MessageKey } from "~/i18n";
import { appealDeadline, appealPath, appellantSide } from "./appeal-window";
import { APPEAL_WINDOW_DAYS } from "./policy";
import type { Decision, DecisionTarget } from "./moderation-form";
import { reasonDescription, reasonLabel } from "./moderation-reasons";

export type StatementRole = "author" | "reporter";

export interface StatementInput {
  decisionId: number;
  decision: Decision;
  target: DecisionTarget;
  role: StatementRole;
  reason: string;
  /** The moderator's own words: the facts and why. */
  statement: string;
  automated: boolean;
  decidedAt: number;
  reviewId: number;
  reviewTitle: string;
  companyName: string;
  /** How many reports the decision answered (0: on a moderator's own examination). */
  reportCount: number;
  /** The reporter's own report, for a reporter's statement. */
  report?: { id: number; at: number } | null;
  /** A notifier without an account (mail only): to appeal, they sign in with the address
   *  of their report first. */
  noAccount?: boolean;
  /** The outcome of an appeal: `decision` is then what stands after it (the appealed
   *  decision confirmed, or its reversal). */
  appeal?: AppealOutcomeInput | null;
}

export interface AppealOutcomeInput {
  outcome: "upheld" | "overturned";
  appealedDecisionId: number;
  /** When the appealed decision was taken. */
  appealedAt: number;
  /** When the recipient appealed; null when the appeal was the other side's. */
  yoursAt: number | null;
}

/** The headings of a statement's parts, in every kind of statement. */
export interface StatementHeadings {
  decided: string;
  facts: string;
  automated: string;
  ground: string;
  contest: string;
}

/** The parts of every statement of reasons; each kind adds its own facts (and more). */
export interface StatementParts {
  subject: string;
  /** One line for lists (the notifications page). */
  summary: string;
  decided: string;
  automated: string;
  ground: string;
  /** The rule on /transparency (a path: the caller adds the origin). */
  rulePath: string;
  ruleLink: string;
  contest: string;
  headings: StatementHeadings;
}

/** `quoted`: the moderator's words between the language's quotation marks. */
export interface ModeratorFacts {
  intro: string;
  statement: string;
  quoted: string;
}

export interface StatementText extends StatementParts {
  facts: ModeratorFacts & { basis: string };
  /** Where to appeal (the statement's page, its appeal form), or null when this recipient
   *  cannot appeal it. A path: the caller adds the origin. */
  appealPath: string | null;
  appealLink: string;
  /** The last day to appeal (the other side's, for the side the decision went for). */
  appealDeadline: number | null;
}

const SUBJECT: Record<Decision, Record<DecisionTarget, MessageKey>> = {
  remove: {
    review: "statement.subject.remove.review",
    reply: "statement.subject.remove.reply",
    follow_up: "statement.subject.remove.follow_up",
  },
  keep: { review: "statement.subject.keep.review", reply: "statement.subject.keep.reply", follow_up: "statement.subject.keep.follow_up" },
  restore: {
    review: "statement.subject.restore.review",
    reply: "statement.subject.restore.reply",
    follow_up: "statement.subject.restore.follow_up",
  },
};
const DECIDED: Record<Decision, MessageKey> = {
  remove: "statement.decided.remove",
  keep: "statement.decided.keep",
  restore: "statement.decided.restore",
};
const WHAT: Record<StatementRole, Record<DecisionTarget, MessageKey>> = {
  author: { review: "statement.what.author.review", reply: "statement.what.author.reply", follow_up: "statement.what.author.follow_up" },
  reporter: { review: "statement.what.other.review", reply: "statement.what.other.reply", follow_up: "statement.what.other.follow_up" },
};

/** Words quoted as each language quotes: « … » (with narrow no-break spaces) or “…”. */
export function quote(locale: Locale, words: string) {
  return locale === "fr" ? `«\u202F${words}\u202F»` : `“${words}”`;
}

/** The path of a reason's description on /transparency. */
export function rulePath(reason: string) {
  return `/transparency#reason-${reason}`;
}

/** The headings of a statement's parts; a held review's statement has words of its own. */
export function statementHeadings(locale: Locale, words: "statement" | "held.statement" = "statement"): StatementHeadings {
  return {
    decided: translate(locale, `${words}.heading.decided`),
    facts: translate(locale, `${words}.heading.facts`),
    automated: translate(locale, `${words}.heading.automated`),
    ground: translate(locale, `${words}.heading.ground`),
    contest: translate(locale, `${words}.heading.contest`),
  };
}

export interface DecisionStatementBasis {
  reason: string;
  /** The moderator's own words. */
  statement: string;
  automated: boolean;
  /** The decision applies the rule (a removal, a refusal…) rather than finding it unbroken. */
  appliesRule: boolean;
}

/** The parts of a moderator's decision's statement that do not depend on its kind: the
 *  facts in the moderator's words, whether automated means were used, the ground (the
 *  reason and its description), the rule on /transparency and the headings. */
export function decisionStatementParts(locale: Locale, s: DecisionStatementBasis) {
  const reason = reasonLabel(s.reason, locale);
  const description = reasonDescription(s.reason, locale);
  const facts: ModeratorFacts = {
    intro: translate(locale, "statement.facts.intro"),
    statement: s.statement,
    quoted: quote(locale, s.statement),
  };
  return {
    facts,
    automated: translate(locale, s.automated ? "statement.automated.yes" : "statement.automated.no"),
    ground: translate(locale, s.appliesRule ? "statement.ground.remove" : "statement.ground.kept", { reason, description }),
    rulePath: rulePath(s.reason),
    ruleLink: translate(locale, "statement.ground.link"),
    headings: statementHeadings(locale),
  };
}

const OUTCOME_SUBJECT: Record<AppealOutcomeInput["outcome"], { yours: MessageKey; theirs: MessageKey }> = {
  upheld: { yours: "statement.appeal.subject.upheld.yours", theirs: "statement.appeal.subject.upheld.theirs" },
  overturned: { yours: "statement.appeal.subject.overturned.yours", theirs: "statement.appeal.subject.overturned.theirs" },
};
/** What stands after the appeal, by the decision now in force. */
const OUTCOME_RESULT: Record<AppealOutcomeInput["outcome"], Record<Decision, MessageKey>> = {
  upheld: {
    remove: "statement.appeal.result.upheld.remove",
    keep: "statement.appeal.result.upheld.keep",
    restore: "statement.appeal.result.upheld.restore",
  },
  overturned: {
    remove: "statement.appeal.result.overturned.remove",
    keep: "statement.appeal.result.overturned.restore",
    restore: "statement.appeal.result.overturned.restore",
  },
};

export function statementText(locale: Locale, s: StatementInput): StatementText {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const date = formatDate(locale, s.decidedAt);
  const what = t(WHAT[s.role][s.target], { title: s.reviewTitle, company: s.companyName });
  const reason = reasonLabel(s.reason, locale);
  const reports = translatePlural(locale, "statement.reports", s.reportCount);
  const courts = t("statement.contest.courts");
  const common = {
    ...decisionStatementParts(locale, { ...s, appliesRule: s.decision === "remove" }),
    appealLink: t("statement.appeal.link"),
  };

  // The outcome of an appeal: final within Réplique.
  if (s.appeal) {
    const a = s.appeal;
    const appealed = { appealedDate: formatDate(locale, a.appealedAt), id: String(a.appealedDecisionId) };
    const intro =
      a.yoursAt != null
        ? t("statement.appeal.decided.yours", { date, appealDate: formatDate(locale, a.yoursAt), ...appealed })
        : t("statement.appeal.decided.theirs", { date, ...appealed, what });
    const result = t(OUTCOME_RESULT[a.outcome][s.decision], { what });
    const subject = t(a.yoursAt != null ? OUTCOME_SUBJECT[a.outcome].yours : OUTCOME_SUBJECT[a.outcome].theirs, { id: appealed.id });
    return {
      ...common,
      subject,
      summary: `${result} ${t("statement.summary.ground", { reason })}`,
      decided: `${intro} ${result}`,
      facts: { ...common.facts, basis: t("statement.appeal.basis") },
      contest: `${t("statement.appeal.final")} ${courts}`,
      appealPath: null,
      appealDeadline: null,
    };
  }

  // A reporter is first reminded of their report; the decision then speaks of "this content".
  const decided =
    s.role === "reporter" && s.report
      ? `${t("statement.reporter.intro", { what, date: formatDate(locale, s.report.at), id: String(s.report.id) })} ${t(
          DECIDED[s.decision],
          {
            what: t("statement.what.this"),
            date,
            reports,
          },
        )}`
      : t(DECIDED[s.decision], { what, date, reports });
  const basis =
    s.decision === "restore"
      ? t("statement.basis.restore")
      : s.reportCount > 0
        ? t("statement.basis.reports", { reports })
        : t("statement.basis.ownInitiative");
  const subject =
    s.role === "reporter"
      ? s.report
        ? t("statement.subject.reporter", { id: String(s.report.id) })
        : t("statement.subject.reporterRestore")
      : t(SUBJECT[s.decision][s.target]);

  // How to contest: the side the decision went against may appeal here, within the window.
  const deadline = appealDeadline(s.decidedAt);
  const window = { deadline: formatDate(locale, deadline), days: APPEAL_WINDOW_DAYS };
  const mayAppeal = appellantSide(s.decision) === s.role;
  // Nobody is on the other side of a restore or a removal that no report asked for.
  const otherSide = s.role === "author" ? s.reportCount > 0 : true;
  const contest = mayAppeal
    ? `${t(s.noAccount ? "statement.contest.appeal.noAccount" : "statement.contest.appeal", window)} ${courts}`
    : otherSide
      ? `${t(s.role === "author" ? "statement.contest.otherSide.reporters" : "statement.contest.otherSide.author", window)} ${courts}`
      : courts;

  return {
    ...common,
    subject,
    summary: `${t(DECIDED[s.decision], { what, date, reports })} ${t("statement.summary.ground", { reason })}`,
    decided,
    facts: { ...common.facts, basis },
    contest,
    appealPath: mayAppeal ? appealPath(s.decisionId) : null,
    appealDeadline: deadline,
  };
}
