// npm run bench — load-tests the reading path on a database (by default the large one
// made by `npm run seed:large`), through the real built server.
//
// Absolute times depend on the machine, so every figure is also given as a ratio to a
// baseline measured in the same run: GET /healthz (one trivial query through the same
// Express + Remix stack). A page fails when its ratio passes its limit.
//
//   BENCH_DATABASE_URL=./data/large.db BENCH_SECONDS=10 npm run bench
import { spawn } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "./data/large.db";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);

if (!fs.existsSync(databaseUrl)) {
  console.error(`No database at ${databaseUrl}. Run \`npm run seed:large\` first, or set BENCH_DATABASE_URL.`);
  process.exit(1);
}
if (!fs.existsSync("build/server/index.js")) {
  console.error("No build. Run `npm run build` first.");
  process.exit(1);
}

/** Picks the pages to measure: the largest company, a page deep in its reviews, a review. */
function pickTargets() {
  const db = new Database(databaseUrl, { readonly: true });
  const largest = db
    .prepare(
      `SELECT c.id, c.slug, sum(st.review_count) AS n FROM rating_stats st JOIN companies c ON c.id = st.scope_id
       WHERE st.scope = 'company' GROUP BY st.scope_id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: number; slug: string; n: number };
  // The cursor of the review 90 % of the way down the list: page ~ n × 0.9 / 20.
  const deep = db
    .prepare(
      `SELECT published_at AS publishedAt, id FROM reviews WHERE company_id = ? AND status IN ('published', 'removed')
       AND published_at IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET ?`,
    )
    .get(largest.id, Math.floor(largest.n * 0.9)) as { publishedAt: number; id: number };
  const review = db
    .prepare(`SELECT id FROM reviews WHERE company_id = ? AND replied_at IS NOT NULL AND status = 'published' LIMIT 1`)
    .get(largest.id) as { id: number };
  const word = (db.prepare(`SELECT name FROM companies WHERE id = ?`).get(largest.id) as { name: string }).name.split(/\s+/)[0];
  db.close();
  return { largest, deepCursor: `${deep.publishedAt}_${deep.id}`, reviewId: review.id, word };
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SECRET_FILE: "./data/secret",
      PORT: "0",
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "0",
      LOG_REQUESTS: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = chunk.toString().match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function measure(url: string) {
  const result = await autocannon({ url, connections, duration: seconds, headers: { "accept-language": "fr" } });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} responses were not 2xx`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

const targets = pickTargets();
const server = await startServer();
console.log(`Database ${databaseUrl}; largest company ${targets.largest.slug} with ${targets.largest.n} reviews.`);
console.log(`${connections} connections, ${seconds} s per page.\n`);

const pages: { name: string; path: string; limit: number }[] = [
  { name: "company page 1", path: `/companies/${targets.largest.slug}`, limit: 25 },
  { name: "company deep page (90 %)", path: `/companies/${targets.largest.slug}?before=${targets.deepCursor}`, limit: 25 },
  { name: "company, 2★ filter", path: `/companies/${targets.largest.slug}?stars=2`, limit: 25 },
  { name: "review permalink", path: `/reviews/${targets.reviewId}`, limit: 15 },
  { name: "home", path: `/`, limit: 25 },
  { name: "search", path: `/search?q=${encodeURIComponent(targets.word)}`, limit: 40 },
];

let failed = false;
try {
  // Warm up, then the baseline.
  await autocannon({ url: `${server.url}/healthz`, connections, duration: 2 });
  const baseline = await measure(`${server.url}/healthz`);
  console.log(`baseline /healthz: p50 ${baseline.p50} ms, p99 ${baseline.p99} ms, ${baseline.rps.toFixed(0)} req/s\n`);
  console.log("page".padEnd(28), "p50 ms".padStart(8), "p99 ms".padStart(8), "req/s".padStart(8), "cost×".padStart(8), "limit".padStart(7));
  for (const page of pages) {
    const m = await measure(`${server.url}${page.path}`);
    // Cost ratio: how many /healthz requests one page costs, from throughput.
    const ratio = baseline.rps / m.rps;
    const ok = ratio <= page.limit;
    failed ||= !ok;
    console.log(
      page.name.padEnd(28),
      String(m.p50).padStart(8),
      String(m.p99).padStart(8),
      m.rps.toFixed(0).padStart(8),
      ratio.toFixed(1).padStart(8),
      `${ok ? "≤" : ">"}${page.limit}`.padStart(7),
      ok ? "ok" : "TOO SLOW",
    );
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
