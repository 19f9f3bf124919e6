import type { MetaDescriptor } from "@remix-run/node";

/** Title, description, canonical URL, hreflang alternates and Open Graph tags of a page. */
export function seoMeta({
  title,
  description,
  url,
  locale,
  type = "website",
  jsonLd,
}: {
  title: string;
  description: string;
  /** Absolute URL of the page without ?lang= */
  url: string;
  locale: "fr" | "en";
  type?: string;
  jsonLd?: unknown;
}): MetaDescriptor[] {
  const withLang = (lang: string) => {
    const u = new URL(url);
    u.searchParams.set("lang", lang);
    return u.toString();
  };
  const tags: MetaDescriptor[] = [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: url },
    { tagName: "link", rel: "alternate", hrefLang: "fr", href: withLang("fr") },
    { tagName: "link", rel: "alternate", hrefLang: "en", href: withLang("en") },
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: url },
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: url },
    { property: "og:type", content: type },
    { property: "og:site_name", content: "Réplique" },
    { property: "og:locale", content: locale === "fr" ? "fr_FR" : "en_GB" },
  ];
  if (jsonLd) tags.push({ "script:ld+json": jsonLd } as MetaDescriptor);
  return tags;
}

/** Public pages depend on the visitor's language and session: cache privately, revalidate.
 *  An anonymous reading page that sets no cookie is sent `public` instead, by the page cache
 *  (app/lib/page-cache.server.ts, the one place that decides it); a signed-in one is
 *  `private, no-store` (entry.server.tsx). */
export const PUBLIC_PAGE_CACHE = {
  "Cache-Control": "private, no-cache",
  Vary: "Cookie, Accept-Language",
};
