import crypto from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/lib/nonce";
import { STORAGE_RETRY_AFTER, storageUnavailable } from "~/lib/http.server";
import { securityHeaders } from "~/lib/security-headers.server";
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
 * Content-Security-Policy together (the 304 carries no new CSP).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A page that shows the visitor's session is theirs alone: no cache keeps it.
  if (readSessionToken(request)) responseHeaders.set("Cache-Control", "private, no-store");
  if (loadContext?.storageFailure) return storageUnavailable(request);
  const nonce = crypto.randomBytes(16).toString("base64");

  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const sink = new PassThrough();
          const chunks: Buffer[] = [];
          sink.on("data", (chunk: Buffer) => chunks.push(chunk));
          sink.on("error", reject);
          sink.on("end", () => {
            const html = Buffer.concat(chunks);
            const status = failed ? 500 : responseStatusCode;
            const etag = `W/"${crypto.createHash("sha1").update(html.toString("utf8").replaceAll(nonce, "")).digest("base64url")}"`;
            responseHeaders.set("ETag", etag);
            if (status === 200 && request.method === "GET" && request.headers.get("If-None-Match") === etag) {
              resolve(new Response(null, { status: 304, headers: responseHeaders }));
              return;
            }
            for (const [name, value] of Object.entries(securityHeaders(nonce))) responseHeaders.set(name, value);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(html, { status, headers: responseHeaders }));
          });
          pipe(sink);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
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
