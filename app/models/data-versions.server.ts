// The data versions the page cache checks before it serves a copy (app/lib/page-cache.server.ts).
// They live in SQLite (table data_versions, db/migrations/0015_page_cache_versions.sql) and
// are bumped by triggers in the same statement as every write a public page shows, in
// whichever process wrote: scope 0 is the site, scope N company N. Read here, never written.
import fs from "node:fs";
import { getDb, type Db } from "#db/client.server";
import { env } from "~/env.server";
import type { PageScope } from "~/lib/page-cache-routes";

type Client = Db["$client"];

function statements(client: Client) {
  return {
    site: client.prepare<[], { site: number }>(`SELECT coalesce((SELECT version FROM data_versions WHERE scope = 0), 0) AS site`),
    company: client.prepare<[string], { site: number; companyId: number | null; version: number }>(
      `SELECT coalesce((SELECT version FROM data_versions WHERE scope = 0), 0) AS site, c.id AS companyId,
              coalesce(v.version, 0) AS version
       FROM (SELECT 1) LEFT JOIN companies c ON c.slug = ? LEFT JOIN data_versions v ON v.scope = c.id`,
    ),
    review: client.prepare<[number], { site: number; companyId: number | null; version: number }>(
      `SELECT coalesce((SELECT version FROM data_versions WHERE scope = 0), 0) AS site, r.company_id AS companyId,
              coalesce(v.version, 0) AS version
       FROM (SELECT 1) LEFT JOIN reviews r ON r.id = ? LEFT JOIN data_versions v ON v.scope = r.company_id`,
    ),
  };
}

// ─── Reads skipped while nothing has committed ────────────────────────────────
// In WAL mode every commit, in any process, rewrites the WAL-index header: the first 96
// bytes of `<database>-shm`, two copies of a 48-byte header holding the last valid frame,
// the WAL's salts and a checksum over them (sqlite.org/walformat.html, "The WAL-Index
// Header"). A commit appends at least one frame; restarting the WAL changes the salts. So
// while the header reads the same as when a version was read, no transaction has committed
// since and that version still holds: one pread instead of one statement per request.
// The header is read before the statement, so a version is never older than the header it
// is kept under. Not used outside WAL mode, nor on LiteFS (whose FUSE mount serves the
// -shm file itself): there every request reads its version.

const HEADER_BYTES = 96;
const COPY_BYTES = 48;
/** Versions kept per header at most (a crawl of every company must not grow it forever),
 *  and the longest key kept (a slug is short; a made-up one may be any length). */
export const MAX_KEPT_VERSIONS = 10_000;
const MAX_KEY_LENGTH = 200;

export class CommitWatch {
  private readonly fd: number;
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private readonly seen = Buffer.alloc(HEADER_BYTES);
  private readonly kept = new Map<string, string>();

  private constructor(fd: number) {
    this.fd = fd;
  }

  /** A watch on the database's WAL index, or null when there is none to watch. */
  static open(client: Client): CommitWatch | null {
    if (client.memory || env().LITEFS_DIR) return null;
    if (String(client.pragma("journal_mode", { simple: true })).toLowerCase() !== "wal") return null;
    try {
      return new CommitWatch(fs.openSync(`${client.name}-shm`, "r"));
    } catch {
      return null;
    }
  }

  /** `key`'s version: the one kept when no commit has happened since, else `read()`'s. */
  version(key: string, read: () => string): string {
    const steady = this.readHeader();
    if (steady) {
      if (this.header.equals(this.seen)) {
        const kept = this.kept.get(key);
        if (kept !== undefined) return kept;
      } else {
        this.header.copy(this.seen);
        this.kept.clear();
      }
    }
    const version = read();
    if (steady && key.length <= MAX_KEY_LENGTH) {
      if (this.kept.size >= MAX_KEPT_VERSIONS) this.kept.clear();
      this.kept.set(key, version);
    }
    return version;
  }

  close() {
    fs.closeSync(this.fd);
  }

  /** False when the header cannot be read whole, or a writer is between its two copies. */
  private readHeader(): boolean {
    try {
      if (fs.readSync(this.fd, this.header, 0, HEADER_BYTES, 0) !== HEADER_BYTES) return false;
    } catch {
      return false;
    }
    return this.header.compare(this.header, 0, COPY_BYTES, COPY_BYTES, HEADER_BYTES) === 0;
  }
}

// Prepared once per connection: this runs on every anonymous request.
const prepared = new WeakMap<Client, ReturnType<typeof statements> & { watch: CommitWatch | null }>();

function forClient(client: Client) {
  const known = prepared.get(client);
  if (known && client.open) return known;
  known?.watch?.close();
  prepared.delete(client);
  const s = { ...statements(client), watch: CommitWatch.open(client) };
  prepared.set(client, s);
  return s;
}

/**
 * A token that changes whenever a write may have changed the page: `c<company>.<version>`
 * for a page of one company (its company, subject and review pages), `s<version>` for every
 * other page, and for a company or review that does not exist (the site's version moves with
 * every write, a company's included). One read, by primary key or unique index, or none
 * while no transaction has committed since the last (CommitWatch).
 */
export function pageVersion(scope: PageScope, db: Db = getDb()): string {
  const s = forClient(db.$client);
  if (!s.watch) return readVersion(s, scope);
  const key = scope.kind === "site" ? "s" : scope.kind === "company" ? `c${scope.slug}` : `r${scope.id}`;
  return s.watch.version(key, () => readVersion(s, scope));
}

function readVersion(s: ReturnType<typeof statements>, scope: PageScope): string {
  if (scope.kind === "site") return `s${s.site.get()?.site ?? 0}`;
  const row = scope.kind === "company" ? s.company.get(scope.slug) : s.review.get(scope.id);
  if (!row) return `s${s.site.get()?.site ?? 0}`;
  return row.companyId == null ? `s${row.site}` : `c${row.companyId}.${row.version}`;
}
