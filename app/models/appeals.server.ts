// Appeals against a moderation decision (DSA art. 20): filed from the statement's page by
// the side the decision went against (its author for a removal, its reporters for
// content kept or put back), within APPEAL_WINDOW_DAYS, once per person and per decision;
// queued oldest first at /moderation/appeals; decided on the case page by a moderator
// other than the one who took the decision (an admin may decide any).
//
// Deciding is one synchronous transaction (BEGIN IMMEDIATE), like a decision: the appeals'
// outcome (a conditional UPDATE on their pending status: the second of two moderators
// deciding at once writes nothing), the content's new state and the counters on a
// reversal, one new row of the append-only log (the appealed decision is never touched),
// and every statement of reasons — to each appellant and to the other side, on the site
// and by mail in their language. A reversal also gives the reports the appealed decision
// settled their final outcome, and the abuse rule is weighed again on it
// (settleAppealedFlags in flags.server.ts). While an appeal waits, the content is decided
// only through it (decide() refuses "appeal_pending").
//
// The queue lists every appeal, the content ones and those against the decisions of the
// other queues (proofs, suggestions, conduct reports, suspensions, claims), which
// app/models/decision-appeals.server.ts files and decides. The steps on the appeals' rows
// both kinds share (the frame of the right to appeal, filing, the outcome's UPDATE, the log row) are
// app/models/appeal-records.server.ts's.
import { and, asc, count, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "#db/client.server";
import { appeals, flags, followUps, moderationDecisions, replies, users } from "#db/schema";
import {
  APPEAL_UPHELD,
  appellantSide,
  reversalOf,
  type AppealedDecisionFacts,
  type AppealExplanation,
  type AppealOutcome,
  type Party,
} from "~/lib/appeal-form";
import { LOGGED_DECISION, type Decision, type DecisionTarget } from "~/lib/moderation-form";
import type { ModerationReason } from "~/lib/moderation-reasons";
import {
  answeredFlags,
  appealsAnsweredBy,
  asDecision,
  authorsOf,
  countStateChange,
  decidedFlagColumns,
  isAuthorOf,
  isReportOf,
  loadContentDecision,
  loadThread,
  moderatorStatement,
  partOf,
  refusalFor,
  reporterKey,
  reviewListFacts,
  setContentState,
  type ContentDecision,
  type DecidedFlag,
  type ModerationActor,
  type Refusal,
  type StatementViewer,
} from "./moderation.server";
import {
  actorNameOf,
  AppealRefused,
  appellantsOnce,
  decidePendingAppeals,
  fileAppealWith,
  inDecidingTransaction,
  logAppealOutcome,
  replacedLater,
  rightToAppeal,
  sameModerator,
  waitingRefusal,
  type AppealFiled,
  type AppealFiling,
  type AppealsDecided,
  type DecidedAppeal,
  type OwnAppeal,
} from "./appeal-records.server";
import { decisionAppealsAbout, type DecisionAppealAbout } from "./decision-appeals.server";
import { settleAppealedFlags } from "./flags.server";
import { sendStatementToAccount, sendStatementToReporter, statementPath } from "./moderation-notices.server";
import { decodeCursor, encodeCursor, isModerator } from "./moderation-queues.server";
import { notify } from "./notifications.server";

// ─── The right to appeal ──────────────────────────────────────────────────────

export type AppealRight =
  | { kind: "open"; deadline: number; side: Party }
  | { kind: "appealed"; appeal: OwnAppeal }
  /** The window passed. */
  | { kind: "closed"; deadline: number }
  /** A later decision replaced this one. */
  | { kind: "superseded" }
  /** The content was deleted by its author since: nothing left to appeal. */
  | { kind: "gone" }
  /** The outcome of an appeal: final within Réplique. */
  | { kind: "final" }
  /** The decision went this person's way (or they are not a party). */
  | { kind: "not_entitled" }
  | { kind: "not_appealable" };

export type AppealRefusal = Exclude<AppealRight["kind"], "open" | "appealed"> | "already_appealed";

/** A later decision on the content than `d` replaced it (see replacedLater). */
const superseded = (db: Db, d: ContentDecision) => replacedLater(db, { id: d.id, targetType: d.target, targetId: d.targetId });

/** What `viewer` may do about decision `d`: appeal it (until when), or why not. */
export function appealRight(db: Db, d: ContentDecision, viewer: StatementViewer, now: number): AppealRight {
  return rightToAppeal<AppealRight>(db, d, viewer.id, now, () => {
    if (d.logged === APPEAL_UPHELD || appealsAnsweredBy(db, d.id).length > 0) return { kind: "final" };
    const decision = asDecision(d.logged);
    if (!decision) return { kind: "not_appealable" };
    const side = appellantSide(decision);
    const entitled = side === "author" ? isAuthorOf(db, d, viewer.id) : answeredFlags(db, d).some((f) => isReportOf(f, viewer));
    if (!entitled) return { kind: "not_entitled" };
    if (superseded(db, d)) return { kind: "superseded" };
    if (d.part.status !== "published" && d.part.status !== "removed") return { kind: "gone" };
    return { open: { side } };
  });
}

/** The appeal part of a statement's page, for its reader. */
export function getAppealRight(decisionId: number, viewer: StatementViewer, now = Date.now(), db: Db = getDb()): AppealRight | null {
  const d = loadContentDecision(db, decisionId);
  return d ? appealRight(db, d, viewer, now) : null;
}

/** For the author of a removed review, on its permalink: the removal, and what they may
 *  do about it (appeal until when, or the appeal they made). Null otherwise. */
export function getRemovalAppeal(
  reviewId: number,
  viewer: StatementViewer,
  now = Date.now(),
  db: Db = getDb(),
): { decisionId: number; decidedAt: number; right: AppealRight } | null {
  const last = db
    .select({ id: moderationDecisions.id, logged: moderationDecisions.decision })
    .from(moderationDecisions)
    .where(
      and(
        eq(moderationDecisions.targetType, "review"),
        eq(moderationDecisions.targetId, reviewId),
        ne(moderationDecisions.decision, APPEAL_UPHELD),
      ),
    )
    .orderBy(sql`${moderationDecisions.id} DESC`)
    .limit(1)
    .get();
  if (!last || last.logged !== "remove") return null;
  const d = loadContentDecision(db, last.id);
  if (!d || d.part.status !== "removed" || !isAuthorOf(db, d, viewer.id)) return null;
  return { decisionId: d.id, decidedAt: d.createdAt, right: appealRight(db, d, viewer, now) };
}

// ─── Filing an appeal ─────────────────────────────────────────────────────────

export type FileAppealInput = AppealFiling<StatementViewer>;

export type FileAppealResult = AppealFiled<AppealRefusal>;

/** Records an appeal and its receipt (on the site and by mail, in the appellant's
 *  language), in one transaction. One per person and per decision: a unique index backs it. */
export function fileAppeal(input: FileAppealInput, db: Db = getDb()): FileAppealResult {
  return fileAppealWith(db, input, {
    load: () => loadContentDecision(db, input.decisionId),
    right: (d, now) => appealRight(db, d, input.viewer, now),
    sendReceipt: (d, now) =>
      notify(db, {
        userId: input.viewer.id,
        kind: "appeal_received",
        data: {
          reviewId: d.thread.review.id,
          reviewTitle: d.thread.review.title,
          companyName: d.thread.review.companyName,
          decisionId: d.id,
        },
        link: statementPath(d.id),
        origin: input.origin,
        now,
      }),
  });
}

// ─── The queue ────────────────────────────────────────────────────────────────

export const APPEAL_PAGE_SIZE = 20;
const QUEUE_EXPLANATIONS = 3;

interface AppealQueueCommon {
  decisionId: number;
  oldestAt: number;
  appealCount: number;
  explanations: { id: number; explanation: string; createdAt: number }[];
  decision: { logged: string; reason: string; createdAt: number; actorName: string | null; automated: boolean };
  /** The viewer took the appealed decision: another moderator must decide (unless admin). */
  yours: boolean;
}

/** An appeal against a decision on a review, a reply or a follow-up (decided on the review's case page). */
export interface ContentAppealQueueItem extends AppealQueueCommon {
  kind: "content";
  target: DecisionTarget;
  reviewId: number;
  /** Who appeals: the author (of a removal) or reporters (of content kept or put back). */
  side: Party;
  review: { title: string; status: string; stars: number; companyName: string; companySlug: string };
}

/** An appeal against a decision of the other queues: a proof, a suggestion, a conduct report,
 *  a suspension, a claim (decided at /moderation/appeals/:id: decision-appeals.server.ts). */
export interface DecisionAppealQueueItem extends AppealQueueCommon, DecisionAppealAbout {}

export type AppealQueueItem = ContentAppealQueueItem | DecisionAppealQueueItem;

export interface AppealQueuePage {
  items: AppealQueueItem[];
  nextCursor: string | null;
}

const actor = alias(users, "actor");

/** The decisions with appeals waiting, the one appealed longest ago first, by keyset on
 *  (oldest pending appeal, decision id): one more than `limit`, to tell whether more follow. */
function pendingGroups(db: Db, after: string | null | undefined, limit: number) {
  const cursor = decodeCursor(after);
  const oldest = sql<number>`min(${appeals.createdAt})`.mapWith(Number);
  return db
    .select({ decisionId: appeals.decisionId, oldestAt: oldest, n: count() })
    .from(appeals)
    .where(eq(appeals.status, "pending"))
    .groupBy(appeals.decisionId)
    .having(cursor ? sql`(min(${appeals.createdAt}), ${appeals.decisionId}) > (${cursor.at}, ${cursor.id})` : undefined)
    .orderBy(sql`min(${appeals.createdAt})`, asc(appeals.decisionId))
    .limit(limit + 1)
    .all();
}

type PendingGroup = ReturnType<typeof pendingGroups>[number];

/** The appealed decisions, by id, with the name of the moderator who took them. */
function appealedDecisions(db: Db, ids: number[]) {
  return new Map(
    db
      .select({
        id: moderationDecisions.id,
        target: moderationDecisions.targetType,
        targetId: moderationDecisions.targetId,
        logged: moderationDecisions.decision,
        reason: moderationDecisions.reason,
        automated: moderationDecisions.automated,
        actorId: moderationDecisions.actorId,
        actorName: actor.displayName,
        createdAt: moderationDecisions.createdAt,
      })
      .from(moderationDecisions)
      .leftJoin(actor, eq(actor.id, moderationDecisions.actorId))
      .where(inArray(moderationDecisions.id, ids))
      .all()
      .map((d) => [d.id, d]),
  );
}

type AppealedDecision = ReturnType<typeof appealedDecisions> extends Map<number, infer D> ? D : never;

/** The appeals waiting on these decisions, oldest first. */
function pendingAppeals(db: Db, decisionIds: number[]) {
  return db
    .select({ id: appeals.id, decisionId: appeals.decisionId, explanation: appeals.body, createdAt: appeals.createdAt })
    .from(appeals)
    .where(and(eq(appeals.status, "pending"), inArray(appeals.decisionId, decisionIds)))
    .orderBy(asc(appeals.createdAt), asc(appeals.id))
    .all();
}

type PendingAppeal = ReturnType<typeof pendingAppeals>[number];

/** The review whose thread these replies (or follow-ups) belong to, by their id. */
function threadReviews(db: Db, table: typeof replies | typeof followUps, ids: number[]): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = db.select({ id: table.id, reviewId: table.reviewId }).from(table).where(inArray(table.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.reviewId]));
}

