// Photos and proofs, from DATA_DIR/media (outside public/). "/media/<key>" is the image,
// "/media/<key>?size=thumb" (or "/media/<key>.thumb") its thumbnail. Proofs only for the
// review's author and moderators; photos for whoever may see the review. Anything not
// allowed answers 404, so that a key reveals nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { canViewMedia, getMediaByKey, parseMediaUrlName, readMediaFile } from "~/models/media.server";
import { getUser } from "~/models/permissions.server";
import { notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = parseMediaUrlName(params.key ?? "");
  if (!parsed) return notFound();
  const thumbnail = parsed.thumbnail || new URL(request.url).searchParams.get("size") === "thumb";
  const media = getMediaByKey(parsed.storageKey);
  if (!media) return notFound();
  const user = getUser(request);
  if (!canViewMedia(user ? { id: user.id, role: user.role } : null, media)) return notFound();
  const bytes = await readMediaFile(media.storageKey, media.mime, thumbnail);
  if (!bytes) return notFound();
  // Public photos of published reviews may be cached by anyone; the rest by the browser only.
  const isPublic = media.kind === "photo" && media.reviewStatus === "published";
  const etag = `"${media.storageKey}${thumbnail ? "-t" : ""}"`;
  const headers = {
    "Content-Type": media.mime,
    "Content-Length": String(bytes.byteLength),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": "inline",
    "Cache-Control": `${isPublic ? "public" : "private"}, max-age=31536000, immutable`,
    ETag: etag,
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(bytes, { status: 200, headers });
}
