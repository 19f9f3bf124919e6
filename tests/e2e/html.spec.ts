// The Nu HTML Checker (vnu-jar from npm, run with the Java Debian ships) over every page type,
// in French and English, signed out and signed in as a reader, a company owner and a
// moderator: no error, and no U+0000 anywhere. `npm run check:html` runs this spec alone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { discover, pagesFor, requestAs } from "./page-types";

const VNU = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

test("the Nu HTML Checker finds no error on any page type, in French and English, signed out and in", async ({ browser }) => {
  test.slow();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replique-vnu-"));
  const files = new Map<string, string>();
  const anonymous = await requestAs(browser, "anonymous", "fr");
  const d = await discover(anonymous.request);
  await anonymous.close();
  for (const lang of ["fr", "en"] as const) {
    for (const who of ["anonymous", "reader", "brand", "moderator"] as const) {
      const { request, close } = await requestAs(browser, who, lang);
      for (const pagePath of pagesFor(who, d)) {
        const answer = await request.get(pagePath, { maxRedirects: 0 });
        if (answer.status() >= 300 && answer.status() < 400) continue;
        expect(answer.headers()["content-type"] ?? "", pagePath).toContain("text/html");
        const html = await answer.text();
        expect(html.includes("\u0000"), `U+0000 in ${pagePath} (${who}, ${lang})`).toBe(false);
        const file = path.join(dir, `${files.size}.html`);
        fs.writeFileSync(file, html);
        files.set(`file:${file}`, `${pagePath} (${who}, ${lang}, ${answer.status()})`);
      }
      await close();
    }
  }
  expect(files.size).toBeGreaterThan(60);
  // vnu writes its JSON report on stderr and exits 1 when it found errors; anything else
  // (no Java, no jar) fails the test here rather than passing it unread.
  const run = spawnSync("java", ["-jar", VNU, "--errors-only", "--format", "json", ...[...files.keys()].map((f) => f.slice(5))], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`the Nu HTML Checker did not run (java -jar ${VNU}): ${run.error.message}`);
  const report = run.stderr.trim();
  if (!report.startsWith("{")) throw new Error(`the Nu HTML Checker answered no report (exit ${run.status}): ${report.slice(0, 500)}`);
  const messages = report
    ? (JSON.parse(report) as { messages: { type: string; url: string; message: string; extract?: string }[] }).messages
    : [];
  const errors = messages.filter((m) => m.type === "error").map((m) => `${files.get(m.url) ?? m.url}: ${m.message} — ${m.extract ?? ""}`);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(errors, errors.join("\n")).toEqual([]);
});
