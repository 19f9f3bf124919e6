const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sitemap file, each URL with its French and English alternates. */
export function urlset(urls: { loc: string; lastmod?: string }[]) {
  const entries = urls.map(({ loc, lastmod }) => {
    const alt = (lang: string) =>
      `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(`${loc}${loc.includes("?") ? "&" : "?"}lang=${lang}`)}"/>`;
    return `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${alt("fr")}${alt("en")}</url>`;
  });
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join("\n")}
</urlset>
`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
