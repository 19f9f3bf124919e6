// Public warnings on a company page (SPEC: Moderator), and the company page's count of
// reviews removed in the last 12 months.
//
// A moderator sets a warning from /moderation/companies/:slug with a reason from the
// published WARNING_REASONS, a statement, and an expiry (90 days by default). Setting it is
// one transaction (BEGIN IMMEDIATE): the row of the append-only moderation log (target
// "company", decision "warn"), the warning, and a notice with the statement to every
// member of the company (on the site and by mail). It is shown above the reviews and in
// the JSON API from its date until it expires; lifting it early is a decision too
// ("lift_warning", logged, members told), a conditional UPDATE on its still being shown:
// of two moderators lifting it at once, the second is told and nothing is written twice.
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyMembers, companyWarnings, moderationDecisions, reviews } from "#db/schema";
import type { Locale } from "~/i18n";
import type { WarningReason } from "~/lib/moderation-reasons";
import type { PublicWarning } from "~/lib/warning-form";
import type { ModerationActor } from "./moderation.server";
import { notify } from "./notifications.server";

const YEAR_MS = 365 * 86_400_000;

export interface WarningView extends PublicWarning {
  liftedAt: number | null;
  decisionId: number;
  liftDecisionId: number | null;
}

export type WarningState = "active" | "expired" | "lifted";

export function warningState(w: Pick<WarningView, "liftedAt" | "expiresAt" | "startsAt">, now = Date.now()): WarningState {
  if (w.liftedAt != null) return "lifted";
  return w.expiresAt > now ? "active" : "expired";
}

const columns = {
  id: companyWarnings.id,
  reason: companyWarnings.reason,
  statement: companyWarnings.statement,
  language: companyWarnings.language,
  startsAt: companyWarnings.startsAt,
  expiresAt: companyWarnings.expiresAt,
  liftedAt: companyWarnings.liftedAt,
  decisionId: companyWarnings.decisionId,
  liftDecisionId: companyWarnings.liftDecisionId,
};

const shownAt = (now: number) =>
  and(isNull(companyWarnings.liftedAt), gt(companyWarnings.expiresAt, now), sql`${companyWarnings.startsAt} <= ${now}`);

/** The warnings shown on the company page now, newest first. */
export function getActiveWarnings(companyId: number, now = Date.now(), db: Db = getDb()): WarningView[] {
  return db
    .select(columns)
    .from(companyWarnings)
    .where(and(eq(companyWarnings.companyId, companyId), shownAt(now)))
    .orderBy(desc(companyWarnings.startsAt), desc(companyWarnings.id))
    .all();
}

/** Every warning of a company, newest first (the moderators' view). */
export function listCompanyWarnings(companyId: number, db: Db = getDb()): WarningView[] {
  return db
    .select(columns)
    .from(companyWarnings)
    .where(eq(companyWarnings.companyId, companyId))
    .orderBy(desc(companyWarnings.startsAt), desc(companyWarnings.id))
    .all();
}

const isStaff = (actor: ModerationActor) => actor.role === "moderator" || actor.role === "admin";

function isMember(db: Db, companyId: number, userId: number) {
  return (
    db
      .select({ userId: companyMembers.userId })
      .from(companyMembers)
      .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
      .get() != null
  );
}

function tellMembers(
  db: Db,
  companyId: number,
  kind: "company_warning" | "company_warning_lifted",
  data: { reason: string; statement: string; expiresAt?: number },
  origin: string | undefined,
  now: number,
) {
  const company = db.select({ name: companies.name, slug: companies.slug }).from(companies).where(eq(companies.id, companyId)).get();
  if (!company) return 0;
  const members = db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(eq(companyMembers.companyId, companyId))
    .orderBy(asc(companyMembers.userId))
    .all();
  for (const m of members) {
    notify(db, { userId: m.userId, kind, data: { companyName: company.name, ...data }, link: `/companies/${company.slug}`, origin, now });
  }
  return members.length;
}

/** A moderator's warning on a company, or its lifting, in the moderation log: its row id. */
function logWarningDecision(
  db: Db,
  entry: { actorId: number; companyId: number; decision: "warn" | "lift_warning"; reason: string; statement: string; now: number },
) {
  return db
    .insert(moderationDecisions)
    .values({
      actorId: entry.actorId,
      automated: false,
      targetType: "company",
      targetId: entry.companyId,
      decision: entry.decision,
      reason: entry.reason,
      statement: entry.statement,
      createdAt: entry.now,
    })
    .returning({ id: moderationDecisions.id })
    .get();
}

export interface SetWarningInput {
  actor: ModerationActor;
  companyId: number;
  reason: WarningReason;
  statement: string;
  language: Locale;
  expiresAt: number;
  origin?: string;
  now?: number;
}

export type SetWarningResult =
  | { ok: true; warningId: number; decisionId: number; notified: number }
  | { ok: false; kind: "not_moderator" | "not_found" | "company_member" | "already_warned" | "expiry" };

