// Accounts: sign-up, log-in, email verification, password reset, password and email
// change. Routes parse the forms with the schemas of app/lib/account-forms.ts (those
// that choose a password, with the `*ActionSchema`s below) and call these functions.
// No enumeration: for log-in, sign-up and reset, a known and an unknown email take the
// same path as far as the visitor can tell (same answer, one argon2 operation each).
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { emailTokens, users } from "#db/schema";
import type { Locale, MessageKey } from "~/i18n";
import { changePasswordSchema, newPasswordField, resetSchema, signupSchema } from "~/lib/account-forms";
import { passwordLengthProblem } from "~/lib/account-limits";
import { isBreachedPassword } from "~/lib/breached-passwords.server";
import { hashPassword, verifyPassword } from "./password.server";
import { queueAccountMail } from "./mail.server";
import { hashSecretToken, newSecretToken } from "~/lib/tokens.server";
import { hit, keyPart, LIMITS, release, resetLimit } from "./rate-limit.server";
import { createSession, deleteUserSessions, HOUR, type Session } from "./session.server";

// ─── Passwords ───────────────────────────────────────────────────────────────

export { hashPassword, verifyPassword } from "./password.server";

/** The password policy: the length rule of the forms (app/lib/account-forms.ts, also run
 *  in the browser) and, here only, the list of common breached passwords. */
export function passwordProblem(password: string): MessageKey | null {
  const problem = passwordLengthProblem(password);
  if (problem) return problem;
  if (isBreachedPassword(password)) return "validation.passwordBreached";
  return null;
}

// A hash to verify against when the email is unknown, so that both cases cost one argon2.
// Made when the module loads: made on the first unknown email, it would cost that request
// a second argon2 and tell it apart.
const dummyHash = hashPassword(encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16))));
function getDummyHash() {
  return dummyHash;
}

// ─── The schemas the actions parse ───────────────────────────────────────────

// The forms' own schemas (app/lib/account-forms.ts) with the full password policy: the
// breached list stays on the server, the rest is the same in the browser.
const checkedNewPassword = newPasswordField(passwordProblem);
export const signupActionSchema = signupSchema.extend({ password: checkedNewPassword });
export const resetActionSchema = resetSchema.extend({ password: checkedNewPassword });
export const changePasswordActionSchema = changePasswordSchema.extend({ newPassword: checkedNewPassword });

// ─── Single-use tokens sent by mail ──────────────────────────────────────────

type TokenPurpose = "verify_email" | "reset_password" | "change_email";

export const TOKEN_TTL: Record<TokenPurpose, number> = {
  verify_email: 24 * HOUR,
  reset_password: HOUR,
  change_email: 24 * HOUR,
};

/** The handle or the `tx` of a `db.transaction(...)`: the helpers below only use drizzle's
 *  query builders, which both offer with the same types. (Functions of other modules that take a
 *  `Db` are given `db` inside a transaction: drizzle runs a better-sqlite3 transaction on
 *  the handle's one connection, so what `db` does there commits or rolls back with `tx`.) */
type Queries = Pick<Db, "select" | "insert" | "delete">;

/** A new token for `purpose`; any earlier unused one of the same purpose stops working. */
function issueToken(db: Queries, userId: number, purpose: TokenPurpose, now: number, newEmail?: string) {
  db.delete(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)))
    .run();
  const token = newSecretToken();
  db.insert(emailTokens)
    .values({
      userId,
      purpose,
      tokenHash: hashSecretToken(token),
      newEmail: newEmail ?? null,
      expiresAt: now + TOKEN_TTL[purpose],
      createdAt: now,
    })
    .run();
  return token;
}

/** The live token row (unused, unexpired, of one of `purposes`), or undefined. */
function findToken(db: Queries, token: string, purposes: TokenPurpose[], now: number) {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return undefined;
  return db
    .select()
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, hashSecretToken(token)),
        inArray(emailTokens.purpose, purposes),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .get();
}

export function isLiveToken(token: string, purposes: TokenPurpose[], now = Date.now(), db: Db = getDb()) {
  return findToken(db, token, purposes, now) !== undefined;
}

// ─── Queries ─────────────────────────────────────────────────────────────────

