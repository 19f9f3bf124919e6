// npm run lighthouse — Lighthouse (npm, 12.2.3) with Debian's Chromium over the reading pages
// (home, a company, one of its subjects, a review permalink, a search), in French and
// English, on the built server (build/start/server.js) with the demo data in a fresh
// temporary database, with Lighthouse's mobile emulation and throttling (its default) and
// its desktop configuration: the SEO score (must be 100; not for /search, which asks search
// engines not to index it) and the performance score (mobile: must be ≥ 95; desktop:
// reported). Prints a table; exits 1 when a page misses a limit.
//
//   npm run build && npm run lighthouse
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const SEO_MIN = 100;
const PERFORMANCE_MIN = 95;

if (!fs.existsSync("build/server/index.js") || !fs.existsSync("build/start/server.js")) {
  console.error("No build. Run `npm run build` first.");
  process.exit(1);
}

async function startServer() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "replique-lighthouse-"));
  const child = spawn(process.execPath, ["build/start/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      SECRET_FILE: path.join(tmp, "secret"),
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: path.join(tmp, "db.sqlite"),
      DATA_DIR: path.join(tmp, "data"),
      SEED_DEMO: "1",
      LOG_REQUESTS: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = chunk.toString().match(/listening on (http:\/\/\S+)/);
      if (match) resolve(match[1]!.replace(/\/$/, ""));
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.on("exit", () => {
        fs.rmSync(tmp, { recursive: true, force: true });
        resolve();
      });
      child.kill("SIGTERM");
    });
  return { url, stop };
}

async function pagesOf(base: string) {
  const company = await (await fetch(`${base}/companies/maison-lumiere`)).text();
  const subject = /href="(\/companies\/maison-lumiere\/[a-z0-9-]+)"/.exec(company)![1]!;
  const review = /href="(\/reviews\/\d+)"/.exec(company)![1]!;
  return { home: "/", company: "/companies/maison-lumiere", subject, permalink: review, search: "/search?q=maison" };
}

const server = await startServer();
const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
const FORM_FACTORS = { mobile: undefined, desktop: desktopConfig } as const;
type Score = number | string;
const rows: { page: string; lang: string; seo: number; mobile: Score; desktop: Score; failed: string[] }[] = [];
try {
  const pages = await pagesOf(server.url);
  for (const lang of ["fr", "en"] as const) {
    for (const [name, pagePath] of Object.entries(pages)) {
      const url = `${server.url}${pagePath}${pagePath.includes("?") ? "&" : "?"}lang=${lang}`;
      const scores = { seo: 0, mobile: 0 as Score, desktop: 0 as Score, failed: [] as string[] };
      for (const [formFactor, config] of Object.entries(FORM_FACTORS)) {
        const result = await lighthouse(
          url,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["seo", "performance"] },
          config,
        );
        const categories = result!.lhr.categories;
        const performance = categories.performance?.score;
        // No score is a failed run (Lighthouse's runtimeError), reported as such, not as 0.
        scores[formFactor as keyof typeof FORM_FACTORS] =
          performance == null ? `no score (${result!.lhr.runtimeError?.code ?? "unknown error"})` : Math.round(performance * 100);
        if (formFactor !== "mobile") continue;
        scores.seo = Math.round((categories.seo?.score ?? 0) * 100);
        scores.failed = Object.values(result!.lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && categories.seo?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => a.id);
      }
      rows.push({ page: name, lang, ...scores });
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
const seoApplies = (page: string) => page !== "search";
console.log("| page | language | SEO | performance (mobile) | performance (desktop) | SEO audits not passed |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  const seo = seoApplies(r.page) ? String(r.seo) : `${r.seo} (noindex)`;
  console.log(`| ${r.page} | ${r.lang} | ${seo} | ${r.mobile} | ${r.desktop} | ${r.failed.join(", ") || "—"} |`);
}
if (rows.some((r) => (seoApplies(r.page) && r.seo < SEO_MIN) || typeof r.mobile !== "number" || r.mobile < PERFORMANCE_MIN))
  process.exitCode = 1;
