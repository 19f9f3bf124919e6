// The documents other sites frame (the widget, /widget/:slug): rendered whole by a resource
// route, outside the app's root layout, so without the site's header, footer and scripts,
// and sent with a Content-Security-Policy of their own that lets any page frame them.
// Every other page keeps `frame-ancestors 'none'` (app/lib/security-headers.server.ts, set
// by entry.server.tsx), which a route cannot loosen: hence a document of its own here.
//
// The components are the site's own (Thread, Stars…): they need a router (links) and the
// root loader's data (the language, app/i18n/react.ts), given here by a static router.
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import type { Locale } from "~/i18n";

/** No script, no form, no plugin: styles and images from the site; any page may frame it. */
export const EMBED_CSP = [
  "default-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

/** `element` rendered to static HTML, its components reading `locale` as on any page. */
export async function renderEmbedded(locale: Locale, element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ locale }), element }]);
  const context = await handler.query(new Request("http://embed.invalid/"));
  // A loader that returns data never answers a Response (a redirect) here.
  if (context instanceof Response) throw new Error("The embedded page's router answered a redirect.");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The whole document around `body`. Its links open on the site, in a new tab (`<base
 *  target="_blank">`): the site's other pages refuse to be framed. */
export function embedDocument(page: {
  locale: Locale;
  title: string;
  canonical: string;
  stylesheets: string[];
  css: string;
  body: string;
}) {
  const links = page.stylesheets
    .filter((href) => href !== "")
    .map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`)
    .join("");
  return (
    `<!DOCTYPE html><html lang="${page.locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(page.title)}</title>` +
    `<link rel="canonical" href="${escapeHtml(page.canonical)}"><base target="_blank">${links}<style>${page.css}</style>` +
    `</head><body class="embed">${page.body}</body></html>`
  );
}
