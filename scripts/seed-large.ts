// The large data set for benchmarks: ≥ 100 000 companies with their subjects and
// ≥ 2 000 000 reviews with replies (≥ 40 % answered), built in bulk transactions.
//
//   npm run seed:large
//
// Environment:
//   DATABASE_URL      target file (default ./data/large.db); it is DELETED first.
//   LARGE_COMPANIES   number of companies (default 100000)
//   LARGE_REVIEWS     number of reviews (default 2050000)
//   LARGE_USERS       number of reviewers (default 300000)
//   LARGE_WORKER=0    generate the texts on the main thread (slower; same data)
//
// How it stays within a few minutes on two cores:
// - the texts come from the demo's generators (scripts/seed-data) in their "light"
//   form, whose Markdown blocks repeat and are rendered once each (BlockRenderer);
// - a worker thread composes the reviews, replies and votes of the next batch of
//   50 000 reviews while the main thread writes the current one;
// - during the load the reviews' search triggers and the secondary indexes are dropped;
//   the indexes are recreated from their exact SQL (read from sqlite_master), search_fts
//   is filled batch by batch with INSERT … SELECT (rowid id*4+2, as the triggers do), and
//   the triggers are recreated as they were (names_fts, the names' index, keeps its
//   triggers and fills as the catalogue is written);
// - journal_mode=OFF, synchronous=OFF, a 1 GB cache, foreign keys off, a 64 MB
//   FTS5 buffer with lazier merging, then the usual settings (WAL, NORMAL, foreign
//   keys on, FTS5 defaults) at the end; the indexes are sorted on both cores.
// It ends with rebuildAllStats() and ANALYZE, and prints the time, the counts and
// the slug of the largest company (the deep company page of the benchmark).
//
// The parts live in scripts/seed-data/large/: catalog.ts (companies, subjects, users and
// members in memory), generator.ts (the reviews, batch by batch), worker.ts (the worker
// thread), load.ts (the database side).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";
import { buildCatalog } from "./seed-data/large/catalog";
import { finishLoad, loadCatalog, loadReviews, openForLoad, summary } from "./seed-data/large/load";
import type { LargeOptions } from "./seed-data/large/types";
import { batches } from "./seed-data/large/worker";

export type { LargeOptions };

export async function seedLarge(o: LargeOptions) {
  const log = o.log ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const lap = (what: string) => log(`  ${what.padEnd(36)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);

  // Companies and users in memory first, so that the worker can start.
  const catalog = await buildCatalog(o);
  lap("companies and users generated");
  const stream = batches(catalog.g, o.worker ?? true);
  const first = stream.next(); // the worker starts on the first batch now

  const load = openForLoad(o.file);
  loadCatalog(load, catalog);
  lap(`${o.companies} companies, ${catalog.subjectRows.length} subjects, ${catalog.userCount} users`);
  catalog.companyRows.length = 0;
  catalog.subjectRows.length = 0;
  catalog.userRows.length = 0;

  const totals = await loadReviews(load, stream, first, o.reviews, lap, log);
  finishLoad(load, lap);
  const { counts, largest } = summary(load.client);
  load.client.close();
  return { seconds: (performance.now() - t0) / 1000, counts, totals, largest, largestSlug: catalog.largestSlug };
}

// ─── Command line ─────────────────────────────────────────────────────────────

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  return v ? Math.max(1, Math.floor(Number(v))) : fallback;
};

async function main() {
  const file = process.env.DATABASE_URL ?? "./data/large.db";
  const options: LargeOptions = {
    file,
    companies: env("LARGE_COMPANIES", 100_000),
    reviews: env("LARGE_REVIEWS", 2_050_000),
    users: env("LARGE_USERS", 300_000),
    worker: process.env.LARGE_WORKER !== "0",
  };
  console.log(
    `Building ${file}: ${options.companies} companies, ${options.reviews} reviews, ${options.users} reviewers (the file is replaced).`,
  );
  const r = await seedLarge(options);
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  console.log(`\nDone in ${r.seconds.toFixed(1)} s — ${(size / 1e9).toFixed(2)} GB`);
  for (const [table, n] of Object.entries(r.counts)) console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en")}`);
  const t = r.totals;
  console.log(`  published reviews      ${t.published.toLocaleString("en")} (${((100 * t.answered) / t.published).toFixed(1)} % answered)`);
  console.log(`  held / removed         ${t.held} / ${t.removed}`);
  console.log(
    `Largest company: ${r.largest[0]!.slug} (${r.largest[0]!.n.toLocaleString("en")} reviews; next: ${r.largest[1]?.slug}, ${r.largest[1]?.n.toLocaleString("en")})`,
  );
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
