// Writing the large data set: a database tuned for a bulk load (no journal, no search
// triggers, no secondary indexes), the catalogue in chunked transactions, the reviews batch
// by batch with their revisions and search rows, then everything put back as it was.
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, openDatabase, type Db } from "../../../db/client.server";
import { rebuildAllStats } from "../../../app/models/stats.server";
import { CATEGORIES } from "../catalog";
import type { LargeCatalog } from "./catalog";
import { BATCH, type Batch, type Value } from "./types";

type Client = Db["$client"];
type SqlObject = { name: string; sql: string };

/** A database open for the bulk load, and what it dropped for it. */
export interface Load {
  db: Db;
  client: Client;
  triggers: SqlObject[];
  indexes: SqlObject[];
}

export type Lap = (what: string) => void;

const BULK = [
  "reviews",
  "replies",
  "review_revisions",
  "reply_revisions",
  "helpful_votes",
  "follow_ups",
  "flags",
  "subjects",
  "company_categories",
  "company_members",
];

/** Replaces the file with a migrated database set up for loading: journal_mode=OFF,
 *  synchronous=OFF, a 1 GB cache, foreign keys off; the search triggers and the secondary
 *  indexes dropped (they come back as they were); a 64 MB FTS5 buffer with lazier merging. */
export function openForLoad(file: string): Load {
  if (file !== ":memory:") {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.resolve(file) + suffix, { force: true });
  }
  const db = openDatabase(file);
  migrateDatabase(db);
  const client = db.$client;
  client.pragma("journal_mode = OFF");
  client.pragma("synchronous = OFF");
  client.pragma("foreign_keys = OFF");
  client.pragma("cache_size = -1000000");
  client.pragma("temp_store = MEMORY");
  client.pragma("locking_mode = EXCLUSIVE");

  const triggers = client
    // The search index's triggers and the page cache's data versions (migration 0015):
    // the load fills the index itself, and the versions of a new database need no bumps.
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name GLOB '*_fts_*' OR name GLOB 'data_versions_*')`)
    .all() as SqlObject[];
  const indexes = client
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK.map(() => "?").join(",")})`,
    )
    .all(...BULK) as SqlObject[];
  for (const t of triggers) client.exec(`DROP TRIGGER "${t.name}"`);
  for (const i of indexes) client.exec(`DROP INDEX "${i.name}"`);
  ftsConfig(client, { hashsize: 64 * 1024 * 1024, automerge: 16, crisismerge: 64 });
  return { db, client, triggers, indexes };
}

function ftsConfig(client: Client, settings: Record<string, number>) {
  for (const [k, v] of Object.entries(settings)) client.exec(`INSERT INTO search_fts(search_fts, rank) VALUES ('${k}', ${v})`);
}

/** Categories, companies, subjects, users and members. Their names index (names_fts,
 *  migration 0019) is filled by its own triggers, which the load keeps (their names do not
 *  match *_fts_*); search_fts holds the reviews only. */
