// axe-core over every page type (tests/e2e/page-types.ts), every rule it has — not only WCAG
// A/AA but its best practices too — signed out and as a reader, the brand owner and a
// moderator, in French and English, at 1280 and 390 px: no violation of any impact.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";
import { discover, pagesFor, requestAs, type Who } from "./page-types";

for (const width of [1280, 390]) {
  for (const lang of ["fr", "en"] as const) {
    test(`axe finds nothing on any page type (${lang}, ${width} px)`, async ({ browser }) => {
      test.setTimeout(600_000);
      const anonymous = await requestAs(browser, "anonymous", "fr");
      const d = await discover(anonymous.request);
      await anonymous.close();
      const found: string[] = [];
      for (const who of ["anonymous", "reader", "brand", "moderator"] as Who[]) {
        const context = await browser.newContext({
          locale: lang === "en" ? "en-GB" : "fr-FR",
          extraHTTPHeaders: { "Accept-Language": lang },
          viewport: { width, height: 900 },
        });
        const page = who === "anonymous" ? await context.newPage() : await logIn(context, `${who}@example.com`);
        for (const path of pagesFor(who, d)) {
          await page.goto(path);
          const results = await new AxeBuilder({ page }).analyze();
          for (const v of results.violations) {
            found.push(
              `${path} (${who}): [${v.impact}] ${v.id} — ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")}`,
            );
          }
        }
        await context.close();
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}
