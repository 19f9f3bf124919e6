// The life of a flag after it is filed (the rules and their numbers: app/lib/flag-policy.ts,
// shown on /transparency):
//   - who may flag now: a reporter whose flagging is suspended is refused, and so is one
//     past the daily limit of their account or of their company;
//   - the deadline of each flag (the queue is ordered by it);
//   - the hold of a review flagged as manifestly illegal by a trusted path;
//   - the notice to the review's author (at most one per review per day) and the side the
//     author sends back to the moderators within the published window;
//   - abusive flagging (DSA art. 23): after a decision dismissed flags, each reporter's
//     figures over the published period; past the threshold a warning, then, if dismissed
//     flags go on, a suspension. Both are rows of the append-only moderation log (no actor:
//     automated) with the reason "abusive_flagging", and notices on the site and by mail.
//     The figures count each flag as finally decided: when an appeal reverses a decision,
//     its flags take the appeal's outcome (settleAppealedFlags), the reporters are weighed
//     again, and a warning or suspension that the final outcomes no longer found is
//     withdrawn or lifted — rows of the log too, never an edit of the earlier ones.
// Every function that writes runs inside the caller's transaction (flagContent, decide).
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyMembers, flagResponses, flags, moderationDecisions, reviews, users } from "#db/schema";
import { formatDate, formatNumber, translate, type Locale, type MessageKey } from "~/i18n";
import {
  FLAG_ABUSE_PERIOD_MS,
  FLAG_DECISION_MS,
  FLAG_HOLD_CHECK,
  FLAG_HOLD_MIN_ACCOUNT_AGE_MS,
  FLAG_HOLD_MIN_REPORTERS,
  FLAG_NOTICE_INTERVAL_MS,
  FLAG_RESPONSE_MS,
  FLAG_RESPONSES_PER_WINDOW,
  FLAG_SUSPENSION_MS,
  FLAGS_PER_DAY_PER_ACCOUNT,
  FLAGS_PER_DAY_PER_COMPANY,
  MANIFESTLY_ILLEGAL_DECISION_MS,
  overAbuseThreshold,
} from "~/lib/flag-policy";
import { isManifestlyIllegal, MANIFESTLY_ILLEGAL_REASONS, reasonLabel } from "~/lib/moderation-reasons";
import { notify, type NotificationKind } from "./notifications.server";
import { countReview } from "./stats.server";

const DAY = 86_400_000;

/** The decisions of the log this module writes. */
export const FLAGGING_WARNING = "flagging_warning";
export const FLAGGING_SUSPENDED = "flagging_suspended";
/** A warning or a suspension ended early: an appeal's outcome took its ground away. */
export const FLAGGING_WARNING_WITHDRAWN = "flagging_warning_withdrawn";
export const FLAGGING_SUSPENSION_LIFTED = "flagging_suspension_lifted";
const SANCTION_DECISIONS = [FLAGGING_WARNING, FLAGGING_SUSPENDED, FLAGGING_WARNING_WITHDRAWN, FLAGGING_SUSPENSION_LIFTED];
export const FLAG_HOLD = "hold";

/** When a flag filed at `at` for `reason` must be decided by. */
export function flagDeadline(reason: string, at: number): number {
  return at + (isManifestlyIllegal(reason) ? MANIFESTLY_ILLEGAL_DECISION_MS : FLAG_DECISION_MS);
}

/** A flag's deadline in SQL (rows written before deadlines were stored: the general delay). */
export const flagDeadlineSql = sql<number>`coalesce(${flags.deadlineAt}, ${flags.createdAt} + ${FLAG_DECISION_MS})`;

// ─── Reporters ───────────────────────────────────────────────────────────────

export type Reporter = { kind: "user"; id: number } | { kind: "company"; id: number };

export interface ReporterFigures {
  /** Flags decided in the published period, and how. */
  decided: number;
  upheld: number;
  dismissed: number;
}

export interface ReporterStanding {
  figures: ReporterFigures;
  /** The last warning in the period. */
  warnedAt: number | null;
  /** The end of the suspension in force, if any. */
  suspendedUntil: number | null;
  /** The end of the last suspension in the period (in force or over). */
  lastSuspensionEnd: number | null;
}

