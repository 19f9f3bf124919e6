import type { LoaderFunctionArgs } from "@remix-run/node";
import { urlset } from "~/lib/sitemap";
import { countSitemapPages, sitemapCompanies } from "~/models/sitemap.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const page = Number(params.page);
  if (!Number.isInteger(page) || page < 1 || page > countSitemapPages()) throw notFound();
  const origin = requestSiteOrigin(request);
  return urlset(
    sitemapCompanies(page).map((c) => ({
      loc: `${origin}/companies/${encodeURIComponent(c.slug)}`,
      lastmod: c.lastReviewAt ? new Date(c.lastReviewAt).toISOString().slice(0, 10) : undefined,
    })),
  );
}
