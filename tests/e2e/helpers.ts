// Shared helpers for the end-to-end specs: finding seeded pages by navigating the site
// (no knowledge of the seed's slugs), so the tests follow the data rather than a fixture;
// the axe scan every spec runs; a new verified account; what /dev/mail shows.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
export const PASSWORD = "a long and unusual passphrase";
let people = 0;

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

export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    ),
    `serious or critical WCAG A/AA violations on ${what}`,
  ).toEqual([]);
}

/** A new account, signed up and verified through /dev/mail, in its own browser context. */
export async function newUser(browser: Browser, options: { javaScriptEnabled: boolean; lang: "en" | "fr" }) {
  const n = ++people;
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled,
    locale: options.lang === "en" ? "en-GB" : "fr-FR",
    extraHTTPHeaders: { "Accept-Language": options.lang, "X-Forwarded-For": `203.0.113.${(process.pid % 200) + n}` },
  });
  const page = await context.newPage();
  const email = `e2e-claim-${n}-${Date.now().toString(36)}@example.test`;
  await page.goto("/signup");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="displayName"]', `Owner ${n}`);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL(() => true), page.locator("main form button[type=submit]").first().click()]);
  await expect(page.locator("main")).toContainText(email);
  await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
  const href = await page
    .locator("li.dev-mail__item", { hasText: "verify_email" })
    .first()
    .locator('a[href*="/verify-email?token="]')
    .first()
    .getAttribute("href");
  const url = new URL(href!);
  await page.goto(`${url.pathname}${url.search}`);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((u) => u.pathname === "/");
  await expect(page.locator("header details.user-menu")).toBeVisible();
  return { context, page, email };
}

/** The newest code mailed to `to`, read in the development outbox. */
export async function codeFromOutbox(page: Page, to: string): Promise<string> {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  const mail = page.locator("li.dev-mail__item", { hasText: "company_claim_code" }).first();
  await expect(mail).toBeVisible();
  const text = await mail.locator("pre.dev-mail__text").innerText();
  const match = text.match(/(?:Your code|Votre code)\s*:\s*(\d{6})/);
  expect(match, text).toBeTruthy();
  return match![1]!;
}

/** A company's page, found as a reader finds it: by searching its name. */
export async function openCompany(page: Page, name: string) {
  await page.goto(`/search?q=${encodeURIComponent(name)}`);
  await page.locator("main").getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/companies\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Today in Paris, as the pages write a date. */
export function today(lang: "en" | "fr") {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date());
}

/** The domain the claim page asks for (its first step's heading ends with it). */
export async function askedDomain(page: Page) {
  const heading = await page.locator("#claim-email-title").innerText();
  const domain = heading.trim().split(/\s+/).at(-1)!;
  expect(domain).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  return domain;
}

/** A demo account signed in, in a new page of `context`. */
export async function logIn(context: BrowserContext, email: string, password = "replique-demo") {
  const page = await context.newPage();
  await page.goto("/login");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((url) => url.pathname !== "/login");
  return page;
}
