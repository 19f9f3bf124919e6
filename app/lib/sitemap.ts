const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sitemap file, each URL (the address without ?lang=, the x-default) with its French and
 *  English versions as alternates, as each page's own hreflang links give them (app/lib/seo.ts). */
export function urlset(urls: { loc: string; lastmod?: string }[]) {
  const entries = urls.map(({ loc, lastmod }) => {
    const alt = (lang: string) =>
      `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(`${loc}${loc.includes("?") ? "&" : "?"}lang=${lang}`)}"/>`;
    const xDefault = `<xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(loc)}"/>`;
    return `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${alt("fr")}${alt("en")}${xDefault}</url>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join("\n")}
</urlset>
`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
