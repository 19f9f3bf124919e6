// The embeddable widget (/widget/:slug) and the TrustScore badge (/companies/:slug/badge.svg):
// what they show (each review with its reply, as prominent: the same Thread as every page),
// in French and in English; the headers that let other sites frame and cache them (while
// every other page refuses framing); the ETag; and, through the real server with its page
// cache on, that a write to the company shows on the very next request.
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { EMBED_CACHE_CONTROL } from "~/lib/conditional-response.server";
import { cacheablePath } from "~/lib/page-cache-routes";
import { securityHeaders } from "~/lib/security-headers.server";
import { loader as badgeLoader } from "~/routes/companies.$slug.badge[.]svg";
import { loader as widgetLoader } from "~/routes/widget.$slug";
import { callLoader, getRequest, makeCompany, makeReply, makeReview, makeUser } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

const client = () => getDb().$client;
const DAY = 86_400_000;
const slugOf = (companyId: number) =>
  client().prepare<[number], { slug: string }>(`SELECT slug FROM companies WHERE id = ?`).get(companyId)!.slug;

const widget = (slug: string, query = "", headers: Record<string, string> = {}) =>
  callLoader(widgetLoader, getRequest(`/widget/${slug}${query}`, { headers }), { slug });
const badge = (slug: string, query = "", headers: Record<string, string> = {}) =>
  callLoader(badgeLoader, getRequest(`/companies/${slug}/badge.svg${query}`, { headers }), { slug });

const html = (data: unknown) => new JSDOM(String(data)).window.document;
const svg = (data: unknown) => new JSDOM(String(data), { contentType: "image/svg+xml" }).window.document;

