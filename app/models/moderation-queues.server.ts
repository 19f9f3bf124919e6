// Three moderation queues and the suspension of accounts:
//   - proofs of experience to verify (review_media kind 'proof', proof_status 'pending'):
//     accepted, the review's label becomes "verified experience" (and its counters move from
//     one origin to the other); refused, the review stays as it is, unverified;
//   - subjects suggested by reviewers (subjects.state 'pending'): accepted, the subject is
//     active and its waiting reviews are published (or held by their check) and counted;
//     refused, the waiting reviews either move to an existing subject of the company that
//     the moderator names (and are released there) or are not published. The first subject
//     of a company a reviewer added (app/models/company-suggestions.server.ts) is that
//     company's case: accepted, the company is listed too; refused, it is hidden (and its
//     review, with no other subject to move to, is not published);
//   - conduct reports (conduct_reports: "the company offered me something", extortion):
//     upheld or dismissed, logged against the company;
//   - suspending and reinstating an account: a suspension ends every session of the account.
//   (Claims with evidence are app/models/claim-queue.server.ts's, on the helpers exported here.)
//
// Each queue is a keyset page over an index, oldest first. Each decision is one synchronous
// SQLite transaction (BEGIN IMMEDIATE), as in moderation.server.ts: a conditional UPDATE of
// the target (still pending, or unchanged since the case was opened: `changes` tells whether
// it applied, so the second of two moderators deciding at once writes nothing), the counters,
// the row of the append-only moderation log, and the statement of reasons to the person
// concerned, on the site and by mail in their language (app/lib/moderation-queues.ts).
// A moderator never decides on their own content, on a company they work for, or on a report
// they filed; moderators cannot suspend staff accounts (admins can, but never their own).
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, max, ne, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "#db/client.server";
import {
  companies,
  companyClaims,
  companyMembers,
  conductReports,
  flags,
  moderationDecisions,
  reviewMedia,
  reviews,
  sessions,
  subjects,
  users,
} from "#db/schema";
import type { Locale } from "~/i18n";
import type { ModerationReason } from "~/lib/moderation-reasons";
import {
  QUEUE_LOGGED,
  queueStatementPath,
  queueStatementText,
  type ConductDecision,
  type PersonFacts,
  type ProofDecision,
  type QueueDecisionView,
  type QueueLogged,
  type QueuePageOf,
  type QueueRefusal,
  type QueueStatementInput,
  type SuggestionDecision,
  type UserDecision,
} from "~/lib/moderation-queues";
import { linkOrigin } from "~/lib/origin.server";
import { queueMail, renderMail, type MailBlock } from "./mail.server";
import { statementMailBlocks } from "./moderation-notices.server";
import { mediaUrl } from "./media.server";
import type { ModerationActor } from "./moderation.server";
import { notify, type NotificationKind } from "./notifications.server";
import { keyedStatementPath, statementAccessKey } from "./statement-access.server";
import { addedCompanyFacts, type AddedCompanyFacts } from "./company-suggestions.server";
import { findExistingReview, releasePendingReviews } from "./review-submission.server";
import { getReviewAnyStatus, type ReviewView } from "./reviews.server";
import { countReview, readCountedFacts, type CountedReview } from "./stats.server";

export const QUEUES_PAGE_SIZE = 20;

export const isModerator = (a: ModerationActor) => a.role === "moderator" || a.role === "admin";

// ─── Keyset cursors: (created_at, id) ─────────────────────────────────────────

export function encodeCursor(at: number, id: number) {
  return `${at}_${id}`;
}

export function decodeCursor(cursor: string | null | undefined) {
  const match = cursor?.match(/^(\d{1,16})_(\d{1,12})$/);
  return match ? { at: Number(match[1]), id: Number(match[2]) } : null;
}

/** The keyset condition of the page after `cursor` (none for the first page). */
export function afterCursor(cursor: string | null | undefined, createdAt: AnyColumn, id: AnyColumn): SQL | undefined {
  const c = decodeCursor(cursor);
  return c ? sql`(${createdAt}, ${id}) > (${c.at}, ${c.id})` : undefined;
}

export function pageOf<T extends { id: number; createdAt: number }, U>(rows: T[], limit: number, map: (rows: T[]) => U[]): QueuePageOf<U> {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { items: map(page), nextCursor: hasMore && last ? encodeCursor(last.createdAt, last.id) : null };
}

// ─── Shared facts ─────────────────────────────────────────────────────────────

const actorUser = alias(users, "actor");

/** The decisions of the log on the given targets, newest first. */
export function decisionsOn(db: Db, where: SQL | undefined, limit = 50): QueueDecisionView[] {
  return db
    .select({
      id: moderationDecisions.id,
      logged: moderationDecisions.decision,
      reason: moderationDecisions.reason,
      statement: moderationDecisions.statement,
      actorName: actorUser.displayName,
      automated: moderationDecisions.automated,
      createdAt: moderationDecisions.createdAt,
    })
    .from(moderationDecisions)
    .leftJoin(actorUser, eq(actorUser.id, moderationDecisions.actorId))
    .where(where)
    .orderBy(desc(moderationDecisions.id))
    .limit(limit)
    .all();
}

/** The targets of the log these queues decide on. */
type QueueTarget = "media" | "subject" | "company" | "user" | "claim";

/** The id of the last decision of the log on a target, 0 when none: the version a case's
 *  form carries. */
export function lastDecisionOn(db: Db, targetType: (typeof moderationDecisions.$inferSelect)["targetType"], targetId: number): number {
  return (
    db
      .select({ id: max(moderationDecisions.id) })
      .from(moderationDecisions)
      .where(and(eq(moderationDecisions.targetType, targetType), eq(moderationDecisions.targetId, targetId)))
      .get()?.id ?? 0
  );
}

/** The condition of a decision's UPDATE: the last decision on the target is still the one
 *  the case was opened at (`version`, 0 for none; see lastDecisionOn). */
