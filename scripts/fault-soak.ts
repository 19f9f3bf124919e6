// npm run fault:soak [-- --minutes 30 --rate 50]
//
// A soak: the real server (`node --import tsx server.ts`, built when build/ exists) on a
// fresh database with the demo data, under a steady mixed load at a moderate rate (not
// flat out): reads of the public pages, signed-in pages, search and /healthz, and about
// one request in ten a write (helpful votes, sign-ups, reviews by signed-in members,
// reports). Every 30 s it samples the server's RSS (/proc/PID/status VmRSS) and the size
// of the WAL file. At the end it prints start / after warm-up / end / max RSS and the
// largest WAL, and fails (exit 1) when
//   - the RSS at the end is above --rss-growth (1.5) × the RSS after the warm-up,
//   - the WAL grew past --max-wal-mb (64),
//   - any answer was a 5xx or a connection error,
//   - an acknowledged write is missing from the database at the end.
// The client is one process and the rate is fixed, so that the load stays near one core.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  Client,
  fileSize,
  integrity,
  mb,
  missingWrites,
  openDb,
  parseArgs,
  percentile,
  pickKind,
  prepareSiteDatabase,
  randomIp,
  rng,
  rssBytes,
  serverMode,
  sleep,
  spawnServer,
  WritePlanner,
  type AckCheck,
} from "./fault-lib";

const opts = parseArgs({
  minutes: 30,
  rate: 50,
  "write-share": 0.1,
  "sample-seconds": 30,
  "warmup-minutes": 2,
  "rss-growth": 1.5,
  "max-wal-mb": 64,
  "max-in-flight": 32,
  members: 1500,
  seed: 7,
  dev: false,
  keep: false,
});

const mode = serverMode(opts.dev);
const r = rng(opts.seed);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-soak-"));
const durationMs = opts.minutes * 60_000;
const warmupMs = Math.min(opts["warmup-minutes"] * 60_000, durationMs / 2);

console.log(
  `fault:soak — ${opts.minutes} min at ${opts.rate} req/s (${Math.round(opts["write-share"] * 100)} % writes), server in ${mode} mode, database in ${tmp}`,
);
const fixture = await prepareSiteDatabase(tmp, mode, opts.members);
const wal = `${fixture.databaseUrl}-wal`;
const server = spawnServer(mode, { DATABASE_URL: fixture.databaseUrl, DATA_DIR: fixture.dataDir, TRUST_PROXY: "1" });
const base = await server.listening;
const client = new Client(base, opts["max-in-flight"]);
const planner = new WritePlanner(fixture, r, `soak${r.letters(3)}`);

const statuses = new Map<string, number>();
const latencies: { read: number[]; write: number[] } = { read: [], write: [] };
const acks: AckCheck[] = [];
let sent = 0;
let skipped = 0;
let inFlight = 0;
let errors = 0;
let failures = 0;
const firstErrors: string[] = [];
const count = (k: string) => statuses.set(k, (statuses.get(k) ?? 0) + 1);

function readPath(): { path: string; cookie?: string } {
  const x = r.next();
  const member = r.next() < 0.2 ? r.pick(fixture.users).cookie : undefined;
  if (x < 0.2) return { path: "/", cookie: member };
  if (x < 0.45) return { path: `/companies/${r.pick(fixture.companySlugs)}`, cookie: member };
  if (x < 0.7) return { path: `/reviews/${r.pick(fixture.reviews)}`, cookie: member };
  if (x < 0.82) return { path: `/search?q=${encodeURIComponent(r.pick(fixture.searchWords.length ? fixture.searchWords : ["service"]))}` };
  if (x < 0.9) return { path: "/transparency" };
  if (x < 0.95) return { path: `/companies/${r.pick(fixture.companySlugs)}/feed.atom` };
  return { path: "/healthz" };
}

async function one() {
  inFlight++;
  try {
    if (r.next() < opts["write-share"]) {
      const kind = pickKind(r, { helpful: 40, report: 25, review: 20, signup: 15 });
      const w = planner.next(kind, base) ?? planner.next("report", base)!;
      const a = await client.request("POST", w.path, { body: w.body, cookie: w.cookie, ip: w.ip, retryStale: true });
      latencies.write.push(a.ms);
      count(`POST ${w.kind} ${a.status}`);
      if (a.status >= 500) {
        failures++;
        if (firstErrors.length < 5) firstErrors.push(`POST ${w.path} → ${a.status}`);
      }
      if (w.succeeded(a)) acks.push(w.check);
    } else {
      const p = readPath();
      const a = await client.request("GET", p.path, { cookie: p.cookie, ip: randomIp(r), retryStale: true });
      latencies.read.push(a.ms);
      count(`GET ${a.status}`);
      if (a.status >= 500) {
        failures++;
        if (firstErrors.length < 5) firstErrors.push(`GET ${p.path} → ${a.status}`);
      }
    }
  } catch (error) {
    errors++;
    const e = error as NodeJS.ErrnoException;
    const k = `error ${e.code ?? e.message}`;
    statuses.set(k, (statuses.get(k) ?? 0) + 1);
    if (firstErrors.length < 5) firstErrors.push(String(error));
  } finally {
    inFlight--;
  }
}

