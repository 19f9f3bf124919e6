// Companies joining Réplique, end to end in Chromium: a signed-out visitor reads /for-companies
// (the header's "For businesses" link); a new user claims an unclaimed demo company with an
// address at its domain, reads the code in /dev/mail, enters it, sees "verified since today"
// on the company page, finds it in /brand and replies; the same without JavaScript, wrong
// address and wrong code first; "Add your company" creates one, verified by the same code,
// and refuses its domain a second time. Axe scans of the new pages in French and English.
//
// The e2e server is shared by every spec: the demo companies used here are unclaimed and
// reviewed long ago (never on the home page the other specs start from), each claimed by
// one test only; the company added is made up by the test.
import { expect, test } from "@playwright/test";
import { askedDomain, codeFromOutbox, expectAccessible, newUser, openCompany, today } from "./helpers";

/** Unclaimed demo companies with a domain, each for one test (found by their names). */
const CLAIMED_WITH_JS = "Rayure Marine";
const CLAIMED_WITHOUT_JS = "Réseau Libellule";
const SCANNED_ONLY = "Beacon Broadband";

for (const lang of ["fr", "en"] as const) {
  test(`a signed-out visitor reads /for-companies from the header (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
    const page = await context.newPage();
    await page.goto("/");
    await page
      .locator("header")
      .getByRole("link", { name: lang === "en" ? "For businesses" : "Pour les entreprises" })
      .click();
    await expect(page).toHaveURL(/\/for-companies$/);
    const main = page.locator("main");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      lang === "en" ? "Réplique for companies" : "Réplique pour les entreprises",
    );
    await expect(
      page.getByRole("heading", { level: 2, name: lang === "en" ? "What is free: everything" : "Ce qui est gratuit\u202F: tout" }),
    ).toBeVisible();
    await expect(main).toContainText(lang === "en" ? "Hide a review" : "Masquer un avis");
    await expect(main).toContainText(lang === "en" ? "Is this your company?" : "C’est votre entreprise\u202F?");
    await expect(main.getByRole("link", { name: lang === "en" ? "Add your company" : "Ajouter votre entreprise" })).toHaveAttribute(
      "href",
      "/companies/new",
    );
    await expect(page.locator("input[type=password]")).toHaveCount(0);
    // Scanned as loaded whole, once the page has settled.
    await page.goto("/for-companies");
    await page.waitForLoadState("networkidle");
    await expectAccessible(page, `/for-companies (${lang})`);
    await context.close();
  });
}

test("a new user claims an unclaimed company with an address at its domain, and replies", async ({ browser }) => {
  test.slow();
  const { context, page } = await newUser(browser, { javaScriptEnabled: true, lang: "en" });
  const slug = await openCompany(page, CLAIMED_WITH_JS);
  await expect(page.locator(".company-head")).toContainText("Not claimed");
  await page.getByRole("link", { name: "Is this your company?" }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${slug}/claim$`));
  const domain = await askedDomain(page);

  // A free-mail address is refused next to the field, in the browser already.
  const field = page.getByLabel("Your work address");
  await field.fill("owner@gmail.com");
  await page.getByRole("button", { name: "Mail me a code" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#${await field.getAttribute("id")}-error`)).toContainText("free mail address");
  await expect(field).toHaveValue("owner@gmail.com");

  const address = `direction@${domain}`;
  await field.fill(address);
  await page.getByRole("button", { name: "Mail me a code" }).click();
  await expect(page.locator(".toast")).toContainText("We mailed you a code");
  await expect(page.locator("main")).toContainText(`We mailed a code to ${address}`);
  await expectAccessible(page, "the claim page with its code form (en)");

  const code = await codeFromOutbox(page, address);
  await page.goto(`/companies/${slug}/claim`);
  await page.getByLabel("The 6-digit code").fill(code);
  await page.getByRole("button", { name: "Verify my company" }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${slug}$`));
  await expect(page.locator(".toast")).toContainText("Your company is verified");
  await expect(page.locator(".company-head")).toContainText("Verified company");
  await expect(page.locator(".company-head")).toContainText(`Verified since ${today("en")}`);
  await expect(page.getByRole("link", { name: "Is this your company?" })).toHaveCount(0);

  // The dashboard lists it, and its owner replies.
  await page.goto("/brand");
  const card = page.locator(".brand-company", { hasText: CLAIMED_WITH_JS });
  await expect(card).toContainText("Owner");
  await expect(card).toContainText("Verified");
  await card.getByRole("link", { name: "Open the inbox" }).click();
  await expect(page).toHaveURL(new RegExp(`/brand/${slug}$`));
  await page.locator("li.brand-inbox__item").first().locator(".brand-inbox__actions a").click();
  await expect(page).toHaveURL(new RegExp(`/brand/${slug}/reviews/\\d+$`));
  const token = () => Math.random().toString(36).slice(2, 8);
  const body = `Thank ${token()} you for ${token()} this visit ${token()} we will ${token()} call you ${token()} this week.`;
  await page.getByLabel("Your reply").fill(body);
  await page.getByRole("button", { name: "Publish the reply" }).click();
  // A reply too close to an earlier one is held back once as "scripted": confirm it then.
  const scripted = page.locator(".brand-scripted");
  await expect(page.locator(".toast").or(scripted)).toBeVisible();
  if (await scripted.isVisible()) {
    await page.getByLabel("I have read this warning: publish my reply as it is").check();
    await page.getByRole("button", { name: "Publish the reply" }).click();
  }
  await expect(page.locator(".toast")).toContainText(/Your reply is (published|updated)/);
  await context.close();
});

test("without JavaScript: a wrong address, a wrong code, then the right one (fr)", async ({ browser }) => {
  test.slow();
  const { context, page } = await newUser(browser, { javaScriptEnabled: false, lang: "fr" });
  const slug = await openCompany(page, CLAIMED_WITHOUT_JS);
  await page.getByRole("link", { name: "C’est votre entreprise\u202F?" }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${slug}/claim$`));
  const domain = await askedDomain(page);

  // A look-alike domain: the server refuses it and keeps what was typed.
  const field = page.getByLabel("Votre adresse professionnelle");
  await field.fill(`direction@faux${domain}`);
  await page.getByRole("button", { name: "M’envoyer un code" }).click();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue(`direction@faux${domain}`);
  await expect(page.locator("main")).toContainText("Cette adresse n’est pas du nom de domaine de l’entreprise");

  const address = `accueil@${domain}`;
  await field.fill(address);
  await page.getByRole("button", { name: "M’envoyer un code" }).click();
  await expect(page.locator(".toast")).toContainText("Nous vous avons envoyé un code");
  const code = await codeFromOutbox(page, address);
  await page.goto(`/companies/${slug}/claim`);

  const wrong = code === "000000" ? "111111" : "000000";
  const codeField = page.getByLabel("Le code à 6 chiffres");
  await codeField.fill(wrong);
  await page.getByRole("button", { name: "Vérifier mon entreprise" }).click();
  await expect(codeField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("main")).toContainText("Ce n’est pas le code envoyé. Il reste 4 essais");

  await page.getByLabel("Le code à 6 chiffres").fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: "Vérifier mon entreprise" }).click();
  await expect(page).toHaveURL(new RegExp(`/companies/${slug}$`));
  await expect(page.locator(".company-head")).toContainText(`Vérifiée depuis le ${today("fr")}`);
  await page.goto("/brand");
  await expect(page.locator(".brand-company", { hasText: CLAIMED_WITHOUT_JS })).toContainText("Vérifiée");

  // The page is theirs now; nobody else can ask for it.
  await page.goto(`/companies/${slug}/claim`);
  await expect(page.locator("main")).toContainText(`Vous gérez ${CLAIMED_WITHOUT_JS}`);
  await context.close();
});

