// The account journeys through the real route loaders and actions: sign-up, verification,
// log-in, log-out, reset, password and email change (A3, A4, A5, S4).
import type * as argon2 from "@node-rs/argon2";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import * as accountRoute from "~/routes/account._index";
import * as forgotRoute from "~/routes/forgot-password";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import * as resetRoute from "~/routes/reset-password";
import * as signupRoute from "~/routes/signup";
import * as verifyRoute from "~/routes/verify-email";
import * as root from "~/root";
import { requestPasswordReset, resetPassword } from "~/models/auth.server";
import { createSession, HOUR } from "~/models/session.server";
import {
  callAction,
  callLoader,
  clearRateLimits,
  createTestUser,
  getRequest,
  outboxFor,
  postRequest,
  sessionCookieFrom,
  shownAnswer,
  tokenFromMail,
} from "../support/fixtures";
import { resetEnv } from "~/env.server";

// The expensive part of an account request is argon2 (19 MiB, 2 passes): counted here, so
// that "the same time for a known and an unknown email" is checked as the same work, not
// with a wall clock. The real functions run; only their calls are counted.
const argon2Calls = vi.hoisted(() => ({ hash: 0, verify: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof argon2>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => (argon2Calls.hash++, real.hash(...args)),
    verify: (...args: Parameters<typeof real.verify>) => (argon2Calls.verify++, real.verify(...args)),
  };
});

const raw = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) =>
  (
    raw()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;

async function logInWith(email: string, password: string, ip = "198.51.100.20") {
  return callAction(loginRoute.action, postRequest("/login", { email, password }), ip);
}

/** The user the root loader sees for this cookie (null when signed out). */
async function whoIs(cookie: string | null) {
  const result = await callLoader(root.loader, getRequest("/", cookie ? { cookie } : {}));
  return (result.data as { user: { id: number } | null }).user;
}

beforeEach(() => clearRateLimits());

describe("sign-up and email verification", () => {
  it("creates the account, mails a link, and the link confirms the address and logs in", async () => {
    const email = `new-${Date.now()}@example.test`;
    const res = await callAction(
      signupRoute.action,
      postRequest("/signup", { email: email.toUpperCase(), displayName: "  Camille   D. ", password: "a long and unusual passphrase" }),
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ sent: true, email });
    expect(sessionCookieFrom(res.headers)).toBeNull();
    const user = raw().prepare(`SELECT * FROM users WHERE email = ?`).get(email) as Record<string, unknown>;
    expect(user.display_name).toBe("Camille D.");
    expect(user.email_verified_at).toBeNull();
    expect(String(user.password_hash)).toMatch(/^\$argon2id\$/);

    const mails = outboxFor(email);
    expect(mails.map((m) => m.template)).toEqual(["verify_email"]);
    expect(mails[0].html).toContain("<a href=");
    const token = tokenFromMail(email, "verify_email");

    // Opening the link changes nothing; the button does.
    const page = await callLoader(verifyRoute.loader, getRequest(`/verify-email?token=${token}`));
    expect(page.data).toEqual({ token, valid: true });
    expect(count(`SELECT count(*) AS n FROM users WHERE email = ? AND email_verified_at IS NOT NULL`, email)).toBe(0);

    const confirmed = await callAction(verifyRoute.action, postRequest("/verify-email", { token }));
    expect(confirmed.status).toBe(302);
    const cookie = sessionCookieFrom(confirmed.headers);
    expect(cookie).not.toBeNull();
    expect((await whoIs(cookie))?.id).toBe(user.id);
    expect(count(`SELECT count(*) AS n FROM users WHERE email = ? AND email_verified_at IS NOT NULL`, email)).toBe(1);

    // Single use.
    const reused = await callAction(verifyRoute.action, postRequest("/verify-email", { token }));
    expect(reused.data).toEqual({ invalid: true });
  });

  it("shows errors next to the fields and keeps what was typed, never the password", async () => {
    const res = await callAction(
      signupRoute.action,
      postRequest("/signup", { email: "not-an-email", displayName: "X", password: "short" }),
    );
    expect(res.status).toBe(400);
    const data = shownAnswer(res.data);
    expect(data.values).toEqual({ email: "not-an-email", displayName: "X" });
    expect(Object.keys(data.errors).sort()).toEqual(["displayName", "email", "password"]);
    expect(JSON.stringify(res.data)).not.toContain("short");
  });

  it("a sign-up with a known email mails its owner and answers exactly as for a new one", async () => {
    const known = await createTestUser();
    const res = await callAction(
      signupRoute.action,
      postRequest("/signup", { email: known.email, displayName: "Impostor", password: "another long passphrase" }),
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ sent: true, email: known.email });
    expect(count(`SELECT count(*) AS n FROM users WHERE email = ?`, known.email)).toBe(1);
    expect(outboxFor(known.email).map((m) => m.template)).toEqual(["account_exists"]);
  });

  it("a filled honeypot creates nothing but answers the same", async () => {
    const email = `bot-${Date.now()}@example.test`;
    const res = await callAction(
      signupRoute.action,
      postRequest("/signup", { email, displayName: "Bot", password: "a long and unusual passphrase", website: "http://spam" }),
    );
    expect(res.data).toEqual({ sent: true, email });
    expect(count(`SELECT count(*) AS n FROM users WHERE email = ?`, email)).toBe(0);
    expect(outboxFor(email)).toEqual([]);
  });

  it("sign-ups are limited per IP address", async () => {
    const ip = "192.0.2.44";
    let last;
    for (let i = 0; i < 21; i++) {
      last = await callAction(
        signupRoute.action,
        postRequest("/signup", {
          email: `burst${i}-${Date.now()}@example.test`,
          displayName: "Burst",
          password: "a long and unusual passphrase",
        }),
        ip,
      );
      if (i < 20) expect(last.status).toBe(200);
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
  }, 30_000);
});

