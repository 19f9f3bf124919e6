// Writes the demo into a database: the rows of buildDemoData in one transaction (after the
// ids already there, keeping demo accounts that were signed up by hand), then the counters,
// and the parts dated relative to the moment of seeding (flags, a warning, proofs).
import type Database from "better-sqlite3";
import type { Db } from "../../../db/client.server";
import { hashPassword } from "../../../app/models/password.server";
import { rebuildAllStats } from "../../../app/models/stats.server";
import { seedQueueAppeals } from "../../seed-appeals";
import { seedFlagLifecycle } from "../../seed-flags";
import { seedWarning } from "../../seed-warnings";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { buildDemoData } from "./build";
import { seedProofs } from "./proofs";
import { ID_TABLES, ZERO_IDS, type DemoData, type IdBase, type Row } from "./types";

/** Inserts rows (objects with the same keys) with one prepared statement. */
export function insertRows(client: Database.Database, table: string, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const stmt = client.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
  for (const row of rows) stmt.run(row);
}

function currentIds(client: Database.Database): IdBase {
  const out = { ...ZERO_IDS };
  for (const t of ID_TABLES) {
    out[t] = (client.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

/** Seeds the demo data. Expects a database without companies (see seedIfEmpty);
 *  users that already exist (a demo address signed up by hand) are kept as they are. */
export async function seedDemo(db: Db, options: { now?: number } = {}): Promise<Record<string, number>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const client = db.$client;
  const ids = currentIds(client);
  const data = buildDemoData(passwordHash, ids, options.now ?? Date.now());

  const existing = new Map<string, number>();
  for (const a of DEMO_ACCOUNTS) {
    const row = client.prepare(`SELECT id FROM users WHERE email = ?`).get(a.email) as { id: number } | undefined;
    if (row) existing.set(a.email, row.id);
  }

  client.transaction(() => {
    for (const { table, rows } of data.tables) {
      if (table === "users" && existing.size > 0) {
        // Keep hand-made accounts: point the demo rows at them instead.
        const remap = new Map<number, number>();
        const kept = rows.filter((r) => {
          const id = existing.get(r.email as string);
          if (id === undefined) return true;
          remap.set(r.id as number, id);
          return false;
        });
        insertRows(client, table, kept);
        remapUserIds(data, remap);
        continue;
      }
      insertRows(client, table, rows);
    }
  })();
  rebuildAllStats(db);
  seedFlagLifecycle(db, options.now ?? Date.now());
  seedWarning(db, options.now ?? Date.now());
  await seedProofs(db);
  seedQueueAppeals(db, options.now ?? Date.now());
  return data.counts;
}

const USER_COLUMNS = ["author_id", "user_id", "reporter_user_id", "actor_id", "appellant_user_id", "suggested_by", "decided_by"];
function remapUserIds(data: DemoData, remap: Map<number, number>) {
  if (remap.size === 0) return;
  for (const { table, rows } of data.tables) {
    if (table === "users") continue;
    for (const row of rows) {
      for (const col of USER_COLUMNS) {
        const v = row[col];
        if (typeof v === "number" && remap.has(v)) row[col] = remap.get(v)!;
      }
    }
  }
}
