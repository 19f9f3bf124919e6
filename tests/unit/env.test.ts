// Settings: validated once, no secret written in the code. Production refuses to start
// without SECRET or SECRET_FILE; elsewhere a random secret is generated once and kept.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEnv } from "~/env.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-env-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("SECRET", () => {
  it("is required in production, naming the variables", () => {
    expect(() => loadEnv({ NODE_ENV: "production", DATA_DIR: dir })).toThrow(/SECRET: required in production.*SECRET_FILE/s);
  });

  it("is taken as given when set, and refused when short", () => {
    expect(loadEnv({ NODE_ENV: "production", SECRET: "s".repeat(32) }).SECRET).toBe("s".repeat(32));
    expect(() => loadEnv({ NODE_ENV: "production", SECRET: "short" })).toThrow(/SECRET/);
  });

  it("SECRET_FILE is created once with a random secret, private to its owner, and read back after", () => {
    const file = path.join(dir, "nested", "secret");
    const first = loadEnv({ NODE_ENV: "production", SECRET_FILE: file }).SECRET;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadEnv({ NODE_ENV: "production", SECRET_FILE: file }).SECRET).toBe(first);
    fs.writeFileSync(path.join(dir, "weak"), "abc\n");
    expect(() => loadEnv({ NODE_ENV: "production", SECRET_FILE: path.join(dir, "weak") })).toThrow(/fewer than 32/);
  });

  it("outside production defaults to DATA_DIR/secret, the same on every start", () => {
    const dataDir = path.join(dir, "data");
    const a = loadEnv({ NODE_ENV: "development", DATA_DIR: dataDir }).SECRET;
    expect(fs.existsSync(path.join(dataDir, "secret"))).toBe(true);
    expect(loadEnv({ NODE_ENV: "development", DATA_DIR: dataDir }).SECRET).toBe(a);
  });

  it("appears nowhere in the code as a fallback", () => {
    const files = fs.readdirSync("app", { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.tsx?$/.test(f.name));
    for (const f of files) {
      const text = fs.readFileSync(path.join(f.parentPath, f.name), "utf8");
      expect(text, f.name).not.toMatch(/process\.env\.SECRET\s*\?\?|development-secret/);
      if (!f.name.endsWith("env.server.ts")) expect(text, `${f.name} reads process.env`).not.toMatch(/process\.env\b/);
    }
  });
});
