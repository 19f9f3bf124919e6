// Several machines with LiteFS (litefs.yml; README, "Past one machine: LiteFS").
//
// LiteFS replicates the SQLite file from one primary machine to replicas. Its FUSE mount
// (LITEFS_DIR) shows two files this module reads:
//   - `.primary`: present only on a replica, it holds the primary's hostname (read with
//     litefs-js's getInstanceInfo: no file, or our own hostname, means this machine is the
//     primary). Read again for every request that depends on it: with a consul lease the
//     primary may move at any time.
//   - `<db>-pos`: the database's replication position, `TXID/checksum` (16 hex digits each,
//     then a newline).
//
// What the server does with them (server.ts wires the middleware below):
//   - A replica writes nothing: db/client.server.ts opens its database read-only and runs no
//     migration, server.ts starts no seed, job runner, mail worker or Litestream there, and
//     the writes a GET would do (a session's last-seen touch) are skipped.
//   - A write (any method but GET, HEAD, OPTIONS) reaching a replica goes to the primary:
//     on Fly.io as `409` + `fly-replay: instance=<primary>` (Fly's proxy replays it there),
//     elsewhere proxied over HTTP to `http://<primary>:INTERNAL_PORT`, the body streamed and
//     the answer passed back whole (status, headers with Set-Cookie, body). The client's
//     address goes along in a header signed with SECRET, which the primary believes for rate
//     limits; the same header stops a forwarded request from being forwarded again.
//   - Read-your-writes: the primary's successful answers to writes set a `txid` cookie (its
//     TXID at that moment, in hex; HttpOnly, SameSite=Lax, 30 s). A replica that gets a GET
//     carrying a txid ahead of its own position polls its `-pos` file until it has caught up,
//     LITEFS_WAIT_MS at most, then hands the request to the primary as it does writes. Any
//     cookie but `lang` keeps a request out of the page cache (onlyLanguageCookies), so a
//     request with a txid is never answered from a cached copy nor stored.
//
// Written here rather than taken from litefs-js: its getTxNumber logs an error on every
// read of a missing `-pos` file and drops the checksum, and its waitForUpToDateTxNumber
// reads the file its environment variables name rather than the one it is given.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { getInstanceInfo, getInstanceInfoSync } from "litefs-js";
import { env, type Env } from "~/env.server";
import { refusalPage } from "~/lib/request-guards.server";
import { cookieValue } from "~/lib/cookies.server";

export interface LiteFsSettings {
  /** The FUSE mount: `.primary` and `<database>-pos` live there. */
  dir: string;
  /** The database's file name in the mount. */
  database: string;
  /** The port of the primary's server, for the replicas' proxy. */
  internalPort: number;
  /** How long a replica waits for its position to reach a txid cookie. */
  waitMs: number;
  /** How often it reads the `-pos` file meanwhile. */
  pollMs: number;
  /** On Fly.io (FLY_APP_NAME and FLY_MACHINE_ID set): writes are replayed, not proxied. */
  onFly: boolean;
  /** Signs the client address a replica passes to the primary. */
  secret: string;
}

export const POLL_MS = 25;

/** The LiteFS settings, or null when LITEFS_DIR is unset (LiteFS off: nothing changes). */
export function liteFsSettings(settings: Env = env()): LiteFsSettings | null {
  if (!settings.LITEFS_DIR) return null;
  return {
    dir: settings.LITEFS_DIR,
    database: settings.DATABASE_FILENAME ?? path.basename(settings.DATABASE_URL),
    internalPort: settings.INTERNAL_PORT ?? settings.PORT,
    waitMs: settings.LITEFS_WAIT_MS,
    pollMs: POLL_MS,
    onFly: Boolean(settings.FLY_APP_NAME && settings.FLY_MACHINE_ID),
    secret: settings.SECRET,
  };
}

/** Whether this process starts as a replica: LiteFS is on and `.primary` names another
 *  machine. Decides how db/client.server.ts opens the database (read-only) and what
 *  server.ts starts. */
export function startsAsReplica(settings: Env = env()): boolean {
  const litefs = liteFsSettings(settings);
  return litefs != null && !getInstanceInfoSync(litefs.dir).currentIsPrimary;
}

// ─── The position (`<db>-pos`) and the txid cookie: pure parts ──────────────────

export interface Position {
  txid: bigint;
  checksum: string;
}

const POSITION = /^([0-9a-f]{16})\/([0-9a-f]{16})$/i;

/** `0000000000000003/d1b2a0b2c3e4f5a6\n` → its TXID and checksum; null for anything else. */
export function parsePosition(text: string): Position | null {
  const match = POSITION.exec(text.trim());
  if (!match) return null;
  return { txid: BigInt(`0x${match[1]}`), checksum: match[2]!.toLowerCase() };
}

/** A TXID as the txid cookie holds it: hex, without leading zeros. */
export function formatTxid(txid: bigint): string {
  return txid.toString(16);
}

