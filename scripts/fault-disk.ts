// npm run fault:disk [-- --size-mb 128]
//
// Disk full, and recovery. Preferably on a real small filesystem: as root, a tmpfs of
// --size-mb is mounted on a temporary folder and the database (and DATA_DIR) put there.
// When mounting is not permitted, it falls back to DATABASE_MAX_BYTES (SQLite's
// max_page_count: the same SQLITE_FULL, but from a quota) and says so.
//   1. the server (`node --import tsx server.ts`, TRUST_PROXY=1) on a database with the
//      demo data; a few writes succeed and /healthz answers 200;
//   2. the disk is filled (a filler file written until ENOSPC; with the quota, filler rows
//      up to the quota): /healthz must answer 503; anonymous and signed-in reads must
//      still answer 200; mixed writes (helpful votes, sign-ups, reviews, reports) must
//      answer 503 — never 500 — once SQLite cannot grow the file (a write that still fits,
//      in the WAL's existing space or in free pages under the quota, succeeds and is then
//      acknowledged); it writes until each kind has answered 503, or --max-writes;
//   3. the space is freed: writes must succeed again, and /healthz return to 200 (the
//      site remembers a storage failure for 30 s, app/models/health.server.ts
//      STORAGE_FAILURE_MEMORY_MS, so this waits up to --recovery-seconds);
//   4. the server stops on SIGTERM; PRAGMA integrity_check must be ok, and every write
//      acknowledged before, during and after the full disk must be in the database.
// Exit 1 on any 500, a write answered with anything but success or 503 while full, a
// read not 200 while full, no recovery, a lost write or an integrity failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  Client,
  integrity,
  mb,
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
  type Answer,
  type AckCheck,
  type PlannedWrite,
  type WriteKind,
} from "./fault-lib";

const opts = parseArgs({
  "size-mb": 128,
  "max-writes": 800,
  "recovery-seconds": 120,
  members: 300,
  seed: 11,
  quota: false,
  dev: false,
});

const mode = serverMode(opts.dev);
const r = rng(opts.seed);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-disk-"));
const disk = path.join(tmp, "disk");
fs.mkdirSync(disk);