function stillAtVersion(targetType: QueueTarget, targetId: number, version: number): SQL {
  return sql`coalesce((SELECT max(d.id) FROM moderation_decisions d WHERE d.target_type = ${targetType} AND d.target_id = ${targetId}), 0) = ${version}`;
}

export function isMemberOf(db: Db, companyId: number, userId: number) {
  return (
    db
      .select({ userId: companyMembers.userId })
      .from(companyMembers)
      .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
      .get() != null
  );
}

export type { PersonFacts };

export function personFacts(db: Db, userId: number | null): PersonFacts | null {
  if (userId == null) return null;
  const u = db
    .select({
      id: users.id,
      displayName: users.displayName,
      createdAt: users.createdAt,
      emailVerifiedAt: users.emailVerifiedAt,
      role: users.role,
      suspendedAt: users.suspendedAt,
      deletedAt: users.deletedAt,
      reviewCount: users.reviewCount,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!u) return null;
  return {
    id: u.id,
    displayName: u.displayName,
    createdAt: u.createdAt,
    emailVerified: u.emailVerifiedAt != null,
    role: u.role,
    suspended: u.suspendedAt != null,
    deleted: u.deletedAt != null,
    publishedReviews: u.reviewCount,
  };
}

/** What a moderator's decision of the queues says, from the form: its ground and their words. */
export interface DecidedBy {
  actor: ModerationActor;
  reason: string;
  statement: string;
}

/** The decision's row of the append-only log; its id. */
export function logDecision(
  db: Db,
  input: DecidedBy,
  logged: { targetType: QueueTarget; targetId: number; decision: QueueLogged },
  now: number,
): number {
  return db
    .insert(moderationDecisions)
    .values({
      actorId: input.actor.id,
      automated: false,
      targetType: logged.targetType,
      targetId: logged.targetId,
      decision: logged.decision,
      reason: input.reason,
      statement: input.statement,
      createdAt: now,
    })
    .returning({ id: moderationDecisions.id })
    .get().id;
}

/** What every statement of reasons of a decision says (the decision, its ground, the
 *  moderator's words, when), before what each recipient is told of the item. */
export function decidedStatement(
  decisionId: number,
  decision: QueueLogged,
  input: { reason: string; statement: string },
  decidedAt: number,
): QueueStatementInput {
  return { ...blankStatement, decisionId, decision, reason: input.reason, statement: input.statement, decidedAt };
}

const NOTICE_KIND: Record<QueueLogged, NotificationKind> = {
  proof_accept: "proof_accepted",
  proof_refuse: "proof_refused",
  subject_accept: "subject_accepted",
  subject_refuse: "subject_refused",
  conduct_upheld: "conduct_upheld",
  conduct_dismissed: "conduct_dismissed",
  suspend: "account_suspended",
  reinstate: "account_reinstated",
  claim_accept: "claim_accepted",
  claim_refuse: "claim_refused",
};

/** The statement as a mail: every part, the rule's link, and its page. */
export function renderQueueStatementMail(
  locale: Locale,
  input: QueueStatementInput,
  options: { name?: string; origin?: string; key?: string },
) {
  const s = queueStatementText(locale, input);
  const origin = linkOrigin(options.origin);
  const blocks: MailBlock[] = [
    ...statementMailBlocks(s, origin),
    {
      action: s.subject,
      url: `${origin}${options.key ? keyedStatementPath(queueStatementPath(input.decisionId), options.key) : queueStatementPath(input.decisionId)}`,
    },
  ];
  return renderMail(locale, { subject: s.subject, name: options.name, blocks });
}

/** Where and how a statement reaches an account: its address, name and language (none once deleted). */
export function recipient(db: Db, userId: number) {
  return db
    .select({ email: users.email, name: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .get();
}

/** Tells the person concerned: a notification opening the statement's page, and the mail
 *  with the whole statement in their account's language. Inside the decision's transaction.
 *  A suspended account cannot sign in: its mail's link carries the key that opens the
 *  statement (and its appeal form) without a session (app/models/statement-access.server.ts). */
export function tell(db: Db, userId: number | null, input: QueueStatementInput, origin?: string) {
  if (userId == null) return false;
  const user = recipient(db, userId);
  if (!user) return false;
  notify(db, {
    userId,
    kind: input.audience === "company" ? "conduct_upheld_company" : NOTICE_KIND[input.decision],
    data: {
      decisionId: input.decisionId,
      reason: input.reason,
      reviewTitle: input.reviewTitle ?? input.subjectName ?? undefined,
      companyName: input.companyName ?? undefined,
      decidedAt: input.decidedAt,
    },
    link: queueStatementPath(input.decisionId),
    // The mail carries the whole statement, not the notification's summary.
    mail: false,
    origin,
    now: input.decidedAt,
  });
  const key = input.decision === "suspend" ? statementAccessKey(input.decisionId, userId) : undefined;
  const mail = renderQueueStatementMail(user.locale, input, { name: user.name, origin, key });
  queueMail(db, { to: user.email, template: `statement_${input.decision}`, ...mail });
  return true;
}

/** The owners of a company (the people who may appeal a decision against it). */
export function companyOwners(db: Db, companyId: number): number[] {
  return db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.role, "owner")))
    .orderBy(asc(companyMembers.userId))
    .all()
    .map((m) => m.userId);
}

const blankStatement = { reviewTitle: null, companyName: null, subjectName: null, reportedAt: null, movedTo: null };

export type QueueDecideResult =
  { ok: true; decisionId: number } | { ok: false; kind: "not_found" | "not_moderator" | "already_decided" | "not_allowed" | QueueRefusal };

export interface BaseInput extends DecidedBy {
  reason: ModerationReason;
  version: number;
  origin?: string;
  now?: number;
}

// ─── Dashboard ────────────────────────────────────────────────────────────────

