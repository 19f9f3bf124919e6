// The statement of reasons of a decision, delivered: on the site (a notification that
// opens /statements/:id) and by mail in the recipient's language to the author of the
// content, and by mail alone to a notifier without an account (the /report form). The
// text itself is composed by app/lib/statement.ts. Call these inside the decision's
// transaction: the notices commit or roll back with it.
import { eq } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { users } from "#db/schema";
import { translate, type Locale } from "~/i18n";
import { statementText, type ModeratorFacts, type StatementInput, type StatementParts } from "~/lib/statement";
import { queueMail, renderMail, type MailBlock } from "./mail.server";
import { notify } from "./notifications.server";
import { linkOrigin } from "~/lib/origin.server";

/** The path of a statement's page (for its recipients with an account). */
export function statementPath(decisionId: number) {
  return `/statements/${decisionId}`;
}

/** The mail's blocks of a statement's parts, from what was decided to how to contest (the
 *  facts' basis when the statement has one): each kind of statement adds where to read it. */
export function statementMailBlocks(s: StatementParts & { facts: ModeratorFacts & { basis?: string } }, origin: string): MailBlock[] {
  return [
    s.decided,
    `${s.facts.intro}\n${s.facts.quoted}`,
    ...(s.facts.basis !== undefined ? [s.facts.basis] : []),
    s.automated,
    s.ground,
    { link: s.ruleLink, url: `${origin}${s.rulePath}` },
    s.contest,
  ];
}

/** The whole statement as a mail: every part, the rule's link, and where to read it. */
export function renderStatementMail(locale: Locale, input: StatementInput, options: { name?: string; origin?: string; withPage: boolean }) {
  const s = statementText(locale, input);
  const origin = linkOrigin(options.origin);
  const blocks = statementMailBlocks(s, origin);
  // The side the decision went against: where to appeal, within the window.
  if (s.appealPath) blocks.push({ link: `${s.appealLink}:`, url: `${origin}${s.appealPath}` });
  // Account holders read it again on its page; a notifier without an account gets the
  // link to the content (its page shows the placeholder of removed content).
  if (options.withPage)
    blocks.push({ action: translate(locale, "statement.mail.page"), url: `${origin}${statementPath(input.decisionId)}` });
  else blocks.push({ link: translate(locale, "statement.mail.content"), url: `${origin}/reviews/${input.reviewId}` });
  return renderMail(locale, { subject: s.subject, name: options.name, blocks });
}

/** A recipient with an account: the notification (in the bell, opening the statement's
 *  page) and the mail with the whole statement, in the account's language. */
export function sendStatementToAccount(db: Db, args: { userId: number; input: StatementInput; origin?: string; now?: number }) {
  const user = db
    .select({ email: users.email, name: users.displayName, locale: users.locale, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, args.userId))
    .get();
  if (!user || user.deletedAt != null) return false;
  const { input } = args;
  notify(db, {
    userId: args.userId,
    kind: "moderation_decision",
    data: {
      reviewId: input.reviewId,
      reviewTitle: input.reviewTitle,
      companyName: input.companyName,
      reason: input.reason,
      decisionId: input.decisionId,
      decision: input.decision,
      target: input.target,
      role: input.role,
      decidedAt: input.decidedAt,
      reportCount: input.reportCount,
      flagId: input.report?.id,
      reportedAt: input.report?.at,
      appeal: input.appeal ?? undefined,
    },
    link: statementPath(input.decisionId),
    // The mail carries the whole statement, not the notification's summary.
    mail: false,
    origin: args.origin,
    now: args.now,
  });
  const mail = renderStatementMail(user.locale, input, { name: user.name, origin: args.origin, withPage: true });
  queueMail(db, { to: user.email, template: `statement_${input.role}`, ...mail });
  return true;
}

/** A notifier without an account: the statement by mail to the address of their report,
 *  in the language of their report's form. */
export function sendStatementToEmail(
  db: Db,
  args: { email: string; name: string | null; locale: Locale; input: StatementInput; origin?: string },
) {
  // Without an account, an appeal starts by signing in with this address (the contest part says so).
  const input: StatementInput = { ...args.input, noAccount: true };
  const mail = renderStatementMail(args.locale, input, { name: args.name ?? undefined, origin: args.origin, withPage: false });
  queueMail(db, { to: args.email, template: `statement_${args.input.role}`, ...mail });
  return true;
}

/** A reporter: the statement to their account, or by mail to the address of their report
 *  (in its language, else `locale`). Whether it was sent. */
export function sendStatementToReporter(
  db: Db,
  reporter: { reporterUserId: number | null; reporterEmail: string | null; reporterName: string | null; reporterLocale: Locale | null },
  args: { locale: Locale; input: StatementInput; origin?: string; now: number },
): boolean {
  if (reporter.reporterUserId != null) {
    return sendStatementToAccount(db, { userId: reporter.reporterUserId, input: args.input, origin: args.origin, now: args.now });
  }
  if (!reporter.reporterEmail) return false;
  return sendStatementToEmail(db, {
    email: reporter.reporterEmail,
    name: reporter.reporterName,
    locale: reporter.reporterLocale ?? args.locale,
    input: args.input,
    origin: args.origin,
  });
}
