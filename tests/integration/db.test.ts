import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb, migrateDatabase, openDatabase } from "#db/client.server";

describe("the database connection", () => {
  it("sets WAL, foreign keys and a busy timeout on the app's own connection", () => {
    const client = getDb().$client;
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(client.pragma("busy_timeout", { simple: true })).toBe(5000);
    // 1 = NORMAL (see the README's decision on durability)
    expect(client.pragma("synchronous", { simple: true })).toBe(1);
    // The README's resident memory: 16 MB of SQLite pages per connection, no memory-mapped I/O.
    expect(client.pragma("cache_size", { simple: true })).toBe(-16000);
    expect(client.pragma("mmap_size", { simple: true })).toBe(0);
  });

  it("applies the migrations to an empty file, then again to a migrated one", () => {
    const file = path.join(os.tmpdir(), `replique-migrate-${process.pid}-${Date.now()}.db`);
    try {
      const first = openDatabase(file);
      migrateDatabase(first);
      const tables = (first.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
        (t) => t.name,
      );
      expect(tables).toEqual(
        expect.arrayContaining(["users", "reviews", "replies", "rating_stats", "moderation_decisions", "search_fts", "outbox"]),
      );
      const applied = (first.$client.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }).n;
      first.$client.close();

      const second = openDatabase(file);
      expect(() => migrateDatabase(second)).not.toThrow();
      expect((second.$client.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }).n).toBe(applied);
      second.$client.close();
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    }
  });

  it("keeps the moderation log append-only", () => {
    const client = getDb().$client;
    const { id } = client
      .prepare(
        `INSERT INTO moderation_decisions (automated, target_type, target_id, decision, reason, statement)
         VALUES (1, 'review', 1, 'publish', 'sla', 'Published automatically') RETURNING id`,
      )
      .get() as { id: number };
    expect(() => client.prepare(`UPDATE moderation_decisions SET reason = 'x' WHERE id = ?`).run(id)).toThrow(/append-only/);
    expect(() => client.prepare(`DELETE FROM moderation_decisions WHERE id = ?`).run(id)).toThrow(/append-only/);
  });
});
