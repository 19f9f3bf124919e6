// A company's members (company_members): its owners, who manage the company's side, and its
// agents, who answer reviews in its name. An owner of a verified company invites an agent by
// mail — a link that works once, for MEMBER_INVITATION_DAYS, and only for an account holding
// the invited address (the link proves that the mailbox is theirs) — withdraws an
// invitation, removes a member, and hands the ownership over to an agent (becoming an agent
// themself). Every change is a row of the company's log (company_events) written in the
// same transaction, and every one is checked here, whatever the page showed: the routes'
// guards (requireCompanyMember) say who may ask, these functions say what may be done.
import { and, asc, count, eq, gt, isNull, ne } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyMembers, memberInvitations, users } from "#db/schema";
import { formatDate, translate, type Locale } from "~/i18n";
import { linkOrigin } from "~/lib/origin.server";
import { MEMBER_INVITATION_DAYS, MEMBER_LIMITS } from "~/lib/member-form";
import { hashSecretToken, newSecretToken } from "~/lib/tokens.server";
import { logCompanyEvent } from "./company-claims.server";
import { queueMail, renderMail } from "./mail.server";
import type { MemberRole } from "./permissions.server";
import { hit } from "./rate-limit.server";

const DAY = 86_400_000;

export { MEMBER_INVITATION_DAYS };

// ─── Reading ──────────────────────────────────────────────────────────────────

export interface MemberView {
  userId: number;
  displayName: string;
  email: string;
  role: MemberRole;
  since: number;
}

export interface PendingInvitation {
  id: number;
  email: string;
  locale: Locale;
  invitedBy: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface MembersPage {
  members: MemberView[];
  invitations: PendingInvitation[];
}

/** The members (owners first, then by seniority) and the invitations still open. */
export function listMembers(companyId: number, now = Date.now(), db: Db = getDb()): MembersPage {
  const members = db
    .select({
      userId: companyMembers.userId,
      displayName: users.displayName,
      email: users.email,
      role: companyMembers.role,
      since: companyMembers.createdAt,
    })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(eq(companyMembers.companyId, companyId))
    .orderBy(asc(companyMembers.role), asc(companyMembers.createdAt), asc(companyMembers.userId))
    .all();
  const invitations = db
    .select({
      id: memberInvitations.id,
      email: memberInvitations.email,
      locale: memberInvitations.locale,
      invitedBy: users.displayName,
      createdAt: memberInvitations.createdAt,
      expiresAt: memberInvitations.expiresAt,
    })
    .from(memberInvitations)
    .leftJoin(users, eq(users.id, memberInvitations.invitedBy))
    .where(pendingFor(companyId, now))
    .orderBy(asc(memberInvitations.createdAt), asc(memberInvitations.id))
    .all();
  return { members, invitations };
}

const pendingFor = (companyId: number, now: number) =>
  and(eq(memberInvitations.companyId, companyId), eq(memberInvitations.status, "pending"), gt(memberInvitations.expiresAt, now));

function roleOf(db: Db, companyId: number, userId: number): MemberRole | null {
  return (
    db
      .select({ role: companyMembers.role })
      .from(companyMembers)
      .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
      .get()?.role ?? null
  );
}

function companyOf(db: Db, companyId: number) {
  return db
    .select({ id: companies.id, slug: companies.slug, name: companies.name, state: companies.state })
    .from(companies)
    .where(eq(companies.id, companyId))
    .get();
}

// ─── Inviting ─────────────────────────────────────────────────────────────────

export interface InviteInput {
  companyId: number;
  actorId: number;
  email: string;
  locale: Locale;
  origin?: string;
  now?: number;
}

export type InviteResult =
  | { ok: true; invitationId: number; expiresAt: number }
  | { ok: false; kind: "not_owner" | "not_verified" | "already_member" | "too_many_members" | "rate_limited" };

/** An owner invites `email` to answer for the company as an agent. A new invitation to the
 *  same address replaces the one still open (its link stops working). */
export function inviteMember(input: InviteInput, db: Db = getDb()): InviteResult {
  const now = input.now ?? Date.now();
  const email = input.email.trim().toLowerCase();
  return db.$client
    .transaction((): InviteResult => {
      const company = companyOf(db, input.companyId);
      if (!company || roleOf(db, input.companyId, input.actorId) !== "owner") return { ok: false, kind: "not_owner" };
      if (company.state !== "verified") return { ok: false, kind: "not_verified" };
      const already = db
        .select({ userId: companyMembers.userId })
        .from(companyMembers)
        .innerJoin(users, eq(users.id, companyMembers.userId))
        .where(and(eq(companyMembers.companyId, company.id), eq(users.email, email)))
        .get();
      if (already) return { ok: false, kind: "already_member" };
      const members = db.select({ n: count() }).from(companyMembers).where(eq(companyMembers.companyId, company.id)).get()?.n ?? 0;
      if (members >= MEMBER_LIMITS.maxMembers) return { ok: false, kind: "too_many_members" };
      if (!hit(`member-invite:company:${company.id}`, MEMBER_LIMITS.invitationsPerCompany, now, db).allowed) {
        return { ok: false, kind: "rate_limited" };
      }

      db.update(memberInvitations)
        .set({ status: "replaced", decidedAt: now })
        .where(
          and(eq(memberInvitations.companyId, company.id), eq(memberInvitations.email, email), eq(memberInvitations.status, "pending")),
        )
        .run();
      const token = newSecretToken();
      const expiresAt = now + MEMBER_INVITATION_DAYS * DAY;
      const row = db
        .insert(memberInvitations)
        .values({
          companyId: company.id,
          email,
          role: "agent",
          locale: input.locale,
          tokenHash: hashSecretToken(token),
          invitedBy: input.actorId,
          expiresAt,
          createdAt: now,
        })
        .returning({ id: memberInvitations.id })
        .get();
      logCompanyEvent(db, {
        companyId: company.id,
        actorId: input.actorId,
        kind: "member_invited",
        detail: { invitationId: row.id, email, role: "agent" },
        now,
      });
      const inviter = db.select({ name: users.displayName }).from(users).where(eq(users.id, input.actorId)).get();
      mailInvitation(db, {
        to: email,
        locale: input.locale,
        inviter: inviter?.name ?? "",
        company: company.name,
        token,
        expiresAt,
        origin: input.origin,
      });
      return { ok: true, invitationId: row.id, expiresAt };
    })
    .immediate();
}

export function invitationPath(token: string) {
  return `/brand/invitations/${token}`;
}

function mailInvitation(
  db: Db,
  m: { to: string; locale: Locale; inviter: string; company: string; token: string; expiresAt: number; origin?: string },
) {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(m.locale, key, vars);
  const vars = { inviter: m.inviter, company: m.company, date: formatDate(m.locale, m.expiresAt), days: MEMBER_INVITATION_DAYS };
  const mail = renderMail(m.locale, {
    subject: t("mail.members.subject", vars),
    blocks: [
      t("mail.members.body", vars),
      t("mail.members.role", vars),
      { action: t("mail.members.action"), url: `${linkOrigin(m.origin)}${invitationPath(m.token)}` },
      t("mail.members.expiry", vars),
      t("mail.members.ignore", vars),
    ],
  });
  queueMail(db, { to: m.to, template: "member_invitation", ...mail });
}

export type RevokeResult = { ok: true } | { ok: false; kind: "not_owner" | "not_found" };

/** An owner withdraws an invitation still open: its link stops working. */
export function revokeInvitation(input: { companyId: number; actorId: number; invitationId: number; now?: number }, db: Db = getDb()) {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): RevokeResult => {
      if (roleOf(db, input.companyId, input.actorId) !== "owner") return { ok: false, kind: "not_owner" };
      const revoked = db
        .update(memberInvitations)
        .set({ status: "revoked", decidedAt: now })
        .where(and(eq(memberInvitations.id, input.invitationId), pendingFor(input.companyId, now)))
        .returning({ email: memberInvitations.email })
        .get();
      if (!revoked) return { ok: false, kind: "not_found" };
      logCompanyEvent(db, {
        companyId: input.companyId,
        actorId: input.actorId,
        kind: "invitation_revoked",
        detail: { invitationId: input.invitationId, email: revoked.email },
        now,
      });
      return { ok: true };
    })
    .immediate();
}

