// LiteFS on several machines (app/lib/litefs.server.ts), simulated with real server processes
// (`node --import tsx server.ts`) on this test file's own SQLite file, which stands for the
// copy LiteFS replicates to every machine: a primary (its LITEFS_DIR has no `.primary`), a
// replica whose `.primary` names the primary (127.0.0.1, its INTERNAL_PORT the primary's
// port), and a replica that believes it runs on Fly.io (FLY_APP_NAME, FLY_MACHINE_ID). The
// replicas open the file read-only. The `<db>-pos` files, which LiteFS would keep, are
// written here. One public origin for all (SITE_URL), as behind one load balancer.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { env } from "~/env.server";
import { FORWARDED_FOR_HEADER, signForwardedFor } from "~/lib/litefs.server";
import { createReview } from "~/models/review-submission.server";
import { MINUTE, sessionCookieName } from "~/models/session.server";
import { createTestUser, makeCompany, makeUser, reviewInput, sessionCookie } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

// localhost: the Vite dev server (development mode) refuses other Host headers.
const SITE = "http://localhost";
const WAIT_MS = 1_000;
const database = process.env.DATABASE_URL!;
const dirs = fs.mkdtempSync(path.join(os.tmpdir(), "replique-litefs-"));
/** A machine's LiteFS mount (LITEFS_DIR): where its `.primary` and `-pos` files are. */
function litefsDir(name: string) {
  const dir = path.join(dirs, name);
  fs.mkdirSync(dir);
  return dir;
}

let primary: RunningServer;
let replica: RunningServer;
let flyReplica: RunningServer;

/** Writes a machine's `<db>-pos` file as LiteFS does: TXID/checksum, 16 hex digits each. */
function setPosition(dir: string, txid: number) {
  const hex = (n: number) => n.toString(16).padStart(16, "0");
  fs.writeFileSync(path.join(dir, `${path.basename(database)}-pos`), `${hex(txid)}/${hex(0xc0ffee + txid)}\n`);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  setCookie: string[];
  body: string;
}

/** A request as a browser at SITE makes it: its Host (Remix compares it with Origin), gzip
 *  accepted, and for a form its Origin. */
function request(
  server: RunningServer,
  p: string,
  init: { cookie?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Host: new URL(SITE).host, "Accept-Language": "en", "Accept-Encoding": "gzip" };
  if (init.cookie) headers.Cookie = init.cookie;
  Object.assign(headers, init.headers);
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  if (body != null) {
    headers.Origin = SITE;
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: "127.0.0.1", port: server.port, method: body != null ? "POST" : "GET", path: p, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            setCookie: res.headers["set-cookie"] ?? [],
            body: (res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString(),
          });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const header = (answer: Answer, name: string) => {
  const value = answer.headers[name];
  return value == null ? null : String(value);
};

const cookieValue = (setCookie: string[], name: string) =>
  setCookie
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0]!
    .slice(name.length + 1);

/** The access mode (0 O_RDONLY, 1 O_WRONLY, 2 O_RDWR) of every descriptor a process holds on
 *  `file` (Linux /proc). */
function openModes(pid: number, file: string): number[] {
  const modes: number[] = [];
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue;
    }
    if (target !== file) continue;
    const flags = /^flags:\s+([0-7]+)$/m.exec(fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, "utf8"))![1]!;
    modes.push(Number.parseInt(flags, 8) & 0o3);
  }
  return modes;
}

/** A first GET of the home page, with the server's log if it fails. */
async function warmUp(server: RunningServer) {
  const answer = await request(server, "/").catch((error: unknown) => {
    throw new Error(`${String(error)} (exit: ${server.child.exitCode ?? server.child.signalCode})\n${server.output.join("\n")}`);
  });
  expect(answer.status).toBe(200);
}

let companySlug: string;
let reviewId: number;
let mounts: { primary: string; replica: string; fly: string };

