// /brand/:slug/export.csv: every review of the company with its reply, as CSV, for the
// company's members only (an anonymous visitor is sent to log in, anyone else gets a 403).
// Streamed page by page (app/models/review-export.server.ts), never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireBrandMember } from "~/lib/brand-page.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { exportFileName, reviewExportStream } from "~/models/review-export.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = requireBrandMember(request, params.slug);
  return new Response(reviewExportStream(company.id, { origin: requestSiteOrigin(request) }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(company.slug)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
