// The reading pages as the real server sends them (`node --import tsx server.ts`, sharing this
// test file's database), parsed as a browser parses them (jsdom), in French and English:
// error pages with one <title>, in <head>; heading levels that never skip and landmark
// labels that are unique on a company page and a profile; the scrolling tables of
// /transparency reachable by keyboard; stars told apart by shape; and what search engines
// read — each language version canonical to itself, page 2 to itself, the share image and
// Twitter card, the feed and the JSON API advertised and linked, a subject's title and
// JSON-LD agreeing with its page, robots.txt letting crawlers see the noindex of /search.
import Validator from "@adobe/structured-data-validator";
import WebAutoExtractor from "@marbec/web-auto-extractor";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { addMember, makeCompany, makeFollowUp, makeReply, makeReview, makeSubject, makeUser, sessionCookie } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

const DAY = 86_400_000;
const LANGS = ["fr", "en"] as const;
let server: RunningServer;

interface Page {
  status: number;
  type: string;
  doc: Document;
}

async function page(path: string, options: { lang?: string; cookie?: string } = {}): Promise<Page> {
  const headers: Record<string, string> = { "Accept-Language": options.lang ?? "en" };
  if (options.cookie) headers.Cookie = options.cookie;
  const response = await fetch(server.base + path, { headers, redirect: "manual" });
  const html = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", doc: new JSDOM(html).window.document };
}

// The world: a verified company with 24 reviews (two with the same title), replies and
// follow-ups on some, a store named after the company and a product that is not; a reader
// whose profile lists half of them; a member of no company.
let slug: string;
let storeSlug: string;
let productSlug: string;
let readerId: number;
let memberCookie: string;

const slugOfSubject = (id: number) =>
  getDb().$client.prepare<[number], { slug: string }>(`SELECT slug FROM subjects WHERE id = ?`).get(id)!.slug;

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: process.env.DATABASE_URL! });
  slug = `maison-outline-${Date.now().toString(36)}`;
  const company = makeCompany({ name: "Maison Outline", slug });
  const product = makeSubject(company.id, { name: "Coffret découverte", kind: "product" });
  storeSlug = slugOfSubject(company.subjectId);
  productSlug = slugOfSubject(product);
  addMember(company.id, makeUser({ displayName: "Olivia Owner" }), "owner");
  readerId = makeUser({ displayName: "Nadia Lectrice" });
  for (let i = 0; i < 24; i++) {
    const publishedAt = Date.now() - (i + 1) * DAY;
    const id = makeReview({
      companyId: company.id,
      subjectId: i % 3 === 0 ? product : company.subjectId,
      authorId: i % 2 === 0 ? readerId : makeUser({ displayName: `Lecteur ${i}` }),
      stars: 1 + (i % 5),
      title: i < 2 ? "Même titre, autre jour" : `Avis numéro ${i}`,
      publishedAt,
    });
    if (i % 2 === 0) makeReply(id, "Merci pour votre retour, nous regardons cela.", publishedAt + 3_600_000);
    if (i % 4 === 0) makeFollowUp(id, "Toujours rien reçu.", publishedAt + 7_200_000);
  }
  memberCookie = sessionCookie(makeUser({ displayName: "Marc Membre" }));
  // The first render compiles the app (Vite): once, before the timed tests.
  expect((await page(`/companies/${slug}`)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

// ─── What a browser's accessibility tree would say, enough for these checks ───────────────

const SECTIONING = "article, aside, main, nav, section";
const LANDMARK_ROLES = ["banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"];

function accessibleName(el: Element): string {
  const ids = el.getAttribute("aria-labelledby");
  if (ids) {
    return ids
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim();
  }
  return (el.getAttribute("aria-label") ?? "").trim();
}

function landmarkRole(el: Element): string | null {
  const explicit = el.getAttribute("role");
  const named = accessibleName(el) !== "";
  if (explicit) return LANDMARK_ROLES.includes(explicit) && (named || !["region", "form"].includes(explicit)) ? explicit : null;
  const scoped = el.parentElement?.closest(SECTIONING) != null;
  const implicit: Record<string, string | null> = {
    HEADER: scoped ? null : "banner",
    FOOTER: scoped ? null : "contentinfo",
    MAIN: "main",
    NAV: "navigation",
    ASIDE: "complementary",
    SECTION: named ? "region" : null,
    FORM: named ? "form" : null,
  };
  return implicit[el.tagName] ?? null;
}

/** "role: name" of each landmark, in document order. */
function landmarks(doc: Document): string[] {
  return [...doc.querySelectorAll("header, footer, main, nav, aside, section, form, [role]")].flatMap((el) => {
    const role = landmarkRole(el);
    return role ? [`${role}: ${accessibleName(el)}`] : [];
  });
}

const duplicates = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i);

/** The heading levels in document order. */
const headingLevels = (doc: Document) => [...doc.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));

