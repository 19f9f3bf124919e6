// The database handle, and the one rule for reaching it. Models own the handle: routes
// never call getDb() nor import this module, drizzle-orm or db/schema; they call model
// functions (tests/unit/data-access-rule.test.ts enforces it). A model function that
// routes call takes no handle and calls getDb() itself. When another model must call it
// inside its own transaction, the function takes the handle as its last parameter,
// `db: Db = getDb()`, and that caller passes its `db`/`tx`. Helpers that still take `db`
// first (internal to models, never called by routes) move to that form when next changed.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { env } from "~/env.server";
import { startsAsReplica } from "~/lib/litefs.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The SQL migrations: MIGRATIONS_DIR, or db/migrations. */
export function migrationsDir() {
  return path.resolve(env().MIGRATIONS_DIR ?? path.join(process.cwd(), "db/migrations"));
}

/** Opens a connection with the pragmas every connection needs.
 *  synchronous=NORMAL: in WAL mode a committed transaction survives a crash of the
 *  process; only an OS crash or power cut can roll back the last commits (see README). */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  // A LiteFS replica's copy (app/lib/litefs.server.ts): read-only, and it must exist already.
  if (options.readonly) return withPragmas(new Database(file, { readonly: true, fileMustExist: true }));
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  return withPragmas(sqlite);
}

/** The pragmas of every connection, read-only ones included (journal_mode is the file's). */
function withPragmas(sqlite: Database.Database): Db {
  countStatements(sqlite);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // 16 MB of pages per connection (one per server process): the upper levels of the indexes
  // a page reads stay there, the rest comes from the kernel's cache; 32 MB took a worker past
  // 300 MB resident on seed:large (issue 11) for no gain the bench could see.
  sqlite.pragma("cache_size = -16000");
  sqlite.pragma("temp_store = MEMORY");
  // No memory-mapped I/O: with it, each process kept up to 256 MB of the file resident (its
  // pages count in the process's RSS) for no measured gain over the page cache above and the
  // kernel's (issue 11: at most 300 MB per process).
  sqlite.pragma("mmap_size = 0");
  return drizzle(sqlite, { schema }) as Db;
}

// ─── Statements per request (Server-Timing) ───────────────────────────────────
// What a request spends in SQLite: every statement run (run, get, all, iterate, and exec)
// inside trackQueries() adds one to `statements` and its time to `ms`. Counted at the driver,
// on better-sqlite3's Statement prototype (drizzle's queries and the models' prepared
// statements alike), once per process; the context is an AsyncLocalStorage kept on
// globalThis, since server.ts and the Remix bundle each hold a copy of this module.

export interface QueryStats {
  statements: number;
  ms: number;
}

const shared = globalThis as unknown as { __repliqueQueryStats?: AsyncLocalStorage<QueryStats> };
const queryStats = (shared.__repliqueQueryStats ??= new AsyncLocalStorage<QueryStats>());

/** Runs `fn` (and what it awaits) counting its statements into `stats`. */
export function trackQueries<T>(stats: QueryStats, fn: () => T): T {
  return queryStats.run(stats, fn);
}

/** The counts of the request running now, if one is tracked. */
export function currentQueryStats(): QueryStats | undefined {
  return queryStats.getStore();
}

function timed<T>(fn: () => T): T {
  const stats = queryStats.getStore();
  if (!stats) return fn();
  const startedAt = performance.now();
  try {
    return fn();
  } finally {
    stats.statements++;
    stats.ms += performance.now() - startedAt;
  }
}

const COUNTED = Symbol.for("replique.countedStatements");

function countStatements(sqlite: Database.Database) {
  const statement: Database.Statement<unknown[], unknown> = Object.getPrototypeOf(sqlite.prepare("SELECT 1"));
  const database: Database.Database = Object.getPrototypeOf(sqlite);
  if (Object.prototype.hasOwnProperty.call(statement, COUNTED)) return;
  Object.defineProperty(statement, COUNTED, { value: true });
  const { run, get, all, iterate } = statement;
  statement.run = function (this: Database.Statement<unknown[], unknown>, ...params: unknown[]) {
    return timed(() => run.apply(this, params));
  };
  statement.get = function (this: Database.Statement<unknown[], unknown>, ...params: unknown[]) {
    return timed(() => get.apply(this, params));
  };
  statement.all = function (this: Database.Statement<unknown[], unknown>, ...params: unknown[]) {
    return timed(() => all.apply(this, params));
  };
  statement.iterate = function* (this: Database.Statement<unknown[], unknown>, ...params: unknown[]) {
    const stats = queryStats.getStore();
    const rows = iterate.apply(this, params);
    if (stats) stats.statements++;
    try {
      for (;;) {
        const startedAt = performance.now();
        const next = rows.next();
        if (stats) stats.ms += performance.now() - startedAt;
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A loop left early resets the statement, as better-sqlite3's own iterator does.
      rows.return?.();
    }
  };
  const exec = database.exec;
  database.exec = function (this: Database.Database, source: string) {
    return timed(() => exec.call(this, source));
  };
}

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder: migrationsDir() });
}

// One handle per process, shared by server.ts and the Remix bundle (which holds its
// own copy of this module) and kept across dev rebuilds.
const holder = globalThis as unknown as { __repliqueDb?: { file: string; db: Db } };

export function databaseFile() {
  return env().DATABASE_URL;
}

export function getDb(): Db {
  const file = databaseFile();
  if (!holder.__repliqueDb || holder.__repliqueDb.file !== file) {
    // ── LiteFS: a replica opens its copy read-only and migrates nothing (the primary does).
    const readonly = startsAsReplica();
    const db = openDatabase(file, { readonly });
    if (!readonly) {
      migrateDatabase(db);
      applyQuota(db, env().DATABASE_MAX_BYTES);
    }
    holder.__repliqueDb = { file, db };
  }
  return holder.__repliqueDb.db;
}

/** DATABASE_MAX_BYTES (validated by app/env.server.ts): SQLite then refuses to grow the
 *  file past it with SQLITE_FULL, which the site answers with 503 like a full disk. */
function applyQuota(db: Db, maxBytes: number | undefined) {
  if (!maxBytes) return;
  const pageSize = db.$client.pragma("page_size", { simple: true }) as number;
  db.$client.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
}

export function closeDb() {
  if (holder.__repliqueDb) {
    holder.__repliqueDb.db.$client.close();
    holder.__repliqueDb = undefined;
  }
}
