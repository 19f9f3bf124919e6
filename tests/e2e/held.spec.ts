// The held-reviews queue end to end, on the demo data: moderator@example.com opens the
// dashboard → the held reviews (each with its check, what it found, and the time left) →
// a case → publishes it (without JavaScript, in French) or refuses it (with JavaScript,
// in English) with a rule and a statement → the queue no longer lists it, the case shows
// the decision, and the author's statement of reasons is in /dev/mail with the link to
// its page. Plus an axe scan (WCAG 2.x A/AA) of the dashboard, the queue, a case page
// (empty form and with its errors) and the statement's page, in French and in English.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { WCAG_TAGS } from "./helpers";

type Lang = "en" | "fr";

const L = {
  en: {
    open: "Open the held reviews",
    title: "Reviews held by the automatic checks",
    left: "left before it is published automatically",
    openCase: "Open the case",
    decision: "Refuse",
    rule: "Rule examined",
    statement: "Statement to the author",
    record: "Record the decision",
    recorded: "Decision recorded.",
  },
  fr: {
    open: "Ouvrir les avis retenus",
    title: "Avis retenus par les contrôles automatiques",
    left: "avant sa publication automatique",
    openCase: "Ouvrir le dossier",
    decision: "Publier",
    rule: "Règle examinée",
    statement: "Exposé à l’auteur",
    record: "Enregistrer la décision",
    recorded: "Décision enregistrée.",
  },
} as const;

async function moderator(browser: Browser, lang: Lang, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: lang === "en" ? "en-GB" : "fr-FR",
    extraHTTPHeaders: { "Accept-Language": lang },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await page.fill('input[name="email"]', "moderator@example.com");
  await page.fill('input[name="password"]', "replique-demo");
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((url) => url.pathname !== "/login");
  return { context, page };
}

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    what,
  ).toEqual([]);
}

for (const javaScriptEnabled of [false, true]) {
  const lang: Lang = javaScriptEnabled ? "en" : "fr";
  // Each run takes a review of its own kind, so that the two never decide the same one.
  const found = javaScriptEnabled ? /raclure|dickhead/ : /06 12 34 56 78|\+44 7700 900123/;
  test(`a held review is ${javaScriptEnabled ? "refused" : "published"} with a statement (${javaScriptEnabled ? "with" : "without"} JavaScript, ${lang})`, async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const { context, page } = await moderator(browser, lang, javaScriptEnabled);
    const t = L[lang];
    await page.goto("/moderation");
    await page.getByRole("link", { name: t.open }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
    const item = page.locator("li.queue-item", { hasText: found }).first();
    await expect(item).toContainText(t.left);
    const caseHref = await item.getByRole("link", { name: new RegExp(t.openCase) }).getAttribute("href");
    await page.goto(caseHref!);

    const form = page.getByRole("region", { name: lang === "en" ? "Decide" : "Décider" });
    await form.getByLabel(t.decision, { exact: true }).check();
    await form.getByLabel(t.rule).selectOption(javaScriptEnabled ? "offensive" : "personal_data");
    const words = javaScriptEnabled
      ? "The review calls the manager by an insult: our rules do not allow it."
      : "Le numéro cité est celui du standard du magasin, affiché publiquement : rien ne s’oppose à la publication.";
    await form.getByLabel(t.statement).fill(words);
    await form.getByRole("button", { name: t.record }).click();
    await page.waitForURL((url) => url.pathname === "/moderation/held");
    await expect(page.getByText(t.recorded)).toBeVisible();
    await expect(page.locator(`a[href="${caseHref}"]`)).toHaveCount(0);

    // The case now shows the decision and offers none.
    await page.goto(caseHref!);
    await expect(page.locator(".case-decisions")).toContainText(words);
    await expect(page.getByRole("button", { name: t.record })).toHaveCount(0);

    // The author's statement of reasons (in the author's language), in /dev/mail, links to its page.
    await page.goto("/dev/mail");
    const mail = page
      .locator("li.dev-mail__item", { hasText: "statement_publication" })
      .filter({ hasText: words.slice(0, 40) })
      .first();
    await expect(mail).toBeVisible();
    const link = await mail.locator('a[href*="/statements/publication/"]').first().getAttribute("href");
    // Its page (moderators may read it too): every part of the statement, accessible.
    await page.goto(new URL(link!).pathname);
    await expect(page.locator("article.statement")).toContainText(words);
    await expect(page.locator("article.statement h2")).toHaveCount(5);
    // (axe runs in the page: with JavaScript only; the other pages are scanned below.)
    if (javaScriptEnabled) await expectNoViolations(page, "the statement's page");
    await context.close();
  });
}

for (const lang of ["fr", "en"] as const) {
  test(`the held-reviews pages have no accessibility violations (${lang})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const { context, page } = await moderator(browser, lang, true);
    await page.goto("/moderation");
    await expectNoViolations(page, "/moderation");
    await page.goto("/moderation/held");
    await expectNoViolations(page, "/moderation/held");
    const href = await page.locator("li.queue-item a[href^='/moderation/held/']").last().getAttribute("href");
    await page.goto(href!);
    await expectNoViolations(page, `${href} (empty form)`);
    await page.getByRole("button", { name: L[lang].record }).click();
    await expect(page.locator(".field__error").first()).toBeVisible();
    await expectNoViolations(page, `${href} (errors)`);
    await context.close();
  });
}
