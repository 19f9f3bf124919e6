// The texts of a list page, written once (issue 11, app/lib/document-html.ts): a company page's
// hydration data leaves the bodies of its reviews, replies and follow-ups out, and the page
// still shows every one of them once hydrated, after a client navigation (whose data carries
// them) and after going back — without an error in the console.
import { expect, test, type Page } from "@playwright/test";
import { findCompanyWithReplies } from "./helpers";

/** Each listed post's body as the page shows it now. */
const bodies = (page: Page) =>
  page
    .locator(".post__body[data-html]")
    .evaluateAll((elements) => elements.map((e) => ({ key: e.getAttribute("data-html"), html: e.innerHTML })));

test("a company page shows every review and reply text after hydration, a client navigation and going back", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const company = await findCompanyWithReplies(page);

  // The document: the bodies are in its HTML, not in its hydration data.
  const document = await (await page.request.get(company, { headers: { "Accept-Language": "fr" } })).text();
  const data = document.slice(document.indexOf("window.__remixContext"));
  const served = [...document.matchAll(/data-html="([^"]+)"/g)].map((m) => m[1]);
  expect(served.length).toBeGreaterThan(1);
  expect(served.some((key) => key!.startsWith("reply-"))).toBe(true);
  const firstText = document.match(/data-html="review-\d+"[^>]*><p>([^<]{20,})/)?.[1];
  expect(firstText, "a review body in the HTML").toBeTruthy();
  expect(data).not.toContain(firstText!.slice(0, 20));

  await page.goto(company, { waitUntil: "networkidle" });
  const hydrated = await bodies(page);
  expect(hydrated.map((b) => b.key)).toEqual(served);
  for (const body of hydrated) expect(body.html.trim(), body.key!).not.toBe("");

  // A client navigation: its data brings the bodies of the page it opens.
  const dataRequest = page.waitForResponse((response) => new URL(response.url()).pathname.endsWith(".data"));
  await page.locator('nav.chips a[href*="basis="]').first().click();
  await dataRequest;
  await expect(page).toHaveURL(/basis=/);
  for (const body of await bodies(page)) expect(body.html.trim(), `after navigating: ${body.key}`).not.toBe("");

  await page.goBack();
  await expect(page).not.toHaveURL(/basis=/);
  const back = await bodies(page);
  expect(back.map((b) => b.key)).toEqual(served);
  for (const body of back) expect(body.html.trim(), `after going back: ${body.key}`).not.toBe("");
  expect(errors).toEqual([]);
});
