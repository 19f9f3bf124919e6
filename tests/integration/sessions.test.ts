// S1–S3: sessions after Lucia's design, with a fake clock.
import { sha256 } from "@oslojs/crypto/sha2";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import {
  DAY,
  HOUR,
  MINUTE,
  clearSessionCookie,
  createSession,
  deleteUserSessions,
  listUserSessions,
  serializeSessionCookie,
  validateSessionToken,
} from "~/models/session.server";
import { createTestUser } from "../support/fixtures";

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const raw = () => getDb().$client;

describe("S1: the table holds no raw token", () => {
  it("stores the id and only the SHA-256 of the secret", async () => {
    const user = await createTestUser();
    const { token } = createSession(user.id, { ip: "203.0.113.9", userAgent: "UA", now: T0 });
    const [id, secret] = token.split(".");
    // ≥ 120 random bits each: 32 base32 characters = 160 bits.
    expect(id).toMatch(/^[a-z2-7]{32}$/);
    expect(secret).toMatch(/^[a-z2-7]{32}$/);

    const row = raw().prepare(`SELECT * FROM sessions WHERE id = ?`).get(id) as Record<string, unknown>;
    expect(Buffer.compare(row.secret_hash as Buffer, Buffer.from(sha256(new TextEncoder().encode(secret))))).toBe(0);
    const dump = JSON.stringify(raw().prepare(`SELECT * FROM sessions`).all(), (_k, v) =>
      v && v.type === "Buffer" ? Buffer.from(v.data).toString("latin1") : v,
    );
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(token);
  });

  it("refuses a token whose secret is wrong, or malformed", async () => {
    const user = await createTestUser();
    const { token } = createSession(user.id, { now: T0 });
    const [id, secret] = token.split(".");
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    expect(validateSessionToken(`${id}.${flipped}`, T0 + 1)).toBeNull();
    expect(validateSessionToken(id, T0 + 1)).toBeNull();
    expect(validateSessionToken(`${id}.${secret}.x`, T0 + 1)).toBeNull();
    expect(validateSessionToken(token, T0 + 1)?.user.id).toBe(user.id);
  });
});

describe("S2: cookie flags", () => {
  it("HttpOnly, SameSite=Lax, Path=/; Secure and __Host- in production only", () => {
    const prod = serializeSessionCookie("abc.def", T0 + DAY, T0, true);
    expect(prod.startsWith("__Host-replique_session=abc.def;")).toBe(true);
    for (const flag of ["HttpOnly", "SameSite=Lax", "Path=/", "Secure", `Max-Age=${DAY / 1000}`]) {
      expect(prod.split("; ")).toContain(flag);
    }
    expect(prod).not.toMatch(/Domain=/i);

    const dev = serializeSessionCookie("abc.def", T0 + DAY, T0, false);
    expect(dev.startsWith("replique_session=abc.def;")).toBe(true);
    expect(dev.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(dev.split("; ")).not.toContain("Secure");

    expect(clearSessionCookie(true)).toMatch(/^__Host-replique_session=; .*Max-Age=0.*Secure/);
  });
});

describe("S3: expiry with a fake clock", () => {
  afterEach(() => raw().prepare(`UPDATE users SET role = 'member'`).run());

  it("members: 30 days, sliding, refreshed at most hourly", async () => {
    const user = await createTestUser();
    const { token, session } = createSession(user.id, { now: T0 });
    expect(session.expiresAt).toBe(T0 + 30 * DAY);

    // Within the hour: valid, not extended, nothing written.
    const early = validateSessionToken(token, T0 + 59 * MINUTE)!;
    expect(early.fresh).toBe(false);
    expect(early.session.expiresAt).toBe(T0 + 30 * DAY);

    // After an hour: extended to 30 days from now.
    const later = validateSessionToken(token, T0 + 61 * MINUTE)!;
    expect(later.fresh).toBe(true);
    expect(later.session.expiresAt).toBe(T0 + 61 * MINUTE + 30 * DAY);
    const again = validateSessionToken(token, T0 + 62 * MINUTE)!;
    expect(again.fresh).toBe(false);

    // Used every 20 days, it lives on past the first 30 days…
    const t1 = T0 + 61 * MINUTE;
    expect(validateSessionToken(token, t1 + 20 * DAY)?.fresh).toBe(true);
    expect(validateSessionToken(token, t1 + 40 * DAY)?.fresh).toBe(true);
    // …and ends 30 days after the last refresh, its row deleted.
    expect(validateSessionToken(token, t1 + 70 * DAY + 1)).toBeNull();
    expect(raw().prepare(`SELECT count(*) AS n FROM sessions WHERE user_id = ?`).get(user.id)).toEqual({ n: 0 });
  });

  it("moderators and admins: 30 minutes idle", async () => {
    for (const role of ["moderator", "admin"] as const) {
      const user = await createTestUser({ role });
      const { token, session } = createSession(user.id, { now: T0 });
      expect(session.expiresAt).toBe(T0 + 12 * HOUR);
      expect(validateSessionToken(token, T0 + 29 * MINUTE)).not.toBeNull();
      // 29 minutes after the last activity: still there; 30: gone.
      expect(validateSessionToken(token, T0 + 58 * MINUTE)).not.toBeNull();
      expect(validateSessionToken(token, T0 + 88 * MINUTE)).toBeNull();
    }
  });

  it("moderators and admins: 12 hours at most, however active", async () => {
    const user = await createTestUser({ role: "moderator" });
    const { token } = createSession(user.id, { now: T0 });
    let t = T0;
    while (t + 20 * MINUTE < T0 + 12 * HOUR) {
      t += 20 * MINUTE;
      expect(validateSessionToken(token, t)).not.toBeNull();
    }
    expect(validateSessionToken(token, T0 + 12 * HOUR)).toBeNull();
  });

  it("a member promoted to moderator gets the moderator limits on the session they have", async () => {
    const user = await createTestUser();
    const { token } = createSession(user.id, { now: T0 });
    raw().prepare(`UPDATE users SET role = 'moderator' WHERE id = ?`).run(user.id);
    const result = validateSessionToken(token, T0 + 10 * MINUTE)!;
    expect(result.fresh).toBe(true);
    expect(result.session.expiresAt).toBe(T0 + 12 * HOUR);
    expect(validateSessionToken(token, T0 + 10 * MINUTE + 31 * MINUTE)).toBeNull();
  });

  it("lists only live sessions, and ends them all on demand", async () => {
    const user = await createTestUser();
    createSession(user.id, { now: T0 - 40 * DAY });
    const a = createSession(user.id, { now: T0 });
    const b = createSession(user.id, { now: T0 + MINUTE });
    expect(listUserSessions(user.id, T0 + 2 * MINUTE).map((s) => s.id)).toEqual([b.session.id, a.session.id]);
    expect(deleteUserSessions(user.id, { exceptId: b.session.id })).toBe(2);
    expect(validateSessionToken(a.token, T0 + 2 * MINUTE)).toBeNull();
    expect(validateSessionToken(b.token, T0 + 2 * MINUTE)).not.toBeNull();
  });
});
