// /moderation/claims/:id/document: the document a claimant attached to a claim with evidence,
// for moderators only (anyone else: 404). Always a download, never rendered by the site:
// Content-Disposition attachment, its type as its first bytes said, nosniff, a sandbox.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/lib/http.server";
import { readClaimDocument } from "~/models/claim-documents.server";
import { claimDocumentOf } from "~/models/company-claims.server";
import { getUser } from "~/models/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = getUser(request);
  if (user?.role !== "moderator" && user?.role !== "admin") return notFound();
  const id = Number(params.id);
  const document = Number.isSafeInteger(id) && id > 0 ? claimDocumentOf(id) : null;
  const bytes = document ? await readClaimDocument(document.key) : null;
  if (!document || !bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": document.mime,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${document.name}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
