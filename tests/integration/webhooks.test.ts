// A company's webhooks (app/models/webhooks.server.ts, /brand/:slug/webhooks) against a real
// SQLite database and a real HTTP receiver on 127.0.0.1 (allowed here by the settings
// WEBHOOKS_ALLOW_PRIVATE and WEBHOOKS_ALLOW_HTTP, as a local receiver would be): events
// written with what caused them, signed as the Standard Webhooks spec says (checked with the
// spec's algorithm written again below), retried with back-off on a fake clock, secrets
// rotated with 24 h of overlap, private addresses refused, and other companies' staff kept out.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { resetEnv } from "~/env.server";
import { MODERATION_REASON_IDS } from "~/lib/moderation-reasons";
import { WEBHOOK_EVENTS, WEBHOOK_RETRY_SCHEDULE_MS, type WebhookEvent } from "~/lib/webhook-form";
import { decide } from "~/models/moderation.server";
import { saveReply } from "~/models/replies.server";
import { createReview, editReview } from "~/models/review-submission.server";
import {
  addWebhook,
  deliverDueWebhooks,
  listWebhooks,
  rotateWebhookSecret,
  sendTestEvent,
  sendWebhookRequest,
  setWebhookActive,
  type WebhookSender,
} from "~/models/webhooks.server";
import { action, loader } from "~/routes/brand.$slug.webhooks";
import {
  account,
  addMember,
  caseState,
  getRequest,
  makeCompany,
  makeUser,
  outcome,
  reviewInput,
  shownAnswer,
  type Account,
} from "../support/fixtures";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const client = () => getDb().$client;

// ─── The spec's algorithm, written again ──────────────────────────────────────

function referenceSignature(secret: string, id: string, timestamp: string, body: string) {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

function verifies(secret: string, r: Received) {
  const expected = referenceSignature(secret, r.headers["webhook-id"]!, r.headers["webhook-timestamp"]!, r.body);
  return r.headers["webhook-signature"]!.split(" ").includes(expected);
}

// ─── A real receiver ──────────────────────────────────────────────────────────

interface Received {
  method: string;
  headers: Record<string, string | undefined>;
  body: string;
}

const received: Received[] = [];
/** The statuses the receiver answers, in turn (then 200). */
const answers: number[] = [];
let server: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
  process.env.WEBHOOKS_ALLOW_HTTP = "1";
  resetEnv();
  server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
      received.push({ method: req.method ?? "", headers, body });
      res.writeHead(answers.shift() ?? 200, { "Content-Type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/replique`;
});

afterAll(async () => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE;
  delete process.env.WEBHOOKS_ALLOW_HTTP;
  resetEnv();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answers.length = 0;
  // Each test delivers its own events: what an earlier one left waiting is set aside.
  client().prepare(`UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE status = 'pending'`).run();
});

function strictSettings<T>(run: () => Promise<T>): Promise<T> {
  process.env.WEBHOOKS_ALLOW_PRIVATE = "0";
  process.env.WEBHOOKS_ALLOW_HTTP = "0";
  resetEnv();
  return run().finally(() => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = "1";
    process.env.WEBHOOKS_ALLOW_HTTP = "1";
    resetEnv();
  });
}

// ─── The world ────────────────────────────────────────────────────────────────

let n = 0;
interface World {
  company: { id: number; slug: string; subjectId: number };
  owner: Account;
}

async function world(): Promise<World> {
  const slug = `maison-hooks-${++n}`;
  const c = makeCompany({ name: `Maison Hooks ${n}`, slug });
  const owner = await account({ name: `Owner ${n}` });
  addMember(c.id, owner.id, "owner");
  return { company: { id: c.id, slug, subjectId: c.subjectId }, owner };
}

async function hook(w: World, events: readonly WebhookEvent[] = WEBHOOK_EVENTS) {
  const added = await addWebhook({ companyId: w.company.id, actorId: w.owner.id, url: receiverUrl, events });
  if (!added.ok) throw new Error(added.kind);
  return added;
}

