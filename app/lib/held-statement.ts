// The statement of reasons (DSA art. 17) of a decision on a review held at submission: a
// moderator published it, a moderator refused it, or the deadline job published it
// because nobody decided within the published delay. The same parts as every statement
// (app/lib/statement.ts): what was decided, the facts, whether automated means were used,
// the ground (the reason and the rule on /transparency), how to contest (a refusal is appealed
// on the statement's page: app/models/decision-appeals.server.ts). One place for
// the mail, the notification and the page /statements/publication/:id. Pure.
import { formatDate, translate, type Locale, type MessageKey } from "~/i18n";
import { APPEAL_WINDOW_DAYS, appealDeadline } from "./appeal-form";
import type { HeldDecision } from "./held-review";
import { reasonDescription, reasonLabel } from "./moderation-reasons";
import { MAX_PUBLICATION_DELAY_HOURS } from "./policy";
import { quote, rulePath, statementHeadings, type StatementParts } from "./statement";

export interface PublicationStatementInput {
  decisionId: number;
  decision: HeldDecision;
  /** True for the deadline job's publication. */
  automated: boolean;
  reason: string;
  /** The moderator's own words (the job's fixed text for an automatic publication). */
  statement: string;
  /** The check that held the review, and when. */
  check: string | null;
  heldAt: number | null;
  decidedAt: number;
  reviewId: number;
  reviewTitle: string;
  companyName: string;
}

export interface PublicationStatementText extends StatementParts {
  /** How it was held; then, for a moderator's decision, their words (null for the job's). */
  facts: { held: string; intro: string | null; statement: string | null; quoted: string | null };
}

/** The path of the statement's page. */
export function publicationStatementPath(decisionId: number) {
  return `/statements/publication/${decisionId}`;
}

const CHECK_NAMES = {
  rate_account: "held.check.rate_account",
  rate_ip: "held.check.rate_ip",
  network_cluster: "held.check.network_cluster",
  links: "held.check.links",
  email: "held.check.email",
  phone: "held.check.phone",
  banned_words: "held.check.banned_words",
  duplicate_own: "held.check.duplicate_own",
  near_duplicate: "held.check.near_duplicate",
  conflict_member: "held.check.conflict_member",
  conflict_domain: "held.check.conflict_domain",
  negative_burst: "held.check.negative_burst",
} as const satisfies Record<string, MessageKey>;

/** The name of a check (a code of review-checks.server.ts CHECKS), for people. */
export function checkName(locale: Locale, code: string | null): string {
  const key: MessageKey = code && code in CHECK_NAMES ? CHECK_NAMES[code as keyof typeof CHECK_NAMES] : "held.check.unknown";
  return translate(locale, key);
}

type Kind = "publish" | "refuse" | "auto";
const kindOf = (s: PublicationStatementInput): Kind => (s.automated ? "auto" : s.decision);

export function publicationStatementText(locale: Locale, s: PublicationStatementInput): PublicationStatementText {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const kind = kindOf(s);
  const date = formatDate(locale, s.decidedAt);
  const what = t("held.statement.what", { title: s.reviewTitle, company: s.companyName });
  const reason = reasonLabel(s.reason, locale);
  const description = reasonDescription(s.reason, locale);
  const hours = MAX_PUBLICATION_DELAY_HOURS;
  const check = checkName(locale, s.check);
  const held =
    s.heldAt != null
      ? t("held.statement.facts.held", { date: formatDate(locale, s.heldAt), check })
      : t("held.statement.facts.heldUndated", { check });
  const decided = t(`held.statement.decided.${kind}`, { what, date, hours });
  const human = kind !== "auto";
  return {
    subject: t(`held.statement.subject.${kind}`),
    summary: `${decided} ${t("held.statement.summary.ground", { reason })}`,
    decided,
    facts: {
      held,
      intro: human ? t("held.statement.facts.intro") : null,
      statement: human ? s.statement : null,
      quoted: human ? quote(locale, s.statement) : null,
    },
    automated: t(human ? "held.statement.automated.human" : "held.statement.automated.auto", { hours }),
    ground: t(`held.statement.ground.${kind}`, { reason, description, hours }),
    // The automatic publication rests on the published delay; the others on the rule.
    rulePath: human ? rulePath(s.reason) : "/transparency#delay",
    ruleLink: t("held.statement.ruleLink"),
    // A refusal is appealed on the statement's page, like every decision that goes against its author.
    contest:
      kind === "refuse"
        ? `${t("statement.contest.appeal", { deadline: formatDate(locale, appealDeadline(s.decidedAt)), days: APPEAL_WINDOW_DAYS })} ${t("statement.contest.courts")}`
        : t("held.statement.contest.publish"),
    headings: statementHeadings(locale, "held.statement"),
  };
}
