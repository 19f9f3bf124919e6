import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCategories } from "~/models/companies.server";
import { urlset } from "~/lib/sitemap";
import { requestSiteOrigin } from "~/lib/origin.server";

export function loader({ request }: LoaderFunctionArgs) {
  const origin = requestSiteOrigin(request);
  const paths = ["/", "/transparency", "/report", "/for-companies", "/api", ...listCategories().map((c) => `/categories/${c.slug}`)];
  return urlset(paths.map((p) => ({ loc: `${origin}${p}` })));
}
