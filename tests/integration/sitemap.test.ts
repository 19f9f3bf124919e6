// The sitemaps: an index naming one series of files per kind of public page (companies,
// subjects, review permalinks, profiles) beside the static pages; each file a block of ids
// (a range scan, at most SITEMAP_PAGE_SIZE ≤ 50 000 URLs), listing only what a visitor may
// read and a search engine may index, each URL with its language versions.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { countSitemapPages, SITEMAP_KINDS, SITEMAP_PAGE_SIZE } from "~/models/sitemap.server";
import { loader as indexLoader } from "~/routes/sitemap[.]xml";
import { loader as fileLoader } from "~/routes/sitemaps.$kind.$page";
import { callLoader, getRequest, makeCompany, makeReview, makeSubject, makeUser, ORIGIN } from "../support/fixtures";

const client = () => getDb().$client;
const slugOf = (table: "companies" | "subjects", id: number) =>
  client().prepare<[number], { slug: string }>(`SELECT slug FROM ${table} WHERE id = ?`).get(id)!.slug;

async function file(kind: string, page: number) {
  return callLoader(fileLoader, getRequest(`/sitemaps/${kind}/${page}`), { kind, page: String(page) });
}

/** The <loc> of each <url> of a sitemap file. */
const locs = (xml: unknown) => [...String(xml).matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

const w = {} as {
  company: string;
  store: string;
  product: string;
  pendingCompany: string;
  published: number;
  held: number;
  removed: number;
  ofPendingCompany: number;
  far: number;
  reader: number;
  heldOnly: number;
  deleted: number;
};

beforeAll(() => {
  const listed = makeCompany({ name: "Maison Plan" });
  const product = makeSubject(listed.id, { name: "Coffret", kind: "product" });
  const hidden = makeSubject(listed.id, { name: "Stand en attente", state: "pending" });
  const pending = makeCompany({ name: "Maison Pas Encore" });
  client().prepare(`UPDATE companies SET listing = 'pending' WHERE id = ?`).run(pending.id);
  w.company = slugOf("companies", listed.id);
  w.store = slugOf("subjects", listed.subjectId);
  w.product = slugOf("subjects", product);
  w.pendingCompany = slugOf("companies", pending.id);
  w.reader = makeUser({ displayName: "Rita Lectrice" });
  w.heldOnly = makeUser({ displayName: "Hugo Retenu" });
  w.deleted = makeUser({ displayName: "Ancien Membre" });
  const on = { companyId: listed.id, subjectId: listed.subjectId };
  w.published = makeReview({ ...on, authorId: w.reader });
  w.held = makeReview({ ...on, authorId: w.heldOnly, status: "held" });
  w.removed = makeReview({ ...on, authorId: w.reader, status: "removed" });
  makeReview({ ...on, subjectId: hidden, authorId: w.deleted });
  client().prepare(`UPDATE users SET deleted_at = ?, review_count = 1 WHERE id = ?`).run(Date.now(), w.deleted);
  w.ofPendingCompany = makeReview({ companyId: pending.id, subjectId: pending.subjectId, authorId: w.reader });
  // A review whose id falls in the second block of ids: it is in file 2, not in file 1.
  client()
    .prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'reviews'`)
    .run(SITEMAP_PAGE_SIZE + 4);
  w.far = makeReview({ ...on, authorId: w.reader });
});

describe("the sitemap index", () => {
  it("names the static pages and every file of every kind", async () => {
    const answer = await callLoader(indexLoader, getRequest("/sitemap.xml"));
    expect(answer.status).toBe(200);
    const files = [...String(answer.data).matchAll(/<sitemap><loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(files[0]).toBe(`${ORIGIN}/sitemaps/pages`);
    for (const kind of SITEMAP_KINDS) {
      for (let page = 1; page <= countSitemapPages(kind); page++) expect(files).toContain(`${ORIGIN}/sitemaps/${kind}/${page}`);
    }
    expect(files).toContain(`${ORIGIN}/sitemaps/reviews/2`);
  });
});

describe("the sitemap files", () => {
  it("list at most 50 000 URLs each: a file is one block of ids", async () => {
    expect(SITEMAP_PAGE_SIZE).toBeLessThanOrEqual(50_000);
    expect(w.far).toBeGreaterThan(SITEMAP_PAGE_SIZE);
    expect(countSitemapPages("reviews")).toBe(2);
    expect(locs((await file("reviews", 1)).data)).not.toContain(`${ORIGIN}/reviews/${w.far}`);
    expect(locs((await file("reviews", 2)).data)).toEqual([`${ORIGIN}/reviews/${w.far}`]);
  });

  it("list the companies and their active subjects, not a company no moderator checked yet", async () => {
    const companies = locs((await file("companies", 1)).data);
    expect(companies).toContain(`${ORIGIN}/companies/${w.company}`);
    expect(companies).not.toContain(`${ORIGIN}/companies/${w.pendingCompany}`);
    const subjects = locs((await file("subjects", 1)).data);
    expect(subjects).toContain(`${ORIGIN}/companies/${w.company}/${w.store}`);
    expect(subjects).toContain(`${ORIGIN}/companies/${w.company}/${w.product}`);
    expect(subjects.filter((u) => u.startsWith(`${ORIGIN}/companies/${w.company}/`))).toHaveLength(2);
    expect(subjects.some((u) => u.includes(`/companies/${w.pendingCompany}/`))).toBe(false);
  });

  it("list the published review permalinks only, with their last change", async () => {
    const answer = await file("reviews", 1);
    const reviews = locs(answer.data);
    expect(reviews).toContain(`${ORIGIN}/reviews/${w.published}`);
    for (const id of [w.held, w.removed, w.ofPendingCompany]) expect(reviews).not.toContain(`${ORIGIN}/reviews/${id}`);
    expect(String(answer.data)).toMatch(new RegExp(`<loc>${ORIGIN}/reviews/${w.published}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
  });

  it("list the profiles of members with a published review, not deleted accounts", async () => {
    const users = locs((await file("users", 1)).data);
    expect(users).toContain(`${ORIGIN}/users/${w.reader}`);
    expect(users).not.toContain(`${ORIGIN}/users/${w.heldOnly}`);
    expect(users).not.toContain(`${ORIGIN}/users/${w.deleted}`);
  });

  it("give each URL its French and English versions and the x-default", async () => {
    const xml = String((await file("subjects", 1)).data);
    const loc = `${ORIGIN}/companies/${w.company}/${w.store}`;
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="fr" href="${loc}?lang=fr"/>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="en" href="${loc}?lang=en"/>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${loc}"/>`);
  });

  it("answer 404 past the last file and for another kind", async () => {
    expect((await file("reviews", 3)).status).toBe(404);
    expect((await file("reviews", 0)).status).toBe(404);
    expect((await file("moderation", 1)).status).toBe(404);
  });
});
