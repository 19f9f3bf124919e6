// npm run bench:export — the CSV export streams with flat memory (issue 10): the largest
// company of `npm run seed:large` (≈ 60 000 reviews) and a company a hundred times smaller
// are exported through the stream /brand/:slug/export.csv sends (reviewExportStream), read
// by a consumer that asks for one chunk at a time, as a client over HTTP does. The live heap and
// buffers (after a collection, every five pages) and the RSS above the start are sampled. Flat means: the large export's peak heap
// growth is within a few MB of the small one's, and a small fraction of the bytes streamed
// (were the rows held in memory, the growth would be about the size of the file, or more).
//
//   BENCH_DATABASE_URL=./data/large.db npm run bench:export
import fs from "node:fs";
import Database from "better-sqlite3";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "./data/large.db";
if (!fs.existsSync(databaseUrl)) {
  console.error(`No database at ${databaseUrl}. Run \`npm run seed:large\` first, or set BENCH_DATABASE_URL.`);
  process.exit(1);
}
process.env.DATABASE_URL = databaseUrl;

/** A few MB of slack: the page buffer, the encoder, V8's young generation. */
const SLACK_BYTES = 16 * 1024 * 1024;
/** At most this share of the file may be held at the peak. */
const MAX_SHARE_OF_FILE = 0.2;

function pickCompanies() {
  const db = new Database(databaseUrl, { readonly: true });
  const counts = db
    .prepare(
      `SELECT scope_id AS id, sum(review_count) AS n FROM rating_stats WHERE scope = 'company' GROUP BY scope_id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: number; n: number };
  const small = db
    .prepare(
      `SELECT scope_id AS id, sum(review_count) AS n FROM rating_stats WHERE scope = 'company' GROUP BY scope_id
       HAVING n BETWEEN ? AND ? LIMIT 1`,
    )
    .get(Math.floor(counts.n / 150), Math.ceil(counts.n / 50)) as { id: number; n: number } | undefined;
  db.close();
  if (!small) throw new Error("No company a hundred times smaller than the largest");
  return { large: counts, small };
}

/** The JavaScript heap and the buffers outside it (the encoded chunks are ArrayBuffers). */
const held = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;

const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function measure(companyId: number) {
  const { reviewExportStream } = await import("~/models/review-export.server");
  collect();
  const start = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  let bytes = 0;
  let lines = 0;
  let quoted = false;
  let chunks = 0;
  const began = performance.now();
  const reader = reviewExportStream(companyId, { origin: "https://replique.example" }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    // Records, not lines: a line break inside a quoted field (a review's paragraphs) is no record's end.
    for (let i = 0; i < value.length; i++) {
      if (value[i] === 34) quoted = !quoted;
      else if (value[i] === 10 && !quoted) lines++;
    }
    // What is still held (live heap after a collection), every few pages: garbage that V8
    // has not collected yet is not memory the export keeps.
    if (++chunks % 5 === 0) collect();
    const now = process.memoryUsage();
    if (chunks % 5 === 0) peakHeap = Math.max(peakHeap, held(now) - held(start));
    peakRss = Math.max(peakRss, now.rss - start.rss);
    // A client's pace: the next chunk is asked for on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { bytes, lines, ms: performance.now() - began, peakHeap, peakRss };
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

const { large, small } = pickCompanies();
if (!(globalThis as { gc?: unknown }).gc) console.warn("(run with node --expose-gc for steadier figures)");
// The small one first, so that both start from a warm process.
const a = await measure(small.id);
const b = await measure(large.id);
console.log(`CSV export, streamed (${databaseUrl})`);
console.log("| company | reviews | CSV | time | peak live memory growth | peak RSS growth |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const [name, n, r] of [
  ["small", small.n, a],
  ["largest", large.n, b],
] as const) {
  console.log(`| ${name} | ${n} | ${mb(r.bytes)} (${r.lines - 1} rows) | ${Math.round(r.ms)} ms | ${mb(r.peakHeap)} | ${mb(r.peakRss)} |`);
}
const limit = Math.min(a.peakHeap + SLACK_BYTES, b.bytes * MAX_SHARE_OF_FILE);
const flat = b.peakHeap <= limit;
console.log(
  `largest's peak live memory growth ${mb(b.peakHeap)} against a limit of ${mb(limit)} (the small export's ${mb(a.peakHeap)} + ${mb(SLACK_BYTES)}, ` +
    `and at most ${MAX_SHARE_OF_FILE * 100} % of its ${mb(b.bytes)}): ${flat ? "flat" : "NOT FLAT"}`,
);
if (b.lines - 1 < large.n) {
  console.error(`The export has ${b.lines - 1} rows for ${large.n} published reviews: rows are missing.`);
  process.exitCode = 1;
}
if (!flat) process.exitCode = 1;
