// The moderator's side: the dashboard, the flags queue, the case page and the decisions.
//
// A decision (keep = dismiss the reports, remove, restore) on a review, its reply or its
// follow-up is one synchronous SQLite transaction (BEGIN IMMEDIATE): the row of the
// append-only moderation log, the content's new state, the counters and score
// (stats.server.ts), the reports' outcome and every statement of reasons (author and
// reporters, on the site and by mail) commit together or not at all.
//
// Two moderators deciding the same item at once: each form carries the id of the last
// decision on the target and its last edit as they were when the case was opened. The
// state change is a conditional UPDATE on (status, last edit, last decision id), and
// `changes` tells whether it applied: the second moderator is told it was already
// decided and nothing of theirs is written.
import { and, asc, count, desc, eq, inArray, isNull, lte, max, min, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "#db/client.server";
import type { PersonFacts } from "~/lib/moderation-queues";
import {
  appeals,
  companies,
  companyMembers,
  flagResponses,
  flags,
  followUps,
  moderationDecisions,
  replies,
  replyRevisions,
  reviewRevisions,
  reviews,
  users,
  type REVIEW_STATES,
} from "#db/schema";
import type { Locale } from "~/i18n";
import { LOGGED_DECISION, type Decision, type DecisionTarget } from "~/lib/moderation-form";
import type { ModerationReason } from "~/lib/moderation-reasons";
import type { StatementInput, StatementRole } from "~/lib/statement";
import type { ReporterType } from "~/lib/transparency";
import { FLAG_HOLD_CHECK } from "~/lib/flag-policy";
import { onModerationDecision } from "./company-alerts.server";
import { flagDeadlineSql, listFlagResponses, weighReporters, type FlagResponseView } from "./flags.server";
import { lastDecisionOn, personFacts } from "./moderation-queues.server";
import { sendStatementToAccount, sendStatementToReporter } from "./moderation-notices.server";
import { getReviewAnyStatus, type ReviewView } from "./reviews.server";
import { countReply, countReview, type CountedReview } from "./stats.server";

type ReviewStatus = (typeof REVIEW_STATES)[number];

export interface ModerationActor {
  id: number;
  role: "member" | "moderator" | "admin";
}

// ─── The dashboard ────────────────────────────────────────────────────────────

export interface QueueSummary {
  /** Items waiting (for flags: reported contents, however many reports each has). */
  count: number;
  oldestAt: number | null;
}

export interface Dashboard {
  /** `nextDeadlineAt`: the nearest decision deadline of a waiting report (app/lib/flag-policy.ts). */
  flags: QueueSummary & { reports: number; nextDeadlineAt: number | null };
  /** Decisions under appeal (however many appeals each has), and the appeals. */
  appeals: QueueSummary & { appeals: number };
}

/** A count and the age of the oldest item of the flags and appeals queues (the held
 *  reviews' is getHeldSummary's, the other queues' getQueuesSummary's). */
export function getDashboard(db: Db = getDb()): Dashboard {
  const flagged = db
    .select({
      reports: count(),
      contents: sql<number>`count(DISTINCT ${flags.targetType} || ':' || ${flags.reviewId})`.mapWith(Number),
      oldestAt: min(flags.createdAt),
      nextDeadlineAt: sql<number | null>`min(${flagDeadlineSql})`,
    })
    .from(flags)
    .where(eq(flags.status, "pending"))
    .get();
  const waiting = db
    .select({
      n: count(),
      decisions: sql<number>`count(DISTINCT ${appeals.decisionId})`.mapWith(Number),
      oldestAt: min(appeals.createdAt),
    })
    .from(appeals)
    .where(eq(appeals.status, "pending"))
    .get();
  return {
    flags: {
      count: flagged?.contents ?? 0,
      reports: flagged?.reports ?? 0,
      oldestAt: flagged?.oldestAt ?? null,
      nextDeadlineAt: flagged?.nextDeadlineAt ?? null,
    },
    appeals: { count: waiting?.decisions ?? 0, appeals: waiting?.n ?? 0, oldestAt: waiting?.oldestAt ?? null },
  };
}

// ─── The flags queue ──────────────────────────────────────────────────────────

export const QUEUE_PAGE_SIZE = 20;
/** Explanations shown per item in the queue; the case page shows them all. */
const QUEUE_EXPLANATIONS = 3;

export interface QueueReport {
  id: number;
  reason: string;
  reporterType: ReporterType;
  explanation: string;
  createdAt: number;
}

export interface QueueItem {
  target: DecisionTarget;
  reviewId: number;
  /** The nearest deadline of its reports: the queue's order. */
  deadlineAt: number;
  /** The author sent their side since the first of these reports (reviews only). */
  answered: boolean;
  oldestAt: number;
  newestAt: number;
  reportCount: number;
  /** Distinct people (an account, or a notifier's address). */
  reporterCount: number;
  reporterTypes: { type: ReporterType; count: number }[];
  reasons: { reason: string; count: number }[];
  /** The first explanations, oldest first. */
  explanations: QueueReport[];
  review: { title: string; status: ReviewStatus; stars: number; companyName: string; companySlug: string; authorName: string | null };
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

function encodeQueueCursor(item: { deadlineAt: number; reviewId: number; target: DecisionTarget }) {
  return `${item.deadlineAt}_${item.reviewId}_${item.target}`;
}

function decodeQueueCursor(cursor: string | null | undefined) {
  const match = cursor?.match(/^(\d{1,16})_(\d{1,12})_(review|reply|follow_up)$/);
  if (!match) return null;
  return { deadlineAt: Number(match[1]), reviewId: Number(match[2]), target: match[3] };
}

export const reporterKey = (f: { id: number; reporterUserId: number | null; reporterEmail: string | null }) =>
  f.reporterUserId != null ? `u${f.reporterUserId}` : f.reporterEmail ? `e${f.reporterEmail}` : `f${f.id}`;

/** What a moderation list shows of each review, by id: title, state, stars, company, author. */
export function reviewListFacts(db: Db, reviewIds: number[]) {
  const rows = reviewIds.length
    ? db
        .select({
          id: reviews.id,
          title: reviews.title,
          status: reviews.status,
          stars: reviews.stars,
          companyName: companies.name,
          companySlug: companies.slug,
          authorName: users.displayName,
        })
        .from(reviews)
        .innerJoin(companies, eq(companies.id, reviews.companyId))
        .leftJoin(users, eq(users.id, reviews.authorId))
        .where(inArray(reviews.id, reviewIds))
        .all()
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The reported contents waiting for a decision, grouped by target (a review, its reply or
 * its follow-up), the nearest deadline first (each report's deadline: the published delay,
 * shorter for manifestly illegal content; app/lib/flag-policy.ts), so that none outlives
 * it. Keyset pagination on (nearest deadline, review id, target): `after` is the cursor of
 * the last item of the previous page. Four queries per page, whatever its length.
 */
export function listFlagQueue(options: { after?: string | null; limit?: number } = {}, db: Db = getDb()): QueuePage {
  const limit = options.limit ?? QUEUE_PAGE_SIZE;
  const cursor = decodeQueueCursor(options.after);
  const oldest = sql<number>`min(${flags.createdAt})`.mapWith(Number);
  const deadline = sql<number>`min(${flagDeadlineSql})`.mapWith(Number);
  const groups = db
    .select({ target: flags.targetType, reviewId: flags.reviewId, oldestAt: oldest, deadlineAt: deadline })
    .from(flags)
    .where(eq(flags.status, "pending"))
    .groupBy(flags.targetType, flags.reviewId)
    .having(
      cursor
        ? sql`(min(${flagDeadlineSql}), ${flags.reviewId}, ${flags.targetType}) > (${cursor.deadlineAt}, ${cursor.reviewId}, ${cursor.target})`
        : undefined,
    )
    .orderBy(sql`min(${flagDeadlineSql})`, asc(flags.reviewId), asc(flags.targetType))
    .limit(limit + 1)
    .all();
  const hasMore = groups.length > limit;
  const page = hasMore ? groups.slice(0, limit) : groups;
  if (page.length === 0) return { items: [], nextCursor: null };

  const reviewIds = [...new Set(page.map((g) => g.reviewId))];
  const pending = db
    .select({
      id: flags.id,
      target: flags.targetType,
      reviewId: flags.reviewId,
      reason: flags.reason,
      explanation: flags.explanation,
      reporterType: flags.reporterType,
      reporterUserId: flags.reporterUserId,
      reporterEmail: flags.reporterEmail,
      createdAt: flags.createdAt,
    })
    .from(flags)
    .where(and(eq(flags.status, "pending"), inArray(flags.reviewId, reviewIds)))
    .orderBy(asc(flags.createdAt), asc(flags.id))
    .all();
  const facts = reviewListFacts(db, reviewIds);

  const answers = db
    .select({ reviewId: flagResponses.reviewId, at: sql<number>`max(${flagResponses.createdAt})`.mapWith(Number) })
    .from(flagResponses)
    .where(inArray(flagResponses.reviewId, reviewIds))
    .groupBy(flagResponses.reviewId)
    .all();

  const items: QueueItem[] = [];
  for (const g of page) {
    const reports = pending.filter((f) => f.reviewId === g.reviewId && f.target === g.target);
    const review = facts.get(g.reviewId);
    if (!review || reports.length === 0) continue;
    const tally = <K extends string>(values: K[]) => {
      const counts = new Map<K, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1]);
    };
    items.push({
      target: g.target,
      reviewId: g.reviewId,
      deadlineAt: g.deadlineAt,
      answered: g.target === "review" && answers.some((a) => a.reviewId === g.reviewId && a.at >= g.oldestAt),
      oldestAt: g.oldestAt,
      newestAt: reports.at(-1)!.createdAt,
      reportCount: reports.length,
      reporterCount: new Set(reports.map(reporterKey)).size,
      reporterTypes: tally(reports.map((f) => f.reporterType)).map(([type, n]) => ({ type, count: n })),
      reasons: tally(reports.map((f) => f.reason)).map(([reason, n]) => ({ reason, count: n })),
      explanations: reports.slice(0, QUEUE_EXPLANATIONS).map((f) => ({
        id: f.id,
        reason: f.reason,
        reporterType: f.reporterType,
        explanation: f.explanation.length > 280 ? `${f.explanation.slice(0, 280)}…` : f.explanation,
        createdAt: f.createdAt,
      })),
      review: {
        title: review.title,
        status: review.status,
        stars: review.stars,
        companyName: review.companyName,
        companySlug: review.companySlug,
        authorName: review.authorName,
      },
    });
  }
  const last = page.at(-1)!;
  return { items, nextCursor: hasMore ? encodeQueueCursor(last) : null };
}

// ─── A thread's facts ─────────────────────────────────────────────────────────

export interface Part {
  target: DecisionTarget;
  id: number;
  status: string;
  /** A review held at once on a manifestly illegal flag (app/models/flags.server.ts):
   *  decided like a published one — keep puts it back online, remove removes it. */
  heldByFlag: boolean;
  authorId: number | null;
  editedAt: number | null;
  publishedAt: number | null;
}

export interface ThreadFacts {
  review: {
    id: number;
    status: ReviewStatus;
    authorId: number | null;
    companyId: number;
    subjectId: number;
    origin: CountedReview["origin"];
    stars: number;
    recommend: boolean | null;
    title: string;
    language: Locale;
    publishedAt: number | null;
    editedAt: number | null;
    resolvedAt: number | null;
    heldCheck: string | null;
    companyName: string;
  };
  reply: { id: number; status: "published" | "removed"; authorId: number | null; editedAt: number | null; publishedAt: number } | null;
  followUp: { id: number; status: "published" | "removed"; editedAt: number | null; publishedAt: number } | null;
}

export function loadThread(db: Db, reviewId: number): ThreadFacts | null {
  const review = db
    .select({
      id: reviews.id,
      status: reviews.status,
      authorId: reviews.authorId,
      companyId: reviews.companyId,
      subjectId: reviews.subjectId,
      origin: reviews.origin,
      stars: reviews.stars,
      recommend: reviews.recommend,
      title: reviews.title,
      language: reviews.language,
      publishedAt: reviews.publishedAt,
      editedAt: reviews.editedAt,
      resolvedAt: reviews.resolvedAt,
      heldCheck: reviews.heldCheck,
      companyName: companies.name,
    })
    .from(reviews)
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .where(eq(reviews.id, reviewId))
    .get();
  if (!review) return null;
  const reply =
    db
      .select({
        id: replies.id,
        status: replies.status,
        authorId: replies.authorId,
        editedAt: replies.editedAt,
        publishedAt: replies.publishedAt,
      })
      .from(replies)
      .where(eq(replies.reviewId, reviewId))
      .get() ?? null;
  const followUp =
    db
      .select({ id: followUps.id, status: followUps.status, editedAt: followUps.editedAt, publishedAt: followUps.publishedAt })
      .from(followUps)
      .where(eq(followUps.reviewId, reviewId))
      .get() ?? null;
  return { review, reply, followUp };
}

export function partOf(thread: ThreadFacts, target: DecisionTarget): Part | null {
  if (target === "review") {
    const r = thread.review;
    const heldByFlag = r.status === "held" && r.heldCheck === FLAG_HOLD_CHECK;
    return { target, id: r.id, status: r.status, heldByFlag, authorId: r.authorId, editedAt: r.editedAt, publishedAt: r.publishedAt };
  }
  if (target === "reply") {
    const p = thread.reply;
    return p
      ? { target, id: p.id, status: p.status, heldByFlag: false, authorId: p.authorId, editedAt: p.editedAt, publishedAt: p.publishedAt }
      : null;
  }
  const f = thread.followUp;
  // The follow-up is the reviewer's: its author is the review's.
  return f
    ? {
        target,
        id: f.id,
        status: f.status,
        heldByFlag: false,
        authorId: thread.review.authorId,
        editedAt: f.editedAt,
        publishedAt: f.publishedAt,
      }
    : null;
}

export function pendingFlags(db: Db, reviewId: number, target: DecisionTarget) {
  return db
    .select({ id: flags.id, createdAt: flags.createdAt })
    .from(flags)
    .where(and(eq(flags.reviewId, reviewId), eq(flags.targetType, target), eq(flags.status, "pending")))
    .orderBy(asc(flags.id))
    .all();
}

export type Refusal = "own_content" | "company_member" | "flagged_it";

/** Why this moderator may not decide on this part of the thread, or null: their own
 *  content (their review or follow-up, their reply), a company they work for, or
 *  something they reported themselves. */
export function refusalFor(db: Db, actorId: number, thread: ThreadFacts, part: Part): Refusal | null {
  if (part.authorId === actorId) return "own_content";
  const member = db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, thread.review.companyId), eq(companyMembers.userId, actorId)))
    .get();
  if (member) return "company_member";
  const reported = db
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.reviewId, thread.review.id), eq(flags.targetType, part.target), eq(flags.reporterUserId, actorId)))
    .get();
  return reported ? "flagged_it" : null;
}