/** A txid cookie's value back to a TXID (1 to 16 hex digits); null when malformed. */
export function parseTxid(value: string): bigint | null {
  return /^[0-9a-f]{1,16}$/i.test(value) ? BigInt(`0x${value}`) : null;
}

export const TXID_COOKIE = "txid";
/** Seconds: replication takes milliseconds; the cookie only has to outlive the next reads. */
export const TXID_COOKIE_MAX_AGE = 30;

export function txidCookie(txid: bigint, secure: boolean): string {
  return [
    `${TXID_COOKIE}=${formatTxid(txid)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${TXID_COOKIE_MAX_AGE}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The TXID of the request's txid cookie, or null (none, or malformed). */
export function readTxidCookie(header: string | undefined): bigint | null {
  const value = cookieValue(header, TXID_COOKIE);
  return value == null ? null : parseTxid(value);
}

/** Polls `read` until the position reaches `wanted` or `timeoutMs` has passed. */
export async function waitForPosition(
  wanted: bigint,
  read: () => Promise<Position | null>,
  options: { timeoutMs: number; pollMs: number; now?: () => number; sleep?: (ms: number) => Promise<void> },
): Promise<{ caughtUp: boolean; waitedMs: number }> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const startedAt = now();
  for (;;) {
    const position = await read();
    if (position && position.txid >= wanted) return { caughtUp: true, waitedMs: now() - startedAt };
    if (now() - startedAt >= options.timeoutMs) return { caughtUp: false, waitedMs: now() - startedAt };
    await sleep(options.pollMs);
  }
}

export function positionFile(settings: LiteFsSettings): string {
  return path.join(settings.dir, `${settings.database}-pos`);
}

/** This machine's position now; null when the file is missing or unreadable. */
export function readPositionSync(settings: LiteFsSettings): Position | null {
  try {
    return parsePosition(fs.readFileSync(positionFile(settings), "utf8"));
  } catch {
    return null;
  }
}

// ─── The client's address, from a replica to the primary ──────────────────────────

/** `<ip>;<HMAC-SHA256 of it under SECRET>`, set by a replica on what it forwards. */
export const FORWARDED_FOR_HEADER = "x-replique-forwarded-for";

function signature(secret: string, ip: string) {
  return crypto.createHmac("sha256", secret).update(`litefs-forwarded-for\n${ip}`).digest("base64url");
}

export function signForwardedFor(secret: string, ip: string): string {
  return `${ip};${signature(secret, ip)}`;
}

/** The address a replica vouched for, or null (absent, or not signed with our SECRET). */
export function verifyForwardedFor(secret: string, value: string | string[] | undefined): string | null {
  if (typeof value !== "string") return null;
  const at = value.lastIndexOf(";");
  if (at <= 0) return null;
  const ip = value.slice(0, at);
  const given = Buffer.from(value.slice(at + 1));
  const expected = Buffer.from(signature(secret, ip));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? ip : null;
}

/** `.primary` may name `host:port` (LiteFS's own port): the host is what we need. */
export function primaryHost(primary: string): string {
  return /^[^:]+:\d+$/.test(primary) ? primary.slice(0, primary.lastIndexOf(":")) : primary;
}

// ─── The middleware ─────────────────────────────────────────────────────────────

export interface LiteFsOptions {
  settings: LiteFsSettings;
  /** Whether this process's database handle is read-only (it started as a replica). */
  readOnly: () => boolean;
  /** Whether the site is served over HTTPS for this request (the txid cookie is then Secure). */
  secure: (req: ExpressRequest) => boolean;
  /** The client's address as this server sees it (req.ip). */
  clientIp: (req: ExpressRequest) => string;
}

/** Methods that write nothing (a CORS preflight reaches a loader, never an action). */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Headers of one connection, never passed on by a proxy. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);
/** How long the primary may take to answer a forwarded request. */
const FORWARD_TIMEOUT_MS = 30_000;

/** Answers a request that cannot be served now (no primary reachable, a role changing). */
function unavailable(req: ExpressRequest, res: ExpressResponse, message: { fr: string; en: string }) {
  res.status(503).set("Cache-Control", "no-store").set("Retry-After", "1").type("html");
  res.send(refusalPage(503, message, req.get("accept-language") ?? null, req.get("cookie") ?? null));
}

/** Proxies the request to the primary's server, its body streamed, and passes the answer back
 *  whole: status, headers (every Set-Cookie), body. */
function proxy(req: ExpressRequest, res: ExpressResponse, host: string, settings: LiteFsSettings, clientIp: string) {
  const headers: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value == null || HOP_BY_HOP.has(name) || name === FORWARDED_FOR_HEADER) continue;
    headers[name] = value;
  }
  headers[FORWARDED_FOR_HEADER] = signForwardedFor(settings.secret, clientIp);
  const upstream = http.request({
    host,
    port: settings.internalPort,
    method: req.method,
    path: req.originalUrl,
    headers,
    timeout: FORWARD_TIMEOUT_MS,
  });
  upstream.on("response", (answer) => {
    res.statusCode = answer.statusCode ?? 502;
    if (answer.statusMessage) res.statusMessage = answer.statusMessage;
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value != null && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
    }
    res.setHeader("X-LiteFS", "forwarded");
    answer.pipe(res);
  });
  upstream.on("timeout", () => upstream.destroy(new Error("the primary took too long")));
  upstream.on("error", (error) => {
    if (res.destroyed) return; // the client left first (below)
    if (res.headersSent) return void res.destroy(error);
    console.error(`LiteFS: forwarding ${req.method} ${req.path} to the primary failed: ${error.message}`);
    unavailable(req, res, {
      fr: "Le serveur principal ne répond pas. Réessayez dans un instant ; rien n’a été enregistré ici.",
      en: "The primary server does not answer. Try again in a moment; nothing was saved here.",
    });
  });
  // The client left: the primary's answer is not wanted any more.
  res.on("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

export function createLiteFs(options: LiteFsOptions) {
  const { settings } = options;

  /** The client's address: the one a replica vouched for, else this server's view of it. */
  function clientIpOf(req: ExpressRequest): string {
    return verifyForwardedFor(settings.secret, req.headers[FORWARDED_FOR_HEADER]) ?? options.clientIp(req);
  }

  /** Sends the request to the primary: fly-replay on Fly, an HTTP proxy elsewhere. */
  function toPrimary(req: ExpressRequest, res: ExpressResponse, primary: string) {
    const forwarded = verifyForwardedFor(settings.secret, req.headers[FORWARDED_FOR_HEADER]) != null || req.get("fly-replay-src") != null;
    if (forwarded) {
      // It was already sent here as to the primary: this machine and the sender disagree.
      return unavailable(req, res, {
        fr: "Le serveur principal change en ce moment. Réessayez dans un instant ; rien n’a été enregistré.",
        en: "The primary server is changing right now. Try again in a moment; nothing was saved.",
      });
    }
    if (settings.onFly) {
      res.status(409).set("fly-replay", `instance=${primary}`).set("Cache-Control", "no-store").end();
      return;
    }
    proxy(req, res, primaryHost(primary), settings, options.clientIp(req));
  }

  /** On the primary: a successful answer to a write sets the txid cookie, read when the
   *  answer's headers go out (after the write's commit). */
  function tagWithTxid(req: ExpressRequest, res: ExpressResponse) {
    const writeHead = res.writeHead;
    const secure = options.secure(req);
    res.writeHead = function (this: ExpressResponse, ...args: unknown[]) {
      const status = typeof args[0] === "number" ? args[0] : this.statusCode;
      const position = status < 400 ? readPositionSync(settings) : null;
      if (position) this.appendHeader("Set-Cookie", txidCookie(position.txid, secure));
      return (writeHead as (...a: unknown[]) => ExpressResponse).apply(this, args);
    } as typeof res.writeHead;
  }

  /** Every write goes to the primary; on the primary, its answer gets the txid cookie. */
  const forwardWrites: RequestHandler = (req, res, next) => {
    if (READS.has(req.method)) return next();
    void getInstanceInfo(settings.dir).then(({ currentIsPrimary, primaryInstance }) => {
      if (!currentIsPrimary) return toPrimary(req, res, primaryInstance);
      if (options.readOnly()) {
        // Promoted while running: the handle opened read-only stays so until a restart.
        console.error("LiteFS: this machine became the primary but opened its database read-only; restart it to take writes.");
        return unavailable(req, res, {
          fr: "Ce serveur vient de devenir le principal et doit redémarrer avant d’enregistrer quoi que ce soit. Rien n’a été enregistré.",
          en: "This server has just become the primary and must restart before it saves anything. Nothing was saved.",
        });
      }
      tagWithTxid(req, res);
      next();
    }, next);
  };

  /** On a replica, a read carrying a txid ahead of this machine waits for it, then goes
   *  to the primary if it has not caught up within LITEFS_WAIT_MS. */
  const readYourWrites: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const wanted = readTxidCookie(req.headers.cookie);
    if (wanted == null) return next();
    void (async () => {
      const { currentIsPrimary, primaryInstance } = await getInstanceInfo(settings.dir);
      if (currentIsPrimary) return next();
      const { caughtUp, waitedMs } = await waitForPosition(wanted, async () => readPositionSync(settings), {
        timeoutMs: settings.waitMs,
        pollMs: settings.pollMs,
      });
      if (!caughtUp) return toPrimary(req, res, primaryInstance);
      res.setHeader("X-LiteFS", `caught-up; waited=${waitedMs}`);
      next();
    })().catch(next);
  };

  return { forwardWrites, readYourWrites, clientIpOf };
}
