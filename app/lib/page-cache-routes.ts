// What the page cache of anonymous readers may keep (app/lib/page-cache.server.ts): public
// reading pages only. Two lists that must both agree before a response is stored: the path
// (checked before rendering, it also names the data version the page depends on) and, for
// documents, the route Remix actually matched (checked by entry.server.tsx after rendering,
// so that a static sibling such as /companies/new or /companies/:slug/claim never is).
// Never here: forms, /account, /moderation, /brand, /notifications, /statements, /dev/*,
// /healthz, the API, media, anything that sets a cookie.

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by entry.server.tsx on an anonymous document of an allowed route: the nonce it
     *  rendered with, which the page cache cuts out of the copy it keeps. */
    cacheableDocument?: { nonce: string };
  }
}

/** What a page shows comes from one company (its version), or from anywhere (the site's). */
export type PageScope = { kind: "site" } | { kind: "company"; slug: string } | { kind: "review"; id: number };

export interface CacheablePath {
  /** A document rendered by entry.server.tsx (nonce, CSP, public Cache-Control), or a
   *  resource route's own output (XML, text, JSON, CSV) kept with its own headers. */
  kind: "document" | "resource";
  scope: PageScope;
}

/** The documents' routes, by Remix route id (the deepest match). */
export const CACHEABLE_ROUTE_IDS: ReadonlySet<string> = new Set([
  "routes/_index",
  "routes/search",
  "routes/categories.$slug",
  "routes/companies.$slug._index",
  "routes/companies.$slug.$subject",
  "routes/reviews.$id",
  "routes/users.$id",
  "routes/transparency",
  "routes/for-companies",
]);

const SITE: PageScope = { kind: "site" };
const company = (slug: string | undefined): PageScope => {
  if (!slug) return SITE;
  try {
    return { kind: "company", slug: decodeURIComponent(slug) };
  } catch {
    // Not a slug Remix could decode either: the site's version is always safe.
    return SITE;
  }
};

const RULES: { pattern: RegExp; kind: CacheablePath["kind"]; scope: (m: RegExpMatchArray) => PageScope }[] = [
  { pattern: /^\/$/, kind: "document", scope: () => SITE },
  { pattern: /^\/search$/, kind: "document", scope: () => SITE },
  { pattern: /^\/categories\/[^/]+$/, kind: "document", scope: () => SITE },
  { pattern: /^\/companies\/([^/]+)\/feed\.atom$/, kind: "resource", scope: (m) => company(m[1]) },
  { pattern: /^\/companies\/([^/]+)(?:\/[^/]+)?$/, kind: "document", scope: (m) => company(m[1]) },
  { pattern: /^\/reviews\/(\d{1,15})$/, kind: "document", scope: (m) => ({ kind: "review", id: Number(m[1]) }) },
  { pattern: /^\/users\/\d+$/, kind: "document", scope: () => SITE },
  { pattern: /^\/transparency$/, kind: "document", scope: () => SITE },
  { pattern: /^\/for-companies$/, kind: "document", scope: () => SITE },
  { pattern: /^\/transparency\.(?:json|csv)$/, kind: "resource", scope: () => SITE },
  { pattern: /^\/sitemap\.xml$/, kind: "resource", scope: () => SITE },
  { pattern: /^\/sitemaps\/(?:pages|(?:companies|subjects|reviews|users)\/[^/]+)$/, kind: "resource", scope: () => SITE },
  { pattern: /^\/robots\.txt$/, kind: "resource", scope: () => SITE },
];

/** The rule for a path (without its query), or null: the path is never cached. */
export function cacheablePath(pathname: string): CacheablePath | null {
  for (const rule of RULES) {
    const m = pathname.match(rule.pattern);
    if (m) return { kind: rule.kind, scope: rule.scope(m) };
  }
  return null;
}

/** Whether a document rendered for these matched routes may be kept (the deepest decides). */
export function isCacheableRoute(routeIds: readonly string[]): boolean {
  const deepest = routeIds.at(-1);
  return deepest != null && CACHEABLE_ROUTE_IDS.has(deepest);
}
