// Runs once before the vitest run: one database with every migration applied, which each
// test file then copies as its own fresh database (tests/setup/setup-test-env.ts) instead
// of migrating a new file. Its name carries a hash of the migrations, so a changed or new
// migration makes a new template.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "#db/client.server";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

function migrationsHash(dir: string) {
  const hash = crypto.createHash("sha256");
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else hash.update(name).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}

export default function setup(project: TestProject) {
  const dir = path.join(os.tmpdir(), "replique-tests");
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, `template-${migrationsHash(path.resolve("db/migrations"))}.db`);
  if (!fs.existsSync(template)) {
    // Built beside, then renamed: a run started meanwhile never copies half a file.
    const building = `${template}.${process.pid}.tmp`;
    const db = openDatabase(building);
    migrateDatabase(db);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(building + suffix, { force: true });
    fs.renameSync(building, template);
  }
  project.provide("templateDatabase", template);
}
