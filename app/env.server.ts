import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("./data/replique.db"),
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
