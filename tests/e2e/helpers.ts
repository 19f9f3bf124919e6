// Shared helpers for the end-to-end specs: finding seeded pages by navigating the site
// (no knowledge of the seed's slugs), so the tests follow the data rather than a fixture.
import { expect, type Page } from "@playwright/test";

let companyWithReplies: string | undefined;

/**
 * The path of a company page that shows at least one company reply, found the way a
 * reader would: from the home page, following company links until a page has a reply.
 * Cached per worker.
 */
export async function findCompanyWithReplies(page: Page): Promise<string> {
  if (companyWithReplies) return companyWithReplies;
  const response = await page.goto("/");
  expect(response?.status(), "the home page answers").toBe(200);
  const hrefs = await page
    .locator('a[href^="/companies/"]')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  // Company pages only (not subjects, feeds or the API): /companies/:slug
  const candidates = [...new Set(hrefs.filter((h) => /^\/companies\/[^/]+\/?$/.test(h)))];
  expect(candidates.length, "the home page links to companies").toBeGreaterThan(0);
  for (const path of candidates) {
    const r = await page.goto(path);
    if (r?.status() !== 200) continue;
    if ((await page.locator("article.thread .post.post--reply").count()) > 0) {
      companyWithReplies = path;
      return path;
    }
  }
  throw new Error(`None of the companies linked from the home page shows a reply (tried ${candidates.join(", ")}).`);
}

/** The permalink of a review that has a reply, taken from a company page. */
export async function findReviewWithReply(page: Page): Promise<string> {
  const company = await findCompanyWithReplies(page);
  await page.goto(company);
  const thread = page.locator("article.thread", { has: page.locator(".post.post--reply") }).first();
  const href = await thread.locator('a[href^="/reviews/"]').first().getAttribute("href");
  expect(href, "a review with a reply links to its permalink").toBeTruthy();
  return new URL(href!, page.url()).pathname;
}
