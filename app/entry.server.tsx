import crypto from "node:crypto";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
// renderToString, not a streaming renderer: the loaders are synchronous SQLite reads, so
// there is nothing to stream, and a string skips encoding every piece of markup to bytes
// and back. (React 18.3's Node streaming renderer also writes a NUL byte whenever a
// multi-byte character falls across its 2 KB buffer: react issues 24985 and 31134.)
import { renderToString } from "react-dom/server";
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
/** How long Remix's single-fetch encoder waits for a loader's promise (none return one). */
export const streamTimeout = ABORT_DELAY;

/**
 * Renders the whole document in one synchronous pass, then sends it with a weak ETag
 * computed without the CSP nonce: a revalidation of an unchanged page gets 304 and keeps
 * its cached copy, nonce and Content-Security-Policy together (the 304 carries no new CSP).
 * A signed-in visitor's page is `private, no-store` and gets no ETag (nothing may keep it,
 * so nothing revalidates it); an anonymous public reading page is marked for the page
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

  await handOffLoaderDataWhole(remixContext);
  const html = closeDocument(
    "<!DOCTYPE html>" +
      renderToString(
        <NonceContext.Provider value={nonce}>
          <DocumentHtmlContext.Provider value={loadContext?.documentHtml ?? null}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </DocumentHtmlContext.Provider>
        </NonceContext.Provider>,
      ),
  );
  const status = responseStatusCode;
  // A public reading page rendered for nobody in particular: the page cache of server.ts
  // (app/lib/page-cache.server.ts) may keep it, the nonce cut out, and sends it with a
  // public Cache-Control. It decides the rest (no Set-Cookie, the visitor's cookies).
  if (!signedIn && status === 200 && loadContext && isCacheableRoute(remixContext.staticHandlerContext.matches.map((m) => m.route.id))) {
    loadContext.cacheableDocument = { nonce };
  }
  if (!signedIn) {
    const etag = `W/"${crypto.createHash("sha1").update(html.replaceAll(nonce, "")).digest("base64url")}"`;
    responseHeaders.set("ETag", etag);
    if (status === 200 && request.method === "GET" && request.headers.get("If-None-Match") === etag) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
  }
  for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(html, { status, headers: responseHeaders });
}

/**
 * Remix sends the loader data (single fetch) as a stream that its `<RemixServer>` reads
 * inside Suspense boundaries, one chunk per boundary, which only a streaming renderer
 * waits for. The stream is read whole here first, and handed to Remix's reader as one
 * chunk already received (`renderMeta.streamCache`, where RemixServer's StreamTransfer
 * keeps what it has read), so renderToString writes it without suspending.
 */
async function handOffLoaderDataWhole(context: EntryContext) {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let value = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) value += decoder.decode(chunk.value, { stream: true });
  value += decoder.decode();
  // Released, so that RemixServer can take its own (finished) reader of it.
  reader.releaseLock();
  const received = Object.assign(Promise.resolve(), { result: { done: true, value } });
  context.renderMeta.streamCache = { 0: received };
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