function skips(levels: number[]): string[] {
  return levels.flatMap((level, i) => (i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level} (heading ${i + 1})`] : []));
}

// ─── Error pages ──────────────────────────────────────────────────────────────

describe("error pages", () => {
  const titles = {
    404: { en: "Page not found — Réplique", fr: "Page introuvable — Réplique" },
    403: { en: "Not allowed — Réplique", fr: "Action non autorisée — Réplique" },
  };
  // The splat route's boundary, a route's own boundary (404 and 403), a layout's (403).
  const cases = [
    { name: "an unknown address", path: () => "/no/such/page", status: 404 as const, signedIn: false },
    { name: "an unknown company", path: () => "/companies/does-not-exist", status: 404 as const, signedIn: false },
    { name: "/moderation for a member", path: () => "/moderation", status: 403 as const, signedIn: true },
    { name: "another company's dashboard", path: () => `/brand/${slug}`, status: 403 as const, signedIn: true },
  ];
  for (const lang of LANGS) {
    it.each(cases)(`$name: one <title>, in <head>, the error's (${lang})`, async ({ path, status, signedIn }) => {
      const p = path();
      const { status: got, doc } = await page(p, { lang, cookie: signedIn ? memberCookie : undefined });
      expect(got, p).toBe(status);
      const all = [...doc.querySelectorAll("title")];
      expect(all, p).toHaveLength(1);
      expect(all[0]!.parentElement, p).toBe(doc.head);
      expect(all[0]!.textContent).toBe(titles[status][lang]);
      expect(doc.querySelector("h1")?.textContent).toBe(titles[status][lang].replace(" — Réplique", ""));
    });
  }
});

// ─── Headings and landmarks ───────────────────────────────────────────────────

describe("headings and landmarks", () => {
  for (const lang of LANGS) {
    it(`a company page and a profile: one h1, no skipped heading level, unique landmark labels (${lang})`, async () => {
      for (const path of [`/companies/${slug}`, `/users/${readerId}`, `/companies/${slug}/${storeSlug}`]) {
        const { status, doc } = await page(path, { lang });
        expect(status, path).toBe(200);
        const levels = headingLevels(doc);
        expect(levels[0], path).toBe(1);
        expect(
          levels.filter((l) => l === 1),
          path,
        ).toHaveLength(1);
        expect(skips(levels), path).toEqual([]);
        const marks = landmarks(doc);
        expect(duplicates(marks), path).toEqual([]);
        // One search landmark in the header, named; replies and follow-ups are labelled.
        expect(
          marks.filter((m) => m.startsWith("search:")),
          path,
        ).toEqual([`search: ${lang === "fr" ? "Recherche sur le site" : "Site search"}`]);
        expect(
          marks.some((m) => m.startsWith(`region: ${lang === "fr" ? "Réponse de" : "Reply from"} Maison Outline`)),
          path,
        ).toBe(true);
        // Each thread has a heading of its own (not only inside a nested section).
        for (const article of doc.querySelectorAll("article.thread")) {
          const own = [...article.querySelectorAll("h2, h3")].filter((h) => h.parentElement?.closest(SECTIONING) === article);
          expect(own.length, `${path} #${article.id}`).toBeGreaterThan(0);
        }
      }
    });
  }

  it("/search names its own search form apart from the header's", async () => {
    const { doc } = await page("/search?q=outline");
    expect(duplicates(landmarks(doc))).toEqual([]);
    expect(landmarks(doc).filter((m) => m.startsWith("search:"))).toEqual(["search: Site search", "search: Search with filters"]);
  });

  it("the logo link is named by its visible text", async () => {
    for (const lang of LANGS) {
      const link = (await page("/", { lang })).doc.querySelector("a.brand")!;
      const visible = [...link.childNodes]
        .filter((n) => !(n instanceof link.ownerDocument.defaultView!.Element && n.getAttribute("aria-hidden") === "true"))
        .map((n) => n.textContent)
        .join("")
        .trim();
      expect(visible).toBe("Réplique");
      const name = link.getAttribute("aria-label") ?? visible;
      expect(name).toContain(visible);
    }
  });
});