export interface QueuesSummary {
  proofs: { count: number; oldestAt: number | null };
  suggestions: { count: number; oldestAt: number | null };
  conduct: { count: number; oldestAt: number | null };
  /** Claims with evidence waiting for a moderator (app/models/claim-queue.server.ts). */
  claims: { count: number; oldestAt: number | null };
}

const proofWaiting = and(
  eq(reviewMedia.kind, "proof"),
  eq(reviewMedia.proofStatus, "pending"),
  inArray(reviews.status, ["published", "held", "pending"]),
);

/** A count and the oldest item of each of the four queues (four indexed aggregates). */
export function getQueuesSummary(db: Db = getDb()): QueuesSummary {
  const proofs = db
    .select({ n: count(), oldestAt: sql<number | null>`min(${reviewMedia.createdAt})` })
    .from(reviewMedia)
    .innerJoin(reviews, eq(reviews.id, reviewMedia.reviewId))
    .where(proofWaiting)
    .get();
  const suggestions = db
    .select({ n: count(), oldestAt: sql<number | null>`min(${subjects.createdAt})` })
    .from(subjects)
    .where(eq(subjects.state, "pending"))
    .get();
  const conduct = db
    .select({ n: count(), oldestAt: sql<number | null>`min(${conductReports.createdAt})` })
    .from(conductReports)
    .where(eq(conductReports.status, "pending"))
    .get();
  const claims = db
    .select({ n: count(), oldestAt: sql<number | null>`min(${companyClaims.createdAt})` })
    .from(companyClaims)
    .where(and(eq(companyClaims.status, "pending"), eq(companyClaims.method, "evidence")))
    .get();
  const waiting = (r: { n: number; oldestAt: number | null } | undefined) => ({ count: r?.n ?? 0, oldestAt: r?.oldestAt ?? null });
  return { proofs: waiting(proofs), suggestions: waiting(suggestions), conduct: waiting(conduct), claims: waiting(claims) };
}

// ─── 1. Proofs of experience ──────────────────────────────────────────────────

export interface ProofItem {
  id: number;
  createdAt: number;
  thumbnailUrl: string;
  review: { id: number; title: string; stars: number; status: string; origin: string; experienceDate: string; channel: string };
  company: { name: string; slug: string };
  subject: { name: string; kind: string };
  author: { id: number; name: string } | null;
}

