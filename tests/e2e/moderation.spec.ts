// The moderation journey end to end, with JavaScript (in English) and without (in
// French): a new author writes a 4★ review of their own (so that no shared demo review
// is touched) → reader@example.com reports it → moderator@example.com finds it in the
// flags queue (paging through older items) → removes it with a reason and a statement →
// the company page shows the placeholder (publication date, reason, decision date) and
// the histogram no longer counts it → the author and the reporter each have the statement
// of reasons in /dev/mail, and the author reads it on its page → the author appeals (from
// the review's page to the statement's appeal form) → admin@example.com, another
// moderator than the one who removed it, overturns the removal from the appeals queue →
// the review, the TrustScore and the histogram are back, and the author has the outcome.
// Plus an axe scan (WCAG 2.x A/AA) of /moderation, the queues (reported content,
// appeals), a case page with a decision form and one with an appeal, and the appeal form
// (empty and with its errors), in French and in English.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, logIn } from "./helpers";

type Lang = "en" | "fr";

const PASSWORD = "a long and unusual passphrase";

// French typography puts a narrow no-break space before ? : ; ! in every label.
const fr = (s: string) => s.replace(/ ([?:;!])/g, "\u202F$1");

const L = {
  en: {
    flag: "Report this review",
    flagReason: "Reason",
    flagExplanation: "What is wrong?",
    flagSubmit: "Send the report",
    moderation: "Moderation",
    openQueue: "Open the queue",
    next: "Next items",
    remove: "Remove it",
    reason: "Reason",
    statement: "Statement",
    record: "Record the decision",
    recorded: "Decision recorded.",
    reasonOption: "Insults, hate or threats",
    removedOn: "removed on",
    authorSubject: "Statement of reasons: your review was removed",
    appealLink: "Read the statement of reasons and appeal",
    appealExplanation: "Why should this decision be changed?",
    appealSubmit: "Send my appeal",
    appealSent: "Appeal sent.",
    appealsNav: "Appeals",
    appealPanel: "Appeal on the review",
    overturn: "Overturn it: put the content back online",
    decideAppeal: "Decide the appeal",
    appealDecided: "Appeal decided.",
    outcomeSubject: "Outcome of your appeal: decision no.",
  },
  fr: {
    flag: "Signaler cet avis",
    flagReason: "Motif",
    flagExplanation: "Qu’est-ce qui ne va pas ?",
    flagSubmit: "Envoyer le signalement",
    moderation: "Modération",
    openQueue: "Ouvrir la file",
    next: "Éléments suivants",
    remove: "Le retirer",
    reason: "Motif",
    statement: "Exposé des motifs",
    record: "Enregistrer la décision",
    recorded: "Décision enregistrée.",
    reasonOption: "Injures, haine ou menaces",
    removedOn: "retiré le",
    authorSubject: "Exposé des motifs : votre avis a été retiré",
    appealLink: "Lire l’exposé des motifs et faire appel",
    appealExplanation: "Pourquoi cette décision devrait-elle changer ?",
    appealSubmit: "Envoyer mon appel",
    appealSent: "Appel envoyé.",
    appealsNav: "Appels",
    appealPanel: "Appel sur l’avis",
    overturn: "L’infirmer : remettre le contenu en ligne",
    decideAppeal: "Trancher l’appel",
    appealDecided: "Appel tranché.",
    outcomeSubject: "Issue de votre appel : la décision n°",
  },
} as const;
const text = (lang: Lang, key: keyof (typeof L)["en"]) => (lang === "fr" ? fr(L.fr[key]) : L.en[key]);

async function newContext(browser: Browser, lang: Lang, javaScriptEnabled: boolean, forwardedFor?: string) {
  return browser.newContext({
    javaScriptEnabled,
    locale: lang === "en" ? "en-GB" : "fr-FR",
    extraHTTPHeaders: { "Accept-Language": lang, ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}) },
  });
}

/** A new account, verified through the link in /dev/mail, signed in on `page`. */
async function signUp(page: Page, email: string, name: string) {
  await page.goto("/signup");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="displayName"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await page.locator("main form button[type=submit]").first().click();
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
}

/** A company page reached as a reader would, from a category: not one of the home page's
 *  recently reviewed companies, which the other journeys use. */
