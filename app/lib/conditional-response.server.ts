// Answers that other sites embed or fetch (the JSON API, the widget, the badge): a weak ETag
// of the body, so that a revalidation of an unchanged answer is a 304 without a body. They
// are rendered on every request (the page cache of app/lib/page-cache.server.ts does not
// keep them), so a write to the company shows on the next request that reaches the server.
import crypto from "node:crypto";
import { matchesIfNoneMatch } from "./page-cache.server";

/** Cache-Control of the widget and the badge: five minutes fresh on other sites' pages. */
export const EMBED_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";

/** A 200 carrying `body` and its ETag, or a 304 when If-None-Match names that ETag already. */
export function answerWithETag(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = `W/"${crypto.createHash("sha1").update(body).digest("base64url")}"`;
  const all = new Headers(headers);
  all.set("ETag", etag);
  if (matchesIfNoneMatch(request.headers.get("If-None-Match") ?? undefined, etag)) {
    all.delete("Content-Type");
    return new Response(null, { status: 304, headers: all });
  }
  return new Response(body, { status: 200, headers: all });
}
