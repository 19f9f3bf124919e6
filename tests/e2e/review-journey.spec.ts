// The reviewer's journey (issue 4), end to end in Chromium as reader@example.com:
// write a review with two photos and Markdown on a seeded company, see it on the
// company page and its permalink with its label and dates, edit it ("edited on", the
// old version kept), delete it (gone from the page and the score) — with JavaScript,
// and the same write journey without. Bad input (no stars, a future date, 5 001
// characters, a text file named .jpg) gets an error next to each field and keeps
// everything else, with and without JavaScript.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";

type Lang = "en" | "fr";

const L = {
  en: {
    email: "Email address",
    password: "Password",
    login: "Log in",
    star4: "4 stars: good",
    title: "Title",
    body: "Your experience",
    date: "Date of your experience",
    channel: "How did it happen?",
    yes: "Yes",
    photos: "Photos (optional)",
    attestation: /I had this experience myself/,
    publish: "Publish my review",
    save: "Save my changes",
    edit: "Edit my review",
    del: "Delete my review",
    organic: "Organic",
    published: "Published",
    edited: "Edited on",
    experience: "Experience:",
    history: "Earlier versions",
    typeError: "This file is not a JPEG, PNG or WebP image.",
    starsError: "Choose a rating from 1 to 5 stars.",
    futureError: "The date of the experience cannot be in the future.",
    longError: "Your text is longer than 5,000 characters.",
  },
  fr: {
    email: "Adresse e-mail",
    password: "Mot de passe",
    login: "Se connecter",
    star4: "4 étoiles : bien",
    title: "Titre",
    body: "Votre expérience",
    date: "Date de votre expérience",
    channel: "Comment cela s’est-il passé ?",
    yes: "Oui",
    photos: "Photos (facultatif)",
    attestation: /J’ai vécu cette expérience moi-même/,
    publish: "Publier mon avis",
    save: "Enregistrer mes modifications",
    edit: "Modifier mon avis",
    del: "Supprimer mon avis",
    organic: "Spontané",
    published: "Publié le",
    edited: "Modifié le",
    experience: "Expérience",
    history: "Versions précédentes",
    typeError: "Ce fichier n’est pas une image JPEG, PNG ou WebP.",
    starsError: "Choisissez une note de 1 à 5 étoiles.",
    futureError: "La date de l’expérience ne peut pas être dans le futur.",
    longError: "Votre texte dépasse 5",
  },
} as const;

// French typography puts a narrow no-break space before ? and :, in labels too.
const fr = (s: string) => s.replace(/ ([?:;!])/g, "\u202F$1");
const label = (lang: Lang, key: keyof (typeof L)["en"]) => {
  const value = L[lang][key];
  return typeof value === "string" && lang === "fr" ? fr(value) : value;
};

const DAY = 86_400_000;
const isoDaysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

let files: { jpeg: string; png: string; fake: string };

test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-journey-"));
  files = { jpeg: path.join(dir, "terrace.jpg"), png: path.join(dir, "receipt.png"), fake: path.join(dir, "holiday.jpg") };
  await sharp({ create: { width: 1800, height: 1200, channels: 3, background: "#b5542e" } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 700/100" } })
    .toFile(files.jpeg);
  await sharp({ create: { width: 640, height: 800, channels: 3, background: "#2e5bb5" } })
    .png()
    .toFile(files.png);
  fs.writeFileSync(files.fake, "This is a text file, not a photo.\n");
});

