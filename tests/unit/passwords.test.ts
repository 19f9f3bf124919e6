// A1 and A2: argon2id parameters, salts, and the password policy.
import { describe, expect, it } from "vitest";
import { breachedPasswordCount, isBreachedPassword } from "~/lib/breached-passwords.server";
import { hashPassword, passwordProblem, signupActionSchema, verifyPassword } from "~/models/auth.server";

describe("password hashes (A1)", () => {
  it("are argon2id v19 with m ≥ 19456 KiB, t ≥ 2, p = 1, and salted", async () => {
    const a = await hashPassword("the same password twice");
    const b = await hashPassword("the same password twice");
    const match = a.match(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
    expect(match).not.toBeNull();
    const [, m, t, p] = match!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBe(1);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "the same password twice")).toBe(true);
    expect(await verifyPassword(b, "the same password twice")).toBe(true);
    expect(await verifyPassword(a, "the same password twicE")).toBe(false);
  });
});

describe("password policy (A2)", () => {
  const base = { email: "someone@example.com", displayName: "Someone" };
  const errorFor = (password: string) => {
    const result = signupActionSchema.safeParse({ ...base, password });
    return result.success ? null : (result.error.issues.find((i) => i.path[0] === "password")?.message ?? null);
  };

  it("refuses 11 characters, accepts 12 and 128, refuses 129", () => {
    expect(errorFor("x7#kq".padEnd(11, "z"))).toBe("validation.passwordShort");
    expect(errorFor("x7#kq".padEnd(12, "z"))).toBeNull();
    expect(errorFor("x7#kq".padEnd(128, "z"))).toBeNull();
    expect(errorFor("x7#kq".padEnd(129, "z"))).toBe("validation.passwordLong");
  });

  it("counts characters, not bytes or UTF-16 units, and accepts any of them", () => {
    expect(passwordProblem("🔑".repeat(12))).toBeNull();
    expect(passwordProblem("🔑".repeat(11))).toBe("validation.passwordShort");
    expect(passwordProblem("été à l’hôtel, déjà")).toBeNull();
    expect(passwordProblem("            ")).toBeNull();
  });

  it("has no composition rules", () => {
    expect(passwordProblem("all lower case words here")).toBeNull();
  });

  it("refuses common breached passwords, whatever their case", () => {
    expect(breachedPasswordCount()).toBe(10_000);
    for (const common of ["123456789012", "passwordpassword", "qwertyuiopasdf", "QwertyuiopASDF", "1qaz2wsx3edc"]) {
      expect(isBreachedPassword(common)).toBe(true);
      expect(errorFor(common)).toBe("validation.passwordBreached");
    }
    expect(isBreachedPassword("a long and unusual passphrase")).toBe(false);
    expect(isBreachedPassword("replique-demo")).toBe(false);
  });
});

describe("one password module", () => {
  it("the seed's hashes (password.server) and the account pages' normalise NFKC alike", async () => {
    const { hashPassword: seedHash, verifyPassword: seedVerify } = await import("~/models/password.server");
    const composed = "Caf\u00e9 au lait, s'il vous pla\u00eet";
    const decomposed = composed.normalize("NFD");
    const fromSeed = await seedHash(composed);
    expect(await verifyPassword(fromSeed, decomposed)).toBe(true);
    expect(await seedVerify(await hashPassword(decomposed), composed)).toBe(true);
    expect(hashPassword).toBe(seedHash);
  });
});
