// npm run fault:kill [-- --rounds 100]
//
// kill -9 at random moments under a mixed write load. One database file for the whole run
// (demo data, plus members with a session made directly in SQLite). Each round:
//   1. starts the server on that file (`node --import tsx server.ts`, as `npm start`;
//      TRUST_PROXY=1, so that each write can come from its own X-Forwarded-For address and
//      the per-IP limits of sign-ups, reports and reviews do not refuse the load);
//   2. runs a write load (--concurrency clients): helpful votes, sign-ups, reviews by
//      signed-in members, reports at /report. Each write carries a unique key (in the
//      email of the sign-up or the report, a token in the review's body or the report's
//      explanation, the member/review pair of the vote) and is recorded as acknowledged
//      only when the answer says success (the redirect to the review, or the 200 page
//      with its confirmation);
//   3. sends SIGKILL to the server at a random moment (--min-ms … --max-ms after it
//      listens), with requests in flight;
//   4. reopens the database: PRAGMA integrity_check must say ok, and every write
//      acknowledged in that round must be there (found by its unique content). Also
//      counted: reviews whose helpful_count is not their number of votes (kept in the
//      vote's transaction), and PRAGMA foreign_key_check.
// At the end every acknowledged write of every round is looked up again, the server is
// started once more and must answer /healthz with 200 and stop cleanly on SIGTERM.
// Exit 1 on any loss, integrity failure or counter mismatch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  Client,
  fileSize,
  foreignKeyProblems,
  helpfulCountMismatches,
  integrity,
  missingWrites,
  openDb,
  parseArgs,
  pickKind,
  prepareSiteDatabase,
  rng,
  serverMode,
  sleep,
  spawnServer,
  WritePlanner,
  type AckCheck,
  type WriteKind,
} from "./fault-lib";

const opts = parseArgs({
  rounds: 100,
  concurrency: 4,
  "min-ms": 300,
  "max-ms": 3000,
  members: 2500,
  seed: Date.now() % 1_000_000,
  dev: false,
  keep: false,
});

const mode = serverMode(opts.dev);
const r = rng(opts.seed);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-kill-"));
const weights: Record<WriteKind, number> = { helpful: 35, review: 25, report: 25, signup: 15 };

console.log(
  `fault:kill — ${opts.rounds} rounds, ${opts.concurrency} writers, kill -9 between ${opts["min-ms"]} and ${opts["max-ms"]} ms after start, server in ${mode} mode, seed ${opts.seed}`,
);
console.log(`  database ${tmp}/replique.db`);
const fixture = await prepareSiteDatabase(tmp, mode, opts.members);
const planner = new WritePlanner(fixture, r, `k${r.letters(3)}`);

const baseline = (() => {
  const db = openDb(fixture.databaseUrl);
  const out = { mismatches: helpfulCountMismatches(db), fk: foreignKeyProblems(db) };
  db.close();
  return out;
})();

const all: AckCheck[] = [];
const byKind: Record<WriteKind, number> = { helpful: 0, review: 0, report: 0, signup: 0 };
let lost = 0;
let integrityFailures = 0;
let counterFailures = 0;
let fkFailures = 0;
let unansweredTotal = 0;
let killedWithInFlight = 0;
let startFailures = 0;
const killTimes: number[] = [];

