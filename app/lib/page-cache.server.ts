// The page cache of anonymous readers, in front of Remix (server.ts).
//
// A GET or HEAD that carries no cookie but `lang` (so no session and no flash message), for
// a public reading page (app/lib/page-cache-routes.ts), is answered from memory, keyed by
// origin + path + query + the language the page renders in (app/lib/locale.server.ts's own
// getLocale). A copy is served only while the data version it was rendered at is still the
// current one (app/models/data-versions.server.ts: one indexed read per request; SQLite
// triggers bump it in the transaction of every write a public page shows, in any process),
// and for PAGE_CACHE_TTL seconds at most (what changes with time alone). Only a 200 without
// Set-Cookie, from an allowed route, is kept; the least recently used copies go first past
// PAGE_CACHE_MAX_BYTES.
//
// Compressed once: a copy that is stored is gzipped then, in the thread pool (gzip-splice.
// server.ts: each segment on its own, so that an answer is the stored pieces with its fresh
// nonce between them, no byte compressed per answer), and sent with `Content-Encoding: gzip`
// to the clients that accept gzip, the identity bytes to the others (`Vary:
// Accept-Encoding`); compression() leaves an encoded answer alone. Brotli is not kept: a
// brotli stream cannot be cut and joined around a nonce.
//
// Hits skip Express: server.ts hands every request to answerStored first, which answers it
// from a copy under the same conditions as the middleware (and with the site's headers,
// at the pinned origin only) or leaves it to Express; the middleware below still answers
// the hits Express sees (a copy stored while the request went through the chain).
//
// Misses coalesce: while a copy is being rendered for a key, other requests for that key at
// the same data version wait for it (at most `coalesce.maxWaiters` of them, each for
// `coalesce.timeoutMs` at most, after which it renders itself) and get the copy
// (`X-Cache: coalesced`); if it cannot be kept (not a 200, a cookie…) each renders its own.
//
// Server-Timing on every answer of the Remix handler and of the cache: `db` (the time in
// SQLite statements and their count, counted at the driver: db/client.server.ts) and
// `render` (the rest of the handler's time: loaders' own work and React), or `cache` on a
// copy.
//
// Documents are stored with their CSP nonce cut out; each answer gets a fresh nonce in the
// HTML and the matching Content-Security-Policy. Their ETag (entry.server.tsx, computed
// without the nonce) answers If-None-Match with 304. They are sent with
// `Cache-Control: public, max-age=0, s-maxage, stale-while-revalidate` and `Vary: Cookie,
// Accept-Language`, the one place public pages get that header; signed-in pages stay
// `private, no-store` (entry.server.tsx). `X-Cache: hit|miss|coalesced` says what happened.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { currentQueryStats, trackQueries, type QueryStats } from "#db/client.server";
import type { Env } from "~/env.server";
import { compressSegments, gzipJoined, type GzipParts } from "~/lib/gzip-splice.server";
import { localeOf } from "~/lib/locale.server";
import { cacheablePath, type CacheablePath, type PageScope } from "~/lib/page-cache-routes";
import { freshNonce, securityHeaders } from "~/lib/security-headers.server";
import { pageVersion } from "~/models/data-versions.server";

export interface PageCacheOptions {
  enabled: boolean;
  maxBytes: number;
  ttlMs: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
  /** The data version of a page's scope (tests pass their own). */
  readVersion?: (scope: PageScope) => string;
  now?: () => number;
  /** Concurrent misses of one key: how many may wait for its render, and how long. */
  coalesce?: { maxWaiters: number; timeoutMs: number };
}

export function pageCacheOptions(settings: Env): PageCacheOptions {
  const flag = settings.PAGE_CACHE;
  return {
    enabled: flag == null ? settings.NODE_ENV === "production" : flag === "on" || flag === "1" || flag === "true",
    maxBytes: settings.PAGE_CACHE_MAX_BYTES,
    ttlMs: settings.PAGE_CACHE_TTL * 1000,
    sMaxAge: settings.PAGE_CACHE_S_MAXAGE,
    staleWhileRevalidate: settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
  };
}