// ─── Accepting ────────────────────────────────────────────────────────────────

export type InvitationState = "open" | "used" | "expired" | "withdrawn";

export interface InvitationView {
  id: number;
  state: InvitationState;
  company: { id: number; slug: string; name: string };
  invitedBy: string | null;
  /** The invited address, shown masked to anyone but its holder. */
  email: string;
  expiresAt: number;
}

function findInvitation(db: Db, token: string) {
  return db
    .select({
      id: memberInvitations.id,
      status: memberInvitations.status,
      email: memberInvitations.email,
      role: memberInvitations.role,
      expiresAt: memberInvitations.expiresAt,
      companyId: companies.id,
      companySlug: companies.slug,
      companyName: companies.name,
      companyState: companies.state,
      invitedBy: users.displayName,
    })
    .from(memberInvitations)
    .innerJoin(companies, eq(companies.id, memberInvitations.companyId))
    .leftJoin(users, eq(users.id, memberInvitations.invitedBy))
    .where(eq(memberInvitations.tokenHash, hashSecretToken(token)))
    .get();
}

function stateOf(row: { status: string; expiresAt: number }, now: number): InvitationState {
  if (row.status === "accepted") return "used";
  if (row.status !== "pending") return "withdrawn";
  return row.expiresAt <= now ? "expired" : "open";
}

/** `jean.dupont@example.fr` → `j•••@example.fr`: enough to know which address to sign in with. */
export function maskEmail(email: string) {
  const at = email.lastIndexOf("@");
  return at > 0 ? `${email[0]}•••${email.slice(at)}` : "•••";
}

