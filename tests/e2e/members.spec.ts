// A company's members end to end in Chromium: a new user claims an unclaimed demo company with
// an address at its domain (the code read in /dev/mail); as its owner, invites an agent from
// /brand/:slug/members; the agent — a new account with the invited address — opens the mail's
// link, accepts and replies to a review; the owner removes the agent, whose next reply is
// refused. The owner's part runs without JavaScript. The members page (empty and with an
// error) and the invitation page pass an axe scan in both languages.
//
// The e2e server is shared by the specs of a worker: the demo company used here is unclaimed,
// reviewed long ago, and claimed by this spec only.
import { expect, test, type Page } from "@playwright/test";
import { askedDomain, codeFromOutbox, expectAccessible, logIn, newUser, openCompany } from "./helpers";

const BRAND_SLUG = "maison-lumiere";

const COMPANY = "Déménagements Vauban";

/** The path of the invitation link in the newest invitation mailed to `to`. */
async function invitationFromOutbox(page: Page, to: string): Promise<string> {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  const mail = page.locator("li.dev-mail__item", { hasText: "member_invitation" }).first();
  await expect(mail).toBeVisible();
  const href = await mail.locator('a[href*="/brand/invitations/"]').first().getAttribute("href");
  return new URL(href!).pathname;
}

/** The reply form of the first review of the inbox that the page lists, filled and sent. */
async function replyToFirstReview(page: Page, slug: string, body: string) {
  await page.goto(`/brand/${slug}`);
  await page.locator("li.brand-inbox__item").first().locator(".brand-inbox__actions a").click();
  await expect(page).toHaveURL(new RegExp(`/brand/${slug}/reviews/\\d+$`));
  await page.getByLabel("Your reply").fill(body);
  return page.getByRole("button", { name: "Publish the reply" }).click();
}

test("the owner invites an agent, who accepts and replies; removed, the agent's next reply is refused", async ({ browser }) => {
  test.slow();
  // The owner, without JavaScript: claims the company with the code mailed to its domain.
  const owner = await newUser(browser, { javaScriptEnabled: false, lang: "en" });
  const slug = await openCompany(owner.page, COMPANY);
  await owner.page.goto(`/companies/${slug}/claim`);
  const domain = await askedDomain(owner.page);
  await owner.page.getByLabel("Your work address").fill(`direction@${domain}`);
  await owner.page.getByRole("button", { name: "Mail me a code" }).click();
  const code = await codeFromOutbox(owner.page, `direction@${domain}`);
  await owner.page.goto(`/companies/${slug}/claim`);
  await owner.page.getByLabel("The 6-digit code").fill(code);
  await owner.page.getByRole("button", { name: "Verify my company" }).click();
  await expect(owner.page.locator(".toast")).toContainText("Your company is verified");

  // The members page: a wrong address is refused next to the field, what was typed kept.
  await owner.page.goto(`/brand/${slug}`);
  await owner.page.getByRole("link", { name: "Members" }).click();
  await expect(owner.page).toHaveURL(new RegExp(`/brand/${slug}/members$`));
  await expect(owner.page.getByRole("heading", { level: 1 })).toHaveText(`Members of ${COMPANY}`);
  const field = owner.page.getByLabel("Their email address");
  await field.fill("not an address");
  await owner.page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(owner.page.getByLabel("Their email address")).toHaveAttribute("aria-invalid", "true");
  await expect(owner.page.getByLabel("Their email address")).toHaveValue("not an address");

  // The agent signs up (with JavaScript), and is invited at that address.
  const agent = await newUser(browser, { javaScriptEnabled: true, lang: "en" });
  await owner.page.getByLabel("Their email address").fill(agent.email);
  await owner.page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(owner.page.locator(".toast")).toContainText("Invitation sent");
  await expect(owner.page.locator("main")).toContainText(agent.email);

  const link = await invitationFromOutbox(agent.page, agent.email);
  await agent.page.goto(link);
  await expect(agent.page.getByRole("heading", { level: 1 })).toHaveText(`Invitation to join ${COMPANY}`);
  await expectAccessible(agent.page, "the invitation page (en)");
  await agent.page.getByRole("button", { name: `Join ${COMPANY}` }).click();
  await expect(agent.page).toHaveURL(new RegExp(`/brand/${slug}$`));
  await expect(agent.page.locator(".toast")).toContainText("you can now answer reviews");

  const stamp = Date.now().toString(36);
  await replyToFirstReview(agent.page, slug, `Thank you ${stamp} for telling us: our team will call you about the move this week.`);
  await expect(agent.page.locator(".toast").or(agent.page.locator(".brand-scripted"))).toBeVisible();
  await expect(agent.page.locator(".toast")).toContainText(/Your reply is (published|updated)/);

  // The agent sees the members, without the owner's forms.
  await agent.page.goto(`/brand/${slug}/members`);
  await expect(agent.page.locator("main")).toContainText("Only an owner can invite");
  await expect(agent.page.getByRole("button", { name: "Send the invitation" })).toHaveCount(0);

  // The owner removes the agent.
  await owner.page.goto(`/brand/${slug}/members`);
  await owner.page.getByRole("button", { name: /^Remove Owner \d+$/ }).click();
  await expect(owner.page.locator(".toast")).toContainText("Member removed");

  // The agent's next reply is refused: the reply page itself is closed to them now.
  const response = await agent.page.goto(`/brand/${slug}`);
  expect(response?.status()).toBe(403);
  await owner.context.close();
  await agent.context.close();
});

for (const lang of ["fr", "en"] as const) {
  test(`the members page and an unknown invitation pass an axe scan (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
    const page = await logIn(context, "brand@example.com");
    const members = await page.goto(`/brand/${BRAND_SLUG}/members`);
    expect(members?.status()).toBe(200);
    await expect(page.locator("table")).toContainText("brand@example.com");
    await expectAccessible(page, `the members page of the demo brand (${lang})`);
    // With an error next to the address (nothing is sent).
    await page.locator('input[name="email"]').fill("not an address");
    await page.locator('button[name="intent"][value="invite"]').click();
    await expect(page.locator('input[name="email"]')).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, `the members page with an error (${lang})`);
    // Another company's members page is refused; an invitation link that is not valid says so.
    expect((await page.goto(`/brand/no-such-company/members`))?.status()).toBe(404);
    expect((await page.goto(`/brand/invitations/not-a-real-token`))?.status()).toBe(404);
    await expectAccessible(page, `an unknown invitation (${lang})`);
    await context.close();
  });
}
