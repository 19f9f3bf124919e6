// Shared by the fault scripts (scripts/fault-*.ts): start the real server as `npm start`
// does (`node --import tsx server.ts`), kill it, drive it over HTTP, prepare a database
// with demo data and signed-in members, plan writes that carry a unique key, and check
// after a crash that every acknowledged write is in the database.
//
// Not part of the test run: these scripts are run by hand (npm run fault:*), and their
// figures are kept in the README ("Fault scripts").
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ─── Arguments, randomness, time ─────────────────────────────────────────────

/** `--name value` and `--flag` from argv, with numeric defaults. */
export function parseArgs<T extends Record<string, number | string | boolean>>(defaults: T): T {
  const out: Record<string, number | string | boolean> = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) continue;
    const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    if (!(name in defaults)) {
      console.error(
        `Unknown option --${name}. Options: ${Object.keys(defaults)
          .map((k) => `--${k}`)
          .join(" ")}`,
      );
      process.exit(2);
    }
    const d = defaults[name];
    if (typeof d === "boolean") {
      out[name] = inline === undefined ? true : inline !== "0" && inline !== "false";
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    out[name] = typeof d === "number" ? Number(value) : value;
    if (typeof d === "number" && !Number.isFinite(out[name])) throw new Error(`--${name}: not a number: ${value}`);
  }
  return out as T;
}

/** A small seeded generator (mulberry32), so that a run can be repeated with --seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    letters: (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join(""),
  };
}
export type Rng = ReturnType<typeof rng>;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ─── The server ──────────────────────────────────────────────────────────────

export type Mode = "production" | "development";

/** production (the built server, as `npm start`) when build/ exists, else development
 *  (Vite middleware, as the tests' startServer). `--dev` forces development. */
export function serverMode(forceDev = false): Mode {
  if (forceDev) return "development";
  return fs.existsSync(path.join(ROOT, "build/server/index.js")) ? "production" : "development";
}

/** Where the server runs from. In production, a folder beside the project whose entries are
 *  links to the project's, except `build/`, a copy taken once per run: another `npm run
 *  build` in the project (the end-to-end tests run one) then neither removes the build under
 *  a script that starts the server a hundred times nor changes the code mid-run. server.ts
 *  finds the build, the migrations and tsconfig.json from its working directory. */
