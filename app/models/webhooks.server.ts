// A company's webhooks: endpoints its owners add at /brand/:slug/webhooks, the events they
// receive, and their delivery.
//
// Events are written to an outbox (webhook_deliveries: one row per event and endpoint) by
// `enqueueWebhookEvent`, inside the transaction of what caused them (a review published, a
// reply, a removal, a spike: app/models/company-alerts.server.ts), so an event exists exactly
// when its cause committed. The job runner (app/models/jobs.server.ts, "webhook-delivery")
// then sends what is due: each delivery is claimed first by a conditional UPDATE, so two
// processes never send it at once; a 2xx answer delivers it, anything else (another status,
// a timeout of WEBHOOK_TIMEOUT_MS, a refused address) is tried again on
// WEBHOOK_RETRY_SCHEDULE_MS — 1 min, 5 min, 30 min, 2 h, 5 h, 10 h and 24 h after the first
// attempt — and then marked failed. Redirects are not followed. The rows are the page's log.
//
// Signatures follow the Standard Webhooks spec (app/lib/webhook-signature.ts). The secret is
// shown once, when made; the table keeps it encrypted (AES-256-GCM under a key derived from
// the site's SECRET), so a copy of the database alone signs nothing. A rotation makes a new
// secret and keeps the old one signing for WEBHOOK_ROTATION_OVERLAP_MS (24 h): deliveries
// then carry both signatures, space-separated, as the spec allows.
//
// Sending uses node:http(s) rather than fetch: its `lookup` option lets the connection use
// only an address that passed the private-address check (app/lib/webhook-address.server.ts),
// which defeats DNS rebinding; fetch offers no such hook without the undici package.
import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyMembers, webhookDeliveries, webhooks } from "#db/schema";
import { env } from "~/env.server";
import { checkWebhookUrl, guardedLookup, type AddressPolicy, type UrlRefusal } from "~/lib/webhook-address.server";
import {
  WEBHOOK_EVENTS,
  WEBHOOK_LIMITS,
  WEBHOOK_RETRY_SCHEDULE_MS,
  WEBHOOK_ROTATION_OVERLAP_MS,
  WEBHOOK_TEST_EVENT,
  WEBHOOK_TIMEOUT_MS,
  type WebhookEvent,
} from "~/lib/webhook-form";
import { newWebhookSecret, webhookHeaders } from "~/lib/webhook-signature";
import { logCompanyEvent } from "./company-claims.server";
import { hit } from "./rate-limit.server";

/** How often the job runner looks for due deliveries. */
export const WEBHOOK_JOB_INTERVAL_MS = 10_000;
/** A claimed delivery is not picked again for this long (a process may be sending it). */
const CLAIM_MS = 2 * 60_000;
const BATCH = 25;
const USER_AGENT = "Replique-Webhooks/1.0 (+https://www.standardwebhooks.com)";
/** The delivery log keeps this long. */
export const WEBHOOK_LOG_DAYS = 30;
/** Test events one endpoint may be sent (the button makes the site call a URL of the owner's). */
export const WEBHOOK_TEST_LIMIT = { limit: 20, windowMs: 60 * 60_000 };
const DAY = 86_400_000;

export function addressPolicy(): AddressPolicy {
  return { allowHttp: env().WEBHOOKS_ALLOW_HTTP, allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE };
}

// ─── Secrets at rest ──────────────────────────────────────────────────────────

function secretKey() {
  return crypto.createHmac("sha256", env().SECRET).update("replique:webhook-secrets").digest();
}