async function newPage(browser: Browser, lang: Lang, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: lang === "en" ? "en-GB" : "fr-FR",
    extraHTTPHeaders: { "Accept-Language": lang },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(label(lang, "email"), { exact: true }).fill("reader@example.com");
  await page.getByLabel(label(lang, "password"), { exact: true }).fill("replique-demo");
  await page.getByRole("button", { name: label(lang, "login") as string, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** A subject of a seeded company that the reader has not reviewed yet, found the way a
 *  person would: from the home page's companies, through "write a review". Each test
 *  starts at its own place in the list (`from`, `skip`), so that tests running in
 *  parallel never take the same company. Leaves the page on the subject's form. */
async function freshSubject(page: Page, from: "start" | "end", skip = 0): Promise<{ companyPath: string; formPath: string }> {
  await page.goto("/");
  const hrefs = await page
    .locator('a[href^="/companies/"]')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  let companies = [...new Set(hrefs.filter((h) => /^\/companies\/[^/]+\/?$/.test(h)))];
  if (from === "end") companies = companies.reverse();
  expect(companies.length).toBeGreaterThan(4);
  companies = companies.slice(skip);
  for (const companyPath of companies) {
    const slug = companyPath.split("/")[2];
    await page.goto(`/write-a-review?company=${slug}`);
    const subjects = await page
      .locator('a[href^="/write-a-review/"]')
      .evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => /^\/write-a-review\/\d+$/.test(p)),
      );
    for (const formPath of subjects) {
      await page.goto(formPath);
      if (new URL(page.url()).pathname === formPath) return { companyPath, formPath };
    }
  }
  throw new Error("No subject left that reader@example.com has not reviewed");
}

async function histogram4(page: Page, companyPath: string) {
  await page.goto(companyPath);
  return Number(await page.getByTestId("histogram-4").first().innerText());
}

async function fillReview(
  page: Page,
  lang: Lang,
  values: { title: string; body: string; date: string },
  options: { photos?: string[]; stars?: boolean } = {},
) {
  if (options.stars !== false) await page.getByLabel(label(lang, "star4"), { exact: true }).check();
  await page.getByLabel(label(lang, "title"), { exact: true }).fill(values.title);
  await page.getByLabel(label(lang, "body"), { exact: true }).fill(values.body);
  await page.getByLabel(label(lang, "date"), { exact: true }).fill(values.date);
  await page.getByLabel(label(lang, "channel"), { exact: true }).selectOption("store");
  await page.getByLabel(label(lang, "yes"), { exact: true }).check();
  if (options.photos) await page.getByLabel(label(lang, "photos"), { exact: true }).setInputFiles(options.photos);
  await page.getByLabel(label(lang, "attestation")).check();
}

async function expectThread(page: Page, lang: Lang, title: string, experienceDate: string) {
  const thread = page.locator("article.thread", { hasText: title }).first();
  await expect(thread).toBeVisible();
  await expect(thread.locator(".post--review .badge", { hasText: label(lang, "organic") as string })).toBeVisible();
  await expect(thread.locator(".post__facts")).toContainText(label(lang, "published") as string);
  await expect(thread.locator(".post__facts")).toContainText(label(lang, "experience") as string);
  const year = experienceDate.slice(0, 4);
  await expect(thread.locator(".post__facts")).toContainText(year);
  await expect(thread.locator(".post__body strong")).toHaveText("Markdown");
  await expect(thread.locator(".post__body li")).toHaveCount(2);
  return thread;
}

async function writeJourney(browser: Browser, lang: Lang, javaScriptEnabled: boolean, from: "start" | "end") {
  const { context, page } = await newPage(browser, lang, javaScriptEnabled);
  const { companyPath, formPath } = await freshSubject(page, from);
  const before = await histogram4(page, companyPath);
  await page.goto(formPath);
  // Loader requests of the form's own page after it loaded: the live preview must not cause
  // any (a revalidation after saving would follow the loader's redirect to the edit page).
  const formLoaderRequests: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "GET" && new URL(r.url()).pathname === `${formPath}.data`) formLoaderRequests.push(r.url());
  });
  const title = `E2E ${javaScriptEnabled ? "js" : "nojs"} ${Date.now()}`;
  const body = "Friendly staff and **Markdown** works:\n\n- the terrace\n- the receipt\n\nSee you soon.";
  const date = isoDaysFromNow(-12);
  await fillReview(page, lang, { title, body, date }, { photos: [files.jpeg, files.png] });
  if (javaScriptEnabled) {
    // The live preview follows the typing.
    await expect(page.locator(".review-form__preview strong")).toHaveText("Markdown");
  }
  await page.getByRole("button", { name: label(lang, "publish") as string }).click();
  await expect(page).toHaveURL(/\/reviews\/\d+$/);
  expect(formLoaderRequests, "the live preview revalidated the form's loader").toEqual([]);
  const permalink = new URL(page.url()).pathname;

  // The permalink: label, dates, Markdown, both photos served.
  const thread = await expectThread(page, lang, title, date);
  const photos = thread.locator(".post__photos img");
  await expect(photos).toHaveCount(2);
  for (const img of await photos.all()) {
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  }
  // The company page, newest first, and the score.
  expect(await histogram4(page, companyPath)).toBe(before + 1);
  await expectThread(page, lang, title, date);
  return { context, page, permalink, companyPath, title, body, date, before };
}

