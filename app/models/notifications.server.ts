// On-site notifications (the bell in the header), written in the same transaction as
// what caused them. Each kind has its message keys in app/i18n/write.ts
// ("notice.<kind>.title" / "notice.<kind>.body"); `data` holds what they need.
import { getDb, type Db } from "#db/client.server";
import { formatDate, translate, type Locale, type MessageKey } from "~/i18n";
import type { Decision, DecisionTarget } from "~/lib/moderation-form";
import { reasonLabel } from "~/lib/moderation-reasons";
import { statementText, type AppealOutcomeInput, type StatementRole } from "~/lib/statement";
import { queueMail, renderMail } from "./mail.server";
import { linkOrigin } from "~/lib/origin.server";
import { preparedPerConnection, type Client } from "./prepared-statements.server";
import { checkMessage, isCheckCode } from "./review-checks.server";

export const NOTIFICATION_KINDS = [
  "review_held",
  "review_published",
  "review_refused",
  "review_removed",
  "review_restored",
  "review_replied",
  // A moderator's decision, with its statement of reasons (app/lib/statement.ts).
  "moderation_decision",
  // The receipt of an appeal against a decision (app/models/appeals.server.ts).
  "appeal_received",
  // A decision on a review held at submission (app/models/held-reviews.server.ts): its
  // statement of reasons is at /statements/publication/:id (app/lib/held-statement.ts).
  "held_published",
  "held_refused",
  "held_auto_published",
  // A public warning set on, or lifted from, the member's company (company-warnings.server.ts).
  "company_warning",
  "company_warning_lifted",
  // An admin granted or revoked the moderator role (moderation-team.server.ts).
  "staff_role_granted",
  "staff_role_revoked",
  // The life of a flag (app/models/flags.server.ts): the author of a flagged review is
  // told (or that it is held at once on a manifestly illegal flag); a reporter whose flags
  // are mostly dismissed is warned, then their flagging is suspended.
  "flag_received",
  "flag_hold",
  "flagging_warning",
  "flagging_suspended",
  // …and told when an appeal's outcome takes the ground from under a warning or a suspension.
  "flagging_warning_withdrawn",
  "flagging_suspension_lifted",
  // Decisions of the proofs, suggestions and conduct queues and on accounts
  // (app/models/moderation-queues.server.ts): the statement is at /statements/decision/:id.
  "proof_accepted",
  "proof_refused",
  "subject_accepted",
  "subject_refused",
  "conduct_upheld",
  "conduct_dismissed",
  "account_suspended",
  "account_reinstated",
  // A moderator's decision on a claim with evidence (app/models/claim-queue.server.ts): the
  // claimant is told, with the statement at /statements/decision/:id.
  "claim_accepted",
  "claim_refused",
  // An upheld conduct report, to the reported company's owners; an appeal against a decision
  // of the queues received, and decided (app/models/decision-appeals.server.ts).
  "conduct_upheld_company",
  "decision_appeal_received",
  "decision_appeal_decided",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationData {
  reviewId?: number;
  /** The automatic check that held a review. */
  check?: string;
  /** A moderation reason id (app/lib/moderation-reasons.ts). */
  reason?: string;
  companyName?: string;
  reviewTitle?: string;
  /** moderation_decision: the decision and who is told (the author or a reporter). */
  decisionId?: number;
  decision?: Decision;
  target?: DecisionTarget;
  role?: StatementRole;
  decidedAt?: number;
  reportCount?: number;
  /** moderation_decision to a reporter: their report. */
  flagId?: number;
  reportedAt?: number;
  /** moderation_decision: the outcome of an appeal. */
  appeal?: AppealOutcomeInput;
  /** flag_*: until when the author may answer; flagging_suspended: when it ends. */
  until?: number;
  /** flagging_*: the reporter's figures over the published period. */
  dismissed?: number;
  decided?: number;
  share?: number;
  forCompany?: boolean;
  /** A warning's or a role change's statement, quoted in the message. */
  statement?: string;
  /** company_warning: when it ends (epoch ms). */
  expiresAt?: number;
}

export interface NotifyArgs {
  userId: number;
  kind: NotificationKind;
  data: NotificationData;
  /** A path on this site ("/reviews/12"). */
  link?: string | null;
  /** Also send it by mail (through the outbox, in the same transaction). Default: yes. */
  mail?: boolean;
  /** The site's origin for the link in the mail (the request's, or SITE_URL). */
  origin?: string;
  now?: number;
}

// Prepared once per connection: every write that tells someone, and every signed-in page
// (the bell's count), runs these.
function prepareStatements(client: Client) {
  return {
    insert: client.prepare<[userId: number, kind: string, data: string, link: string | null, createdAt: number], { id: number }>(
      `INSERT INTO notifications (user_id, kind, data, link, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    ),
    recipient: client.prepare<[userId: number], { email: string; name: string; locale: Locale }>(
      `SELECT email, display_name AS name, locale FROM users WHERE id = ? AND deleted_at IS NULL`,
    ),
    review: client.prepare<[reviewId: number], { authorId: number | null; title: string; companyName: string }>(
      `SELECT r.author_id AS authorId, r.title, c.name AS companyName FROM reviews r JOIN companies c ON c.id = r.company_id WHERE r.id = ?`,
    ),
    unread: client.prepare<[userId: number], { n: number }>(
      `SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL`,
    ),
    page: client.prepare<
      [userId: number, before: number, limit: number],
      { id: number; kind: string; data: string; link: string | null; createdAt: number; readAt: number | null }
    >(
      `SELECT id, kind, data, link, created_at AS createdAt, read_at AS readAt FROM notifications
       WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?`,
    ),
  };
}

const preparedFor = preparedPerConnection(prepareStatements);
const statements = (db: Db) => preparedFor(db.$client);

/** Adds one notification, and its mail to the user's address in their language. Call it
 *  inside the transaction of what caused it: both commit or roll back with it. */
export function notify(db: Db, args: NotifyArgs) {
  // INSERT … RETURNING gives its row (or throws).
  const row = statements(db).insert.get(args.userId, args.kind, JSON.stringify(args.data), args.link ?? null, args.now ?? Date.now())!;
  if (args.mail !== false) {
    const user = statements(db).recipient.get(args.userId);
    if (user) {
      const { title, body } = describeNotification(user.locale, args.kind, args.data);
      const blocks: Parameters<typeof renderMail>[1]["blocks"] = [body];
      if (args.link) blocks.push({ action: translate(user.locale, "notifications.open"), url: `${linkOrigin(args.origin)}${args.link}` });
      const content = renderMail(user.locale, { subject: title, name: user.name, blocks });
      queueMail(db, { to: user.email, template: `notice_${args.kind}`, ...content });
    }
  }
  return row.id;
}

/** Tells a review's author what happened to it (on the site and by mail): the company
 *  replied, or a moderator held, refused, removed, restored or published it, with the
 *  reason. For the reply and moderation models; call inside their transaction. */
export function notifyReviewEvent(
  db: Db,
  args: { reviewId: number; kind: NotificationKind; reason?: string; check?: string; origin?: string; now?: number },
) {
  const review = statements(db).review.get(args.reviewId);
  if (!review?.authorId) return null;
  return notify(db, {
    userId: review.authorId,
    kind: args.kind,
    data: { reviewId: args.reviewId, reviewTitle: review.title, companyName: review.companyName, reason: args.reason, check: args.check },
    link: `/reviews/${args.reviewId}`,
    origin: args.origin,
    now: args.now,
  });
}

export function unreadCount(db: Db, userId: number): number {
  return statements(db).unread.get(userId)!.n;
}

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: number;
  read: boolean;
}

/** The message of a notification, in the reader's language. */
export function describeNotification(locale: Locale, kind: string, data: NotificationData) {
  if (kind === "moderation_decision" && data.decisionId != null && data.decision && data.target && data.role && data.reason) {
    const s = statementText(locale, {
      decisionId: data.decisionId,
      decision: data.decision,
      target: data.target,
      role: data.role,
      reason: data.reason,
      statement: "",
      automated: false,
      decidedAt: data.decidedAt ?? 0,
      reviewId: data.reviewId ?? 0,
      reviewTitle: data.reviewTitle ?? "",
      companyName: data.companyName ?? "",
      reportCount: data.reportCount ?? 0,
      report: data.flagId != null && data.reportedAt != null ? { id: data.flagId, at: data.reportedAt } : null,
      appeal: data.appeal ?? null,
    });
    return { title: s.subject, body: s.summary };
  }
  const vars: Record<string, string> = {
    company: data.companyName ?? "",
    title: data.reviewTitle ?? "",
    reason: data.reason ? reasonLabel(data.reason, locale) : "",
    check: data.check && isCheckCode(data.check) ? translate(locale, checkMessage(data.check)) : "",
    until: data.until != null ? formatDate(locale, data.until) : "",
    dismissed: data.dismissed != null ? String(data.dismissed) : "",
    decided: data.decided != null ? String(data.decided) : "",
    share: data.share != null ? String(data.share) : "",
    who: data.forCompany ? translate(locale, "flags.abuse.whoCompany") : translate(locale, "flags.abuse.whoYou"),
    statement: data.statement ?? "",
    expires: data.expiresAt != null ? formatDate(locale, data.expiresAt) : "",
  };
  const known = (NOTIFICATION_KINDS as readonly string[]).includes(kind);
  return {
    title: known ? translate(locale, `notice.${kind}.title` as MessageKey, vars) : kind,
    body: known ? translate(locale, `notice.${kind}.body` as MessageKey, vars) : "",
  };
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** The newest first, by keyset (`before` is the last id seen). */
export function listNotifications(userId: number, locale: Locale, before?: number | null): NotificationView[] {
  const rows = statements(getDb()).page.all(userId, before ?? Number.MAX_SAFE_INTEGER, NOTIFICATIONS_PAGE_SIZE);
  return rows.map((r) => {
    let data: NotificationData = {};
    try {
      data = JSON.parse(r.data) as NotificationData;
    } catch {
      data = {};
    }
    return {
      id: r.id,
      kind: r.kind,
      ...describeNotification(locale, r.kind, data),
      link: r.link,
      createdAt: r.createdAt,
      read: r.readAt != null,
    };
  });
}

/** Marks the user's notifications read: the given ids, or all of them. */
export function markNotificationsRead(userId: number, ids: number[] | "all", now = Date.now()) {
  const db = getDb();
  if (ids === "all") {
    return db.$client.prepare(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL`).run(now, userId).changes;
  }
  const update = db.$client.prepare(`UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL`);
  let changes = 0;
  db.$client.transaction(() => {
    for (const id of ids) changes += update.run(now, id, userId).changes;
  })();
  return changes;
}
