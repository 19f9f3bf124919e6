// Hardening tried from outside, through the real server (`node --import tsx server.ts`, as
// `npm start` runs it): a pinned public origin, body limits before buffering, 400 for bodies
// that are not forms, private pages never cached, a full database answered 503, and SIGTERM
// under load finishing every request in flight.
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/models/auth.server";
import { sessionCookieName } from "~/models/session.server";
import { startServer, type RunningServer } from "../support/server";

/** A raw request, so that Host, Content-Length and the body are exactly what we say. */
function raw(base: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  const url = new URL(base);
  const headers: Record<string, string> = { Host: url.host, ...options.headers };
  if (options.body && !Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h))) {
    headers["Content-Length"] = String(Buffer.byteLength(options.body));
  }
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port: url.port, method: options.method ?? "GET", path: options.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    request.on("error", reject);
    if (options.body) request.write(options.body);
    request.end();
  });
}

describe("the pinned origin, body limits, content types and private pages", () => {
  let server: RunningServer;
  let db: Database.Database;
  beforeAll(async () => {
    server = await startServer();
    db = new Database(server.databaseUrl);
    db.pragma("busy_timeout = 5000");
    // The first origin to reach the server is pinned (the test's own).
    for (const p of ["/", "/login", "/signup", "/forgot-password", "/report", "/account"]) await fetch(server.base + p);
  }, 120_000);
  afterAll(async () => {
    db?.close();
    await server?.stop();
  });

  it("a reset request naming another Host is refused (421) and no mail names that host", async () => {
    const email = "victim@example.test";
    db.prepare(`INSERT INTO users (email, display_name, password_hash, email_verified_at) VALUES (?, 'V', ?, 1)`).run(
      email,
      await hashPassword("a long and unusual passphrase"),
    );
    const response = await raw(server.base, {
      method: "POST",
      path: "/forgot-password",
      headers: {
        Host: "evil.example",
        Origin: "http://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept-Language": "en",
      },
      body: `email=${encodeURIComponent(email)}`,
    });
    expect(response.status).toBe(421);
    expect(response.body).toContain(`This site answers at ${server.base}`);
    const mails = db.prepare(`SELECT text FROM outbox WHERE "to" = ?`).all(email) as { text: string }[];
    expect(mails.every((m) => !m.text.includes("evil.example"))).toBe(true);

    const ok = await raw(server.base, {
      method: "POST",
      path: "/forgot-password",
      headers: { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=${encodeURIComponent(email)}`,
    });
    expect(ok.status).toBeLessThan(400);
    const mail = db.prepare(`SELECT text FROM outbox WHERE "to" = ? ORDER BY id DESC`).get(email) as { text: string };
    expect(mail.text).toContain(`${server.base}/reset-password?token=`);
  });

  it("canonical URLs, the feed, robots.txt and the API never echo a foreign Host", async () => {
    for (const p of ["/", "/robots.txt", "/sitemap.xml"]) {
      const foreign = await raw(server.base, { path: p, headers: { Host: "evil.example" } });
      expect(foreign.status, p).toBe(421);
      expect(foreign.body).not.toMatch(/href="http:\/\/evil/);
    }
    const robots = await raw(server.base, { path: "/robots.txt" });
    expect(robots.body).toContain(`Sitemap: ${server.base}/sitemap.xml`);
    // A health probe may use any Host: it names no URL.
    expect((await raw(server.base, { path: "/healthz", headers: { Host: "10.0.0.7:3000" } })).status).toBe(200);
  });

  it("a 100 MB url-encoded form is refused with 413 before it is read, with a clear page", async () => {
    const response = await raw(server.base, {
      method: "POST",
      path: "/login",
      headers: {
        Origin: server.base,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(100 * 1024 * 1024),
        "Accept-Language": "fr",
      },
      body: "email=x",
    });
    expect(response.status).toBe(413);
    expect(response.body).toContain("trop volumineux");
    expect(response.headers["content-type"]).toMatch(/text\/html/);
  });

  it("a chunked body of unknown length is refused with 411", async () => {
    const response = await raw(server.base, {
      method: "POST",
      path: "/login",
      headers: {
        Origin: server.base,
        "Content-Type": "application/x-www-form-urlencoded",
        "Transfer-Encoding": "chunked",
        "Accept-Language": "en",
      },
      body: "7\r\nemail=x\r\n0\r\n\r\n",
    });
    expect(response.status).toBe(411);
  });

  it.each([
    "/login",
    "/signup",
    "/forgot-password",
    "/reset-password",
    "/report",
    "/reviews/1/helpful",
    "/reviews/1/flag",
    "/reviews/1/resolved",
  ])("%s answers 400, not 500, to a body that is not a form", async (p) => {
    for (const type of ["text/plain", "application/json", "application/octet-stream"]) {
      const response = await raw(server.base, {
        method: "POST",
        path: p,
        headers: { Origin: server.base, "Content-Type": type },
        body: '{"a":1}',
      });
      expect(response.status, `${p} ${type}`).toBeLessThan(500);
      expect(response.body).not.toMatch(/at .*\.tsx?:\d+/); // no stack trace
    }
  });

  it("signed-in pages, and the 404 page of a signed-in visitor, are never stored by a cache", async () => {
    const email = "private@example.test";
    db.prepare(`INSERT INTO users (email, display_name, password_hash, email_verified_at) VALUES (?, 'P', ?, 1)`).run(
      email,
      await hashPassword("a long and unusual passphrase"),
    );
    const login = await fetch(server.base + "/login", {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: "a long and unusual passphrase" }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${sessionCookieName(false)}=`))!
      .split(";")[0]!;
    for (const p of ["/account", "/notifications", "/", "/no-such-page", "/companies/no-such-company"]) {
      const response = await fetch(server.base + p, { headers: { Cookie: cookie } });
      expect(response.headers.get("cache-control"), p).toBe("private, no-store");
    }
    const anonymous = await fetch(server.base + "/");
    expect(anonymous.headers.get("cache-control")).not.toContain("no-store");
  });
});

describe("a full database", () => {
  let server: RunningServer;
  beforeAll(async () => {
    // A quota just above what the migrated, empty database needs.
    server = await startServer({ DATABASE_MAX_BYTES: String(4 * 1024 * 1024) });
    await fetch(server.base + "/signup");
    const db = new Database(server.databaseUrl);
    db.exec("CREATE TABLE filler (b BLOB)");
    const insert = db.prepare("INSERT INTO filler VALUES (zeroblob(65536))");
    while ((db.pragma("page_count", { simple: true }) as number) * (db.pragma("page_size", { simple: true }) as number) < 4 * 1024 * 1024)
      insert.run();
    db.close();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("answers a write with a localized 503 page, and /healthz says not ready", async () => {
    // The first writes may still fit in pages the tables already have; the next ones need
    // pages past the quota. Every answer is either a success or a 503, never a 500.
    let response: Response | undefined;
    const statuses: number[] = [];
    for (let i = 0; i < 8 && response?.status !== 503; i++) {
      response = await fetch(server.base + "/signup", {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "fr" },
        body: new URLSearchParams({
          email: `new${i}@example.test`,
          displayName: "Nouvelle",
          password: "Velvet lanterns drift over quiet harbours 7",
          website: "",
        }),
      });
      statuses.push(response.status);
    }
    expect(
      statuses.every((s) => s === 200 || s === 503),
      String(statuses),
    ).toBe(true);
    expect(response!.status).toBe(503);
    expect(response!.headers.get("retry-after")).toBe("60");
    expect(await response!.text()).toContain("Enregistrement impossible pour le moment");
    const health = await fetch(server.base + "/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable" });
    // Reading still works.
    expect((await fetch(server.base + "/login")).status).toBe(200);
  });
});

describe("SIGTERM under load", () => {
  it("finishes every request in flight, then exits 0", async () => {
    const server = await startServer();
    // Compile the pages once, so that the requests below are only rendering.
    await fetch(server.base + "/");
    await fetch(server.base + "/transparency");
    const started: Promise<{ status: number; length: number }>[] = [];
    for (let i = 0; i < 40; i++) {
      const p = i % 2 ? "/" : "/transparency";
      started.push(
        raw(server.base, { path: p, headers: { Connection: "close" } }).then((r) => ({ status: r.status, length: r.body.length })),
      );
    }
    await new Promise((r) => setTimeout(r, 20));
    server.child.kill("SIGTERM");
    const results = await Promise.allSettled(started);
    const exit = await server.stop();
    const failed = results.filter((r) => r.status === "rejected" || r.value.status !== 200 || r.value.length < 500);
    expect(failed).toEqual([]);
    expect(exit).toBe(0);
  }, 120_000);
});