/** The review of each decision's thread: a review's own, a reply's or a follow-up's review
 *  (undefined for the decisions of the other queues). Two queries, whatever the number. */
function threadReviewOf(db: Db, decisions: AppealedDecision[]) {
  const targetIds = (kind: string) => decisions.filter((d) => d.target === kind).map((d) => d.targetId);
  const replyThread = threadReviews(db, replies, targetIds("reply"));
  const followUpThread = threadReviews(db, followUps, targetIds("follow_up"));
  return (d: { target: string; targetId: number }) =>
    d.target === "review"
      ? d.targetId
      : d.target === "reply"
        ? replyThread.get(d.targetId)
        : d.target === "follow_up"
          ? followUpThread.get(d.targetId)
          : undefined;
}

/** What every entry of the queue shows: the appealed decision and the first explanations. */
function queueCommon(g: PendingGroup, d: AppealedDecision, pending: PendingAppeal[], viewer?: ModerationActor): AppealQueueCommon {
  return {
    decisionId: d.id,
    oldestAt: g.oldestAt,
    appealCount: g.n,
    explanations: pending
      .filter((a) => a.decisionId === d.id)
      .slice(0, QUEUE_EXPLANATIONS)
      .map((a) => ({
        id: a.id,
        createdAt: a.createdAt,
        explanation: a.explanation.length > 280 ? `${a.explanation.slice(0, 280)}…` : a.explanation,
      })),
    decision: { logged: d.logged, reason: d.reason, createdAt: d.createdAt, actorName: d.actorName, automated: d.automated },
    yours: viewer != null && sameModerator(viewer, d),
  };
}

