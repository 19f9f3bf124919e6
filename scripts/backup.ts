// Online backup of DATABASE_URL into BACKUP_DIR, safe while the server runs and writes.
//
//   npm run backup      copy, verify, rotate (keeps BACKUP_KEEP copies, default 14)
//
// How: one connection opens a read transaction on the source, counts the main tables in
// it, and copies every page with SQLite's online backup API (better-sqlite3's
// `db.backup()`) inside that same transaction. In WAL mode a read transaction sees one
// snapshot and never blocks the server's writers, so the copy is the database exactly as
// it was at that instant, and the counts printed are the counts of that instant (a backup
// restarted by concurrent writes, or a file copy, would give neither). The copy is written
// as `<name>.partial`, then opened on its own: `PRAGMA integrity_check` must say ok and the
// counts must match, or the partial file is deleted and the script exits with 1. It is
// switched to journal_mode=DELETE (one self-contained file) and renamed to
// `<db name>-<UTC timestamp>.db`; then the oldest copies beyond BACKUP_KEEP are deleted.
// The source's WAL cannot be checkpointed past the snapshot while the copy runs, so it
// grows for the duration of the backup and shrinks again afterwards.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { loadEnv } from "../app/env.server";

/** The tables whose row counts a backup prints and checks (those that exist). */
export const MAIN_TABLES = [
  "users",
  "companies",
  "subjects",
  "reviews",
  "replies",
  "follow_ups",
  "helpful_votes",
  "flags",
  "moderation_decisions",
  "sessions",
] as const;

export type TableCounts = Record<string, number>;

export interface BackupResult {
  file: string;
  bytes: number;
  counts: TableCounts;
  ms: number;
  /** Older backups deleted by the rotation. */
  removed: string[];
}

/** `2026-12-01T21-45-38.943Z`: ISO 8601 in UTC without colons; sorts in time order. */
export function fileStamp(date = new Date()) {
  return date.toISOString().replace(/:/g, "-");
}

/** Row counts of MAIN_TABLES on `db`, in its current transaction if one is open. */
export function tableCounts(db: Database.Database, tables: readonly string[] = MAIN_TABLES): TableCounts {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const counts: TableCounts = {};
  for (const table of tables) {
    if (present.has(table)) counts[table] = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  }
  return counts;
}

/** `PRAGMA integrity_check`: [] when the database is sound, the problems otherwise. */
export function integrityProblems(db: Database.Database): string[] {
  try {
    const rows = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return messages.length === 1 && messages[0] === "ok" ? [] : messages;
  } catch (error) {
    // Damage bad enough makes the check itself fail (SQLITE_CORRUPT, SQLITE_NOTADB).
    if (error instanceof Database.SqliteError) return [`${error.code}: ${error.message}`];
    throw error;
  }
}

/** Opens `file` read-only and runs integrity_check; throws if the file is not a sound SQLite database. */
export function checkIntegrity(file: string): { counts: TableCounts; tables: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const problems = integrityProblems(db);
    if (problems.length) throw new Error(`${file} fails PRAGMA integrity_check:\n  ${problems.slice(0, 10).join("\n  ")}`);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return { counts: tableCounts(db), tables };
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_NOTADB") throw new Error(`${file} is not an SQLite database.`);
    throw error;
  } finally {
    db.close();
  }
}

function removeDatabaseFiles(file: string) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
}

function backupPattern(base: string) {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}\\.\\d{3}Z\\.db$`);
}

/** The backups of `database` in `dir`, oldest first (only files named by this script). */
export function listBackups(dir: string, database: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const pattern = backupPattern(path.basename(database, path.extname(database)));
  return fs
    .readdirSync(dir)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Deletes the oldest backups of `database` in `dir` beyond the newest `keep`. */
export function rotateBackups(dir: string, database: string, keep: number): string[] {
  const all = listBackups(dir, database);
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const file of removed) removeDatabaseFiles(file);
  return removed;
}

/** Copies `database` into `dir` while it may be in use, verifies the copy, rotates. */
export async function backupDatabase(options: { database: string; dir: string; keep: number }): Promise<BackupResult> {
  const started = performance.now();
  const database = path.resolve(options.database);
  if (!fs.existsSync(database)) throw new Error(`No database at ${database} (DATABASE_URL).`);
  fs.mkdirSync(options.dir, { recursive: true });

  const base = path.basename(database, path.extname(database));
  let date = new Date();
  let file = path.join(options.dir, `${base}-${fileStamp(date)}.db`);
  while (fs.existsSync(file)) {
    date = new Date(date.getTime() + 1);
    file = path.join(options.dir, `${base}-${fileStamp(date)}.db`);
  }
  const partial = `${file}.partial`;
  removeDatabaseFiles(partial);

  // One read transaction for the counts and the copy: both see the same snapshot.
  const source = new Database(database, { fileMustExist: true, timeout: 5000 });
  let counts: TableCounts;
  try {
    source.exec("BEGIN");
    counts = tableCounts(source);
    await source.backup(partial, { progress: () => 4096 });
    source.exec("COMMIT");
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  } finally {
    source.close();
  }

  // The copy, opened on its own, must be sound and hold what the snapshot held.
  try {
    const copy = new Database(partial, { fileMustExist: true });
    try {
      const problems = integrityProblems(copy);
      if (problems.length) throw new Error(`the copy fails PRAGMA integrity_check:\n  ${problems.slice(0, 10).join("\n  ")}`);
      const copied = tableCounts(copy);
      for (const [table, n] of Object.entries(counts)) {
        if (copied[table] !== n) throw new Error(`the copy has ${copied[table]} rows in ${table}, the source had ${n}`);
      }
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
  } catch (error) {
    removeDatabaseFiles(partial);
    throw new Error(`Backup of ${database} discarded: ${(error as Error).message}`);
  }
  fs.renameSync(partial, file);

  const removed = rotateBackups(options.dir, database, options.keep);
  return { file, bytes: fs.statSync(file).size, counts, ms: performance.now() - started, removed };
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Relative to the working directory when inside it, absolute otherwise. */
export function displayPath(file: string) {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

export function formatCounts(counts: TableCounts) {
  return Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
}

async function main() {
  const env = loadEnv();
  const result = await backupDatabase({ database: env.DATABASE_URL, dir: env.BACKUP_DIR, keep: env.BACKUP_KEEP });
  console.log(`Backup: ${displayPath(result.file)} (${formatBytes(result.bytes)})`);
  console.log(`  integrity_check: ok`);
  console.log(`  rows: ${formatCounts(result.counts)}`);
  console.log(`  took ${(result.ms / 1000).toFixed(2)} s`);
  const kept = listBackups(env.BACKUP_DIR, env.DATABASE_URL).length;
  const removed = result.removed.map((f) => path.basename(f)).join(", ");
  console.log(`  rotation: ${kept} kept (BACKUP_KEEP=${env.BACKUP_KEEP})${removed ? `; removed ${removed}` : ""}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
