// axe-core scan (WCAG 2.x A and AA) of the reviewer's pages, signed in as reader@example.com:
// finding what to review, the review form (empty and answered with errors), the edit
// page, the flag form, notifications and the public profile. Serious and critical
// violations fail.
import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test.describe.configure({ timeout: 120_000 });

for (const lang of ["en", "fr"] as const) {
  test(`the reviewer's pages are accessible (${lang})`, async ({ browser }) => {
    // Several pages scanned in a row: axe alone takes seconds per page on a busy machine.
    test.slow();
    const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.locator('main input[name="email"]').fill("reader@example.com");
    await page.locator('main input[name="password"]').fill("replique-demo");
    await page.locator('form button[type="submit"]').last().click();
    await expect(page).not.toHaveURL(/\/login/);

    // The reader's own reviews (profile, linked from the user menu), one of them to edit.
    const me = await page.locator('.user-menu a[href^="/users/"]').getAttribute("href");
    await page.goto(me!);
    await expectAccessible(page, "profile");
    const permalink = await page.locator('article.thread a[href^="/reviews/"]').first().getAttribute("href");
    await page.goto(`${permalink}/edit`);
    await expect(page.locator("form.review-form")).toBeVisible();
    await expectAccessible(page, "edit page");

    await page.goto("/write-a-review");
    await expectAccessible(page, "/write-a-review");
    await page.goto("/");
    const company = (await page.locator('a[href^="/companies/"]').first().getAttribute("href"))!.split("/")[2];
    await page.goto(`/write-a-review?company=${company}`);
    await expectAccessible(page, "company's subjects");
    // A subject's form (or, if already reviewed, its edit page), then answered with errors.
    await page.locator('a[href^="/write-a-review/"]').last().click();
    await expect(page.locator("form.review-form")).toBeVisible();
    await expectAccessible(page, "review form");
    await page.locator('form.review-form button[value="save"]').click();
    await expect(page.locator("#review-stars-error, .form-error").first()).toBeVisible();
    await expectAccessible(page, "review form with errors");

    await page.goto(`${permalink}/flag`);
    await expectAccessible(page, "flag form");
    await page.goto("/notifications");
    await expectAccessible(page, "notifications");
    await context.close();
  });
}