type Sample = { atS: number; rss: number; wal: number; db: number };
const samples: Sample[] = [];
const started = Date.now();
function sample() {
  const s = {
    atS: Math.round((Date.now() - started) / 1000),
    rss: rssBytes(server.pid) ?? 0,
    wal: fileSize(wal),
    db: fileSize(fixture.databaseUrl),
  };
  samples.push(s);
  const rate = (sent / Math.max(1, (Date.now() - started) / 1000)).toFixed(1);
  console.log(
    `  t=${String(s.atS).padStart(5)} s  RSS ${mb(s.rss).padStart(9)}  WAL ${mb(s.wal).padStart(8)}  db ${mb(s.db).padStart(8)}  sent ${sent} (${rate}/s)  acks ${acks.length}  5xx ${failures}  errors ${errors}  skipped ${skipped}`,
  );
}
sample();
const sampler = setInterval(sample, opts["sample-seconds"] * 1000);

// Open loop at a fixed rate; a request is skipped (and counted) when too many are in flight.
const intervalMs = 1000 / opts.rate;
let nextAt = performance.now();
while (Date.now() - started < durationMs) {
  nextAt += intervalMs;
  if (inFlight >= opts["max-in-flight"]) skipped++;
  else {
    sent++;
    void one();
  }
  const wait = nextAt - performance.now();
  if (wait > 0) await sleep(wait);
}
while (inFlight > 0) await sleep(50);
clearInterval(sampler);
sample();

const stop = await server.stop();
client.close();
const db = openDb(fixture.databaseUrl);
const check = integrity(db);
const missing = missingWrites(db, acks);
db.close();

const afterWarmup = samples.find((s) => s.atS * 1000 >= warmupMs) ?? samples[0]!;
const end = samples[samples.length - 1]!;
const maxRss = Math.max(...samples.map((s) => s.rss));
const maxWal = Math.max(...samples.map((s) => s.wal));
const elapsedMin = (Date.now() - started) / 60_000;
const growth = end.rss / afterWarmup.rss;
const rssOk = growth <= opts["rss-growth"];
const walOk = maxWal <= opts["max-wal-mb"] * 1024 * 1024;

console.log("\nfault:soak summary");
console.log(
  `  duration            ${elapsedMin.toFixed(1)} min, ${sent} requests sent (${(sent / (elapsedMin * 60)).toFixed(1)}/s), ${skipped} skipped (too many in flight)`,
);
console.log(
  `  answers             ${[...statuses.entries()]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ")}`,
);
console.log(
  `  latency read        p50 ${percentile(latencies.read, 50).toFixed(0)} ms, p99 ${percentile(latencies.read, 99).toFixed(0)} ms`,
);
console.log(
  `  latency write       p50 ${percentile(latencies.write, 50).toFixed(0)} ms, p99 ${percentile(latencies.write, 99).toFixed(0)} ms`,
);
console.log(
  `  RSS                 start ${mb(samples[0]!.rss)}, after warm-up (${afterWarmup.atS} s) ${mb(afterWarmup.rss)}, end ${mb(end.rss)} (×${growth.toFixed(2)}), max ${mb(maxRss)}`,
);
console.log(`  WAL                 max ${mb(maxWal)} (bound ${opts["max-wal-mb"]} MB); database ${mb(end.db)} at the end`);
console.log(`  writes acknowledged ${acks.length}, missing afterwards ${missing.length}`);
console.log(
  `  5xx ${failures}, connection errors ${errors}, requests sent again after a stale keep-alive reset ${client.staleRetries}${firstErrors.length ? ` (first: ${firstErrors.join(" | ")})` : ""}`,
);
console.log(`  server exit         ${stop.code ?? stop.signal}; integrity_check: ${check}`);

const ok = rssOk && walOk && failures === 0 && errors === 0 && missing.length === 0 && check === "ok";
if (!rssOk) console.log(`  FAIL: RSS grew ×${growth.toFixed(2)} after warm-up (bound ×${opts["rss-growth"]})`);
if (!walOk) console.log(`  FAIL: WAL reached ${mb(maxWal)}`);
console.log(ok ? "PASS" : "FAIL");
if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