let site: string | undefined;
export function siteRoot(mode: Mode): string {
  if (mode === "development") return ROOT;
  if (site) return site;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-fault-site-"));
  for (const entry of fs.readdirSync(ROOT)) {
    if (entry === "build" || entry === ".git" || entry === "data") continue;
    fs.symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  for (let i = 0; !fs.existsSync(path.join(ROOT, "build/server/index.js")); i++) {
    if (i >= 180) throw new Error("build/server/index.js is missing: run `npm run build`, or pass --dev");
    spawnSync("sleep", ["1"]); // another build is under way
  }
  fs.cpSync(path.join(ROOT, "build"), path.join(dir, "build"), { recursive: true });
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  site = dir;
  return dir;
}

/** db/migrations as it was when the script started, copied once: the server gets it as
 *  MIGRATIONS_DIR (db/client.server.ts honours it), so that a migration being written in
 *  the project meanwhile is not applied halfway through a run. */
let migrations: string | undefined;
export function frozenMigrations(): string {
  if (migrations) return migrations;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-fault-migrations-"));
  fs.cpSync(path.join(ROOT, "db/migrations"), dir, { recursive: true });
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  migrations = dir;
  return dir;
}

/** A fixed SECRET: the rate-limit keys and IP hashes stay the same across restarts. */
const FAULT_SECRET = "fault-scripts-secret-not-for-production-0123456789";

export interface SpawnedServer {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr lines. */
  output: string[];
  /** Resolves with the base URL (http://localhost:PORT) once the server prints it. */
  listening: Promise<string>;
  /** Resolves when the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL (kill -9) to the server's process group, then waits for it to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), then waits; SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnServer(mode: Mode, env: Record<string, string>, options: { timeoutMs?: number } = {}): SpawnedServer {
  const base: Record<string, string | undefined> = {};
  const drop = new Set([
    "SITE_URL",
    "TRUST_PROXY",
    "DATABASE_MAX_BYTES",
    "LITESTREAM_REPLICA",
    "SMTP_URL",
    "MIGRATIONS_DIR",
    "TEST",
    "PORT",
  ]);
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("VITEST") && !drop.has(k)) base[k] = v;
  Object.assign(base, {
    NODE_ENV: mode,
    PORT: "0",
    HOST: "127.0.0.1",
    SEED_DEMO: "0",
    LOG_REQUESTS: "0",
    SECRET: FAULT_SECRET,
    MIGRATIONS_DIR: frozenMigrations(),
    ...env,
  });
  // Its own process group, so that kill -9 reaches any child (Vite's esbuild in development).
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: siteRoot(mode),
    env: base as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  readline.createInterface({ input: child.stderr! }).on("line", (line) => output.push(line));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in time:\n${output.slice(-30).join("\n")}`)),
      options.timeoutMs ?? 120_000,
    );
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      output.push(line);
      const m = line.match(/listening on http:\/\/localhost:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(`http://localhost:${m[1]}`);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output.slice(-30).join("\n")}`));
    });
  });
  listening.catch(() => {}); // a kill before listening is expected by some scripts
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      try {
        child.kill(signal);
      } catch {
        /* already gone */
      }
    }
  };
  return {
    child,
    pid: child.pid!,
    output,
    listening,
    exited,
    async kill9() {
      if (!gone()) signalGroup("SIGKILL");
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (!gone()) signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** The server's resident memory, from /proc/PID/status (VmRSS), in bytes. */
export function rssBytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const m = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

// ─── HTTP ────────────────────────────────────────────────────────────────────

export interface Answer {
  status: number;
  location: string | null;
  body: string;
  ms: number;
}

/** A keep-alive HTTP client for one server: connects to 127.0.0.1 and names the host
 *  `localhost:PORT` (the origin the server pins); mutations carry `Origin` and a form type. */
export class Client {
  readonly base: string;
  readonly port: number;
  private agent: http.Agent;
  constructor(base: string, maxSockets = 16) {
    this.base = base;
    this.port = Number(new URL(base).port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }
  /** Requests sent again because the server had closed an idle keep-alive connection. */
  staleRetries = 0;
  /** `retryStale`: send a request again, once, when it failed with ECONNRESET on a reused
   *  keep-alive socket (the server closed it while idle, before reading the request: the
   *  race Node's http docs describe). Off for the kill test, where a reset means the kill. */
  async request(
    method: string,
    pathname: string,
    options: {
      body?: string;
      cookie?: string;
      ip?: string;
      headers?: Record<string, string>;
      timeoutMs?: number;
      retryStale?: boolean;
    } = {},
  ): Promise<Answer> {
    try {
      return await this.once(method, pathname, options);
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { reusedSocket?: boolean };
      if (!options.retryStale || !e.reusedSocket || e.code !== "ECONNRESET") throw error;
      this.staleRetries++;
      return this.once(method, pathname, options);
    }
  }
  private once(
    method: string,
    pathname: string,
    options: { body?: string; cookie?: string; ip?: string; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<Answer> {
    const started = performance.now();
    const headers: Record<string, string> = { Host: `localhost:${this.port}`, "Accept-Language": "en", ...options.headers };
    if (options.cookie) headers.Cookie = options.cookie;
    if (options.ip) headers["X-Forwarded-For"] = options.ip;
    if (method !== "GET" && method !== "HEAD") {
      headers.Origin = this.base;
      headers["Content-Type"] ??= "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(options.body ?? ""));
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: this.port, method, path: pathname, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: typeof res.headers.location === "string" ? res.headers.location : null,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      });
      req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error("timeout")));
      req.on("error", (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(options.body ?? undefined);
    });
  }
  get(pathname: string, options: { cookie?: string; ip?: string; retryStale?: boolean } = {}) {
    return this.request("GET", pathname, options);
  }
  close() {
    this.agent.destroy();
  }
}

/** A random private address for X-Forwarded-For (believed with TRUST_PROXY=1): the per-IP
 *  limits of sign-ups, reports and reviews then never refuse the load. */
export function randomIp(r: Rng) {
  return `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

// ─── The database ────────────────────────────────────────────────────────────

export function openDb(file: string, options: { readonly?: boolean } = {}) {
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma("busy_timeout = 10000");
  return db;
}

/** PRAGMA integrity_check: "ok", or the first problems it lists. */
export function integrity(db: Database.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows
    .map((r) => r.integrity_check)
    .slice(0, 5)
    .join("; ");
}

/** Reviews whose helpful_count is not the number of their votes (kept in the vote's
 *  transaction: a crash must never leave them apart). */
export function helpfulCountMismatches(db: Database.Database): number {
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM reviews r
         WHERE r.helpful_count != (SELECT count(*) FROM helpful_votes v WHERE v.review_id = r.id)`,
      )
      .get() as { n: number }
  ).n;
}