function publishReview(w: World, now: number, stars = "4") {
  const author = makeUser();
  const result = createReview({
    actor: { id: author, role: "member" },
    subjectId: w.company.subjectId,
    input: reviewInput(
      { stars: Number(stars), title: `Avis ${author}`, body: `Un passage en magasin numéro ${author}, sans histoire.` },
      now,
    ),
    locale: "fr",
    ipHash: null,
    origin: "http://localhost",
    now,
  });
  if (!result.ok || result.status !== "published") throw new Error(JSON.stringify(result));
  return { reviewId: result.reviewId, authorId: author };
}

const deliveries = (webhookId: number) =>
  client()
    .prepare(
      `SELECT id, event, status, attempts, next_attempt_at AS nextAttemptAt, response_status AS responseStatus, last_error AS lastError,
              message_id AS messageId, payload FROM webhook_deliveries WHERE webhook_id = ? ORDER BY id`,
    )
    .all(webhookId) as {
    id: number;
    event: string;
    status: string;
    attempts: number;
    nextAttemptAt: number | null;
    responseStatus: number | null;
    lastError: string | null;
    messageId: string;
    payload: string;
  }[];

const writes = () => ({
  webhooks: client().prepare(`SELECT * FROM webhooks ORDER BY id`).all(),
  deliveries: client().prepare(`SELECT * FROM webhook_deliveries ORDER BY id`).all(),
  events: client().prepare(`SELECT count(*) AS n FROM company_events`).get(),
});

function form(fields: [string, string][], cookie?: string) {
  return new Request("http://localhost/brand/x/webhooks", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
const post = (slug: string, who: Account, fields: [string, string][]) =>
  outcome(() => action({ request: form(fields, who.cookie), params: { slug }, context: {} } as ActionFunctionArgs));
const get = (slug: string, who: Account) =>
  outcome(() =>
    loader({ request: getRequest(`/brand/${slug}/webhooks`, { cookie: who.cookie }), params: { slug }, context: {} } as LoaderFunctionArgs),
  );

// ─── Managing endpoints ───────────────────────────────────────────────────────

describe("adding a webhook", () => {
  it("shows the secret once, in the answer, and keeps it encrypted", async () => {
    const w = await world();
    const answer = await post(w.company.slug, w.owner, [
      ["intent", "add"],
      ["url", receiverUrl],
      ["events", "review.created"],
      ["events", "reply.created"],
    ]);
    expect(answer.status).toBe(200);
    const secret = (answer.data as { secret: { secret: string } }).secret.secret;
    expect(secret).toMatch(/^whsec_/);
    const row = client().prepare(`SELECT secret, events, created_by AS createdBy FROM webhooks WHERE company_id = ?`).get(w.company.id) as {
      secret: string;
      events: string;
      createdBy: number;
    };
    expect(row.events).toBe("review.created,reply.created");
    expect(row.createdBy).toBe(w.owner.id);
    expect(row.secret).not.toContain(secret.slice(6, 20));
    const page = await get(w.company.slug, w.owner);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.data)).not.toContain(secret);
    const kinds = client().prepare(`SELECT kind FROM company_events WHERE company_id = ?`).pluck().all(w.company.id);
    expect(kinds).toContain("webhook_added");
  });

  it("refuses http and private addresses (unless the settings allow them), next to the field, writing nothing", async () => {
    const w = await world();
    const before = writes();
    await strictSettings(async () => {
      const cases: [string, string][] = [
        [receiverUrl, "not_https"],
        ["https://127.0.0.1/hooks", "private_address"],
        ["https://[::1]:8443/hooks", "private_address"],
        ["https://169.254.169.254/latest/meta-data", "private_address"],
        ["https://192.168.1.20/hooks", "private_address"],
        ["https://localhost/hooks", "private_address"],
        ["https://user:pw@93.184.215.14/hooks", "credentials"],
      ];
      for (const [url, kind] of cases) {
        const answer = await post(w.company.slug, w.owner, [
          ["intent", "add"],
          ["url", url],
          ["events", "review.created"],
        ]);
        expect(answer.status, url).toBe(400);
        expect(shownAnswer(answer.data, "fr").errors.url, url).toBeTruthy();
        expect((answer.data as { result: { error: Record<string, string[]> } }).result.error.url, url).toEqual([`webhooks.error.${kind}`]);
      }
      const noEvent = await post(w.company.slug, w.owner, [
        ["intent", "add"],
        ["url", "https://93.184.215.14/hooks"],
      ]);
      expect(noEvent.status).toBe(400);
      expect(shownAnswer(noEvent.data, "en").errors.events).toBe("Choose at least one event.");
    });
    expect(writes()).toEqual(before);
  });

  it("checks the address again at delivery: a host that now resolves to a private address gets nothing", async () => {
    const w = await world();
    const added = await hook(w);
    const port = new URL(receiverUrl).port;
    for (const url of [receiverUrl, `http://localhost:${port}/hooks/replique`]) {
      client().prepare(`UPDATE webhooks SET url = ? WHERE id = ?`).run(url, added.webhookId);
      const now = Date.now();
      publishReview(w, now);
      await strictSettings(async () => {
        process.env.WEBHOOKS_ALLOW_HTTP = "1";
        resetEnv();
        await deliverDueWebhooks({ now });
      });
      expect(received).toHaveLength(0);
      const last = deliveries(added.webhookId).at(-1)!;
      expect(last.status).toBe("pending");
      expect(last.lastError).toMatch(/private address/);
    }
  });

  it("connects only to an address that passed the check: the connection's own lookup refuses a private one", async () => {
    const port = new URL(receiverUrl).port;
    const request = { url: `http://localhost:${port}/hooks`, headers: {}, body: "{}", timeoutMs: 2000 };
    await expect(sendWebhookRequest({ ...request, allowPrivate: false })).rejects.toMatchObject({ code: "EPRIVATEADDRESS" });
    expect(received).toHaveLength(0);
    await expect(sendWebhookRequest({ ...request, allowPrivate: true })).resolves.toEqual({ status: 200 });
    expect(received).toHaveLength(1);
  });
});