let mounted = false;
let how: string;
if (!opts.quota) {
  const m = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${opts["size-mb"]}m,mode=0755`, "tmpfs", disk], { encoding: "utf8" });
  mounted = m.status === 0;
  how = mounted
    ? `a real ${opts["size-mb"]} MB tmpfs mounted on ${disk}`
    : `DATABASE_MAX_BYTES (mounting a tmpfs was refused: ${(m.stderr || m.error?.message || "").trim()})`;
} else how = "DATABASE_MAX_BYTES (--quota)";
console.log(`fault:disk — ${how}; server in ${mode} mode`);

const filler = path.join(disk, "filler.bin");
let server: ReturnType<typeof spawnServer> | undefined;
let exitCode = 1;
try {
  const fixture = await prepareSiteDatabase(disk, mode, opts.members);
  const dbSize = fs.statSync(fixture.databaseUrl).size;
  // With the quota: room for the writes of step 1, then filler rows take the rest.
  const quota = Math.ceil((dbSize + 2 * 1024 * 1024) / 4096) * 4096;
  const env: Record<string, string> = { DATABASE_URL: fixture.databaseUrl, DATA_DIR: fixture.dataDir, TRUST_PROXY: "1" };
  if (!mounted) env.DATABASE_MAX_BYTES = String(quota);
  server = spawnServer(mode, env);
  const base = await server.listening;
  const client = new Client(base, 4);
  const planner = new WritePlanner(fixture, r, `d${r.letters(3)}`);
  const acks: { phase: string; check: AckCheck }[] = [];
  const fivexx: string[] = [];
  const weights: Record<WriteKind, number> = { helpful: 30, review: 30, report: 25, signup: 15 };
  const free = () => {
    const s = fs.statfsSync(disk);
    return s.bavail * s.bsize;
  };

  async function write(phase: string, kind: WriteKind): Promise<{ w: PlannedWrite; a: Answer }> {
    const w = planner.next(kind, base) ?? planner.next("report", base)!;
    const a = await client.request("POST", w.path, { body: w.body, cookie: w.cookie, ip: w.ip });
    if (w.succeeded(a)) acks.push({ phase, check: w.check });
    if (a.status >= 500 && a.status !== 503) fivexx.push(`${phase}: POST ${w.path} → ${a.status}`);
    return { w, a };
  }
  const reads = () => [
    { what: "home", path: "/" },
    { what: "company", path: `/companies/${fixture.companySlugs[0]}` },
    { what: "review", path: `/reviews/${fixture.reviews[0]}` },
    { what: "search", path: "/search?q=service" },
    { what: "review, signed in", path: `/reviews/${fixture.reviews[1]}`, cookie: fixture.users[0]!.cookie },
    { what: "home, signed in", path: "/", cookie: fixture.users[1]!.cookie },
  ];

  // ── 1. Healthy ──
  for (let i = 0; i < 40; i++)
    await write("before", i < 20 ? (["helpful", "review", "report", "signup"] as const)[i % 4]! : pickKind(r, weights));
  const ackBefore = acks.filter((a) => a.phase === "before").length;
  const health0 = await client.get("/healthz");
  console.log(`1. healthy: ${ackBefore}/40 writes acknowledged, /healthz ${health0.status}, free ${mb(free())}`);

  // ── 2. Full ──
  if (mounted) {
    const fd = fs.openSync(filler, "w");
    for (const size of [1024 * 1024, 4096, 512]) {
      const chunk = Buffer.alloc(size, 0x5a);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
      }
    }
    fs.closeSync(fd);
    console.log(`2. disk full: filler ${mb(fs.statSync(filler).size)}, free ${free()} bytes`);
  } else {
    const db = openDb(fixture.databaseUrl);
    db.pragma(`max_page_count = ${quota / 4096}`);
    db.exec("CREATE TABLE IF NOT EXISTS fault_filler (b BLOB)");
    const insert = db.prepare("INSERT INTO fault_filler VALUES (zeroblob(16384))");
    try {
      for (;;) insert.run();
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_FULL") throw error;
    }
    db.close();
    console.log(`2. quota full: database ${mb(fs.statSync(fixture.databaseUrl).size)} of ${mb(quota)}`);
  }
  const healthFull = await client.get("/healthz");
  const fullStatuses: Record<string, Record<number, number>> = {};
  let firstFullAt: number | null = null;
  let fullWrites = 0;
  let sinceFirst503 = 0;
  const seen503 = new Set<WriteKind>();
  // Until every kind has answered 503 and 40 more writes were refused, or --max-writes.
  while (fullWrites < opts["max-writes"] && (seen503.size < 4 || sinceFirst503 < 40)) {
    const kind = (["helpful", "review", "report", "signup"] as const)[fullWrites % 4]!;
    const { a } = await write("while full", kind);
    fullWrites++;
    (fullStatuses[kind] ??= {})[a.status] = (fullStatuses[kind]![a.status] ?? 0) + 1;
    if (a.status === 503) {
      seen503.add(kind);
      firstFullAt ??= fullWrites;
    }
    if (firstFullAt !== null) sinceFirst503++;
  }
  const readsFull: string[] = [];
  let readsOk = true;
  for (const rd of reads()) {
    const a = await client.get(rd.path, { cookie: rd.cookie });
    readsFull.push(`${rd.what} ${a.status}`);
    if (a.status !== 200) readsOk = false;
  }
  const healthFull2 = await client.get("/healthz");
  const ackFull = acks.filter((a) => a.phase === "while full").length;
  // After the first 503, a write is either refused (503) or, when SQLite found room, a success.
  const badWhileFull = Object.entries(fullStatuses).flatMap(([k, m]) =>
    Object.entries(m)
      .filter(([s]) => !["200", "302", "503"].includes(s))
      .map(([s, n]) => `${k} ${s}×${n}`),
  );
  console.log(`   /healthz ${healthFull.status} at once, ${healthFull2.status} after the writes (${healthFull2.body.slice(0, 80)})`);
  console.log(
    `   ${fullWrites} writes: first 503 at write ${firstFullAt ?? "—"}; ${ackFull} acknowledged (those that still fitted in the WAL's existing space); answers by kind ${JSON.stringify(fullStatuses)}`,
  );
  console.log(`   reads: ${readsFull.join(", ")}`);
  console.log(`   server still running: ${server.child.exitCode === null && server.child.signalCode === null ? "yes" : "NO"}`);

  // ── 3. Freed ──
  if (mounted) fs.rmSync(filler);
  else {
    const db = openDb(fixture.databaseUrl);
    db.exec("DROP TABLE fault_filler");
    db.close();
  }
  const freedAt = Date.now();
  const firstAfter = await write("after", "helpful");
  const healthRightAfter = await client.get("/healthz");
  let healthyAfterMs: number | null = null;
  while (Date.now() - freedAt < opts["recovery-seconds"] * 1000) {
    const h = await client.get("/healthz");
    if (h.status === 200) {
      healthyAfterMs = Date.now() - freedAt;
      break;
    }
    await sleep(1000);
  }
  for (let i = 0; i < 40; i++) await write("after", (["helpful", "review", "report", "signup"] as const)[i % 4]!);
  const ackAfter = acks.filter((a) => a.phase === "after").length;
  const healthEnd = await client.get("/healthz");
  console.log(
    `3. freed (free ${mb(free())}): the first write answered ${firstAfter.a.status} (${firstAfter.w.succeeded(firstAfter.a) ? "success" : "refused"}), /healthz ${healthRightAfter.status} right after, 200 after ${healthyAfterMs === null ? "— (never)" : `${(healthyAfterMs / 1000).toFixed(1)} s`}; ${ackAfter}/41 writes acknowledged; /healthz ${healthEnd.status}`,
  );
  client.close();

  // ── 4. Stop, check ──
  const stop = await server.stop();
  const db = openDb(fixture.databaseUrl);
  const check = integrity(db);
  const missing = missingWrites(
    db,
    acks.map((a) => a.check),
  );
  db.close();
  console.log(
    `4. SIGTERM exit ${stop.code ?? stop.signal}; integrity_check ${check}; acknowledged ${acks.length} (before ${ackBefore}, while full ${ackFull}, after ${ackAfter}), missing ${missing.length}`,
  );
  // What the server logged, each distinct line once (the 503s log "Storage failure (SQLITE_FULL)").
  const logged = new Map<string, number>();
  for (const line of server.output)
    if (!/listening on|SITE_URL is not set|SIGTERM|Stopped cleanly/.test(line)) logged.set(line, (logged.get(line) ?? 0) + 1);
  for (const [line, n] of [...logged].slice(0, 15)) console.log(`   server log ×${n}: ${line.slice(0, 300)}`);

  const ok =
    health0.status === 200 &&
    healthFull2.status === 503 &&
    firstFullAt !== null &&
    badWhileFull.length === 0 &&
    fivexx.length === 0 &&
    readsOk &&
    firstAfter.w.succeeded(firstAfter.a) &&
    healthyAfterMs !== null &&
    ackAfter === 41 &&
    check === "ok" &&
    missing.length === 0 &&
    stop.code === 0;
  console.log("\nfault:disk summary");
  console.log(`  method            ${how}`);
  const only = (["helpful", "review", "report", "signup"] as const).filter((k) => !seen503.has(k));
  console.log(
    `  while full        writes: ${only.length === 0 ? "every kind answered 503" : `503 for ${[...seen503].join(", ")}; never 503: ${only.map((k) => `${k} (answered ${Object.keys(fullStatuses[k] ?? {}).join("/")})`).join(", ")}`}, other answers ${badWhileFull.length ? badWhileFull.join(", ") : "none"}, 500s ${fivexx.length}; /healthz ${healthFull2.status}; reads ${readsOk ? "all 200" : readsFull.join(", ")}`,
  );
  console.log(
    `  after freeing     first write ${firstAfter.a.status}, /healthz 200 after ${healthyAfterMs === null ? "never" : `${(healthyAfterMs / 1000).toFixed(1)} s`}, ${ackAfter}/41 writes acknowledged`,
  );
  console.log(`  at the end        integrity ${check}, ${missing.length} of ${acks.length} acknowledged writes missing`);
  if (fivexx.length) console.log(`  500s: ${fivexx.slice(0, 10).join(" | ")}`);
  console.log(ok ? "PASS" : "FAIL");
  exitCode = ok ? 0 : 1;
} finally {
  await server?.kill9();
  if (mounted) {
    const u = spawnSync("umount", [disk], { encoding: "utf8" });
    if (u.status !== 0) console.error(`umount ${disk} failed: ${u.stderr}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
