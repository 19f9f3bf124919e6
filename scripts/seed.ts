// Demo data: categories, ~160 invented companies with their stores, websites,
// products and services, ~1 500 reviewers, ~6 000 reviews over three years with
// replies, follow-ups, votes, flags and moderation decisions, and the four demo
// accounts of the spec. Deterministic: a fixed-seed PRNG and dates relative to
// REFERENCE_NOW, so two runs give the same content.
//
//   npm run seed              seeds DATABASE_URL (default ./data/replique.db) if it has no company
//   npm run seed -- --force   deletes the database file first, then seeds
//
// server.ts calls seedIfEmpty() (scripts/seed-if-empty.ts) at start-up (unless SEED_DEMO=0).
// The demo is built by scripts/seed-data/demo/ (build.ts runs its steps in order); this file
// is the command line, and re-exports the seed's API for the tests and seed-large.ts.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { closeDb, databaseFile, getDb } from "../db/client.server";
import { printAccounts } from "./seed-data/demo/accounts";
import { seedIfEmpty } from "./seed-if-empty";

// The content generators, for seed-large.ts and anyone else.
export * from "./seed-data/catalog";
export * from "./seed-data/generate";
export * from "./seed-data/people";
export * from "./seed-data/random";
export * from "./seed-data/text";
export { BRAND_COMPANY_SLUG, DEMO_ACCOUNTS, DEMO_PASSWORD, printAccounts } from "./seed-data/demo/accounts";
export { buildDemoData } from "./seed-data/demo/build";
export { insertRows, seedDemo } from "./seed-data/demo/seed-demo";
export type { DemoData, IdBase } from "./seed-data/demo/types";
export { seedIfEmpty };

// ─── Command line ─────────────────────────────────────────────────────────────

async function main() {
  const force = process.argv.includes("--force");
  const file = databaseFile();
  if (force && file !== ":memory:") {
    closeDb();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.resolve(file) + suffix, { force: true });
    console.log(`Deleted ${file}.`);
  }
  const db = getDb();
  const started = performance.now();
  const seeded = await seedIfEmpty(db);
  if (!seeded) {
    console.log(`${file} already has companies: nothing seeded (use --force to start again).`);
    printAccounts();
  } else {
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s (${file}).`);
  }
  closeDb();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