describe("log-in and log-out", () => {
  it("logs in with a fresh session each time and follows a safe redirectTo", async () => {
    const user = await createTestUser();
    const req = postRequest("/login", { email: user.email, password: user.password, redirectTo: "/account" });
    const first = await callAction(loginRoute.action, req);
    expect(first.status).toBe(302);
    expect(first.location).toBe("/account");
    const cookie = sessionCookieFrom(first.headers)!;

    // Logging in again from the same browser replaces the session (no fixation).
    const second = await callAction(
      loginRoute.action,
      postRequest("/login", { email: user.email, password: user.password, redirectTo: "//evil.com" }, { cookie }),
    );
    expect(second.location).toBe("/");
    const cookie2 = sessionCookieFrom(second.headers)!;
    expect(cookie2).not.toBe(cookie);
    expect(await whoIs(cookie)).toBeNull();
    expect((await whoIs(cookie2))?.id).toBe(user.id);
  });

  it("sends signed-in visitors away from the log-in and sign-up pages", async () => {
    const user = await createTestUser();
    const cookie = sessionCookieFrom((await logInWith(user.email, user.password)).headers)!;
    for (const loader of [loginRoute.loader, signupRoute.loader]) {
      const res = await callLoader(loader, getRequest("/login?redirectTo=%2F%2Fevil.com", { cookie }));
      expect(res.status).toBe(302);
      expect(res.location).toBe("/");
    }
  });

  it("refuses a suspended user, after checking the password", async () => {
    const user = await createTestUser({ suspended: true });
    const wrong = await logInWith(user.email, "not the password at all");
    const unknown = await logInWith(`nobody-${Date.now()}@example.test`, "not the password at all");
    // A wrong password says nothing about the suspension.
    const unknownAnswer = unknown.data as { result: object };
    expect(wrong.data).toEqual({ ...unknownAnswer, result: { ...unknownAnswer.result, initialValue: { email: user.email } } });
    expect(wrong.status).toBe(400);
    const right = await logInWith(user.email, user.password);
    expect(right.status).toBe(400);
    expect(sessionCookieFrom(right.headers)).toBeNull();
    expect(shownAnswer(right.data).formError).toMatch(/suspendu|suspended/);
  });

  it("S4: after log-out the old cookie no longer works", async () => {
    const user = await createTestUser();
    const cookie = sessionCookieFrom((await logInWith(user.email, user.password)).headers)!;
    expect((await whoIs(cookie))?.id).toBe(user.id);
    const out = await callAction(logoutRoute.action, postRequest("/logout", {}, { cookie }));
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().some((c) => c.startsWith("replique_session=;") && c.includes("Max-Age=0"))).toBe(true);
    expect(await whoIs(cookie)).toBeNull();
    const account = await callLoader(accountRoute.loader, getRequest("/account", { cookie }));
    expect(account.status).toBe(302);
    expect(account.location).toBe("/login?redirectTo=%2Faccount");
  });
});

