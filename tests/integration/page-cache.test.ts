// The page cache of anonymous readers through the real server (`node --import tsx server.ts`,
// PAGE_CACHE=on), sharing its SQLite file with this test process: every write below is made
// here, by the app's own model functions, in another process than the server's, and shows
// on the very next anonymous request (the triggers bump the data version in SQLite). Also:
// signed-in pages never come from the cache nor go into it, cookies keep a response out, two
// languages are kept apart, a fresh nonce per answer, 304 from the cache.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { setWarning } from "~/models/company-warnings.server";
import { decide } from "~/models/moderation.server";
import { saveReply } from "~/models/replies.server";
import { addFollowUp, voteHelpful } from "~/models/review-actions.server";
import { createReview } from "~/models/review-submission.server";
import { sessionCookieName } from "~/models/session.server";
import { addMember, caseState, makeCompany, makeUser, reviewInput, sessionCookie } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

interface Page {
  status: number;
  cache: string | null;
  cacheControl: string | null;
  csp: string | null;
  etag: string | null;
  encoding: string | null;
  setCookie: string[];
  body: string;
}

/** A GET with headers fetch() may not set (Host). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(server.base + path, { headers }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      })
      .on("error", reject);
  });
}

async function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Page> {
  const response = await fetch(server.base + path, { method, headers: { "Accept-Language": "en", ...headers }, redirect: "manual" });
  return {
    status: response.status,
    cache: response.headers.get("x-cache"),
    cacheControl: response.headers.get("cache-control"),
    csp: response.headers.get("content-security-policy"),
    etag: response.headers.get("etag"),
    encoding: response.headers.get("content-encoding"),
    setCookie: response.headers.getSetCookie(),
    body: await response.text(),
  };
}

const member = (id: number) => ({ id, role: "member" as const });
let n = 0;
const unique = (what: string) => `${what} ${Date.now().toString(36)}${++n}`;

// The world: company A (verified, with an owner) and its review by `author`; company B.
let companyA: { id: number; subjectId: number; slug: string };
let companyB: { id: number; subjectId: number; slug: string };
let author: number;
let owner: number;
let moderator: number;
let reviewId: number;
let reviewTitle: string;

function company(name: string) {
  const c = makeCompany({ name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now().toString(36)}` });
  const slug = getDb().$client.prepare<[number], { slug: string }>(`SELECT slug FROM companies WHERE id = ?`).get(c.id)!.slug;
  return { ...c, slug };
}

function postReview(authorId: number, subjectId: number, title: string, body: string) {
  const result = createReview({
    actor: member(authorId),
    subjectId,
    input: reviewInput({ stars: 4, recommend: true, title, body }),
    locale: "en",
    ipHash: null,
  });
  if (!result.ok || result.status !== "published") throw new Error(`review not published: ${JSON.stringify(result)}`);
  return result.reviewId;
}

beforeAll(async () => {
  // The server uses this test file's own database: both processes write and read it.
  server = await startServer({ PAGE_CACHE: "on", PAGE_CACHE_TTL: "600", DATABASE_URL: process.env.DATABASE_URL! });
  companyA = company("Maison Alpha");
  companyB = company("Maison Beta");
  author = makeUser({ displayName: "Alice Reviewer" });
  owner = makeUser({ displayName: "Olga Owner" });
  moderator = makeUser({ displayName: "Mona Moderator", role: "moderator" });
  addMember(companyA.id, owner, "owner");
  reviewTitle = unique("Friendly staff");
  reviewId = postReview(
    author,
    companyA.subjectId,
    reviewTitle,
    "The staff helped me find the right size, but the queue at the checkout took twenty minutes.",
  );
  // The first render compiles the app (Vite): once, before the timed tests.
  expect((await get(`/companies/${companyA.slug}`)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** Fills the cache for `path`, checks it answers from it, then writes and checks the next
 *  anonymous request renders again and shows the write. */
