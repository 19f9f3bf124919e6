// The public notice form without JavaScript: an anonymous visitor copies a seeded review's
// address, reaches /report from the footer, makes mistakes (errors next to the fields,
// what was typed kept), then sends the report, sees the confirmation, and the receipt is
// in the outbox (/dev/mail, on with ENABLE_DEV_MAIL=1 in the end-to-end server). Plus an
// axe scan (WCAG 2.x A/AA) of the form, empty and with errors, in both languages.
import { expect, test, type Browser } from "@playwright/test";
import { expectAccessible, findReviewWithReply } from "./helpers";

type Lang = "fr" | "en";

const TEXT = {
  fr: {
    footer: "Signaler un contenu",
    title: "Signaler un contenu illicite ou abusif",
    url: "Lien vers l’avis",
    target: "Que signalez-vous ?",
    reason: "Motif",
    reasonOption: "Données personnelles",
    explanation: "Explication",
    name: "Votre nom",
    email: "Votre adresse e-mail",
    goodFaith: /Je déclare de bonne foi/,
    submit: "Envoyer le signalement",
    reasonError: "Choisissez un motif dans la liste.",
    goodFaithError: "Confirmez que votre signalement est fait de bonne foi.",
    done: "Signalement reçu",
    subject: /Nous avons reçu votre signalement n°\s\d+/,
  },
  en: {
    footer: "Report content",
    title: "Report illegal or abusive content",
    url: "Link to the review",
    target: "What do you report?",
    reason: "Reason",
    reasonOption: "Personal data",
    explanation: "Explanation",
    name: "Your name",
    email: "Your email address",
    goodFaith: /I declare in good faith/,
    submit: "Send the report",
    reasonError: "Choose a reason from the list.",
    goodFaithError: "Confirm that your report is made in good faith.",
    done: "Report received",
    subject: /We received your report no\. \d+/,
  },
} as const;

async function anonymousPage(browser: Browser, lang: Lang) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: lang === "en" ? "en-GB" : "fr-FR",
    extraHTTPHeaders: { "Accept-Language": lang },
  });
  return { context, page: await context.newPage() };
}

for (const lang of ["fr", "en"] as const) {
  test(`an anonymous visitor reports a review without JavaScript and gets a receipt (${lang})`, async ({ browser }) => {
    const x = TEXT[lang];
    const { context, page } = await anonymousPage(browser, lang);
    const permalink = await findReviewWithReply(page);
    await page.goto(permalink);
    const reviewUrl = new URL(permalink, page.url()).toString();

    // From the footer, as a visitor would.
    await page.getByRole("contentinfo").getByRole("link", { name: x.footer }).click();
    await expect(page).toHaveURL(/\/report$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(x.title);

    const email = `notifier-${lang}-${Date.now()}@example.test`;
    const explanation = "The review gives the full name and phone number of an employee.";
    // The reply is reported through the link's fragment.
    await page.getByLabel(x.url).fill(`${reviewUrl}#reply`);
    await page.getByLabel(x.explanation).fill(explanation);
    await page.getByLabel(x.name).fill("Camille Martin");
    await page.getByLabel(x.email).fill(email);
    // No reason, no good-faith statement: two errors, the rest kept.
    await page.getByRole("button", { name: x.submit }).click();
    await expect(page.locator("#report-reason-error")).toHaveText(x.reasonError);
    await expect(page.getByLabel(x.reason)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#report-goodFaith-error")).toHaveText(x.goodFaithError);
    await expect(page.getByLabel(x.url)).toHaveValue(`${reviewUrl}#reply`);
    await expect(page.getByLabel(x.explanation)).toHaveValue(explanation);
    await expect(page.getByLabel(x.name)).toHaveValue("Camille Martin");
    await expect(page.getByLabel(x.email)).toHaveValue(email);

    await page.getByLabel(x.reason).selectOption({ label: x.reasonOption });
    await page.getByLabel(x.goodFaith).check();
    await page.getByRole("button", { name: x.submit }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(x.done);
    await expect(page.getByRole("status")).toContainText(email);

    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    const mails = page.locator(`.dev-mail__item[data-to="${email}"]`);
    await expect(mails).toHaveCount(1);
    await expect(mails.first().locator(".dev-mail__subject")).toHaveText(x.subject);
    await expect(mails.first()).toContainText("report_received");
    await expect(mails.first().locator(`a[href="${reviewUrl}"]`)).toHaveCount(1);
    await context.close();
  });
}

test("the permalink links to the form with the review filled in", async ({ browser }) => {
  const { context, page } = await anonymousPage(browser, "en");
  const permalink = await findReviewWithReply(page);
  await page.goto(permalink);
  await page.getByRole("link", { name: "Report illegal content" }).click();
  await expect(page).toHaveURL(/\/report\?review=\d+$/);
  await expect(page.getByLabel("Link to the review")).toHaveValue(new URL(permalink, page.url()).toString());
  await context.close();
});

for (const lang of ["fr", "en"] as const) {
  test(`the form is accessible, empty and with errors (${lang})`, async ({ browser }) => {
    const x = TEXT[lang];
    const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
    const page = await context.newPage();
    await page.goto("/report");
    await expectAccessible(page, "/report");
    await page.getByRole("button", { name: x.submit }).click();
    await expect(page.locator("#report-reason-error")).toHaveText(x.reasonError);
    await expect(page.locator("#report-url-error")).toBeVisible();
    await expectAccessible(page, "/report with errors");
    await context.close();
  });
}