test("“Add your company” creates it claimed, the code verifies it, and its domain is refused a second time", async ({ browser }) => {
  test.slow();
  const { context, page } = await newUser(browser, { javaScriptEnabled: false, lang: "en" });
  const stamp = Date.now().toString(36);
  const name = `Atelier Verre ${stamp}`;
  const domain = `atelier-verre-${stamp}.fr`;
  await page.goto("/for-companies");
  await page.locator("main").getByRole("link", { name: "Add your company" }).click();
  await expect(page).toHaveURL(/\/companies\/new$/);
  await page.getByLabel("Company name").fill(name);
  await page.getByLabel("Website or domain").fill(`https://www.${domain}/`);
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add my company" }).click();
  await expect(page).toHaveURL(/\/companies\/[a-z0-9-]+\/claim$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.locator(".toast")).toContainText("Your company is added");
  await expect(page.locator("main")).toContainText(`You added ${name}`);
  expect(await askedDomain(page)).toBe(domain);

  await page.goto(`/companies/${slug}`);
  await expect(page.locator(".company-head")).toContainText(`Claimed since ${today("en")}, not verified yet`);

  await page.goto(`/companies/${slug}/claim`);
  await page.getByLabel("Your work address").fill(`hello@${domain}`);
  await page.getByRole("button", { name: "Mail me a code" }).click();
  const code = await codeFromOutbox(page, `hello@${domain}`);
  await page.goto(`/companies/${slug}/claim`);
  await page.getByLabel("The 6-digit code").fill(code);
  await page.getByRole("button", { name: "Verify my company" }).click();
  await expect(page.locator(".company-head")).toContainText(`Verified since ${today("en")}`);

  // The same domain again: refused, with the way to the company's page.
  await page.goto("/companies/new");
  await page.getByLabel("Company name").fill("Someone else");
  await page.getByLabel("Website or domain").fill(domain);
  await page.getByLabel("Category").selectOption({ index: 2 });
  await page.getByRole("button", { name: "Add my company" }).click();
  await expect(page.getByLabel("Website or domain")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Website or domain")).toHaveValue(domain);
  await expect(page.getByLabel("Company name")).toHaveValue("Someone else");
  await expect(page.locator("main")).toContainText("A company with this domain is already on Réplique.");
  await expect(page.getByRole("link", { name: `Open the page of ${name}` })).toHaveAttribute("href", `/companies/${slug}`);
  await context.close();
});

for (const lang of ["fr", "en"] as const) {
  test(`the claim form and “Add your company” pass an axe scan, empty and with errors (${lang})`, async ({ browser }) => {
    test.slow();
    const { context, page } = await newUser(browser, { javaScriptEnabled: true, lang });
    const en = lang === "en";
    await openCompany(page, SCANNED_ONLY);
    // Loaded whole (not a client-side transition), so that axe measures the settled page.
    const href = await page
      .getByRole("link", { name: en ? "Is this your company?" : "C’est votre entreprise\u202F?" })
      .getAttribute("href");
    await page.goto(href!);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("#claim-email-title")).toBeVisible();
    await expectAccessible(page, `the claim form (${lang})`);
    // A free-mail address: the error next to the field (nothing is mailed).
    const field = page.getByLabel(en ? "Your work address" : "Votre adresse professionnelle");
    await field.fill("quelqu.un@orange.fr");
    await field.press("Enter");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, `the claim form with an error (${lang})`);

    await page.goto("/companies/new");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Add your company" : "Ajouter votre entreprise");
    await expectAccessible(page, `/companies/new (${lang})`);
    await page.getByRole("button", { name: en ? "Add my company" : "Ajouter mon entreprise" }).click();
    await expect(page.getByLabel(en ? "Company name" : "Nom de l’entreprise")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page, `/companies/new with errors (${lang})`);
    await context.close();
  });
}
