// The database handle, and the one rule for reaching it. Models own the handle: routes
// never call getDb() nor import this module, drizzle-orm or db/schema; they call model
// functions (tests/unit/data-access-rule.test.ts enforces it). A model function that
// routes call takes no handle and calls getDb() itself. When another model must call it
// inside its own transaction, the function takes the handle as its last parameter,
// `db: Db = getDb()`, and that caller passes its `db`/`tx`. Helpers that still take `db`
// first (internal to models, never called by routes) move to that form when next changed.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { env } from "~/env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The SQL migrations: MIGRATIONS_DIR, or db/migrations. */
export function migrationsDir() {
  return path.resolve(env().MIGRATIONS_DIR ?? path.join(process.cwd(), "db/migrations"));
}

/** Opens a connection with the pragmas every connection needs.
 *  synchronous=NORMAL: in WAL mode a committed transaction survives a crash of the
 *  process; only an OS crash or power cut can roll back the last commits (see README). */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("cache_size = -32000");
  sqlite.pragma("temp_store = MEMORY");
  sqlite.pragma("mmap_size = 268435456");
  return drizzle(sqlite, { schema }) as Db;
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
    const db = openDatabase(file);
    migrateDatabase(db);
    applyQuota(db, env().DATABASE_MAX_BYTES);
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