/** The entry of an appeal on content: null when the decision or its thread is not one. */
function contentItem(
  common: AppealQueueCommon,
  d: AppealedDecision,
  reviewId: number | undefined,
  facts: ReturnType<typeof reviewListFacts>,
): ContentAppealQueueItem | null {
  const target = d.target === "review" || d.target === "reply" || d.target === "follow_up" ? d.target : null;
  const decision = asDecision(d.logged);
  const review = reviewId != null ? facts.get(reviewId) : undefined;
  if (!target || !decision || reviewId == null || !review) return null;
  return { ...common, kind: "content", target, reviewId, side: appellantSide(decision), review };
}

/** The decisions under appeal, the one appealed longest ago first, by keyset on (oldest
 *  pending appeal, decision id). A fixed number of queries per page, whatever its length. */
export function listAppealQueue(
  options: { after?: string | null; limit?: number; viewer?: ModerationActor } = {},
  db: Db = getDb(),
): AppealQueuePage {
  const limit = options.limit ?? APPEAL_PAGE_SIZE;
  const groups = pendingGroups(db, options.after, limit);
  const hasMore = groups.length > limit;
  const page = hasMore ? groups.slice(0, limit) : groups;
  if (page.length === 0) return { items: [], nextCursor: null };
  const ids = page.map((g) => g.decisionId);

  const decisions = appealedDecisions(db, ids);
  const pending = pendingAppeals(db, ids);
  const reviewOf = threadReviewOf(db, [...decisions.values()]);
  const facts = reviewListFacts(db, [...new Set([...decisions.values()].map(reviewOf).filter((id): id is number => id != null))]);
  // What the decisions of the other queues are about (one query per kind of item).
  const others = decisionAppealsAbout(db, [...decisions.values()]);

  const items: AppealQueueItem[] = [];
  for (const g of page) {
    const d = decisions.get(g.decisionId);
    if (!d) continue;
    const common = queueCommon(g, d, pending, options.viewer);
    const about = others.get(d.id);
    const item = about ? { ...common, ...about } : contentItem(common, d, reviewOf(d), facts);
    if (item) items.push(item);
  }
  const last = page.at(-1)!;
  return { items, nextCursor: hasMore ? encodeCursor(last.oldestAt, last.decisionId) : null };
}

