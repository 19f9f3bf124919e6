import type { LoaderFunctionArgs } from "@remix-run/node";
import { urlset } from "~/lib/sitemap";
import { countSitemapPages, isSitemapKind, sitemapEntries } from "~/models/sitemap.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";

// One file of a sitemap series: /sitemaps/companies/1, /sitemaps/subjects/1,
// /sitemaps/reviews/1, /sitemaps/users/1 (listed by /sitemap.xml).
export function loader({ request, params }: LoaderFunctionArgs) {
  const kind = params.kind;
  const page = Number(params.page);
  if (!isSitemapKind(kind) || !Number.isInteger(page) || page < 1 || page > countSitemapPages(kind)) throw notFound();
  const origin = requestSiteOrigin(request);
  return urlset(
    sitemapEntries(kind, page).map((e) => ({
      loc: `${origin}${e.path}`,
      lastmod: e.lastmod ? new Date(e.lastmod).toISOString().slice(0, 10) : undefined,
    })),
  );
}