/** What may be decided on a part in its state: remove what is online, restore what was
 *  removed, keep (dismiss the reports) what is online and reported. Held, pending and
 *  deleted reviews are not decided from this page. */
function allowedDecisions(part: Part, pending: number): Decision[] {
  if (part.heldByFlag) return ["keep", "remove"];
  if (part.status === "published") return pending > 0 ? ["keep", "remove"] : ["remove"];
  if (part.status === "removed") return ["restore"];
  return [];
}

// ─── The case page ────────────────────────────────────────────────────────────

export interface CaseFlag {
  id: number;
  target: DecisionTarget;
  reason: string;
  explanation: string;
  reporterType: ReporterType;
  /** The account's name, the company's, or the name a notifier gave. */
  reporterName: string | null;
  reporterCompany: string | null;
  hasAccount: boolean;
  status: "pending" | "upheld" | "dismissed";
  createdAt: number;
  decidedAt: number | null;
}

export interface CaseDecision {
  id: number;
  target: DecisionTarget;
  decision: string;
  reason: string;
  statement: string;
  automated: boolean;
  actorName: string | null;
  createdAt: number;
  /** Taken on an appeal (it answers one), and appealed against (an appeal names it). */
  onAppeal: boolean;
  appealed: boolean;
}

export interface CasePart {
  target: DecisionTarget;
  status: string;
  pendingFlags: number;
  /** What the form carries back (see decide()). */
  version: number;
  seenFlag: number;
  editedAt: number;
  allowed: Decision[];
  refusal: Refusal | null;
  /** An appeal waits on its last decision: it is decided through the appeal. */
  underAppeal: boolean;
  /** The text of removed content, shown to moderators only (a reply's or review's is in its history). */
  removedBody: string | null;
}

