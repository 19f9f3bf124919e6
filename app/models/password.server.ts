import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 exports Algorithm as an ambient const enum, which isolatedModules
// cannot read: 2 is Algorithm.Argon2id.
const ARGON2ID = 2;

/** argon2id, OWASP's minimum: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** NIST SP 800-63B: passwords are compared after Unicode normalisation (NFKC). */
const normalizePassword = (password: string) => password.normalize("NFKC");

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false;
  }
}
