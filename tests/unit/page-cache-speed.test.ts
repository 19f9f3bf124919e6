// What makes a page cache hit cheap (issue 11): the copy is gzipped once, when stored, and a
// hit sends those stored bytes with its fresh nonce spliced in (app/lib/gzip-splice.server.ts),
// the identity bytes to a client that does not accept gzip; concurrent misses of one page
// render it once, with a cap on the waiters and a timeout; Server-Timing on every answer.
// Through a real Express app whose "Remix" is a fake renderer (as tests/unit/page-cache.test.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import zlib from "node:zlib";
import express from "express";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { compressSegments, crc32Combine, gzipJoined } from "~/lib/gzip-splice.server";
import { acceptsGzip, createPageHandler, PageCache, splitAt, type RenderPage } from "~/lib/page-cache.server";

describe("gzip, spliced", () => {
  it("combines CRC-32s as zlib does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 70_000 }), (a, b) => {
        const whole = zlib.crc32(Buffer.concat([a, b]));
        return crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length) === whole;
      }),
      { numRuns: 60 },
    );
    expect(crc32Combine(0, zlib.crc32("abc"), 3)).toBe(zlib.crc32("abc"));
  });

  it("stored pieces with any separator between them make one valid gzip member", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 5000 }), { minLength: 1, maxLength: 6 }),
        fc.uint8Array({ maxLength: 64 }),
        async (segments, separator) => {
          const parts = await compressSegments(segments.map((s) => Buffer.from(s)));
          const joined = Buffer.concat(segments.flatMap((s, i) => (i ? [Buffer.from(separator), Buffer.from(s)] : [Buffer.from(s)])));
          // gunzipSync checks the CRC and the length of the trailer.
          return zlib.gunzipSync(gzipJoined(parts, Buffer.from(separator))).equals(joined);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("pieces that refer back across the cuts make a valid member with any separator of their length", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Text-like segments, some holding NUL bytes (those are compressed on their own).
        fc.array(fc.oneof(fc.string({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 })), { minLength: 1, maxLength: 6 }),
        fc.uint8Array({ minLength: 24, maxLength: 24 }),
        async (raw, separator) => {
          const segments = raw.map((s) => Buffer.from(s));
          const parts = await compressSegments(segments, { separatorLength: 24 });
          const joined = Buffer.concat(segments.flatMap((s, i) => (i ? [Buffer.from(separator), s] : [s])));
          return zlib.gunzipSync(gzipJoined(parts, Buffer.from(separator))).equals(joined);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("so a page cut at its nonces compresses about as well as in one piece, and refuses a separator of another length", async () => {
    const words = ["livraison", "rapide", "magasin", "conseil", "remboursement", "colis", "accueil", "prix", "qualité", "attente"];
    const paragraphs = Array.from(
      { length: 300 },
      (_, i) => `<p>Avis ${i} : ${words.map((w, j) => words[(i * 7 + j * 3) % 10] + w.slice(i % 4)).join(" ")}.</p>`,
    );
    const nonce = "n".repeat(24);
    const page = Buffer.from(
      [0, 100, 200, 300].map((at, k) => `<script nonce="${nonce}">${k}</script>${paragraphs.slice(at, at + 100).join("")}`).join(""),
    );
    const segments = splitAt(page, Buffer.from(nonce));
    const apart = await compressSegments(segments);
    const together = await compressSegments(segments, { separatorLength: 24 });
    const whole = zlib.gzipSync(page, { level: 9 }).length;
    expect(together.bytes).toBeLessThan(apart.bytes);
    expect(together.bytes).toBeLessThan(whole * 1.1);
    expect(() => gzipJoined(together, Buffer.from("short"))).toThrow(RangeError);
  });

  it("reads Accept-Encoding: gzip with q > 0, or *", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
    for (const no of [undefined, "", "identity", "br", "gzip;q=0", "*;q=0", "br, *;q=0", "gzip;q=0, *"])
      expect(acceptsGzip(no), no).toBe(false);
  });
});