const reporterColumn = (r: Reporter) => (r.kind === "user" ? flags.reporterUserId : flags.reporterCompanyId);

export function reporterFigures(db: Db, reporter: Reporter, now: number): ReporterFigures {
  const row = db
    .select({
      upheld: sql<number>`coalesce(sum(${flags.status} = 'upheld'), 0)`.mapWith(Number),
      dismissed: sql<number>`coalesce(sum(${flags.status} = 'dismissed'), 0)`.mapWith(Number),
    })
    .from(flags)
    .where(
      and(
        eq(reporterColumn(reporter), reporter.id),
        inArray(flags.status, ["upheld", "dismissed"]),
        gt(flags.decidedAt, now - FLAG_ABUSE_PERIOD_MS),
        sql`${flags.decidedAt} <= ${now}`,
      ),
    )
    .get();
  const upheld = row?.upheld ?? 0;
  const dismissed = row?.dismissed ?? 0;
  return { decided: upheld + dismissed, upheld, dismissed };
}

function sanctions(db: Db, reporter: Reporter, now: number) {
  return db
    .select({ decision: moderationDecisions.decision, createdAt: moderationDecisions.createdAt })
    .from(moderationDecisions)
    .where(
      and(
        eq(moderationDecisions.targetType, reporter.kind),
        eq(moderationDecisions.targetId, reporter.id),
        inArray(moderationDecisions.decision, SANCTION_DECISIONS),
        gt(moderationDecisions.createdAt, now - FLAG_ABUSE_PERIOD_MS - FLAG_SUSPENSION_MS),
        sql`${moderationDecisions.createdAt} <= ${now}`,
      ),
    )
    .orderBy(desc(moderationDecisions.createdAt), desc(moderationDecisions.id))
    .all();
}

/** A reporter's figures and the sanctions in force, from the flags and the log: the last
 *  warning of the period unless withdrawn since, the last suspension unless lifted since
 *  (it then ended when it was lifted). */
export function reporterStanding(db: Db, reporter: Reporter, now = Date.now()): ReporterStanding {
  const rows = sanctions(db, reporter, now);
  const warning = rows.find((r) => r.decision === FLAGGING_WARNING || r.decision === FLAGGING_WARNING_WITHDRAWN);
  const warnedAt = warning?.decision === FLAGGING_WARNING && warning.createdAt > now - FLAG_ABUSE_PERIOD_MS ? warning.createdAt : null;
  const suspension = rows.find((r) => r.decision === FLAGGING_SUSPENDED || r.decision === FLAGGING_SUSPENSION_LIFTED);
  const lifted = suspension?.decision === FLAGGING_SUSPENSION_LIFTED;
  const end = suspension ? (lifted ? suspension.createdAt : suspension.createdAt + FLAG_SUSPENSION_MS) : null;
  return {
    figures: reporterFigures(db, reporter, now),
    warnedAt,
    suspendedUntil: !lifted && end != null && end > now ? end : null,
    lastSuspensionEnd: end,
  };
}

export type FlaggingRefusal = { kind: "suspended"; until: number } | { kind: "rate_limited" };

/** Why this account (flagging, for a company member, in the company's name) may not flag
 *  now, or null. Reads only; inside flagContent's transaction. */
export function flaggingRefusal(db: Db, who: { userId: number; companyId: number | null }, now: number): FlaggingRefusal | null {
  const own = reporterStanding(db, { kind: "user", id: who.userId }, now).suspendedUntil;
  let until = own;
  if (who.companyId != null) {
    const company = reporterStanding(db, { kind: "company", id: who.companyId }, now).suspendedUntil;
    // A suspension a moderator set on the company row counts as well.
    const set = db.select({ until: companies.flaggingSuspendedUntil }).from(companies).where(eq(companies.id, who.companyId)).get()?.until;
    for (const u of [company, set != null && set > now ? set : null]) if (u != null && (until == null || u > until)) until = u;
  }
  if (until != null) return { kind: "suspended", until };
  const since = now - DAY;
  const mine = db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(flags)
    .where(and(eq(flags.reporterUserId, who.userId), gt(flags.createdAt, since)))
    .get();
  if ((mine?.n ?? 0) >= FLAGS_PER_DAY_PER_ACCOUNT) return { kind: "rate_limited" };
  if (who.companyId != null) {
    const theirs = db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(flags)
      .where(and(eq(flags.reporterCompanyId, who.companyId), gt(flags.createdAt, since)))
      .get();
    if ((theirs?.n ?? 0) >= FLAGS_PER_DAY_PER_COMPANY) return { kind: "rate_limited" };
  }
  return null;
}