test.describe("the reviewer's journey", () => {
  test("with JavaScript: write with two photos and Markdown, edit, delete", async ({ browser }) => {
    const lang: Lang = "en";
    const { context, page, permalink, companyPath, title, body, date, before } = await writeJourney(browser, lang, true, "end");

    // Edit: "edited on" appears and the old version is kept.
    await page.goto(permalink);
    await page.getByRole("link", { name: label(lang, "edit") as string }).click();
    await expect(page).toHaveURL(`${permalink}/edit`);
    const newTitle = `${title} (edited)`;
    await page.getByLabel(label(lang, "title"), { exact: true }).fill(newTitle);
    await page.getByLabel(label(lang, "body"), { exact: true }).fill(`${body}\n\nEdit: they called me back.`);
    await page.getByLabel(label(lang, "attestation")).check();
    await page.getByRole("button", { name: label(lang, "save") as string }).click();
    await expect(page).toHaveURL(new RegExp(`${permalink}$`));
    const thread = await expectThread(page, lang, newTitle, date);
    await expect(thread.locator(".post__facts")).toContainText(label(lang, "edited") as string);
    await page.goto(`${permalink}/edit`);
    const history = page.locator("section.revisions");
    await expect(history.getByRole("heading", { name: label(lang, "history") as string })).toBeVisible();
    await expect(history).toContainText(title);
    await expect(history).toContainText(newTitle);

    // Delete: gone from the company page and from the score.
    await page.goto(permalink);
    await page.getByRole("link", { name: label(lang, "del") as string }).click();
    await page.getByRole("button", { name: label(lang, "del") as string }).click();
    await expect(page).toHaveURL(new RegExp(`${companyPath}$`));
    await expect(page.locator("article.thread", { hasText: title })).toHaveCount(0);
    expect(await histogram4(page, companyPath)).toBe(before);
    expect((await page.goto(permalink))?.status()).toBe(404);
    await context.close();
  });

  test("without JavaScript: the same write journey", async ({ browser }) => {
    const { context } = await writeJourney(browser, "fr", false, "start");
    await context.close();
  });
});

for (const javaScriptEnabled of [true, false]) {
  test(`bad input gets an error next to each field and keeps what was typed (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    const lang: Lang = javaScriptEnabled ? "en" : "fr";
    const { context, page } = await newPage(browser, lang, javaScriptEnabled);
    const { formPath } = await freshSubject(page, javaScriptEnabled ? "end" : "start", 2);
    const title = `Kept title ${Date.now()}`;
    const body = "é".repeat(5_001);
    await fillReview(page, lang, { title, body, date: isoDaysFromNow(30) }, { stars: false, photos: [files.fake] });
    await page.getByRole("button", { name: label(lang, "publish") as string }).click();

    const errorOf = (field: string) => page.locator(`#review-${field}-error`);
    await expect(errorOf("stars")).toHaveText(L[lang].starsError);
    await expect(errorOf("experienceDate")).toHaveText(L[lang].futureError);
    await expect(errorOf("body")).toContainText(L[lang].longError);
    await expect(errorOf("photos")).toContainText(L[lang].typeError);
    // Each error is tied to its field.
    await expect(page.getByLabel(label(lang, "title"), { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(label(lang, "body"), { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(label(lang, "body"), { exact: true })).toHaveAttribute("aria-describedby", /review-body-error/);
    await expect(page.getByLabel(label(lang, "date"), { exact: true })).toHaveAttribute("aria-invalid", "true");
    // Everything else is kept.
    await expect(page.getByLabel(label(lang, "title"), { exact: true })).toHaveValue(title);
    await expect(page.getByLabel(label(lang, "body"), { exact: true })).toHaveValue(body);
    await expect(page.getByLabel(label(lang, "date"), { exact: true })).toHaveValue(isoDaysFromNow(30));
    await expect(page.getByLabel(label(lang, "channel"), { exact: true })).toHaveValue("store");
    await expect(page.getByLabel(label(lang, "yes"), { exact: true })).toBeChecked();
    await expect(page.getByLabel(label(lang, "attestation"))).toBeChecked();
    // Nothing was published.
    expect(new URL(page.url()).pathname).toBe(formPath);
    await context.close();
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`/write-a-review finds a company by name (${javaScriptEnabled ? "as you type" : "as a plain search form"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
    const page = await context.newPage();
    await page.goto("/");
    const companyPath = await page.locator('a[href^="/companies/"]').first().getAttribute("href");
    await page.goto(companyPath!);
    const name = (await page.getByRole("heading", { level: 1 }).first().innerText()).trim();
    const word = name.split(/[\s'’&-]+/).find((w) => w.length >= 3)!;
    await page.goto("/write-a-review");
    const box = page.getByLabel("Which company, store, website or product?");
    if (javaScriptEnabled) {
      await box.pressSequentially(word.slice(0, 4), { delay: 40 });
    } else {
      await box.fill(word.slice(0, 4));
      await page.getByRole("button", { name: "Search", exact: true }).last().click();
    }
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(word.slice(0, 4))}`));
    await expect(page.locator(".write-results .target__name", { hasText: name })).toBeVisible();
    await expect(page.locator('.write-results a[href^="/write-a-review/"]').first()).toBeVisible();
    await context.close();
  });
}
