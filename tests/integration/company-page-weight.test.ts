// The company page carries no data twice (issue 11): the texts of its reviews and replies
// are in its HTML and not again in its hydration data (app/lib/document-html.ts), the
// sidebar and the review filter offer the most reviewed subjects and link to all of them, and the
// JSON-LD names the reviews shown (rating, author, date, permalink) without their texts,
// which the page's HTML already holds; the permalink's JSON-LD keeps the whole texts.
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIDEBAR_SUBJECTS } from "~/lib/company-page";
import { makeCompany, makeReply, makeReview, makeSubject, makeUser } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let slug: string;
let repliedId: number;
const SUBJECTS = SIDEBAR_SUBJECTS + 3;
const BODY = "Un texte assez long pour être reconnu : la livraison est arrivée en avance et bien emballée.";
const REPLY = "Merci, nous transmettons vos compliments à l’équipe de préparation des commandes.";

async function page(path: string) {
  const response = await fetch(server.base + path, { headers: { "Accept-Language": "fr" } });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return { html, doc: new JSDOM(html).window.document };
}
const jsonLd = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
const sidebarNames = (doc: Document) =>
  [...doc.querySelectorAll("section[aria-labelledby=subjects-title] .subject-list > li a:first-child")].map((a) => a.textContent);

beforeAll(async () => {
  server = await startServer({ DATABASE_URL: process.env.DATABASE_URL! });
  slug = `poids-plume-${Date.now().toString(36)}`;
  const company = makeCompany({ name: "Poids Plume", slug });
  const author = makeUser({ displayName: "Léa Lectrice" });
  // Subject k gets k reviews: the most reviewed are the last ones made.
  const subjects = [company.subjectId];
  for (let k = 1; k < SUBJECTS; k++) subjects.push(makeSubject(company.id, { name: `Boutique ${String(k).padStart(2, "0")}` }));
  subjects.forEach((subjectId, k) => {
    for (let i = 0; i <= k; i++) makeReview({ companyId: company.id, subjectId, authorId: author, body: BODY });
  });
  repliedId = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: author, body: BODY, title: "Avec réponse" });
  makeReply(repliedId, REPLY);
});
afterAll(() => server.stop());

describe("the company page's subjects", () => {
  it(`lists the ${SIDEBAR_SUBJECTS} most reviewed in the sidebar, most reviewed first, and links to all ${SUBJECTS}`, async () => {
    const { doc } = await page(`/companies/${slug}`);
    const names = sidebarNames(doc);
    expect(names).toHaveLength(SIDEBAR_SUBJECTS);
    expect(names[0]).toBe(`Boutique ${SUBJECTS - 1}`);
    expect(names).not.toContain("Boutique 01");
    const all = doc.querySelector<HTMLAnchorElement>(`a[href="/companies/${slug}?subjects=all#subjects-title"]`);
    expect(all?.textContent).toBe(`Voir les ${SUBJECTS} magasins, sites, produits et services`);
    // The review filter offers the same ones, and the way to every one.
    const offered = [...doc.querySelectorAll("#filter-subject option[value]:not([value=''])")].map((o) => o.textContent);
    expect([...offered].sort()).toEqual([...names].sort());
    expect(doc.querySelector("#filter-subject-hint")?.textContent).toBe(
      `Les ${SIDEBAR_SUBJECTS} qui ont le plus d’avis sont proposés. Voir les ${SUBJECTS} magasins, sites, produits et services`,
    );
    const more = doc.querySelector<HTMLAnchorElement>("#filter-subject-hint a");
    expect(more?.getAttribute("href")).toBe(`/companies/${slug}?subjects=all#filter-subject`);
    expect(doc.querySelector("#filter-subject")?.getAttribute("aria-describedby")).toBe("filter-subject-hint");
    expect(doc.querySelector("details.filters-card")?.hasAttribute("open")).toBe(false);
  });

  it("the review filter offers a subject it has selected, even one of the least reviewed", async () => {
    const { doc: all } = await page(`/companies/${slug}?subjects=all`);
    const rare = [...all.querySelectorAll<HTMLOptionElement>("#filter-subject option")].find((o) => o.textContent === "Boutique 01")!;
    const { doc } = await page(`/companies/${slug}?subject=${rare.value}`);
    const selected = doc.querySelector<HTMLOptionElement>("#filter-subject option[selected]");
    expect(selected?.textContent).toBe("Boutique 01");
    expect(doc.querySelectorAll("#filter-subject option[value]:not([value=''])")).toHaveLength(SIDEBAR_SUBJECTS + 1);
  });

  it("?subjects=all lists every subject, in the list's order, with the way back", async () => {
    const { doc } = await page(`/companies/${slug}?subjects=all`);
    const names = sidebarNames(doc);
    expect(names).toHaveLength(SUBJECTS);
    expect(names).toContain("Boutique 01");
    // The review filter too, opened, without the link to all.
    expect(doc.querySelectorAll("#filter-subject option[value]:not([value=''])")).toHaveLength(SUBJECTS);
    expect(doc.querySelector("#filter-subject-hint")).toBeNull();
    expect(doc.querySelector("details.filters-card")?.hasAttribute("open")).toBe(true);
    expect(doc.querySelector(`a[href="/companies/${slug}#subjects-title"]`)?.textContent).toBe(
      `N’afficher que les ${SIDEBAR_SUBJECTS} qui ont le plus d’avis`,
    );
  });

  it("sends the subjects to the browser without the fields the page does not show", async () => {
    const { html } = await page(`/companies/${slug}`);
    const data = html.slice(html.indexOf("window.__remixContext"));
    expect(data).not.toContain("postalCode");
    expect(data).not.toContain("address");
  });
});