/** `v1.` + base64url(iv ‖ tag ‖ ciphertext). */
export function sealSecret(secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secretKey(), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

export function openSecret(stored: string): string {
  const raw = Buffer.from(stored.slice(3), "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", secretKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The secrets that sign now: the current one, and the previous one until it expires. */
function signingSecrets(hook: { secret: string; previousSecret: string | null; previousSecretExpiresAt: number | null }, now: number) {
  const secrets = [openSecret(hook.secret)];
  if (hook.previousSecret && (hook.previousSecretExpiresAt ?? 0) > now) secrets.push(openSecret(hook.previousSecret));
  return secrets;
}

// ─── The page ─────────────────────────────────────────────────────────────────

export interface WebhookDeliveryView {
  id: number;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  /** The last attempt, or when the event happened if none yet. */
  at: number;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: number | null;
}

export interface WebhookView {
  id: number;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: number;
  /** When the previous secret stops signing, while it still does. */
  previousSecretUntil: number | null;
  deliveries: WebhookDeliveryView[];
}

function eventsOf(stored: string): WebhookEvent[] {
  return WEBHOOK_EVENTS.filter((e) => stored.split(",").includes(e));
}

/** The company's endpoints, oldest first, each with its last deliveries (newest first). */
export function listWebhooks(companyId: number, now = Date.now(), db: Db = getDb()): WebhookView[] {
  const hooks = db
    .select({
      id: webhooks.id,
      url: webhooks.url,
      events: webhooks.events,
      active: webhooks.active,
      createdAt: webhooks.createdAt,
      previousSecretExpiresAt: webhooks.previousSecretExpiresAt,
    })
    .from(webhooks)
    .where(eq(webhooks.companyId, companyId))
    .orderBy(asc(webhooks.id))
    .all();
  if (hooks.length === 0) return [];
  const rows = db.$client
    .prepare<[...number[]], WebhookDeliveryView & { webhookId: number }>(
      `SELECT id, webhookId, event, status, attempts, at, responseStatus, error, nextAttemptAt FROM (
         SELECT id, webhook_id AS webhookId, event, status, attempts, coalesce(last_attempt_at, created_at) AS at,
                response_status AS responseStatus, last_error AS error, next_attempt_at AS nextAttemptAt,
                row_number() OVER (PARTITION BY webhook_id ORDER BY id DESC) AS n
         FROM webhook_deliveries WHERE webhook_id IN (${hooks.map(() => "?").join(",")}))
       WHERE n <= ? ORDER BY id DESC`,
    )
    .all(...hooks.map((h) => h.id), WEBHOOK_LIMITS.logLength);
  return hooks.map((h) => ({
    id: h.id,
    url: h.url,
    events: eventsOf(h.events),
    active: h.active,
    createdAt: h.createdAt,
    previousSecretUntil: h.previousSecretExpiresAt != null && h.previousSecretExpiresAt > now ? h.previousSecretExpiresAt : null,
    deliveries: rows.filter((r) => r.webhookId === h.id).map(({ webhookId: _w, ...d }) => d),
  }));
}

// ─── Managing endpoints (owners) ──────────────────────────────────────────────

export type WebhookRefusal = UrlRefusal | "not_owner" | "not_found" | "too_many";

interface OwnerInput {
  companyId: number;
  actorId: number;
  now?: number;
}

function isOwner(db: Db, companyId: number, userId: number) {
  const row = db
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
    .get();
  return row?.role === "owner";
}

/** One of the company's endpoints (null for another company's: it does not exist here). */
function ownHook(db: Db, companyId: number, webhookId: number) {
  return db
    .select({ id: webhooks.id, url: webhooks.url, active: webhooks.active, secret: webhooks.secret })
    .from(webhooks)
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.companyId, companyId)))
    .get();
}

function hostForLog(url: string) {
  return new URL(url).host;
}

/** An owner adds an endpoint. Its URL is checked (https, public addresses) before anything is
 *  written. Answers the secret, shown this once. */
