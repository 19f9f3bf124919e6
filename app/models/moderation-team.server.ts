// The moderation team (/moderation/team): an admin grants or revokes the moderator role by
// email address. Each change is one transaction: a conditional UPDATE of the user's role
// (it applies only from the role the admin saw: two admins at once, the second is told)
// and one row of the append-only moderation log (target "user", decision
// grant_moderator / revoke_moderator, the admin as actor, their note as the statement);
// the user is told on the site and by mail. Admins' own roles are not changed here.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { moderationDecisions, users } from "#db/schema";
import type { LoggedDecision } from "~/lib/decision-log";
import { latestLoggedDecisions } from "./decision-log.server";
import { notify } from "./notifications.server";

/** How role changes are written in the log; /transparency leaves them out (not moderation). */
export const STAFF_ROLE_DECISIONS = ["grant_moderator", "revoke_moderator"] as const;
export type StaffRoleDecision = (typeof STAFF_ROLE_DECISIONS)[number];
/** The reason column of those rows. */
export const STAFF_ROLE_REASON = "staff_role";

export interface TeamMember {
  id: number;
  email: string;
  displayName: string;
  role: "moderator" | "admin";
}

export interface TeamLogEntry extends LoggedDecision<StaffRoleDecision> {
  userEmail: string;
  userName: string;
}

export function listTeam(db: Db = getDb()): TeamMember[] {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ["moderator", "admin"]), isNull(users.deletedAt)))
    .orderBy(users.role, users.displayName, users.id)
    .all()
    .flatMap((u) => (u.role === "member" ? [] : [{ ...u, role: u.role }]));
}

/** The latest role changes, newest first. */
export function listTeamLog(limit = 50, db: Db = getDb()): TeamLogEntry[] {
  const rows = latestLoggedDecisions(db, "user", STAFF_ROLE_DECISIONS, limit);
  const ids = [...new Set(rows.map((r) => r.targetId))];
  const people = new Map(
    (ids.length
      ? db.select({ id: users.id, email: users.email, name: users.displayName }).from(users).where(inArray(users.id, ids)).all()
      : []
    ).map((u) => [u.id, u]),
  );
  return rows.map(({ targetId, ...entry }) => ({
    ...entry,
    userEmail: people.get(targetId)?.email ?? "",
    userName: people.get(targetId)?.name ?? "",
  }));
}

export interface RoleChangeInput {
  actor: { id: number; role: "member" | "moderator" | "admin" };
  email: string;
  intent: "grant" | "revoke";
  statement: string;
  origin?: string;
  now?: number;
}

export type RoleChangeResult =
  | { ok: true; decisionId: number; userId: number }
  | { ok: false; kind: "not_admin" | "no_such_user" | "is_admin" | "already_moderator" | "not_moderator" | "suspended" };

export function changeModeratorRole(input: RoleChangeInput, db: Db = getDb()): RoleChangeResult {
  if (input.actor.role !== "admin") return { ok: false, kind: "not_admin" };
  const now = input.now ?? Date.now();
  const email = input.email.trim().toLowerCase();
  return db.$client
    .transaction((): RoleChangeResult => {
      const user = db
        .select({ id: users.id, role: users.role, suspendedAt: users.suspendedAt })
        .from(users)
        .where(and(eq(users.email, email), isNull(users.deletedAt)))
        .get();
      if (!user) return { ok: false, kind: "no_such_user" };
      if (user.role === "admin") return { ok: false, kind: "is_admin" };
      const grant = input.intent === "grant";
      if (grant && user.role === "moderator") return { ok: false, kind: "already_moderator" };
      if (!grant && user.role !== "moderator") return { ok: false, kind: "not_moderator" };
      if (grant && user.suspendedAt != null) return { ok: false, kind: "suspended" };
      const from = grant ? "member" : "moderator";
      const changes = db
        .update(users)
        .set({ role: grant ? "moderator" : "member" })
        .where(and(eq(users.id, user.id), eq(users.role, from)))
        .run().changes;
      if (changes !== 1) return { ok: false, kind: grant ? "already_moderator" : "not_moderator" };
      const decision: StaffRoleDecision = grant ? "grant_moderator" : "revoke_moderator";
      const logged = db
        .insert(moderationDecisions)
        .values({
          actorId: input.actor.id,
          automated: false,
          targetType: "user",
          targetId: user.id,
          decision,
          reason: STAFF_ROLE_REASON,
          statement: input.statement,
          createdAt: now,
        })
        .returning({ id: moderationDecisions.id })
        .get();
      notify(db, {
        userId: user.id,
        kind: grant ? "staff_role_granted" : "staff_role_revoked",
        data: { statement: input.statement },
        link: grant ? "/moderation" : null,
        origin: input.origin,
        now,
      });
      return { ok: true, decisionId: logged.id, userId: user.id };
    })
    .immediate();
}
