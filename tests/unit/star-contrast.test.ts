// The stars' colours in app/styles/app.css, light and dark: a star carries meaning, so both
// the filled and the unfilled ones contrast at least 3:1 with the cards and the page behind
// them (WCAG 1.4.11); an unfilled star is also an outline glyph (Stars.tsx), not only paler.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const css = fs.readFileSync(path.join(process.cwd(), "app/styles/app.css"), "utf8");

/** The custom properties of the first `:root { … }` block after `from`. */
function rootVars(from: number): Record<string, string> {
  const start = css.indexOf(":root {", from);
  const block = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = rootVars(0);
const dark = { ...light, ...rootVars(css.indexOf("@media (prefers-color-scheme: dark)")) };

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("the stars' contrast", () => {
  it.each([
    ["light", light],
    ["dark", dark],
  ] as const)("filled and unfilled stars contrast ≥ 3:1 with the cards and the page (%s)", (_scheme, vars) => {
    expect(css).toMatch(/\.stars__off\s*\{\s*color:\s*var\(--star-off\)/);
    for (const star of ["--star", "--star-off"]) {
      for (const background of ["--surface", "--bg"]) {
        expect(contrast(vars[star]!, vars[background]!), `${star} on ${background}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(dark["--star-off"]).not.toBe(light["--star-off"]);
  });
});
