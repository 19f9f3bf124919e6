// A signed key that opens one statement of reasons without a session, for the holder of a
// suspended account: they cannot sign in (log-in refuses them, and the suspension ended
// their sessions), yet the suspension's statement must tell them how to contest it and let
// them appeal (DSA art. 17 and 20). The statement's link in their mail carries
// `?key=<HMAC-SHA256(SECRET, decision id, account id)>`: it names one decision on one
// account, reveals nothing, and cannot be made without the server's secret. Nothing is
// stored; the key opens only decisions logged on that account (the suspension, and the
// outcome of its appeal), as that account (app/models/decision-appeals.server.ts).
import crypto from "node:crypto";
import { env } from "~/env.server";

function mac(decisionId: number, userId: number) {
  return crypto.createHmac("sha256", env().SECRET).update(`statement-access:${decisionId}:${userId}`).digest();
}

export function statementAccessKey(decisionId: number, userId: number): string {
  return mac(decisionId, userId).toString("base64url");
}

/** Whether `key` is the key of decision `decisionId` for account `userId` (constant time). */
export function isStatementAccessKey(decisionId: number, userId: number, key: string): boolean {
  if (!/^[A-Za-z0-9_-]{43}$/.test(key)) return false;
  const given = Buffer.from(key, "base64url");
  const expected = mac(decisionId, userId);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** A statement page's path with its key. */
export function keyedStatementPath(path: string, key: string) {
  return `${path}?${new URLSearchParams({ key })}`;
}
