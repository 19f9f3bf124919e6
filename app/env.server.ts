import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Server processes sharing PORT and the database (app/lib/cluster.server.ts); default:
   *  the number of cores in production, 1 otherwise. */
  WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  /** glibc's malloc arenas in each worker process (MALLOC_ARENA_MAX, read when a process
   *  starts, so it applies to the workers this process forks): 2 keeps a worker's resident
   *  memory about 50 MB lower under load (the threads of zlib and SQLite otherwise each get an
   *  arena of their own) for no measured loss of throughput. */
  MALLOC_ARENA_MAX: z.coerce.number().int().min(1).max(64).default(2),
  /** V8's semi-space of each worker, in MB (--max-semi-space-size: the young generation is
   *  three times it). 8 instead of 16 keeps a worker's resident memory about 35 MB lower under
   *  the bench's load, for no measured loss of throughput. */
  WORKER_SEMI_SPACE_MB: z.coerce.number().int().min(1).max(256).default(8),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("./data/replique.db"),
  /** A quota on the database file: past it, writes answer 503 and /healthz says not ready
   *  (keeps room on the disk for the WAL, backups and the system). Unset: no quota. */
  DATABASE_MAX_BYTES: z.coerce.number().int().positive().optional(),
  /** Public origin of the site, e.g. https://replique.example (defaults to the request's). */
  SITE_URL: z.url().optional(),
  /** Folder for uploaded photos and proofs, outside public/. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** Key for HMACs (IP hashes, rate-limit keys): ≥ 32 characters. In production, SECRET or
   *  SECRET_FILE is required; outside production it defaults to DATA_DIR/secret. */
  SECRET: z.string().min(32).optional(),
  /** A file holding SECRET, created with a random one (mode 600) if it does not exist. */
  SECRET_FILE: z.string().min(1).optional(),
  /** Folder of the SQL migrations (default db/migrations). */
  MIGRATIONS_DIR: z.string().min(1).optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default("Réplique <no-reply@replique.example>"),
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  /** Seed demo data when the database is empty (default on). */
  SEED_DEMO: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v !== "0" && v !== "false"),
  /** Shows /dev/mail in production too: for the end-to-end tests' server only. */
  ENABLE_DEV_MAIL: z.enum(["0", "1"]).optional(),
  LOG_REQUESTS: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v !== "0" && v !== "false"),
  /** Folder where `npm run backup` writes its UTC-timestamped copies of DATABASE_URL. */
  BACKUP_DIR: z.string().min(1).default("./data/backups"),
  /** How many copies `npm run backup` keeps in BACKUP_DIR; the oldest beyond are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  /** Litestream replica (a directory, or a file:// URL; other URLs such as s3:// are passed to
   *  Litestream as they are). When set, the server replicates DATABASE_URL to it continuously
   *  (scripts/litestream.ts). Empty means off. */
  LITESTREAM_REPLICA: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** The page cache of anonymous readers (app/lib/page-cache.server.ts): on by default in
   *  production, off in development (an edited component would not show); on/off forces it. */
  PAGE_CACHE: z.enum(["on", "off", "1", "0", "true", "false"]).optional(),
  /** The memory it may hold, in bytes (the least recently used pages go first). */
  PAGE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  /** Seconds a cached page is kept at most, for what changes with time alone (a warning that
   *  expires, an "under review" line past its deadline, relative dates). Writes invalidate it
   *  at once, whatever this says. */
  PAGE_CACHE_TTL: z.coerce.number().int().min(1).default(60),
  /** What anonymous public pages tell shared caches (a CDN), which see no write:
   *  `s-maxage` and `stale-while-revalidate`, in seconds. Browsers always revalidate (max-age=0). */
  PAGE_CACHE_S_MAXAGE: z.coerce.number().int().min(0).default(10),
  PAGE_CACHE_STALE_WHILE_REVALIDATE: z.coerce.number().int().min(0).default(60),
  // ── LiteFS (app/lib/litefs.server.ts, litefs.yml): several machines, one primary ──
  /** The LiteFS FUSE mount (litefs.yml's fuse.dir), where its `.primary` and `<db>-pos` files
   *  are. Unset or empty: LiteFS is off and the server behaves as on one machine. */
  LITEFS_DIR: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** The database's file name inside LITEFS_DIR (litefs.yml's proxy.db), whose `-pos` file
   *  holds the replication position; default: the file name of DATABASE_URL. */
  DATABASE_FILENAME: z
    .string()
    .regex(/^[^/\\]+$/, "a file name, without a folder")
    .optional(),
  /** The port the primary's server answers on for the other machines (a replica forwards its
   *  writes to `http://<.primary>:INTERNAL_PORT` off Fly); default: PORT. */
  INTERNAL_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** How long a replica waits, at most, for its position to reach a reader's txid cookie
   *  before it hands the request to the primary (milliseconds). */
  LITEFS_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(2_000),
  /** Set by Fly.io on its machines: a replica then answers writes with `fly-replay`. */
  FLY_APP_NAME: z.string().min(1).optional(),
  FLY_MACHINE_ID: z.string().min(1).optional(),
  // ── end LiteFS ──
  /** Webhooks (app/models/webhooks.server.ts) may point at private, loopback, link-local or
   *  multicast addresses: for tests and a local receiver only, never on a public site. */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  /** Webhooks may use http:// URLs (https only by default): for tests and a local receiver only. */
  WEBHOOKS_ALLOW_HTTP: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof schema> & { SECRET: string };

/** Validates process.env once; a bad variable stops the start with its name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const data = result.data;
  if (data.SECRET) return { ...data, SECRET: data.SECRET };
  const file = data.SECRET_FILE ?? (data.NODE_ENV === "production" ? undefined : path.join(data.DATA_DIR, "secret"));
  if (!file) {
    throw new Error(
      "Invalid configuration:\n  SECRET: required in production (at least 32 characters), or SECRET_FILE: a file that holds it (created with a random secret when missing)",
    );
  }
  return { ...data, SECRET: readOrCreateSecret(file) };
}

/** The secret kept in `file`; a new random one when the file does not exist yet (two
 *  processes starting at once agree: the second reads what the first wrote). */
function readOrCreateSecret(file: string): string {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`Invalid configuration:\n  SECRET_FILE: ${file} holds fewer than 32 characters`);
  return secret;
}

let cached: Env | undefined;
/** The settings, read once per process (per module instance). */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** Reads the settings again on the next env() call: for tests that change process.env. */
export function resetEnv() {
  cached = undefined;
}