function proofRows(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: reviewMedia.id,
      createdAt: reviewMedia.createdAt,
      storageKey: reviewMedia.storageKey,
      proofStatus: reviewMedia.proofStatus,
      width: reviewMedia.width,
      height: reviewMedia.height,
      reviewId: reviews.id,
      title: reviews.title,
      stars: reviews.stars,
      status: reviews.status,
      origin: reviews.origin,
      experienceDate: reviews.experienceDate,
      channel: reviews.channel,
      authorId: reviews.authorId,
      companyId: reviews.companyId,
      companyName: companies.name,
      companySlug: companies.slug,
      subjectName: subjects.name,
      subjectKind: subjects.kind,
      authorName: users.displayName,
    })
    .from(reviewMedia)
    .innerJoin(reviews, eq(reviews.id, reviewMedia.reviewId))
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .innerJoin(subjects, eq(subjects.id, reviews.subjectId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(where)
    .orderBy(asc(reviewMedia.createdAt), asc(reviewMedia.id))
    .limit(limit)
    .all();
}

type ProofRow = ReturnType<typeof proofRows>[number];

const toProofItem = (r: ProofRow): ProofItem => ({
  id: r.id,
  createdAt: r.createdAt,
  thumbnailUrl: mediaUrl(r.storageKey, "thumbnail"),
  review: {
    id: r.reviewId,
    title: r.title,
    stars: r.stars,
    status: r.status,
    origin: r.origin,
    experienceDate: r.experienceDate,
    channel: r.channel,
  },
  company: { name: r.companyName, slug: r.companySlug },
  subject: { name: r.subjectName, kind: r.subjectKind },
  author: r.authorId != null && r.authorName != null ? { id: r.authorId, name: r.authorName } : null,
});

/** The proofs waiting for a moderator, the oldest first (keyset on (created_at, id)). */
export function listProofQueue(options: { after?: string | null; limit?: number } = {}, db: Db = getDb()): QueuePageOf<ProofItem> {
  const limit = options.limit ?? QUEUES_PAGE_SIZE;
  const rows = proofRows(db, and(proofWaiting, afterCursor(options.after, reviewMedia.createdAt, reviewMedia.id)), limit + 1);
  return pageOf(rows, limit, (page) => page.map(toProofItem));
}

export interface ProofCase {
  item: ProofItem;
  proofStatus: string;
  imageUrl: string;
  width: number;
  height: number;
  /** The review as its page renders it. */
  review: ReviewView | null;
  /** The review's other proofs and their state. */
  otherProofs: { id: number; status: string | null; createdAt: number }[];
  author: PersonFacts | null;
  decisions: QueueDecisionView[];
  version: number;
  refusal: QueueRefusal | null;
}

/** A moderator never decides on their own content (a proof of their review, their claim) nor
 *  on a company they belong to. */
export function contentRefusal(db: Db, actorId: number, facts: { authorId: number | null; companyId: number }): QueueRefusal | null {
  if (facts.authorId === actorId) return "own_content";
  return isMemberOf(db, facts.companyId, actorId) ? "company_member" : null;
}

export function getProofCase(mediaId: number, viewer: ModerationActor, db: Db = getDb()): ProofCase | null {
  const [row] = proofRows(db, and(eq(reviewMedia.id, mediaId), eq(reviewMedia.kind, "proof")), 1);
  if (!row) return null;
  const otherProofs = db
    .select({ id: reviewMedia.id, status: reviewMedia.proofStatus, createdAt: reviewMedia.createdAt })
    .from(reviewMedia)
    .where(and(eq(reviewMedia.reviewId, row.reviewId), eq(reviewMedia.kind, "proof"), ne(reviewMedia.id, mediaId)))
    .orderBy(asc(reviewMedia.id))
    .all();
  const proofIds = [mediaId, ...otherProofs.map((p) => p.id)];
  return {
    item: toProofItem(row),
    proofStatus: row.proofStatus ?? "pending",
    imageUrl: mediaUrl(row.storageKey),
    width: row.width,
    height: row.height,
    review: getReviewAnyStatus(row.reviewId),
    otherProofs,
    author: personFacts(db, row.authorId),
    decisions: decisionsOn(
      db,
      or(
        and(eq(moderationDecisions.targetType, "media"), inArray(moderationDecisions.targetId, proofIds)),
        and(eq(moderationDecisions.targetType, "review"), eq(moderationDecisions.targetId, row.reviewId)),
      ),
    ),
    version: lastDecisionOn(db, "media", mediaId),
    refusal: contentRefusal(db, viewer.id, row),
  };
}

/** The counted facts of a published review, as it is now. */
function countedNow(db: Db, reviewId: number): CountedReview | null {
  const r = readCountedFacts(db, reviewId);
  if (!r || r.status !== "published" || r.publishedAt == null) return null;
  const { status: _status, ...facts } = r;
  return { ...facts, publishedAt: r.publishedAt };
}

/** What an accepted proof does (here, and on appeal: app/models/decision-appeals.server.ts):
 *  the review becomes a verified experience, and a published review's counters move from its
 *  former label to "verified". */
export function verifyReviewOrigin(db: Db, reviewId: number) {
  const before = countedNow(db, reviewId);
  const changed = db
    .update(reviews)
    .set({ origin: "verified" })
    .where(and(eq(reviews.id, reviewId), ne(reviews.origin, "verified")))
    .run().changes;
  if (changed === 1 && before) {
    countReview(db, before, -1);
    countReview(db, { ...before, origin: "verified" }, 1);
  }
}

export interface ProofDecideInput extends BaseInput {
  mediaId: number;
  decision: ProofDecision;
}

/** Accepts or refuses a proof (see the top of this file). */
export function decideProof(input: ProofDecideInput, db: Db = getDb()): QueueDecideResult {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  return db.$client
    .transaction((): QueueDecideResult => {
      const [row] = proofRows(db, and(eq(reviewMedia.id, input.mediaId), eq(reviewMedia.kind, "proof")), 1);
      if (!row) return { ok: false, kind: "not_found" };
      const refusal = contentRefusal(db, input.actor.id, row);
      if (refusal) return { ok: false, kind: refusal };
      if (row.proofStatus !== "pending" || lastDecisionOn(db, "media", row.id) !== input.version)
        return { ok: false, kind: "already_decided" };
      if (row.status !== "published" && row.status !== "held" && row.status !== "pending") return { ok: false, kind: "not_allowed" };

      const changes = db
        .update(reviewMedia)
        .set({ proofStatus: input.decision === "accept" ? "accepted" : "rejected" })
        .where(and(eq(reviewMedia.id, row.id), eq(reviewMedia.proofStatus, "pending"), stillAtVersion("media", row.id, input.version)))
        .run().changes;
      if (changes !== 1) return { ok: false, kind: "already_decided" };

      if (input.decision === "accept") verifyReviewOrigin(db, row.reviewId);

      const decision = QUEUE_LOGGED.proof[input.decision];
      const decisionId = logDecision(db, input, { targetType: "media", targetId: row.id, decision }, now);
      tell(
        db,
        row.authorId,
        {
          ...decidedStatement(decisionId, decision, input, now),
          reviewTitle: row.title,
          companyName: row.companyName,
          subjectName: row.subjectName,
        },
        input.origin,
      );
      return { ok: true, decisionId };
    })
    .immediate();
}

// ─── 2. Suggested subjects ────────────────────────────────────────────────────

export interface SuggestionItem {
  id: number;
  createdAt: number;
  kind: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  url: string | null;
  company: {
    id: number;
    name: string;
    slug: string;
    state: string;
    domain: string | null;
    /** The reviewer added the company with this subject: deciding on it decides on the company. */
    added: boolean;
  };
  suggestedBy: { id: number; name: string } | null;
  waitingReviews: number;
}

function suggestionRows(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: subjects.id,
      createdAt: subjects.createdAt,
      kind: subjects.kind,
      name: subjects.name,
      address: subjects.address,
      postalCode: subjects.postalCode,
      city: subjects.city,
      url: subjects.url,
      state: subjects.state,
      companyId: companies.id,
      companyName: companies.name,
      companySlug: companies.slug,
      companyState: companies.state,
      companyDomain: companies.domain,
      companyListing: companies.listing,
      // A company a reviewer added: its first subject is the one they suggested with it.
      companyAdded:
        sql<number>`(${companies.suggestedBy} IS NOT NULL AND ${subjects.id} = (SELECT min(f.id) FROM subjects f WHERE f.company_id = ${companies.id}))`.mapWith(
          Number,
        ),
      suggestedById: subjects.suggestedBy,
      suggestedByName: users.displayName,
      waiting: sql<number>`(SELECT count(*) FROM reviews w WHERE w.subject_id = ${subjects.id} AND w.status = 'pending')`.mapWith(Number),
    })
    .from(subjects)
    .innerJoin(companies, eq(companies.id, subjects.companyId))
    .leftJoin(users, eq(users.id, subjects.suggestedBy))
    .where(where)
    .orderBy(asc(subjects.createdAt), asc(subjects.id))
    .limit(limit)
    .all();
}

type SuggestionRow = ReturnType<typeof suggestionRows>[number];