function findUserByEmail(db: Queries, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

export type RequestContext = {
  ip: string;
  userAgent?: string | null;
  /** Origin for the links in mails, e.g. https://replique.example */
  origin: string;
  locale: Locale;
  now?: number;
};

type Limited = { ok: false; reason: "rate_limited"; retryAfter: number };

// ─── Sign-up ─────────────────────────────────────────────────────────────────

/** Creates the account and mails a verification link; for an email that already has an
 *  account, mails its owner instead. The caller answers the same way in every case. */
export async function signUp(
  input: { email: string; displayName: string; password: string; honeypot?: string },
  ctx: RequestContext,
  db: Db = getDb(),
): Promise<{ ok: true } | Limited> {
  const now = ctx.now ?? Date.now();
  const ipLimit = hit(`signup:ip:${keyPart(ctx.ip)}`, LIMITS.signupPerIp, now, db);
  if (!ipLimit.allowed) return { ok: false, reason: "rate_limited", retryAfter: ipLimit.retryAfter };

  // Every branch pays for one hash.
  const passwordHash = await hashPassword(input.password);
  if (input.honeypot) return { ok: true };

  const email = input.email.trim().toLowerCase();
  const existing = findUserByEmail(db, email);
  if (existing) {
    const mails = hit(`signup:exists:${keyPart(email)}`, LIMITS.resetMailsPerEmail, now, db);
    if (mails.allowed && existing.deletedAt == null) {
      queueAccountMail(db, existing.email, existing.locale, {
        template: "account_exists",
        name: existing.displayName,
        loginUrl: `${ctx.origin}/login`,
        resetUrl: `${ctx.origin}/forgot-password`,
      });
    }
    return { ok: true };
  }

  try {
    db.transaction((tx) => {
      const user = tx
        .insert(users)
        .values({ email, displayName: input.displayName, passwordHash, locale: ctx.locale, createdAt: now })
        .returning({ id: users.id })
        .get();
      const token = issueToken(tx, user.id, "verify_email", now);
      queueAccountMail(tx, email, ctx.locale, {
        template: "verify_email",
        name: input.displayName,
        url: `${ctx.origin}/verify-email?token=${token}`,
      });
    });
  } catch (error) {
    // Two sign-ups with one address at once: the other one won; answer as usual.
    if (!(error instanceof Error && /UNIQUE/.test(error.message))) throw error;
  }
  return { ok: true };
}

/** Sends a fresh verification link to a signed-in user whose address is not confirmed. */
export function resendVerification(userId: number, ctx: RequestContext, db: Db = getDb()): { ok: true } | Limited {
  const now = ctx.now ?? Date.now();
  const limit = hit(`verify:resend:${userId}`, LIMITS.changeEmailPerUser, now, db);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfter: limit.retryAfter };
  db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user || user.emailVerifiedAt != null) return;
    const token = issueToken(tx, user.id, "verify_email", now);
    queueAccountMail(tx, user.email, user.locale, {
      template: "verify_email",
      name: user.displayName,
      url: `${ctx.origin}/verify-email?token=${token}`,
    });
  });
  return { ok: true };
}

/** Confirms an address from a mailed link: a new account's (`verify_email`) or a new
 *  address for an existing account (`change_email`). The token works once. */
export function confirmEmailToken(
  token: string,
  now = Date.now(),
  db: Db = getDb(),
): { ok: true; purpose: "verify_email" | "change_email"; userId: number; suspended: boolean } | { ok: false } {
  return db.transaction((tx) => {
    const row = findToken(tx, token, ["verify_email", "change_email"], now);
    if (!row) return { ok: false as const };
    tx.update(emailTokens).set({ usedAt: now }).where(eq(emailTokens.id, row.id)).run();
    const user = tx.select().from(users).where(eq(users.id, row.userId)).get();
    if (!user || user.deletedAt != null) return { ok: false as const };
    if (row.purpose === "change_email") {
      const newEmail = row.newEmail?.toLowerCase();
      if (!newEmail) return { ok: false as const };
      const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, newEmail)).get();
      if (taken && taken.id !== user.id) return { ok: false as const };
      tx.update(users).set({ email: newEmail, emailVerifiedAt: now }).where(eq(users.id, user.id)).run();
      return { ok: true as const, purpose: "change_email" as const, userId: user.id, suspended: user.suspendedAt != null };
    }
    if (user.emailVerifiedAt == null) {
      tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, user.id)).run();
    }
    return { ok: true as const, purpose: "verify_email" as const, userId: user.id, suspended: user.suspendedAt != null };
  });
}

// ─── Log-in ──────────────────────────────────────────────────────────────────

export type LoginResult =
  { ok: true; userId: number; token: string; session: Session } | { ok: false; reason: "invalid" | "suspended" } | Limited;

