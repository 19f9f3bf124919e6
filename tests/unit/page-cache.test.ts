// The page cache's own rules (app/lib/page-cache.server.ts), through a real Express app whose
// "Remix" is a fake renderer: what is kept, what is not, the key, the versions, the TTL, the
// memory bound, the nonce and 304. The whole stack is tested in tests/integration/page-cache.test.ts.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PageScope } from "~/lib/page-cache-routes";
import { cacheablePath, isCacheableRoute } from "~/lib/page-cache-routes";
import {
  ByteLru,
  createPageHandler,
  matchesIfNoneMatch,
  onlyLanguageCookies,
  PageCache,
  splitAt,
  type RenderPage,
} from "~/lib/page-cache.server";

describe("the small rules", () => {
  it("only `lang` cookies leave a request anonymous", () => {
    expect(onlyLanguageCookies(undefined)).toBe(true);
    expect(onlyLanguageCookies("")).toBe(true);
    expect(onlyLanguageCookies("lang=en")).toBe(true);
    expect(onlyLanguageCookies("lang=en; lang=fr;")).toBe(true);
    expect(onlyLanguageCookies("replique_session=a.b")).toBe(false);
    expect(onlyLanguageCookies("lang=en; __Host-replique_session=a.b")).toBe(false);
    expect(onlyLanguageCookies("flash=abc")).toBe(false);
    expect(onlyLanguageCookies("lang=en; something")).toBe(false);
    expect(onlyLanguageCookies("language=en")).toBe(false);
  });

  it("If-None-Match compares weakly, in lists and with *", () => {
    expect(matchesIfNoneMatch('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch("*", 'W/"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, 'W/"abc"')).toBe(false);
    expect(matchesIfNoneMatch('W/"abc"', null)).toBe(false);
  });

  it("cuts a body at every occurrence of the nonce", () => {
    const body = Buffer.from('<script nonce="N0NCE">a</script>é★<script nonce="N0NCE"></script>N0NCE');
    const parts = splitAt(body, Buffer.from("N0NCE"));
    expect(parts).toHaveLength(4);
    expect(Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from("N0NCE"), p] : [p]))).equals(body)).toBe(true);
    expect(splitAt(Buffer.from("none here"), Buffer.from("N0NCE"))).toHaveLength(1);
  });

  it("the LRU keeps its bytes under the bound, the least recently used going first", () => {
    const lru = new ByteLru<{ bytes: number }>(100);
    lru.set("a", { bytes: 20 });
    lru.set("b", { bytes: 20 });
    lru.set("c", { bytes: 20 });
    lru.get("a");
    lru.set("d", { bytes: 25 });
    lru.set("e", { bytes: 25 });
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBeDefined();
    expect(lru.set("huge", { bytes: 26 })).toBe(false);
    expect(lru.get("huge")).toBeUndefined();
    lru.set("a", { bytes: 5 });
    expect(lru.bytes).toBe(lru.get("a")!.bytes + [..."cde"].reduce((n, k) => n + (lru.get(k)?.bytes ?? 0), 0));
  });

  it("only public reading paths are candidates, and the route Remix matched decides too", () => {
    expect(cacheablePath("/")).toEqual({ kind: "document", scope: { kind: "site" } });
    expect(cacheablePath("/companies/caf%C3%A9")).toEqual({ kind: "document", scope: { kind: "company", slug: "café" } });
    expect(cacheablePath("/companies/acme/store-1")?.scope).toEqual({ kind: "company", slug: "acme" });
    expect(cacheablePath("/companies/acme/feed.atom")).toEqual({ kind: "resource", scope: { kind: "company", slug: "acme" } });
    expect(cacheablePath("/reviews/12")?.scope).toEqual({ kind: "review", id: 12 });
    expect(cacheablePath("/sitemap.xml")?.kind).toBe("resource");
    for (const p of [
      "/account",
      "/moderation",
      "/brand/acme",
      "/notifications",
      "/dev/mail",
      "/healthz",
      "/login",
      "/report",
      "/write-a-review",
      "/reviews/1/edit",
      "/api/companies/acme",
      "/media/x",
      "/statements/1",
    ]) {
      expect(cacheablePath(p), p).toBeNull();
    }
    // /companies/new and /companies/:slug/claim match the path rule; their routes do not.
    expect(isCacheableRoute(["root", "routes/companies.new"])).toBe(false);
    expect(isCacheableRoute(["root", "routes/companies.$slug.claim"])).toBe(false);
    expect(isCacheableRoute(["root", "routes/companies.$slug._index"])).toBe(true);
    expect(isCacheableRoute([])).toBe(false);
  });
});