// ─── /transparency and the stars ──────────────────────────────────────────────

describe("keyboard and colour", () => {
  it.each(LANGS)("every scrolling table of /transparency is a named region that takes the focus (%s)", async (lang) => {
    const { doc } = await page("/transparency", { lang });
    const wraps = [...doc.querySelectorAll(".table-wrap")];
    expect(wraps.length).toBeGreaterThanOrEqual(4);
    for (const wrap of wraps) {
      expect(wrap.getAttribute("role")).toBe("region");
      expect(wrap.getAttribute("tabindex")).toBe("0");
      expect(accessibleName(wrap)).toBe(wrap.querySelector("caption")?.textContent);
    }
    expect(duplicates(wraps.map(accessibleName))).toEqual([]);
  });

  it("filled stars are solid, unfilled ones an outline: not told apart by colour alone", async () => {
    const { doc } = await page(`/companies/${slug}`);
    const stars = [...doc.querySelectorAll(".stars > span")];
    expect(stars.length).toBeGreaterThan(20);
    for (const star of stars) expect(star.textContent).toBe(star.classList.contains("stars__off") ? "☆" : "★");
    expect(stars.some((s) => s.classList.contains("stars__off"))).toBe(true);
  });
});

// ─── What search engines read ─────────────────────────────────────────────────

const href = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute("href") ?? null;
const metaContent = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute("content") ?? null;
const jsonLd = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
/** The TrustScore the page's headline shows ("3,7 / 5" or "3.7 / 5"). */
const headline = (doc: Document) =>
  Number(doc.querySelector("[data-testid=trustscore]")!.textContent!.split("/")[0]!.trim().replace(",", "."));