/** A verified company with four published reviews, the two newest answered. */
function companyWithReviews(name = "Maison Widget") {
  const c = makeCompany({ name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now().toString(36)}` });
  const author = makeUser({ displayName: "Inès Lectrice" });
  const ids = [5, 4, 3, 2].map((stars, i) =>
    makeReview({
      companyId: c.id,
      subjectId: c.subjectId,
      authorId: author,
      stars,
      title: `Avis numéro ${i}`,
      publishedAt: Date.now() - (10 - i) * DAY,
    }),
  );
  makeReply(ids[3], "Nous sommes désolés pour l’attente en caisse.", Date.now() - DAY);
  makeReply(ids[2], "Merci, toute l’équipe est ravie.", Date.now() - DAY);
  return { ...c, slug: slugOf(c.id), ids };
}

describe("the widget", () => {
  it("shows the TrustScore, the count and the latest reviews, each with its reply in the same block and body type", async () => {
    const c = companyWithReviews();
    const answer = await widget(c.slug, "?lang=fr");
    expect(answer.status).toBe(200);
    const doc = html(answer.data);
    expect(doc.documentElement.lang).toBe("fr");
    expect(doc.title).toBe("Avis sur Maison Widget sur Réplique");
    expect(doc.querySelector("h1")?.textContent).toContain("Maison Widget");
    expect(doc.querySelector("[data-testid=trustscore]")?.textContent).toMatch(/^\d,\d \/ 5$/);
    expect(doc.querySelector("[data-testid=review-count]")?.textContent).toBe("4 avis");
    const threads = [...doc.querySelectorAll("article.thread")];
    expect(threads.map((t) => t.querySelector(".post__title")?.textContent)).toEqual(["Avis numéro 3", "Avis numéro 2", "Avis numéro 1"]);
    for (const [thread, reply] of [
      [threads[0], "Nous sommes désolés"],
      [threads[1], "toute l’équipe est ravie"],
    ] as const) {
      const [review, answerPost] = [...thread.children];
      expect(review.classList.contains("post--review")).toBe(true);
      expect(answerPost.classList.contains("post--reply")).toBe(true);
      expect(answerPost.textContent).toContain(reply);
      expect(answerPost.textContent).toContain("Maison Widget");
      // The same block, and the same body class (size, width and truncation) as the review.
      expect(answerPost.querySelector(".post__body")?.className).toBe(review.querySelector(".post__body")?.className);
    }
    expect(threads[2].querySelector(".post--reply")).toBeNull();
  });

  it("is a document of its own: no site header, footer, form or script; links open on the site in a new tab", async () => {
    const c = companyWithReviews();
    const doc = html((await widget(c.slug)).data);
    expect(doc.querySelector(".site-header, .site-footer, form, script")).toBeNull();
    expect(doc.querySelector("base")?.getAttribute("target")).toBe("_blank");
    expect(doc.querySelector("main")).not.toBeNull();
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`http://localhost/companies/${c.slug}`);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect([...doc.querySelectorAll("h1, h2, h3")].map((h) => h.tagName)).toEqual(["H1", "H2", "H3", "H3", "H3"]);
  });

  it("speaks English with ?lang=en, and shows 1 to 10 reviews (?count=)", async () => {
    const c = companyWithReviews("Widget English");
    const doc = html((await widget(c.slug, "?lang=en&count=1")).data);
    expect(doc.documentElement.lang).toBe("en");
    expect(doc.querySelector("[data-testid=review-count]")?.textContent).toBe("4 reviews");
    expect(doc.querySelector("[data-testid=trustscore]")?.textContent).toMatch(/^\d\.\d \/ 5$/);
    expect(doc.querySelectorAll("article.thread")).toHaveLength(1);
    expect(html((await widget(c.slug, "?count=99")).data).querySelectorAll("article.thread")).toHaveLength(3);
    expect(html((await widget(c.slug, "?count=10")).data).querySelectorAll("article.thread")).toHaveLength(4);
  });

  it("may be framed by any site, is cached five minutes with an ETag; every other page keeps refusing framing", async () => {
    const c = companyWithReviews();
    const answer = await widget(c.slug);
    expect(answer.headers.get("Content-Security-Policy")).toContain("frame-ancestors *");
    expect(answer.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(answer.headers.get("Cache-Control")).toBe(EMBED_CACHE_CONTROL);
    expect(EMBED_CACHE_CONTROL).toMatch(/^public, max-age=300, stale-while-revalidate=\d+$/);
    expect(answer.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    expect(securityHeaders("nonce")["Content-Security-Policy"]).toContain("frame-ancestors 'none'");

    const etag = answer.headers.get("ETag")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const unchanged = await widget(c.slug, "", { "If-None-Match": etag });
    expect(unchanged.status).toBe(304);
    makeReply(c.ids[1], "Une réponse écrite à l’instant.");
    const changed = await widget(c.slug, "", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(String(changed.data)).toContain("Une réponse écrite à l’instant.");
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("says when no moderator has checked the company yet, and is a 404 for a refused one", async () => {
    const pending = companyWithReviews("Widget Pending");
    client().prepare(`UPDATE companies SET listing = 'pending' WHERE id = ?`).run(pending.id);
    expect(html((await widget(pending.slug, "?lang=en")).data).querySelector(".notice")?.textContent).toContain(
      "not yet checked by a moderator",
    );
    client().prepare(`UPDATE companies SET listing = 'refused' WHERE id = ?`).run(pending.id);
    expect((await widget(pending.slug)).status).toBe(404);
  });
});

describe("the badge", () => {
  it("is an accessible SVG image: role img, labelled by its title and description, in French or in English", async () => {
    const c = companyWithReviews("Badge Maison");
    const fr = await badge(c.slug, "?lang=fr");
    expect(fr.status).toBe(200);
    expect(fr.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    const doc = svg(fr.data);
    const root = doc.documentElement;
    expect(root.getAttribute("role")).toBe("img");
    expect(root.getAttribute("lang")).toBe("fr");
    const [title, desc] = (root.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => doc.getElementById(id));
    expect(title?.tagName).toBe("title");
    expect(title?.textContent).toMatch(/^Badge Maison\u202F: TrustScore \d,\d sur 5 sur Réplique$/);
    expect(desc?.textContent).toMatch(/^4 avis · Moyenne simple \d,\d \/ 5$/);
    expect(root.querySelector("g")?.getAttribute("aria-hidden")).toBe("true");
    expect([...root.querySelectorAll("text")].map((t) => t.textContent)).toEqual([
      "Réplique",
      expect.stringMatching(/^TrustScore \d,\d\/5 · 4 avis$/),
    ]);

    const en = svg((await badge(c.slug, "?lang=en")).data);
    expect(en.querySelector("title")?.textContent).toMatch(/^Badge Maison: TrustScore \d\.\d out of 5 on Réplique$/);
    expect(en.querySelector("desc")?.textContent).toMatch(/^4 reviews · Plain average \d\.\d \/ 5$/);
  });

  it("says so when there is no review yet, escapes the company's name, and is a 404 for an unknown company", async () => {
    const c = makeCompany({ name: `Café <"Les Amis"> & Co`, slug: `cafe-amis-${Date.now()}` });
    const answer = await badge(slugOf(c.id), "?lang=en");
    const doc = svg(answer.data);
    expect(doc.querySelector("parsererror")).toBeNull();
    expect(doc.querySelector("title")?.textContent).toBe(`Café <"Les Amis"> & Co on Réplique: no reviews yet`);
    expect(doc.querySelectorAll("text")[1]?.textContent).toBe("No reviews yet");
    expect((await badge("no-such-company")).status).toBe(404);
  });

  it("is cached five minutes with an ETag and shows the next write", async () => {
    const c = companyWithReviews("Badge Cache");
    const first = await badge(c.slug, "?lang=en");
    expect(first.headers.get("Cache-Control")).toBe(EMBED_CACHE_CONTROL);
    expect(first.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    const etag = first.headers.get("ETag")!;
    expect((await badge(c.slug, "?lang=en", { "If-None-Match": etag })).status).toBe(304);
    makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: null, stars: 1 });
    const after = await badge(c.slug, "?lang=en", { "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(svg(after.data).querySelector("desc")?.textContent).toMatch(/^5 reviews/);
  });
});

describe("through the real server, page cache on", () => {
  let server: RunningServer;
  let c: ReturnType<typeof companyWithReviews>;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.base + path, { headers, redirect: "manual" });

  beforeAll(async () => {
    server = await startServer({ PAGE_CACHE: "on", PAGE_CACHE_TTL: "600", DATABASE_URL: process.env.DATABASE_URL! });
    c = companyWithReviews("Maison Serveur");
    // The first render compiles the app (Vite): once, before the tests.
    expect((await get(`/companies/${c.slug}`)).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("the page cache keeps neither (the badge's path is a company page's, but it is no document)", async () => {
    expect(cacheablePath(`/widget/${c.slug}`)).toBeNull();
    for (const path of [`/widget/${c.slug}?lang=en`, `/companies/${c.slug}/badge.svg?lang=en`]) {
      await get(path);
      const again = await get(path);
      expect(again.status, path).toBe(200);
      expect(again.headers.get("x-cache"), path).toBeNull();
      expect(again.headers.get("cache-control"), path).toBe(EMBED_CACHE_CONTROL);
    }
  });

  it("a write to the company shows on the next request; an unchanged one is a 304", async () => {
    for (const path of [`/widget/${c.slug}?lang=en`, `/companies/${c.slug}/badge.svg?lang=en`]) {
      const first = await get(path);
      const etag = first.headers.get("etag")!;
      expect((await get(path, { "If-None-Match": etag })).status, path).toBe(304);
    }
    const before = await (await get(`/widget/${c.slug}?lang=en`)).text();
    expect(before).not.toContain("Written a moment ago");
    makeReply(c.ids[1], "Written a moment ago, shown at once.");
    const after = await get(`/widget/${c.slug}?lang=en`);
    expect(await after.text()).toContain("Written a moment ago, shown at once.");
    makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: null, stars: 1 });
    expect(await (await get(`/companies/${c.slug}/badge.svg?lang=en`)).text()).toContain("5 reviews");
  });

  it("sends the widget with frame-ancestors * and no X-Frame-Options, and every other page with frame-ancestors 'none'", async () => {
    const framed = await get(`/widget/${c.slug}?lang=en`);
    expect(framed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    // No X-Frame-Options on embeds, and no language cookie on a public answer.
    expect(framed.headers.get("x-frame-options")).toBeNull();
    expect(framed.headers.get("set-cookie")).toBeNull();
    expect((await get(`/companies/${c.slug}/badge.svg?lang=fr`)).headers.get("set-cookie")).toBeNull();
    const page = await get(`/companies/${c.slug}`);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });
});