export interface CachedPage {
  kind: CacheablePath["kind"];
  /** The data version it was rendered at. */
  token: string;
  storedAt: number;
  /** Response headers to send again (never Set-Cookie, CSP, Cache-Control of a document…). */
  headers: [string, string][];
  etag: string | null;
  /** The body, cut where the nonce was (documents), or whole. */
  segments: Buffer[];
  /** The same segments gzipped once, when the copy was stored (null: sent as they are). */
  gzip: GzipParts | null;
  bytes: number;
  /** The headers of a hit (answerStored, gzip) that every answer shares, once worked out. */
  steadyHit?: string[];
}

/** Least recently used first out, by bytes. */
export class ByteLru<V extends { bytes: number }> {
  private readonly map = new Map<string, V>();
  private total = 0;
  constructor(readonly maxBytes: number) {}

  get bytes() {
    return this.total;
  }
  get size() {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** False when the value alone would take more than a quarter of the room: not kept. */
  set(key: string, value: V): boolean {
    this.delete(key);
    if (value.bytes > this.maxBytes / 4) return false;
    this.map.set(key, value);
    this.total += value.bytes;
    for (const [oldest, old] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.map.delete(oldest);
      this.total -= old.bytes;
    }
    return true;
  }

  delete(key: string) {
    const value = this.map.get(key);
    if (!value) return;
    this.map.delete(key);
    this.total -= value.bytes;
  }
}

/** A request the cache may answer, worked out before rendering. */
export interface PageCandidate {
  key: string;
  kind: CacheablePath["kind"];
  /** The data version now; null when the cache is off (the headers still apply). */
  token: string | null;
}

/** A render in progress for a key, that concurrent misses of the key wait for. */
interface Fill {
  token: string;
  waiters: number;
  done: Promise<CachedPage | null>;
  settle: (page: CachedPage | null) => void;
}

/** Whether Accept-Encoding accepts gzip (q > 0 for gzip, x-gzip or *). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith("q="));
    const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (name === "gzip" || name === "x-gzip") gzip = Math.max(gzip ?? 0, weight);
    else if (name === "*") any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}

/** Text worth gzipping (compression()'s threshold is 1 KB too). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|[\w.+-]*\+(?:json|xml))\b)/i;
const MIN_GZIP_BYTES = 1024;

/** `Server-Timing`: the request's time in SQLite, and the rest of the handler's (render). */
export function serverTiming(stats: QueryStats, renderMs: number | null, cache?: string): string {
  const parts = cache ? [`cache;desc="${cache}"`] : [];
  parts.push(`db;dur=${stats.ms.toFixed(2)};desc="${stats.statements} statement${stats.statements === 1 ? "" : "s"}"`);
  if (renderMs != null) parts.push(`render;dur=${Math.max(0, renderMs).toFixed(2)}`);
  return parts.join(", ");
}

/** Only `lang` cookies: a session, a flash message or anything unknown means no cache. */
export function onlyLanguageCookies(header: string | undefined): boolean {
  if (!header) return true;
  for (const part of header.split(";")) {
    const eqAt = part.indexOf("=");
    const name = (eqAt < 0 ? part : part.slice(0, eqAt)).trim();
    if (name !== "" && name !== "lang") return false;
  }
  return true;
}

/** If-None-Match against a weak ETag: weak comparison, lists and `*`. */
export function matchesIfNoneMatch(header: string | undefined, etag: string | null): boolean {
  if (!header || !etag) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** The body cut at each occurrence of `separator`. */
export function splitAt(body: Buffer, separator: Buffer): Buffer[] {
  const segments: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(separator, from); at >= 0; at = body.indexOf(separator, from)) {
    segments.push(body.subarray(from, at));
    from = at + separator.length;
  }
  segments.push(body.subarray(from));
  return segments;
}

/** Whether the stored gzip pieces take this separator (a nonce of the length they were
 *  compressed for); if not, the answer is sent uncompressed rather than wrong. */
function fitsSeparator(gzip: GzipParts, separator: Buffer): boolean {
  return gzip.separatorLength == null || gzip.pieces.length < 2 || gzip.separatorLength === separator.length;
}

const NO_SEPARATOR = Buffer.alloc(0);

function joinWith(segments: Buffer[], separator: Buffer): Buffer {
  if (segments.length === 1) return segments[0]!;
  const parts: Buffer[] = [];
  segments.forEach((segment, i) => {
    if (i > 0) parts.push(separator);
    parts.push(segment);
  });
  return Buffer.concat(parts);
}

/** Headers not kept with a copy: sent fresh each time, or decided by the cache. */
const NOT_KEPT = new Set([
  "set-cookie",
  "content-length",
  "content-security-policy",
  "date",
  "x-cache",
  "connection",
  "transfer-encoding",
  "server-timing",
  "content-encoding",
]);
const DOCUMENT_VARY = "Cookie, Accept-Language";

/** The cache key: the language the page renders in, and its URL without the fragment. */
function pageKey(locale: string, url: URL) {
  return `${locale} ${url.origin}${url.pathname}${url.search}`;
}

/** A Vary header with `field` added (as Express's res.vary). */
function withVary(current: string | undefined, field: string): string {
  const fields =
    current == null
      ? []
      : current
          .split(",")
          .map((f) => f.trim())
          .filter(Boolean);
  if (fields.some((f) => f === "*" || f.toLowerCase() === field.toLowerCase())) return fields.join(", ");
  return [...fields, field].join(", ");
}

/** The URL Remix sees for this request (as @remix-run/express builds it). */
export function remixUrl(req: ExpressRequest): URL {
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? "", 10)).find((p) => Number.isSafeInteger(p));
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

