import crypto from "node:crypto";
import { env } from "~/env.server";

const NONCE_BYTES = 16;
const NONCES_PER_DRAW = 256;
let randomPool = Buffer.alloc(0);
let poolOffset = 0;

/** A fresh CSP nonce (16 random bytes, base64) for each document answered: drawn from the
 *  system's CSPRNG 256 at a time, each handed out once. */
export function freshNonce(): string {
  if (poolOffset + NONCE_BYTES > randomPool.length) {
    randomPool = crypto.randomBytes(NONCE_BYTES * NONCES_PER_DRAW);
    poolOffset = 0;
  }
  const nonce = randomPool.toString("base64", poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}

/** The CSP around its nonce, for production and for development. */
const cspAround = new Map<boolean, [string, string]>();

function cspParts(isProduction: boolean): [string, string] {
  let parts = cspAround.get(isProduction);
  if (!parts) {
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-\0'${isProduction ? "" : " 'unsafe-eval'"}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      `connect-src 'self'${isProduction ? "" : " ws:"}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    const at = csp.indexOf("\0");
    parts = [csp.slice(0, at), csp.slice(at + 1)];
    cspAround.set(isProduction, parts);
  }
  return parts;
}

/** Headers sent with every HTML document: a strict CSP with the request's nonce. */
export function securityHeaders(nonce: string): Record<string, string> {
  const [before, after] = cspParts(env().NODE_ENV === "production");
  return { "Content-Security-Policy": before + nonce + after };
}
