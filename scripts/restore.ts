// Puts a backup in place of DATABASE_URL. The server must be stopped first.
//
//   npm run restore FILE            check FILE, set the current database aside, put FILE in place
//   npm run restore FILE -- --start the same, then start the server on it (npm run serve)
//
// 1. FILE must pass `PRAGMA integrity_check` and look like a Réplique database (it has the
//    `companies` table and drizzle's `__drizzle_migrations`).
// 2. Nobody may hold DATABASE_URL. A SQLite connection in WAL mode (the app sets it on
//    every connection) keeps a shared lock on the database file for as long as it is open
//    (the server's, Litestream's, a backup's), so we ask for an exclusive lock with no
//    wait: if it is refused, another process has the file open and we stop. Best effort:
//    a process that opened the file but has not read it yet holds no lock, an idle
//    connection to a database in rollback-journal mode holds none either, and nothing
//    stops a server from starting right after the check; stop the server before restoring.
// 3. The current database, its -wal and -shm and Litestream's `.<name>-litestream` folder
//    are renamed to `<db>.before-restore-<UTC timestamp>` (+ `-wal`, `-shm`), so that set
//    still opens as a database. Nothing is deleted.
// 4. FILE is copied with SQLite's backup API into a temporary file beside the database,
//    which is then renamed into place (FILE itself is left as it was).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { loadEnv } from "../app/env.server";
import { checkIntegrity, displayPath, fileStamp, formatCounts, type TableCounts } from "./backup";

export class DatabaseInUseError extends Error {}

/** Litestream keeps its state for `dir/name` in `dir/.name-litestream`. */
export function litestreamMetaDir(database: string) {
  return path.join(path.dirname(database), `.${path.basename(database)}-litestream`);
}

/** Throws DatabaseInUseError when another connection holds `database` (see 2. above). */
export function assertNotInUse(database: string) {
  if (!fs.existsSync(database)) return;
  const probe = new Database(database, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY") || (error as { code?: string }).code?.startsWith("SQLITE_LOCKED")) {
      throw new DatabaseInUseError(
        `${database} is open in another process (the server, Litestream or a backup): it holds a lock on the file.\n` +
          `Stop the server first (Ctrl-C, or SIGTERM to its process; Litestream stops with it), then run the restore again.\n` +
          `Replacing the file under a running server would leave it writing to the old database, or corrupt the new one.`,
      );
    }
    throw error;
  } finally {
    // The last connection to close folds the WAL back into the file.
    probe.close();
  }
}

export interface RestoreResult {
  database: string;
  /** Where the previous database went (its main file), or null when there was none. */
  setAside: string | null;
  counts: TableCounts;
}

export async function restoreDatabase(options: { backup: string; database: string }): Promise<RestoreResult> {
  const backup = path.resolve(options.backup);
  const database = path.resolve(options.database);
  if (!fs.existsSync(backup)) throw new Error(`No file at ${backup}.`);
  if (backup === database) throw new Error(`${backup} is DATABASE_URL itself.`);

  const { counts, tables } = checkIntegrity(backup);
  for (const table of ["companies", "__drizzle_migrations"]) {
    if (!tables.includes(table)) throw new Error(`${backup} has no ${table} table: it is not a Réplique database.`);
  }

  assertNotInUse(database); // fail fast; checked again just before the swap
  fs.mkdirSync(path.dirname(database), { recursive: true });
  const stamp = fileStamp();
  const incoming = `${database}.restoring-${stamp}`;
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(incoming, { progress: () => 4096 });
  } finally {
    source.close();
  }

  let setAside: string | null = null;
  try {
    assertNotInUse(database);
  } catch (error) {
    fs.rmSync(incoming, { force: true });
    throw error;
  }
  if (fs.existsSync(database)) {
    setAside = `${database}.before-restore-${stamp}`;
    for (const suffix of ["", "-wal", "-shm"]) {
      if (fs.existsSync(database + suffix)) fs.renameSync(database + suffix, setAside + suffix);
    }
    const meta = litestreamMetaDir(database);
    if (fs.existsSync(meta)) fs.renameSync(meta, litestreamMetaDir(setAside));
  }
  fs.renameSync(incoming, database);
  return { database, setAside, counts };
}

/** Starts the server on the restored database, as `npm run serve` (or `npm start` without build/). */
function startServer() {
  const built = fs.existsSync(path.resolve("build/server/index.js"));
  const script = built ? "serve" : "start";
  console.log(built ? "Starting: npm run serve" : "No build/ yet: starting with npm start (it builds first).");
  const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", script], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const args = process.argv.slice(2);
  const start = args.includes("--start");
  const files = args.filter((a) => !a.startsWith("--"));
  if (files.length !== 1) {
    console.error("Usage: npm run restore FILE [-- --start]   (FILE: a backup from npm run backup or npm run restore:replica)");
    process.exit(2);
  }
  const env = loadEnv();
  const result = await restoreDatabase({ backup: files[0], database: env.DATABASE_URL });
  const rel = displayPath;
  console.log(`Restored ${rel(path.resolve(files[0]))} into ${rel(result.database)} (integrity_check: ok).`);
  console.log(`  rows: ${formatCounts(result.counts)}`);
  console.log(result.setAside ? `  the previous database is kept at ${rel(result.setAside)}` : "  there was no database there before.");
  if (start) startServer();
  else console.log("`npm run serve` (or `npm start`, which builds first) will start on it.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
