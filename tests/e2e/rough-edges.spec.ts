// The rough edges a reader and a reviewer met (issue 12), end to end in Chromium: editing a
// review keeps the "I had this experience" box ticked, so the first save succeeds; "edited
// on" opens the public version history of the review and of the reply; each review shows
// its weight in the TrustScore; "resolved by the company" reaches the JSON API; a subject
// page has one header and one "Write a review" button; the search form's fields are whole;
// the display name can be changed; the helpful vote is on every card of a list.
import { expect, test } from "@playwright/test";
import { expectAccessible, logIn, newUser } from "./helpers";

const SLUG = "maison-lumiere";

test("edit keeps the attestation, the history is public, the weight shows, resolved reaches the API", async ({ browser }) => {
  test.slow();
  const author = await newUser(browser, { javaScriptEnabled: true, lang: "en" });
  const page = author.page;
  await page.goto(`/write-a-review?company=${SLUG}`);
  const form = await page
    .locator('main a[href^="/write-a-review/"]')
    .evaluateAll((links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).find((p) => /^\/write-a-review\/\d+$/.test(p)),
    );
  await page.goto(form!);
  const stamp = Date.now().toString(36);
  const title = `Late delivery ${stamp}`;
  await page.locator('input[name="stars"][value="2"]').check();
  await page.fill('input[name="title"]', title);
  await page.fill('textarea[name="body"]', "The sofa came three weeks late and nobody called to say why.");
  await page.fill('input[name="experienceDate"]', new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10));
  await page.locator('select[name="channel"]').selectOption("delivery");
  await page.locator('input[name="recommend"][value="no"]').check();
  await page.locator('input[name="attestation"]').check();
  await page.locator('button[name="intent"][value="save"]').click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  const permalink = new URL(page.url()).pathname;
  const reviewId = Number(permalink.split("/").at(-1));
  await expect(page.locator("main .post--review .post__facts").first()).toContainText("counts 1.00× in the TrustScore");

  // Edit: the attestation is still ticked; saving at once works.
  await page.getByRole("link", { name: "Edit my review" }).click();
  await expect(page.locator('input[name="attestation"]')).toBeChecked();
  await page.fill('input[name="title"]', `${title} (they called back)`);
  await page.locator('button[name="intent"][value="save"]').click();
  await expect(page).toHaveURL(new RegExp(`${permalink}$`));

  // The company replies, then edits its reply.
  const brandContext = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
  const brand = await logIn(brandContext, "brand@example.com");
  for (const body of [
    `We are sorry ${stamp}: the carrier lost the delivery slip.`,
    `We are sorry ${stamp}: the carrier lost the delivery slip; we refund the delivery.`,
  ]) {
    await brand.goto(`/brand/${SLUG}/reviews/${reviewId}`);
    await brand.getByLabel("Your reply").fill(body);
    await brand.getByRole("button", { name: /Publish the reply|Save the changes/ }).click();
    await expect(brand.locator(".toast").or(brand.locator(".brand-scripted"))).toBeVisible();
    if (await brand.locator(".brand-scripted").isVisible())
      await brand.getByRole("button", { name: /Publish anyway|Publish the reply/ }).click();
  }

  // Anyone reads the earlier versions, from "edited on".
  const readerContext = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
  const reader = await readerContext.newPage();
  await reader.goto(permalink);
  await reader.locator(".post--review").getByRole("link", { name: "see the earlier versions" }).click();
  await expect(reader).toHaveURL(new RegExp(`${permalink}/history$`));
  const history = reader.locator("#history-review").locator("..");
  await expect(history).toContainText(`${title} (they called back)`);
  await expect(history).toContainText(title);
  await expect(reader.locator("main")).toContainText("Earlier version");
  await expect(reader.locator("main")).toContainText(`We are sorry ${stamp}: the carrier lost the delivery slip.`);
  await expect(reader.locator("main")).toContainText("we refund the delivery.");
  await expectAccessible(reader, "the version history (en)");

  // The author marks it resolved; the API says so.
  await page.goto(permalink);
  await page.getByRole("button", { name: "Mark as resolved by the company" }).click();
  // The toast says the write is done (the button clicked matches /resolved/ before it is).
  await expect(page.locator(".toast")).toContainText("Marked as resolved by the company");
  const api = await reader.request.get(`/api/companies/${SLUG}?limit=50`);
  const body = (await api.json()) as { reviews: { id: number; resolved_at: string | null }[] };
  const listed = body.reviews.find((r) => r.id === reviewId);
  expect(listed?.resolved_at, "resolved_at in the API").toMatch(/^\d{4}-\d{2}-\d{2}T/);

  // The author changes their display name: the review shows the new one.
  await page.goto("/account");
  await page.getByLabel("Display name", { exact: true }).fill(`Camille ${stamp}`);
  await page.getByRole("button", { name: "Save the name" }).click();
  await expect(page.locator("main")).toContainText(`Your reviews now show the name Camille ${stamp}.`);
  await reader.goto(permalink);
  await expect(reader.locator(".post--review .post__author").first()).toHaveText(`Camille ${stamp}`);

  await Promise.all([brandContext.close(), readerContext.close(), author.context.close()]);
});

