// The company's journey (right of reply), end to end in Chromium as brand@example.com:
// the dashboard, the company inbox, a reply to a review awaiting one, the reply under the
// review on the public company page and the permalink, then an edit ("Edited on"). And
// without JavaScript: a near-copy of an earlier reply is held back once as "scripted",
// with the similarity and the earlier reply, and published after the confirmation.
// Each test takes its review by its own position in the awaiting list (4 and 6) and then
// keeps its id, so that parallel workers and other specs never answer the same review.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers";

/** axe-core on the page as it is now: serious and critical WCAG A/AA violations fail. */

async function brandPage(browser: Browser, javaScriptEnabled: boolean, lang: "en" | "fr" = "en") {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: lang === "en" ? "en-GB" : "fr-FR",
    extraHTTPHeaders: { "Accept-Language": lang },
  });
  const page = await context.newPage();
  await page.goto("/login?redirectTo=%2Fbrand");
  await page.getByLabel(lang === "en" ? "Email address" : "Adresse e-mail", { exact: true }).fill("brand@example.com");
  await page.getByLabel(lang === "en" ? "Password" : "Mot de passe", { exact: true }).fill("replique-demo");
  await page.getByRole("button", { name: lang === "en" ? "Log in" : "Se connecter", exact: true }).click();
  await expect(page).toHaveURL(/\/brand$/);
  return { context, page };
}

