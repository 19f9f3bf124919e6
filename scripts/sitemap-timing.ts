// npm run bench:sitemap — every sitemap file of a database (by default the large one of
// `npm run seed:large`) rendered as /sitemap.xml and /sitemaps/:kind/:page answer it: how
// many files, URLs and bytes, the largest file, and the time for all of them. It fails when
// a file holds more than 50 000 URLs or the whole takes a minute or more.
//
//   BENCH_DATABASE_URL=./data/large.db npm run bench:sitemap
import fs from "node:fs";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "./data/large.db";
if (!fs.existsSync(databaseUrl)) {
  console.error(`No database at ${databaseUrl}. Run \`npm run seed:large\` first, or set BENCH_DATABASE_URL.`);
  process.exit(1);
}
process.env.DATABASE_URL = databaseUrl;
process.env.SITE_URL ??= "https://replique.example";

const MAX_URLS = 50_000;
const LIMIT_MS = 60_000;

const { loader: indexLoader } = await import("~/routes/sitemap[.]xml");
const { loader: fileLoader } = await import("~/routes/sitemaps.$kind.$page");
const { loader: pagesLoader } = await import("~/routes/sitemaps.pages");
const { countSitemapPages, SITEMAP_KINDS } = await import("~/models/sitemap.server");

const request = (path: string) => new Request(`https://replique.example${path}`);
const args = (path: string, params: Record<string, string> = {}) => ({ request: request(path), params, context: {} });

const started = performance.now();
const index = await (await indexLoader(args("/sitemap.xml"))).text();
const pages = await (await pagesLoader(args("/sitemaps/pages"))).text();
let files = 1;
let urls = pages.split("<url>").length - 1;
let bytes = Buffer.byteLength(pages);
let largest = urls;
for (const kind of SITEMAP_KINDS) {
  for (let page = 1; page <= countSitemapPages(kind); page++) {
    const body = await (await fileLoader(args(`/sitemaps/${kind}/${page}`, { kind, page: String(page) }))).text();
    const count = body.split("<url>").length - 1;
    files++;
    urls += count;
    bytes += Buffer.byteLength(body);
    largest = Math.max(largest, count);
  }
}
const ms = performance.now() - started;
const listed = index.split("<sitemap>").length - 1;
console.log(`Sitemaps of ${databaseUrl}: ${files} files (the index lists ${listed}), ${urls} URLs, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`largest file ${largest} URLs (limit ${MAX_URLS}); all rendered in ${(ms / 1000).toFixed(1)} s (limit ${LIMIT_MS / 1000} s)`);
if (largest > MAX_URLS || ms >= LIMIT_MS || listed !== files) process.exitCode = 1;