export interface CaseView {
  review: ReviewView;
  parts: CasePart[];
  history: {
    review: { id: number; stars: number; title: string; body: string; createdAt: number }[];
    reply: { id: number; body: string; createdAt: number }[];
  };
  flags: CaseFlag[];
  /** What the author sent the moderators about the flags (app/models/flags.server.ts). */
  responses: FlagResponseView[];
  decisions: CaseDecision[];
  author: (PersonFacts & { otherReviews: number; decisions: { total: number; removals: number; latest: CaseDecision[] } }) | null;
}

const actor = alias(users, "actor");

function decisionsWhere(db: Db, where: ReturnType<typeof and>, limit?: number): CaseDecision[] {
  const query = db
    .select({
      id: moderationDecisions.id,
      target: moderationDecisions.targetType,
      decision: moderationDecisions.decision,
      reason: moderationDecisions.reason,
      statement: moderationDecisions.statement,
      automated: moderationDecisions.automated,
      actorName: actor.displayName,
      createdAt: moderationDecisions.createdAt,
      onAppeal: sql<boolean>`exists (SELECT 1 FROM appeals a WHERE a.outcome_decision_id = ${moderationDecisions.id})`.mapWith(Boolean),
      appealed: sql<boolean>`exists (SELECT 1 FROM appeals a WHERE a.decision_id = ${moderationDecisions.id})`.mapWith(Boolean),
    })
    .from(moderationDecisions)
    .leftJoin(actor, eq(actor.id, moderationDecisions.actorId))
    .where(where)
    .orderBy(desc(moderationDecisions.createdAt), desc(moderationDecisions.id))
    .$dynamic();
  const rows = (limit ? query.limit(limit) : query).all();
  // Only decisions on a thread's parts reach this page.
  return rows.flatMap((r) =>
    r.target === "review" || r.target === "reply" || r.target === "follow_up" ? [{ ...r, target: r.target }] : [],
  );
}