// ─── After a flag is filed ───────────────────────────────────────────────────

export interface FiledFlag {
  flagId: number;
  reviewId: number;
  target: "review" | "reply" | "follow_up";
  reason: string;
  reporter: { userId: number | null; role: "member" | "moderator" | "admin" | null; companyMember: boolean };
  origin?: string;
  now: number;
}

interface ReviewFacts {
  id: number;
  status: string;
  authorId: number | null;
  companyId: number;
  subjectId: number;
  origin: "organic" | "invited" | "verified";
  stars: number;
  recommend: boolean | null;
  publishedAt: number | null;
  resolvedAt: number | null;
  title: string;
  language: Locale;
  companyName: string;
  replyPublishedAt: number | null;
}

function reviewFacts(db: Db, reviewId: number): ReviewFacts | undefined {
  return db.get<ReviewFacts>(sql`
    SELECT r.id, r.status, r.author_id AS authorId, r.company_id AS companyId, r.subject_id AS subjectId, r.origin,
           r.stars, CASE WHEN r.recommend IS NULL THEN NULL ELSE r.recommend = 1 END AS recommend,
           r.published_at AS publishedAt, r.resolved_at AS resolvedAt, r.title, r.language, c.name AS companyName,
           (SELECT p.published_at FROM replies p WHERE p.review_id = r.id AND p.status = 'published') AS replyPublishedAt
    FROM reviews r JOIN companies c ON c.id = r.company_id WHERE r.id = ${reviewId}`);
}

/**
 * Whether the review is to be held at once (the published rule, see flag-policy.ts): a
 * manifestly illegal reason, flagged so by a moderator, or by FLAG_HOLD_MIN_REPORTERS
 * independent accounts — each with a verified address, older than the minimum age, not a
 * member of the reviewed company, not warned nor suspended for abusive flagging.
 */
export function holdsAtOnce(db: Db, flag: FiledFlag, review: { companyId: number }): boolean {
  if (flag.target !== "review" || !isManifestlyIllegal(flag.reason)) return false;
  if (flag.reporter.companyMember) return false;
  if (flag.reporter.role === "moderator" || flag.reporter.role === "admin") return true;
  const candidates = db
    .selectDistinct({ userId: flags.reporterUserId })
    .from(flags)
    .innerJoin(users, eq(users.id, flags.reporterUserId))
    .where(
      and(
        eq(flags.reviewId, flag.reviewId),
        eq(flags.targetType, "review"),
        eq(flags.status, "pending"),
        eq(flags.reporterType, "consumer"),
        sql`${users.emailVerifiedAt} IS NOT NULL`,
        sql`${users.suspendedAt} IS NULL`,
        sql`${users.createdAt} <= ${flag.now - FLAG_HOLD_MIN_ACCOUNT_AGE_MS}`,
        sql`NOT EXISTS (SELECT 1 FROM company_members m WHERE m.company_id = ${review.companyId} AND m.user_id = ${flags.reporterUserId})`,
        inArray(flags.reason, [...MANIFESTLY_ILLEGAL_REASONS]),
      ),
    )
    .all();
  let independent = 0;
  for (const c of candidates) {
    if (c.userId == null) continue;
    const standing = reporterStanding(db, { kind: "user", id: c.userId }, flag.now);
    if (standing.warnedAt == null && standing.suspendedUntil == null) independent++;
  }
  return independent >= FLAG_HOLD_MIN_REPORTERS;
}

/** What follows a new flag, inside flagContent's transaction: the hold (rule above), or
 *  the notice to the author of a flagged review (at most one per review per interval). */
