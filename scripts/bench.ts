// npm run bench — Réplique under load on the `npm run seed:large` data (100 000 companies,
// 2 million reviews), through the real built server, in one run, printed as one table.
//
// Absolute figures move with the machine, so each page is held to a limit measured in the
// same run: a bare node:http server answering the very bytes (and headers) the page got,
// measured just before it with the same load. Rows and their limits (issue 11):
//   - the anonymous cached company page (page 1), permalink, home and a search: ≥ 0.5 × bare;
//     the company page 90 % deep, cached: reported;
//   - the largest company's page rendered fresh, for a signed-in reader (never from the
//     cache): ≥ 0.05 × bare; its page 90 % deep, rendered: ≥ 0.9 × page 1 rendered;
//   - the search mix (common words, one- to four-letter prefixes, rare words, company
//     names, accents, FTS syntax), each query 5 times, one at a time, rendered, after a few
//     searches of a word outside the mix (each worker's first render): the slowest answer
//     ≤ 100 ms; and the same mix under load, reported;
//   - the brand inbox (brand@example.com, the largest company) and the moderation queue
//     (moderator@example.com), rendered: reported;
//   - the read mix (company page 1 and 90 % deep, permalink, subject, home, search), signed
//     in so rendered each time, alone and then while scripts/bench-writer.ts writes 200
//     reviews a second in a process of its own: 0 errors on either side, and the reads'
//     p99 within 2 × the read-only run's; the anonymous read mix the same way, reported;
//   - the peak RSS of each server process: ≤ 300 MB; the database's size: reported;
//   - the company page's HTML gzipped (20 reviews): ≤ 15 KB; the JavaScript each public
//     page type makes Chromium load (its messages included), gzipped: ≤ 100 KB.
// It exits 1 when a limit is not met.
//
//   BENCH_DATABASE_URL=./data/large.db BENCH_SECONDS=8 BENCH_CONNECTIONS=8 npm run bench
//
// The writes stay in the database (about 200 × BENCH_SECONDS reviews a run).
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "./data/large.db";
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 8);
const WRITES_PER_SECOND = 200;
const DEMO_PASSWORD = "replique-demo";

if (!fs.existsSync(databaseUrl)) {
  console.error(`No database at ${databaseUrl}. Run \`npm run seed:large\` first, or set BENCH_DATABASE_URL.`);
  process.exit(1);
}
if (!fs.existsSync("build/server/index.js") || !fs.existsSync("build/start/server.js")) {
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
  const largestName = (db.prepare(`SELECT name FROM companies WHERE id = ?`).get(largest.id) as { name: string }).name;
  const subject = db.prepare(`SELECT slug FROM subjects WHERE company_id = ? AND state = 'active' ORDER BY id LIMIT 1`).get(largest.id) as {
    slug: string;
  };
  const category = db.prepare(`SELECT slug FROM categories ORDER BY id LIMIT 1`).get() as { slug: string };
  const author = db.prepare(`SELECT author_id AS id FROM reviews WHERE id = ?`).get(review.id) as { id: number };
  const word = largestName.split(/\s+/)[0];
  const mix = searchMix(db, largestName);
  db.close();
  return {
    largest,
    deepCursor: `${deep.publishedAt}_${deep.id}`,
    reviewId: review.id,
    word,
    mix,
    subjectSlug: subject.slug,
    categorySlug: category.slug,
    authorId: author.id,
  };
}

/** The search mix: fixed queries, and names and rare words read from the database. */
function searchMix(db: Database.Database, largestName: string): Record<string, string[]> {
  const names = (db.prepare(`SELECT name FROM companies WHERE id % 9973 = 17 ORDER BY id LIMIT 4`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  // Rare words of the reviews (2 to 40 documents), from the index's own vocabulary.
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab USING fts5vocab(main, search_fts, row)`);
  const vocabulary = (
    db
      .prepare(`SELECT term FROM temp.bench_vocab WHERE doc BETWEEN 2 AND 40 AND length(term) BETWEEN 5 AND 12 AND term GLOB '[a-z]*'`)
      .all() as { term: string }[]
  ).map((r) => r.term);
  const rare = [1, 2, 3, 4, 5].map((k) => vocabulary[Math.floor((k * vocabulary.length) / 6)]).filter((t): t is string => t != null);
  return {
    "common word": ["service", "livraison", "client", "commande", "site", "jours"],
    "common words": ["service client", "pour le service", "livraison rapide", "the pour", "pour the de le la je", "NOT service"],
    "1-letter": ["s", "a", "é", "l p"],
    "2-letter": ["se", "co", "pa", "li", "de la"],
    "3–4-letter prefix": ["ser", "com", "serv", "reco", "livr"],
    "rare word": [...rare, "zzyzx"],
    "company name": [largestName, largestName.slice(0, -2), ...names],
    accents: ["crêperie", "prévoyance", "séjour", "CAFÉ", "élève", "Végétal"],
    "quotes, FTS syntax": [
      `"service client"`,
      "l'atelier",
      `a"b`,
      "NEAR(service client)",
      "service*",
      "^service",
      "title:service",
      "{title}:x",
      "service OR client",
      "(",
      "*",
      "'",
    ],
  };
}