type CaseThread = NonNullable<ReturnType<typeof loadThread>>;

/** Everything a moderator needs to decide on a review's thread, in one screen. */
export function getCase(reviewId: number, viewer: ModerationActor, db: Db = getDb()): CaseView | null {
  const thread = loadThread(db, reviewId);
  const review = thread ? getReviewAnyStatus(reviewId) : null;
  if (!thread || !review) return null;
  const targetsOfThread = or(
    and(eq(moderationDecisions.targetType, "review"), eq(moderationDecisions.targetId, reviewId)),
    thread.reply ? and(eq(moderationDecisions.targetType, "reply"), eq(moderationDecisions.targetId, thread.reply.id)) : undefined,
    thread.followUp
      ? and(eq(moderationDecisions.targetType, "follow_up"), eq(moderationDecisions.targetId, thread.followUp.id))
      : undefined,
  );
  return {
    review,
    parts: caseParts(db, thread, viewer),
    history: editHistory(db, thread),
    flags: caseFlags(db, reviewId),
    responses: listFlagResponses(reviewId, db),
    decisions: decisionsWhere(db, and(targetsOfThread)),
    author: caseAuthor(db, thread),
  };
}

/** The thread's review, reply and follow-up as decisions see them. */
function caseParts(db: Db, thread: CaseThread, viewer: ModerationActor): CasePart[] {
  const reviewId = thread.review.id;
  const parts: CasePart[] = [];
  for (const target of ["review", "reply", "follow_up"] as const) {
    const part = partOf(thread, target);
    if (!part) continue;
    const pending = pendingFlags(db, reviewId, target);
    const removedBody =
      part.status === "removed" && target === "follow_up"
        ? (db.select({ body: followUps.body }).from(followUps).where(eq(followUps.id, part.id)).get()?.body ?? null)
        : null;
    parts.push({
      target,
      status: part.status,
      pendingFlags: pending.length,
      version: lastDecisionOn(db, target, part.id),
      seenFlag: pending.at(-1)?.id ?? 0,
      editedAt: part.editedAt ?? 0,
      allowed: allowedDecisions(part, pending.length),
      refusal: refusalFor(db, viewer.id, thread, part),
      underAppeal: hasPendingAppeal(db, target, part.id),
      removedBody,
    });
  }
  return parts;
}

function editHistory(db: Db, thread: CaseThread): CaseView["history"] {
  return {
    review: db
      .select({
        id: reviewRevisions.id,
        stars: reviewRevisions.stars,
        title: reviewRevisions.title,
        body: reviewRevisions.body,
        createdAt: reviewRevisions.createdAt,
      })
      .from(reviewRevisions)
      .where(eq(reviewRevisions.reviewId, thread.review.id))
      .orderBy(asc(reviewRevisions.id))
      .all(),
    reply: thread.reply
      ? db
          .select({ id: replyRevisions.id, body: replyRevisions.body, createdAt: replyRevisions.createdAt })
          .from(replyRevisions)
          .where(eq(replyRevisions.replyId, thread.reply.id))
          .orderBy(asc(replyRevisions.id))
          .all()
      : [],
  };
}