const toSuggestionItem = (r: SuggestionRow): SuggestionItem => ({
  id: r.id,
  createdAt: r.createdAt,
  kind: r.kind,
  name: r.name,
  address: r.address,
  postalCode: r.postalCode,
  city: r.city,
  url: r.url,
  company: {
    id: r.companyId,
    name: r.companyName,
    slug: r.companySlug,
    state: r.companyState,
    domain: r.companyDomain,
    added: r.companyAdded === 1,
  },
  suggestedBy: r.suggestedById != null && r.suggestedByName != null ? { id: r.suggestedById, name: r.suggestedByName } : null,
  waitingReviews: r.waiting,
});

/** The suggested subjects waiting for a moderator, the oldest first (keyset on (created_at, id)). */
export function listSuggestionQueue(
  options: { after?: string | null; limit?: number } = {},
  db: Db = getDb(),
): QueuePageOf<SuggestionItem> {
  const limit = options.limit ?? QUEUES_PAGE_SIZE;
  const rows = suggestionRows(
    db,
    and(eq(subjects.state, "pending"), afterCursor(options.after, subjects.createdAt, subjects.id)),
    limit + 1,
  );
  return pageOf(rows, limit, (page) => page.map(toSuggestionItem));
}

export interface SuggestionCase {
  item: SuggestionItem;
  state: string;
  /** The reviews waiting for this subject, as written. */
  reviews: { id: number; title: string; body: string; stars: number; language: string; createdAt: number; authorName: string | null }[];
  /** The company's subjects already listed: a suggestion may duplicate one (and its reviews move there). */
  existing: { id: number; kind: string; name: string; city: string | null; url: string | null }[];
  suggester: PersonFacts | null;
  /** The company the reviewer added with this subject, when they did. */
  addedCompany: AddedCompanyFacts | null;
  decisions: QueueDecisionView[];
  version: number;
  refusal: QueueRefusal | null;
}

function waitingReviews(db: Db, subjectId: number) {
  return db
    .select({
      id: reviews.id,
      title: reviews.title,
      body: reviews.body,
      stars: reviews.stars,
      language: reviews.language,
      createdAt: reviews.createdAt,
      authorId: reviews.authorId,
      authorName: users.displayName,
      companyId: reviews.companyId,
    })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(and(eq(reviews.subjectId, subjectId), eq(reviews.status, "pending")))
    .orderBy(asc(reviews.id))
    .all();
}

function suggestionRefusal(db: Db, actorId: number, row: SuggestionRow, waiting: { authorId: number | null }[]): QueueRefusal | null {
  if (row.suggestedById === actorId || waiting.some((w) => w.authorId === actorId)) return "own_content";
  return isMemberOf(db, row.companyId, actorId) ? "company_member" : null;
}

export function getSuggestionCase(subjectId: number, viewer: ModerationActor, db: Db = getDb()): SuggestionCase | null {
  const [row] = suggestionRows(db, and(eq(subjects.id, subjectId), isNotNull(subjects.suggestedBy)), 1);
  if (!row) return null;
  const waiting = waitingReviews(db, subjectId);
  const existing = db
    .select({ id: subjects.id, kind: subjects.kind, name: subjects.name, city: subjects.city, url: subjects.url })
    .from(subjects)
    .where(and(eq(subjects.companyId, row.companyId), eq(subjects.state, "active")))
    .orderBy(asc(subjects.name), asc(subjects.id))
    .limit(200)
    .all();
  return {
    item: toSuggestionItem(row),
    state: row.state,
    reviews: waiting.map(({ authorId: _a, companyId: _c, ...w }) => w),
    existing,
    suggester: personFacts(db, row.suggestedById),
    addedCompany: row.companyAdded === 1 ? addedCompanyFacts(row.companyId, db) : null,
    decisions: decisionsOn(db, and(eq(moderationDecisions.targetType, "subject"), eq(moderationDecisions.targetId, subjectId))),
    version: lastDecisionOn(db, "subject", subjectId),
    refusal: suggestionRefusal(db, viewer.id, row, waiting),
  };
}

export interface SuggestionDecideInput extends BaseInput {
  subjectId: number;
  decision: SuggestionDecision;
  /** On a refusal: the existing subject of the same company the waiting reviews move to. */
  moveTo?: number | null;
}

