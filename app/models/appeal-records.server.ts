// The rows of the appeals table as both kinds of appeal write and read them: the appeals
// against content decisions (app/models/appeals.server.ts) and those against the decisions
// of the other queues (app/models/decision-appeals.server.ts). Each module keeps its own
// rules (who may appeal, what a reversal does) and its own transaction; these are the steps
// they share, called inside it in the order each module writes them.
import { and, eq, gt, inArray, lte, ne } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { appeals, moderationDecisions, users } from "#db/schema";
import { APPEAL_UPHELD, appealDeadline, appealWindowOpen, type AppealOutcome } from "~/lib/appeal-form";
import type { ModerationActor } from "./moderation.server";

type LogTarget = (typeof moderationDecisions.$inferInsert)["targetType"];

// ─── The right to appeal ──────────────────────────────────────────────────────

/** The appeal a person made against a decision, as the statement's page shows it. */
export interface OwnAppeal {
  id: number;
  status: "pending" | "upheld" | "overturned";
  createdAt: number;
  decidedAt: number | null;
  outcomeDecisionId: number | null;
}

function ownAppeal(db: Db, decisionId: number, userId: number): OwnAppeal | null {
  return (
    db
      .select({
        id: appeals.id,
        status: appeals.status,
        createdAt: appeals.createdAt,
        decidedAt: appeals.decidedAt,
        outcomeDecisionId: appeals.outcomeDecisionId,
      })
      .from(appeals)
      .where(and(eq(appeals.decisionId, decisionId), eq(appeals.appellantUserId, userId)))
      .get() ?? null
  );
}

/** A later decision on the same target than `d`, other than an appeal's confirmation
 *  (APPEAL_UPHELD): it replaced `d`, which can no longer be appealed nor reversed. */
export function replacedLater(db: Db, d: { id: number; targetType: LogTarget; targetId: number }): boolean {
  return (
    db
      .select({ id: moderationDecisions.id })
      .from(moderationDecisions)
      .where(
        and(
          eq(moderationDecisions.targetType, d.targetType),
          eq(moderationDecisions.targetId, d.targetId),
          gt(moderationDecisions.id, d.id),
          ne(moderationDecisions.decision, APPEAL_UPHELD),
        ),
      )
      .get() != null
  );
}

type FramedKind = "appealed" | "closed" | "open";

/** The right to appeal as every kind of decision frames it (`Right`, its kinds): the appeal
 *  this person already made first, then the refusals of the decision's kind (`check`: one,
 *  or what an open right says besides its deadline), then the window of APPEAL_WINDOW_DAYS. */
export function rightToAppeal<Right extends { kind: string }>(
  db: Db,
  d: { id: number; createdAt: number },
  viewerId: number,
  now: number,
  check: () => Exclude<Right, { kind: FramedKind }> | { open: Omit<Extract<Right, { kind: "open" }>, "kind" | "deadline"> },
):
  | Exclude<Right, { kind: FramedKind }>
  | { kind: "appealed"; appeal: OwnAppeal }
  | { kind: "closed"; deadline: number }
  | ({ kind: "open"; deadline: number } & Omit<Extract<Right, { kind: "open" }>, "kind" | "deadline">) {
  const mine = ownAppeal(db, d.id, viewerId);
  if (mine) return { kind: "appealed", appeal: mine };
  const checked = check();
  if (!("open" in checked)) return checked;
  const deadline = appealDeadline(d.createdAt);
  if (!appealWindowOpen(d.createdAt, now)) return { kind: "closed", deadline };
  return { kind: "open", deadline, ...checked.open };
}

// ─── Filing ───────────────────────────────────────────────────────────────────

/** What filing an appeal takes: who appeals which decision, and their explanation. */
export interface AppealFiling<Viewer extends ModerationActor = ModerationActor> {
  viewer: Viewer;
  decisionId: number;
  explanation: string;
  origin?: string;
  now?: number;
}

/** The appeal filed, or why not (`Refusal`: what the right to appeal says). */
export type AppealFiled<Refusal extends string> = { ok: true; appealId: number } | { ok: false; kind: Refusal | "not_found" };

/** Files an appeal against the decision `load` finds, in one transaction (BEGIN IMMEDIATE):
 *  refused unless `right` says it is open to this appellant; then the appeal's row and the
 *  receipt `sendReceipt` sends. */
export function fileAppealWith<Decided extends { id: number }, Refusal extends string>(
  db: Db,
  input: AppealFiling,
  rule: {
    load: () => Decided | null;
    right: (d: Decided, now: number) => { kind: "open" | "appealed" | Refusal };
    sendReceipt: (d: Decided, now: number) => void;
  },
): AppealFiled<Refusal | "already_appealed"> {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): AppealFiled<Refusal | "already_appealed"> => {
      const d = rule.load();
      if (!d) return { ok: false, kind: "not_found" };
      const { kind } = rule.right(d, now);
      if (kind === "appealed") return { ok: false, kind: "already_appealed" };
      if (kind !== "open") return { ok: false, kind };
      const appealId = insertAppeal(db, { decisionId: d.id, appellantUserId: input.viewer.id, body: input.explanation, now });
      if (appealId == null) return { ok: false, kind: "already_appealed" };
      rule.sendReceipt(d, now);
      return { ok: true, appealId };
    })
    .immediate();
}

