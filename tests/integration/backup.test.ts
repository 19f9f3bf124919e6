// Backups, restore and Litestream replication, on real SQLite files in a temp folder.
// "The site boots on it" means: the real server (`tsx server.ts`, development mode with
// Vite's middleware, since the tests do not build; SEED_DEMO=0 so nothing is added)
// starts on the restored file, runs its migrations on it, answers /healthz with 200 and
// renders a company page and the JSON API from rows that only the restored data holds.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "#db/client.server";
import { backupDatabase, listBackups, tableCounts } from "../../scripts/backup";
import { litestreamBinary, litestreamVersion, restoreFromReplica, startReplication } from "../../scripts/litestream";

const TSX = path.resolve("node_modules/.bin/tsx");
let tmp = "";
let writerScript = "";

// One "load" transaction: a user, a company and its subject, all named `load-<n>`. The
// same file is required here and run as a separate writer process.
const WRITER = `
const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve("better-sqlite3"))});
function makeLoad(db) {
  const insertUser = db.prepare("INSERT INTO users (email, display_name, email_verified_at) VALUES (?, ?, 1)");
  const insertCompany = db.prepare("INSERT INTO companies (slug, name, state) VALUES (?, ?, 'verified') RETURNING id");
  const insertSubject = db.prepare("INSERT INTO subjects (company_id, kind, slug, name, city) VALUES (?, 'store', ?, ?, 'Paris')");
  return db.transaction((n) => {
    insertUser.run("load-" + n + "@example.test", "Load " + n);
    const { id } = insertCompany.get("load-" + n, "Loadco " + n);
    insertSubject.run(id, "load-" + n, "Loadco " + n + " Paris");
  });
}
module.exports = { makeLoad };
if (require.main === module) {
  // Commits about three load transactions per millisecond, prints "ack n" after each
  // commit, and stops when its stdin closes.
  const db = new Database(process.argv[2]);
  db.pragma("busy_timeout = 5000");
  const load = makeLoad(db);
  let n = 0;
  const timer = setInterval(() => { for (let i = 0; i < 3; i++) { load(++n); console.log("ack " + n); } }, 1);
  process.stdin.on("end", () => { clearInterval(timer); db.close(); console.log("done " + n); });
  process.stdin.resume();
}
`;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-backup-"));
  writerScript = path.join(tmp, "writer.cjs");
  fs.writeFileSync(writerScript, WRITER);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The test runner's environment without its own variables (VITEST turns the Remix plugin off). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST") && k !== "TEST") env[k] = v;
  for (const k of ["SITE_URL", "TRUST_PROXY", "LITESTREAM_REPLICA", "BACKUP_DIR", "BACKUP_KEEP", "DATABASE_MAX_BYTES"]) delete env[k];
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

/** A migrated, empty Réplique database at `file`. */
function freshDatabase(file: string) {
  const db = openDatabase(file);
  migrateDatabase(db);
  return db;
}

function loadInto(db: Database.Database): (n: number) => void {
  return (createRequire(import.meta.url)(writerScript) as { makeLoad: (db: Database.Database) => (n: number) => void }).makeLoad(db);
}

/** The load rows of a file: they must be 1..n with no gap, n of each kind (one transaction each). */
function loadRows(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const slugs = db.prepare("SELECT slug FROM companies WHERE slug LIKE 'load-%'").pluck().all() as string[];
  const ids = slugs.map((s) => Number(s.slice(5))).sort((a, b) => a - b);
  const users = db.prepare("SELECT count(*) FROM users WHERE email LIKE 'load-%'").pluck().get() as number;
  const subjects = db.prepare("SELECT count(*) FROM subjects WHERE slug LIKE 'load-%'").pluck().get() as number;
  db.close();
  return { ids, users, subjects };
}