async function quietCompany(page: Page, pick: number): Promise<string> {
  await page.goto("/");
  const home = new Set(
    await page.locator('a[href^="/companies/"]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
  );
  const categories = await page
    .locator('a[href^="/categories/"]')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  for (const category of categories.slice(pick)) {
    await page.goto(category);
    const companies = await page
      .locator('main a[href^="/companies/"]')
      .evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => /^\/companies\/[^/]+$/.test(p)),
      );
    const quiet = companies.reverse().find((c) => !home.has(c) && !c.endsWith("/maison-lumiere"));
    if (quiet) return quiet;
  }
  throw new Error("No company outside the home page's lists");
}

async function histogram(page: Page, companyPath: string, stars: number) {
  await page.goto(companyPath);
  return Number(await page.getByTestId(`histogram-${stars}`).first().innerText());
}

async function writeReview(page: Page, companyPath: string, title: string, lang: Lang) {
  const slug = companyPath.split("/")[2];
  await page.goto(`/write-a-review?company=${slug}`);
  const forms = await page
    .locator('a[href^="/write-a-review/"]')
    .evaluateAll((links) =>
      links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => /^\/write-a-review\/\d+$/.test(p)),
    );
  expect(forms.length, "the company has a subject to review").toBeGreaterThan(0);
  await page.goto(forms[0]!);
  await expect(page.locator('input[name="title"]')).toBeVisible();
  await page.locator('input[name="stars"][value="4"]').check();
  await page.fill('input[name="title"]', title);
  await page.fill(
    'textarea[name="body"]',
    lang === "fr"
      ? "Le vendeur a été désagréable du début à la fin et la commande est arrivée avec trois semaines de retard."
      : "The salesman was unpleasant from start to finish and the order arrived three weeks late.",
  );
  await page.fill('input[name="experienceDate"]', new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10));
  await page.locator('select[name="channel"]').selectOption("store");
  await page.locator('input[name="recommend"][value="no"]').check();
  await page.locator('input[name="attestation"]').check();
  await page.locator('button[name="intent"][value="save"]').click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  return new URL(page.url()).pathname;
}

