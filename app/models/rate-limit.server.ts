// Fixed-window rate limits kept in SQLite (table rate_limits), so that they hold across
// processes and restarts. One row per key; the window starts with the first hit.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { rateLimits } from "#db/schema";
import { env } from "~/env.server";

export type RateLimit = { limit: number; windowMs: number };

export type RateLimitState = {
  /** False when the limit is already reached: the action must not go on. */
  allowed: boolean;
  count: number;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
};

/** The limits of the account pages. Others add their own beside their actions. */
export const LIMITS = {
  /** Failed log-ins for one email address, whether or not an account has it. */
  loginPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  /** Failed log-ins from one IP address, whatever the accounts (password spraying). */
  loginPerIp: { limit: 30, windowMs: 15 * 60_000 },
  signupPerIp: { limit: 20, windowMs: 60 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 15 * 60_000 },
  /** Reset mails to one address: past this, requests are answered as usual but mail nothing. */
  resetMailsPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  changeEmailPerUser: { limit: 5, windowMs: 60 * 60_000 },
  /** Display-name changes of one account in a day (a name is how readers know a reviewer). */
  displayNamePerUser: { limit: 3, windowMs: 24 * 60 * 60_000 },
} as const satisfies Record<string, RateLimit>;

type Client = Db["$client"];

function prepareHit(client: Client) {
  return client.prepare<[key: string, windowEndsAt: number, now: number, now: number], { count: number; window_ends_at: number }>(
    `INSERT INTO rate_limits (key, count, window_ends_at) VALUES (?, 1, ?)
     ON CONFLICT(key) DO UPDATE SET
       count = CASE WHEN window_ends_at <= ? THEN 1 ELSE count + 1 END,
       window_ends_at = CASE WHEN window_ends_at <= ? THEN excluded.window_ends_at ELSE window_ends_at END
     RETURNING count, window_ends_at`,
  );
}

// Prepared once per connection: every log-in, sign-up and report counts a hit or two.
const hitStatements = new WeakMap<Client, ReturnType<typeof prepareHit>>();

/** Counts one hit on `key` and says whether it was within the limit (the hit that goes
 *  over the limit is refused, and so is every later one until the window ends). */
export function hit(key: string, rule: RateLimit, now = Date.now(), db: Db = getDb()): RateLimitState {
  let statement = hitStatements.get(db.$client);
  if (!statement) {
    statement = prepareHit(db.$client);
    hitStatements.set(db.$client, statement);
  }
  // An upsert with RETURNING gives its row (or throws).
  const row = statement.get(key, now + rule.windowMs, now, now)!;
  return state(row.count, row.window_ends_at, rule, now, true);
}

/** The state of `key` without counting a hit: `allowed` is false once `limit` hits were counted. */
export function peek(key: string, rule: RateLimit, now = Date.now(), db: Db = getDb()): RateLimitState {
  const row = db
    .select({ count: rateLimits.count, windowEndsAt: rateLimits.windowEndsAt })
    .from(rateLimits)
    .where(eq(rateLimits.key, key))
    .get();
  if (!row || row.windowEndsAt <= now) return { allowed: true, count: 0, retryAfter: 0 };
  return state(row.count, row.windowEndsAt, rule, now, false);
}

/** Gives back one hit counted by `hit()` (an attempt reserved, then found not to count). */
export function release(key: string, db: Db = getDb()) {
  db.$client.prepare(`UPDATE rate_limits SET count = max(count - 1, 0) WHERE key = ?`).run(key);
}

export function resetLimit(key: string, db: Db = getDb()) {
  db.$client.prepare(`DELETE FROM rate_limits WHERE key = ?`).run(key);
}

/** Removes finished windows (the mail worker calls it now and then). */
export function pruneRateLimits(now = Date.now(), db: Db = getDb()) {
  return db.$client.prepare(`DELETE FROM rate_limits WHERE window_ends_at <= ?`).run(now).changes;
}

function state(count: number, windowEndsAt: number, rule: RateLimit, now: number, counted: boolean): RateLimitState {
  const allowed = counted ? count <= rule.limit : count < rule.limit;
  return { allowed, count, retryAfter: Math.max(1, Math.ceil((windowEndsAt - now) / 1000)) };
}

/** A stable, non-reversible key part for an IP address or an email (no raw IP in the table). */
export function keyPart(value: string) {
  return crypto.createHmac("sha256", env().SECRET).update(value).digest("base64url").slice(0, 22);
}

/** The wait that "try again in {minutes} min" states for a Retry-After in seconds. */
export function retryMinutes(retryAfter: number) {
  return Math.max(1, Math.ceil(retryAfter / 60));
}