// ─── On the case page ─────────────────────────────────────────────────────────

export type AppealDecideRefusal = Refusal | "same_moderator";

export interface CaseAppeal {
  target: DecisionTarget;
  /** The decision appealed against. */
  decision: AppealedDecisionFacts & { decision: Decision };
  side: Party;
  appeals: AppealExplanation[];
  /** What the form carries back (see decideAppeal()). */
  seenAppeal: number;
  editedAt: number;
  /** What a reversal would do, and whether the content is still as the decision left it. */
  reversal: "remove" | "restore";
  canOverturn: boolean;
  refusal: AppealDecideRefusal | null;
}

/** The status a decision leaves its content in: what a reversal expects to find. */
const leftIn = (decision: Decision) => (decision === "remove" ? "removed" : "published");

/** The appeals waiting on the decisions of a thread, one entry per appealed decision. */
export function getCaseAppeals(reviewId: number, viewer: ModerationActor, db: Db = getDb()): CaseAppeal[] {
  const thread = loadThread(db, reviewId);
  if (!thread) return [];
  const appellant = alias(users, "appellant");
  const out: CaseAppeal[] = [];
  for (const target of ["review", "reply", "follow_up"] as const) {
    const part = partOf(thread, target);
    if (!part) continue;
    const rows = db
      .select({
        id: appeals.id,
        decisionId: appeals.decisionId,
        explanation: appeals.body,
        createdAt: appeals.createdAt,
        appellantName: appellant.displayName,
      })
      .from(appeals)
      .innerJoin(moderationDecisions, eq(moderationDecisions.id, appeals.decisionId))
      .leftJoin(appellant, eq(appellant.id, appeals.appellantUserId))
      .where(and(eq(appeals.status, "pending"), eq(moderationDecisions.targetType, target), eq(moderationDecisions.targetId, part.id)))
      .orderBy(asc(appeals.createdAt), asc(appeals.id))
      .all();
    for (const decisionId of [...new Set(rows.map((r) => r.decisionId))]) {
      const d = loadContentDecision(db, decisionId);
      const decision = d ? asDecision(d.logged) : null;
      if (!d || !decision) continue;
      const mine = rows.filter((r) => r.decisionId === decisionId);
      out.push({
        target,
        decision: {
          id: d.id,
          decision,
          logged: d.logged,
          reason: d.reason,
          statement: d.statement,
          createdAt: d.createdAt,
          actorName: actorNameOf(db, d.actorId),
          automated: d.automated,
        },
        side: appellantSide(decision),
        appeals: mine.map(({ decisionId: _d, ...a }) => a),
        seenAppeal: mine.at(-1)!.id,
        editedAt: part.editedAt ?? 0,
        reversal: reversalOf(decision),
        canOverturn: part.status === leftIn(decision) && !superseded(db, d),
        refusal: refusalFor(db, viewer.id, thread, part) ?? (sameModerator(viewer, d) ? "same_moderator" : null),
      });
    }
  }
  return out;
}