/** Checks the password (one argon2 verify whether or not the email exists), counts
 *  failures per email and per IP, and opens a new session on success. */
export async function logIn(
  input: { email: string; password: string },
  ctx: Omit<RequestContext, "origin" | "locale">,
  db: Db = getDb(),
): Promise<LoginResult> {
  const now = ctx.now ?? Date.now();
  const email = input.email.trim().toLowerCase();
  const accountKey = `login:account:${keyPart(email)}`;
  const ipKey = `login:ip:${keyPart(ctx.ip)}`;
  // Each attempt is counted before the password is checked (a reservation), so parallel
  // attempts cannot all pass a check made before any of them was counted.
  const byAccount = hit(accountKey, LIMITS.loginPerAccount, now, db);
  const byIp = hit(ipKey, LIMITS.loginPerIp, now, db);
  if (!byAccount.allowed || !byIp.allowed) {
    return {
      ok: false,
      reason: "rate_limited",
      retryAfter: Math.max(byAccount.allowed ? 0 : byAccount.retryAfter, byIp.allowed ? 0 : byIp.retryAfter),
    };
  }

  const user = findUserByEmail(db, email);
  const usable = user && user.deletedAt == null && user.passwordHash ? user : undefined;
  const valid = usable
    ? await verifyPassword(usable.passwordHash!, input.password)
    : (await verifyPassword(await getDummyHash(), input.password), false);

  if (!valid || !usable) return { ok: false, reason: "invalid" };
  // A right password gives its reservations back: only failures count.
  release(ipKey, db);
  resetLimit(accountKey, db);
  if (usable.suspendedAt != null) return { ok: false, reason: "suspended" };

  const { token, session } = createSession(usable.id, { ip: ctx.ip, userAgent: ctx.userAgent, now }, db);
  return { ok: true, userId: usable.id, token, session };
}

// ─── Password reset ──────────────────────────────────────────────────────────

/** Mails a reset link when an account has this email. Answers the same either way. */
export function requestPasswordReset(email: string, ctx: RequestContext, db: Db = getDb()): { ok: true } | Limited {
  const now = ctx.now ?? Date.now();
  const ipLimit = hit(`reset:ip:${keyPart(ctx.ip)}`, LIMITS.resetPerIp, now, db);
  if (!ipLimit.allowed) return { ok: false, reason: "rate_limited", retryAfter: ipLimit.retryAfter };
  const normalized = email.trim().toLowerCase();
  // Counted for unknown addresses too, so that this cap says nothing about existence.
  const perEmail = hit(`reset:mail:${keyPart(normalized)}`, LIMITS.resetMailsPerEmail, now, db);
  if (!perEmail.allowed) return { ok: true };
  db.transaction((tx) => {
    const user = findUserByEmail(tx, normalized);
    if (!user || user.deletedAt != null) return;
    const token = issueToken(tx, user.id, "reset_password", now);
    queueAccountMail(tx, user.email, user.locale, {
      template: "reset_password",
      name: user.displayName,
      url: `${ctx.origin}/reset-password?token=${token}`,
    });
  });
  return { ok: true };
}

/** Sets the new password from a reset link, ends every session of the user, confirms
 *  the email (the link proved it) and mails a notice. The token works once. */
export async function resetPassword(
  token: string,
  newPassword: string,
  ctx: Pick<RequestContext, "origin" | "now">,
  db: Db = getDb(),
): Promise<{ ok: true; userId: number } | { ok: false }> {
  const now = ctx.now ?? Date.now();
  if (!findToken(db, token, ["reset_password"], now)) return { ok: false };
  const passwordHash = await hashPassword(newPassword);
  return db.transaction((tx) => {
    const row = findToken(tx, token, ["reset_password"], now);
    if (!row) return { ok: false as const };
    const user = tx.select().from(users).where(eq(users.id, row.userId)).get();
    if (!user || user.deletedAt != null) return { ok: false as const };
    tx.update(emailTokens).set({ usedAt: now }).where(eq(emailTokens.id, row.id)).run();
    tx.update(users)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now })
      .where(eq(users.id, user.id))
      .run();
    deleteUserSessions(user.id, {}, db);
    queueAccountMail(tx, user.email, user.locale, {
      template: "password_changed",
      name: user.displayName,
      resetUrl: `${ctx.origin}/forgot-password`,
    });
    return { ok: true as const, userId: user.id };
  });
}

// ─── Signed-in changes ───────────────────────────────────────────────────────