export async function addWebhook(
  input: OwnerInput & { url: string; events: readonly WebhookEvent[] },
  db: Db = getDb(),
): Promise<{ ok: true; webhookId: number; url: string; secret: string } | { ok: false; kind: WebhookRefusal }> {
  if (!isOwner(db, input.companyId, input.actorId)) return { ok: false, kind: "not_owner" };
  const checked = await checkWebhookUrl(input.url, addressPolicy());
  if (!checked.ok) return checked;
  const now = input.now ?? Date.now();
  const secret = newWebhookSecret();
  const events = WEBHOOK_EVENTS.filter((e) => input.events.includes(e));
  return db.$client
    .transaction(() => {
      if (!isOwner(db, input.companyId, input.actorId)) return { ok: false as const, kind: "not_owner" as const };
      const existing = db
        .select({ n: sql<number>`count(*)` })
        .from(webhooks)
        .where(eq(webhooks.companyId, input.companyId))
        .get();
      if ((existing?.n ?? 0) >= WEBHOOK_LIMITS.perCompany) return { ok: false as const, kind: "too_many" as const };
      const row = db
        .insert(webhooks)
        .values({
          companyId: input.companyId,
          url: checked.url,
          secret: sealSecret(secret),
          events: events.join(","),
          createdBy: input.actorId,
          createdAt: now,
        })
        .returning({ id: webhooks.id })
        .get();
      logCompanyEvent(db, {
        companyId: input.companyId,
        actorId: input.actorId,
        kind: "webhook_added",
        detail: { webhookId: row.id, host: hostForLog(checked.url), events },
        now,
      });
      return { ok: true as const, webhookId: row.id, url: checked.url, secret };
    })
    .immediate();
}

type Change = { ok: true } | { ok: false; kind: "not_owner" | "not_found" };

/** Runs an owner's change to one of the company's endpoints, in one transaction. */
function ownerChange<T extends object>(
  input: OwnerInput & { webhookId: number },
  db: Db,
  change: (hook: NonNullable<ReturnType<typeof ownHook>>, now: number) => T,
): T | { ok: false; kind: "not_owner" | "not_found" } {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction(() => {
      if (!isOwner(db, input.companyId, input.actorId)) return { ok: false as const, kind: "not_owner" as const };
      const hook = ownHook(db, input.companyId, input.webhookId);
      if (!hook) return { ok: false as const, kind: "not_found" as const };
      return change(hook, now);
    })
    .immediate();
}

/** A new secret; the current one keeps signing for 24 h (a second rotation within them drops
 *  the oldest). Answers the new secret, shown this once. */
export function rotateWebhookSecret(input: OwnerInput & { webhookId: number }, db: Db = getDb()) {
  return ownerChange(input, db, (hook, now) => {
    const secret = newWebhookSecret();
    const previousUntil = now + WEBHOOK_ROTATION_OVERLAP_MS;
    db.update(webhooks)
      .set({ secret: sealSecret(secret), previousSecret: hook.secret, previousSecretExpiresAt: previousUntil })
      .where(eq(webhooks.id, hook.id))
      .run();
    logCompanyEvent(db, {
      companyId: input.companyId,
      actorId: input.actorId,
      kind: "webhook_secret_rotated",
      detail: { webhookId: hook.id },
      now,
    });
    return { ok: true as const, url: hook.url, secret, previousUntil };
  });
}

/** Pauses (no new event is queued, those waiting are marked failed) or resumes an endpoint. */
export function setWebhookActive(input: OwnerInput & { webhookId: number; active: boolean }, db: Db = getDb()): Change {
  return ownerChange(input, db, (hook, now) => {
    if (hook.active === input.active) return { ok: true as const };
    db.update(webhooks).set({ active: input.active }).where(eq(webhooks.id, hook.id)).run();
    if (!input.active) {
      db.update(webhookDeliveries)
        .set({ status: "failed", nextAttemptAt: null, lastError: "endpoint paused" })
        .where(and(eq(webhookDeliveries.webhookId, hook.id), eq(webhookDeliveries.status, "pending")))
        .run();
    }
    logCompanyEvent(db, {
      companyId: input.companyId,
      actorId: input.actorId,
      kind: "webhook_changed",
      detail: { webhookId: hook.id, active: input.active },
      now,
    });
    return { ok: true as const };
  });
}

/** Deletes an endpoint and its log. */
export function deleteWebhook(input: OwnerInput & { webhookId: number }, db: Db = getDb()): Change {
  return ownerChange(input, db, (hook, now) => {
    db.delete(webhooks).where(eq(webhooks.id, hook.id)).run();
    logCompanyEvent(db, {
      companyId: input.companyId,
      actorId: input.actorId,
      kind: "webhook_removed",
      detail: { webhookId: hook.id, host: hostForLog(hook.url) },
      now,
    });
    return { ok: true as const };
  });
}