beforeAll(async () => {
  mounts = { primary: litefsDir("primary"), replica: litefsDir("replica"), fly: litefsDir("fly") };
  fs.writeFileSync(path.join(mounts.replica, ".primary"), "127.0.0.1\n");
  fs.writeFileSync(path.join(mounts.fly, ".primary"), "primary-machine-7\n");
  setPosition(mounts.primary, 5);
  setPosition(mounts.replica, 5);
  setPosition(mounts.fly, 5);

  const company = makeCompany({ name: "Maison LiteFS", slug: `maison-litefs-${Date.now().toString(36)}` });
  companySlug = getDb().$client.prepare<[number], { slug: string }>(`SELECT slug FROM companies WHERE id = ?`).get(company.id)!.slug;
  const result = createReview({
    actor: { id: makeUser({ displayName: "Rita Reviewer" }), role: "member" },
    subjectId: company.subjectId,
    input: reviewInput({
      stars: 4,
      recommend: true,
      title: "Helpful staff in the shop",
      body: "They found the right size for me and the queue was short.",
    }),
    locale: "en",
    ipHash: null,
  });
  if (!result.ok || result.status !== "published") throw new Error(`review not published: ${JSON.stringify(result)}`);
  reviewId = result.reviewId;

  const shared = { DATABASE_URL: database, SITE_URL: SITE, PAGE_CACHE: "on", PAGE_CACHE_TTL: "600", LITEFS_WAIT_MS: String(WAIT_MS) };
  primary = await startServer({ ...shared, LITEFS_DIR: mounts.primary });
  // The first render compiles the app (Vite) and settles its dependency cache, which the
  // replicas' dev servers then share.
  await warmUp(primary);
  [replica, flyReplica] = await Promise.all([
    // TRUST_PROXY: this replica believes X-Forwarded-For (the primary does not).
    startServer({ ...shared, LITEFS_DIR: mounts.replica, INTERNAL_PORT: primary.port, TRUST_PROXY: "1" }),
    startServer({ ...shared, LITEFS_DIR: mounts.fly, FLY_APP_NAME: "replique", FLY_MACHINE_ID: "replica-machine-3" }),
  ]);
  await Promise.all([warmUp(replica), warmUp(flyReplica)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([primary?.stop(), replica?.stop(), flyReplica?.stop()]);
  fs.rmSync(dirs, { recursive: true, force: true });
});

describe("roles", () => {
  it("each process knows its role from .primary; the replicas opened the file read-only", () => {
    expect(primary.output.join("\n")).toMatch(/LiteFS: primary/);
    expect(replica.output.join("\n")).toMatch(/LiteFS: replica \(database read-only\)/);
    expect(flyReplica.output.join("\n")).toMatch(/LiteFS: replica \(database read-only\)/);
    // The replicas' processes hold the database file O_RDONLY (0), the primary's O_RDWR (2).
    // (SQLite opens the WAL read-write whatever the connection, for its index; a read-only
    // connection never appends to it: every write transaction fails with SQLITE_READONLY.)
    const file = fs.realpathSync(database);
    for (const server of [replica, flyReplica]) {
      const modes = openModes(server.child.pid!, file);
      expect(modes.length).toBeGreaterThan(0);
      expect(modes.every((mode) => mode === 0)).toBe(true);
    }
    expect(openModes(primary.child.pid!, file)).toContain(2);
  });

  it("the scheduled jobs run on the primary only: every lease is held by its process", async () => {
    const deadline = Date.now() + 30_000;
    let holders: string[] = [];
    while (Date.now() < deadline) {
      holders = getDb()
        .$client.prepare<[], { holder: string }>(`SELECT holder FROM job_leases`)
        .all()
        .map((r) => r.holder);
      if (holders.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(holders.length).toBeGreaterThan(0);
    for (const holder of holders) expect(Number(holder.split(":").at(-2))).toBe(primary.child.pid);
  });
});

describe("a replica", () => {
  it("serves GETs itself", async () => {
    for (const p of ["/", `/companies/${companySlug}`, `/reviews/${reviewId}`, "/login"]) {
      const answer = await request(replica, p);
      expect(answer.status, p).toBe(200);
      expect(header(answer, "x-litefs"), p).toBeNull();
    }
    expect((await request(replica, `/companies/${companySlug}`)).body).toContain("Helpful staff in the shop");
  });

  it("proxies a log-in to the primary: the session is made there, its cookie and a txid cookie reach the client", async () => {
    const user = await createTestUser({ displayName: "Lena Login" });
    setPosition(mounts.primary, 0x2a);
    const answer = await request(replica, "/login", {
      form: { email: user.email, password: user.password, redirectTo: "/account" },
      headers: { "X-Forwarded-For": "203.0.113.9" },
    });
    expect(answer.status).toBe(302);
    expect(header(answer, "location")).toBe("/account");
    expect(header(answer, "x-litefs")).toBe("forwarded");
    const token = cookieValue(answer.setCookie, sessionCookieName());
    expect(token).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);
    const txid = answer.setCookie.find((c) => c.startsWith("txid="));
    expect(txid).toBeDefined();
    expect(txid).toMatch(/^txid=2a; Path=\/; HttpOnly; SameSite=Lax; Max-Age=30$/);
    // Written by the primary (the replica cannot write): the session row exists.
    const row = getDb()
      .$client.prepare<[string], { userId: number; ip: string | null }>(`SELECT user_id AS userId, ip FROM sessions WHERE id = ?`)
      .get(token!.split(".")[0]!);
    expect(row?.userId).toBe(user.id);
    // With the client's address as the replica saw it (signed), not the replica's own.
    expect(row?.ip).toBe("203.0.113.9");
    // The replica reads it at once (the same file here; LiteFS ships it in milliseconds).
    const account = await request(replica, "/account", { cookie: `${sessionCookieName()}=${token}` });
    expect(account.status).toBe(200);
    expect(account.body).toContain(user.email);
    setPosition(mounts.primary, 5);
  });

  it("a GET with a txid ahead of its position waits until the replica has caught up", async () => {
    setPosition(mounts.replica, 5);
    const startedAt = Date.now();
    const pending = request(replica, `/companies/${companySlug}`, { cookie: "txid=7" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    setPosition(mounts.replica, 7);
    const answer = await pending;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
    expect(answer.status).toBe(200);
    expect(header(answer, "x-litefs")).toMatch(/^caught-up; waited=\d+$/);
    expect(Number(header(answer, "x-litefs")!.split("=")[1])).toBeGreaterThanOrEqual(250);
    // Already there: answered after one read of the -pos file, without waiting.
    const now = await request(replica, `/companies/${companySlug}`, { cookie: "txid=6" });
    expect(header(now, "x-litefs")).toMatch(/^caught-up; waited=\d+$/);
    expect(Number(header(now, "x-litefs")!.split("=")[1])).toBeLessThan(200);
  });

  it("past LITEFS_WAIT_MS, that GET goes to the primary", async () => {
    setPosition(mounts.replica, 7);
    const startedAt = Date.now();
    const answer = await request(replica, `/companies/${companySlug}`, { cookie: "txid=8" });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(WAIT_MS);
    expect(answer.status).toBe(200);
    expect(header(answer, "x-litefs")).toBe("forwarded");
    expect(answer.body).toContain("Helpful staff in the shop");
  });

  it("on Fly.io, a write is answered 409 with fly-replay to the primary's machine (and so is a read past the wait)", async () => {
    const user = await createTestUser();
    const answer = await request(flyReplica, "/login", { form: { email: user.email, password: user.password } });
    expect(answer.status).toBe(409);
    expect(header(answer, "fly-replay")).toBe("instance=primary-machine-7");
    expect(answer.setCookie).toEqual([]);
    const read = await request(flyReplica, "/", { cookie: "txid=ff" });
    expect(read.status).toBe(409);
    expect(header(read, "fly-replay")).toBe("instance=primary-machine-7");
  });

  it("keeps the server's refusals in front: a cross-site POST is refused there, not forwarded", async () => {
    const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const body = "email=a%40b.c&password=x";
      http
        .request(
          {
            host: "127.0.0.1",
            port: replica.port,
            method: "POST",
            path: "/login",
            headers: {
              Host: new URL(SITE).host,
              Origin: "http://evil.example",
              "Content-Type": "application/x-www-form-urlencoded",
              "Content-Length": String(body.length),
            },
          },
          (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          },
        )
        .on("error", reject)
        .end(body);
    });
    expect(answer.status).toBe(403);
    expect(answer.headers["x-litefs"]).toBeUndefined();
  });
});

describe("the page cache on a replica", () => {
  it("a write on the primary shows on the replica's next anonymous GET of a cached page (data version)", async () => {
    const page = `/companies/${companySlug}`;
    await request(replica, page);
    const before = await request(replica, page);
    expect(header(before, "x-cache")).toBe("hit");
    expect(before.body).not.toContain("1 person found this helpful");
    // A helpful vote, posted to the primary as a browser would.
    const voter = sessionCookie(makeUser({ displayName: "Victor Voter" }));
    const vote = await request(primary, `/reviews/${reviewId}/helpful`, { cookie: voter, form: {} });
    expect(vote.status).toBeLessThan(400);
    expect(vote.setCookie.some((c) => c.startsWith("txid=5;"))).toBe(true);
    const after = await request(replica, page);
    expect(header(after, "x-cache")).toBe("miss");
    expect(after.body).toContain("1 person found this helpful");
    expect(header(await request(replica, page), "x-cache")).toBe("hit");
  });

  it("a request with a txid cookie is never answered from the cache, nor fills it", async () => {
    setPosition(mounts.replica, 9);
    const page = `/companies/${companySlug}`;
    expect(header(await request(replica, page), "x-cache")).toBe("hit");
    const withTxid = await request(replica, page, { cookie: "txid=9" });
    expect(withTxid.status).toBe(200);
    expect(header(withTxid, "x-cache")).toBeNull();
    expect(header(withTxid, "x-litefs")).toMatch(/^caught-up/);
    // A page not cached yet, read with a txid first: the next anonymous read still renders.
    const other = `/companies/${companySlug}?sort=helpful`;
    expect(header(await request(replica, other, { cookie: "lang=en; txid=9" }), "x-cache")).toBeNull();
    expect(header(await request(replica, other), "x-cache")).toBe("miss");
    expect(header(await request(replica, other), "x-cache")).toBe("hit");
  });
});

describe("nothing on a replica writes", () => {
  it("signed-in reads skip the session touch (no write, no refreshed cookie) and never fail", async () => {
    const member = makeUser({ displayName: "Mia Member" });
    const moderator = makeUser({ displayName: "Max Moderator", role: "moderator" });
    const memberCookie = sessionCookie(member, { now: Date.now() - 2 * 60 * MINUTE });
    const moderatorCookie = sessionCookie(moderator, { now: Date.now() - 5 * MINUTE });
    const lastSeen = () =>
      getDb()
        .$client.prepare<[], { lastSeenAt: number }>(`SELECT last_seen_at AS lastSeenAt FROM sessions ORDER BY last_seen_at`)
        .all()
        .map((r) => r.lastSeenAt);
    const before = lastSeen();
    const pages = ["/", "/account", "/notifications", `/companies/${companySlug}`, `/reviews/${reviewId}`, "/search?q=staff", "/brand"];
    for (const p of pages) {
      const answer = await request(replica, p, { cookie: memberCookie });
      expect(answer.status, p).toBeLessThan(500);
      expect(
        answer.setCookie.filter((c) => c.startsWith(sessionCookieName())),
        p,
      ).toEqual([]);
    }
    for (const p of ["/moderation", "/moderation/flags", "/moderation/held", "/account"]) {
      const answer = await request(replica, p, { cookie: moderatorCookie });
      expect(answer.status, p).toBeLessThan(500);
    }
    expect(lastSeen()).toEqual(before);
    // The same reads on the primary do touch the session (what the replica skipped).
    await request(primary, "/account", { cookie: memberCookie });
    expect(lastSeen()).not.toEqual(before);
    const log = replica.output.join("\n");
    expect(log).not.toMatch(/readonly|read-only database|SQLITE_READONLY/i);
  });
});

describe("when the roles disagree", () => {
  it("a write another replica forwarded is not forwarded again (503, no loop)", async () => {
    const user = await createTestUser();
    const answer = await request(replica, "/login", {
      form: { email: user.email, password: user.password },
      headers: { [FORWARDED_FOR_HEADER]: signForwardedFor(env().SECRET, "203.0.113.10") },
    });
    expect(answer.status).toBe(503);
    expect(header(answer, "x-litefs")).toBeNull();
    expect(answer.body).toContain("primary server is changing");
  });

  it("a replica promoted while running answers writes 503 until restarted (its handle stays read-only)", async () => {
    fs.rmSync(path.join(mounts.replica, ".primary"));
    const user = await createTestUser();
    const answer = await request(replica, "/login", { form: { email: user.email, password: user.password } });
    expect(answer.status).toBe(503);
    expect(answer.body).toContain("must restart");
    expect(replica.output.join("\n")).toContain("became the primary but opened its database read-only");
    fs.writeFileSync(path.join(mounts.replica, ".primary"), "127.0.0.1\n");
  });
});
