// Through the real HTTP server (`tsx server.ts`, development mode, a fresh database):
// C1 origin checks, C3 headers and CSP nonces, S2 cookie flags, the client IP.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/models/auth.server";

let child: ChildProcess;
let base = "";
let db: Database.Database;
let tmp = "";
const PASSWORD = "a long and unusual passphrase";

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-http-"));
  const env: Record<string, string | undefined> = {};
  // Not the test runner's variables: VITEST would turn the Remix plugin off in vite.config.ts.
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST") && k !== "TEST") env[k] = v;
  Object.assign(env, {
    NODE_ENV: "development",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: path.join(tmp, "db.sqlite"),
    DATA_DIR: path.join(tmp, "data"),
    SEED_DEMO: "0",
    LOG_REQUESTS: "0",
  });
  delete env.SITE_URL;
  delete env.TRUST_PROXY;
  child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start")), 60_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      const m = line.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  base = `http://127.0.0.1:${port}`;
  db = new Database(path.join(tmp, "db.sqlite"));
  db.pragma("busy_timeout = 5000");
  // Warm the dev server up (first compilation of the routes).
  for (const p of ["/", "/login", "/signup", "/logout"]) await fetch(base + p);
}, 90_000);

afterAll(async () => {
  db?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function makeUser() {
  const email = `u${Math.random().toString(36).slice(2)}@example.test`;
  const { id } = db
    .prepare(`INSERT INTO users (email, display_name, password_hash, email_verified_at) VALUES (?, 'U', ?, 1) RETURNING id`)
    .get(email, await hashPassword(PASSWORD)) as { id: number };
  return { id, email };
}

function post(p: string, fields: Record<string, string>, headers: Record<string, string>) {
  return fetch(base + p, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

function snapshot() {
  return ["users", "sessions", "outbox", "rate_limits", "email_tokens"].map(
    (t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
  );
}

function cookieOf(res: Response) {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("replique_session=") && !c.startsWith("replique_session=;"));
  return set ? set.split(";")[0] : null;
}

async function loggedInCookie(email: string) {
  const res = await post("/login", { email, password: PASSWORD }, { Origin: base });
  expect(res.status).toBe(302);
  return cookieOf(res)!;
}

const refused: [string, Record<string, string>][] = [
  ["Origin: https://evil.example", { Origin: "https://evil.example" }],
  ["Origin: null", { Origin: "null" }],
  ["no Origin and no Sec-Fetch-Site", {}],
  ["no Origin and Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
  ["an X-Forwarded-Host that is not trusted", { Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" }],
];

describe("C1: cross-site POSTs are refused with 403 and change nothing", () => {
  it.each(refused)("log-in, sign-up and log-out with %s", async (_label, headers) => {
    const user = await makeUser();
    const cookie = await loggedInCookie(user.email);
    const before = snapshot();
    const attempts = [
      post("/login", { email: user.email, password: PASSWORD }, headers),
      post("/signup", { email: `x${Math.random()}@example.test`, displayName: "X", password: PASSWORD }, headers),
      post("/logout", {}, { ...headers, Cookie: cookie }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(snapshot()).toEqual(before);
    // Still logged in: the log-out did not happen.
    const account = await fetch(`${base}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(account.status).toBe(200);
  });

  it("the same requests from the site itself work (Origin, or Sec-Fetch-Site: same-origin)", async () => {
    const user = await makeUser();
    const variants: Record<string, string>[] = [{ Origin: base }, { "Sec-Fetch-Site": "same-origin" }];
    for (const headers of variants) {
      const login = await post("/login", { email: user.email, password: PASSWORD }, headers);
      expect(login.status).toBe(302);
      const cookie = cookieOf(login)!;
      expect(cookie).toBeTruthy();

      const email = `new${Math.random().toString(36).slice(2)}@example.test`;
      const signup = await post("/signup", { email, displayName: "New", password: PASSWORD }, headers);
      expect(signup.status).toBe(200);
      expect(db.prepare(`SELECT count(*) AS n FROM users WHERE email = ?`).get(email)).toEqual({ n: 1 });

      const logout = await post("/logout", {}, { ...headers, Cookie: cookie });
      expect(logout.status).toBe(302);
      const account = await fetch(`${base}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(account.status).toBe(302);
    }
  });
});

describe("S2: the session cookie over HTTP", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ (Secure and __Host- are production's)", async () => {
    const user = await makeUser();
    const res = await post("/login", { email: user.email, password: PASSWORD }, { Origin: base });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("replique_session="))!;
    const attrs = set.split("; ");
    expect(attrs).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(attrs).not.toContain("Secure");
    const maxAge = Number(attrs.find((a) => a.startsWith("Max-Age="))!.slice(8));
    expect(Math.abs(maxAge - 30 * 86_400)).toBeLessThanOrEqual(2);
    expect(set).not.toMatch(/Domain=/i);
  });

  it("the client IP is the socket's; X-Forwarded-For is ignored without TRUST_PROXY", async () => {
    const user = await makeUser();
    await post("/login", { email: user.email, password: PASSWORD }, { Origin: base, "X-Forwarded-For": "6.6.6.6" });
    const row = db.prepare(`SELECT ip FROM sessions WHERE user_id = ?`).get(user.id) as { ip: string };
    expect(row.ip).toMatch(/127\.0\.0\.1$/);
  });
});

describe("C3: security headers and CSP nonces", () => {
  it("two requests get different nonces; script-src has no unsafe-inline; every script carries the nonce", async () => {
    const [a, b] = await Promise.all([fetch(`${base}/login`), fetch(`${base}/login`)]);
    const cspA = a.headers.get("Content-Security-Policy")!;
    const cspB = b.headers.get("Content-Security-Policy")!;
    const nonceA = cspA.match(/'nonce-([^']+)'/)![1];
    const nonceB = cspB.match(/'nonce-([^']+)'/)![1];
    expect(nonceA).not.toBe(nonceB);
    expect(nonceA.length).toBeGreaterThanOrEqual(22);

    const directives = Object.fromEntries(
      cspA
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives["script-src"]).toContain(`'nonce-${nonceA}'`);
    expect(directives["script-src"]).not.toContain("'unsafe-inline'");
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'none'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);

    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceA}"`);
    // The nonce is not in loader data (it only appears in script tags and the header).
    expect(html.split(nonceA).length - 1).toBe(scripts.length);

    for (const res of [a, b]) {
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("X-Powered-By")).toBeNull();
    }
  });
});