export function setWarning(input: SetWarningInput, db: Db = getDb()): SetWarningResult {
  const now = input.now ?? Date.now();
  if (!isStaff(input.actor)) return { ok: false, kind: "not_moderator" };
  if (!(input.expiresAt > now)) return { ok: false, kind: "expiry" };
  return db.$client
    .transaction((): SetWarningResult => {
      const company = db.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId)).get();
      if (!company) return { ok: false, kind: "not_found" };
      // Nobody decides on their own company.
      if (isMember(db, company.id, input.actor.id)) return { ok: false, kind: "company_member" };
      const same = db
        .select({ id: companyWarnings.id })
        .from(companyWarnings)
        .where(and(eq(companyWarnings.companyId, company.id), eq(companyWarnings.reason, input.reason), shownAt(now)))
        .get();
      if (same) return { ok: false, kind: "already_warned" };
      const decision = logWarningDecision(db, {
        actorId: input.actor.id,
        companyId: company.id,
        decision: "warn",
        reason: input.reason,
        statement: input.statement,
        now,
      });
      const warning = db
        .insert(companyWarnings)
        .values({
          companyId: company.id,
          reason: input.reason,
          statement: input.statement,
          language: input.language,
          startsAt: now,
          expiresAt: input.expiresAt,
          createdBy: input.actor.id,
          decisionId: decision.id,
          createdAt: now,
        })
        .returning({ id: companyWarnings.id })
        .get();
      const notified = tellMembers(
        db,
        company.id,
        "company_warning",
        { reason: input.reason, statement: input.statement, expiresAt: input.expiresAt },
        input.origin,
        now,
      );
      return { ok: true, warningId: warning.id, decisionId: decision.id, notified };
    })
    .immediate();
}

export interface LiftWarningInput {
  actor: ModerationActor;
  companyId: number;
  warningId: number;
  statement: string;
  origin?: string;
  now?: number;
}

export type LiftWarningResult =
  { ok: true; decisionId: number; notified: number } | { ok: false; kind: "not_moderator" | "not_found" | "company_member" | "not_active" };

export function liftWarning(input: LiftWarningInput, db: Db = getDb()): LiftWarningResult {
  const now = input.now ?? Date.now();
  if (!isStaff(input.actor)) return { ok: false, kind: "not_moderator" };
  return db.$client
    .transaction((): LiftWarningResult => {
      const warning = db
        .select({ ...columns, companyId: companyWarnings.companyId })
        .from(companyWarnings)
        .where(and(eq(companyWarnings.id, input.warningId), eq(companyWarnings.companyId, input.companyId)))
        .get();
      if (!warning) return { ok: false, kind: "not_found" };
      if (isMember(db, warning.companyId, input.actor.id)) return { ok: false, kind: "company_member" };
      if (warningState(warning, now) !== "active") return { ok: false, kind: "not_active" };
      const decision = logWarningDecision(db, {
        actorId: input.actor.id,
        companyId: warning.companyId,
        decision: "lift_warning",
        reason: warning.reason,
        statement: input.statement,
        now,
      });
      const changes = db
        .update(companyWarnings)
        .set({ liftedAt: now, liftedBy: input.actor.id, liftDecisionId: decision.id })
        .where(and(eq(companyWarnings.id, warning.id), shownAt(now)))
        .run().changes;
      // Serialised by BEGIN IMMEDIATE, so this holds; if it did not, nothing is written.
      if (changes !== 1) throw new Error(`warning ${warning.id} changed during its lifting`);
      const notified = tellMembers(
        db,
        warning.companyId,
        "company_warning_lifted",
        { reason: warning.reason, statement: input.statement },
        input.origin,
        now,
      );
      return { ok: true, decisionId: decision.id, notified };
    })
    .immediate();
}

// ─── Removed reviews, for the company page ────────────────────────────────────

export interface RemovedCount {
  reason: string;
  count: number;
}

/**
 * The company's reviews removed in the last 12 months, by reason, from the moderation log:
 * reviews removed today whose last removal decision ("remove", by a moderator or on appeal)
 * is at most a year old, counted under that decision's reason. A review restored since is
 * not removed any more; a review refused before publication was never shown, and is not
 * counted. Newest reasons by count first.
 */
export function getRemovedCounts(companyId: number, now = Date.now(), db: Db = getDb()): RemovedCount[] {
  const last = db
    .select({
      reviewId: moderationDecisions.targetId,
      lastRemoval: sql<number>`max(${moderationDecisions.id})`.as("last_removal"),
    })
    .from(moderationDecisions)
    .innerJoin(reviews, eq(reviews.id, moderationDecisions.targetId))
    .where(
      and(
        eq(moderationDecisions.targetType, "review"),
        eq(moderationDecisions.decision, "remove"),
        eq(reviews.companyId, companyId),
        // Spelled out, not bound: the partial index of removed reviews (reviews_company_removed_idx)
        // serves only a query that names its condition; otherwise every review is read.
        sql`${reviews.status} = 'removed'`,
      ),
    )
    .groupBy(moderationDecisions.targetId)
    .as("last");
  return db
    .select({ reason: moderationDecisions.reason, count: sql<number>`count(*)`.mapWith(Number) })
    .from(last)
    .innerJoin(moderationDecisions, eq(moderationDecisions.id, last.lastRemoval))
    .where(sql`${moderationDecisions.createdAt} >= ${now - YEAR_MS} AND ${moderationDecisions.createdAt} <= ${now}`)
    .groupBy(moderationDecisions.reason)
    .orderBy(desc(sql`count(*)`), asc(moderationDecisions.reason))
    .all();
}