async function showsOnNextRequest(path: string, write: () => void, shows: (body: string) => boolean) {
  await get(path);
  const before = await get(path);
  expect(before.cache, `${path} before the write`).toBe("hit");
  expect(shows(before.body), `${path} already showed it`).toBe(false);
  write();
  const after = await get(path);
  expect(after.status).toBe(200);
  expect(after.cache, `${path} after the write`).toBe("miss");
  expect(shows(after.body), `${path} does not show the write`).toBe(true);
  expect((await get(path)).cache).toBe("hit");
}

describe("each kind of write shows on the next anonymous request", () => {
  it("a review posted (company page, home page)", async () => {
    const title = unique("Quick delivery");
    const writer = makeUser({ displayName: "Walter Writer" });
    await get("/");
    await showsOnNextRequest(
      `/companies/${companyA.slug}`,
      () =>
        void postReview(
          writer,
          companyA.subjectId,
          title,
          "Ordered on a Sunday evening, the parcel arrived on Tuesday morning, well packed and complete.",
        ),
      (b) => b.includes(title),
    );
    // The site's version moved too: the home page lists the latest reviews.
    const home = await get("/");
    expect(home.cache).toBe("miss");
    expect(home.body).toContain(title);
  });

  it("a company's reply (review page)", async () => {
    const reply = unique("Thank you for your visit");
    await showsOnNextRequest(
      `/reviews/${reviewId}`,
      () => {
        const result = saveReply({ actor: member(owner), companyId: companyA.id, reviewId, body: reply });
        if (!result.ok) throw new Error(result.kind);
      },
      (b) => b.includes(reply),
    );
  });

  it("the reviewer's follow-up (review page)", async () => {
    const followUp = unique("They called me back");
    await showsOnNextRequest(
      `/reviews/${reviewId}`,
      () => {
        const result = addFollowUp({ actor: member(author), reviewId, body: followUp });
        if (!result.ok) throw new Error(result.kind);
      },
      (b) => b.includes(followUp),
    );
  });

  it("a helpful vote (company page)", async () => {
    const reader = makeUser();
    await showsOnNextRequest(
      `/companies/${companyA.slug}`,
      () => {
        const result = voteHelpful({ actor: member(reader), reviewId });
        if (!result.ok) throw new Error(result.kind);
      },
      (b) => b.includes("1 person found this helpful"),
    );
  });

  it("a company warning (company page), and company B's page stays cached", async () => {
    const statement = unique("Several reviews were written by the company's staff");
    await get(`/companies/${companyB.slug}`);
    await showsOnNextRequest(
      `/companies/${companyA.slug}`,
      () => {
        const result = setWarning({
          actor: { id: moderator, role: "moderator" },
          companyId: companyA.id,
          reason: "review_manipulation",
          statement,
          language: "en",
          expiresAt: Date.now() + 30 * 86_400_000,
        });
        if (!result.ok) throw new Error(result.kind);
      },
      (b) => b.includes(statement),
    );
    expect((await get(`/companies/${companyB.slug}`)).cache).toBe("hit");
  });

  it("a display name changed (company page, profile page)", async () => {
    const name = unique("Alicia");
    // No form renames a member today; the write is the row's, whoever makes it.
    const rename = (to: string) => getDb().$client.prepare(`UPDATE users SET display_name = ? WHERE id = ?`).run(to, author);
    await showsOnNextRequest(
      `/companies/${companyA.slug}`,
      () => rename(name),
      (b) => b.includes(name),
    );
    const other = unique("Alix");
    await showsOnNextRequest(
      `/users/${author}`,
      () => rename(other),
      (b) => b.includes(other),
    );
  });

  it("a moderator's removal (company page)", async () => {
    const title = unique("Rude words");
    const target = postReview(
      makeUser(),
      companyA.subjectId,
      title,
      "Honestly the worst shop in town, avoid the manager at all costs, a disgrace to commerce.",
    );
    await showsOnNextRequest(
      `/companies/${companyA.slug}`,
      () => {
        const result = decide({
          actor: { id: moderator, role: "moderator" },
          reviewId: target,
          target: "review",
          decision: "remove",
          reason: "offensive",
          statement: "This review insults a named employee, which our rules do not allow.",
          ...caseState(target),
        });
        if (!result.ok) throw new Error(result.kind);
      },
      (b) => !b.includes(title),
    );
  });
});

