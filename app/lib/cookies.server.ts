// The one place that reads a cookie from a request, and that decides whether cookies are
// Secure. They are when the site is served over HTTPS (SITE_URL, or the request behind a
// trusted proxy): a browser drops a Secure cookie set over plain HTTP on any host but
// localhost, so `npm start` reached at http://192.0.2.10:3000 could never sign anyone in.
import { requestSiteOrigin } from "~/lib/origin.server";

export function isSecureRequest(request: Request): boolean {
  return requestSiteOrigin(request).startsWith("https:");
}

/** The value of cookie `name` in the request's Cookie header, or null. */
export function readCookie(request: Request, name: string): string | null {
  return cookieValue(request.headers.get("Cookie"), name);
}

/** The value of cookie `name` in a Cookie header, or null (absent, or not decodable). */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0 || part.slice(0, eqAt).trim() !== name) continue;
    const value = part.slice(eqAt + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}
