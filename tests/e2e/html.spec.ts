// The Nu HTML Checker (vnu-jar from npm, run with the Java Debian ships) over every page type,
// in French and English, signed out and signed in as a reader, a company owner and a
// moderator: no error, and no U+0000 anywhere. `npm run check:html` runs this spec alone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { logIn } from "./helpers";

const VNU = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

type Who = "anonymous" | "reader" | "brand" | "moderator";

async function requestAs(
  browser: Browser,
  who: Who,
  lang: "fr" | "en",
): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
  if (who !== "anonymous") await (await logIn(context, `${who}@example.com`)).close();
  return { request: context.request, close: () => context.close() };
}

/** Paths of the demo data the page types need, read from the pages themselves. */
async function discover(request: APIRequestContext) {
  const first = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];
  const company = await (await request.get("/companies/maison-lumiere")).text();
  const review = first(company, /href="(\/reviews\/\d+)"/)!;
  const subject = first(company, /href="(\/companies\/maison-lumiere\/[a-z0-9-]+)"/)!;
  const next = first(company, /href="(\/companies\/maison-lumiere\?[^"]*before=[^"]+)"/)?.replace(/&amp;/g, "&");
  const home = await (await request.get("/")).text();
  const category = first(home, /href="(\/categories\/[a-z0-9-]+)"/)!;
  const permalink = await (await request.get(review)).text();
  const profile = first(permalink, /href="(\/users\/\d+)"/)!;
  return { review, subject, next, category, profile, reviewId: review.split("/").at(-1)! };
}

function pagesFor(who: Who, d: Awaited<ReturnType<typeof discover>>): string[] {
  const common = [
    "/",
    "/search?q=maison",
    d.category,
    "/companies/maison-lumiere",
    d.subject,
    d.review,
    d.profile,
    "/transparency",
    "/for-companies",
    "/api",
  ];
  if (d.next) common.push(d.next);
  switch (who) {
    case "anonymous":
      return [
        ...common,
        "/login",
        "/signup",
        "/forgot-password",
        "/report",
        "/widget/maison-lumiere",
        "/no-such-page",
        "/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      ];
    case "reader":
      return [...common, "/account", "/notifications", "/write-a-review", `${d.review}/flag`, "/companies/new"];
    case "brand":
      return [
        "/brand",
        "/brand/maison-lumiere",
        `/brand/maison-lumiere/reviews/${d.reviewId}`,
        "/brand/maison-lumiere/members",
        "/brand/maison-lumiere/metrics",
        "/brand/maison-lumiere/alerts",
        "/brand/maison-lumiere/webhooks",
        "/brand/maison-lumiere/subjects",
        "/brand/maison-lumiere/invitations",
        "/brand/maison-lumiere/flags",
      ];
    case "moderator":
      return [
        "/moderation",
        "/moderation/flags",
        "/moderation/held",
        "/moderation/appeals",
        "/moderation/proofs",
        "/moderation/suggestions",
        "/moderation/conduct",
        "/moderation/claims",
        `/moderation/reviews/${d.reviewId}`,
      ];
  }
}

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
