import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("./data/replique.db"),
  /** A quota on the database file: past it, writes answer 503 and /healthz says not ready
   *  (keeps room on the disk for the WAL, backups and the system). Unset: no quota. */
  DATABASE_MAX_BYTES: z.coerce.number().int().positive().optional(),
  /** Public origin of the site, e.g. https://replique.example (defaults to the request's). */
  SITE_URL: z.url().optional(),
  /** Folder for uploaded photos and proofs, outside public/. */
  DATA_DIR: z.string().min(1).default("./data"),
  /** Key for HMACs (IP hashes, tokens). Required in production. */
  SECRET: z.string().min(32).optional(),
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
});

export type Env = z.infer<typeof schema>;

/** Validates process.env once; a bad variable stops the start with its name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.SECRET) {
    // A generated secret is fine for a demo; sessions survive restarts because
    // they are stored as hashes, but IP hashes change on each start.
    result.data.SECRET = cryptoRandom();
  }
  return result.data;
}

function cryptoRandom() {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
