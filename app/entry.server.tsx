import crypto from "node:crypto";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
// The web-streams renderer, not the Node one: React 18.3's Node renderer writes a NUL byte
// whenever a multi-byte character (é, —, ★) falls across its 2 KB buffer (it sends the
// whole buffer, unused byte included: react issues 24985 and 31134). The web build encodes
// each string whole and splits bytes, which concatenate back exactly.
import { renderToReadableStream } from "react-dom/server.browser";
import { DocumentHtmlContext } from "~/lib/document-html";
import { NonceContext } from "~/lib/nonce";
import { STORAGE_RETRY_AFTER, storageUnavailable } from "~/lib/http.server";
import { isCacheableRoute } from "~/lib/page-cache-routes";
import { freshNonce, securityHeaders } from "~/lib/security-headers.server";
import { noteStorageFailure } from "~/models/health.server";
import { readSessionToken } from "~/models/session.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by handleError when a loader or action met a full or failing disk. */
    storageFailure?: boolean;
  }
}

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * Renders the whole document (loaders are synchronous SQLite reads, so there is
 * nothing to stream), then sends it with a weak ETag computed without the CSP nonce:
 * a revalidation of an unchanged page gets 304 and keeps its cached copy, nonce and
 * Content-Security-Policy together (the 304 carries no new CSP). A signed-in visitor's
 * page is `private, no-store`; an anonymous public reading page is marked for the page
 * cache of server.ts, which sends it `public` (app/lib/page-cache.server.ts).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A page that shows the visitor's session is theirs alone: no cache keeps it.
  const signedIn = readSessionToken(request) != null;
  if (signedIn) responseHeaders.set("Cache-Control", "private, no-store");
  if (loadContext?.storageFailure) return storageUnavailable(request);
  const nonce = freshNonce();

  let failed = false;
  // Cancelled once the document is read: aborting a finished render throws in React.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`Rendering took over ${ABORT_DELAY} ms`)), ABORT_DELAY);
  try {
    return await renderDocument();
  } finally {
    clearTimeout(timer);
  }

  async function renderDocument() {
    const stream = await renderToReadableStream(
      <NonceContext.Provider value={nonce}>
        <DocumentHtmlContext.Provider value={loadContext?.documentHtml ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </DocumentHtmlContext.Provider>
      </NonceContext.Provider>,
      {
        nonce,
        signal: timeout.signal,
        onError(error: unknown) {
          failed = true;
          console.error(error);
        },
      },
    );
    await stream.allReady;
    const html = closeDocument(await new Response(stream).text());
    const status = failed ? 500 : responseStatusCode;
    // A public reading page rendered for nobody in particular: the page cache of server.ts
    // (app/lib/page-cache.server.ts) may keep it, the nonce cut out, and sends it with a
    // public Cache-Control. It decides the rest (no Set-Cookie, the visitor's cookies).
    if (!signedIn && status === 200 && loadContext && isCacheableRoute(remixContext.staticHandlerContext.matches.map((m) => m.route.id))) {
      loadContext.cacheableDocument = { nonce };
    }
    const etag = `W/"${crypto.createHash("sha1").update(html.replaceAll(nonce, "")).digest("base64url")}"`;
    responseHeaders.set("ETag", etag);
    if (status === 200 && request.method === "GET" && request.headers.get("If-None-Match") === etag) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
    for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    return new Response(html, { status, headers: responseHeaders });
  }
}

/** Remix renders the loader data's scripts after the document (after `</html>`), where
 *  an HTML parser puts them back into the body anyway: they are moved there, before
 *  `</body>`, so that the document ends with `</html>` (the DOM the browser builds, and so
 *  hydration, are the same). */
export function closeDocument(html: string): string {
  const end = html.lastIndexOf("</html>");
  const bodyEnd = html.lastIndexOf("</body>", end);
  if (end < 0 || bodyEnd < 0) return html;
  const after = html.slice(end + "</html>".length);
  if (after.trim() === "") return html;
  return `${html.slice(0, bodyEnd)}${after}${html.slice(bodyEnd, end)}</html>`;
}

export function handleDataRequest(response: Response, { request, context }: { request: Request; context: AppLoadContext }) {
  if (context?.storageFailure) {
    return new Response(null, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(STORAGE_RETRY_AFTER) } });
  }
  if (readSessionToken(request)) response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export function handleError(error: unknown, { request, context }: { request: Request; context?: AppLoadContext }) {
  if (noteStorageFailure(error)) {
    if (context) context.storageFailure = true;
    console.error(`Storage failure (${(error as { code?: string }).code}): answering 503.`);
    return;
  }
  if (request.signal.aborted) return;
  console.error(error);
}
