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
// PAGE_CACHE_MAX_BYTES. Bytes are kept uncompressed: compression() compresses each answer.
//
// Documents are stored with their CSP nonce cut out; each answer gets a fresh nonce in the
// HTML and the matching Content-Security-Policy. Their ETag (entry.server.tsx, computed
// without the nonce) answers If-None-Match with 304. They are sent with
// `Cache-Control: public, max-age=0, s-maxage, stale-while-revalidate` and `Vary: Cookie,
// Accept-Language`, the one place public pages get that header; signed-in pages stay
// `private, no-store` (entry.server.tsx). `X-Cache: hit|miss` says what happened.
import crypto from "node:crypto";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import type { Env } from "~/env.server";
import { getLocale } from "~/lib/locale.server";
import { cacheablePath, type CacheablePath, type PageScope } from "~/lib/page-cache-routes";
import { securityHeaders } from "~/lib/security-headers.server";
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
  bytes: number;
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
const NOT_KEPT = new Set(["set-cookie", "content-length", "content-security-policy", "date", "x-cache", "connection", "transfer-encoding"]);
const DOCUMENT_VARY = "Cookie, Accept-Language";

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

  constructor(options: PageCacheOptions) {
    this.enabled = options.enabled && options.maxBytes > 0;
    this.store = new ByteLru(options.maxBytes);
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
    const locale = getLocale(
      new Request(url.href, { headers: { cookie: req.headers.cookie ?? "", "accept-language": req.get("accept-language") ?? "" } }),
    );
    let token: string | null = null;
    if (this.enabled) {
      try {
        token = this.readVersion(path.scope);
      } catch {
        // The version cannot be read (a failing disk): render, keep nothing.
        return null;
      }
    }
    return { key: `${locale} ${url.origin}${url.pathname}${url.search}`, kind: path.kind, token };
  }

  /** Express middleware: answers from the cache, or notes the candidate for the Remix handler. */
  readonly middleware: RequestHandler = (req, res, next) => {
    const candidate = this.candidate(req, res);
    if (!candidate) return next();
    this.candidates.set(req, candidate);
    const entry = candidate.token == null ? undefined : this.store.get(candidate.key);
    if (!entry || entry.token !== candidate.token || this.now() - entry.storedAt >= this.ttlMs) return next();
    this.send(req, res, entry, "hit");
  };

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
      bytes: body.length + candidate.key.length * 2 + headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 256,
    };
    if (this.enabled && candidate.token != null) this.store.set(candidate.key, page);
    return page;
  }

  /** Sends a copy: a fresh nonce and CSP for a document, 304 when If-None-Match matches. */
  send(req: ExpressRequest, res: ExpressResponse, page: CachedPage, how: "hit" | "miss") {
    res.statusCode = 200;
    for (const [name, value] of page.headers) res.setHeader(name, value);
    if (page.kind === "document") {
      res.setHeader("Cache-Control", this.publicCacheControl);
      res.setHeader("Vary", DOCUMENT_VARY);
    }
    if (this.enabled) res.setHeader("X-Cache", how);
    if (matchesIfNoneMatch(req.get("if-none-match"), page.etag)) {
      res.statusCode = 304;
      res.removeHeader("Content-Type");
      res.end();
      return;
    }
    let body = page.segments[0]!;
    if (page.kind === "document") {
      const nonce = crypto.randomBytes(16).toString("base64");
      for (const [name, value] of Object.entries(securityHeaders(nonce))) res.setHeader(name, value);
      body = joinWith(page.segments, Buffer.from(nonce));
    }
    res.setHeader("Content-Length", body.length);
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

/** The Remix request handler for Express; with a page cache, the misses it may keep are
 *  rendered whole and stored (its middleware answers the hits before this runs). */
export function createRemixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  getLoadContext: (req: ExpressRequest) => AppLoadContext;
  pageCache?: PageCache;
}): RequestHandler {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const candidate = options.pageCache?.candidateOf(req);
      const context = options.getLoadContext(req);
      const response = await handle(remixRequest(req, res, candidate != null), context);
      const cache = options.pageCache;
      const page = candidate && cache ? await cache.capture(candidate, response, context, res) : null;
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
    }
  };
}
