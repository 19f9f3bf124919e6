// Runs before every test file: a fresh SQLite file of its own (a copy of the migrated
// template, tests/setup/template-database.ts), and console.error fails the test.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";

const dir = path.join(os.tmpdir(), "replique-tests");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${crypto.randomUUID()}.db`);
fs.copyFileSync(inject("templateDatabase"), file);
process.env.DATABASE_URL = file;
process.env.DATA_DIR = path.join(dir, `${path.basename(file, ".db")}-data`);
process.env.NODE_ENV = "test";
// A secret of its own, kept as production keeps it (a test may switch NODE_ENV to production).
process.env.SECRET_FILE = path.join(process.env.DATA_DIR, "secret");

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  consoleError.mockRestore();
});

afterAll(async () => {
  const { closeDb } = await import("#db/client.server");
  closeDb();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
});