/** One request at a time, past the page cache: the whole answer and its time in SQLite. */
async function timeSearch(url: string, q: string) {
  const startedAt = performance.now();
  const response = await fetch(`${url}/search?q=${encodeURIComponent(q)}`, {
    headers: { "accept-language": "fr", "accept-encoding": "gzip", cookie: "bench=1" },
  });
  await response.arrayBuffer();
  const ms = performance.now() - startedAt;
  if (response.status !== 200) throw new Error(`search ${q}: ${response.status}`);
  const db = Number(response.headers.get("server-timing")?.match(/db;dur=([\d.]+)/)?.[1] ?? NaN);
  return { ms, db };
}

const SEARCH_LIMIT_MS = 100;
const SEARCH_RUNS = 5;

/** Rendered searches of a word outside the mix, before it: a server process's first render of
 *  /search compiles the route's code (about 120 ms here, then 25), which is the process
 *  starting, not a query's cost. Sequential requests go round the workers, so each gets some. */
const SEARCH_WARM_UPS = 2 * os.cpus().length;

async function measureSearchMix(url: string, mix: Record<string, string[]>) {
  for (let i = 0; i < SEARCH_WARM_UPS; i++) await timeSearch(url, "avis");
  console.log(
    `\nsearch mix: each query ${SEARCH_RUNS} times, one at a time, past the page cache (ms), after ${SEARCH_WARM_UPS} searches of "avis"`,
  );
  console.log("kind".padEnd(22), "queries".padStart(8), "slowest".padStart(9), "p99".padStart(8), "db max".padStart(8), "  slowest query");
  let worst = 0;
  const all: number[] = [];
  for (const [kind, queries] of Object.entries(mix)) {
    const times: number[] = [];
    let db = 0;
    let slowest = { ms: 0, q: "" };
    for (const q of queries) {
      for (let i = 0; i < SEARCH_RUNS; i++) {
        const t = await timeSearch(url, q);
        times.push(t.ms);
        db = Math.max(db, t.db);
        if (t.ms > slowest.ms) slowest = { ms: t.ms, q };
      }
    }
    all.push(...times);
    worst = Math.max(worst, db);
    console.log(
      kind.padEnd(22),
      String(queries.length).padStart(8),
      slowest.ms.toFixed(1).padStart(9),
      percentile(times, 0.99).toFixed(1).padStart(8),
      db.toFixed(1).padStart(8),
      ` ${JSON.stringify(slowest.q).slice(0, 40)}`,
    );
  }
  return { count: all.length, slowest: Math.max(...all), p50: percentile(all, 0.5), p99: percentile(all, 0.99), dbSlowest: worst };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

/** A child process that prints "listening on http://…"; its URL and how to stop it. */
async function spawnListening(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = chunk.toString().match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.on("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function startServer() {
  return spawnListening(["build/start/server.js"], {
    ...process.env,
    NODE_ENV: "production",
    SECRET_FILE: "./data/secret",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    SEED_DEMO: "0",
    LOG_REQUESTS: "0",
  });
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, connection errors and timeouts. */
  errors: number;
}

async function measure(url: string, options: { headers?: Record<string, string>; paths?: string[] } = {}): Promise<Load> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { "accept-language": "fr", "accept-encoding": "gzip, deflate, br", ...options.headers },
    requests: options.paths?.map((path) => ({ method: "GET", path })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

// ─── Bare node:http answering the same bytes: the limit of a page ─────────────

const BARE = `
const http = require("node:http"), fs = require("node:fs");
const headers = JSON.parse(fs.readFileSync(process.env.BARE_HEADERS, "utf8")), body = fs.readFileSync(process.env.BARE_BODY);
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
  .listen(0, "127.0.0.1", function () { console.log("listening on http://127.0.0.1:" + this.address().port); });`;

/** The bytes and headers the server answers for `url` (gzip as a browser asks), as they came. */
function rawAnswer(url: string, extraHeaders: Record<string, string> = {}): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-language": "fr", "accept-encoding": "gzip, deflate, br", ...extraHeaders } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v != null && !["date", "connection", "keep-alive", "transfer-encoding", "set-cookie"].includes(k)) headers[k] = String(v);
          }
          if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
          else resolve({ headers, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
}

const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-bare-"));

/** Bare node:http answering what `url` answers, measured under the same load. */
async function measureBare(url: string, headers: Record<string, string> = {}) {
  await rawAnswer(url, headers); // fills the page cache when the page is cached
  const answer = await rawAnswer(url, headers);
  fs.writeFileSync(path.join(bareDir, "headers.json"), JSON.stringify(answer.headers));
  fs.writeFileSync(path.join(bareDir, "body"), answer.body);
  const bare = await spawnListening(["-e", BARE], {
    ...process.env,
    BARE_HEADERS: path.join(bareDir, "headers.json"),
    BARE_BODY: path.join(bareDir, "body"),
  });
  try {
    return { load: await measure(bare.url), bytes: answer.body.length, encoding: answer.headers["content-encoding"] ?? "identity" };
  } finally {
    await bare.stop();
  }
}

// ─── Signed-in visitors: the demo accounts that seed:large keeps ──────────────

async function logIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: "/" }),
    headers: { origin: url, "accept-language": "fr" },
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status !== 302 || !cookie) throw new Error(`log-in of ${email}: ${response.status}`);
  return cookie;
}

