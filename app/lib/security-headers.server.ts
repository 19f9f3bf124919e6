import { env } from "~/env.server";
/** Headers sent with every HTML document: a strict CSP with the request's nonce. */
export function securityHeaders(nonce: string): Record<string, string> {
  const isProduction = env().NODE_ENV === "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${isProduction ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${isProduction ? "" : " ws:"}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { "Content-Security-Policy": csp };
}