/** From /brand to the company inbox, then the review awaiting a reply at `position`. */
async function openAwaiting(page: Page, position: number) {
  await expect(page.getByRole("heading", { level: 1, name: "For businesses" })).toBeVisible();
  await page.locator(".brand-company").first().getByRole("link", { name: "Open the inbox" }).click();
  await expect(page).toHaveURL(/\/brand\/[^/]+$/);
  const companySlug = new URL(page.url()).pathname.split("/")[2];
  await expect(page.getByRole("heading", { level: 1, name: /^Inbox — / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Awaiting reply" })).toBeVisible();
  const item = page.locator("li.brand-inbox__item--awaiting").nth(position);
  const reviewId = await item.getAttribute("data-review-id");
  expect(reviewId, `a review awaiting a reply at position ${position}`).toBeTruthy();
  await expect(item.locator(".post--reply")).toHaveCount(0);
  await item.getByRole("link", { name: "Reply to this review" }).click();
  await expect(page).toHaveURL(new RegExp(`/brand/${companySlug}/reviews/${reviewId}$`));
  return { companySlug, reviewId: reviewId! };
}

/** The review's thread on the public company page (answered filter, following pages). */
async function threadOnCompanyPage(page: Page, companySlug: string, reviewId: string) {
  await page.goto(`/companies/${companySlug}?replied=answered`);
  for (let i = 0; i < 10; i++) {
    const thread = page.locator(`article#review-${reviewId}`);
    if ((await thread.count()) > 0) return thread;
    const next = page.locator('.pagination a[rel="next"]');
    if ((await next.count()) === 0) break;
    await next.click();
  }
  throw new Error(`review ${reviewId} is not on the company page`);
}

/** A reply no earlier run could have written: a fresh token after every two words, so
 *  that every word 3-shingle is new and the "scripted" nudge stays silent. */
function unique(text: string) {
  const token = () => Math.random().toString(36).slice(2, 8);
  return text
    .split(" ")
    .map((w, i) => (i % 2 === 1 ? `${w} ${token()}` : w))
    .join(" ");
}

test("brand@example.com replies to a review awaiting one, sees it in public, then edits it", async ({ browser }) => {
  const { context, page } = await brandPage(browser, true);
  const { companySlug, reviewId } = await openAwaiting(page, 4);
  const stamp = Date.now().toString(36);
  const first = unique(`Thank you for telling us about this visit. Our store manager will look into it this week (ref ${stamp}).`);

  // Preview, then publish.
  await page.getByLabel("Your reply").fill(`**Hello**, ${first}`);
  await expect(page.locator(".brand-reply__preview strong")).toHaveText("Hello");
  await page.getByRole("button", { name: "Publish the reply" }).click();
  await expect(page.locator(".toast")).toContainText("Your reply is published.");
  await expect(page.locator(`.brand-reply__main article#review-${reviewId} .post--reply`)).toContainText(first);

  // On the permalink and the company page, under the review.
  await page.goto(`/reviews/${reviewId}`);
  const reply = page.locator(`article#review-${reviewId} .post--reply`);
  await expect(reply).toContainText(first);
  await expect(reply).not.toContainText("Edited on");
  const thread = await threadOnCompanyPage(page, companySlug, reviewId);
  await expect(thread.locator(".post--reply")).toContainText(first);

  // The review is now in the answered part of the inbox.
  await page.goto(`/brand/${companySlug}/reviews/${reviewId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit the reply" })).toBeVisible();
  await expect(page.getByLabel("Your reply")).toHaveValue(`**Hello**, ${first}`);
  const second = unique(`Update: the manager called the customer and the order was refunded (ref ${stamp}).`);
  await page.getByLabel("Your reply").fill(second);
  await page.getByRole("button", { name: "Save the changes" }).click();
  await expect(page.locator(".toast")).toContainText("Your reply is updated.");
  const history = page.locator("details.brand-reply__history");
  await history.locator("summary").click();
  await expect(history).toContainText(first);

  await page.goto(`/reviews/${reviewId}`);
  await expect(reply).toContainText(second);
  await expect(reply).not.toContainText(first);
  await expect(reply).toContainText("Edited on");
  const again = await threadOnCompanyPage(page, companySlug, reviewId);
  await expect(again.locator(".post--reply")).toContainText("Edited on");
  await context.close();
});

test("without JavaScript, a near-copy of an earlier reply is flagged as scripted and published only after confirming", async ({
  browser,
}) => {
  const { context, page } = await brandPage(browser, false);
  const { companySlug, reviewId } = await openAwaiting(page, 6);
  const formPath = new URL(page.url()).pathname;
  // An earlier (seeded) reply of the company, read on its public page: the fourth newest,
  // since the other test's reply, published in parallel and then edited, may be the newest.
  await page.goto(`/companies/${companySlug}?replied=answered`);
  const earlier = (await page.locator("article.thread .post--reply .post__body").nth(3).innerText()).trim();
  expect(earlier.split(/\s+/).length).toBeGreaterThan(5);
  await page.goto(formPath);

  // An empty reply: the error next to the field, nothing published.
  await page.getByRole("button", { name: "Publish the reply" }).click();
  await expect(page.getByLabel("Your reply")).toHaveAttribute("aria-invalid", "true");
  // The error is the one the field names (aria-describedby), next to it.
  const describedBy = (await page.getByLabel("Your reply").getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, "the field points at its error").toBeTruthy();
  await expect(page.locator(`[id="${errorId}"]`)).toHaveText("Write your reply.");

  await page.getByLabel("Your reply").fill(earlier);
  await page.getByRole("button", { name: "Publish the reply" }).click();
  const warning = page.locator(".brand-scripted");
  await expect(warning.getByRole("heading", { name: "This looks scripted" })).toBeVisible();
  await expect(warning).toContainText(/\d+\s?% similar/);
  await expect(warning.locator(".brand-scripted__earlier")).toContainText(earlier.slice(0, 30));
  await expect(page.getByLabel("Your reply")).toHaveValue(earlier);

  // Not published yet.
  await page.goto(`/reviews/${reviewId}`);
  await expect(page.locator(`article#review-${reviewId} .post--reply`)).toHaveCount(0);
  await page.goto(formPath);
  await page.getByLabel("Your reply").fill(earlier);
  await page.getByRole("button", { name: "Publish the reply" }).click();
  await expect(warning).toBeVisible();
  await page.getByLabel("I have read this warning: publish my reply as it is").check();
  await page.getByRole("button", { name: "Publish the reply" }).click();
  await expect(page.locator(".brand-scripted")).toHaveCount(0);
  await page.goto(`/reviews/${reviewId}`);
  await expect(page.locator(`article#review-${reviewId} .post--reply`)).toContainText(earlier.slice(0, 30));
  await context.close();
});

for (const lang of ["en", "fr"] as const) {
  test(`the brand pages pass an axe scan (${lang})`, async ({ browser }) => {
    // Several pages scanned in a row: axe alone takes seconds per page on a busy machine.
    test.slow();
    const { context, page } = await brandPage(browser, true, lang);
    await expectAccessible(page, `/brand (${lang})`);
    await page.locator(".brand-company").first().locator("a.button").first().click(); // the inbox (the metrics link follows it)
    await expect(page.locator("li.brand-inbox__item").first()).toBeVisible();
    await expectAccessible(page, `the inbox (${lang})`);
    // The company's other pages, and what it shares: the metrics, the API's documentation,
    // the embeddable widget.
    const inbox = page.url();
    const slug = new URL(inbox).pathname.split("/")[2]!;
    for (const path of [
      `/brand/${slug}/metrics`,
      `/brand/${slug}/alerts`,
      `/brand/${slug}/webhooks`,
      `/brand/${slug}/subjects`,
      `/api?lang=${lang}`,
      `/widget/${slug}?lang=${lang}`,
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expectAccessible(page, `${path} (${lang})`);
    }
    await page.goto(inbox);
    // Opening a reply form changes nothing: position 8 is only looked at.
    await page.locator("li.brand-inbox__item--awaiting").nth(8).locator(".brand-inbox__actions a").click();
    await expect(page.locator("textarea[name=body]")).toBeVisible();
    await expectAccessible(page, `the reply form (${lang})`);
    // The scripted warning (nothing is published without the confirmation).
    const formPath = new URL(page.url()).pathname;
    await page.goto(`/companies/${formPath.split("/")[2]}?replied=answered`);
    const earlier = (await page.locator("article.thread .post--reply .post__body").nth(3).innerText()).trim();
    await page.goto(formPath);
    await page.locator("textarea[name=body]").fill(earlier);
    await page.locator("button[name=intent][value=publish]").click();
    await expect(page.locator(".brand-scripted")).toBeVisible();
    await expectAccessible(page, `the reply form with the scripted warning (${lang})`);
    await context.close();
  });
}
