// Sessions after Lucia's design (lucia-auth.com, "Sessions"): the cookie holds an opaque
// token `id.secret`; the table keeps the id and only the SHA-256 of the secret, compared
// in constant time. Members: 30 days, sliding, refreshed at most once an hour.
// Moderators and admins: 12 hours at most from log-in, and 30 minutes without activity.
// Every function takes `now` so that tests can drive a fake clock.
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, desc, eq, ne } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { sessions, users, type ROLES } from "#db/schema";
import { isSecureRequest, readCookie } from "~/lib/cookies.server";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const SESSION_POLICY = {
  member: { lifetime: 30 * DAY, refreshEvery: HOUR },
  privileged: { absolute: 12 * HOUR, idle: 30 * MINUTE, touchEvery: MINUTE },
} as const;

type Role = (typeof ROLES)[number];
export const isPrivileged = (role: Role) => role === "moderator" || role === "admin";

export type SessionUser = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  locale: "fr" | "en";
  emailVerifiedAt: number | null;
  suspendedAt: number | null;
};

export type Session = {
  id: string;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
};

export type ValidatedSession = {
  session: Session;
  user: SessionUser;
  /** True when this validation extended the session: the cookie must be sent again. */
  fresh: boolean;
};

/** 20 random bytes (160 bits) in lower-case base32: 32 characters. */
function randomPart() {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** A new session for the user; the only place the raw token exists is the return value. */
export function createSession(
  userId: number,
  options: { ip?: string | null; userAgent?: string | null; now?: number } = {},
  db: Db = getDb(),
): { token: string; session: Session } {
  const now = options.now ?? Date.now();
  const user = db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new Error(`createSession: no user ${userId}`);
  const id = randomPart();
  const secret = randomPart();
  const expiresAt = now + (isPrivileged(user.role) ? SESSION_POLICY.privileged.absolute : SESSION_POLICY.member.lifetime);
  db.insert(sessions)
    .values({
      id,
      secretHash: Buffer.from(hashSecret(secret)),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: options.ip ? options.ip.slice(0, 64) : null,
      userAgent: options.userAgent ? options.userAgent.slice(0, 300) : null,
    })
    .run();
  return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastSeenAt: now, expiresAt } };
}

/** Checks a token from a cookie. Returns null (and deletes the row) when the session is
 *  unknown, forged, expired, idle too long, or its user is deleted. Extends it when due. */
export function validateSessionToken(token: string, now = Date.now(), db: Db = getDb()): ValidatedSession | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts;
  if (!/^[a-z2-7]{20,64}$/.test(id) || !/^[a-z2-7]{20,64}$/.test(secret)) return null;

  const row = db
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      suspendedAt: users.suspendedAt,
      deletedAt: users.deletedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;

  const session: Session = {
    id: row.id,
    userId: row.userId,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
  };
  // A LiteFS replica reads a read-only copy (app/lib/litefs.server.ts): there a session is
  // checked but never written (no touch, no deletion); the primary does both on its requests.
  const writable = !db.$client.readonly;
  const end = () => {
    if (writable) deleteSession(id, db);
    return null;
  };
  if (row.deletedAt != null) return end();
  if (now >= session.expiresAt) return end();

  let fresh = false;
  if (isPrivileged(row.role)) {
    const { absolute, idle, touchEvery } = SESSION_POLICY.privileged;
    // The role may have changed since log-in: the privileged limits apply from now on.
    if (now >= session.createdAt + absolute) return end();
    if (now - session.lastSeenAt >= idle) return end();
    const expiresAt = Math.min(session.expiresAt, session.createdAt + absolute);
    if (writable && (now - session.lastSeenAt >= touchEvery || expiresAt !== session.expiresAt)) {
      fresh = expiresAt !== session.expiresAt;
      session.lastSeenAt = now;
      session.expiresAt = expiresAt;
      db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id)).run();
    }
  } else if (writable && now - session.lastSeenAt >= SESSION_POLICY.member.refreshEvery) {
    session.lastSeenAt = now;
    session.expiresAt = now + SESSION_POLICY.member.lifetime;
    db.update(sessions).set({ lastSeenAt: now, expiresAt: session.expiresAt }).where(eq(sessions.id, id)).run();
    fresh = true;
  }

  return {
    session,
    user: {
      id: row.userId,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      locale: row.locale,
      emailVerifiedAt: row.emailVerifiedAt,
      suspendedAt: row.suspendedAt,
    },
    fresh,
  };
}

export function deleteSession(sessionId: string, db: Db = getDb()) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends one session of a user (the account page's "sign out this session"). */
export function deleteUserSession(userId: number, sessionId: string, db: Db = getDb()) {
  return (
    db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
      .run().changes > 0
  );
}

/** Ends every session of a user, or every one but `exceptId`. */
export function deleteUserSessions(userId: number, options: { exceptId?: string } = {}, db: Db = getDb()) {
  const where = options.exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, options.exceptId)) : eq(sessions.userId, userId);
  return db.delete(sessions).where(where).run().changes;
}

/** The user's sessions still alive at `now`, newest activity first (never the hashes). */
export function listUserSessions(userId: number, now = Date.now(), db: Db = getDb()) {
  const user = db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get();
  const rows = db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
  const privileged = user ? isPrivileged(user.role) : false;
  return rows.filter((s) => {
    if (now >= s.expiresAt) return false;
    if (!privileged) return true;
    return now < s.createdAt + SESSION_POLICY.privileged.absolute && now - s.lastSeenAt < SESSION_POLICY.privileged.idle;
  });
}

// ─── The cookie ──────────────────────────────────────────────────────────────

/** Secure and `__Host-` when the site is served over HTTPS (`isSecureRequest`): the
 *  browser then requires Secure, Path=/ and no Domain. */
export function sessionCookieName(secure = false) {
  return secure ? "__Host-replique_session" : "replique_session";
}

export function serializeSessionCookie(token: string, expiresAt: number, now: number, secure: boolean) {
  const maxAge = Math.max(0, Math.round((expiresAt - now) / 1000));
  return [
    `${sessionCookieName(secure)}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${maxAge}`,
    `Expires=${new Date(expiresAt).toUTCString()}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearSessionCookie(secure: boolean) {
  return [
    `${sessionCookieName(secure)}=`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    "Max-Age=0",
    "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The Set-Cookie headers of this request's site: a new session, or none. */
export function sessionCookies(request: Request) {
  const secure = isSecureRequest(request);
  return {
    set: (token: string, expiresAt: number, now = Date.now()) => serializeSessionCookie(token, expiresAt, now, secure),
    clear: () => clearSessionCookie(secure),
  };
}

export function readSessionToken(request: Request): string | null {
  const value = readCookie(request, sessionCookieName(isSecureRequest(request)));
  return value && value.length < 200 ? value : null;
}
