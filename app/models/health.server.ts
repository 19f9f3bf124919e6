// Whether the database can take writes: storage failures (disk full, I/O errors, a quota
// reached) are remembered when they happen, and the free space is measured, so that
// /healthz says "not ready" and writes answer 503 with a clear page instead of a 500.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile, getDb } from "#db/client.server";

/** SQLite result codes that mean "the storage cannot take this write", not "a bug". */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/;

/** How long a storage failure keeps the site "not ready" after it happened. */
export const STORAGE_FAILURE_MEMORY_MS = 30_000;
/** Below this much free space on the database's disk, the site reports not ready. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;
/** Below this share of DATABASE_MAX_BYTES left, the site reports not ready. */
const MIN_FREE_PAGES_SHARE = 0.005;

let lastStorageFailureAt = 0;

export function isStorageFailure(error: unknown): boolean {
  return error instanceof Database.SqliteError && STORAGE_CODES.test(error.code);
}

/** Call with any error a request met: true (and remembered) when it is a storage failure. */
export function noteStorageFailure(error: unknown, now = Date.now()): boolean {
  if (!isStorageFailure(error)) return false;
  lastStorageFailureAt = now;
  return true;
}

export type Readiness = { ready: true } | { ready: false; reason: "storage_failure" | "disk_full" | "quota_full" | "unreadable" };

export function readiness(now = Date.now(), freeBytes = diskFreeBytes()): Readiness {
  try {
    const client = getDb().$client;
    client.prepare("SELECT 1").get();
    const pages = pragmaNumber(client, "page_count");
    const maxPages = pragmaNumber(client, "max_page_count");
    const freeList = pragmaNumber(client, "freelist_count");
    if (maxPages - pages + freeList < maxPages * MIN_FREE_PAGES_SHARE) return { ready: false, reason: "quota_full" };
  } catch (error) {
    noteStorageFailure(error, now);
    return { ready: false, reason: "unreadable" };
  }
  if (freeBytes !== null && freeBytes < MIN_FREE_BYTES) return { ready: false, reason: "disk_full" };
  if (now - lastStorageFailureAt < STORAGE_FAILURE_MEMORY_MS) return { ready: false, reason: "storage_failure" };
  return { ready: true };
}

/** A pragma whose value is a number (better-sqlite3 types every pragma's value unknown). */
function pragmaNumber(client: Database.Database, name: "page_count" | "max_page_count" | "freelist_count"): number {
  const value = client.pragma(name, { simple: true });
  if (typeof value !== "number") throw new TypeError(`PRAGMA ${name} gave ${typeof value}`);
  return value;
}

function diskFreeBytes(): number | null {
  try {
    const stats = fs.statfsSync(path.dirname(path.resolve(databaseFile())));
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Forgets earlier failures (tests). */
export function resetStorageFailures() {
  lastStorageFailureAt = 0;
}