for (let round = 1; round <= opts.rounds; round++) {
  const server = spawnServer(mode, { DATABASE_URL: fixture.databaseUrl, DATA_DIR: fixture.dataDir, TRUST_PROXY: "1" });
  let base: string;
  try {
    base = await server.listening;
  } catch (error) {
    startFailures++;
    console.log(`round ${round}: the server did not start: ${String(error).slice(0, 500)}`);
    await server.kill9();
    continue;
  }
  const client = new Client(base, opts.concurrency);
  const acks: AckCheck[] = [];
  const kinds: Record<WriteKind, number> = { helpful: 0, review: 0, report: 0, signup: 0 };
  const other = new Map<string, number>();
  let unanswered = 0;
  let inFlight = 0;
  let stopped = false;

  async function writer() {
    while (!stopped) {
      let kind = pickKind(r, weights);
      let w = planner.next(kind, base);
      if (!w) w = planner.next((kind = "helpful"), base)!;
      inFlight++;
      try {
        const a = await client.request("POST", w.path, { body: w.body, cookie: w.cookie, ip: w.ip, timeoutMs: 30_000 });
        if (w.succeeded(a)) {
          acks.push(w.check);
          kinds[w.kind]++;
        } else {
          const k = `${w.kind} ${a.status}`;
          other.set(k, (other.get(k) ?? 0) + 1);
        }
      } catch {
        unanswered++; // no answer: the server died with it in flight (it may or may not be written)
      } finally {
        inFlight--;
      }
    }
  }

  const writers = Array.from({ length: opts.concurrency }, () => writer());
  const killAfter = r.int(opts["min-ms"], opts["max-ms"]);
  killTimes.push(killAfter);
  await sleep(killAfter);
  const inFlightAtKill = inFlight;
  const walAtKill = fileSize(`${fixture.databaseUrl}-wal`);
  stopped = true; // no new write after this moment; those in flight stay in flight
  await server.kill9();
  await Promise.all(writers);
  client.close();
  if (inFlightAtKill > 0) killedWithInFlight++;
  unansweredTotal += unanswered;

  const db = openDb(fixture.databaseUrl);
  const check = integrity(db);
  const missing = missingWrites(db, acks);
  const mismatches = helpfulCountMismatches(db);
  const fk = foreignKeyProblems(db);
  db.close();

  if (check !== "ok") integrityFailures++;
  if (mismatches !== baseline.mismatches) counterFailures++;
  if (fk !== baseline.fk) fkFailures++;
  lost += missing.length;
  all.push(...acks);
  for (const k of Object.keys(kinds) as WriteKind[]) byKind[k] += kinds[k];
  const refused = [...other.entries()].map(([k, v]) => `${k}×${v}`).join(" ");
  console.log(
    `round ${String(round).padStart(3)}: kill -9 at ${String(killAfter).padStart(4)} ms (${inFlightAtKill} in flight, WAL ${(walAtKill / 1024).toFixed(0)} KB); ` +
      `acknowledged ${acks.length} (vote ${kinds.helpful}, review ${kinds.review}, report ${kinds.report}, signup ${kinds.signup})` +
      `${refused ? `, not acknowledged ${refused}` : ""}, unanswered ${unanswered}; integrity ${check}; lost ${missing.length}` +
      `${mismatches !== baseline.mismatches ? `; helpful_count mismatches ${mismatches}` : ""}${fk !== baseline.fk ? `; foreign key problems ${fk}` : ""}`,
  );
  for (const m of missing.slice(0, 5)) console.log(`    LOST ${JSON.stringify(m)}`);
}

// Every acknowledged write of every round, once more; then a normal start.
const db = openDb(fixture.databaseUrl);
const finalMissing = missingWrites(db, all);
const finalCheck = integrity(db);
db.close();
const server = spawnServer(mode, { DATABASE_URL: fixture.databaseUrl, DATA_DIR: fixture.dataDir, TRUST_PROXY: "1" });
const base = await server.listening;
const client = new Client(base);
const health = await client.get("/healthz");
client.close();
const stop = await server.stop();

const ok =
  lost === 0 &&
  finalMissing.length === 0 &&
  integrityFailures === 0 &&
  finalCheck === "ok" &&
  counterFailures === 0 &&
  fkFailures === 0 &&
  startFailures === 0 &&
  health.status === 200 &&
  stop.code === 0;
console.log("\nfault:kill summary");
console.log(
  `  rounds                 ${opts.rounds} (kill -9 after ${Math.min(...killTimes)}–${Math.max(...killTimes)} ms of load; ${killedWithInFlight} rounds killed with writes in flight; ${startFailures} failed starts)`,
);
console.log(
  `  writes acknowledged    ${all.length} (helpful votes ${byKind.helpful}, reviews ${byKind.review}, reports ${byKind.report}, sign-ups ${byKind.signup})`,
);
console.log(`  unanswered at the kill ${unansweredTotal}`);
console.log(`  losses                 ${lost} after each crash, ${finalMissing.length} at the end`);
console.log(`  integrity failures     ${integrityFailures} (final integrity_check: ${finalCheck})`);
console.log(`  helpful_count drift    ${counterFailures} rounds; foreign key drift ${fkFailures} rounds`);
console.log(`  restart after the run  /healthz ${health.status}, SIGTERM exit ${stop.code ?? stop.signal}`);
console.log(ok ? "PASS" : "FAIL");
if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