export function foreignKeyProblems(db: Database.Database): number {
  return (db.pragma("foreign_key_check") as unknown[]).length;
}

export interface Fixture {
  databaseUrl: string;
  dataDir: string;
  cookieName: string;
  /** Members with a live session (inserted directly, as the tests do). */
  users: { id: number; cookie: string }[];
  /** Published reviews to vote on and report (demo authors, never one of `users`). */
  reviews: number[];
  /** Active subjects to review. */
  subjects: number[];
  companySlugs: string[];
  searchWords: string[];
}

/** A database with the demo data (seeded by the server itself, SEED_DEMO=1, then stopped
 *  with SIGTERM) plus `members` signed-in members made directly in SQLite. */
export async function prepareSiteDatabase(dir: string, mode: Mode, members: number): Promise<Fixture> {
  const databaseUrl = path.join(dir, "replique.db");
  const dataDir = path.join(dir, "data");
  const server = spawnServer(mode, { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SEED_DEMO: "1" });
  await server.listening;
  const stopped = await server.stop();
  if (stopped.code !== 0) throw new Error(`the seeding server exited with ${stopped.code ?? stopped.signal}`);
  return addMembers(databaseUrl, dataDir, mode, members);
}

/** Lower-case base32 without padding, as the site's session tokens (app/models/session.server.ts). */
function base32(bytes: Buffer) {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

export function addMembers(databaseUrl: string, dataDir: string, mode: Mode, members: number): Fixture {
  const db = openDb(databaseUrl);
  const now = Date.now();
  const cookieName = mode === "production" ? "__Host-replique_session" : "replique_session";
  const users: Fixture["users"] = [];
  const insertUser = db.prepare(
    `INSERT INTO users (email, display_name, password_hash, role, email_verified_at, locale) VALUES (?, ?, 'not-a-hash', 'member', ?, 'en') RETURNING id`,
  );
  const insertSession = db.prepare(
    `INSERT INTO sessions (id, secret_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const tag = crypto.randomBytes(3).toString("hex");
  db.transaction(() => {
    for (let i = 0; i < members; i++) {
      const { id } = insertUser.get(`fault-member-${tag}-${i}@fault.test`, `Fault member ${i}`, now) as { id: number };
      const sid = base32(crypto.randomBytes(20));
      const secret = base32(crypto.randomBytes(20));
      const hash = crypto.createHash("sha256").update(secret).digest();
      insertSession.run(sid, hash, id, now, now, now + 29 * 86_400_000);
      users.push({ id, cookie: `${cookieName}=${sid}.${secret}` });
    }
  })();
  const reviews = (db.prepare(`SELECT id FROM reviews WHERE status = 'published' ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
  const subjects = (
    db.prepare(`SELECT s.id FROM subjects s JOIN companies c ON c.id = s.company_id WHERE s.state = 'active' ORDER BY s.id`).all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  const companySlugs = (db.prepare(`SELECT slug FROM companies ORDER BY id`).all() as { slug: string }[]).map((r) => r.slug);
  const searchWords = (db.prepare(`SELECT name FROM companies ORDER BY id LIMIT 20`).all() as { name: string }[])
    .map((r) => r.name.split(/\s+/)[0]!.toLowerCase())
    .filter((w) => w.length >= 3);
  db.close();
  if (reviews.length === 0 || subjects.length === 0) throw new Error("the demo data has no published review or no subject");
  return { databaseUrl, dataDir, cookieName, users, reviews, subjects, companySlugs, searchWords };
}

// ─── Writes with a unique key ────────────────────────────────────────────────

export type WriteKind = "signup" | "helpful" | "review" | "report";

/** How to find an acknowledged write again, by its unique content. */
export type AckCheck =
  | { kind: "signup"; email: string }
  | { kind: "helpful"; reviewId: number; userId: number }
  | { kind: "review"; authorId: number; subjectId: number; token: string }
  | { kind: "report"; email: string; token: string };

export interface PlannedWrite {
  kind: WriteKind;
  /** The idempotency key: unique per write, recorded as acknowledged only on success. */
  key: string;
  path: string;
  body: string;
  cookie?: string;
  ip: string;
  check: AckCheck;
  /** Whether the answer means "done" (a redirect to the review, or 200 for a sent form). */
  succeeded(answer: Answer): boolean;
}

const WORDS = (
  "accueil service livraison colis magasin vendeur conseil rapide lent prix qualite produit retour remboursement " +
  "commande attente sourire equipe caisse rayon choix stock promesse delai facture garantie reparation technicien " +
  "appel courriel reponse suivi emballage fragile solide couleur taille confort odeur gout frais chaud froid " +
  "matin soir samedi semaine mois parking quartier ville centre boutique site panier paiement carte fidelite " +
  "friendly helpful slow quick price quality refund order waiting smile team checkout shelf choice stock promise " +
  "invoice warranty repair engineer call answer tracking parcel sturdy colour size comfort smell taste fresh warm " +
  "morning evening saturday week month parking district town centre shop basket payment card loyalty honest " +
  "careful patient busy quiet clean tidy bright narrow spacious modern classic cheap generous precise"
).split(/\s+/);

function prose(r: Rng, words: number) {
  return Array.from({ length: words }, () => r.pick(WORDS)).join(" ");
}

/** Plans writes whose unique content finds them again. Keeps what it handed out (vote
 *  pairs, reviewed subjects, reviews per member) across rounds, so that no write is ever
 *  refused as a duplicate or by a per-account limit (an acknowledged write is a new row). */
export class WritePlanner {
  private seq = 0;
  private votes = new Set<string>();
  private reviewed = new Set<string>();
  private reviewsBy = new Map<number, number>();
  private memberCursor = 0;
  constructor(
    private fixture: Fixture,
    private r: Rng,
    private tag: string,
    /** At most this many reviews per member (the site refuses a 6th within an hour). */
    private reviewsPerMember = 4,
  ) {}

  next(kind: WriteKind, base: string): PlannedWrite | null {
    const key = `${this.tag}-${(++this.seq).toString(36)}-${this.r.letters(6)}`;
    const ip = randomIp(this.r);
    const token = `faulttoken${key.replace(/[^a-z]/g, "")}${this.r.letters(10)}`;
    switch (kind) {
      case "signup": {
        const email = `signup-${key}@fault.test`;
        return {
          kind,
          key,
          path: "/signup",
          body: new URLSearchParams({
            email,
            displayName: `Signup ${key}`.slice(0, 50),
            password: "Velvet lanterns drift over quiet harbours 7",
            website: "",
          }).toString(),
          ip,
          check: { kind, email },
          succeeded: (a) => a.status === 200 && a.body.includes('role="status"'),
        };
      }
      case "helpful": {
        for (let attempt = 0; attempt < 50; attempt++) {
          const user = this.r.pick(this.fixture.users);
          const reviewId = this.r.pick(this.fixture.reviews);
          const pair = `${reviewId}:${user.id}`;
          if (this.votes.has(pair)) continue;
          this.votes.add(pair);
          return {
            kind,
            key,
            path: `/reviews/${reviewId}/helpful`,
            body: "intent=vote",
            cookie: user.cookie,
            ip,
            check: { kind, reviewId, userId: user.id },
            succeeded: (a) => a.status === 302 && (a.location ?? "").startsWith(`/reviews/${reviewId}`),
          };
        }
        return null;
      }
      case "review": {
        const users = this.fixture.users;
        for (let attempt = 0; attempt < users.length; attempt++) {
          const user = users[this.memberCursor++ % users.length]!;
          if ((this.reviewsBy.get(user.id) ?? 0) >= this.reviewsPerMember) continue;
          const subjectId = this.r.pick(this.fixture.subjects);
          const pair = `${user.id}:${subjectId}`;
          if (this.reviewed.has(pair)) continue;
          this.reviewed.add(pair);
          this.reviewsBy.set(user.id, (this.reviewsBy.get(user.id) ?? 0) + 1);
          const day = new Date(Date.now() - this.r.int(2, 60) * 86_400_000).toISOString().slice(0, 10);
          return {
            kind,
            key,
            path: `/write-a-review/${subjectId}`,
            body: new URLSearchParams({
              stars: String(this.r.int(1, 5)),
              title: `${prose(this.r, 3)} ${this.r.letters(5)}`.slice(0, 100),
              body: `${prose(this.r, 18)} ${token} ${prose(this.r, 18)}`,
              experienceDate: day,
              channel: this.r.pick(["store", "website", "phone", "email", "delivery", "other"]),
              recommend: this.r.next() < 0.5 ? "yes" : "no",
              language: "fr",
              attestation: "on",
              intent: "save",
            }).toString(),
            cookie: user.cookie,
            ip,
            check: { kind, authorId: user.id, subjectId, token },
            succeeded: (a) => a.status === 302 && /^\/reviews\/\d+$/.test(a.location ?? ""),
          };
        }
        return null;
      }
      case "report": {
        const email = `report-${key}@fault.test`;
        const reviewId = this.r.pick(this.fixture.reviews);
        return {
          kind,
          key,
          path: "/report",
          body: new URLSearchParams({
            url: `${base}/reviews/${reviewId}`,
            target: "review",
            reason: "not_an_experience",
            explanation: `Fault report ${token}: ${prose(this.r, 8)}`,
            name: `Reporter ${key}`.slice(0, 80),
            email,
            goodFaith: "on",
            website: "",
          }).toString(),
          ip,
          check: { kind, email, token },
          succeeded: (a) => a.status === 200 && a.body.includes('role="status"'),
        };
      }
    }
  }
}

/** The acknowledged writes that the database does not hold. */
export function missingWrites(db: Database.Database, acks: AckCheck[]): AckCheck[] {
  const q = {
    signup: db.prepare(`SELECT 1 FROM users WHERE email = ?`),
    helpful: db.prepare(`SELECT 1 FROM helpful_votes WHERE review_id = ? AND user_id = ?`),
    review: db.prepare(`SELECT 1 FROM reviews WHERE author_id = ? AND subject_id = ? AND instr(body, ?) > 0`),
    report: db.prepare(`SELECT 1 FROM flags WHERE reporter_email = ? AND instr(explanation, ?) > 0`),
  };
  return acks.filter((a) => {
    switch (a.kind) {
      case "signup":
        return !q.signup.get(a.email);
      case "helpful":
        return !q.helpful.get(a.reviewId, a.userId);
      case "review":
        return !q.review.get(a.authorId, a.subjectId, a.token);
      case "report":
        return !q.report.get(a.email, a.token);
    }
  });
}

/** Picks a write kind by weight. */
export function pickKind(r: Rng, weights: Record<WriteKind, number>): WriteKind {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let x = r.next() * total;
  for (const [k, w] of Object.entries(weights) as [WriteKind, number][]) {
    if ((x -= w) < 0) return k;
  }
  return "helpful";
}

export function percentile(values: number[], p: number) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
