// Full-page screenshots of the main reading pages at desktop and mobile sizes, for people
// to look at (test-results/screenshots/*.png). They also fail on horizontal overflow,
// which is what breaks a page at 390 px.
import { expect, test } from "@playwright/test";
import { findCompanyWithReplies } from "./helpers";

const sizes = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 390, height: 844 },
];

for (const size of sizes) {
  test.describe(`screenshots at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const pageKind of ["home", "company"] as const) {
      test(`${pageKind} page`, async ({ page }) => {
        const path = pageKind === "home" ? "/" : await findCompanyWithReplies(page);
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await page.evaluate(() => document.fonts.ready);
        const file = `test-results/screenshots/${pageKind}-${size.width}x${size.height}.png`;
        await page.screenshot({ path: file, fullPage: true });
        await test.info().attach(`${pageKind}-${size.name}`, { path: file, contentType: "image/png" });

        // Nothing wider than the viewport: no sideways scrolling on a phone.
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== "fixed")
            .filter((el) => !el.closest(".visually-hidden, .skip-link"))
            .slice(0, 5)
            .map(
              (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (right ${Math.round(el.getBoundingClientRect().right)})`,
            );
          return { scrollWidth: document.documentElement.scrollWidth, width, wide };
        });
        expect(overflow.wide, `elements overflowing ${overflow.width} px`).toEqual([]);
        expect(overflow.scrollWidth, "no horizontal scrolling").toBeLessThanOrEqual(overflow.width);
      });
    }
  });
}
