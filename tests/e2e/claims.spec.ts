// A claim with evidence end to end in Chromium: a new user without an address at the
// company's domain explains their role, gives a link and attaches a PDF, without
// JavaScript; moderator@example.com opens the claim in /moderation/claims, downloads the
// document, and accepts it with a reason and a statement; the claimant is now the owner of
// a verified company and answers from its inbox. The claim case passes an axe scan.
//
// The demo company is unclaimed, reviewed long ago, and claimed by this spec only.
import { expect, test } from "@playwright/test";
import { expectAccessible, logIn, newUser, openCompany } from "./helpers";

const COMPANY = "Fil Rouge";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("a claim with evidence and a document, accepted by a moderator in the claims queue", async ({ browser }) => {
  test.slow();
  const claimant = await newUser(browser, { javaScriptEnabled: false, lang: "en" });
  const slug = await openCompany(claimant.page, COMPANY);
  await claimant.page.goto(`/companies/${slug}/claim`);
  const explanation =
    "I have managed Fil Rouge since 2021: the attached extract from the trade register names me as its president, and the legal notice of the site names me as publisher.";
  await claimant.page.getByLabel(`Your role at ${COMPANY}, and how we can check it`).fill(explanation);
  await claimant.page.getByLabel("A link to your evidence (optional)").fill("https://www.filrouge.fr/mentions-legales");
  await claimant.page
    .getByLabel("A document (optional)")
    .setInputFiles({ name: "extrait-kbis.pdf", mimeType: "application/pdf", buffer: PDF });
  await claimant.page.getByRole("button", { name: "Send my request to the moderators" }).click();
  await expect(claimant.page.locator(".toast")).toBeVisible();
  await expect(claimant.page.locator("main")).toContainText("Your request is waiting for a moderator");

  const moderatorContext = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
  const moderator = await logIn(moderatorContext, "moderator@example.com");
  // The queue is oldest first: this claim is on its last page.
  await moderator.goto("/moderation/claims");
  const ours = moderator.locator("main").getByRole("link", { name: new RegExp(`asks to manage ${COMPANY}$`) });
  // Each next page is loaded whole: after a client navigation the address changes before
  // the list is drawn again, and counting then would read the page before.
  for (let pages = 0; (await ours.count()) === 0 && pages < 20; pages++) {
    const next = await moderator.getByRole("link", { name: "Next items" }).getAttribute("href");
    await moderator.goto(next!);
  }
  await ours.first().click();
  await expect(moderator).toHaveURL(/\/moderation\/claims\/\d+$/);
  await expect(moderator.locator("main")).toContainText(explanation);
  const link = moderator.getByRole("link", { name: /Download extrait-kbis\.pdf/ });
  await expect(link).toBeVisible();
  const [download] = await Promise.all([moderator.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("extrait-kbis.pdf");
  const saved = await download.path();
  expect((await import("node:fs")).readFileSync(saved!).equals(PDF)).toBe(true);
  await expectAccessible(moderator, "a claim with a document (en)");

  const panel = moderator.locator("aside.case-side");
  await panel.locator('input[name="decision"][value="accept"]').check();
  await panel.locator('select[name="reason"]').selectOption("claim_role_shown");
  await panel
    .locator('textarea[name="statement"]')
    .fill("The trade register extract names the claimant as the company's president; the site's legal notice agrees.");
  await panel.locator('button[type="submit"]').click();
  await expect(moderator.locator(".toast")).toBeVisible();

  await claimant.page.goto("/brand");
  await expect(claimant.page.locator(".brand-company", { hasText: COMPANY })).toContainText("Verified");
  await moderatorContext.close();
  await claimant.context.close();
});