// ─── The writer, peak RSS, JavaScript per page ─────────────────────────────────

/** scripts/bench-writer.ts, started and waiting: `go()` starts the writes, resolves with its report. */
async function startWriter() {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench-writer.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BENCH_WRITES_PER_SECOND: String(WRITES_PER_SECOND),
      BENCH_WRITE_SECONDS: String(seconds),
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve) => lines.once("line", resolve));
  if ((await next()) !== "ready") throw new Error("bench-writer did not start");
  return {
    go: async () => {
      const report = next();
      child.stdin.write("go\n");
      return JSON.parse(await report) as { written: number; refused: number; failed: number; p99: number; errors: string[] };
    },
  };
}

/** Peak resident memory (VmHWM) of a process and of its children, in MB. */
function peakRss(pid: number): { pid: number; mb: number }[] {
  const hwm = (p: number) => {
    const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
    return Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) / 1024;
  };
  const children = fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  return [pid, ...children].map((p) => ({ pid: p, mb: hwm(p) }));
}

/** The JavaScript a page makes the browser load, gzipped: every script Chromium fetches
 *  until the network is idle (module preloads, the entry, and what the entry imports before
 *  hydrating: the page language's messages), not the other routes, which load when visited. */
async function pageScriptsGzipped(browser: Browser, pageUrl: string): Promise<number> {
  const page = await browser.newPage({ extraHTTPHeaders: { "accept-language": "fr" } });
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  });
  await page.goto(pageUrl, { waitUntil: "networkidle" });
  let bytes = 0;
  for (const body of await Promise.all(bodies)) bytes += zlib.gzipSync(body, { level: 9 }).length;
  await page.close();
  return bytes;
}

// ─── The table ─────────────────────────────────────────────────────────────────