// ─── Deciding an appeal ───────────────────────────────────────────────────────

export interface DecideAppealInput {
  actor: ModerationActor;
  reviewId: number;
  target: DecisionTarget;
  /** The decision appealed against. */
  appealed: number;
  outcome: AppealOutcome;
  reason: ModerationReason;
  statement: string;
  /** From the form: the newest pending appeal and the content's last edit when the case was opened. */
  seenAppeal: number;
  editedAt: number;
  origin?: string;
  now?: number;
}

export type DecideAppealResult = AppealsDecided<AppealDecideRefusal>;

type DecideAppealRefusal = Extract<DecideAppealResult, { ok: false }>;

/** Records the outcome of the appeals on one decision and everything that follows (see the top). */
export function decideAppeal(input: DecideAppealInput, db: Db = getDb()): DecideAppealResult {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  return inDecidingTransaction(db, () => decideInTransaction(db, input, now));
}

/** The steps of a decision on appeal, in the order they are written (see the top). */
function decideInTransaction(db: Db, input: DecideAppealInput, now: number): DecideAppealResult {
  const checked = checkAppealCase(db, input);
  if (!checked.ok) return checked;
  const { d, appealed } = checked;
  const overturn = input.outcome === "overturn";
  const effect: Decision = overturn ? reversalOf(appealed) : appealed;

  // 1. The appeals' outcome, only if nobody decided them meanwhile.
  const decided = decidePendingAppeals(db, {
    decisionId: d.id,
    seenAppeal: input.seenAppeal,
    outcome: input.outcome,
    actorId: input.actor.id,
    now,
  });

  // 2. On a reversal, the content's new state (still as the decision left it) and the counters.
  if (overturn) reverseContent(db, d, appealed, input, now);

  // 3. The log: a new row; the appealed decision stays as it was.
  const logged = logAppealOutcome(db, {
    actorId: input.actor.id,
    targetType: d.target,
    targetId: d.targetId,
    decision: overturn ? LOGGED_DECISION[effect] : APPEAL_UPHELD,
    reason: input.reason,
    statement: input.statement,
    now,
    answers: decided,
  });

  // 4. A removal on appeal upholds the reports waiting on the content, as any removal.
  const upheld = overturn && effect === "remove" ? upholdWaitingFlags(db, d, logged.id, now) : [];

  // 4b. The reports the appealed decision settled take the appeal's outcome (a keep
  //     overturned: upheld after all; a removal undone: not upheld), and their
  //     reporters are weighed again by the abuse rule on the final outcomes.
  if (overturn) settleAppealedFlags(db, { appealed: d.id, effect: reversalOf(appealed), now, origin: input.origin });

  // 5. The statements of reasons: each appellant, then the other side, each person once.
  const notified = tellAppealOutcome(db, { d, appealed, effect, decided, upheld, decisionId: logged.id, input, now });
  return { ok: true, decisionId: logged.id, appeals: decided.length, notified };
}

/** The decision appealed against, when this moderator may decide its appeals as the form
 *  saw them; otherwise why not (all checked before anything is written). */
function checkAppealCase(db: Db, input: DecideAppealInput): { ok: true; d: ContentDecision; appealed: Decision } | DecideAppealRefusal {
  const d = loadContentDecision(db, input.appealed);
  if (!d || d.target !== input.target || d.thread.review.id !== input.reviewId) return { ok: false, kind: "not_found" };
  const appealed = asDecision(d.logged);
  if (!appealed) return { ok: false, kind: "not_found" };
  const { thread, part } = d;
  const refusal = refusalFor(db, input.actor.id, thread, part);
  if (refusal) return { ok: false, kind: refusal };
  if (sameModerator(input.actor, d)) return { ok: false, kind: "same_moderator" };

  const waiting = waitingRefusal(db, d.id, input.seenAppeal);
  if (waiting) return { ok: false, kind: waiting };
  const overturn = input.outcome === "overturn";
  if (overturn && (part.status !== leftIn(appealed) || (part.editedAt ?? 0) !== input.editedAt || superseded(db, d))) {
    return { ok: false, kind: "content_changed" };
  }
  return { ok: true, d, appealed };
}

