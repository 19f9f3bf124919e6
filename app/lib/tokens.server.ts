// Secret tokens sent by mail (an address to verify, a password to reset, an invitation to
// join a company): 160 random bits, in lower-case base32 for a link, stored only as their
// SHA-256 so that the table alone (a backup, a leak) opens nothing.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

export function newSecretToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function hashSecretToken(token: string): Buffer {
  return Buffer.from(sha256(new TextEncoder().encode(token)));
}