/** Accepts or refuses a suggested subject (see the top of this file). */
export function decideSuggestion(input: SuggestionDecideInput, db: Db = getDb()): QueueDecideResult {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  return db.$client
    .transaction((): QueueDecideResult => {
      const [row] = suggestionRows(db, and(eq(subjects.id, input.subjectId), isNotNull(subjects.suggestedBy)), 1);
      if (!row) return { ok: false, kind: "not_found" };
      const waiting = waitingReviews(db, row.id);
      const refusal = suggestionRefusal(db, input.actor.id, row, waiting);
      if (refusal) return { ok: false, kind: refusal };
      if (row.state !== "pending" || lastDecisionOn(db, "subject", row.id) !== input.version) return { ok: false, kind: "already_decided" };
      const moveTo = input.decision === "refuse" && input.moveTo ? input.moveTo : null;
      const target = moveTo
        ? db
            .select({ id: subjects.id, name: subjects.name })
            .from(subjects)
            .where(and(eq(subjects.id, moveTo), eq(subjects.companyId, row.companyId), eq(subjects.state, "active")))
            .get()
        : undefined;
      if (moveTo && !target) return { ok: false, kind: "not_allowed" };

      const changes = db
        .update(subjects)
        .set({ state: input.decision === "accept" ? "active" : "rejected" })
        .where(and(eq(subjects.id, row.id), eq(subjects.state, "pending"), stillAtVersion("subject", row.id, input.version)))
        .run().changes;
      if (changes !== 1) return { ok: false, kind: "already_decided" };
      // The company a reviewer added with this subject: listed with it, or hidden.
      const companyAdded = row.companyAdded === 1;
      if (companyAdded && row.companyListing === "pending") {
        db.update(companies)
          .set({ listing: input.decision === "accept" ? "listed" : "refused" })
          .where(and(eq(companies.id, row.companyId), eq(companies.listing, "pending")))
          .run();
      }

      // What becomes of the waiting reviews: published (or held by their check) and counted
      // on the accepted subject, or on the existing one they move to; otherwise not published.
      const duplicates = new Set<number>();
      if (input.decision === "accept") {
        releasePendingReviews(db, row.id, now);
      } else if (target) {
        for (const w of waiting) {
          // One review per subject per author per period: one who reviewed that subject already keeps that review.
          if (w.authorId != null && findExistingReview(w.authorId, target.id, now, db) != null) duplicates.add(w.id);
          else db.update(reviews).set({ subjectId: target.id }).where(eq(reviews.id, w.id)).run();
        }
        releasePendingReviews(db, target.id, now);
      }
      const notPublished = waiting.filter((w) => input.decision === "refuse" && (!target || duplicates.has(w.id))).map((w) => w.id);
      if (notPublished.length > 0) {
        db.update(reviews)
          .set({ status: "removed", removedAt: now, removalReason: input.reason })
          .where(and(inArray(reviews.id, notPublished), eq(reviews.status, "pending")))
          .run();
      }

      const decision = QUEUE_LOGGED.suggestion[input.decision];
      const decisionId = logDecision(db, input, { targetType: "subject", targetId: row.id, decision }, now);
      // Every author of a waiting review is told (only the reviewer who suggested the
      // subject can review it while it waits), and the suggester even with no review left.
      const told = new Set<number>();
      for (const authorId of [row.suggestedById, ...waiting.map((w) => w.authorId)]) {
        if (authorId == null || told.has(authorId)) continue;
        told.add(authorId);
        const own = waiting.find((w) => w.authorId === authorId);
        tell(
          db,
          authorId,
          {
            ...decidedStatement(decisionId, decision, input, now),
            reviewTitle: own?.title ?? null,
            companyName: row.companyName,
            subjectName: row.name,
            movedTo: target && own && !duplicates.has(own.id) ? target.name : null,
            companyAdded,
          },
          input.origin,
        );
      }
      return { ok: true, decisionId };
    })
    .immediate();
}

// ─── 3. Conduct reports ───────────────────────────────────────────────────────

export interface ConductItem {
  id: number;
  createdAt: number;
  kind: "incentive" | "extortion";
  body: string;
  company: { id: number; name: string; slug: string; state: string };
  review: { id: number; title: string } | null;
  reporter: { id: number; name: string } | null;
}

const reporterUser = alias(users, "reporter");

function conductRows(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: conductReports.id,
      createdAt: conductReports.createdAt,
      kind: conductReports.kind,
      body: conductReports.body,
      status: conductReports.status,
      companyId: companies.id,
      companyName: companies.name,
      companySlug: companies.slug,
      companyState: companies.state,
      reviewId: conductReports.reviewId,
      reviewTitle: reviews.title,
      reviewAuthorId: reviews.authorId,
      reporterId: conductReports.reporterUserId,
      reporterName: reporterUser.displayName,
    })
    .from(conductReports)
    .innerJoin(companies, eq(companies.id, conductReports.companyId))
    .leftJoin(reviews, eq(reviews.id, conductReports.reviewId))
    .leftJoin(reporterUser, eq(reporterUser.id, conductReports.reporterUserId))
    .where(where)
    .orderBy(asc(conductReports.createdAt), asc(conductReports.id))
    .limit(limit)
    .all();
}

type ConductRow = ReturnType<typeof conductRows>[number];

const toConductItem = (r: ConductRow): ConductItem => ({
  id: r.id,
  createdAt: r.createdAt,
  kind: r.kind,
  body: r.body,
  company: { id: r.companyId, name: r.companyName, slug: r.companySlug, state: r.companyState },
  review: r.reviewId != null && r.reviewTitle != null ? { id: r.reviewId, title: r.reviewTitle } : null,
  reporter: r.reporterId != null && r.reporterName != null ? { id: r.reporterId, name: r.reporterName } : null,
});

/** The conduct reports waiting for a moderator, the oldest first (keyset on (created_at, id)). */
export function listConductQueue(options: { after?: string | null; limit?: number } = {}, db: Db = getDb()): QueuePageOf<ConductItem> {
  const limit = options.limit ?? QUEUES_PAGE_SIZE;
  const rows = conductRows(
    db,
    and(eq(conductReports.status, "pending"), afterCursor(options.after, conductReports.createdAt, conductReports.id)),
    limit + 1,
  );
  return pageOf(rows, limit, (page) => page.map(toConductItem));
}

export interface ConductCase {
  item: ConductItem;
  status: string;
  review: ReviewView | null;
  reporter: PersonFacts | null;
  /** The company's record: conduct reports upheld and dismissed before, and the decisions logged against it. */
  record: { upheld: number; dismissed: number; pending: number };
  decisions: QueueDecisionView[];
  version: number;
  refusal: QueueRefusal | null;
}

function conductRefusal(db: Db, actorId: number, row: ConductRow): QueueRefusal | null {
  if (row.reporterId === actorId) return "reported_it";
  if (row.reviewAuthorId === actorId) return "own_content";
  return isMemberOf(db, row.companyId, actorId) ? "company_member" : null;
}

export function getConductCase(reportId: number, viewer: ModerationActor, db: Db = getDb()): ConductCase | null {
  const [row] = conductRows(db, eq(conductReports.id, reportId), 1);
  if (!row) return null;
  const tally = db
    .select({
      upheld: sql<number>`coalesce(sum(${conductReports.status} = 'founded'), 0)`.mapWith(Number),
      dismissed: sql<number>`coalesce(sum(${conductReports.status} = 'unfounded'), 0)`.mapWith(Number),
      pending: sql<number>`coalesce(sum(${conductReports.status} = 'pending'), 0)`.mapWith(Number),
    })
    .from(conductReports)
    .where(and(eq(conductReports.companyId, row.companyId), ne(conductReports.id, row.id)))
    .get();
  return {
    item: toConductItem(row),
    status: row.status,
    review: row.reviewId != null ? getReviewAnyStatus(row.reviewId) : null,
    reporter: personFacts(db, row.reporterId),
    record: { upheld: tally?.upheld ?? 0, dismissed: tally?.dismissed ?? 0, pending: tally?.pending ?? 0 },
    decisions: decisionsOn(db, and(eq(moderationDecisions.targetType, "company"), eq(moderationDecisions.targetId, row.companyId)), 20),
    version: 0,
    refusal: conductRefusal(db, viewer.id, row),
  };
}