export class PageCache {
  readonly enabled: boolean;
  readonly publicCacheControl: string;
  private readonly store: ByteLru<CachedPage>;
  private readonly ttlMs: number;
  private readonly readVersion: (scope: PageScope) => string;
  private readonly now: () => number;
  private readonly candidates = new WeakMap<ExpressRequest, PageCandidate>();
  private readonly fills = new Map<string, Fill>();
  private readonly leaders = new WeakMap<ExpressRequest, Fill>();
  private readonly coalesce: { maxWaiters: number; timeoutMs: number };
  /** Segments compressed since the start (the tests' witness that a hit compresses nothing). */
  compressions = 0;

  constructor(options: PageCacheOptions) {
    this.enabled = options.enabled && options.maxBytes > 0;
    this.store = new ByteLru(options.maxBytes);
    this.coalesce = options.coalesce ?? { maxWaiters: 100, timeoutMs: 3_000 };
    this.ttlMs = options.ttlMs;
    this.readVersion = options.readVersion ?? ((scope) => pageVersion(scope));
    this.now = options.now ?? Date.now;
    this.publicCacheControl = `public, max-age=0, s-maxage=${options.sMaxAge}, stale-while-revalidate=${options.staleWhileRevalidate}`;
  }

  get stats() {
    return { entries: this.store.size, bytes: this.store.bytes };
  }