describe("resources", () => {
  it("the company feed shows a new review on the next request; the sitemap keeps its own headers", async () => {
    const title = unique("Lovely bread");
    await showsOnNextRequest(
      `/companies/${companyA.slug}/feed.atom`,
      () =>
        void postReview(
          makeUser(),
          companyA.subjectId,
          title,
          "The sourdough was crusty outside and soft inside, still warm at eight in the morning.",
        ),
      (b) => b.includes(title),
    );
    await get("/sitemap.xml");
    const sitemap = await get("/sitemap.xml");
    expect(sitemap.cache).toBe("hit");
    expect(sitemap.cacheControl).toBe("public, max-age=3600");
    expect(sitemap.csp).toBeNull();
    expect(sitemap.body).toMatch(/<sitemapindex|<urlset/);
  });
});

describe("who gets a cached page", () => {
  it("a signed-in page is never served from the cache, never stored, never shown to anyone else", async () => {
    const alice = makeUser({ displayName: unique("Signed Alice") });
    const bob = makeUser({ displayName: unique("Signed Bob") });
    const aliceName = getDb().$client.prepare<[number], { n: string }>(`SELECT display_name AS n FROM users WHERE id = ?`).get(alice)!.n;
    const bobName = getDb().$client.prepare<[number], { n: string }>(`SELECT display_name AS n FROM users WHERE id = ?`).get(bob)!.n;
    // A path nobody anonymous asked for yet: the signed-in render comes first.
    const path = `/companies/${companyA.slug}?sort=helpful`;
    const asAlice = await get(path, { Cookie: sessionCookie(alice) });
    expect(asAlice.status).toBe(200);
    expect(asAlice.cache).toBeNull();
    expect(asAlice.cacheControl).toBe("private, no-store");
    expect(asAlice.body).toContain(aliceName);
    const anonymous = await get(path);
    expect(anonymous.cache).toBe("miss");
    expect(anonymous.body).not.toContain(aliceName);
    expect((await get(path)).cache).toBe("hit");
    // The anonymous copy now exists: signed-in visitors still get their own page.
    const asBob = await get(path, { Cookie: sessionCookie(bob) });
    expect(asBob.cache).toBeNull();
    expect(asBob.cacheControl).toBe("private, no-store");
    expect(asBob.body).toContain(bobName);
    expect(asBob.body).not.toContain(aliceName);
    // Even with the lang cookie beside the session.
    const asAliceEn = await get(path, { Cookie: `lang=en; ${sessionCookie(alice)}` });
    expect(asAliceEn.cache).toBeNull();
    expect(asAliceEn.body).toContain(aliceName);
  });

  it("a response that sets a cookie is not cached", async () => {
    // ?lang= remembers the language in a cookie.
    const path = `/companies/${companyA.slug}?lang=en`;
    for (let i = 0; i < 2; i++) {
      const page = await get(path);
      expect(page.setCookie.some((c) => c.startsWith("lang=en"))).toBe(true);
      expect(page.cache).toBeNull();
      expect(page.cacheControl ?? "").not.toContain("public");
    }
    // A stale session cookie is cleared by a Set-Cookie: that answer is not kept either, and
    // the anonymous copy it would have matched is not served to it.
    await get(`/companies/${companyA.slug}`);
    const stale = await get(`/companies/${companyA.slug}`, { Cookie: `${sessionCookieName(false)}=${"a".repeat(26)}.${"b".repeat(26)}` });
    expect(stale.cache).toBeNull();
    expect(stale.setCookie.some((c) => c.startsWith(`${sessionCookieName(false)}=;`))).toBe(true);
  });

  it("pages that are not public reading pages are never cached", async () => {
    for (const path of [
      "/login",
      "/signup",
      "/report",
      "/write-a-review",
      "/companies/new",
      `/companies/${companyA.slug}/claim`,
      "/healthz",
      "/account",
    ]) {
      const page = await get(path);
      expect(page.cache, path).toBeNull();
      expect(page.cacheControl ?? "", path).not.toContain("public, max-age=0");
    }
  });
});

