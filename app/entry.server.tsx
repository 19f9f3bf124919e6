import crypto from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/lib/nonce";
import { securityHeaders } from "~/lib/security-headers.server";

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
  _loadContext: AppLoadContext,
) {
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

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
