import type { LoaderFunctionArgs } from "@remix-run/node";
import { listCategories } from "~/models/companies.server";
import { urlset } from "~/lib/sitemap";

export function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(request.url).origin;
  const paths = ["/", "/transparency", "/report", ...listCategories().map((c) => `/categories/${c.slug}`)];
  return urlset(paths.map((p) => ({ loc: `${origin}${p}` })));
}