/** Queues a `webhook.test` event for one endpoint and delivers it at once (the log shows how
 *  it went; a failure is retried like any other). */
export async function sendTestEvent(input: OwnerInput & { webhookId: number; send?: WebhookSender }, db: Db = getDb()) {
  const queued = ownerChange(input, db, (hook, now) => {
    if (!hook.active) return { ok: false as const, kind: "paused" as const };
    if (!hit(`webhook-test:${hook.id}`, WEBHOOK_TEST_LIMIT, now, db).allowed) return { ok: false as const, kind: "rate_limited" as const };
    const company = db
      .select({ id: companies.id, slug: companies.slug, name: companies.name })
      .from(companies)
      .where(eq(companies.id, input.companyId))
      .get()!;
    const deliveryId = insertDelivery(db, hook.id, WEBHOOK_TEST_EVENT, eventBody(WEBHOOK_TEST_EVENT, { company, test: true }, now), now);
    return { ok: true as const, deliveryId, now };
  });
  if (!queued.ok) return queued;
  const outcome = await deliverOne(db, queued.deliveryId, queued.now, input.send ?? sendWebhookRequest);
  return { ok: true as const, outcome };
}

// ─── The outbox ───────────────────────────────────────────────────────────────

/** The body of an event, as the spec shapes it: `{ type, timestamp, data }`. */
function eventBody(type: string, data: object, now: number) {
  return JSON.stringify({ type, timestamp: new Date(now).toISOString(), data });
}

function insertDelivery(db: Pick<Db, "insert">, webhookId: number, event: string, payload: string, now: number) {
  return db
    .insert(webhookDeliveries)
    .values({
      webhookId,
      messageId: `msg_${crypto.randomBytes(16).toString("base64url")}`,
      event,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: webhookDeliveries.id })
    .get().id;
}

/** Queues `type` for every active endpoint of the company that subscribed to it. Call inside
 *  the transaction of what caused it. Returns how many deliveries it queued. */
export function enqueueWebhookEvent(db: Db, event: { companyId: number; type: WebhookEvent; data: object; now: number }): number {
  const hooks = db
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(and(eq(webhooks.companyId, event.companyId), eq(webhooks.active, true)))
    .all()
    .filter((h) => eventsOf(h.events).includes(event.type));
  if (hooks.length === 0) return 0;
  const body = eventBody(event.type, event.data, event.now);
  for (const hook of hooks) insertDelivery(db, hook.id, event.type, body, event.now);
  return hooks.length;
}

// ─── Delivery ─────────────────────────────────────────────────────────────────

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}
/** Sends one request; resolves with the answer's status, rejects when there is none. */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number }>;

/** The answer's body is read (and dropped) up to this many bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** POST with node:http(s): no redirect followed, WEBHOOK_TIMEOUT_MS for the whole exchange,
 *  and the connection made only to an address that passed the check (guardedLookup). */
export const sendWebhookRequest: WebhookSender = (request) =>
  new Promise((resolve, reject) => {
    const target = new URL(request.url);
    const client = target.protocol === "https:" ? https : http;
    const outgoing = client.request(
      target,
      {
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        lookup: guardedLookup(request.allowPrivate),
        signal: AbortSignal.timeout(request.timeoutMs),
        agent: false,
      },
      (answer) => {
        let bytes = 0;
        answer.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_ANSWER_BYTES) answer.destroy();
        });
        answer.on("error", () => undefined);
        resolve({ status: answer.statusCode ?? 0 });
      },
    );
    outgoing.once("error", reject);
    outgoing.end(request.body);
  });

/** When the delivery that just failed its `attempts`-th attempt is tried again (null: never,
 *  it has had its 7 retries). The schedule counts from the first attempt: each wait is the
 *  gap between two steps of WEBHOOK_RETRY_SCHEDULE_MS, from now. */
export function nextRetryAt(attempts: number, now: number): number | null {
  const step = WEBHOOK_RETRY_SCHEDULE_MS[attempts - 1];
  if (step === undefined) return null;
  return now + step - (WEBHOOK_RETRY_SCHEDULE_MS[attempts - 2] ?? 0);
}