for (const width of [1280, 390]) {
  test(`a subject page has one header and one “Write a review”; the search form's fields are whole (${width} px)`, async ({ browser }) => {
    const context = await browser.newContext({
      locale: "fr-FR",
      extraHTTPHeaders: { "Accept-Language": "fr" },
      viewport: { width, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`/companies/${SLUG}`);
    const subject = await page.locator(`a[href^="/companies/${SLUG}/"]`).first().getAttribute("href");
    await page.goto(subject!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.locator("main").getByRole("link", { name: "Écrire un avis" })).toHaveCount(1);

    await page.goto("/search?q=maison");
    // Every select shows its whole chosen option, and the labels stand on one line.
    for (const id of ["search-category", "search-kind"]) {
      const clipped = await page.locator(`#${id}`).evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(clipped, `#${id} is clipped`).toBe(false);
    }
    const tops = await page
      .locator("form[role=search].filters label")
      .evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().height)));
    expect(Math.max(...tops)).toBeLessThan(30);
    // The header's placeholder fits its field.
    const cut = await page.locator("#header-q").evaluate((el: HTMLInputElement) => {
      const probe = document.createElement("span");
      probe.style.font = getComputedStyle(el).font;
      probe.style.position = "absolute";
      probe.style.whiteSpace = "pre";
      probe.textContent = el.placeholder;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(el);
      return width > el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    });
    expect(cut, "the header search placeholder is cut").toBe(false);
    await context.close();
  });
}

test("the helpful vote is on every card of a list, without JavaScript too; never for the company's own staff", async ({ browser }) => {
  const reader = await newUser(browser, { javaScriptEnabled: false, lang: "en" });
  await reader.page.goto(`/companies/${SLUG}`);
  const card = reader.page.locator("article.thread").first();
  const id = (await card.getAttribute("id"))!;
  await card.getByRole("button", { name: "Helpful", exact: true }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/companies/${SLUG}(\\?[^#]*)?#${id}$`));
  await expect(reader.page.locator(`#${id}`).getByRole("button", { name: "You found this helpful (undo)" })).toBeVisible();
  await expect(reader.page.locator(`#${id} .post__footer`)).toContainText("found this helpful");

  const anonymous = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
  const page = await anonymous.newPage();
  await page.goto(`/companies/${SLUG}`);
  await expect(page.locator("article.thread").first().getByRole("link", { name: "Log in to vote this review helpful" })).toBeVisible();

  const brandContext = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
  const brand = await logIn(brandContext, "brand@example.com");
  await brand.goto(`/companies/${SLUG}`);
  await expect(brand.locator("article.thread").first()).toBeVisible();
  await expect(brand.locator("article.thread .helpful-vote")).toHaveCount(0);
  await Promise.all([anonymous.close(), brandContext.close(), reader.context.close()]);
});