/** Every report on the thread, oldest first, with who made it. */
function caseFlags(db: Db, reviewId: number): CaseFlag[] {
  const reporter = alias(users, "reporter");
  return db
    .select({
      id: flags.id,
      target: flags.targetType,
      reason: flags.reason,
      explanation: flags.explanation,
      reporterType: flags.reporterType,
      accountName: reporter.displayName,
      notifierName: flags.reporterName,
      reporterCompany: companies.name,
      reporterUserId: flags.reporterUserId,
      status: flags.status,
      createdAt: flags.createdAt,
      decidedAt: flags.decidedAt,
    })
    .from(flags)
    .leftJoin(reporter, eq(reporter.id, flags.reporterUserId))
    .leftJoin(companies, eq(companies.id, flags.reporterCompanyId))
    .where(eq(flags.reviewId, reviewId))
    .orderBy(asc(flags.createdAt), asc(flags.id))
    .all()
    .map(({ accountName, notifierName, reporterUserId, ...f }) => ({
      ...f,
      reporterName: accountName ?? notifierName,
      hasAccount: reporterUserId != null,
    }));
}

/** The author's account facts and the decisions on their other reviews and follow-ups. */
function caseAuthor(db: Db, thread: CaseThread): CaseView["author"] {
  const authorId = thread.review.authorId;
  const reviewId = thread.review.id;
  if (authorId == null) return null;
  const account = personFacts(db, authorId);
  if (!account) return null;
  const others = db
    .select({ n: count() })
    .from(reviews)
    .where(and(eq(reviews.authorId, authorId), ne(reviews.id, reviewId), ne(reviews.status, "deleted")))
    .get();
  const otherReviews = db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.authorId, authorId), ne(reviews.id, reviewId)));
  const otherFollowUps = db
    .select({ id: followUps.id })
    .from(followUps)
    .innerJoin(reviews, eq(reviews.id, followUps.reviewId))
    .where(and(eq(reviews.authorId, authorId), ne(reviews.id, reviewId)));
  const theirs = or(
    and(eq(moderationDecisions.targetType, "review"), inArray(moderationDecisions.targetId, otherReviews)),
    and(eq(moderationDecisions.targetType, "follow_up"), inArray(moderationDecisions.targetId, otherFollowUps)),
  );
  const totals = db
    .select({ total: count(), removals: sql<number>`coalesce(sum(${moderationDecisions.decision} = 'remove'), 0)`.mapWith(Number) })
    .from(moderationDecisions)
    .where(theirs)
    .get();
  return {
    ...account,
    otherReviews: others?.n ?? 0,
    decisions: { total: totals?.total ?? 0, removals: totals?.removals ?? 0, latest: decisionsWhere(db, and(theirs), 5) },
  };
}

// ─── Decisions ────────────────────────────────────────────────────────────────

export interface DecideInput {
  actor: ModerationActor;
  reviewId: number;
  target: DecisionTarget;
  decision: Decision;
  reason: ModerationReason;
  statement: string;
  /** From the form: the last decision id, the newest pending report and the last edit
   *  of the target when the case was opened. */
  version: number;
  seenFlag: number;
  editedAt: number;
  /** The site's origin, for the links in the mails. */
  origin?: string;
  now?: number;
}

export type DecideResult =
  | { ok: true; decisionId: number; notified: number }
  | { ok: false; kind: "not_found" | "not_moderator" | Refusal | "already_decided" | "edited" | "not_allowed" | "appeal_pending" };

export interface DecidedFlag {
  id: number;
  reporterUserId: number | null;
  reporterEmail: string | null;
  reporterName: string | null;
  reporterLocale: Locale | null;
  createdAt: number;
}

export const decidedFlagColumns = {
  id: flags.id,
  reporterUserId: flags.reporterUserId,
  reporterEmail: flags.reporterEmail,
  reporterName: flags.reporterName,
  reporterLocale: flags.reporterLocale,
  createdAt: flags.createdAt,
};

export function counted(thread: ThreadFacts, publishedAt: number): CountedReview {
  const r = thread.review;
  return {
    companyId: r.companyId,
    subjectId: r.subjectId,
    authorId: r.authorId,
    origin: r.origin,
    stars: r.stars,
    recommend: r.recommend,
    publishedAt,
    replyPublishedAt: thread.reply?.status === "published" ? thread.reply.publishedAt : null,
    resolvedAt: r.resolvedAt,
  };
}

type ContentTable = typeof reviews | typeof replies | typeof followUps;

/** The state change of a decision on a part of a thread, as one conditional UPDATE:
 *  `guard` says what must still hold (the state the moderator saw). Returns the number of
 *  rows changed: 1 when it applied. A keep changes only the "under review" mention. */
export function setContentState(
  db: Db,
  args: {
    part: Part;
    to: Decision;
    reason: string;
    now: number;
    underReviewSince?: number | null;
    guard: (table: ContentTable) => SQL | undefined;
  },
): number {
  const { part, to, reason, now } = args;
  const underReviewSince = args.underReviewSince ?? null;
  if (part.target === "review") {
    const set =
      to === "remove"
        ? { status: "removed" as const, removedAt: now, removalReason: reason, underReviewSince: null }
        : to === "restore"
          ? {
              status: "published" as const,
              removedAt: null,
              removalReason: null,
              underReviewSince: null,
              publishedAt: part.publishedAt ?? now,
            }
          : part.heldByFlag
            ? { status: "published" as const, heldCheck: null, heldAt: null, underReviewSince, publishedAt: part.publishedAt ?? now }
            : { underReviewSince };
    return db.update(reviews).set(set).where(args.guard(reviews)).run().changes;
  }
  if (part.target === "reply") {
    const set =
      to === "remove"
        ? { status: "removed" as const, removedAt: now, removalReason: reason, underReviewSince: null }
        : to === "restore"
          ? { status: "published" as const, removedAt: null, removalReason: null, underReviewSince: null }
          : { underReviewSince };
    return db.update(replies).set(set).where(args.guard(replies)).run().changes;
  }
  const set =
    to === "remove"
      ? { status: "removed" as const, removedAt: now, removalReason: reason }
      : to === "restore"
        ? { status: "published" as const, removedAt: null, removalReason: null }
        : { status: "published" as const };
  return db.update(followUps).set(set).where(args.guard(followUps)).run().changes;
}

