import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestSiteOrigin } from "~/lib/origin.server";

// /search is not disallowed: its pages say `noindex, follow`, which a crawler reads only if
// it may fetch them (a disallowed page can still be indexed from links, without its noindex).
export function loader({ request }: LoaderFunctionArgs) {
  const origin = requestSiteOrigin(request);
  const body = [
    "User-agent: *",
    "Allow: /",
    "Disallow: /account",
    "Disallow: /brand",
    "Disallow: /moderation",
    "Disallow: /dev/",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
