// The statement of reasons of a moderation decision (DSA art. 17), in one place for the
// mail, the on-site notification and the statement page: what was decided, the facts,
// whether automated means were used, the ground (the reason and the rule on
// /transparency), and how to contest. Pure: it only formats what it is given.
import { formatDate, translate, translatePlural, type Locale, type MessageKey } from "~/i18n";
import type { Decision, DecisionTarget } from "./moderation-form";
import { MODERATION_REASONS, reasonLabel } from "./moderation-reasons";

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
}

export interface StatementText {
  subject: string;
  /** One line for lists (the notifications page). */
  summary: string;
  decided: string;
  /** `quoted`: the moderator's words between the language's quotation marks. */
  facts: { intro: string; statement: string; quoted: string; basis: string };
  automated: string;
  ground: string;
  /** The rule on /transparency (a path: the caller adds the origin). */
  rulePath: string;
  ruleLink: string;
  contest: string;
  headings: { decided: string; facts: string; automated: string; ground: string; contest: string };
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

export function statementText(locale: Locale, s: StatementInput): StatementText {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const date = formatDate(locale, s.decidedAt);
  const what = t(WHAT[s.role][s.target], { title: s.reviewTitle, company: s.companyName });
  const reasonText = MODERATION_REASONS.find((r) => r.id === s.reason);
  const reason = reasonLabel(s.reason, locale);
  const description = reasonText ? reasonText.description[locale] : "";
  const reports = translatePlural(locale, "statement.reports", s.reportCount);

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

  return {
    subject,
    summary: `${t(DECIDED[s.decision], { what, date, reports })} ${t("statement.summary.ground", { reason })}`,
    decided,
    facts: { intro: t("statement.facts.intro"), statement: s.statement, quoted: quote(locale, s.statement), basis },
    automated: t(s.automated ? "statement.automated.yes" : "statement.automated.no"),
    ground: t(s.decision === "remove" ? "statement.ground.remove" : "statement.ground.kept", { reason, description }),
    rulePath: rulePath(s.reason),
    ruleLink: t("statement.ground.link"),
    contest: t("statement.contest"),
    headings: {
      decided: t("statement.heading.decided"),
      facts: t("statement.heading.facts"),
      automated: t("statement.heading.automated"),
      ground: t("statement.heading.ground"),
      contest: t("statement.heading.contest"),
    },
  };
}