/** The counters and score after a removal or a restore: a removed review (or reply) leaves
 *  them, a restored one comes back. Call after the state change applied. */
export function countStateChange(db: Db, thread: ThreadFacts, part: Part, to: Decision, now: number) {
  onModerationDecision(db, part, to, now);
  // A review held on a flag left the counters: keeping it brings it back, removing it changes nothing.
  if (part.heldByFlag) {
    if (to === "keep") countReview(db, counted(thread, part.publishedAt ?? now), 1);
    return;
  }
  if (to === "keep") return;
  const reviewCounts = thread.review.status === "published";
  if (part.target === "review") {
    countReview(db, counted(thread, part.publishedAt ?? now), to === "remove" ? -1 : 1);
  } else if (part.target === "reply" && reviewCounts && thread.reply) {
    const { replyPublishedAt: _ignored, ...review } = counted(thread, thread.review.publishedAt ?? now);
    countReply(db, review, thread.reply.publishedAt, to === "remove" ? -1 : 1);
  }
}

/** Whether an appeal waits on a decision on this target: the content is then decided
 *  through the appeal (by another moderator), not by a new decision. */
export function hasPendingAppeal(db: Db, target: DecisionTarget, targetId: number): boolean {
  return (
    db
      .select({ id: appeals.id })
      .from(appeals)
      .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
      .where(and(eq(appeals.status, "pending"), eq(moderationDecisions.targetType, target), eq(moderationDecisions.targetId, targetId)))
      .get() != null
  );
}

/** The conditional part of every state change: the target is still as the moderator saw it. */
function unchangedSince(table: ContentTable, input: DecideInput, part: Part, status: string) {
  return and(
    eq(table.id, part.id),
    sql`${table.status} = ${status}`,
    sql`coalesce(${table.editedAt}, 0) = ${input.editedAt}`,
    sql`coalesce((SELECT max(d.id) FROM moderation_decisions d WHERE d.target_type = ${input.target} AND d.target_id = ${part.id}), 0) = ${input.version}`,
  );
}

/** Records a moderator's decision and everything that follows from it (see the top). */
export function decide(input: DecideInput, db: Db = getDb()): DecideResult {
  const now = input.now ?? Date.now();
  if (input.actor.role !== "moderator" && input.actor.role !== "admin") return { ok: false, kind: "not_moderator" };
  return db.$client
    .transaction((): DecideResult => {
      const thread = loadThread(db, input.reviewId);
      const part = thread ? partOf(thread, input.target) : null;
      if (!thread || !part) return { ok: false, kind: "not_found" };
      const refusal = refusalFor(db, input.actor.id, thread, part);
      if (refusal) return { ok: false, kind: refusal };
      // Under appeal, the content is decided through the appeal, by another moderator
      // (app/models/appeals.server.ts); the transaction is IMMEDIATE: no appeal slips in.
      if (hasPendingAppeal(db, input.target, part.id)) return { ok: false, kind: "appeal_pending" };
      // Precise answers first; the conditional UPDATE below is what guarantees it.
      if (lastDecisionOn(db, input.target, part.id) !== input.version) return { ok: false, kind: "already_decided" };
      if ((part.editedAt ?? 0) !== input.editedAt) return { ok: false, kind: "edited" };
      const pending = pendingFlags(db, input.reviewId, input.target);
      const seen = pending.filter((f) => f.id <= input.seenFlag);
      const allowed = allowedDecisions(part, seen.length);
      if (!allowed.includes(input.decision)) return { ok: false, kind: "not_allowed" };

      // 1. The content's new state, only if nobody decided or edited it meanwhile.
      const expected = input.decision === "restore" ? "removed" : part.heldByFlag ? "held" : "published";
      const left = pending.filter((f) => f.id > input.seenFlag);
      const changes = setContentState(db, {
        part,
        to: input.decision,
        reason: input.reason,
        now,
        // A keep leaves the "under review" line for the reports that came after the case was opened.
        underReviewSince: input.decision === "keep" && left.length > 0 ? left[0]!.createdAt : null,
        guard: (table) => unchangedSince(table, input, part, expected),
      });
      if (changes !== 1) return { ok: false, kind: "already_decided" };

      // 2. The counters and score: a removed review (or reply) leaves them, a restored one comes back.
      countStateChange(db, thread, part, input.decision, now);

      // 3. The log: append-only.
      const decision = db
        .insert(moderationDecisions)
        .values({
          actorId: input.actor.id,
          automated: false,
          targetType: input.target,
          targetId: part.id,
          decision: LOGGED_DECISION[input.decision],
          reason: input.reason,
          statement: input.statement,
          createdAt: now,
        })
        .returning({ id: moderationDecisions.id })
        .get();

      // 4. The reports' outcome, then 5. the statements of reasons.
      const decided = settleFlags(db, input, part.id, decision.id, now);
      const notified = sendDecisionStatements(db, input, thread, part, decision.id, decided, now);
      return { ok: true, decisionId: decision.id, notified };
    })
    .immediate();
}