/** Records an appeal; null when this person already appealed this decision (the unique index). */
function insertAppeal(db: Db, v: { decisionId: number; appellantUserId: number; body: string; now: number }): number | null {
  const row = db
    .insert(appeals)
    .values({ decisionId: v.decisionId, appellantUserId: v.appellantUserId, body: v.body, status: "pending", createdAt: v.now })
    .onConflictDoNothing()
    .returning({ id: appeals.id })
    .get();
  return row?.id ?? null;
}

// ─── Deciding ─────────────────────────────────────────────────────────────────

/** The outcome of the appeals on one decision, recorded, or why not: the refusals of its
 *  kind of decision (`Refusal`), or those of any appeal. */
export type AppealsDecided<Refusal extends string> =
  | { ok: true; decisionId: number; appeals: number; notified: number }
  | { ok: false; kind: Refusal | "not_found" | "not_moderator" | "already_decided" | "new_appeal" | "content_changed" };

/** Whether `actor` may not decide an appeal on decision `d` because they took it (an admin may). */
export function sameModerator(actor: ModerationActor, d: { actorId: number | null }) {
  return actor.role !== "admin" && d.actorId != null && d.actorId === actor.id;
}

/** The name of the moderator who took a decision (null for an automated one). */
export function actorNameOf(db: Db, actorId: number | null): string | null {
  if (actorId == null) return null;
  return db.select({ n: users.displayName }).from(users).where(eq(users.id, actorId)).get()?.n ?? null;
}

/** Why the appeals on a decision cannot be decided as the moderator saw them: none waits
 *  any more, or one came after the case was opened (`seenAppeal`, the newest they saw). */
export function waitingRefusal(db: Db, decisionId: number, seenAppeal: number): "already_decided" | "new_appeal" | null {
  const waiting = db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.decisionId, decisionId), eq(appeals.status, "pending")))
    .all();
  if (waiting.length === 0) return "already_decided";
  return waiting.some((a) => a.id > seenAppeal) ? "new_appeal" : null;
}

/** Thrown inside the deciding transaction to roll back what was written before a late refusal. */
export class AppealRefused extends Error {
  constructor(readonly kind: "already_decided" | "content_changed") {
    super(kind);
  }
}

/** Runs the steps of a decision on appeal in one synchronous transaction (BEGIN IMMEDIATE);
 *  a late refusal (AppealRefused) rolls back what was written before it and is returned. */
export function inDecidingTransaction<R>(db: Db, steps: () => R): R | { ok: false; kind: AppealRefused["kind"] } {
  try {
    return db.$client.transaction(steps).immediate();
  } catch (error) {
    if (error instanceof AppealRefused) return { ok: false, kind: error.kind };
    throw error;
  }
}

export interface DecidedAppeal {
  id: number;
  appellantUserId: number | null;
  createdAt: number;
}

/** The appeals' outcome: a conditional UPDATE of their pending status, up to the newest the
 *  moderator saw, so that the second of two moderators deciding at once writes nothing (it
 *  throws AppealRefused, which rolls the transaction back). */
export function decidePendingAppeals(
  db: Db,
  v: { decisionId: number; seenAppeal: number; outcome: AppealOutcome; actorId: number; now: number },
): DecidedAppeal[] {
  const decided = db
    .update(appeals)
    .set({ status: v.outcome === "overturn" ? "overturned" : "upheld", decidedBy: v.actorId, decidedAt: v.now })
    .where(and(eq(appeals.decisionId, v.decisionId), eq(appeals.status, "pending"), lte(appeals.id, v.seenAppeal)))
    .returning({ id: appeals.id, appellantUserId: appeals.appellantUserId, createdAt: appeals.createdAt })
    .all();
  if (decided.length === 0) throw new AppealRefused("already_decided");
  return decided;
}

/** The outcome's row of the append-only log (the appealed decision's row stays as it was),
 *  and the appeals it answers point at it. */
export function logAppealOutcome(
  db: Db,
  v: {
    actorId: number;
    targetType: LogTarget;
    targetId: number;
    decision: string;
    reason: string;
    statement: string;
    now: number;
    answers: DecidedAppeal[];
  },
) {
  const logged = db
    .insert(moderationDecisions)
    .values({
      actorId: v.actorId,
      automated: false,
      targetType: v.targetType,
      targetId: v.targetId,
      decision: v.decision,
      reason: v.reason,
      statement: v.statement,
      createdAt: v.now,
    })
    .returning({
      id: moderationDecisions.id,
      reason: moderationDecisions.reason,
      statement: moderationDecisions.statement,
      createdAt: moderationDecisions.createdAt,
    })
    .get();
  db.update(appeals)
    .set({ outcomeDecisionId: logged.id })
    .where(
      inArray(
        appeals.id,
        v.answers.map((a) => a.id),
      ),
    )
    .run();
  return logged;
}

/** Who is told the outcome as an appellant: each person once, with the date of their appeal. */
export function appellantsOnce(decided: DecidedAppeal[]): { userId: number; yoursAt: number }[] {
  const out = new Map<number, number>();
  for (const a of decided) if (a.appellantUserId != null && !out.has(a.appellantUserId)) out.set(a.appellantUserId, a.createdAt);
  return [...out].map(([userId, yoursAt]) => ({ userId, yoursAt }));
}