for (const javaScriptEnabled of [true, false]) {
  const lang: Lang = javaScriptEnabled ? "en" : "fr";
  test(`a reported review is removed with a statement of reasons (${javaScriptEnabled ? "with" : "without"} JavaScript, ${lang})`, async ({
    browser,
  }) => {
    test.slow();
    const stamp = `${Date.now()}${javaScriptEnabled ? "j" : "n"}`;
    const title = `E2E moderation ${stamp}`;
    const authorEmail = `author-${stamp}@example.test`;

    // 1. A new author, on a network of their own, writes a 4★ review.
    // A network of this run's own: a repeated run must not look like a second account of
    // the same network reviewing the same company (the network_cluster check holds that).
    const authorNetwork = `198.51.${1 + Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    const authorContext = await newContext(browser, lang, javaScriptEnabled, authorNetwork);
    const author = await authorContext.newPage();
    await signUp(author, authorEmail, `Auteur ${stamp}`);
    // A category of its own per variant and per repetition (--repeat-each): a second review
    // of one company in the same words would be held as a near-duplicate.
    const companyPath = await quietCompany(author, 2 * test.info().repeatEachIndex + (javaScriptEnabled ? 0 : 1));
    const before = await histogram(author, companyPath, 4);
    const permalink = await writeReview(author, companyPath, title, lang);
    const reviewId = permalink.split("/").at(-1)!;
    expect(await histogram(author, companyPath, 4)).toBe(before + 1);
    const score = await author.getByTestId("trustscore").first().innerText();

    // 2. reader@example.com reports it from the permalink.
    const readerContext = await newContext(browser, lang, javaScriptEnabled);
    const reader = await logIn(readerContext, "reader@example.com");
    await reader.goto(permalink);
    await reader.getByRole("link", { name: text(lang, "flag") }).click();
    await reader.getByLabel(text(lang, "flagReason"), { exact: true }).selectOption("offensive");
    await reader.getByLabel(text(lang, "flagExplanation"), { exact: true }).fill("The review insults a named salesman.");
    await reader.getByRole("button", { name: text(lang, "flagSubmit") }).click();
    await expect(reader).toHaveURL(new RegExp(`${permalink}$`));

    // 3. The moderator finds it in the queue (oldest first: it is on a later page).
    const moderatorContext = await newContext(browser, lang, javaScriptEnabled);
    const moderator = await logIn(moderatorContext, "moderator@example.com");
    await moderator
      .getByRole("banner")
      .getByRole("link", { name: text(lang, "moderation") })
      .click();
    await expect(moderator).toHaveURL(/\/moderation$/);
    // The flags queue's button (the others' names add their queue: "Open the queue: Appeals").
    await moderator.getByRole("link", { name: text(lang, "openQueue"), exact: true }).click();
    await expect(moderator).toHaveURL(/\/moderation\/flags$/);
    const item = moderator.locator(".queue-item", { hasText: title });
    const firstTitle = moderator.locator(".queue-item__title").first();
    await expect(firstTitle).toBeVisible();
    for (let i = 0; i < 20 && (await item.count()) === 0; i++) {
      // With JavaScript the next page is rendered in place: wait until it is there.
      const shown = await firstTitle.innerText();
      await moderator.getByRole("link", { name: text(lang, "next") }).click();
      await expect(firstTitle).not.toHaveText(shown);
    }
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(lang === "fr" ? "lecteur (1)" : "reader (1)");
    await expect(item).toContainText(text(lang, "reasonOption"));
    await item.locator(`a[href^="/moderation/reviews/${reviewId}"]`).first().click();
    await expect(moderator).toHaveURL(new RegExp(`/moderation/reviews/${reviewId}`));

    // 4. Removes it with a reason and a statement (after a first try without a statement).
    const panel = moderator.getByRole("region", { name: lang === "fr" ? "Décider sur l’avis" : "Decide on the review" });
    await panel.getByLabel(text(lang, "remove")).check();
    await panel.getByLabel(text(lang, "reason"), { exact: true }).selectOption({ label: text(lang, "reasonOption") });
    await panel.getByRole("button", { name: text(lang, "record") }).click();
    const statementField = panel.getByLabel(text(lang, "statement"), { exact: true });
    await expect(statementField).toHaveAttribute("aria-invalid", "true");
    // What was chosen is kept, with or without JavaScript.
    await expect(panel.getByLabel(text(lang, "remove"))).toBeChecked();
    await expect(panel.getByLabel(text(lang, "reason"), { exact: true })).toHaveValue("offensive");
    const statement =
      lang === "fr"
        ? `Le texte traite un vendeur nommé de menteur (${stamp}) : ce sont des injures, contraires à nos règles.`
        : `The text calls a named salesman a liar (${stamp}): these are insults, against our rules.`;
    await statementField.fill(statement);
    await panel.getByRole("button", { name: text(lang, "record") }).click();
    await expect(moderator.getByRole("status")).toContainText(text(lang, "recorded"));
    await expect(moderator.locator(".tombstone")).toBeVisible();

    // 5. The company page shows the placeholder, and the histogram no longer counts it.
    await author.goto(companyPath);
    const tombstone = author.locator(`#review-${reviewId} .tombstone`);
    await expect(tombstone).toContainText(text(lang, "removedOn"));
    await expect(tombstone).toContainText(text(lang, "reasonOption"));
    await expect(author.locator(`#review-${reviewId}`)).not.toContainText(title);
    expect(await histogram(author, companyPath, 4)).toBe(before);

    // 6. The author and the reporter have the statement in /dev/mail.
    await author.goto(`/dev/mail?to=${encodeURIComponent(authorEmail)}`);
    const authorMail = author.locator(".dev-mail__item", { hasText: "statement_author" });
    await expect(authorMail).toHaveCount(1);
    await expect(authorMail.locator(".dev-mail__subject")).toHaveText(text(lang, "authorSubject"));
    await expect(authorMail).toContainText(statement);
    const reporterMail = author.locator(".dev-mail__item", { hasText: "statement_reporter" });
    await author.goto(`/dev/mail?to=${encodeURIComponent("reader@example.com")}`);
    await expect(reporterMail.filter({ hasText: title })).toHaveCount(1);
    await expect(reporterMail.filter({ hasText: title })).toContainText(statement);

    // 7. The author reads it on its page, from the link in the mail.
    const statementLink = await authorMailLink(author, authorEmail);
    await author.goto(statementLink);
    await expect(author.getByRole("heading", { level: 1 })).toHaveText(lang === "fr" ? "Exposé des motifs" : "Statement of reasons");
    await expect(author.locator(".statement")).toContainText(statement);

    // 8. The appeal form is accessible, empty and with its errors (axe needs JavaScript:
    //    a second session of the author's, with it).
    const scanContext = await newContext(browser, lang, true, authorNetwork);
    const scan = await logIn(scanContext, authorEmail, PASSWORD);
    await scan.goto(statementLink);
    await expect(scan.locator("#appeal form")).toBeVisible();
    await expectAccessible(scan, "the appeal form");
    await scan
      .locator("#appeal")
      .getByRole("button", { name: text(lang, "appealSubmit") })
      .click();
    await expect(scan.getByLabel(text(lang, "appealExplanation"))).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(scan, "the appeal form with its errors");
    await scanContext.close();

    // 9. The author appeals, from the review's page to the statement's appeal form.
    await author.goto(permalink);
    await author.getByRole("link", { name: text(lang, "appealLink") }).click();
    await expect(author).toHaveURL(new RegExp(`${statementLink}#appeal$`));
    const explanation =
      lang === "fr"
        ? `Je n’insulte personne (${stamp}) : je décris l’accueil du vendeur, sans le nommer.`
        : `I insult nobody (${stamp}): I describe how the salesman treated me, without naming him.`;
    await author.getByLabel(text(lang, "appealExplanation")).fill(explanation);
    await author.getByRole("button", { name: text(lang, "appealSubmit") }).click();
    await expect(author.getByRole("status")).toContainText(text(lang, "appealSent"));
    await expect(author.locator("#appeal")).not.toContainText(text(lang, "appealSubmit"));

    // 10. admin@example.com (not the moderator who removed it) finds it in the appeals queue
    //     and overturns the removal with a reason and a statement.
    const adminContext = await newContext(browser, lang, javaScriptEnabled);
    const admin = await logIn(adminContext, "admin@example.com");
    await admin.goto("/moderation");
    await admin
      .getByRole("navigation", { name: text(lang, "moderation"), exact: true })
      .getByRole("link", { name: text(lang, "appealsNav"), exact: true })
      .click();
    await expect(admin).toHaveURL(/\/moderation\/appeals$/);
    const appealItem = admin.locator(".queue-item", { hasText: title });
    await expect(appealItem).toHaveCount(1);
    await expect(appealItem).toContainText(explanation);
    await appealItem.locator(`a[href^="/moderation/reviews/${reviewId}"]`).first().click();
    const appealPanel = admin.getByRole("region", { name: text(lang, "appealPanel") });
    await expect(appealPanel).toContainText(explanation);
    await appealPanel.getByLabel(text(lang, "overturn")).check();
    await appealPanel.getByLabel(text(lang, "reason"), { exact: true }).selectOption({ label: text(lang, "reasonOption") });
    await appealPanel
      .getByLabel(text(lang, "statement"), { exact: true })
      .fill(
        lang === "fr"
          ? `Relu en appel (${stamp}) : l’avis critique le service sans viser une personne. Il revient en ligne.`
          : `Read again on appeal (${stamp}): the review criticises the service, not a person. It is back online.`,
      );
    await appealPanel.getByRole("button", { name: text(lang, "decideAppeal") }).click();
    await expect(admin.getByRole("status")).toContainText(text(lang, "appealDecided"));
    await expect(admin.locator(".tombstone")).toHaveCount(0);

    // 11. The review, the score and the histogram are back; the author has the outcome.
    await author.goto(companyPath);
    await expect(author.locator(`#review-${reviewId}`)).toContainText(title);
    await expect(author.locator(`#review-${reviewId} .tombstone`)).toHaveCount(0);
    expect(await histogram(author, companyPath, 4)).toBe(before + 1);
    await expect(author.getByTestId("trustscore").first()).toHaveText(score);
    await author.goto(`/dev/mail?to=${encodeURIComponent(authorEmail)}`);
    await expect(author.locator(".dev-mail__item .dev-mail__subject", { hasText: text(lang, "outcomeSubject") })).toHaveCount(1);

    await Promise.all([authorContext.close(), readerContext.close(), moderatorContext.close(), adminContext.close()]);
  });
}