/** A removal upholds every pending report on the target, a keep dismisses those the
 *  moderator saw. A restore leaves the reports decided by the removal as they were; their
 *  reporters are told the content is back. Returns the reports whose reporters are told. */
function settleFlags(db: Db, input: DecideInput, partId: number, decisionId: number, now: number): DecidedFlag[] {
  if (input.decision !== "remove" && input.decision !== "keep") {
    const removal = lastRemoval(db, input.target, partId, decisionId);
    return removal ? db.select(decidedFlagColumns).from(flags).where(eq(flags.decisionId, removal)).orderBy(asc(flags.id)).all() : [];
  }
  const decided = db
    .update(flags)
    .set({ status: input.decision === "remove" ? "upheld" : "dismissed", decisionId, decidedAt: now })
    .where(
      and(
        eq(flags.reviewId, input.reviewId),
        eq(flags.targetType, input.target),
        eq(flags.status, "pending"),
        input.decision === "keep" ? lte(flags.id, input.seenFlag) : undefined,
      ),
    )
    .returning(decidedFlagColumns)
    .all();
  // Reporters whose flags are mostly dismissed: warned, then suspended (DSA art. 23).
  if (input.decision === "keep") weighReporters(db, { decisionId, now, origin: input.origin });
  return decided;
}

/** The statements of reasons: the author, then every reporter once. Returns how many were sent. */
function sendDecisionStatements(
  db: Db,
  input: DecideInput,
  thread: CaseThread,
  part: Part,
  decisionId: number,
  decided: DecidedFlag[],
  now: number,
): number {
  const base = moderatorStatement(thread, { ...input, decisionId, now, reportCount: decided.length });
  let notified = 0;
  for (const userId of authorsOf(db, thread, part)) {
    if (sendStatementToAccount(db, { userId, input: { ...base, role: "author" }, origin: input.origin, now })) notified++;
  }
  const seenReporters = new Set<string>();
  for (const f of decided) {
    const key = reporterKey(f);
    if (seenReporters.has(key)) continue;
    seenReporters.add(key);
    const report = input.decision === "restore" ? null : { id: f.id, at: f.createdAt };
    const statement = { ...base, role: "reporter" as const, report };
    if (sendStatementToReporter(db, f, { locale: thread.review.language, input: statement, origin: input.origin, now })) notified++;
  }
  return notified;
}

/** What a statement of a moderator's decision on a thread tells every reader (all but their role). */
export function moderatorStatement(
  thread: { review: { id: number; title: string; companyName: string } },
  v: {
    decisionId: number;
    decision: Decision;
    target: DecisionTarget;
    reason: string;
    statement: string;
    now: number;
    reportCount: number;
  },
): Omit<StatementInput, "role"> {
  return {
    decisionId: v.decisionId,
    decision: v.decision,
    target: v.target,
    reason: v.reason,
    statement: v.statement,
    automated: false,
    decidedAt: v.now,
    reviewId: thread.review.id,
    reviewTitle: thread.review.title,
    companyName: thread.review.companyName,
    reportCount: v.reportCount,
  };
}

/** The last removal of a target before a decision: what a restore reverses. */
export function lastRemoval(db: Db, target: DecisionTarget, targetId: number, before: number): number | null {
  const row = db
    .select({ id: max(moderationDecisions.id) })
    .from(moderationDecisions)
    .where(
      and(
        eq(moderationDecisions.targetType, target),
        eq(moderationDecisions.targetId, targetId),
        eq(moderationDecisions.decision, "remove"),
        sql`${moderationDecisions.id} < ${before}`,
      ),
    )
    .get();
  return row?.id ?? null;
}

/** Who is told as the content's author: the reviewer (review, follow-up), or for a reply
 *  the member who wrote it (the company's owners when that account is gone). */
export function authorsOf(db: Db, thread: ThreadFacts, part: Part): number[] {
  if (part.target !== "reply") return part.authorId != null ? [part.authorId] : [];
  const writer =
    part.authorId != null
      ? db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, part.authorId), isNull(users.deletedAt)))
          .get()
      : undefined;
  if (writer) return [writer.id];
  return db
    .select({ id: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, thread.review.companyId), eq(companyMembers.role, "owner")))
    .all()
    .map((m) => m.id);
}

// ─── The statement page ───────────────────────────────────────────────────────

/** Who reads a statement: their account, and its address when verified (a notifier who
 *  reported without an account, then signed up with the same address, is that reporter). */
export type StatementViewer = ModerationActor & { email?: string; emailVerifiedAt?: number | null };

/** A decision on a part of a thread, with the thread. Null for other decisions. */
export interface ContentDecision {
  id: number;
  target: DecisionTarget;
  targetId: number;
  /** As logged: remove, restore, dismiss_flag, appeal_upheld… */
  logged: string;
  reason: string;
  statement: string;
  automated: boolean;
  actorId: number | null;
  createdAt: number;
  thread: ThreadFacts;
  part: Part;
}

/** The decision of the form a logged one is (null for those this page does not state). */
export function asDecision(logged: string): Decision | null {
  return logged === "remove" ? "remove" : logged === "restore" ? "restore" : logged === "dismiss_flag" ? "keep" : null;
}

