// Webhook signatures as the Standard Webhooks spec says (standardwebhooks.com,
// spec/standard-webhooks.md), so that its libraries verify ours:
//   - the secret is `whsec_` + base64 of random bytes; the key is those bytes;
//   - the signed content is `${webhook-id}.${webhook-timestamp}.${body}` (timestamp in whole
//     seconds, body exactly as sent);
//   - `webhook-signature` is `v1,` + base64(HMAC-SHA256(key, content)); several signatures
//     (a rotation: the new secret and the old one) are separated by spaces.
// Pure (Node's crypto only): app/models/webhooks.server.ts signs with it; a receiver's check is
// `verifyWebhook` below, which the page's documentation describes.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** Random bytes in a new secret (the spec asks for 24 to 64). */
export const WEBHOOK_SECRET_BYTES = 32;
/** How far from now a receiver accepts a timestamp (the spec's advice: 5 minutes). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** A new secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(WEBHOOK_SECRET_BYTES).toString("base64");
}

/** The key of a secret: the bytes its base64 part encodes. */
export function webhookSecretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, "base64");
  if (key.length === 0) throw new Error("A webhook secret must hold base64 bytes after whsec_");
  return key;
}

/** One signature: `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", webhookSecretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The three headers of a delivery, signed with every secret given (space-separated). */
export function webhookHeaders(secrets: readonly string[], id: string, timestamp: number, body: string) {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((secret) => signWebhook(secret, id, timestamp, body)).join(" "),
  };
}

/** A receiver's check: the timestamp is recent and one `v1` signature matches `secret`. */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!/^\d+$/.test(headers.timestamp) || Math.abs(nowSeconds - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, timestamp, body));
  return headers.signature.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