describe("SEO", () => {
  it("each ?lang= version is canonical to itself, with reciprocal hreflang and the bare URL as x-default", async () => {
    for (const path of [`/companies/${slug}`, "/transparency", `/users/${readerId}`]) {
      const bare = `${server.base}${path}`;
      for (const lang of [null, ...LANGS]) {
        const { doc } = await page(lang ? `${path}?lang=${lang}` : path, { lang: "en" });
        const canonical = href(doc, 'link[rel="canonical"]');
        expect(canonical, `${path} ?lang=${lang}`).toBe(lang ? `${bare}?lang=${lang}` : bare);
        expect(metaContent(doc, 'meta[property="og:url"]')).toBe(canonical);
        expect(href(doc, 'link[rel="alternate"][hreflang="fr"]')).toBe(`${bare}?lang=fr`);
        expect(href(doc, 'link[rel="alternate"][hreflang="en"]')).toBe(`${bare}?lang=en`);
        expect(href(doc, 'link[rel="alternate"][hreflang="x-default"]')).toBe(bare);
      }
    }
  });

  it("page 2 of a company is canonical to itself, not to page 1", async () => {
    const first = await page(`/companies/${slug}?lang=fr`, { lang: "fr" });
    const next = first.doc.querySelector('a[rel="next"]')?.getAttribute("href");
    expect(next).toBeTruthy();
    const second = await page(next!, { lang: "fr" });
    expect(second.status).toBe(200);
    const canonical = new URL(href(second.doc, 'link[rel="canonical"]')!);
    const expected = new URL(next!, server.base);
    expect(canonical.pathname).toBe(`/companies/${slug}`);
    expect(canonical.searchParams.get("before")).toBe(expected.searchParams.get("before"));
    expect(canonical.searchParams.get("lang")).toBe("fr");
    expect(new URL(href(second.doc, 'link[rel="alternate"][hreflang="x-default"]')!).searchParams.get("before")).toBe(
      expected.searchParams.get("before"),
    );
  });

  it("a share image the site serves — the company's own card on its page, the site's elsewhere — and Twitter card tags", async () => {
    const transparency = await page("/transparency");
    expect(metaContent(transparency.doc, 'meta[property="og:image"]')).toBe(`${server.base}/og-image.png`);
    const { doc } = await page(`/companies/${slug}`);
    const image = metaContent(doc, 'meta[property="og:image"]');
    expect(image).toBe(`${server.base}/companies/${slug}/share.png?lang=en`);
    const alt = metaContent(doc, 'meta[property="og:image:alt"]')!;
    expect(alt).toMatch(/^Maison Outline/);
    expect(alt).toContain(`on Réplique: TrustScore ${headline(doc)} / 5`);
    expect(alt).toContain("24");
    expect(metaContent(doc, 'meta[name="twitter:card"]')).toBe("summary_large_image");
    expect(metaContent(doc, 'meta[name="twitter:image"]')).toBe(image);
    expect(metaContent(doc, 'meta[name="twitter:title"]')).toBe(doc.title);
    expect(metaContent(doc, 'meta[property="og:image:alt"]')).toBeTruthy();
    const response = await fetch(image!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it("a company page advertises and links its Atom feed and its JSON API", async () => {
    const { doc } = await page(`/companies/${slug}`, { lang: "fr" });
    const feed = href(doc, 'link[rel="alternate"][type="application/atom+xml"]');
    const api = href(doc, 'link[rel="alternate"][type="application/json"]');
    expect(feed).toBe(`${server.base}/companies/${slug}/feed.atom`);
    expect(api).toBe(`${server.base}/api/companies/${slug}`);
    expect(doc.querySelector(`main a[href="/companies/${slug}/feed.atom"]`)?.textContent).toContain("Flux Atom");
    expect(doc.querySelector(`main a[href="/api/companies/${slug}"]`)?.textContent).toContain("JSON");
    expect((await fetch(feed!)).headers.get("content-type")).toContain("application/atom+xml");
    expect((await fetch(api!)).headers.get("content-type")).toContain("application/json");
  });

  it("a subject page's title names the company once; its JSON-LD rating is its headline's", async () => {
    for (const [subject, title] of [
      [storeSlug, "Maison Outline — Paris — Réplique"],
      [productSlug, "Coffret découverte — Maison Outline — Réplique"],
    ]) {
      const { doc } = await page(`/companies/${slug}/${subject}`, { lang: "fr" });
      expect(doc.title).toBe(title);
      const rating = jsonLd(doc).aggregateRating;
      expect(rating.ratingValue).toBe(headline(doc));
      expect(rating.reviewCount).toBeGreaterThan(0);
    }
    const company = await page(`/companies/${slug}`);
    expect(jsonLd(company.doc).aggregateRating.ratingValue).toBe(headline(company.doc));
    expect(jsonLd(company.doc).aggregateRating.reviewCount).toBe(24);
  });

  it("a review-snippet validator (@adobe/structured-data-validator, Google's rich-result rules) accepts the JSON-LD of company, subject and permalink pages", async () => {
    const company = await page(`/companies/${slug}`);
    const permalink = company.doc.querySelector<HTMLAnchorElement>('a[href^="/reviews/"]')!.getAttribute("href")!;
    const validator = new Validator();
    // Google's review-snippet rules for a product, not its merchant-listing ones (a price,
    // an offer, an image): Réplique reviews products, it does not sell them.
    validator.registeredHandlers.Product = validator.registeredHandlers.Product.slice(0, 1);
    const extractor = new WebAutoExtractor({ addLocation: true, embedSource: ["rdfa", "microdata"] });
    for (const path of [`/companies/${slug}`, `/companies/${slug}/${storeSlug}`, `/companies/${slug}/${productSlug}`, permalink]) {
      for (const lang of LANGS) {
        const html = await (await fetch(`${server.base}${path}?lang=${lang}`)).text();
        const extracted = extractor.parse(html);
        const types = JSON.stringify(extracted.jsonld);
        expect(types, path).toMatch(/AggregateRating|"Review"/);
        const issues = (await validator.validate(extracted)) as { severity: string; issueMessage: string; path: unknown }[];
        expect(
          issues.filter((i) => i.severity === "ERROR").map((i) => `${i.issueMessage} at ${JSON.stringify(i.path)}`),
          `${path} (${lang})`,
        ).toEqual([]);
      }
    }
  });

  it("search says noindex, and robots.txt lets crawlers read it", async () => {
    const search = await page("/search?q=outline");
    expect(metaContent(search.doc, 'meta[name="robots"]')).toContain("noindex");
    const robots = await (await fetch(`${server.base}/robots.txt`)).text();
    expect(robots).not.toMatch(/^Disallow: \/search/m);
    expect(robots).toMatch(/^Disallow: \/moderation/m);
  });
});