export function loadContentDecision(db: Db, decisionId: number): ContentDecision | null {
  const row = db.select().from(moderationDecisions).where(eq(moderationDecisions.id, decisionId)).get();
  if (!row) return null;
  const { targetType, decision: logged, ...d } = row;
  const target = targetType === "review" || targetType === "reply" || targetType === "follow_up" ? targetType : null;
  if (!target) return null;
  const reviewId =
    target === "review"
      ? d.targetId
      : target === "reply"
        ? db.select({ id: replies.reviewId }).from(replies).where(eq(replies.id, d.targetId)).get()?.id
        : db.select({ id: followUps.reviewId }).from(followUps).where(eq(followUps.id, d.targetId)).get()?.id;
  const thread = reviewId != null ? loadThread(db, reviewId) : null;
  const part = thread ? partOf(thread, target) : null;
  if (!thread || !part) return null;
  return { ...d, target, logged, thread, part };
}

/** The reports a decision answered: its own, or for a restore those of the removal it
 *  reverses (whose reporters are told the content is back). */
export function answeredFlags(db: Db, d: { id: number; target: DecisionTarget; targetId: number; logged: string }): DecidedFlag[] {
  const by = d.logged === "restore" ? lastRemoval(db, d.target, d.targetId, d.id) : d.id;
  return by == null ? [] : flagsDecidedBy(db, by);
}

/** The reports a decision itself upheld or dismissed. */
export function flagsDecidedBy(db: Db, decisionId: number): DecidedFlag[] {
  return db.select(decidedFlagColumns).from(flags).where(eq(flags.decisionId, decisionId)).orderBy(asc(flags.id)).all();
}

/** Whether a decision's reader is the content's author: the reviewer, or for a company's
 *  reply the member who wrote it or any member of the company. */
export function isAuthorOf(db: Db, d: ContentDecision, userId: number): boolean {
  if (authorsOf(db, d.thread, d.part).includes(userId)) return true;
  return (
    d.target === "reply" &&
    db
      .select({ userId: companyMembers.userId })
      .from(companyMembers)
      .where(and(eq(companyMembers.companyId, d.thread.review.companyId), eq(companyMembers.userId, userId)))
      .get() != null
  );
}

/** Whether a report is the viewer's: filed from their account, or without an account from
 *  the address their account has verified. */
export function isReportOf(f: { reporterUserId: number | null; reporterEmail: string | null }, viewer: StatementViewer): boolean {
  if (f.reporterUserId != null) return f.reporterUserId === viewer.id;
  return viewer.emailVerifiedAt != null && viewer.email != null && f.reporterEmail === viewer.email.toLowerCase();
}

/** The appeals a decision answered (it is their outcome), oldest first. */
export function appealsAnsweredBy(db: Db, outcomeDecisionId: number) {
  return db
    .select({
      id: appeals.id,
      decisionId: appeals.decisionId,
      appellantUserId: appeals.appellantUserId,
      status: appeals.status,
      createdAt: appeals.createdAt,
    })
    .from(appeals)
    .where(eq(appeals.outcomeDecisionId, outcomeDecisionId))
    .orderBy(asc(appeals.id))
    .all();
}

/** A decision's statement of reasons as its reader may see it: the content's author (or,
 *  for a company's reply, a member of the company), a reporter whose report it decided,
 *  for the outcome of an appeal the appellant, or a moderator. Null for anyone else (the
 *  page answers 404). */
export function getStatement(decisionId: number, viewer: StatementViewer, db: Db = getDb()): StatementInput | null {
  const d = loadContentDecision(db, decisionId);
  if (!d) return null;

  // The outcome of an appeal: what stands is the appealed decision (upheld) or this one.
  const answeredAppeals = appealsAnsweredBy(db, d.id);
  let appeal: StatementInput["appeal"] = null;
  let decision = asDecision(d.logged);
  let answered: DecidedFlag[];
  if (answeredAppeals.length > 0) {
    const appealed = loadContentDecision(db, answeredAppeals[0]!.decisionId);
    const appealedDecision = appealed ? asDecision(appealed.logged) : null;
    if (!appealed || !appealedDecision) return null;
    const overturned = answeredAppeals[0]!.status === "overturned";
    if (!overturned) decision = appealedDecision;
    // The appealed decision's reporters, and on a removal the reports it upheld itself.
    answered = [...answeredFlags(db, appealed), ...flagsDecidedBy(db, d.id)];
    const yours = answeredAppeals.find((a) => a.appellantUserId === viewer.id);
    appeal = {
      outcome: overturned ? "overturned" : "upheld",
      appealedDecisionId: appealed.id,
      appealedAt: appealed.createdAt,
      yoursAt: yours ? yours.createdAt : null,
    };
  } else {
    answered = answeredFlags(db, d);
  }
  if (!decision) return null;

  const moderator = viewer.role === "moderator" || viewer.role === "admin";
  const isAuthor = isAuthorOf(db, d, viewer.id);
  const ownReport = answered.find((f) => isReportOf(f, viewer));
  if (!isAuthor && !ownReport && !moderator && appeal?.yoursAt == null) return null;
  const role: StatementRole = isAuthor || !ownReport ? "author" : "reporter";
  return {
    decisionId: d.id,
    decision,
    target: d.target,
    role,
    reason: d.reason,
    statement: d.statement,
    automated: d.automated,
    decidedAt: d.createdAt,
    reviewId: d.thread.review.id,
    reviewTitle: d.thread.review.title,
    companyName: d.thread.review.companyName,
    reportCount: answered.length,
    report: role === "reporter" && ownReport && decision !== "restore" && !appeal ? { id: ownReport.id, at: ownReport.createdAt } : null,
    appeal,
  };
}