export interface ConductDecideInput extends BaseInput {
  reportId: number;
  decision: ConductDecision;
}

/** Upholds or dismisses a conduct report, logged against the company (see the top). A
 *  report is decided once: its pending status is the condition of the UPDATE. */
export function decideConduct(input: ConductDecideInput, db: Db = getDb()): QueueDecideResult {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  try {
    return conductTransaction(input, now, db);
  } catch (error) {
    if (error instanceof AlreadyDecided) return { ok: false, kind: "already_decided" };
    throw error;
  }
}

function conductTransaction(input: ConductDecideInput, now: number, db: Db): QueueDecideResult {
  return db.$client
    .transaction((): QueueDecideResult => {
      const [row] = conductRows(db, eq(conductReports.id, input.reportId), 1);
      if (!row) return { ok: false, kind: "not_found" };
      const refusal = conductRefusal(db, input.actor.id, row);
      if (refusal) return { ok: false, kind: refusal };
      if (row.status !== "pending") return { ok: false, kind: "already_decided" };
      const decision = QUEUE_LOGGED.conduct[input.decision];
      const decisionId = logDecision(db, input, { targetType: "company", targetId: row.companyId, decision }, now);
      const changes = db
        .update(conductReports)
        .set({ status: input.decision === "uphold" ? "founded" : "unfounded", decidedBy: input.actor.id, decidedAt: now, decisionId })
        .where(and(eq(conductReports.id, row.id), eq(conductReports.status, "pending")))
        .run().changes;
      // Another moderator got there first: throwing rolls the log row back with it.
      if (changes !== 1) throw new AlreadyDecided();
      tell(
        db,
        row.reporterId,
        {
          ...decidedStatement(decisionId, decision, input, now),
          reviewTitle: row.reviewTitle,
          companyName: row.companyName,
          reportedAt: row.createdAt,
        },
        input.origin,
      );
      // An upheld report of a reward offered goes against the company: its owners are told
      // too — never who reported it, nor which review — and may appeal it.
      if (decision === "conduct_upheld" && row.kind === "incentive") {
        const owners = { ...decidedStatement(decisionId, decision, input, now), companyName: row.companyName };
        for (const ownerId of companyOwners(db, row.companyId)) {
          if (ownerId !== row.reporterId) tell(db, ownerId, { ...owners, audience: "company" }, input.origin);
        }
      }
      return { ok: true, decisionId };
    })
    .immediate();
}

class AlreadyDecided extends Error {
  constructor() {
    super("already decided");
  }
}

// ─── 4. Accounts: suspend, reinstate ──────────────────────────────────────────

export interface UserCase {
  user: PersonFacts & { suspendedAt: number | null; suspendedReason: string | null };
  sessions: number;
  /** Their latest reviews, any state. */
  reviews: { id: number; title: string; stars: number; status: string; companyName: string; createdAt: number }[];
  /** Their reports: filed, and dismissed. */
  flagsFiled: number;
  flagsDismissed: number;
  /** Decisions on the account (suspensions, reinstatements). */
  decisions: QueueDecisionView[];
  allowed: UserDecision[];
  version: number;
  refusal: QueueRefusal | null;
}

function userRefusal(actor: ModerationActor, target: { id: number; role: string }): QueueRefusal | null {
  if (target.id === actor.id) return "own_content";
  // Staff accounts are suspended by an admin only.
  if (target.role !== "member" && actor.role !== "admin") return "protected";
  return null;
}

