// npm run fault:migration [-- --kills 40 --keep 2 --reviews 30000]
//
// kill -9 during a migration. The migrator is drizzle-orm's for better-sqlite3
// (db/client.server.ts migrateDatabase → drizzle-orm/better-sqlite3/migrator →
// SQLiteSyncDialect.migrate in drizzle-orm/sqlite-core/dialect.js, 0.45.x): it runs
// `CREATE TABLE IF NOT EXISTS __drizzle_migrations` on its own, reads the last applied
// row, then `BEGIN`, every pending migration's statements and its __drizzle_migrations
// row, `COMMIT` (`ROLLBACK` on an error). So all pending migrations go in ONE transaction,
// and since SQLite's DDL is transactional a crash must leave the schema wholly old or
// wholly new. This script checks that from outside:
//   1. an "old" database: only the first --keep migrations of db/migrations (a copy of the
//      folder whose meta/_journal.json lists only those, applied with drizzle's migrator),
//      filled with --reviews published reviews so that the pending migrations take long
//      enough to be hit (0002 rebuilds three indexes of reviews, 0003 rebuilds the FTS5
//      index from every review);
//   2. the old and new schemas: sqlite_master of the old file, and of a copy migrated with
//      the full folder (timed: the length of the migration);
//   3. --kills times: starts the server (`node --import tsx server.ts`, with every migration
//      of db/migrations as it was when the script started: a copy, given as MIGRATIONS_DIR)
//      on the file and sends SIGKILL at a random moment of its start-up: three kills in
//      four inside the migration (a random delay after the server opens the database, seen
//      by its -wal file appearing), the others anywhere from the spawn to the start-up's
//      end. After each kill: PRAGMA integrity_check must be ok, the FTS5 index must pass
//      its own integrity-check, the review count must be unchanged, and sqlite_master plus
//      the __drizzle_migrations rows must be exactly the old or exactly the new ones. An
//      old file is started again as it is (the crash is retried); a new one is replaced
//      by a fresh copy of the old file;
//   4. a normal start on the file left by the last kill completes the migration: schema
//      new, every migration row, integrity ok, /healthz and /search answer 200.
// Exit 1 on any mixed schema, integrity failure or data change.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { Client, frozenMigrations, integrity, parseArgs, rng, ROOT, serverMode, sleep, spawnServer, type Rng } from "./fault-lib";

const opts = parseArgs({
  kills: 40,
  keep: 2,
  reviews: 30_000,
  seed: Date.now() % 1_000_000,
  "inside-share": 0.75,
  dev: false,
  keepfiles: false,
});

const mode = serverMode(opts.dev);
const r = rng(opts.seed);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-migration-"));
// db/migrations as it is now (a copy: the server gets it as MIGRATIONS_DIR, see fault-lib.ts).
const migrationsDir = frozenMigrations();
const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta/_journal.json"), "utf8")) as {
  entries: { idx: number; tag: string; when: number }[];
};
const total = journal.entries.length;
if (opts.keep < 1 || opts.keep >= total) throw new Error(`--keep must be between 1 and ${total - 1}`);
const drizzleVersion = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/drizzle-orm/package.json"), "utf8")) as { version: string }
).version;
const dialect = fs.readFileSync(path.join(ROOT, "node_modules/drizzle-orm/sqlite-core/dialect.js"), "utf8");
const oneTransaction = /session\.run\(sql`BEGIN`\);\s*try\s*{\s*for \(const migration of migrations\)/.test(dialect);

console.log(
  `fault:migration — ${opts.kills} kills, old database at ${opts.keep}/${total} migrations (${journal.entries
    .slice(opts.keep)
    .map((e) => e.tag)
    .join(", ")} pending), server in ${mode} mode, seed ${opts.seed}`,
);
console.log(
  `  drizzle-orm ${drizzleVersion}: all pending migrations in one transaction (BEGIN before the loop, COMMIT after it): ${oneTransaction ? "yes" : "NO — read sqlite-core/dialect.js"}`,
);

// ── 1. The old database ──────────────────────────────────────────────────────
const oldDir = path.join(tmp, "migrations-old");
fs.mkdirSync(path.join(oldDir, "meta"), { recursive: true });
for (const e of journal.entries.slice(0, opts.keep))
  fs.copyFileSync(path.join(migrationsDir, `${e.tag}.sql`), path.join(oldDir, `${e.tag}.sql`));
fs.writeFileSync(
  path.join(oldDir, "meta/_journal.json"),
  JSON.stringify({ ...journal, entries: journal.entries.slice(0, opts.keep) }, null, 2),
);

function open(file: string) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 10000");
  return db;
}