export function afterFlag(db: Db, flag: FiledFlag): { held: boolean; noticed: boolean } {
  if (flag.target !== "review") return { held: false, noticed: false };
  const review = reviewFacts(db, flag.reviewId);
  if (!review || review.status !== "published") return { held: false, noticed: false };
  if (holdsAtOnce(db, flag, review)) {
    holdReview(db, review, flag);
    return { held: true, noticed: review.authorId != null };
  }
  return { held: false, noticed: noticeAuthor(db, review, flag) };
}

function liveAuthor(db: Db, authorId: number | null) {
  if (authorId == null) return null;
  return (
    db
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, authorId), sql`${users.deletedAt} IS NULL`))
      .get() ?? null
  );
}

function noticeAuthor(db: Db, review: ReviewFacts, flag: FiledFlag): boolean {
  const author = liveAuthor(db, review.authorId);
  if (!author) return false;
  const recent = db.get<{ id: number }>(sql`
    SELECT id FROM notifications WHERE user_id = ${author.id} AND kind IN ('flag_received', 'flag_hold')
      AND json_extract(data, '$.reviewId') = ${review.id} AND created_at > ${flag.now - FLAG_NOTICE_INTERVAL_MS}
    LIMIT 1`);
  if (recent) return false;
  tellAuthorOfFlag(db, author.id, "flag_received", review, flag);
  return true;
}

/** The author's notification of a flag on their review (received, or the review held),
 *  with the time they have to answer it. */
function tellAuthorOfFlag(db: Db, authorId: number, kind: "flag_received" | "flag_hold", review: ReviewFacts, flag: FiledFlag) {
  notify(db, {
    userId: authorId,
    kind,
    data: {
      reviewId: review.id,
      reviewTitle: review.title,
      companyName: review.companyName,
      reason: flag.reason,
      until: flag.now + FLAG_RESPONSE_MS,
    },
    link: `/reviews/${review.id}/respond`,
    origin: flag.origin,
    now: flag.now,
  });
}

/** Holds a published review on a manifestly illegal flag: out of the public pages and the
 *  counters, an automatic "hold" in the log, the author told. */
function holdReview(db: Db, review: ReviewFacts, flag: FiledFlag) {
  const changed = db
    .update(reviews)
    .set({ status: "held", heldCheck: FLAG_HOLD_CHECK, heldAt: flag.now })
    .where(and(eq(reviews.id, review.id), eq(reviews.status, "published")))
    .run().changes;
  if (changed !== 1 || review.publishedAt == null) return;
  countReview(
    db,
    {
      companyId: review.companyId,
      subjectId: review.subjectId,
      authorId: review.authorId,
      origin: review.origin,
      stars: review.stars,
      recommend: review.recommend == null ? null : Boolean(review.recommend),
      publishedAt: review.publishedAt,
      replyPublishedAt: review.replyPublishedAt,
      resolvedAt: review.resolvedAt,
    },
    -1,
  );
  const locale = review.language;
  db.insert(moderationDecisions)
    .values({
      actorId: null,
      automated: true,
      targetType: "review",
      targetId: review.id,
      decision: FLAG_HOLD,
      reason: flag.reason,
      statement: translate(locale, "flags.hold.statement", {
        reason: reasonLabel(flag.reason, locale),
        hours: MANIFESTLY_ILLEGAL_DECISION_MS / 3_600_000,
      }),
      createdAt: flag.now,
    })
    .run();
  const author = liveAuthor(db, review.authorId);
  if (author) tellAuthorOfFlag(db, author.id, "flag_hold", review, flag);
}

// ─── The author's side ───────────────────────────────────────────────────────

export interface ResponseWindow {
  /** Open until then (the newest open flag on the review + the published window), or null. */
  openUntil: number | null;
  /** Answers already sent in this window, and how many more may be. */
  sent: number;
  left: number;
}

/** The window in which the author may answer the flags on their review. */
export function responseWindow(reviewId: number, now = Date.now(), db: Db = getDb()): ResponseWindow {
  const newest = db
    .select({ at: sql<number | null>`max(${flags.createdAt})` })
    .from(flags)
    .where(
      and(eq(flags.reviewId, reviewId), eq(flags.targetType, "review"), eq(flags.status, "pending"), sql`${flags.createdAt} <= ${now}`),
    )
    .get()?.at;
  const openUntil = newest != null && newest + FLAG_RESPONSE_MS > now ? newest + FLAG_RESPONSE_MS : null;
  if (openUntil == null) return { openUntil: null, sent: 0, left: 0 };
  const sent =
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(flagResponses)
      .where(and(eq(flagResponses.reviewId, reviewId), gt(flagResponses.createdAt, newest! - 1), sql`${flagResponses.createdAt} <= ${now}`))
      .get()?.n ?? 0;
  return { openUntil, sent, left: Math.max(0, FLAG_RESPONSES_PER_WINDOW - sent) };
}