// ─── Through HTTP, with a fake renderer ─────────────────────────────────────────

interface Rendered {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Marked as entry.server.tsx marks an allowed anonymous document. */
  document?: boolean;
}

const versions = new Map<string, number>();
const scopeName = (scope: PageScope) =>
  scope.kind === "site" ? "site" : scope.kind === "company" ? `company:${scope.slug}` : `review:${scope.id}`;
let clock = 1_000_000;
let renders = 0;
let next: Rendered = {};

/** The fake renderer: counts renders (page-cache-speed.test.ts makes concurrent ones). */
const render: RenderPage = async (request, context) => {
  renders++;
  const nonce = `nonce${renders}xxxxxxxxxxxxxxxx`.slice(0, 24);
  const rendered = next;
  const body = (rendered.body ?? `<html><script nonce="${nonce}"></script>render ${renders}</html>`).replaceAll("NONCE", nonce);
  if (rendered.document !== false) context.cacheableDocument = { nonce };
  return new Response(request.method === "HEAD" ? null : body, {
    status: rendered.status ?? 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      ETag: `W/"${body.replaceAll(nonce, "").length}-${renders}"`,
      "Content-Security-Policy": `script-src 'nonce-${nonce}'`,
      ...rendered.headers,
    },
  });
};

function makeApp(cache: PageCache) {
  const app = express();
  app.use((req, res, nextHandler) => {
    if (req.query.setlang) res.cookie("lang", "en");
    nextHandler();
  });
  app.use(cache.middleware);
  app.all("*", createPageHandler({ render, getLoadContext: () => ({}), pageCache: cache }));
  return app;
}

