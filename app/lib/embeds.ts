// The pages other sites embed: the widget (/widget/:slug, in an iframe) and the SVG badge
// (/companies/:slug/badge.svg). server.ts lets them be framed and sets no language cookie on
// them (a public answer that a shared cache may keep carries no Set-Cookie).
export function isEmbedPath(pathname: string): boolean {
  return /^\/widget\/[^/]+\/?$/.test(pathname) || /^\/companies\/[^/]+\/badge\.svg$/.test(pathname);
}