export type RespondResult = { ok: true; responseId: number } | { ok: false; kind: "not_found" | "forbidden" | "closed" | "too_many" };

/** Whose review it is and whether it can be answered: the author's, published or held. */
export function respondable(userId: number, reviewId: number, db: Db = getDb()): "ok" | "not_found" | "forbidden" {
  const review = db.select({ authorId: reviews.authorId, status: reviews.status }).from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!review || (review.status !== "published" && review.status !== "held")) return "not_found";
  return review.authorId === userId ? "ok" : "forbidden";
}

/** The author sends the moderators their side of a flagged review (one transaction). */
export function submitFlagResponse(args: { userId: number; reviewId: number; body: string; now?: number }): RespondResult {
  const db = getDb();
  const now = args.now ?? Date.now();
  return db.$client
    .transaction((): RespondResult => {
      const who = respondable(args.userId, args.reviewId, db);
      if (who !== "ok") return { ok: false, kind: who };
      const window = responseWindow(args.reviewId, now, db);
      if (window.openUntil == null) return { ok: false, kind: "closed" };
      if (window.left <= 0) return { ok: false, kind: "too_many" };
      const row = db
        .insert(flagResponses)
        .values({ reviewId: args.reviewId, authorId: args.userId, body: args.body, createdAt: now })
        .returning({ id: flagResponses.id })
        .get();
      return { ok: true, responseId: row.id };
    })
    .immediate();
}

export interface FlagResponseView {
  id: number;
  body: string;
  createdAt: number;
}

/** Everything the author sent about the flags on a review, oldest first (the case page). */
export function listFlagResponses(reviewId: number, db: Db = getDb()): FlagResponseView[] {
  return db
    .select({ id: flagResponses.id, body: flagResponses.body, createdAt: flagResponses.createdAt })
    .from(flagResponses)
    .where(eq(flagResponses.reviewId, reviewId))
    .orderBy(asc(flagResponses.createdAt), asc(flagResponses.id))
    .all();
}

// ─── Abusive flagging ────────────────────────────────────────────────────────

export type AbuseStep = {
  reporter: Reporter;
  step: "warned" | "suspended" | "warning_withdrawn" | "suspension_lifted";
  decisionId: number;
};

/**
 * After a decision decided flags (`decisionId`), each of their reporters — the account,
 * and the company for flags filed in its name — is weighed against the published
 * threshold: over it and not warned in the period, a warning; over it, warned, and a flag
 * filed after the warning (and after the last suspension) dismissed since, a suspension.
 * Inside the decision's transaction.
 */
export function weighReporters(db: Db, args: { decisionId: number; now: number; origin?: string }): AbuseStep[] {
  const rows = db
    .selectDistinct({ userId: flags.reporterUserId, companyId: flags.reporterCompanyId })
    .from(flags)
    .where(and(eq(flags.decisionId, args.decisionId), eq(flags.status, "dismissed")))
    .all();
  const reporters = new Map<string, Reporter>();
  for (const r of rows) {
    if (r.userId != null) reporters.set(`u${r.userId}`, { kind: "user", id: r.userId });
    if (r.companyId != null) reporters.set(`c${r.companyId}`, { kind: "company", id: r.companyId });
  }
  const steps: AbuseStep[] = [];
  for (const reporter of reporters.values()) {
    const step = weighReporter(db, reporter, args.now, args.origin);
    if (step) steps.push(step);
  }
  return steps;
}