/** A reversal: the content's new state, only while it is as the appealed decision left it
 *  (its status, its last edit, no later decision: the second of two writes nothing), then
 *  the counters. */
function reverseContent(db: Db, d: ContentDecision, appealed: Decision, input: DecideAppealInput, now: number) {
  const { thread, part } = d;
  const effect = reversalOf(appealed);
  const changes = setContentState(db, {
    part,
    to: effect,
    reason: input.reason,
    now,
    guard: (table) =>
      and(
        eq(table.id, part.id),
        sql`${table.status} = ${leftIn(appealed)}`,
        sql`coalesce(${table.editedAt}, 0) = ${input.editedAt}`,
        sql`NOT EXISTS (SELECT 1 FROM moderation_decisions m WHERE m.target_type = ${d.target} AND m.target_id = ${d.targetId}
            AND m.id > ${d.id} AND m.decision <> ${APPEAL_UPHELD})`,
      ),
  });
  if (changes !== 1) throw new AppealRefused("content_changed");
  countStateChange(db, thread, part, effect, now);
}

/** The reports waiting on the content, upheld by a removal on appeal. */
function upholdWaitingFlags(db: Db, d: ContentDecision, decisionId: number, now: number): DecidedFlag[] {
  return db
    .update(flags)
    .set({ status: "upheld", decisionId, decidedAt: now })
    .where(and(eq(flags.reviewId, d.thread.review.id), eq(flags.targetType, d.target), eq(flags.status, "pending")))
    .returning(decidedFlagColumns)
    .all();
}

/** The statements of reasons of the outcome, on the site and by mail: each appellant, then
 *  the content's authors, then its reporters, each person once. How many were told. */
function tellAppealOutcome(
  db: Db,
  args: {
    d: ContentDecision;
    appealed: Decision;
    effect: Decision;
    decided: DecidedAppeal[];
    upheld: DecidedFlag[];
    decisionId: number;
    input: DecideAppealInput;
    now: number;
  },
): number {
  const { d, input, now } = args;
  const { thread, part } = d;
  const answered = [...answeredFlags(db, d), ...args.upheld];
  const base = moderatorStatement(thread, {
    decisionId: args.decisionId,
    decision: args.effect,
    target: d.target,
    reason: input.reason,
    statement: input.statement,
    now,
    reportCount: answered.length,
  });
  const overturned = input.outcome === "overturn";
  const outcome = { outcome: overturned ? "overturned" : "upheld", appealedDecisionId: d.id, appealedAt: d.createdAt } as const;
  const side = appellantSide(args.appealed);
  const told = new Set<string>();
  let notified = 0;
  const appellants = appellantsOnce(args.decided);
  const emails = appellants.length
    ? db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inArray(
            users.id,
            appellants.map((a) => a.userId),
          ),
        )
        .all()
    : [];
  for (const a of appellants) {
    told.add(`u${a.userId}`);
    const email = emails.find((e) => e.id === a.userId)?.email;
    if (email) told.add(`e${email}`);
    const statement = { ...base, role: side, appeal: { ...outcome, yoursAt: a.yoursAt } };
    if (sendStatementToAccount(db, { userId: a.userId, input: statement, origin: input.origin, now })) notified++;
  }
  for (const userId of authorsOf(db, thread, part)) {
    if (told.has(`u${userId}`)) continue;
    told.add(`u${userId}`);
    const statement = { ...base, role: "author" as const, appeal: { ...outcome, yoursAt: null } };
    if (sendStatementToAccount(db, { userId, input: statement, origin: input.origin, now })) notified++;
  }
  for (const f of answered) {
    const key = reporterKey(f);
    if (told.has(key) || (f.reporterUserId != null && told.has(`u${f.reporterUserId}`))) continue;
    told.add(key);
    const statement = { ...base, role: "reporter" as const, appeal: { ...outcome, yoursAt: null } };
    if (sendStatementToReporter(db, f, { locale: thread.review.language, input: statement, origin: input.origin, now })) notified++;
  }
  return notified;
}

// ─── Figures for /transparency ────────────────────────────────────────────────