export function loadCatalog({ client }: Load, catalog: LargeCatalog) {
  const run = (sql: string, rows: Value[][]) => {
    const stmt = client.prepare(sql);
    for (const r of rows) stmt.run(r);
  };
  const inChunks = (rows: Value[][], fn: (chunk: Value[][]) => void) => {
    for (let k = 0; k < rows.length; k += BATCH) client.transaction(() => fn(rows.slice(k, k + BATCH)))();
  };

  const insertCategory = client.prepare(`INSERT INTO categories (id, slug, name_fr, name_en, position) VALUES (?, ?, ?, ?, ?)`);
  CATEGORIES.forEach((c, i) => insertCategory.run(i + 1, c.slug, c.nameFr, c.nameEn, i));
  inChunks(catalog.companyRows, (chunk) => {
    run(
      `INSERT INTO companies (id, slug, name, legal_name, domain, website, description_fr, description_en, country, color, state, claimed_at, verified_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      chunk.map((r) => r.slice(0, 14)),
    );
    run(
      `INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`,
      chunk.map((r) => [r[0]!, r[14]!]),
    );
  });
  inChunks(catalog.subjectRows, (chunk) =>
    run(
      `INSERT INTO subjects (id, company_id, kind, slug, name, address, postal_code, city, url, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)`,
      chunk,
    ),
  );
  inChunks(catalog.userRows, (chunk) =>
    run(
      `INSERT INTO users (id, email, email_verified_at, display_name, password_hash, role, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      chunk,
    ),
  );
  inChunks(catalog.memberRows, (chunk) =>
    run(`INSERT INTO company_members (company_id, user_id, role, created_at) VALUES (?, ?, ?, ?)`, chunk),
  );
}

function reviewStatements(client: Client) {
  return {
    review: client.prepare(
      `INSERT INTO reviews (id, subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date, channel, recommend,
         origin, status, held_check, held_at, published_at, removed_at, removal_reason, under_review_since, replied_at, resolved_at, helpful_count, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reply: client.prepare(
      `INSERT INTO replies (id, review_id, company_id, author_id, body, body_html, status, published_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?)`,
    ),
    followUp: client.prepare(
      `INSERT INTO follow_ups (id, review_id, body, body_html, status, published_at, created_at) VALUES (?, ?, ?, ?, 'published', ?, ?)`,
    ),
    vote: client.prepare(`INSERT INTO helpful_votes (review_id, user_id, created_at) VALUES (?, ?, ?)`),
    flag: client.prepare(
      `INSERT INTO flags (id, target_type, review_id, reason, explanation, reporter_type, reporter_user_id, good_faith, status, decision_id, decided_at, created_at)
       VALUES (?, 'review', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    ),
    decision: client.prepare(
      `INSERT INTO moderation_decisions (id, actor_id, automated, target_type, target_id, decision, reason, statement, created_at) VALUES (?, ?, 0, 'review', ?, 'remove', ?, ?, ?)`,
    ),
    // Every review and reply keeps its first version; published reviews are searchable.
    revisions: client.prepare(`INSERT INTO review_revisions (review_id, stars, title, body, experience_date, channel, recommend, created_at)
      SELECT id, stars, title, body, experience_date, channel, recommend, created_at FROM reviews WHERE id BETWEEN ? AND ?`),
    replyRevisions: client.prepare(`INSERT INTO reply_revisions (reply_id, body, author_id, created_at)
      SELECT id, body, author_id, published_at FROM replies WHERE id BETWEEN ? AND ?`),
    search: client.prepare(
      `INSERT INTO search_fts (rowid, kind, title, body) SELECT id * 4 + 2, 'review', title, body FROM reviews WHERE id BETWEEN ? AND ? AND status = 'published'`,
    ),
  };
}

const TALLIES = ["published", "answered", "held", "removed", "largest", "rendered", "reused"] as const;
export type Totals = Record<(typeof TALLIES)[number] | "votes", number>;

/** Writes the batches as they come, one transaction each (asking for the next batch before
 *  writing the current one), and returns the tallies. */
export async function loadReviews(
  { client }: Load,
  stream: AsyncGenerator<Batch>,
  first: Promise<IteratorResult<Batch>>,
  reviews: number,
  lap: Lap,
  log: (line: string) => void,
): Promise<Totals> {
  const st = reviewStatements(client);
  const totals: Totals = { published: 0, answered: 0, held: 0, removed: 0, largest: 0, rendered: 0, reused: 0, votes: 0 };
  const spent = { rows: 0, revisions: 0, search: 0, commit: 0 };
  let pending: Promise<IteratorResult<Batch>> | null = first;
  while (pending) {
    const next: IteratorResult<Batch> = await pending;
    if (next.done) break;
    const b = next.value;
    pending = stream.next(); // ask for the following batch before writing this one
    const w0 = performance.now();
    client.transaction(() => {
      for (const r of b.reviews) st.review.run(r);
      for (const r of b.replies) st.reply.run(r);
      for (const r of b.followUps) st.followUp.run(r);
      for (const r of b.votes) st.vote.run(r);
      for (const r of b.decisions) st.decision.run(r);
      for (const r of b.flags) st.flag.run(r);
      const w1 = performance.now();
      st.revisions.run(b.from + 1, b.to);
      if (b.replies.length) st.replyRevisions.run(b.replies[0]![0], b.replies[b.replies.length - 1]![0]);
      const w2 = performance.now();
      st.search.run(b.from + 1, b.to);
      const w3 = performance.now();
      spent.rows += w1 - w0;
      spent.revisions += w2 - w1;
      spent.search += w3 - w2;
    })();
    spent.commit += performance.now() - w0;
    for (const k of TALLIES) totals[k] += b[k];
    totals.votes += b.votes.length;
    if ((b.from / BATCH) % 8 === 7 || b.to === reviews) lap(`${b.to} reviews`);
  }
  log(`  markdown blocks rendered ${totals.rendered}, reused ${totals.reused}`);
  ftsConfig(client, { hashsize: 1024 * 1024, automerge: 4, crisismerge: 16 });
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  spent.commit -= spent.rows + spent.revisions + spent.search;
  log(`  writing: rows ${sec(spent.rows)}, revisions ${sec(spent.revisions)}, search ${sec(spent.search)}, commits ${sec(spent.commit)}`);
  return totals;
}

/** Indexes, triggers, counters, statistics; then the settings of every connection
 *  (db/client.server.ts). */
export function finishLoad({ db, client, indexes, triggers }: Load, lap: Lap) {
  // The generator is done: SQLite's sorter may use the second core to build the indexes.
  client.pragma("threads = 2");
  for (const i of indexes) client.exec(i.sql);
  lap("indexes");
  const isVersionTrigger = (t: SqlObject) => t.name.startsWith("data_versions_");
  for (const t of triggers.filter((t) => !isVersionTrigger(t))) client.exec(t.sql);
  rebuildAllStats(db);
  lap("rebuildAllStats");
  // After the counters: rebuilding them would bump a version per company for nothing.
  for (const t of triggers.filter(isVersionTrigger)) client.exec(t.sql);
  client.exec("ANALYZE");
  lap("ANALYZE");

  client.pragma("threads = 0");
  client.pragma("locking_mode = NORMAL");
  client.pragma("foreign_keys = ON");
  client.pragma("synchronous = NORMAL");
  client.pragma("journal_mode = WAL");
}

const COUNTED = [
  "categories",
  "companies",
  "subjects",
  "users",
  "reviews",
  "replies",
  "follow_ups",
  "helpful_votes",
  "flags",
  "moderation_decisions",
  "review_revisions",
  "reply_revisions",
  "search_fts",
  "names_fts",
];

/** Row counts, and the two companies with the most reviews. */
export function summary(client: Client) {
  const counts: Record<string, number> = {};
  for (const t of COUNTED) {
    counts[t] = (client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  const largest = client
    .prepare(
      `SELECT c.slug, count(*) AS n FROM reviews r JOIN companies c ON c.id = r.company_id GROUP BY r.company_id ORDER BY n DESC LIMIT 2`,
    )
    .all() as Array<{ slug: string; n: number }>;
  return { counts, largest };
}