function weighReporter(db: Db, reporter: Reporter, now: number, origin?: string): AbuseStep | null {
  const standing = reporterStanding(db, reporter, now);
  const { figures } = standing;
  if (!overAbuseThreshold(figures.decided, figures.dismissed) || standing.suspendedUntil != null) return null;
  if (standing.warnedAt == null) {
    return { reporter, step: "warned", decisionId: sanction(db, reporter, "warned", figures, now, origin) };
  }
  const since = Math.max(standing.warnedAt, standing.lastSuspensionEnd ?? 0);
  if (!dismissedSince(db, reporter, since, now)) return null;
  return { reporter, step: "suspended", decisionId: sanction(db, reporter, "suspended", figures, now, origin) };
}

/** Who is told of a sanction: the account, or every member of the company. */
function recipients(db: Db, reporter: Reporter) {
  if (reporter.kind === "user") {
    return db
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, reporter.id), sql`${users.deletedAt} IS NULL`))
      .all();
  }
  return db
    .select({ id: users.id, locale: users.locale })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(and(eq(companyMembers.companyId, reporter.id), sql`${users.deletedAt} IS NULL`))
    .orderBy(asc(users.id))
    .all();
}

type SanctionStep = AbuseStep["step"];

const SANCTION: Record<SanctionStep, { decision: string; statement: MessageKey; notice: NotificationKind }> = {
  warned: { decision: FLAGGING_WARNING, statement: "flags.abuse.warnStatement", notice: "flagging_warning" },
  suspended: { decision: FLAGGING_SUSPENDED, statement: "flags.abuse.suspendStatement", notice: "flagging_suspended" },
  warning_withdrawn: {
    decision: FLAGGING_WARNING_WITHDRAWN,
    statement: "flags.abuse.withdrawStatement",
    notice: "flagging_warning_withdrawn",
  },
  suspension_lifted: { decision: FLAGGING_SUSPENSION_LIFTED, statement: "flags.abuse.liftStatement", notice: "flagging_suspension_lifted" },
};

/** One step of the abuse rule: its row of the log (automated), the company's row for a
 *  company (`ended`: the warning's time or the suspension's end being taken back), and the
 *  notices. Returns the decision's id. */
function sanction(
  db: Db,
  reporter: Reporter,
  step: SanctionStep,
  figures: ReporterFigures,
  now: number,
  origin?: string,
  ended?: number,
): number {
  const until = now + FLAG_SUSPENSION_MS;
  const people = recipients(db, reporter);
  const locale: Locale = people[0]?.locale ?? "fr";
  const share = figures.decided > 0 ? Math.round((figures.dismissed / figures.decided) * 100) : 0;
  const vars = {
    dismissed: figures.dismissed,
    decided: figures.decided,
    share,
    days: FLAG_ABUSE_PERIOD_MS / DAY,
    until: formatDate(locale, until),
  };
  const statement = translate(locale, SANCTION[step].statement, {
    ...vars,
    share: formatNumber(locale, share),
  });
  const decision = db
    .insert(moderationDecisions)
    .values({
      actorId: null,
      automated: true,
      targetType: reporter.kind,
      targetId: reporter.id,
      decision: SANCTION[step].decision,
      reason: "abusive_flagging",
      statement,
      createdAt: now,
    })
    .returning({ id: moderationDecisions.id })
    .get();
  if (reporter.kind === "company") {
    if (step === "warned") db.update(companies).set({ flagWarningAt: now }).where(eq(companies.id, reporter.id)).run();
    else if (step === "suspended") db.update(companies).set({ flaggingSuspendedUntil: until }).where(eq(companies.id, reporter.id)).run();
    // Taken back only as the rule set it (a suspension a moderator set otherwise stays).
    else if (step === "warning_withdrawn" && ended != null) {
      db.update(companies)
        .set({ flagWarningAt: null })
        .where(and(eq(companies.id, reporter.id), eq(companies.flagWarningAt, ended)))
        .run();
    } else if (step === "suspension_lifted" && ended != null) {
      db.update(companies)
        .set({ flaggingSuspendedUntil: null })
        .where(and(eq(companies.id, reporter.id), eq(companies.flaggingSuspendedUntil, ended)))
        .run();
    }
  }
  for (const person of people) {
    notify(db, {
      userId: person.id,
      kind: SANCTION[step].notice,
      data: {
        reason: "abusive_flagging",
        dismissed: figures.dismissed,
        decided: figures.decided,
        share,
        until: step === "warned" || step === "suspended" ? until : undefined,
        forCompany: reporter.kind === "company",
      },
      link: "/transparency#flags",
      origin,
      now,
    });
  }
  return decision.id;
}