function integrity(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { check: db.pragma("integrity_check", { simple: true }), counts: tableCounts(db) };
  } finally {
    db.close();
  }
}

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(TSX, args, { env: childEnv(env), encoding: "utf8", timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Starts the real server on `database`; resolves once it listens and /healthz is 200. */
async function bootSite(database: string, extra: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: childEnv({
      NODE_ENV: "development",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: database,
      DATA_DIR: path.join(path.dirname(database), "data"),
      SEED_DEMO: "0",
      LOG_REQUESTS: "0",
      ...extra,
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  readline.createInterface({ input: child.stderr! }).on("line", (line) => lines.push(line));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${lines.join("\n")}`)), 90_000);
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      const m = line.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}:\n${lines.join("\n")}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
  return {
    base,
    lines,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The site on `database` shows the company `slug` (page and API), from the restored rows. */
async function expectSiteShows(database: string, slug: string, name: string, extra: Record<string, string> = {}) {
  const site = await bootSite(database, extra);
  try {
    const api = await fetch(`${site.base}/api/companies/${slug}`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as { company: { name: string } }).company.name).toBe(name);
    const page = await fetch(`${site.base}/companies/${slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(name);
  } finally {
    await site.stop();
  }
  return site;
}

function processGone(pid: number) {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm run backup / npm run restore", () => {
  it("copies a database that another process keeps writing to, and the restored copy boots the site", async () => {
    const dir = path.join(tmp, "load");
    const source = path.join(dir, "replique.db");
    // About 20 MB to copy, so that the copy takes a while.
    const seed = freshDatabase(source);
    const filler = seed.$client.prepare("INSERT INTO users (email, display_name) VALUES (?, ?)");
    seed.$client.transaction(() => {
      for (let i = 0; i < 30_000; i++) filler.run(`filler-${i}@example.test`, `Filler ${i} ${"·".repeat(300)}`);
    })();
    seed.$client.close();

    // The writer: another process committing one load transaction per millisecond or so.
    const writer = spawn(process.execPath, [writerScript, source], { stdio: ["pipe", "pipe", "inherit"] });
    let lastAck = 0;
    let done = 0;
    readline.createInterface({ input: writer.stdout! }).on("line", (line) => {
      const [word, n] = line.split(" ");
      if (word === "ack") lastAck = Number(n);
      if (word === "done") done = Number(n);
    });
    await until("the writer's first commits", () => lastAck >= 100);

    const reader = new Database(source, { readonly: true });
    const loadCount = () => reader.prepare("SELECT count(*) FROM companies WHERE slug LIKE 'load-%'").pluck().get() as number;
    const before = loadCount();
    const backupDir = path.join(dir, "backups");
    const result = await backupDatabase({ database: source, dir: backupDir, keep: 14 });
    const after = loadCount();
    const writerExited = new Promise((r) => writer.once("exit", r));
    writer.stdin!.end();
    await writerExited;
    reader.close();

    // The writer kept committing while the copy ran, and the copy is one instant of it.
    expect(after).toBeGreaterThan(before);
    const snapshotLoad = result.counts.companies; // the source had no other company
    expect(snapshotLoad).toBeGreaterThanOrEqual(before);
    expect(snapshotLoad).toBeLessThanOrEqual(after);
    expect(done).toBeGreaterThan(snapshotLoad);
    console.log(
      `backup under load: ${path.basename(result.file)}, ${(result.bytes / 1048576).toFixed(1)} MiB in ${result.ms.toFixed(0)} ms; ` +
        `load rows ${before} before the call, ${snapshotLoad} in the copy, ${after} after it, ${done} in the end`,
    );

    // Restore into a new path with the CLI.
    const restored = path.join(dir, "restored", "replique.db");
    const first = run(["scripts/restore.ts", result.file], { DATABASE_URL: restored });
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toContain("there was no database there before");
    expect(first.out).toContain("npm run serve");

    const check = integrity(restored);
    expect(check.check).toBe("ok");
    expect(check.counts).toEqual(result.counts);
    const rows = loadRows(restored);
    expect(rows.ids).toEqual(Array.from({ length: snapshotLoad }, (_, i) => i + 1));
    expect(rows.users).toBe(snapshotLoad);
    expect(rows.subjects).toBe(snapshotLoad);

    // A second restore onto it is refused while a connection holds the file, opened as the
    // server opens it (WAL mode)…
    const holder = openDatabase(restored).$client;
    holder.prepare("SELECT count(*) FROM companies").get();
    const refused = run(["scripts/restore.ts", result.file], { DATABASE_URL: restored });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Stop the server first");
    expect(fs.readdirSync(path.dirname(restored)).filter((f) => f.includes("before-restore") || f.includes("restoring"))).toEqual([]);
    holder.close();
    // …and, once it is free, sets the current database aside before replacing it.
    const second = run(["scripts/restore.ts", result.file], { DATABASE_URL: restored });
    expect(second.code).toBe(0);
    const aside = fs.readdirSync(path.dirname(restored)).filter((f) => f.startsWith("replique.db.before-restore-"));
    expect(aside).toHaveLength(1);
    expect(integrity(path.join(path.dirname(restored), aside[0])).counts).toEqual(result.counts);

    // A file that is not a Réplique database is refused.
    const stranger = path.join(dir, "stranger.db");
    const strangerDb = new Database(stranger);
    strangerDb.exec("CREATE TABLE t (x)");
    strangerDb.close();
    const notOurs = run(["scripts/restore.ts", stranger], { DATABASE_URL: restored });
    expect(notOurs.code).toBe(1);
    expect(notOurs.err).toContain("not a Réplique database");

    const last = `load-${snapshotLoad}`;
    await expectSiteShows(restored, last, `Loadco ${snapshotLoad}`);
    // The boot ran the migrations and changed no row.
    expect(integrity(restored).counts).toEqual(result.counts);
  }, 180_000);

  it("npm run backup keeps BACKUP_KEEP copies and leaves other files alone", () => {
    const dir = path.join(tmp, "rotation");
    const database = path.join(dir, "replique.db");
    freshDatabase(database).$client.close();
    const backupDir = path.join(dir, "backups");
    fs.mkdirSync(backupDir, { recursive: true });
    const others = ["notes.txt", "other-2020-01-01T00-00-00.000Z.db", "replique-manual.db"];
    for (const f of others) fs.writeFileSync(path.join(backupDir, f), "keep me");

    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = run(["scripts/backup.ts"], { DATABASE_URL: database, BACKUP_DIR: backupDir, BACKUP_KEEP: "3" });
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/integrity_check: ok/);
      expect(r.out).toMatch(/rows: users 0, companies 0/);
      expect(r.out).toMatch(/took \d+\.\d\d s/);
      made.push(r.out.match(/Backup: (\S+)/)![1]);
    }
    const kept = listBackups(backupDir, database);
    expect(kept).toHaveLength(3);
    expect(kept.map((f) => path.basename(f))).toEqual(made.slice(2).map((f) => path.basename(f)));
    for (const f of others) expect(fs.readFileSync(path.join(backupDir, f), "utf8")).toBe("keep me");
    for (const f of kept) expect(integrity(f).check).toBe("ok");
  }, 60_000);

  it("a copy that fails integrity_check is deleted and the script exits non-zero", () => {
    const dir = path.join(tmp, "corrupt");
    fs.mkdirSync(dir, { recursive: true });
    const database = path.join(dir, "replique.db");
    const db = new Database(database);
    db.exec("CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x)");
    const insert = db.prepare("INSERT INTO t VALUES (?)");
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`value ${i} ${"x".repeat(50)}`);
    })();
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    db.close();
    // Garbage over a page in the middle of the file; the backup API copies pages as they are.
    const middle = Math.floor(fs.statSync(database).size / pageSize / 2);
    const fd = fs.openSync(database, "r+");
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, middle * pageSize);
    fs.closeSync(fd);

    const backupDir = path.join(dir, "backups");
    const r = run(["scripts/backup.ts"], { DATABASE_URL: database, BACKUP_DIR: backupDir });
    expect(r.code).toBe(1);
    expect(r.err).toContain("discarded: the copy fails PRAGMA integrity_check");
    expect(fs.readdirSync(backupDir)).toEqual([]);
  }, 30_000);
});

