// Seeds the demo data when the database has no company yet: what server.ts runs at
// start-up (unless SEED_DEMO=0) and `npm run seed` (scripts/seed.ts) runs by hand.
import type { Db } from "../db/client.server";
import { printAccounts } from "./seed-data/demo/accounts";
import { seedDemo } from "./seed-data/demo/seed-demo";

/** Seeds the demo data when there is no company yet. Returns whether it seeded. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const { n } = db.$client.prepare(`SELECT count(*) AS n FROM companies`).get() as { n: number };
  if (n > 0) return false;
  const started = performance.now();
  const counts = await seedDemo(db);
  if (process.env.NODE_ENV !== "test") {
    console.log(
      `Seeded demo data: ${counts.companies} companies, ${counts.reviews} reviews, ${counts.replies} replies in ${Math.round(performance.now() - started)} ms.`,
    );
    printAccounts();
  }
  return true;
}