describe("what a cached page looks like", () => {
  it("two languages are cached apart, by the language the page renders in", async () => {
    const path = `/companies/${companyB.slug}?utm_source=languages`;
    const en = await get(path, { "Accept-Language": "en-GB,en;q=0.8" });
    const fr = await get(path, { "Accept-Language": "fr-FR" });
    expect([en.cache, fr.cache]).toEqual(["miss", "miss"]);
    expect(en.body).toContain('<html lang="en"');
    expect(fr.body).toContain('<html lang="fr"');
    const enAgain = await get(path, { "Accept-Language": "en" });
    const frAgain = await get(path, { "Accept-Language": "fr" });
    expect([enAgain.cache, frAgain.cache]).toEqual(["hit", "hit"]);
    expect(enAgain.body).toContain('<html lang="en"');
    expect(frAgain.body).toContain('<html lang="fr"');
    // The cookie wins over Accept-Language, as getLocale decides.
    const byCookie = await get(path, { "Accept-Language": "fr", Cookie: "lang=en" });
    expect(byCookie.cache).toBe("hit");
    expect(byCookie.body).toContain('<html lang="en"');
  });

  it("public headers for a CDN, compressed, a fresh nonce per answer matching its CSP", async () => {
    const path = `/reviews/${reviewId}`;
    await get(path);
    const a = await get(path);
    const b = await get(path);
    expect([a.cache, b.cache]).toEqual(["hit", "hit"]);
    expect(a.cacheControl).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(a.encoding).toMatch(/gzip|br|deflate/);
    const nonces = [a, b].map((page) => {
      const fromCsp = page.csp?.match(/'nonce-([^']+)'/)?.[1];
      expect(fromCsp).toBeTruthy();
      const inHtml = new Set([...page.body.matchAll(/ nonce="([^"]+)"/g)].map((m) => m[1]));
      expect([...inHtml]).toEqual([fromCsp]);
      return fromCsp;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(b.body.replaceAll(nonces[1]!, "")).toBe(a.body.replaceAll(nonces[0]!, ""));
  });

  it("a copy answered before Express has every header of the site, and only at the site's origin", async () => {
    const path = `/reviews/${reviewId}`;
    await get(path);
    const response = await fetch(server.base + path, { headers: { "Accept-Language": "en", "Accept-Encoding": "gzip" } });
    await response.arrayBuffer();
    expect(response.headers.get("x-cache")).toBe("hit");
    expect(response.headers.get("server-timing")).toMatch(/^cache;desc="hit", db;dur=[\d.]+;desc="\d+ statements?"$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    // Another Host is refused as before: no copy is answered to it.
    const elsewhere = await rawGet(path, { Host: "elsewhere.example", "Accept-Encoding": "gzip" });
    expect(elsewhere.status).toBe(421);
    expect(elsewhere.headers["x-cache"]).toBeUndefined();
    // ?lang= sets the language cookie: rendered for this visitor, not a copy.
    const switched = await get(`${path}?lang=fr`, { "Accept-Encoding": "gzip" });
    expect(switched.setCookie.some((c) => c.startsWith("lang=fr"))).toBe(true);
    expect(switched.cache).not.toBe("hit");
  });

  it("304 on If-None-Match from the cache; a HEAD and a revalidation fill it whole", async () => {
    const path = `/companies/${companyB.slug}?utm_source=etag`;
    const head = await get(path, { "If-None-Match": 'W/"not-this-one"' }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.cache).toBe("miss");
    const full = await get(path);
    expect(full.cache).toBe("hit");
    expect(full.body).toContain("Maison Beta");
    const revalidated = await get(path, { "If-None-Match": full.etag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.cache).toBe("hit");
    expect(revalidated.body).toBe("");
    // After a write the page changed: a full answer with another ETag.
    getDb().$client.prepare(`UPDATE companies SET name = 'Maison Beta & Fils' WHERE id = ?`).run(companyB.id);
    const changed = await get(path, { "If-None-Match": full.etag! });
    expect(changed.status).toBe(200);
    expect(changed.cache).toBe("miss");
    expect(changed.etag).not.toBe(full.etag);
    expect(changed.body).toContain("Maison Beta &amp; Fils");
  });
});
