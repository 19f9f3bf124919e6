// The site answers, unknown addresses get a localized 404, and the language switch works.
import { expect, test } from "@playwright/test";

test("the home page and /healthz answer 200", async ({ page, request }) => {
  const home = await page.goto("/");
  expect(home?.status()).toBe(200);
  await expect(page.locator("main")).toBeVisible();

  const health = await request.get("/healthz");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
});

test.describe("an unknown company answers 404 with a localized page", () => {
  test("in French by default", async ({ browser }) => {
    // No Accept-Language at all: French, the site's default language.
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "" } });
    const page = await context.newPage();
    const response = await page.goto("/companies/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await context.close();
  });

  test("in French with Accept-Language: fr", async ({ browser }) => {
    const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr" } });
    const page = await context.newPage();
    const response = await page.goto("/companies/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await context.close();
  });

  test("in English with Accept-Language: en", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
    const page = await context.newPage();
    const response = await page.goto("/companies/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await context.close();
  });
});

test("the FR/EN switch in the header changes the language and remembers it", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  const header = page.locator("header").first();
  await header.getByRole("link", { name: /English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/[?&]lang=en/);

  // Remembered: a cookie, and a later visit without ?lang= stays in English even though
  // the browser still asks for French.
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "lang")?.value).toBe("en");
  await page.goto("/companies/does-not-exist");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

  // And back to French the same way.
  await page.goto("/");
  await page
    .locator("header")
    .first()
    .getByRole("link", { name: /Français/ })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});