  /** Whether the request may be answered from (and fill) the cache, and under which key. */
  candidate(req: ExpressRequest, res: ExpressResponse): PageCandidate | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    if (!onlyLanguageCookies(req.headers.cookie)) return null;
    // Something before set a cookie (the ?lang= switch): this answer is the visitor's own.
    if (res.getHeader("set-cookie") != null) return null;
    if (!req.originalUrl.startsWith("/") || req.originalUrl.startsWith("//")) return null;
    let url: URL;
    try {
      url = remixUrl(req);
    } catch {
      return null;
    }
    // Remix's data requests (client navigations) are not pages.
    if (url.pathname.endsWith(".data") || url.searchParams.has("_data")) return null;
    const path = cacheablePath(url.pathname);
    if (!path) return null;
    const locale = localeOf(url.searchParams.get("lang"), req.headers.cookie, req.headers["accept-language"]);
    let token: string | null = null;
    if (this.enabled) {
      try {
        token = this.readVersion(path.scope);
      } catch {
        // The version cannot be read (a failing disk): render, keep nothing.
        return null;
      }
    }
    return { key: pageKey(locale, url), kind: path.kind, token };
  }

  /**
   * Answers a GET or HEAD from a stored copy before Express runs (server.ts), when the
   * middleware would have answered it from that copy too: no cookie but `lang`, no body, no
   * `?lang=` switch, a client that takes gzip, and the copy still at its page's data version.
   * `origin` is the request's own (Host, or the trusted proxy's), already accepted by the
   * server. False leaves the request to Express, which renders or waits as usual.
   */
  answerStored(req: IncomingMessage, res: ServerResponse, origin: string, siteHeaders: [string, string][]): boolean {
    if (!this.enabled || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const target = req.url ?? "";
    if (!target.startsWith("/") || target.startsWith("//")) return false;
    if (req.headers["transfer-encoding"] != null || Number(req.headers["content-length"] ?? 0) !== 0) return false;
    if (!onlyLanguageCookies(req.headers.cookie) || !acceptsGzip(req.headers["accept-encoding"])) return false;
    let url: URL;
    try {
      url = new URL(target, origin);
    } catch {
      return false;
    }
    if (url.searchParams.has("lang") || url.searchParams.has("_data") || url.pathname.endsWith(".data")) return false;
    const path = cacheablePath(url.pathname);
    if (!path) return false;
    const entry = this.store.get(pageKey(localeOf(null, req.headers.cookie, req.headers["accept-language"]), url));
    if (!entry?.gzip || this.now() - entry.storedAt >= this.ttlMs) return false;
    const stats: QueryStats = { statements: 0, ms: 0 };
    let token: string;
    try {
      token = trackQueries(stats, () => this.readVersion(path.scope));
    } catch {
      return false;
    }
    if (token !== entry.token) return false;
    this.sendStored(req, res, entry, [...siteHeaders, ["Server-Timing", serverTiming(stats, null, "hit")]]);
    return true;
  }

  /** Express middleware: answers from the cache, waits for a render of the same page in
   *  progress, or notes the candidate for the Remix handler. Counts the request's SQL
   *  statements from here (Server-Timing). */
  readonly middleware: RequestHandler = (req, res, next) => {
    const stats: QueryStats = { statements: 0, ms: 0 };
    trackQueries(stats, () => this.answer(req, res, next, stats));
  };

  private answer(req: ExpressRequest, res: ExpressResponse, next: () => void, stats: QueryStats) {
    const candidate = this.candidate(req, res);
    if (!candidate) return next();
    this.candidates.set(req, candidate);
    if (candidate.token == null) return next();
    const entry = this.store.get(candidate.key);
    if (entry && entry.token === candidate.token && this.now() - entry.storedAt < this.ttlMs) {
      res.setHeader("Server-Timing", serverTiming(stats, null, "hit"));
      return this.send(req, res, entry, "hit");
    }
    const fill = this.fills.get(candidate.key);
    if (!fill) {
      this.lead(req, res, candidate.key, candidate.token);
      return next();
    }
    if (fill.token !== candidate.token || fill.waiters >= this.coalesce.maxWaiters) return next();
    fill.waiters++;
    void this.waitFor(fill).then((page) => {
      fill.waiters--;
      if (!page) return next();
      res.setHeader("Server-Timing", serverTiming(stats, null, "coalesced"));
      this.send(req, res, page, "coalesced");
    });
  }

  /** This request renders the copy that later misses of the key wait for (until the
   *  handler settles it, or the answer is over whatever answered it). */
  private lead(req: ExpressRequest, res: ExpressResponse, key: string, token: string) {
    let settle: (page: CachedPage | null) => void = () => {};
    const done = new Promise<CachedPage | null>((resolve) => (settle = resolve));
    const fill: Fill = { token, waiters: 0, done, settle: () => {} };
    fill.settle = (page) => {
      if (this.fills.get(key) === fill) this.fills.delete(key);
      settle(page);
    };
    this.fills.set(key, fill);
    this.leaders.set(req, fill);
    res.once("close", () => this.settle(req, null));
  }

  /** The leader's copy, or null when it has none or takes longer than the timeout. */
  private waitFor(fill: Fill): Promise<CachedPage | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), this.coalesce.timeoutMs)));
    return Promise.race([fill.done, timeout]).finally(() => clearTimeout(timer));
  }

  /** Called by the handler once the leader's render is captured (or failed): the waiters go on. */
  settle(req: ExpressRequest, page: CachedPage | null) {
    const fill = this.leaders.get(req);
    if (!fill) return;
    this.leaders.delete(req);
    fill.settle(page);
  }

  candidateOf(req: ExpressRequest): PageCandidate | undefined {
    return this.candidates.get(req);
  }

  /** The copy of a rendered response, kept when the cache is on; null when it may not be
   *  kept (its body is then untouched). */
  async capture(candidate: PageCandidate, response: Response, context: AppLoadContext, res: ExpressResponse): Promise<CachedPage | null> {
    if (response.status !== 200) return null;
    if (response.headers.has("set-cookie") || res.getHeader("set-cookie") != null) return null;
    if (/\bno-store\b/i.test(response.headers.get("cache-control") ?? "")) return null;
    const document = context.cacheableDocument;
    if (candidate.kind === "document") {
      if (!document || !/^text\/html\b/i.test(response.headers.get("content-type") ?? "")) return null;
    } else if (document) {
      return null;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const segments = document ? splitAt(body, Buffer.from(document.nonce)) : [body];
    const kept = this.enabled && candidate.token != null && body.length <= this.store.maxBytes / 4;
    // Gzipped once, for the copies kept: the others are compressed by compression().
    const compressible = COMPRESSIBLE.test(response.headers.get("content-type") ?? "") && body.length >= MIN_GZIP_BYTES;
    const gzip = kept && compressible ? await compressSegments(segments, { separatorLength: document?.nonce.length }) : null;
    if (gzip) this.compressions += segments.length;
    const headers: [string, string][] = [];
    for (const [name, value] of response.headers) {
      if (NOT_KEPT.has(name)) continue;
      if (document && (name === "cache-control" || name === "vary")) continue;
      headers.push([name, value]);
    }
    const page: CachedPage = {
      kind: candidate.kind,
      token: candidate.token ?? "",
      storedAt: this.now(),
      headers,
      etag: response.headers.get("etag"),
      segments,
      gzip,
      bytes: body.length + (gzip?.bytes ?? 0) + candidate.key.length * 2 + headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 256,
    };
    if (kept) this.store.set(candidate.key, page);
    return page;
  }

  /** Sends a copy: a fresh nonce and CSP for a document, 304 when If-None-Match matches,
   *  the stored gzip to a client that accepts it. */
  send(req: IncomingMessage, res: ServerResponse, page: CachedPage, how: "hit" | "miss" | "coalesced") {
    const answer = this.answerOf(req, page, how);
    res.statusCode = answer.status;
    if (answer.status === 304) res.removeHeader("Content-Type");
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.end(answer.body);
  }

  /** What answering a copy sends: 304 when If-None-Match matches, else the copy with a
   *  fresh nonce and CSP for a document, the stored gzip to a client that accepts it. */
  private answerOf(req: IncomingMessage, page: CachedPage, how: "hit" | "miss" | "coalesced") {
    const notModified = matchesIfNoneMatch(req.headers["if-none-match"], page.etag);
    const nonce = notModified || page.kind !== "document" ? null : freshNonce();
    const separator = nonce ? Buffer.from(nonce) : NO_SEPARATOR;
    const gzipped = !notModified && page.gzip != null && acceptsGzip(req.headers["accept-encoding"]) && fitsSeparator(page.gzip, separator);
    const headers = this.steadyHeaders(page, how, notModified, gzipped);
    if (notModified) return { status: 304 as const, headers, body: undefined };
    if (nonce) for (const [name, value] of Object.entries(securityHeaders(nonce))) headers.push([name, value]);
    const body = gzipped ? gzipJoined(page.gzip!, separator) : joinWith(page.segments, separator);
    headers.push(["Content-Length", String(body.length)]);
    return { status: 200 as const, headers, body: req.method === "HEAD" ? undefined : body };
  }

  /** The headers of an answer from a copy but its nonce's CSP and its length. */
  private steadyHeaders(page: CachedPage, how: "hit" | "miss" | "coalesced", notModified: boolean, gzipped: boolean) {
    const headers: [string, string][] = [];
    let vary: string | undefined;
    for (const [name, value] of page.headers) {
      if (name === "vary") vary = value;
      else if (!(notModified && name === "content-type")) headers.push([name, value]);
    }
    if (page.kind === "document") {
      headers.push(["Cache-Control", this.publicCacheControl]);
      vary = DOCUMENT_VARY;
    }
    if (page.gzip) vary = withVary(vary, "Accept-Encoding");
    if (vary) headers.push(["Vary", vary]);
    if (this.enabled) headers.push(["X-Cache", how]);
    if (gzipped) headers.push(["Content-Encoding", "gzip"]);
    return headers;
  }

  /** answerStored's sending: every header in one writeHead (none was set before). The hit's
   *  steady headers are worked out once per copy. */
  private sendStored(req: IncomingMessage, res: ServerResponse, page: CachedPage, first: [string, string][]) {
    const flat: string[] = [];
    for (const [name, value] of first) flat.push(name, value);
    const nonce = page.kind === "document" ? freshNonce() : null;
    const separator = nonce ? Buffer.from(nonce) : NO_SEPARATOR;
    if (matchesIfNoneMatch(req.headers["if-none-match"], page.etag) || !page.gzip || !fitsSeparator(page.gzip, separator)) {
      const answer = this.answerOf(req, page, "hit");
      for (const [name, value] of answer.headers) flat.push(name, value);
      res.writeHead(answer.status, flat);
      return void res.end(answer.body);
    }
    page.steadyHit ??= this.steadyHeaders(page, "hit", false, true).flat();
    for (const value of page.steadyHit) flat.push(value);
    if (nonce) for (const [name, value] of Object.entries(securityHeaders(nonce))) flat.push(name, value);
    const body = gzipJoined(page.gzip, separator);
    flat.push("Content-Length", String(body.length));
    res.writeHead(200, flat);
    res.end(req.method === "HEAD" ? undefined : body);
  }
}