/** The signed-in user's password, asked again before a change: under the account's login
 *  limit, which a right password releases. */
async function checkOwnPassword(
  userId: number,
  password: string,
  now: number,
  db: Db,
): Promise<{ ok: true; user: typeof users.$inferSelect } | { ok: false; reason: "wrong_password" } | Limited> {
  const key = `password:check:${userId}`;
  const limit = hit(key, LIMITS.loginPerAccount, now, db);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfter: limit.retryAfter };
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "wrong_password" };
  release(key, db);
  return { ok: true, user };
}

/** Changes the password after checking the current one; every session ends and a new
 *  one is opened for this device (its token is returned for the cookie). */
export async function changePassword(
  userId: number,
  input: { currentPassword: string; newPassword: string },
  ctx: Omit<RequestContext, "locale">,
  db: Db = getDb(),
): Promise<{ ok: true; token: string; session: Session } | { ok: false; reason: "wrong_password" } | Limited> {
  const now = ctx.now ?? Date.now();
  const checked = await checkOwnPassword(userId, input.currentPassword, now, db);
  if (!checked.ok) return checked;
  const { user } = checked;
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    tx.delete(emailTokens)
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, "reset_password"), isNull(emailTokens.usedAt)))
      .run();
    deleteUserSessions(userId, {}, db);
    const created = createSession(userId, { ip: ctx.ip, userAgent: ctx.userAgent, now }, db);
    queueAccountMail(tx, user.email, user.locale, {
      template: "password_changed",
      name: user.displayName,
      resetUrl: `${ctx.origin}/forgot-password`,
    });
    return { ok: true as const, ...created };
  });
}

/** Starts an email change: a link to the new address (which changes only once it is
 *  opened) and a notice to the current one. If the new address is taken, its owner is
 *  told instead; the answer is the same. */
export async function requestEmailChange(
  userId: number,
  input: { newEmail: string; password: string },
  ctx: RequestContext,
  db: Db = getDb(),
): Promise<{ ok: true } | { ok: false; reason: "wrong_password" | "same_email" } | Limited> {
  const now = ctx.now ?? Date.now();
  const checked = await checkOwnPassword(userId, input.password, now, db);
  if (!checked.ok) return checked;
  const { user } = checked;
  const newEmail = input.newEmail.trim().toLowerCase();
  if (newEmail === user.email) return { ok: false, reason: "same_email" };
  const mails = hit(`email:change:${userId}`, LIMITS.changeEmailPerUser, now, db);
  if (!mails.allowed) return { ok: false, reason: "rate_limited", retryAfter: mails.retryAfter };

  db.transaction((tx) => {
    const taken = findUserByEmail(tx, newEmail);
    if (taken) {
      queueAccountMail(tx, newEmail, ctx.locale, { template: "email_in_use" });
      return;
    }
    const token = issueToken(tx, userId, "change_email", now, newEmail);
    queueAccountMail(tx, newEmail, user.locale, {
      template: "change_email",
      name: user.displayName,
      url: `${ctx.origin}/verify-email?token=${token}`,
    });
    queueAccountMail(tx, user.email, user.locale, {
      template: "email_change_notice",
      name: user.displayName,
      newEmail,
      resetUrl: `${ctx.origin}/forgot-password`,
    });
  });
  return { ok: true };
}

/** What the account page shows about the user. */
export type DisplayNameResult = { ok: true; changed: boolean } | { ok: false; reason: "rate_limited"; retryAfter: number };

/** The name readers see on every review of the account, past ones included (they show the
 *  account's name, not a copy). A few changes a day at most. */
export function changeDisplayName(userId: number, displayName: string, now = Date.now(), db: Db = getDb()): DisplayNameResult {
  const current = db.select({ displayName: users.displayName }).from(users).where(eq(users.id, userId)).get();
  if (!current || current.displayName === displayName) return { ok: true, changed: false };
  const limit = hit(`display-name:${userId}`, LIMITS.displayNamePerUser, now, db);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", retryAfter: limit.retryAfter };
  db.update(users).set({ displayName }).where(eq(users.id, userId)).run();
  return { ok: true, changed: true };
}

export function getAccount(userId: number, now = Date.now(), db: Db = getDb()) {
  const user = db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      suspendedAt: users.suspendedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) return undefined;
  const pending = db
    .select({ newEmail: emailTokens.newEmail })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.userId, userId),
        eq(emailTokens.purpose, "change_email"),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .get();
  return { ...user, pendingEmail: pending?.newEmail ?? null };
}
