// The page cache's version read is skipped while no transaction has committed since the last
// one (CommitWatch, app/models/data-versions.server.ts: the WAL-index header in `<db>-shm`).
// What it must never do is serve a version older than the database: a commit by this
// connection, by another connection or by another process shows on the very next read.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFile, getDb, openDatabase, trackQueries, type QueryStats } from "#db/client.server";
import { resetEnv } from "~/env.server";
import { MAX_KEPT_VERSIONS, pageVersion } from "~/models/data-versions.server";
import { makeCompany, makeReview, makeUser } from "../support/fixtures";

/** The version, and how many statements reading it took. */
function read(scope: Parameters<typeof pageVersion>[0], db = getDb()) {
  const stats: QueryStats = { statements: 0, ms: 0 };
  const version = trackQueries(stats, () => pageVersion(scope, db));
  return { version, statements: stats.statements };
}

/** The version read by a query, on a connection of its own (whose first read is a query). */
function queried(scope: Parameters<typeof pageVersion>[0]) {
  const fresh = openDatabase(databaseFile());
  try {
    return read(scope, fresh).version;
  } finally {
    fresh.$client.close();
  }
}

const others: Database.Database[] = [];
afterAll(() => others.forEach((c) => c.close()));

describe("the commit watch", () => {
  it("reads a version once while nothing commits, and again after any commit", () => {
    const company = makeCompany({ slug: "watched" });
    const scope = { kind: "company" as const, slug: "watched" };
    read({ kind: "site" }); // the connection's first read prepares the statements (a pragma)
    const first = read(scope);
    expect(first.statements).toBe(1);
    expect(read(scope)).toEqual({ version: first.version, statements: 0 });
    expect(read({ kind: "site" }).statements).toBe(0);

    // A commit of this connection: the next read is a query, and sees the new version.
    makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: makeUser(), stars: 5 });
    const after = read(scope);
    expect(after.statements).toBe(1);
    expect(after.version).not.toBe(first.version);
    expect(read(scope).statements).toBe(0);
  });

  it("sees a commit of another connection, and of another process, on the next read", () => {
    const company = makeCompany();
    const review = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: makeUser(), stars: 3 });
    const scope = { kind: "review" as const, id: review };
    const before = read(scope).version;
    expect(read(scope).statements).toBe(0);

    const other = new Database(databaseFile());
    others.push(other);
    other.prepare(`UPDATE reviews SET body = body || ' (edited)' WHERE id = ?`).run(review);
    const afterOther = read(scope);
    expect(afterOther.statements).toBe(1);
    expect(afterOther.version).not.toBe(before);

    const script = `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.prepare("UPDATE reviews SET body = body || ' (again)' WHERE id = ?").run(Number(process.argv[2])); db.close();`;
    execFileSync(process.execPath, ["-e", script, databaseFile(), String(review)], { cwd: process.cwd() });
    const afterProcess = read(scope);
    expect(afterProcess.statements).toBe(1);
    expect(afterProcess.version).not.toBe(afterOther.version);
    expect(afterProcess.version).toBe(queried(scope));
  });

  it("agrees with a plain query through any sequence of writes, checkpoints and reads", () => {
    const slugs = ["mixed-a", "mixed-b", "mixed-c"];
    const companies = slugs.map((slug) => makeCompany({ slug }));
    const author = makeUser();
    const other = new Database(databaseFile());
    others.push(other);
    const edit = other.prepare(`UPDATE reviews SET stars = 1 + stars % 5 WHERE id = ?`);
    const seeds = companies.map((c) => makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author, stars: 4 }));
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let step = 0; step < 60; step++) {
      const i = random(companies.length);
      const action = random(5);
      if (action === 0) edit.run(seeds[i]);
      else if (action === 1)
        makeReview({ companyId: companies[i]!.id, subjectId: companies[i]!.subjectId, authorId: makeUser(), stars: 2 });
      else if (action === 2) other.pragma(`wal_checkpoint(${random(2) ? "TRUNCATE" : "PASSIVE"})`);
      const scope = random(2) ? { kind: "company" as const, slug: slugs[i]! } : { kind: "site" as const };
      expect(read(scope).version).toBe(queried(scope));
    }
  });

  it("keeps a bounded number of versions, and no made-up slug of any length", () => {
    const long = { kind: "company" as const, slug: "x".repeat(5_000) };
    read(long);
    expect(read(long).statements).toBe(1);
    for (let i = 0; i <= MAX_KEPT_VERSIONS; i++) read({ kind: "company", slug: `missing-${i}` });
    // Past the bound the kept versions were dropped: the first one is read again.
    expect(read({ kind: "company", slug: "missing-0" }).statements).toBe(1);
  });

  it("reads every time on LiteFS, whose mount serves the -shm file itself", () => {
    process.env.LITEFS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "litefs-"));
    resetEnv();
    const db = openDatabase(databaseFile());
    try {
      expect(read({ kind: "site" }, db).statements).toBe(1);
      expect(read({ kind: "site" }, db).statements).toBe(1);
    } finally {
      db.$client.close();
      fs.rmSync(process.env.LITEFS_DIR, { recursive: true, force: true });
      delete process.env.LITEFS_DIR;
      resetEnv();
    }
  });

  it("reads every time outside WAL mode", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "watch-")), "rollback.db");
    const plain = new Database(file);
    plain.pragma("journal_mode = DELETE");
    plain.exec(`CREATE TABLE data_versions (scope INTEGER PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE companies (id INTEGER PRIMARY KEY, slug TEXT UNIQUE);
      CREATE TABLE reviews (id INTEGER PRIMARY KEY, company_id INTEGER);
      INSERT INTO data_versions VALUES (0, 7);`);
    plain.close();
    const db = openDatabase(file, { readonly: true });
    try {
      read({ kind: "site" }, db);
      expect(read({ kind: "site" }, db)).toEqual({ version: "s7", statements: 1 });
    } finally {
      db.$client.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