async function authorMailLink(page: Page, email: string) {
  await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
  const href = await page
    .locator(".dev-mail__item", { hasText: "statement_author" })
    .locator('a[href*="/statements/"]')
    .first()
    .getAttribute("href");
  expect(href).toBeTruthy();
  return new URL(href!).pathname;
}

for (const lang of ["fr", "en"] as const) {
  test(`the moderation pages are accessible (${lang})`, async ({ browser }) => {
    test.slow();
    const context = await newContext(browser, lang, true);
    const page = await logIn(context, "moderator@example.com");
    // The flags queue last: its first case is opened next.
    for (const path of ["/moderation", "/moderation/appeals", "/moderation/flags"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectAccessible(page, path);
    }
    const href = await page.locator('.queue-item a[href^="/moderation/reviews/"]').first().getAttribute("href");
    await page.goto(href!);
    await expectAccessible(page, "a case page");
    // With the errors of an empty submission shown.
    await page.locator(".decide").first().getByRole("button").last().click();
    await expect(page.locator('.decide [aria-invalid="true"]').first()).toBeVisible();
    await expectAccessible(page, "a case page with errors");
    // Cases under appeal (the demo data has appeals waiting): one on a removal by
    // moderator@example.com, who is told another moderator must decide; one on the
    // admin's, with its appeal form, then its errors.
    await page.goto("/moderation/appeals");
    const caseLink = (item: ReturnType<Page["locator"]>) => item.locator('a[href^="/moderation/reviews/"]').first().getAttribute("href");
    const theirs = await caseLink(
      page
        .locator(".queue-item")
        .filter({ has: page.locator(".notice--warn") })
        .first(),
    );
    const decidable = await caseLink(
      page
        .locator(".queue-item")
        .filter({ hasNot: page.locator(".notice--warn") })
        .first(),
    );
    await page.goto(theirs!);
    await expect(page.locator(".decide--appeal .notice--warn")).toBeVisible();
    await expectAccessible(page, "a case under appeal, decided by this moderator");
    await page.goto(decidable!);
    const form = page.locator(".decide--appeal form").first();
    await expect(form).toBeVisible();
    await expectAccessible(page, "a case under appeal");
    await form.getByRole("button").last().click();
    await expect(form.locator('[aria-invalid="true"]').first()).toBeVisible();
    await expectAccessible(page, "an appeal's form with errors");
    await context.close();
  });
}

// Every page of the area, found by following it as an admin would (the navigation, then
// the first case of each queue, the account and company pages a case links to), so a
// queue added later is scanned without a change here. Each decision form is also scanned
// with the errors of an empty submission.
for (const lang of ["fr", "en"] as const) {
  test(`every page of the moderation area is accessible (${lang})`, async ({ browser }) => {
    // Some thirty axe scans.
    test.setTimeout(240_000);
    const context = await newContext(browser, lang, true);
    const page = await logIn(context, "admin@example.com");
    await page.goto("/moderation");
    const sections = await page
      .locator(".moderation-nav a")
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(sections.length).toBeGreaterThan(5);
    const scanned = new Set<string>();
    const scan = async (path: string) => {
      if (scanned.has(path)) return;
      scanned.add(path);
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectAccessible(page, path);
    };
    const firstLink = async (prefix: string) => {
      const hrefs = await page
        .locator(`main a[href^="${prefix}"]`)
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      return hrefs.find((href) => href !== prefix && !href.startsWith(`${prefix}?`));
    };
    const cases: string[] = [];
    for (const section of sections) {
      await scan(section);
      if (section === "/moderation") continue;
      const casePath = (await firstLink(`${section}/`)) ?? (await firstLink("/moderation/reviews/"));
      if (casePath) cases.push(casePath);
    }
    expect(cases.length, "queues with a case to open in the demo data").toBeGreaterThan(3);
    for (const casePath of cases) {
      await scan(casePath);
      for (const prefix of ["/moderation/users/", "/moderation/companies/"]) {
        const linked = await firstLink(prefix);
        if (linked && !scanned.has(linked)) {
          await scan(linked);
          await page.goto(casePath);
        }
      }
      const form = page.locator(".decide form").first();
      if ((await form.count()) === 0) continue;
      await form.getByRole("button").last().click();
      await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
      await expectAccessible(page, `${casePath} with the errors of an empty decision`);
    }
    await context.close();
  });
}
