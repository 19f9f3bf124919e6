import { env } from "~/env.server";

/** The site's public origin for a request: SITE_URL when set, otherwise the request's
 *  own host (X-Forwarded-Host/-Proto only when TRUST_PROXY is set). */
export function siteOrigin(
  headers: { get(name: string): string | null },
  fallbackProtocol: string,
  options: { siteUrl?: string; trustProxy?: boolean },
): string {
  if (options.siteUrl) return new URL(options.siteUrl).origin;
  const forwardedHost = options.trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const forwardedProto = options.trustProxy ? headers.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || headers.get("host") || "localhost";
  const protocol = forwardedProto || fallbackProtocol;
  return `${protocol}://${host}`;
}

/** Cross-site request forgery guard for every request that may change something:
 *  allowed when Origin is the site's origin, or Origin is absent and the browser
 *  says the request is same-origin. */
export function isSameOriginMutation(method: string, headers: { get(name: string): string | null }, origin: string): boolean {
  // OPTIONS too: a CORS preflight (of the JSON API) reaches a route's loader, never an action.
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return true;
  const sent = headers.get("origin");
  if (sent) return sent === origin;
  return headers.get("sec-fetch-site") === "same-origin";
}

/** The origin of every absolute URL (mails, canonical links, the feed, the API, sitemaps):
 *  SITE_URL when set, otherwise the origin this request was made to — which server.ts has
 *  already checked against the pinned origin (`createOriginPin`), so no client picks it. */
export function requestSiteOrigin(request: Request, siteUrl: string | undefined = env().SITE_URL): string {
  if (siteUrl) return new URL(siteUrl).origin;
  return new URL(request.url).origin;
}

/** The origin for a link written outside a request (a mail from a job), or the one a
 *  request passed on: SITE_URL when there is none. */
export function linkOrigin(origin?: string): string {
  return (origin ?? env().SITE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