async function listen(cache: PageCache): Promise<{ server: Server; base: string }> {
  const server = makeApp(cache).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("the cache, through HTTP", () => {
  let server: Server;
  let base: string;
  const cache = new PageCache({
    enabled: true,
    maxBytes: 64 * 1024,
    ttlMs: 60_000,
    sMaxAge: 10,
    staleWhileRevalidate: 60,
    readVersion: (scope) => `v${versions.get(scopeName(scope)) ?? 0}`,
    now: () => clock,
  });
  beforeAll(async () => ({ server, base } = await listen(cache)));
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => {
    next = {};
  });

  const get = (p: string, headers: Record<string, string> = {}, method = "GET") => fetch(base + p, { headers, method });

  it("fills on the first request, answers the next from memory with public headers", async () => {
    const first = await get("/companies/acme");
    expect(first.headers.get("x-cache")).toBe("miss");
    const second = await get("/companies/acme");
    expect(second.headers.get("x-cache")).toBe("hit");
    expect(second.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
    expect(second.headers.get("vary")).toContain("Cookie, Accept-Language");
    expect(await second.text()).toBe((await first.text()).replace(/nonce="[^"]+"/, `nonce="${cspNonce(second)}"`));
  });

  it("a new version of the page's scope, and only that, makes it render again", async () => {
    await get("/companies/beta");
    await get("/");
    versions.set("company:acme", 1);
    expect((await get("/companies/acme")).headers.get("x-cache")).toBe("miss");
    expect((await get("/companies/beta")).headers.get("x-cache")).toBe("hit");
    expect((await get("/")).headers.get("x-cache")).toBe("hit");
    versions.set("site", 1);
    expect((await get("/")).headers.get("x-cache")).toBe("miss");
  });

  it("a copy is kept for the TTL at most", async () => {
    await get("/search?q=ttl");
    expect((await get("/search?q=ttl")).headers.get("x-cache")).toBe("hit");
    clock += 60_000;
    expect((await get("/search?q=ttl")).headers.get("x-cache")).toBe("miss");
    expect((await get("/search?q=ttl")).headers.get("x-cache")).toBe("hit");
  });

  it("never keeps a response that sets a cookie, is not 200, says no-store or is not an allowed document", async () => {
    for (const [path, rendered] of [
      ["/companies/c1", { headers: { "Set-Cookie": "flash=; Max-Age=0" } }],
      ["/companies/c2", { status: 404 }],
      ["/companies/c3", { headers: { "Cache-Control": "private, no-store" } }],
      ["/companies/c4", { document: false }],
      ["/sitemap.xml", { document: true }],
    ] as const) {
      next = rendered;
      const first = await get(path);
      const again = await get(path);
      expect(first.headers.get("x-cache"), path).toBeNull();
      expect(again.headers.get("x-cache"), path).toBeNull();
      expect(again.headers.get("cache-control") ?? "", path).not.toContain("public");
    }
    // A cookie set before the handler (the ?lang= switch): not even a candidate.
    await get("/companies/acme?setlang=1");
    const switched = await get("/companies/acme?setlang=1");
    expect(switched.headers.get("x-cache")).toBeNull();
    expect(switched.headers.get("set-cookie")).toMatch(/^lang=en/);
  });

  it("a resource keeps its own headers", async () => {
    next = { document: false, body: "<urlset/>", headers: { "Content-Type": "application/xml", "Cache-Control": "public, max-age=3600" } };
    await get("/sitemap.xml");
    const hit = await get("/sitemap.xml");
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(hit.headers.get("content-security-policy")).toBeNull();
    expect(await hit.text()).toBe("<urlset/>");
  });

  it("requests with a session, a flash or an unknown cookie, and non-GETs, go past it", async () => {
    await get("/companies/acme");
    for (const cookie of ["replique_session=a.b", "flash=x", "lang=en; other=1"]) {
      const response = await get("/companies/acme", { Cookie: cookie });
      expect(response.headers.get("x-cache"), cookie).toBeNull();
    }
    expect((await fetch(base + "/companies/acme", { method: "POST" })).headers.get("x-cache")).toBeNull();
  });

  it("keys by the language the page renders in: query, then cookie, then Accept-Language", async () => {
    const before = renders;
    await get("/categories/food", { "Accept-Language": "en-GB,en;q=0.9" });
    await get("/categories/food", { "Accept-Language": "fr" });
    expect(renders).toBe(before + 2);
    expect((await get("/categories/food", { "Accept-Language": "en-US" })).headers.get("x-cache")).toBe("hit");
    expect((await get("/categories/food", { Cookie: "lang=en", "Accept-Language": "fr" })).headers.get("x-cache")).toBe("hit");
    expect((await get("/categories/food", { "Accept-Language": "de" })).headers.get("x-cache")).toBe("hit"); // neither: English
    expect(renders).toBe(before + 2);
  });

  it("each answer from the cache has a fresh nonce, the same in the HTML and the CSP", async () => {
    await get("/users/1");
    const a = await get("/users/1");
    const b = await get("/users/1");
    const [na, nb] = [cspNonce(a), cspNonce(b)];
    expect(na).not.toBe(nb);
    for (const [response, nonce] of [
      [a, na],
      [b, nb],
    ] as const) {
      const html = await response.text();
      expect([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])).toEqual([nonce]);
      expect(html).not.toContain("nonce1");
    }
  });

  it("a HEAD fills the cache too, and If-None-Match is answered 304 from it", async () => {
    const head = await get("/reviews/7", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("x-cache")).toBe("miss");
    const full = await get("/reviews/7");
    expect(full.headers.get("x-cache")).toBe("hit");
    const etag = full.headers.get("etag")!;
    const revalidated = await get("/reviews/7", { "If-None-Match": etag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("x-cache")).toBe("hit");
    expect(revalidated.headers.get("etag")).toBe(etag);
    versions.set("review:7", 1);
    const changed = await get("/reviews/7", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("x-cache")).toBe("miss");
  });

  it("stays within its memory bound", async () => {
    next = { body: `<html>${"x".repeat(4000)}</html>` };
    for (let i = 0; i < 60; i++) await get(`/search?q=${i}`);
    expect(cache.stats.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(cache.stats.entries).toBeLessThan(60);
    expect((await get("/search?q=59")).headers.get("x-cache")).toBe("hit");
    expect((await get("/search?q=0")).headers.get("x-cache")).toBe("miss");
  });
});

describe("with the cache off", () => {
  it("keeps nothing and still sends public headers on public documents", async () => {
    const cache = new PageCache({
      enabled: false,
      maxBytes: 1 << 20,
      ttlMs: 60_000,
      sMaxAge: 5,
      staleWhileRevalidate: 30,
      readVersion: () => "v",
    });
    const { server, base } = await listen(cache);
    try {
      const before = renders;
      const a = await fetch(base + "/");
      const b = await fetch(base + "/");
      expect(renders).toBe(before + 2);
      expect(a.headers.get("x-cache")).toBeNull();
      expect(b.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=5, stale-while-revalidate=30");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

function cspNonce(response: Response): string {
  const m = response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/);
  if (!m) throw new Error("no nonce in the CSP");
  return m[1]!;
}