interface Row {
  name: string;
  load?: Load;
  figure: string;
  limit: string;
  /** null: reported, no limit. */
  ok: boolean | null;
}
const rows: Row[] = [];
function row(r: Row) {
  rows.push(r);
  const l = r.load;
  console.log(
    [
      r.name.padEnd(46),
      (l ? l.rps.toFixed(0) : "").padStart(7),
      (l ? String(l.p50) : "").padStart(6),
      (l ? String(l.p99) : "").padStart(6),
      (l ? String(l.errors) : "").padStart(6),
      ` ${r.figure}`.padEnd(34),
      r.limit.padEnd(16),
      r.ok == null ? "" : r.ok ? "ok" : "FAILED",
    ].join(" "),
  );
}
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const targets = pickTargets();
const server = await startServer();
const serverPid = server.pid;
const url = server.url;
console.log(`Database ${databaseUrl}; largest company ${targets.largest.slug} with ${targets.largest.n} reviews.`);
console.log(`${os.cpus().length} cores, ${connections} connections, ${seconds} s per measure. Node ${process.version}.\n`);
console.log(
  [
    "measure".padEnd(46),
    "req/s".padStart(7),
    "p50".padStart(6),
    "p99".padStart(6),
    "errors".padStart(6),
    " figure".padEnd(34),
    "limit".padEnd(16),
  ].join(" "),
);

const company = `/companies/${targets.largest.slug}`;
const deep = `${company}?before=${targets.deepCursor}`;
const permalink = `/reviews/${targets.reviewId}`;
const search = `/search?q=${encodeURIComponent(targets.word)}`;
const searchPaths = Object.values(targets.mix)
  .flat()
  .map((q) => `/search?q=${encodeURIComponent(q)}`);
const readMix = [company, deep, permalink, `${company}/${targets.subjectSlug}`, "/", search, "/search?q=livraison"];

