// The account journey end to end, with and without JavaScript: sign up → open the
// verification link from the outbox (/dev/mail, enabled on the e2e server by
// ENABLE_DEV_MAIL=1) → log out → log in → reset the password through the outbox → the
// old session is gone. Selectors avoid visible text so that they hold in any language.
import { expect, test, type Browser, type Page } from "@playwright/test";

const PASSWORD = "a long and unusual passphrase";
const NEW_PASSWORD = "a different, newer passphrase";

/** The newest link to `path` in the newest mail of `template` to `to`, read from /dev/mail. */
async function linkFromOutbox(page: Page, to: string, template: string, path: string): Promise<string> {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  const mail = page.locator("li.dev-mail__item", { hasText: template }).first();
  await expect(mail).toBeVisible();
  const href = await mail.locator(`a[href*="${path}?token="]`).first().getAttribute("href");
  expect(href).toBeTruthy();
  const url = new URL(href!);
  return `${url.pathname}${url.search}`;
}

async function submit(page: Page) {
  await Promise.all([page.waitForURL(() => true), page.locator("main form button[type=submit]").first().click()]);
  await page.waitForLoadState("load");
}

async function userMenu(page: Page) {
  return page.locator("header details.user-menu");
}

async function journey(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const email = `e2e-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@example.test`;
  const name = javaScriptEnabled ? "Camille JS" : "Camille NoJS";

  // Sign up.
  await page.goto("/signup");
  await expect(page.locator('input[name="email"]')).toHaveAttribute("autocomplete", "email");
  await expect(page.locator('input[name="password"]')).toHaveAttribute("autocomplete", "new-password");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="displayName"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await submit(page);
  await expect(page.locator("main")).toContainText(email);
  await expect(page.locator("input[name=password]")).toHaveCount(0);

  // Verify by the link in the outbox: the page's button logs in.
  await page.goto(await linkFromOutbox(page, email, "verify_email", "/verify-email"));
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(await userMenu(page)).toContainText(name);
  await expect(page.locator(".toast")).toBeVisible();

  // Log out through the header's menu (a <details>: no script needed).
  await (await userMenu(page)).locator("summary").click();
  await (await userMenu(page)).locator('form[action="/logout"] button').click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.locator("header details.user-menu")).toHaveCount(0);
  await expect(page.locator('header a[href="/login"]')).toBeVisible();

  // Log in.
  await page.goto("/login");
  await expect(page.locator('input[name="email"]')).toHaveAttribute("autocomplete", "username");
  await expect(page.locator('input[name="password"]')).toHaveAttribute("autocomplete", "current-password");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await submit(page);
  await expect(await userMenu(page)).toContainText(name);
  const cookies = await context.cookies();
  // The server runs in production over plain HTTP: the cookie is not Secure (a browser keeps
  // a Secure cookie from http:// on localhost only); over HTTPS it is __Host- and Secure
  // (tests/integration/auth-flows.test.ts).
  const session = cookies.find((c) => c.name === "replique_session");
  expect(session, "the session cookie").toBeTruthy();
  expect(session).toMatchObject({ httpOnly: true, secure: false, sameSite: "Lax", path: "/" });

  // Forgotten password, from another browser.
  const other = await browser.newContext({ javaScriptEnabled });
  const page2 = await other.newPage();
  await page2.goto("/forgot-password");
  await page2.fill('input[name="email"]', email);
  await submit(page2);
  await expect(page2.locator("main")).toContainText(email);
  await page2.goto(await linkFromOutbox(page2, email, "reset_password", "/reset-password"));
  await expect(page2.locator('input[name="password"]')).toHaveAttribute("autocomplete", "new-password");
  await page2.fill('input[name="password"]', NEW_PASSWORD);
  await page2.locator("main form button[type=submit]").click();
  await page2.waitForURL((url) => url.pathname === "/login");

  // The old session is gone.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  await expect(page.locator("header details.user-menu")).toHaveCount(0);

  // The old password no longer works; the new one does.
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await submit(page);
  await expect(page.locator("main [role=alert]")).toBeVisible();
  await expect(page.locator('input[name="email"]')).toHaveValue(email);
  await expect(page.locator('input[name="password"]')).toHaveValue("");
  await page.fill('input[name="password"]', NEW_PASSWORD);
  await submit(page);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.locator("main h1")).toBeVisible();

  await other.close();
  await context.close();
}

test("sign up, verify, log out, log in, reset: the old session is gone (JavaScript on)", async ({ browser }) => {
  await journey(browser, true);
});

test("the same journey with JavaScript disabled", async ({ browser }) => {
  await journey(browser, false);
});

test("production headers: HSTS, CSP with a nonce and no unsafe-inline, nosniff, no X-Powered-By", async ({ request }) => {
  const a = await request.get("/login");
  const b = await request.get("/login");
  const csp = a.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src [^;]*'nonce-[^']+'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp.match(/'nonce-([^']+)'/)![1]).not.toBe(b.headers()["content-security-policy"].match(/'nonce-([^']+)'/)![1]);
  expect(a.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(a.headers()["x-content-type-options"]).toBe("nosniff");
  expect(a.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(a.headers()["x-powered-by"]).toBeUndefined();
});