/** The invitation of a link, as the page shows it to `viewerEmail` (null: not signed in). */
export function getInvitation(token: string, viewerEmail: string | null, now = Date.now(), db: Db = getDb()): InvitationView | null {
  const row = token.length > 0 && token.length <= 64 ? findInvitation(db, token) : undefined;
  if (!row) return null;
  return {
    id: row.id,
    state: stateOf(row, now),
    company: { id: row.companyId, slug: row.companySlug, name: row.companyName },
    invitedBy: row.invitedBy,
    email: viewerEmail === row.email ? row.email : maskEmail(row.email),
    expiresAt: row.expiresAt,
  };
}

export type AcceptResult =
  | { ok: true; companySlug: string }
  | { ok: false; kind: "not_found" | "used" | "expired" | "withdrawn" | "other_address" | "already_member" | "suspended" };

/** The signed-in user accepts the invitation of `token`: they join the company as an agent. */
export function acceptInvitation(input: { token: string; userId: number; now?: number }, db: Db = getDb()): AcceptResult {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): AcceptResult => {
      const row = input.token.length <= 64 ? findInvitation(db, input.token) : undefined;
      if (!row) return { ok: false, kind: "not_found" };
      const state = stateOf(row, now);
      if (state !== "open") return { ok: false, kind: state };
      const user = db
        .select({ email: users.email, suspendedAt: users.suspendedAt })
        .from(users)
        .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
        .get();
      if (!user) return { ok: false, kind: "not_found" };
      if (user.suspendedAt != null) return { ok: false, kind: "suspended" };
      if (user.email !== row.email) return { ok: false, kind: "other_address" };
      if (roleOf(db, row.companyId, input.userId)) return { ok: false, kind: "already_member" };
      const taken = db
        .update(memberInvitations)
        .set({ status: "accepted", acceptedBy: input.userId, decidedAt: now })
        .where(and(eq(memberInvitations.id, row.id), eq(memberInvitations.status, "pending")))
        .run().changes;
      if (taken !== 1) return { ok: false, kind: "used" };
      db.insert(companyMembers).values({ companyId: row.companyId, userId: input.userId, role: row.role, createdAt: now }).run();
      // The link came to this address: it is verified now, if it was not.
      db.update(users)
        .set({ emailVerifiedAt: now })
        .where(and(eq(users.id, input.userId), isNull(users.emailVerifiedAt)))
        .run();
      logCompanyEvent(db, {
        companyId: row.companyId,
        actorId: input.userId,
        kind: "member_added",
        detail: { userId: input.userId, role: row.role, invitationId: row.id },
        now,
      });
      return { ok: true, companySlug: row.companySlug };
    })
    .immediate();
}

// ─── Removing and handing over ────────────────────────────────────────────────

export type MemberChangeResult = { ok: true } | { ok: false; kind: "not_owner" | "not_member" | "yourself" | "not_agent" };

/** An owner removes another member: from the next request on, they cannot answer for the
 *  company. An owner does not remove themself (they hand the ownership over first). */
export function removeMember(input: { companyId: number; actorId: number; userId: number; now?: number }, db: Db = getDb()) {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): MemberChangeResult => {
      if (roleOf(db, input.companyId, input.actorId) !== "owner") return { ok: false, kind: "not_owner" };
      if (input.userId === input.actorId) return { ok: false, kind: "yourself" };
      const removed = db
        .delete(companyMembers)
        .where(and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, input.userId)))
        .returning({ role: companyMembers.role })
        .get();
      if (!removed) return { ok: false, kind: "not_member" };
      logCompanyEvent(db, {
        companyId: input.companyId,
        actorId: input.actorId,
        kind: "member_removed",
        detail: { userId: input.userId, role: removed.role, why: "removed_by_owner" },
        now,
      });
      return { ok: true };
    })
    .immediate();
}

/** An owner hands the ownership over to an agent: the agent becomes an owner, and the
 *  owner an agent (another owner stays an owner). */
export function transferOwnership(input: { companyId: number; actorId: number; userId: number; now?: number }, db: Db = getDb()) {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): MemberChangeResult => {
      if (roleOf(db, input.companyId, input.actorId) !== "owner") return { ok: false, kind: "not_owner" };
      if (input.userId === input.actorId) return { ok: false, kind: "yourself" };
      const role = roleOf(db, input.companyId, input.userId);
      if (!role) return { ok: false, kind: "not_member" };
      if (role !== "agent") return { ok: false, kind: "not_agent" };
      const member = (userId: number) => and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, userId));
      db.update(companyMembers).set({ role: "owner" }).where(member(input.userId)).run();
      db.update(companyMembers)
        .set({ role: "agent" })
        .where(and(member(input.actorId), ne(companyMembers.userId, input.userId)))
        .run();
      logCompanyEvent(db, {
        companyId: input.companyId,
        actorId: input.actorId,
        kind: "ownership_transferred",
        detail: { from: input.actorId, to: input.userId },
        now,
      });
      return { ok: true };
    })
    .immediate();
}