function userRow(db: Db, userId: number) {
  return db
    .select({
      id: users.id,
      role: users.role,
      suspendedAt: users.suspendedAt,
      suspendedReason: users.suspendedReason,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

export function getUserCase(userId: number, viewer: ModerationActor, db: Db = getDb()): UserCase | null {
  const facts = personFacts(db, userId);
  const row = userRow(db, userId);
  if (!facts || !row) return null;
  const latest = db
    .select({
      id: reviews.id,
      title: reviews.title,
      stars: reviews.stars,
      status: reviews.status,
      companyName: companies.name,
      createdAt: reviews.createdAt,
    })
    .from(reviews)
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .where(and(eq(reviews.authorId, userId), ne(reviews.status, "deleted")))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(10)
    .all();
  const reported = db
    .select({ n: count(), dismissed: sql<number>`coalesce(sum(${flags.status} = 'dismissed'), 0)`.mapWith(Number) })
    .from(flags)
    .where(eq(flags.reporterUserId, userId))
    .get();
  const live = db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > ${Date.now()}`))
    .get();
  const allowed: UserDecision[] = row.deletedAt != null ? [] : row.suspendedAt == null ? ["suspend"] : ["reinstate"];
  return {
    user: { ...facts, suspendedAt: row.suspendedAt, suspendedReason: row.suspendedReason },
    sessions: live?.n ?? 0,
    reviews: latest,
    flagsFiled: reported?.n ?? 0,
    flagsDismissed: reported?.dismissed ?? 0,
    decisions: decisionsOn(db, and(eq(moderationDecisions.targetType, "user"), eq(moderationDecisions.targetId, userId))),
    allowed,
    version: lastDecisionOn(db, "user", userId),
    refusal: userRefusal(viewer, row),
  };
}

export interface UserDecideInput extends BaseInput {
  userId: number;
  decision: UserDecision;
}

/** Suspends (every session of the account ends) or reinstates an account (see the top). */
export function decideUser(input: UserDecideInput, db: Db = getDb()): QueueDecideResult & { sessionsEnded?: number } {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  return db.$client
    .transaction((): QueueDecideResult & { sessionsEnded?: number } => {
      const row = userRow(db, input.userId);
      if (!row) return { ok: false, kind: "not_found" };
      const refusal = userRefusal(input.actor, row);
      if (refusal) return { ok: false, kind: refusal };
      if (lastDecisionOn(db, "user", row.id) !== input.version) return { ok: false, kind: "already_decided" };
      const suspend = input.decision === "suspend";
      if (row.deletedAt != null || (suspend ? row.suspendedAt != null : row.suspendedAt == null))
        return { ok: false, kind: "already_decided" };

      const unchanged = and(
        eq(users.id, row.id),
        isNull(users.deletedAt),
        suspend ? isNull(users.suspendedAt) : isNotNull(users.suspendedAt),
        stillAtVersion("user", row.id, input.version),
      );
      const changes = db
        .update(users)
        .set(suspend ? { suspendedAt: now, suspendedReason: input.reason } : { suspendedAt: null, suspendedReason: null })
        .where(unchanged)
        .run().changes;
      if (changes !== 1) return { ok: false, kind: "already_decided" };
      const sessionsEnded = suspend ? db.delete(sessions).where(eq(sessions.userId, row.id)).run().changes : 0;

      const decision = QUEUE_LOGGED.user[input.decision];
      const decisionId = logDecision(db, input, { targetType: "user", targetId: row.id, decision }, now);
      tell(db, row.id, decidedStatement(decisionId, decision, input, now), input.origin);
      return { ok: true, decisionId, sessionsEnded };
    })
    .immediate();
}

// ─── The statement page ───────────────────────────────────────────────────────

/** A decision of these queues as its reader may see it: the person it was sent to, or a
 *  moderator. Null for anyone else and for any other decision (the page answers 404). */
export function getQueueStatement(decisionId: number, viewer: ModerationActor, db: Db = getDb()): QueueStatementInput | null {
  const d = db.select().from(moderationDecisions).where(eq(moderationDecisions.id, decisionId)).get();
  if (!d) return null;
  const logged = d.decision;
  const base = { ...blankStatement, decisionId: d.id, reason: d.reason, statement: d.statement, decidedAt: d.createdAt };
  const moderator = isModerator(viewer);
  if (d.targetType === "media" && (logged === "proof_accept" || logged === "proof_refuse")) {
    const [row] = proofRows(db, eq(reviewMedia.id, d.targetId), 1);
    if (!row || (row.authorId !== viewer.id && !moderator)) return null;
    return { ...base, decision: logged, reviewTitle: row.title, companyName: row.companyName, subjectName: row.subjectName };
  }
  if (d.targetType === "subject" && (logged === "subject_accept" || logged === "subject_refuse")) {
    const [row] = suggestionRows(db, eq(subjects.id, d.targetId), 1);
    // Only the reviewer who suggested a subject can review it while it waits: they are its recipient.
    if (!row || (row.suggestedById !== viewer.id && !moderator)) return null;
    const own = row.suggestedById != null ? reviewWrittenWith(db, row.id, row.suggestedById) : null;
    const movedTo =
      logged === "subject_refuse" && own && own.subjectId !== row.id
        ? (db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, own.subjectId)).get()?.name ?? null)
        : null;
    return {
      ...base,
      decision: logged,
      reviewTitle: own?.title ?? null,
      companyName: row.companyName,
      subjectName: row.name,
      movedTo,
      companyAdded: row.companyAdded === 1,
    };
  }
  if (d.targetType === "company" && (logged === "conduct_upheld" || logged === "conduct_dismissed")) {
    const [row] = conductRows(db, eq(conductReports.decisionId, d.id), 1);
    if (!row || (row.reporterId !== viewer.id && !moderator)) return null;
    return { ...base, decision: logged, reviewTitle: row.reviewTitle, companyName: row.companyName, reportedAt: row.createdAt };
  }
  if (d.targetType === "user" && (logged === "suspend" || logged === "reinstate")) {
    if (d.targetId !== viewer.id && !moderator) return null;
    return { ...base, decision: logged };
  }
  if (d.targetType === "claim" && (logged === "claim_accept" || logged === "claim_refuse")) {
    // A claim with evidence (app/models/claim-queue.server.ts): the claimant is its recipient.
    const claim = db
      .select({ userId: companyClaims.userId, createdAt: companyClaims.createdAt, companyName: companies.name })
      .from(companyClaims)
      .innerJoin(companies, eq(companies.id, companyClaims.companyId))
      .where(eq(companyClaims.id, d.targetId))
      .get();
    if (!claim || (claim.userId !== viewer.id && !moderator)) return null;
    return { ...base, decision: logged, companyName: claim.companyName, reportedAt: claim.createdAt };
  }
  return null;
}

/** The review written with a suggested subject (createReviewWithSuggestedSubject writes both
 *  at the same time), wherever it is now (a refusal may have moved it to another subject). */
function reviewWrittenWith(db: Db, subjectId: number, authorId: number) {
  const subject = db
    .select({ createdAt: subjects.createdAt, companyId: subjects.companyId })
    .from(subjects)
    .where(eq(subjects.id, subjectId))
    .get();
  if (!subject) return null;
  return (
    db
      .select({ id: reviews.id, title: reviews.title, subjectId: reviews.subjectId })
      .from(reviews)
      .where(
        and(
          eq(reviews.authorId, authorId),
          eq(reviews.companyId, subject.companyId),
          or(eq(reviews.subjectId, subjectId), eq(reviews.createdAt, subject.createdAt)),
        ),
      )
      .orderBy(asc(reviews.id))
      .get() ?? null
  );
}