const template = path.join(tmp, "template.db");
{
  const started = performance.now();
  const db = open(template);
  migrate(drizzle(db), { migrationsFolder: oldDir });
  fill(db, r, opts.reviews);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  console.log(
    `  old database: ${(fs.statSync(template).size / 1024 / 1024).toFixed(1)} MB, ${opts.reviews} reviews, made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** Companies, subjects, members and published reviews with varied text (the FTS triggers of 0001 index them). */
function fill(db: Database.Database, r: Rng, reviews: number) {
  const words =
    "accueil service livraison colis magasin vendeur conseil rapide lent prix qualite produit retour commande attente equipe caisse rayon choix stock delai facture garantie reparation appel reponse suivi emballage couleur taille confort friendly helpful slow quick refund order waiting team shelf invoice warranty repair parcel fresh warm morning evening parking shop basket payment card loyalty".split(
      " ",
    );
  const text = (n: number) => Array.from({ length: n }, () => r.pick(words)).join(" ");
  db.transaction(() => {
    const company = db.prepare(`INSERT INTO companies (slug, name, domain, description_fr) VALUES (?, ?, ?, ?) RETURNING id`);
    const subject = db.prepare(`INSERT INTO subjects (company_id, kind, slug, name, city) VALUES (?, 'store', ?, ?, ?) RETURNING id`);
    const user = db.prepare(`INSERT INTO users (email, display_name) VALUES (?, ?) RETURNING id`);
    const review = db.prepare(
      `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date, channel, status, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'fr', '2026-01-15', 'store', 'published', ?)`,
    );
    const subjects: { id: number; companyId: number }[] = [];
    for (let c = 0; c < 40; c++) {
      const { id: companyId } = company.get(`company-${c}`, `Company ${c} ${text(1)}`, `company-${c}.example`, text(20)) as { id: number };
      for (let s = 0; s < 10; s++) {
        const { id } = subject.get(companyId, `store-${s}`, `Store ${s} ${text(1)}`, "Lyon") as { id: number };
        subjects.push({ id, companyId });
      }
    }
    const users: number[] = [];
    for (let u = 0; u < 2000; u++) users.push((user.get(`old-${u}@fault.test`, `Old member ${u}`) as { id: number }).id);
    const now = Date.now();
    for (let i = 0; i < reviews; i++) {
      const s = subjects[i % subjects.length]!;
      const body = text(40);
      review.run(s.id, s.companyId, users[i % users.length], r.int(1, 5), text(4), body, `<p>${body}</p>`, now - i * 60_000);
    }
  })();
}

type Snapshot = { schema: string; migrations: number; reviews: number };
function snapshot(db: Database.Database): Snapshot {
  const rows = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all();
  const migrations = (db.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }).n;
  const reviews = (db.prepare(`SELECT count(*) AS n FROM reviews`).get() as { n: number }).n;
  return { schema: JSON.stringify(rows), migrations, reviews };
}
function ftsCheck(db: Database.Database): string {
  try {
    db.prepare(`INSERT INTO search_fts(search_fts) VALUES ('integrity-check')`).run();
    return "ok";
  } catch (error) {
    return String(error);
  }
}

// ── 2. Old and new schemas ───────────────────────────────────────────────────
const oldSnap = (() => {
  const db = open(template);
  const s = snapshot(db);
  db.close();
  return s;
})();
const migratedCopy = path.join(tmp, "migrated.db");
fs.copyFileSync(template, migratedCopy);
let migrationMs = 0;
const newSnap = (() => {
  const db = open(migratedCopy);
  const started = performance.now();
  migrate(drizzle(db), { migrationsFolder: migrationsDir });
  migrationMs = performance.now() - started;
  const s = snapshot(db);
  db.close();
  return s;
})();
console.log(
  `  schemas: old ${JSON.parse(oldSnap.schema).length} objects / ${oldSnap.migrations} migration rows; new ${JSON.parse(newSnap.schema).length} objects / ${newSnap.migrations} migration rows; the migration takes ${(migrationMs / 1000).toFixed(2)} s in this process`,
);
if (oldSnap.migrations !== opts.keep || newSnap.migrations !== total || oldSnap.schema === newSnap.schema)
  throw new Error("the old and new databases are not what they should be");

// ── 3. Kills ─────────────────────────────────────────────────────────────────
const db = path.join(tmp, "replique.db");
const env = { DATABASE_URL: db, DATA_DIR: path.join(tmp, "data") };
function resetToOld() {
  for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(template, db);
}

/** Starts the server and waits for the -wal file to appear (the database opened) and for it to listen. */
async function timedStart() {
  const t0 = performance.now();
  const server = spawnServer(mode, env);
  let openedAt: number | null = null;
  const poll = setInterval(() => {
    if (openedAt === null && fs.existsSync(`${db}-wal`)) openedAt = performance.now() - t0;
  }, 2);
  await server.listening;
  clearInterval(poll);
  const listenedAt = performance.now() - t0;
  return { server, openedAt: openedAt ?? 0, listenedAt };
}

// Calibration: start-up on a new database, then on an old one (it migrates).
fs.copyFileSync(migratedCopy, db);
const onNew = await timedStart();
await onNew.server.stop();
resetToOld();
const onOld = await timedStart();
await onOld.server.stop();
// The migration's length in the server: from the database opening to listening on the old
// file, less the same stretch on the new one (only the build import and listen). Whole
// start-ups are not compared: the imports before the opening vary with the machine's load.
const inServer = onOld.listenedAt - onOld.openedAt - Math.max(0, onNew.listenedAt - onNew.openedAt);
const window = Math.max(200, inServer > 0 ? inServer : migrationMs);
console.log(
  `  start-up: ${(onNew.listenedAt / 1000).toFixed(2)} s on the new schema (database opened at ${(onNew.openedAt / 1000).toFixed(2)} s); ${(onOld.listenedAt / 1000).toFixed(2)} s on the old one (opened at ${(onOld.openedAt / 1000).toFixed(2)} s); kill window inside the migration ≈ ${(window / 1000).toFixed(2)} s`,
);
resetToOld();

type Outcome = "old" | "new" | "MIXED";
const tally = { old: 0, new: 0, MIXED: 0 };
const phases = { beforeOpen: 0, duringMigration: 0, afterCommit: 0 };
let integrityFailures = 0;
let ftsFailures = 0;
let dataChanges = 0;
let listenedBeforeKill = 0;
const walWithFrames = { old: 0, new: 0 };

for (let k = 1; k <= opts.kills; k++) {
  const inside = r.next() < opts["inside-share"];
  const t0 = performance.now();
  const server = spawnServer(mode, env);
  let listened = false;
  void server.listening.then(
    () => (listened = true),
    () => {},
  );
  let openedAt: number | null = null;
  let delay: number;
  if (inside) {
    while (openedAt === null && performance.now() - t0 < 60_000 && server.child.exitCode === null) {
      if (fs.existsSync(`${db}-wal`)) openedAt = performance.now() - t0;
      else await sleep(2);
    }
    delay = r.next() * window;
    await sleep(delay);
  } else {
    delay = r.next() * onOld.listenedAt * 1.1;
    const poll = setInterval(() => {
      if (openedAt === null && fs.existsSync(`${db}-wal`)) openedAt = performance.now() - t0;
    }, 2);
    await sleep(delay);
    clearInterval(poll);
  }
  const killedAt = performance.now() - t0;
  await server.kill9();
  if (listened) listenedBeforeKill++;
  const walBytes = fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0;

  const conn = open(db);
  const check = integrity(conn);
  const fts = ftsCheck(conn);
  const snap = snapshot(conn);
  conn.close();
  const outcome: Outcome =
    snap.schema === oldSnap.schema && snap.migrations === oldSnap.migrations
      ? "old"
      : snap.schema === newSnap.schema && snap.migrations === newSnap.migrations
        ? "new"
        : "MIXED";
  tally[outcome]++;
  if (walBytes > 0 && outcome !== "MIXED") walWithFrames[outcome]++;
  if (check !== "ok") integrityFailures++;
  if (fts !== "ok") ftsFailures++;
  if (snap.reviews !== oldSnap.reviews) dataChanges++;
  if (outcome === "new") phases.afterCommit++;
  else if (openedAt === null) phases.beforeOpen++;
  else phases.duringMigration++;
  const phase =
    outcome === "new"
      ? "after the commit"
      : openedAt === null
        ? "before the database was opened"
        : `${((killedAt - openedAt) / 1000).toFixed(2)} s after it opened the database`;
  console.log(
    `kill ${String(k).padStart(3)}: ${inside ? "inside " : "anywhere"} at ${(killedAt / 1000).toFixed(2)} s (${phase}${listened ? ", already listening" : ""}); WAL ${(walBytes / 1024).toFixed(0)} KB → schema ${outcome} (${snap.migrations} migration rows), integrity ${check}, fts ${fts}, reviews ${snap.reviews}`,
  );
  if (outcome === "new") resetToOld();
}

// ── 4. A normal start completes the migration ────────────────────────────────
const before = (() => {
  const conn = open(db);
  const s = snapshot(conn);
  conn.close();
  return s.schema === oldSnap.schema ? "old (left by a kill inside the migration)" : "new";
})();
const final = spawnServer(mode, env);
let health = { status: 0 };
let search = { status: 0 };
try {
  const client = new Client(await final.listening);
  health = await client.get("/healthz");
  search = await client.get("/search?q=livraison");
  client.close();
} catch (error) {
  console.log(`the normal start failed: ${String(error).slice(0, 2000)}`);
}
const stopped = await final.stop();
const conn = open(db);
const finalSnap = snapshot(conn);
const finalCheck = integrity(conn);
const finalFts = ftsCheck(conn);
conn.close();
const finalOk =
  finalSnap.schema === newSnap.schema &&
  finalSnap.migrations === total &&
  finalCheck === "ok" &&
  finalFts === "ok" &&
  finalSnap.reviews === oldSnap.reviews &&
  health.status === 200 &&
  search.status === 200 &&
  stopped.code === 0;

const ok = tally.MIXED === 0 && integrityFailures === 0 && ftsFailures === 0 && dataChanges === 0 && finalOk;
console.log("\nfault:migration summary");
console.log(
  `  migrator                one transaction for all pending migrations: ${oneTransaction ? "yes" : "no"} (drizzle-orm ${drizzleVersion})`,
);
console.log(
  `  kills                   ${opts.kills}: ${phases.duringMigration} during the migration (database open, not committed), ${phases.beforeOpen} before the database was opened, ${phases.afterCommit} after the commit (${listenedBeforeKill} of them once listening)`,
);
console.log(`  schema after each kill  wholly old ${tally.old}, wholly new ${tally.new}, mixed ${tally.MIXED}`);
console.log(
  `  WAL left with frames    ${walWithFrames.old} kills with the schema old (uncommitted frames of the migration spilled to the WAL, ignored on reopen), ${walWithFrames.new} with it new (committed frames not yet checkpointed, replayed)`,
);
console.log(`  integrity failures      ${integrityFailures}; FTS5 integrity failures ${ftsFailures}; review count changed ${dataChanges}`);
console.log(
  `  normal start            from a ${before} file: schema ${finalSnap.schema === newSnap.schema ? "new" : "NOT new"}, ${finalSnap.migrations}/${total} migration rows, integrity ${finalCheck}, fts ${finalFts}, reviews ${finalSnap.reviews}/${oldSnap.reviews}, /healthz ${health.status}, /search ${search.status}, SIGTERM exit ${stopped.code ?? stopped.signal}`,
);
console.log(ok ? "PASS" : "FAIL");
if (!opts.keepfiles) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