type Claimed = { id: number; webhookId: number; messageId: string; payload: string; attempts: number };
export type DeliveryOutcome = "delivered" | "retrying" | "failed" | "skipped";

function claim(db: Db, deliveryId: number, now: number): Claimed | undefined {
  return db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: now + CLAIM_MS, lastAttemptAt: now })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)))
    .returning({
      id: webhookDeliveries.id,
      webhookId: webhookDeliveries.webhookId,
      messageId: webhookDeliveries.messageId,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
    })
    .get();
}

function describeError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  }
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : null;
  if (code === "EPRIVATEADDRESS") return "refused: the host resolves to a private address";
  const message = error instanceof Error ? error.message : String(error);
  return (code ? `${code}: ${message}` : message).slice(0, 300);
}

async function attempt(
  db: Db,
  delivery: Claimed,
  now: number,
  send: WebhookSender,
): Promise<{ status: number | null; error: string | null }> {
  const hook = db
    .select({
      url: webhooks.url,
      active: webhooks.active,
      secret: webhooks.secret,
      previousSecret: webhooks.previousSecret,
      previousSecretExpiresAt: webhooks.previousSecretExpiresAt,
    })
    .from(webhooks)
    .where(eq(webhooks.id, delivery.webhookId))
    .get();
  if (!hook || !hook.active) return { status: null, error: "endpoint paused" };
  const policy = addressPolicy();
  const checked = await checkWebhookUrl(hook.url, policy);
  if (!checked.ok) return { status: null, error: `refused: ${checked.kind.replace("_", " ")}` };
  const headers = {
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    ...webhookHeaders(signingSecrets(hook, now), delivery.messageId, Math.floor(now / 1000), delivery.payload),
  };
  try {
    const answer = await send({
      url: checked.url,
      headers,
      body: delivery.payload,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      allowPrivate: policy.allowPrivate,
    });
    return { status: answer.status, error: answer.status >= 200 && answer.status < 300 ? null : `HTTP ${answer.status}` };
  } catch (error) {
    return { status: null, error: describeError(error) };
  }
}

/** Claims, sends and records one delivery. */
async function deliverOne(db: Db, deliveryId: number, now: number, send: WebhookSender): Promise<DeliveryOutcome> {
  const delivery = claim(db, deliveryId, now);
  if (!delivery) return "skipped";
  const result = await attempt(db, delivery, now, send);
  if (result.error === null) {
    db.update(webhookDeliveries)
      .set({ status: "delivered", deliveredAt: now, responseStatus: result.status, lastError: null, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, delivery.id))
      .run();
    return "delivered";
  }
  const retryAt = result.error === "endpoint paused" ? null : nextRetryAt(delivery.attempts, now);
  db.update(webhookDeliveries)
    .set({ status: retryAt == null ? "failed" : "pending", responseStatus: result.status, lastError: result.error, nextAttemptAt: retryAt })
    .where(eq(webhookDeliveries.id, delivery.id))
    .run();
  return retryAt == null ? "failed" : "retrying";
}

/** Sends the deliveries that are due (the job's work), at most `batch` at once, in parallel. */
export async function deliverDueWebhooks(options: { now?: number; db?: Db; batch?: number; send?: WebhookSender } = {}) {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now();
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(options.batch ?? BATCH)
    .all();
  const outcomes = await Promise.all(due.map(({ id }) => deliverOne(db, id, now, options.send ?? sendWebhookRequest)));
  const count = (o: DeliveryOutcome) => outcomes.filter((x) => x === o).length;
  return { delivered: count("delivered"), retrying: count("retrying"), failed: count("failed") };
}

/** Drops the log older than WEBHOOK_LOG_DAYS (delivered or failed; nothing pending). */
export function pruneWebhookDeliveries(options: { now?: number; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const cutoff = (options.now ?? Date.now()) - WEBHOOK_LOG_DAYS * DAY;
  return db
    .delete(webhookDeliveries)
    .where(and(inArray(webhookDeliveries.status, ["delivered", "failed"]), lte(webhookDeliveries.createdAt, cutoff)))
    .run().changes;
}