// ─── Delivery ─────────────────────────────────────────────────────────────────

describe("delivery to a real receiver", () => {
  it("sends each event with what caused it, signed, once", async () => {
    const w = await world();
    const { secret, webhookId } = await hook(w);
    const t0 = Date.now();
    const { reviewId, authorId } = publishReview(w, t0, "2");
    saveReply({
      actor: { id: w.owner.id, role: "member" },
      companyId: w.company.id,
      reviewId,
      body: "Merci, nous regardons cela.",
      now: t0 + 1,
    });
    const edited = editReview({
      actor: { id: authorId, role: "member" },
      reviewId,
      input: reviewInput({ stars: 3, title: "Avis revu", body: "Le magasin m’a rappelé, c’est mieux." }, t0),
      locale: "fr",
      now: t0 + 2,
    });
    expect(edited.ok).toBe(true);
    const moderator = makeUser({ role: "moderator" });
    const removed = decide({
      actor: { id: moderator, role: "moderator" },
      reviewId,
      target: "review",
      decision: "remove",
      reason: MODERATION_REASON_IDS[0],
      statement: "Retiré pour le test.",
      ...caseState(reviewId),
      now: t0 + 3,
    });
    expect(removed.ok).toBe(true);
    expect(deliveries(webhookId).map((d) => d.event)).toEqual(["review.created", "reply.created", "review.updated", "review.removed"]);

    const tally = await deliverDueWebhooks({ now: t0 + 10 });
    expect(tally).toEqual({ delivered: 4, retrying: 0, failed: 0 });
    expect(received).toHaveLength(4);
    for (const r of received) {
      expect(r.method).toBe("POST");
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["webhook-timestamp"]).toBe(String(Math.floor((t0 + 10) / 1000)));
      expect(verifies(secret, r)).toBe(true);
    }
    const bodies = received.map((r) => JSON.parse(r.body) as { type: string; data: { review: { id: number; stars?: number } } });
    expect(bodies.map((b) => b.type).sort()).toEqual(["reply.created", "review.created", "review.removed", "review.updated"]);
    expect(bodies.every((b) => b.data.review.id === reviewId)).toBe(true);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(4);
    expect(deliveries(webhookId).every((d) => d.status === "delivered" && d.responseStatus === 200)).toBe(true);

    // Nothing is sent twice.
    expect(await deliverDueWebhooks({ now: t0 + HOUR })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(received).toHaveLength(4);
  });

  it("sends an endpoint only the events it chose, and nothing while paused", async () => {
    const w = await world();
    const replies = await hook(w, ["reply.created"]);
    const t0 = Date.now();
    publishReview(w, t0);
    expect(deliveries(replies.webhookId)).toEqual([]);
    setWebhookActive({ companyId: w.company.id, actorId: w.owner.id, webhookId: replies.webhookId, active: false });
    const { reviewId } = publishReview(w, t0);
    saveReply({ actor: { id: w.owner.id, role: "member" }, companyId: w.company.id, reviewId, body: "Merci !", now: t0 });
    expect(deliveries(replies.webhookId)).toEqual([]);
  });

  it("retries a failure (500) after 1 min, then delivers it", async () => {
    const w = await world();
    const { secret, webhookId } = await hook(w);
    const t0 = Date.now();
    publishReview(w, t0);
    answers.push(500);
    expect(await deliverDueWebhooks({ now: t0 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [d] = deliveries(webhookId);
    expect(d).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP 500", nextAttemptAt: t0 + MINUTE });
    expect(await deliverDueWebhooks({ now: t0 + MINUTE - 1 })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliverDueWebhooks({ now: t0 + MINUTE })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    [d] = deliveries(webhookId);
    expect(d).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 200, nextAttemptAt: null });
    expect(received).toHaveLength(2);
    expect(received[0]!.headers["webhook-id"]).toBe(received[1]!.headers["webhook-id"]);
    expect(received[0]!.body).toBe(received[1]!.body);
    expect(received.every((r) => verifies(secret, r))).toBe(true);
  });

  it("backs off 1 min, 5 min, 30 min, 2 h, 5 h, 10 h and 24 h after the first attempt, then marks it failed", async () => {
    const w = await world();
    const { webhookId } = await hook(w);
    const t0 = Date.now();
    publishReview(w, t0);
    const attempts: number[] = [];
    const failing: WebhookSender = async () => {
      attempts.push(1);
      return { status: 503 };
    };
    const times = [0, ...WEBHOOK_RETRY_SCHEDULE_MS];
    for (const [i, offset] of times.entries()) {
      if (i > 0) {
        await deliverDueWebhooks({ now: t0 + offset - 1000, send: failing });
        expect(attempts, `not before ${offset} ms`).toHaveLength(i);
      }
      await deliverDueWebhooks({ now: t0 + offset, send: failing });
      expect(attempts).toHaveLength(i + 1);
      const [d] = deliveries(webhookId);
      if (i < WEBHOOK_RETRY_SCHEDULE_MS.length) {
        expect(d).toMatchObject({ status: "pending", attempts: i + 1, nextAttemptAt: t0 + times[i + 1]!, responseStatus: 503 });
      } else {
        expect(d).toMatchObject({ status: "failed", attempts: 8, nextAttemptAt: null });
      }
    }
    await deliverDueWebhooks({ now: t0 + 48 * HOUR, send: failing });
    expect(attempts).toHaveLength(8);
    const log = listWebhooks(w.company.id, t0)[0]!.deliveries;
    expect(log[0]).toMatchObject({ status: "failed", attempts: 8, responseStatus: 503 });
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    const w = await world();
    const { webhookId } = await hook(w);
    const t0 = Date.now();
    publishReview(w, t0);
    const silent: WebhookSender = (request) =>
      new Promise((_resolve, reject) => {
        expect(request.timeoutMs).toBe(10_000);
        const error = new Error("The operation was aborted due to timeout");
        error.name = "TimeoutError";
        reject(error);
      });
    await deliverDueWebhooks({ now: t0, send: silent });
    expect(deliveries(webhookId)[0]).toMatchObject({ status: "pending", lastError: "no answer within 10 s" });
  });

  it("does not follow redirects", async () => {
    const w = await world();
    const { webhookId } = await hook(w);
    const t0 = Date.now();
    publishReview(w, t0);
    answers.push(302);
    await deliverDueWebhooks({ now: t0 });
    expect(received).toHaveLength(1);
    expect(deliveries(webhookId)[0]).toMatchObject({ status: "pending", responseStatus: 302 });
  });
});

// ─── Rotation and the test button ─────────────────────────────────────────────

describe("secret rotation", () => {
  it("signs with both secrets for 24 h, then with the new one only", async () => {
    const w = await world();
    const { secret: old, webhookId } = await hook(w);
    const t0 = Date.now();
    const rotated = rotateWebhookSecret({ companyId: w.company.id, actorId: w.owner.id, webhookId, now: t0 });
    if (!rotated.ok) throw new Error(rotated.kind);
    expect(rotated.previousUntil).toBe(t0 + 24 * HOUR);
    const fresh = rotated.secret;
    expect(fresh).not.toBe(old);

    const during = await sendTestEvent({ companyId: w.company.id, actorId: w.owner.id, webhookId, now: t0 + 23 * HOUR });
    expect(during).toEqual({ ok: true, outcome: "delivered" });
    expect(received[0]!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verifies(fresh, received[0]!)).toBe(true);
    expect(verifies(old, received[0]!)).toBe(true);
    expect(listWebhooks(w.company.id, t0 + HOUR)[0]!.previousSecretUntil).toBe(t0 + 24 * HOUR);

    await sendTestEvent({ companyId: w.company.id, actorId: w.owner.id, webhookId, now: t0 + 24 * HOUR + 1000 });
    expect(received[1]!.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(verifies(fresh, received[1]!)).toBe(true);
    expect(verifies(old, received[1]!)).toBe(false);
    expect(listWebhooks(w.company.id, t0 + 25 * HOUR)[0]!.previousSecretUntil).toBeNull();
  });

  it("rotates and tests from the page's buttons", async () => {
    const w = await world();
    const { webhookId } = await hook(w);
    const rotated = await post(w.company.slug, w.owner, [
      ["intent", "rotate"],
      ["webhookId", String(webhookId)],
    ]);
    expect(rotated.status).toBe(200);
    const fresh = (rotated.data as { secret: { secret: string } }).secret.secret;
    const tested = await post(w.company.slug, w.owner, [
      ["intent", "test"],
      ["webhookId", String(webhookId)],
    ]);
    expect(tested.status).toBe(302);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: "webhook.test", data: { company: { slug: w.company.slug } } });
    expect(verifies(fresh, received[0]!)).toBe(true);
    expect(deliveries(webhookId)[0]).toMatchObject({ event: "webhook.test", status: "delivered", responseStatus: 200 });
  });
});

// ─── Who may ──────────────────────────────────────────────────────────────────

describe("permissions", () => {
  it("company B's staff can neither read nor change company A's webhooks (403, nothing written)", async () => {
    const a = await world();
    const b = await world();
    const { webhookId } = await hook(a);
    const agent = await account();
    addMember(a.company.id, agent.id, "agent");
    const before = writes();

    expect((await get(a.company.slug, b.owner)).status).toBe(403);
    expect((await get(a.company.slug, agent)).status).toBe(403);
    for (const fields of [
      [
        ["intent", "add"],
        ["url", receiverUrl],
        ["events", "review.created"],
      ],
      [
        ["intent", "rotate"],
        ["webhookId", String(webhookId)],
      ],
      [
        ["intent", "delete"],
        ["webhookId", String(webhookId)],
      ],
      [
        ["intent", "test"],
        ["webhookId", String(webhookId)],
      ],
    ] as [string, string][][]) {
      expect((await post(a.company.slug, b.owner, fields)).status).toBe(403);
      expect((await post(a.company.slug, agent, fields)).status).toBe(403);
      // Through its own page, B's owner still cannot reach A's endpoint: it does not exist there.
      if (fields[0]![1] !== "add") expect((await post(b.company.slug, b.owner, fields)).status).toBe(404);
    }
    expect(writes()).toEqual(before);
    expect(received).toHaveLength(0);
  });
});