// ─── The Remix handler (as @remix-run/express's, with the cache's capture) ──────

function remixRequest(req: ExpressRequest, res: ExpressResponse, forCache: boolean): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (values == null) continue;
    // A copy is always rendered whole (a HEAD as a GET, no conditional): it answers everyone.
    if (forCache && (name === "if-none-match" || name === "if-modified-since")) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  let controller: AbortController | null = new AbortController();
  const method = forCache && req.method === "HEAD" ? "GET" : req.method;
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (method !== "GET" && method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  // Loaders are aborted when the client goes before the answer is written.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(remixUrl(req).href, init);
}

async function sendRemixResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function sendNotModified(res: ExpressResponse, response: Response) {
  res.status(304);
  for (const [name, value] of response.headers) {
    if (name !== "content-security-policy" && name !== "content-type" && name !== "content-length") res.append(name, value);
  }
  res.end();
}

/** Renders a request (Remix's request handler, or a test's). */
export type RenderPage = (request: Request, context: AppLoadContext) => Promise<Response>;

/** The Remix request handler for Express; with a page cache, the misses it may keep are
 *  rendered whole and stored (its middleware answers the hits before this runs). */
export function createRemixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: ExpressRequest) => AppLoadContext;
  pageCache?: PageCache;
}): RequestHandler {
  return createPageHandler({ ...options, render: createRequestHandler(options.build, options.mode) });
}

