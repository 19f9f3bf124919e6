import type { LoaderFunctionArgs } from "@remix-run/node";
import { countSitemapPages, SITEMAP_KINDS } from "~/models/sitemap.server";
import { requestSiteOrigin } from "~/lib/origin.server";

// A sitemap index: the static pages, then, for companies, subjects, reviews and profiles,
// one file per block of ids (each at most SITEMAP_PAGE_SIZE URLs).
export function loader({ request }: LoaderFunctionArgs) {
  const origin = requestSiteOrigin(request);
  const files = [`${origin}/sitemaps/pages`];
  for (const kind of SITEMAP_KINDS) {
    for (let page = 1; page <= countSitemapPages(kind); page++) files.push(`${origin}/sitemaps/${kind}/${page}`);
  }
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${files.map((loc) => `  <sitemap><loc>${loc}</loc></sitemap>`).join("\n")}
</sitemapindex>
`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