// ─── Through HTTP ────────────────────────────────────────────────────────────

let renders = 0;
let gate: Promise<void> | null = null;
let status = 200;
const PAGE = (nonce: string, n: number) =>
  `<!DOCTYPE html><html><head><script nonce="${nonce}">1</script></head><body>${"<p>Une crème brûlée ★ parfaite.</p>".repeat(400)}` +
  `<script nonce="${nonce}">window.__n = ${n}</script></body></html>`;

const render: RenderPage = async (_request, context) => {
  const n = ++renders;
  const nonce = `n${n}`.padEnd(24, "x");
  if (gate) await gate;
  context.cacheableDocument = { nonce };
  return new Response(PAGE(nonce, 0), {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      ETag: `W/"page-${n}"`,
      "Content-Security-Policy": `script-src 'nonce-${nonce}'`,
    },
  });
};

function cacheWith(coalesce?: { maxWaiters: number; timeoutMs: number }) {
  return new PageCache({
    enabled: true,
    maxBytes: 8 << 20,
    ttlMs: 60_000,
    sMaxAge: 10,
    staleWhileRevalidate: 60,
    readVersion: () => "v1",
    coalesce,
  });
}

const servers: Server[] = [];
async function listen(cache: PageCache): Promise<string> {
  const app = express();
  app.use(cache.middleware);
  app.all("*", createPageHandler({ render, getLoadContext: () => ({}), pageCache: cache }));
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  gate = null;
  status = 200;
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
/** A request whose body is read as it came, not decompressed. */
function raw(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}
const nonceOf = (r: Raw) => String(r.headers["content-security-policy"]).match(/'nonce-([^']+)'/)![1]!;

describe("compressed once", () => {
  it("a hit sends the bytes gzipped when the copy was stored, with its own nonce; identity to the others", async () => {
    const cache = cacheWith();
    const base = await listen(cache);
    const gzip = { "Accept-Encoding": "gzip, deflate, br" };
    const miss = await raw(`${base}/companies/acme`, gzip);
    expect(miss.headers["x-cache"]).toBe("miss");
    expect(miss.headers["content-encoding"]).toBe("gzip");
    const compressed = cache.compressions;
    expect(compressed).toBe(3); // three segments around two nonces, once

    // What was stored: the segments of the first render, compressed once (zlib is
    // deterministic: the same pieces are in every answer, byte for byte).
    const stored = await compressSegments(splitAt(Buffer.from(PAGE("n1".padEnd(24, "x"), 0)), Buffer.from("n1".padEnd(24, "x"))), {
      separatorLength: 24,
    });
    for (let i = 0; i < 3; i++) {
      const hit = await raw(`${base}/companies/acme`, gzip);
      expect(hit.headers["x-cache"]).toBe("hit");
      expect(hit.headers["content-encoding"]).toBe("gzip");
      expect(String(hit.headers.vary)).toMatch(/Cookie, Accept-Language, Accept-Encoding/);
      expect(Number(hit.headers["content-length"])).toBe(hit.body.length);
      for (const piece of stored.pieces) expect(hit.body.includes(piece)).toBe(true);
      const nonce = nonceOf(hit);
      expect(zlib.gunzipSync(hit.body).toString()).toBe(PAGE(nonce, 0));
    }
    expect(cache.compressions).toBe(compressed);
    expect(renders).toBe(1);

    const notGzip: Record<string, string>[] = [{}, { "Accept-Encoding": "identity" }, { "Accept-Encoding": "gzip;q=0" }];
    for (const headers of notGzip) {
      const plain = await raw(`${base}/companies/acme`, headers);
      expect(plain.headers["x-cache"]).toBe("hit");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.body.toString()).toBe(PAGE(nonceOf(plain), 0));
    }
    expect(cache.compressions).toBe(compressed);
  });

  it("HEAD and 304 from the compressed copy", async () => {
    const base = await listen(cacheWith());
    const first = await raw(`${base}/reviews/1`, { "Accept-Encoding": "gzip" });
    const head = await raw(`${base}/reviews/1`, { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.headers["x-cache"]).toBe("hit");
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBe(first.body.length);
    const revalidated = await raw(`${base}/reviews/1`, { "Accept-Encoding": "gzip", "If-None-Match": String(first.headers.etag) });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
  });

  it("Server-Timing: db and render on a render, cache on a copy", async () => {
    const base = await listen(cacheWith());
    const miss = await raw(`${base}/users/2`);
    expect(miss.headers["server-timing"]).toMatch(/^db;dur=[\d.]+;desc="\d+ statements?", render;dur=[\d.]+$/);
    const hit = await raw(`${base}/users/2`);
    expect(hit.headers["server-timing"]).toMatch(/^cache;desc="hit", db;dur=[\d.]+;desc="\d+ statements?"$/);
    // Outside the cache too (a POST goes straight to the handler).
    const post = await raw(`${base}/users/2`, {}, "POST");
    expect(post.headers["server-timing"]).toMatch(/db;dur=.*render;dur=/);
  });
});