describe("A3: rate limits on log-in", () => {
  it("the 11th wrong password for one account within 15 minutes gets 429, with Retry-After and a message", async () => {
    const user = await createTestUser();
    for (let i = 1; i <= 10; i++) {
      const res = await logInWith(user.email, `wrong password number ${i}`, `203.0.113.${i}`);
      expect(res.status).toBe(400);
    }
    const eleventh = await logInWith(user.email, "wrong password number 11", "203.0.113.11");
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeGreaterThan(800);
    expect(Number(eleventh.headers.get("Retry-After"))).toBeLessThanOrEqual(900);
    expect(shownAnswer(eleventh.data).formError).toMatch(/^Trop de tentatives/);
    // Even the right password waits now.
    const right = await logInWith(user.email, user.password, "203.0.113.12");
    expect(right.status).toBe(429);
    expect(sessionCookieFrom(right.headers)).toBeNull();
    // In English too.
    const en = await callAction(
      loginRoute.action,
      postRequest("/login", { email: user.email, password: "x" }, { headers: { "Accept-Language": "en" } }),
    );
    expect(shownAnswer(en.data, "en").formError).toMatch(/^Too many attempts/);
  }, 20_000);

  it("an IP address trying many accounts is throttled too", async () => {
    const { logIn } = await import("~/models/auth.server");
    const ip = "203.0.113.200";
    for (let i = 0; i < 30; i++) {
      const result = await logIn({ email: `spray${i}@example.test`, password: "Summer2026!!!" }, { ip });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const victim = await createTestUser();
    const res = await logInWith(victim.email, victim.password, ip);
    expect(res.status).toBe(429);
    // Another address is not affected.
    expect((await logInWith(victim.email, victim.password, "203.0.113.201")).status).toBe(302);
  }, 20_000);
});

describe("A4: no enumeration", () => {
  const normalise = (data: unknown, email: string) => JSON.stringify(data).split(email).join("<email>");

  /** What five requests for a known and five for an unknown email answered, and the argon2
   *  work each did (hashes and verifications), which must not tell the two apart. */
  async function compare(
    run: (email: string, i: number) => Promise<{ status: number; data: unknown }>,
    known: () => string,
    unknown: (i: number) => string,
  ) {
    const work = { known: new Set<string>(), unknown: new Set<string>() };
    const bodies = new Set<string>();
    const statuses = new Set<number>();
    for (let i = 0; i < 5; i++) {
      for (const kind of ["known", "unknown"] as const) {
        clearRateLimits();
        const email = kind === "known" ? known() : unknown(i);
        const before = { ...argon2Calls };
        const res = await run(email, i);
        work[kind].add(`hash ${argon2Calls.hash - before.hash}, verify ${argon2Calls.verify - before.verify}`);
        bodies.add(normalise(res.data, email));
        statuses.add(res.status);
      }
    }
    return { bodies, statuses, work: { known: [...work.known], unknown: [...work.unknown] } };
  }

  it("log-in: same status, body and time for a known and an unknown email", async () => {
    const user = await createTestUser();
    const result = await compare(
      (email) => logInWith(email, "a wrong but plausible password"),
      () => user.email,
      (i) => `nobody${i}@example.test`,
    );
    expect([...result.statuses]).toEqual([400]);
    expect(result.bodies.size).toBe(1);
    // One verification each: against the account's hash, or a dummy one.
    expect(result.work).toEqual({ known: ["hash 0, verify 1"], unknown: ["hash 0, verify 1"] });
  }, 30_000);

  it("reset: same status, body and time for a known and an unknown email", async () => {
    const user = await createTestUser();
    const result = await compare(
      (email, i) => callAction(forgotRoute.action, postRequest("/forgot-password", { email }), `192.0.2.${100 + i}`),
      () => user.email,
      (i) => `nobody-reset${i}@example.test`,
    );
    expect([...result.statuses]).toEqual([200]);
    expect(result.bodies.size).toBe(1);
    // No password work either way; the mail is queued in the outbox, not sent during the request.
    expect(result.work).toEqual({ known: ["hash 0, verify 0"], unknown: ["hash 0, verify 0"] });
    expect(outboxFor(user.email).some((m) => m.template === "reset_password")).toBe(true);
  }, 30_000);

  it("sign-up: same status, body and time for a known and a new email", async () => {
    const user = await createTestUser();
    const result = await compare(
      (email) =>
        callAction(
          signupRoute.action,
          postRequest("/signup", { email, displayName: "Someone", password: "a long and unusual passphrase" }),
        ),
      () => user.email,
      (i) => `fresh${i}-${Date.now()}@example.test`,
    );
    expect([...result.statuses]).toEqual([200]);
    expect(result.bodies.size).toBe(1);
    // The password is hashed whether or not the account exists.
    expect(result.work.known).toEqual(result.work.unknown);
    expect(result.work.known).toHaveLength(1);
    expect(result.work.known[0]).toMatch(/^hash [1-9]/);
  }, 30_000);
});

describe("A5: password reset", () => {
  it("the token works once, and success ends every session of the user", async () => {
    const user = await createTestUser();
    const c1 = sessionCookieFrom((await logInWith(user.email, user.password)).headers)!;
    const c2 = sessionCookieFrom((await logInWith(user.email, user.password, "198.51.100.99")).headers)!;
    expect((await whoIs(c1))?.id).toBe(user.id);

    await callAction(forgotRoute.action, postRequest("/forgot-password", { email: user.email }));
    const token = tokenFromMail(user.email, "reset_password");
    const form = await callLoader(resetRoute.loader, getRequest(`/reset-password?token=${token}`));
    expect(form.data).toEqual({ token, valid: true });

    const breached = await callAction(resetRoute.action, postRequest("/reset-password", { token, password: "passwordpassword" }));
    expect(breached.status).toBe(400);
    expect(shownAnswer(breached.data).errors.password).toMatch(/divulgués|leaked/);

    const done = await callAction(
      resetRoute.action,
      postRequest("/reset-password", { token, password: "my brand new passphrase" }, { cookie: c1 }),
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe("/login");
    expect(await whoIs(c1)).toBeNull();
    expect(await whoIs(c2)).toBeNull();
    expect(count(`SELECT count(*) AS n FROM sessions WHERE user_id = ?`, user.id)).toBe(0);
    expect(outboxFor(user.email).at(-1)?.template).toBe("password_changed");

    const again = await callAction(resetRoute.action, postRequest("/reset-password", { token, password: "yet another passphrase" }));
    expect(again.status).toBe(400);
    expect((again.data as { invalid: boolean }).invalid).toBe(true);

    expect((await logInWith(user.email, user.password)).status).toBe(400);
    expect((await logInWith(user.email, "my brand new passphrase")).status).toBe(302);
  });

  it("the token expires after one hour", async () => {
    const user = await createTestUser();
    const t0 = Date.now();
    requestPasswordReset(user.email, { ip: "192.0.2.1", origin: "http://localhost", locale: "en", now: t0 });
    const token = tokenFromMail(user.email, "reset_password");
    expect(await resetPassword(token, "my brand new passphrase", { origin: "http://localhost", now: t0 + HOUR + 1 })).toEqual({
      ok: false,
    });
    expect(await resetPassword(token, "my brand new passphrase", { origin: "http://localhost", now: t0 + HOUR - 1 })).toMatchObject({
      ok: true,
    });
  });

  it("a new request voids the old link", async () => {
    const user = await createTestUser();
    await callAction(forgotRoute.action, postRequest("/forgot-password", { email: user.email }));
    const first = tokenFromMail(user.email, "reset_password");
    await callAction(forgotRoute.action, postRequest("/forgot-password", { email: user.email }));
    const second = tokenFromMail(user.email, "reset_password");
    expect(second).not.toBe(first);
    const old = await callAction(resetRoute.action, postRequest("/reset-password", { token: first, password: "my brand new passphrase" }));
    expect((old.data as { invalid: boolean }).invalid).toBe(true);
    const fresh = await callAction(
      resetRoute.action,
      postRequest("/reset-password", { token: second, password: "my brand new passphrase" }),
    );
    expect(fresh.status).toBe(302);
  });
});

describe("the account page", () => {
  async function signedIn() {
    const user = await createTestUser();
    const cookie = sessionCookieFrom((await logInWith(user.email, user.password)).headers)!;
    return { ...user, cookie };
  }

  it("lists the sessions; one can be revoked, or all of them", async () => {
    const user = await signedIn();
    const other = createSession(user.id, { ip: "192.0.2.50", userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0" });
    const page = await callLoader(accountRoute.loader, getRequest("/account", { cookie: user.cookie }));
    const sessions = (page.data as { sessions: { id: string; current: boolean; device: string }[] }).sessions;
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.id === other.session.id)).toMatchObject({ current: false, device: "Firefox, Windows" });
    expect(JSON.stringify(page.data)).not.toContain("secret");

    // Someone else's session id cannot be revoked from here.
    const stranger = await createTestUser();
    const theirs = createSession(stranger.id, {});
    await callAction(
      accountRoute.action,
      postRequest("/account", { intent: "revoke", sessionId: theirs.session.id }, { cookie: user.cookie }),
    );
    expect(count(`SELECT count(*) AS n FROM sessions WHERE id = ?`, theirs.session.id)).toBe(1);

    const revoked = await callAction(
      accountRoute.action,
      postRequest("/account", { intent: "revoke", sessionId: other.session.id }, { cookie: user.cookie }),
    );
    expect(revoked.status).toBe(200);
    expect(await whoIs(`replique_session=${other.token}`)).toBeNull();
    expect((await whoIs(user.cookie))?.id).toBe(user.id);

    const third = createSession(user.id, {});
    const all = await callAction(accountRoute.action, postRequest("/account", { intent: "revoke-all" }, { cookie: user.cookie }));
    expect(all.status).toBe(302);
    expect(await whoIs(user.cookie)).toBeNull();
    expect(await whoIs(`replique_session=${third.token}`)).toBeNull();
  });

  it("S4: changing the password ends every session; this device gets a new one", async () => {
    const user = await signedIn();
    const elsewhere = sessionCookieFrom((await logInWith(user.email, user.password, "192.0.2.77")).headers)!;
    const wrong = await callAction(
      accountRoute.action,
      postRequest(
        "/account",
        { intent: "password", currentPassword: "not my password", newPassword: "a new long passphrase" },
        { cookie: user.cookie },
      ),
    );
    expect(wrong.status).toBe(400);
    expect(shownAnswer(wrong.data).errors.currentPassword).toBeTruthy();

    const res = await callAction(
      accountRoute.action,
      postRequest(
        "/account",
        { intent: "password", currentPassword: user.password, newPassword: "a new long passphrase" },
        { cookie: user.cookie },
      ),
    );
    expect(res.status).toBe(200);
    const fresh = sessionCookieFrom(res.headers)!;
    expect(fresh).not.toBe(user.cookie);
    expect(await whoIs(user.cookie)).toBeNull();
    expect(await whoIs(elsewhere)).toBeNull();
    expect((await whoIs(fresh))?.id).toBe(user.id);
    expect(outboxFor(user.email).at(-1)?.template).toBe("password_changed");
  });

  it("changes the email only once the new address is confirmed, and tells the old one", async () => {
    const user = await signedIn();
    const newEmail = `moved-${Date.now()}@example.test`;
    const res = await callAction(
      accountRoute.action,
      postRequest("/account", { intent: "email", newEmail, password: user.password }, { cookie: user.cookie }),
    );
    expect(res.status).toBe(200);
    expect(count(`SELECT count(*) AS n FROM users WHERE email = ?`, user.email)).toBe(1);
    expect(outboxFor(user.email).at(-1)?.template).toBe("email_change_notice");
    const token = tokenFromMail(newEmail, "change_email");
    const confirmed = await callAction(verifyRoute.action, postRequest("/verify-email", { token }));
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/account");
    expect(count(`SELECT count(*) AS n FROM users WHERE id = ? AND email = ?`, user.id, newEmail)).toBe(1);
    expect((await logInWith(newEmail, user.password)).status).toBe(302);
  });

  it("an address that already has an account is not revealed: its owner gets a mail", async () => {
    const user = await signedIn();
    const other = await createTestUser();
    const res = await callAction(
      accountRoute.action,
      postRequest("/account", { intent: "email", newEmail: other.email, password: user.password }, { cookie: user.cookie }),
    );
    expect(res.status).toBe(200);
    expect(outboxFor(other.email).at(-1)?.template).toBe("email_in_use");
    expect(count(`SELECT count(*) AS n FROM email_tokens WHERE user_id = ? AND purpose = 'change_email'`, user.id)).toBe(0);
  });
});

describe("S2: the log-in cookie", () => {
  async function inProduction(siteUrl: string | undefined, run: () => Promise<void>) {
    process.env.NODE_ENV = "production";
    if (siteUrl) process.env.SITE_URL = siteUrl;
    resetEnv();
    try {
      await run();
    } finally {
      process.env.NODE_ENV = "test";
      delete process.env.SITE_URL;
      resetEnv();
    }
  }

  it("over HTTPS is __Host- prefixed and Secure, and read back under that name", async () => {
    const user = await createTestUser();
    await inProduction("https://replique.example", async () => {
      const res = await logInWith(user.email, user.password);
      const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-replique_session="))!;
      expect(set.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]));
      expect(set).not.toMatch(/Domain=/i);
      const cookie = set.split(";")[0];
      expect((await whoIs(cookie))?.id).toBe(user.id);
      // The plain name is not accepted over HTTPS.
      expect(await whoIs(cookie.replace("__Host-", ""))).toBeNull();
    });
  });

  it("over plain HTTP, even in production, is not Secure: a browser would drop it on any host but localhost", async () => {
    const user = await createTestUser();
    await inProduction(undefined, async () => {
      const res = await logInWith(user.email, user.password);
      const set = res.headers.getSetCookie().find((c) => c.startsWith("replique_session="))!;
      expect(set.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
      expect(set).not.toMatch(/Secure/);
      expect((await whoIs(set.split(";")[0]))?.id).toBe(user.id);
    });
  });
});