let failed = false;
const check = (ok: boolean) => {
  failed ||= !ok;
  return ok;
};
/** A row without a limit of its own: reported (null), but failed when it had errors. */
const reported = (load: Load) => (check(load.errors === 0) ? null : false);
try {
  await autocannon({ url: `${url}/healthz`, connections, duration: 2 }); // warm up
  const reader = await logIn(url, "reader@example.com");
  const brand = await logIn(url, "brand@example.com");
  const moderator = await logIn(url, "moderator@example.com");

  // Cached pages against bare node answering their bytes.
  let companyHtmlGzip = 0;
  for (const page of [
    { name: "company page 1", path: company, limit: true },
    { name: "company page 90 % deep", path: deep, limit: false },
    { name: "review permalink", path: permalink, limit: true },
    { name: "home", path: "/", limit: true },
    { name: `search "${targets.word}"`, path: search, limit: true },
  ]) {
    const bare = await measureBare(url + page.path);
    if (page.path === company) companyHtmlGzip = bare.bytes;
    row({
      name: `bare node:http, the bytes of ${page.name}`,
      load: bare.load,
      figure: `${bare.bytes} B ${bare.encoding}`,
      limit: "",
      ok: null,
    });
    const load = await measure(url + page.path);
    const r = ratio(load.rps, bare.load.rps);
    row({
      name: `${page.name}, anonymous (page cache)`,
      load,
      figure: `${r.toFixed(2)} × bare`,
      limit: page.limit ? "≥ 0.50 × bare" : "",
      ok: page.limit ? check(r >= 0.5 && load.errors === 0) : null,
    });
  }

  // Rendered for a signed-in reader: never from the cache.
  const signedIn = { cookie: reader };
  const bareRendered = await measureBare(url + company, signedIn);
  row({
    name: "bare node:http, the bytes of company page 1 signed in",
    load: bareRendered.load,
    figure: `${bareRendered.bytes} B ${bareRendered.encoding}`,
    limit: "",
    ok: null,
  });
  const rendered = await measure(url + company, { headers: signedIn });
  const renderedRatio = ratio(rendered.rps, bareRendered.load.rps);
  row({
    name: "company page 1, rendered (signed in)",
    load: rendered,
    figure: `${renderedRatio.toFixed(3)} × bare`,
    limit: "≥ 0.05 × bare",
    ok: check(renderedRatio >= 0.05 && rendered.errors === 0),
  });
  const renderedDeep = await measure(url + deep, { headers: signedIn });
  const deepRatio = ratio(renderedDeep.rps, rendered.rps);
  row({
    name: "company page 90 % deep, rendered (signed in)",
    load: renderedDeep,
    figure: `${deepRatio.toFixed(2)} × page 1`,
    limit: "≥ 0.90 × page 1",
    ok: check(deepRatio >= 0.9 && renderedDeep.errors === 0),
  });

  // The search mix.
  const mix = await measureSearchMix(url, targets.mix);
  row({
    name: `search mix, one at a time (${mix.count} answers)`,
    load: { rps: 0, p50: Math.round(mix.p50), p99: Math.round(mix.p99), errors: 0 },
    figure: `slowest ${mix.slowest.toFixed(0)} ms (SQLite ${mix.dbSlowest.toFixed(0)} ms)`,
    limit: `≤ ${SEARCH_LIMIT_MS} ms`,
    ok: check(mix.slowest <= SEARCH_LIMIT_MS),
  });
  const mixLoad = await measure(url + "/search", { headers: signedIn, paths: searchPaths });
  row({ name: "search mix, rendered, under load", load: mixLoad, figure: "", limit: "", ok: reported(mixLoad) });

  // The company's inbox and the moderators' queue.
  const inbox = await measure(`${url}/brand/${targets.largest.slug}`, { headers: { cookie: brand } });
  row({ name: `brand inbox (${targets.largest.slug})`, load: inbox, figure: "", limit: "", ok: reported(inbox) });
  const queue = await measure(`${url}/moderation`, { headers: { cookie: moderator } });
  row({ name: "moderation queue", load: queue, figure: "", limit: "", ok: reported(queue) });

  // The read mix, alone and while 200 reviews a second are written.
  for (const who of [
    { name: "signed in", headers: signedIn, limit: true },
    { name: "anonymous", headers: {}, limit: false },
  ]) {
    const alone = await measure(url + "/", { headers: who.headers, paths: readMix });
    row({ name: `read mix, ${who.name}, read only`, load: alone, figure: "", limit: "", ok: null });
    const writer = await startWriter();
    const [withWrites, writes] = await Promise.all([measure(url + "/", { headers: who.headers, paths: readMix }), writer.go()]);
    const p99Ratio = ratio(withWrites.p99, alone.p99);
    const errors = alone.errors + withWrites.errors + writes.failed;
    row({
      name: `read mix, ${who.name}, + ${WRITES_PER_SECOND} reviews/s written`,
      load: withWrites,
      figure: `p99 ${p99Ratio.toFixed(2)} × alone; ${writes.written} written, ${writes.failed} failed`,
      limit: who.limit ? "≤ 2 × p99, 0 errors" : "",
      ok: who.limit ? check(p99Ratio <= 2 && errors === 0 && writes.written >= WRITES_PER_SECOND * seconds * 0.95) : null,
    });
    if (writes.errors.length > 0) console.log(`  writer errors: ${writes.errors.join(" | ")}`);
  }

  // Memory, size, weight.
  const rss = peakRss(serverPid);
  const maxRss = Math.max(...rss.map((p) => p.mb));
  row({
    name: `peak RSS per server process (${rss.length})`,
    figure: rss.map((p) => `${p.mb.toFixed(0)}`).join(" / ") + " MB",
    limit: "≤ 300 MB",
    ok: check(maxRss <= 300),
  });
  const dbBytes = [databaseUrl, `${databaseUrl}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
  row({ name: "database size (with its WAL)", figure: `${(dbBytes / 1024 ** 3).toFixed(2)} GB`, limit: "", ok: null });
  row({
    name: "company page 1 HTML, gzipped (20 reviews)",
    figure: kb(companyHtmlGzip),
    limit: "≤ 15 KB",
    ok: check(companyHtmlGzip <= 15 * 1024),
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  for (const [name, pagePath] of [
    ["home", "/"],
    ["company", company],
    ["subject", `${company}/${targets.subjectSlug}`],
    ["permalink", permalink],
    ["search", search],
    ["category", `/categories/${targets.categorySlug}`],
    ["profile", `/users/${targets.authorId}`],
    ["transparency", "/transparency"],
    ["for companies", "/for-companies"],
    ["write a review", "/write-a-review"],
    ["log in", "/login"],
    ["sign up", "/signup"],
    ["report a problem", "/report"],
    ["forgotten password", "/forgot-password"],
  ] as const) {
    const js = await pageScriptsGzipped(browser, url + pagePath);
    row({ name: `JavaScript of ${name}, gzipped`, figure: kb(js), limit: "≤ 100 KB", ok: check(js <= 100 * 1024) });
  }
  await browser.close();
} finally {
  await server.stop();
  fs.rmSync(bareDir, { recursive: true, force: true });
}
console.log(failed ? "\nSome limits are not met." : "\nEvery limit is met.");
process.exit(failed ? 1 : 0);