describe("concurrent misses", () => {
  async function burst(base: string, n: number, path = "/companies/busy") {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const before = renders;
    const answers = Array.from({ length: n }, () => raw(`${base}${path}`, { "Accept-Encoding": "gzip" }));
    // Every request reaches the server while the first render waits.
    await new Promise((resolve) => setTimeout(resolve, 150));
    open();
    const done = await Promise.all(answers);
    gate = null;
    return { renders: renders - before, answers: done };
  }

  it("render once; the others wait and get the copy", async () => {
    const base = await listen(cacheWith({ maxWaiters: 100, timeoutMs: 5_000 }));
    const { renders: count, answers } = await burst(base, 12);
    expect(count).toBe(1);
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((a) => a.headers["x-cache"] === "miss")).toHaveLength(1);
    expect(answers.filter((a) => a.headers["x-cache"] === "coalesced")).toHaveLength(11);
    for (const a of answers) expect(zlib.gunzipSync(a.body).toString()).toBe(PAGE(nonceOf(a), 0));
    expect(new Set(answers.map(nonceOf)).size).toBe(12);
  });

  it("at most maxWaiters wait; the rest render", async () => {
    const base = await listen(cacheWith({ maxWaiters: 3, timeoutMs: 5_000 }));
    const { renders: count, answers } = await burst(base, 10);
    expect(count).toBe(7);
    expect(answers.filter((a) => a.headers["x-cache"] === "coalesced")).toHaveLength(3);
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it("a waiter that waits longer than the timeout renders its own", async () => {
    const base = await listen(cacheWith({ maxWaiters: 100, timeoutMs: 30 }));
    const { renders: count, answers } = await burst(base, 5);
    expect(count).toBe(5);
    expect(answers.every((a) => a.status === 200 && a.headers["x-cache"] === "miss")).toBe(true);
  });

  it("when the render cannot be kept (not a 200), each waiter renders its own", async () => {
    status = 404;
    const base = await listen(cacheWith({ maxWaiters: 100, timeoutMs: 5_000 }));
    const { renders: count, answers } = await burst(base, 4);
    expect(count).toBe(4);
    expect(answers.every((a) => a.status === 404 && a.headers["x-cache"] == null)).toBe(true);
  });

  it("other pages do not wait", async () => {
    const cache = cacheWith({ maxWaiters: 100, timeoutMs: 5_000 });
    const base = await listen(cache);
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const busy = raw(`${base}/companies/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    gate = null;
    const other = await raw(`${base}/companies/other`);
    expect(other.status).toBe(200);
    open();
    expect((await busy).status).toBe(200);
  });
});
