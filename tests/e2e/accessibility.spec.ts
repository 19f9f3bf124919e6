// Automated accessibility scan (axe-core) of each public page type against WCAG 2.x A and
// AA. Serious and critical violations fail the test; every violation is listed in the
// output and attached to the report, so the minor ones are seen too.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { WCAG_TAGS, findCompanyWithReplies, findReviewWithReply } from "./helpers";

async function scan(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBe(200);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  await test.info().attach(`axe ${path}`, { body: JSON.stringify(results.violations, null, 2), contentType: "application/json" });
  const lines = results.violations.map(
    (v) =>
      `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×) ${v.helpUrl}\n` +
      v.nodes
        .slice(0, 3)
        .map((n) => `      ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`)
        .join("\n"),
  );
  if (lines.length) console.log(`axe, ${path}: ${results.violations.length} violation(s)\n${lines.join("\n")}`);
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    ),
    `serious or critical WCAG A/AA violations on ${path}`,
  ).toEqual([]);
}

for (const locale of ["fr-FR", "en-GB"]) {
  test.describe(`accessibility (${locale})`, () => {
    test.use({ locale });
    // axe checks colour contrast node by node: long pages take a while on a busy machine.
    test.describe.configure({ timeout: 120_000 });

    test("home page", async ({ page }) => {
      await scan(page, "/");
    });

    test("company page", async ({ page }) => {
      await scan(page, await findCompanyWithReplies(page));
    });

    test("review permalink", async ({ page }) => {
      await scan(page, await findReviewWithReply(page));
    });

    test("404 page", async ({ page }) => {
      await page.goto("/companies/does-not-exist");
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  });
}

// The scan must be able to fail: a page with planted violations is caught.
test("the scanner reports planted violations", async ({ page }) => {
  await page.setContent(
    `<!doctype html><html><head><title>t</title></head><body><main>
       <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
       <p style="color:#aaa;background:#fff">faint text</p>
       <input type="text">
     </main></body></html>`,
  );
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const ids = results.violations.map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(["image-alt", "color-contrast", "label", "html-has-lang"]));
});