const litestream = (() => {
  try {
    return litestreamVersion();
  } catch (error) {
    console.warn(`Skipping the Litestream test: the binary cannot run here (${(error as Error).message}).`);
    return null;
  }
})();

describe.skipIf(!litestream)(`Litestream ${litestream ?? ""}`, () => {
  it("replicates every acknowledged write, and the site boots on the restored replica", async () => {
    const dir = path.join(tmp, "litestream");
    const database = path.join(dir, "live", "replique.db");
    const replica = path.join(dir, "replica");
    const db = freshDatabase(database);
    const replication = startReplication({
      database,
      replica: `file://${replica}`,
      syncInterval: "100ms",
      monitorInterval: "100ms",
      stdio: "ignore",
    });

    // N writes, each acknowledged when its transaction has committed.
    const load = loadInto(db.$client);
    const acknowledged: number[] = [];
    const N = 400;
    for (let n = 1; n <= N; n++) {
      load(n);
      acknowledged.push(n);
      if (n % 20 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    const sourceCounts = tableCounts(db.$client);

    // Wait until the replica holds the last acknowledged write.
    let probes = 0;
    const started = Date.now();
    await until(
      "the replica to catch up",
      () => {
        const probe = path.join(dir, `probe-${++probes}.db`);
        const r = spawnSync(litestreamBinary(), ["restore", "-o", probe, `file://${replica}`], { encoding: "utf8" });
        if (r.status !== 0) return false;
        const p = new Database(probe, { readonly: true });
        const has = p.prepare("SELECT 1 FROM companies WHERE slug = ?").get(`load-${N}`);
        p.close();
        return Boolean(has);
      },
      20_000,
    );
    const caughtUpMs = Date.now() - started;
    await replication.stop();
    expect(processGone(replication.pid)).toBe(true);
    db.$client.close();

    // Restore into a new folder.
    const restored = path.join(dir, "restored", "replique.db");
    const result = await restoreFromReplica({ replica: `file://${replica}`, output: restored, stdio: "ignore" });
    expect(integrity(restored).check).toBe("ok");
    const rows = loadRows(restored);
    expect(rows.ids).toEqual(acknowledged);
    expect(rows.users).toBe(N);
    expect(rows.subjects).toBe(N);
    expect(result.counts).toEqual(sourceCounts);
    console.log(
      `litestream ${litestream}: ${N} acknowledged writes, replica caught up ${caughtUpMs} ms after the last (${probes} probes); all present after restore`,
    );

    // The site boots on the restored file, this time replicating it itself (server.ts + LITESTREAM_REPLICA).
    const replica2 = path.join(dir, "replica-2");
    const site = await bootSite(restored, { LITESTREAM_REPLICA: replica2 });
    let litestreamPid = 0;
    try {
      const line = site.lines.find((l) => l.startsWith("Litestream: replicating"));
      expect(line).toBeDefined();
      litestreamPid = Number(line!.match(/pid (\d+)/)![1]);
      const api = await fetch(`${site.base}/api/companies/load-${N}`);
      expect(api.status).toBe(200);
      const page = await fetch(`${site.base}/companies/load-${N}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`Loadco ${N}`);
      await until("the server's Litestream to write a generation", () => fs.existsSync(path.join(replica2, "generations")));
    } finally {
      await site.stop();
    }
    // Litestream stopped with the server and had shipped everything.
    await until("Litestream to stop with the server", () => processGone(litestreamPid), 10_000);
    const again = await restoreFromReplica({ replica: replica2, output: path.join(dir, "restored-2", "replique.db"), stdio: "ignore" });
    expect(again.counts).toEqual(sourceCounts);
  }, 240_000);
});
