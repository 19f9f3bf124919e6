// Review invitations end to end in Chromium: the demo owner of Maison Lumière, without
// JavaScript, uploads a CSV file from /brand/:slug/invitations and reads the row-by-row
// report (a bad address named, the good row sent); the invited customer — a new account —
// opens the mail's link in /dev/mail, chooses what to review, writes the review and sees it
// labelled "Invited"; another invited address opts out of every company from its mail's
// link; the owner reports an extortion attempt from the dashboard. The invitations page, the
// flags page, the invitation's page and the opt-out page pass an axe scan in both languages.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, logIn, newUser } from "./helpers";

const SLUG = "maison-lumiere";

/** The path of a link in the newest review invitation mailed to `to` (the invitation's, or its opt-out). */
async function invitationLink(page: Page, to: string, optOut = false): Promise<string> {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  const mail = page.locator("li.dev-mail__item", { hasText: "review_invitation" }).first();
  await expect(mail).toBeVisible();
  const hrefs = await mail.locator('a[href*="/invite/"]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const href = hrefs.find((h) => h.endsWith("/opt-out") === optOut);
  expect(href, "the mail links the invitation and its opt-out").toBeTruthy();
  return new URL(href!).pathname;
}

test("an owner invites from a CSV file; the customer writes an invited review; another opts out", async ({ browser }) => {
  test.slow();
  const customer = await newUser(browser, { javaScriptEnabled: true, lang: "en" });
  const stamp = Date.now().toString(36);
  const leaving = `e2e-optout-${stamp}@example.test`;

  // The owner, without JavaScript.
  const ownerContext = await browser.newContext({
    javaScriptEnabled: false,
    locale: "en-GB",
    extraHTTPHeaders: { "Accept-Language": "en" },
  });
  const owner = await logIn(ownerContext, "brand@example.com");
  await owner.goto(`/brand/${SLUG}`);
  await owner.getByRole("link", { name: "Invitations", exact: true }).click();
  await expect(owner).toHaveURL(new RegExp(`/brand/${SLUG}/invitations$`));
  const csv = ["email,name,language,rating", `${customer.email},Camille,en,5`, "not an address,Nobody,en,1", `${leaving},Léa,fr,2`].join(
    "\n",
  );
  await owner
    .getByLabel("CSV file", { exact: true })
    .setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await owner.getByRole("button", { name: "Check the file and send" }).click();
  const report = owner.getByRole("table", { name: "Each line of the file" });
  await expect(report).toBeVisible();
  await expect(owner.locator("main")).toContainText("2 invitations sent. 1 line not sent.");
  await expect(owner.locator("main")).toContainText("Columns ignored: rating.");
  await expect(report.getByRole("row", { name: /not an address/ })).toContainText("Give an email address");
  await expect(report.getByRole("row", { name: new RegExp(customer.email) })).toContainText("Sent");

  // The customer follows the mail's link, chooses a subject and writes the review.
  const link = await invitationLink(customer.page, customer.email);
  await customer.page.goto(link);
  await expect(customer.page.getByRole("heading", { level: 1 })).toHaveText("Maison Lumière invites you to write a review");
  await expect(customer.page.locator("main")).toContainText("can never change it, hide it or remove it");
  await expectAccessible(customer.page, "the invitation page (en)");
  await customer.page.locator('main a[href^="/write-a-review/"]').first().click();
  await expect(customer.page.locator("main")).toContainText("You were invited by Maison Lumière");
  await customer.page.locator('input[name="stars"][value="2"]').check();
  await customer.page.fill('input[name="title"]', `Invited ${stamp}: slow delivery`);
  await customer.page.fill(
    'textarea[name="body"]',
    "The lamp arrived two weeks after the promised date and nobody answered the phone in between.",
  );
  await customer.page.fill('input[name="experienceDate"]', new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10));
  await customer.page.locator('select[name="channel"]').selectOption("delivery");
  await customer.page.locator('input[name="recommend"][value="no"]').check();
  await customer.page.locator('input[name="attestation"]').check();
  await customer.page.locator('button[name="intent"][value="save"]').click();
  await expect(customer.page).toHaveURL(/\/reviews\/\d+$/);
  await expect(customer.page.locator(`main a[href="/transparency#label-invited"]`).first()).toHaveText("Invited");
  // The link is used up: it says so and offers to write on one's own.
  await customer.page.goto(link);
  await expect(customer.page.locator("main")).toContainText("This invitation has already been used");

  // The other address opts out of every company, in French (its invitation's language).
  const leaver = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr" } });
  const leaverPage = await leaver.newPage();
  const optOut = await invitationLink(leaverPage, leaving, true);
  await leaverPage.goto(optOut);
  await expect(leaverPage.getByRole("heading", { level: 1 })).toHaveText("Ne plus recevoir d’invitations");
  await expectAccessible(leaverPage, "the opt-out page (fr)");
  await leaverPage.getByRole("button", { name: /Toutes les invitations/ }).click();
  await expect(leaverPage.getByRole("status")).toContainText("ne recevra plus d’invitation");

  // Invited again, from the form: refused next to the field.
  await owner.goto(`/brand/${SLUG}/invitations`);
  await owner.getByLabel("Email address", { exact: true }).fill(leaving);
  await owner.getByRole("button", { name: "Send the invitation" }).click();
  await expect(owner.getByLabel("Email address", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(owner.locator("main")).toContainText("this address asked not to receive invitations");

  // An extortion attempt, reported from the dashboard without JavaScript.
  await owner.goto(`/brand/${SLUG}`);
  await owner.getByRole("link", { name: "Flags and reports" }).click();
  await owner.getByLabel("What happened").fill("A customer wrote that he would post a 1-star review unless we refund his order.");
  await owner.getByLabel("The message you received").fill(`Refund me or I post 1 star everywhere (${stamp}).`);
  await owner.getByRole("button", { name: "Send the report to the moderators" }).click();
  await expect(owner.locator(".toast")).toContainText("Report sent");
  await expect(owner.locator("main")).toContainText(`Refund me or I post 1 star everywhere (${stamp}).`);

  // The pages pass axe in both languages (with JavaScript, as axe needs it).
  for (const lang of ["en", "fr"] as const) {
    const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
    const page = await logIn(context, "brand@example.com");
    await page.goto(`/brand/${SLUG}/invitations?lang=${lang}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page, `the invitations page (${lang})`);
    await page.goto(`/brand/${SLUG}/flags?lang=${lang}`);
    await expectAccessible(page, `the flags and reports page (${lang})`);
    await page.goto(`${link}?lang=${lang}`);
    await expectAccessible(page, `a used invitation's page (${lang})`);
    await page.goto(`${optOut}?lang=${lang}`);
    await expectAccessible(page, `the opt-out page (${lang})`);
    await context.close();
  }
  await ownerContext.close();
  await leaver.close();
  await customer.context.close();
});