describe("the texts of the reviews and replies, once", () => {
  it("are in the company page's HTML, each marked with its key, and not in its hydration data", async () => {
    const { html, doc } = await page(`/companies/${slug}`);
    const data = html.slice(html.indexOf("window.__remixContext"));
    expect(doc.querySelector(`[data-html="review-${repliedId}"]`)?.textContent).toBe(BODY);
    expect(doc.querySelector(`[data-html^="reply-"]`)?.textContent).toBe(REPLY);
    expect(data).not.toContain(BODY.slice(0, 30));
    expect(data).not.toContain(REPLY.slice(0, 30));
    // Only the bodies: the rest of each review is in the data (the titles, for one).
    expect(data).toContain("Avec réponse");
  });

  it("come with the data of a client navigation (.data), which is not a document", async () => {
    const response = await fetch(`${server.base}/companies/${slug}.data`, { headers: { "Accept-Language": "fr" } });
    expect(response.status).toBe(200);
    const data = await response.text();
    expect(data).toContain(BODY.slice(0, 30));
    expect(data).toContain(REPLY.slice(0, 30));
  });
});

describe("the company page's JSON-LD", () => {
  it("names the reviews shown, with their permalinks, without the texts of reviews and replies", async () => {
    const { doc } = await page(`/companies/${slug}`);
    const reviews = jsonLd(doc).review as Record<string, unknown>[];
    expect(reviews.length).toBeGreaterThan(0);
    expect(reviews.length).toBeLessThanOrEqual(10);
    for (const review of reviews) {
      expect(review["@id"]).toMatch(new RegExp(`^${server.base}/reviews/\\d+$`));
      expect(review.url).toBe(review["@id"]);
      expect(review).toHaveProperty("reviewRating");
      expect(review).toHaveProperty("author");
      expect(review).not.toHaveProperty("reviewBody");
    }
    const replied = reviews.find((r) => r["@id"] === `${server.base}/reviews/${repliedId}`)!;
    expect(replied.comment).toEqual({
      "@type": "Comment",
      author: { "@type": "Organization", name: "Poids Plume" },
      dateCreated: expect.any(String),
    });
    expect(JSON.stringify(jsonLd(doc))).not.toContain("livraison est arrivée");
  });

  it("keeps the whole texts of the review and its reply on the permalink", async () => {
    const { doc } = await page(`/reviews/${repliedId}`);
    const review = jsonLd(doc);
    expect(JSON.stringify(review)).toContain(BODY.slice(0, 40));
    expect(JSON.stringify(review)).toContain(REPLY.slice(0, 40));
  });
});