// ─── After an appeal ─────────────────────────────────────────────────────────

/** Whether the figures at `at` (each flag as finally decided) cross the threshold. */
function overAt(db: Db, reporter: Reporter, at: number): boolean {
  const f = reporterFigures(db, reporter, at);
  return overAbuseThreshold(f.decided, f.dismissed);
}

/** A flag of the reporter filed after `since`, dismissed (as finally decided) by `at`:
 *  what a suspension needs besides the warning. */
function dismissedSince(db: Db, reporter: Reporter, since: number, at: number): boolean {
  return (
    db
      .select({ id: flags.id })
      .from(flags)
      .where(
        and(
          eq(reporterColumn(reporter), reporter.id),
          eq(flags.status, "dismissed"),
          gt(flags.createdAt, since),
          sql`${flags.decidedAt} <= ${at}`,
        ),
      )
      .limit(1)
      .get() != null
  );
}

/**
 * The sanctions in force that the final outcomes no longer found: a warning whose figures,
 * recounted as of its date, are under the threshold is withdrawn; a suspension whose
 * warning goes, or whose figures or dismissed flag after the warning are gone, is lifted.
 */
function liftUnfounded(db: Db, reporter: Reporter, now: number, origin?: string): AbuseStep[] {
  const standing = reporterStanding(db, reporter, now);
  const warningGone = standing.warnedAt != null && !overAt(db, reporter, standing.warnedAt);
  const suspendedAt = standing.suspendedUntil != null ? standing.suspendedUntil - FLAG_SUSPENSION_MS : null;
  const suspensionGone =
    suspendedAt != null &&
    (warningGone || !overAt(db, reporter, suspendedAt) || !dismissedSince(db, reporter, standing.warnedAt ?? 0, suspendedAt));
  const steps: AbuseStep[] = [];
  const figures = standing.figures;
  if (suspensionGone) {
    steps.push({
      reporter,
      step: "suspension_lifted",
      decisionId: sanction(db, reporter, "suspension_lifted", figures, now, origin, standing.suspendedUntil!),
    });
  }
  if (warningGone) {
    steps.push({
      reporter,
      step: "warning_withdrawn",
      decisionId: sanction(db, reporter, "warning_withdrawn", figures, now, origin, standing.warnedAt!),
    });
  }
  return steps;
}

/**
 * When an appeal reverses decision `appealed` (its new effect: `remove` or `restore`), the
 * flags that decision settled take the appeal's outcome — dismissed by a keep, they were
 * upheld after all; upheld by a removal that is undone, they were not — so every count
 * over flags (the abuse rule, the company scorecard, /transparency) reads the final
 * outcome. Each of their reporters is then weighed again: sanctions that no longer hold
 * are withdrawn or lifted, and new ones follow the published rule as after any decision.
 * Inside the appeal's transaction; the flags keep the decision and the time they were
 * first decided at.
 */
export function settleAppealedFlags(
  db: Db,
  args: { appealed: number; effect: "remove" | "restore"; now: number; origin?: string },
): AbuseStep[] {
  const to = args.effect === "remove" ? "upheld" : "dismissed";
  const changed = db
    .update(flags)
    .set({ status: to })
    .where(and(eq(flags.decisionId, args.appealed), eq(flags.status, to === "upheld" ? "dismissed" : "upheld")))
    .returning({ userId: flags.reporterUserId, companyId: flags.reporterCompanyId })
    .all();
  const reporters = new Map<string, Reporter>();
  for (const r of changed) {
    if (r.userId != null) reporters.set(`u${r.userId}`, { kind: "user", id: r.userId });
    if (r.companyId != null) reporters.set(`c${r.companyId}`, { kind: "company", id: r.companyId });
  }
  const steps: AbuseStep[] = [];
  for (const reporter of reporters.values()) {
    steps.push(...liftUnfounded(db, reporter, args.now, args.origin));
    const step = weighReporter(db, reporter, args.now, args.origin);
    if (step) steps.push(step);
  }
  return steps;
}