/** The handler around `render`: the cache's capture, the waiters it lets go, Server-Timing. */
export function createPageHandler(options: {
  render: RenderPage;
  getLoadContext: (req: ExpressRequest) => AppLoadContext;
  pageCache?: PageCache;
}): RequestHandler {
  return (req, res, next) => {
    // Counted since the page cache's middleware when it ran, from here otherwise.
    const stats = currentQueryStats();
    if (stats) return void handleRequest(req, res, next, stats);
    const fresh: QueryStats = { statements: 0, ms: 0 };
    trackQueries(fresh, () => void handleRequest(req, res, next, fresh));
  };

  async function handleRequest(req: ExpressRequest, res: ExpressResponse, next: (error: unknown) => void, stats: QueryStats) {
    const cache = options.pageCache;
    let page: CachedPage | null = null;
    try {
      const candidate = cache?.candidateOf(req);
      const context = options.getLoadContext(req);
      const startedAt = performance.now();
      const dbBefore = stats.ms;
      const response = await options.render(remixRequest(req, res, candidate != null), context);
      res.setHeader("Server-Timing", serverTiming(stats, performance.now() - startedAt - (stats.ms - dbBefore)));
      page = candidate && cache ? await cache.capture(candidate, response, context, res) : null;
      if (page && cache) return cache.send(req, res, page, "miss");
      // Rendered whole for the cache but not kept: the revalidation entry.server.tsx would
      // have answered is answered here.
      if (candidate && response.status === 200 && matchesIfNoneMatch(req.get("if-none-match"), response.headers.get("etag"))) {
        await response.body?.cancel();
        return sendNotModified(res, response);
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    } finally {
      // The requests waiting for this render take its copy, or render their own.
      cache?.settle(req, page);
    }
  }
}
