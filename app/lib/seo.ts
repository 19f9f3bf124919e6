import type { MetaDescriptor } from "@remix-run/node";

/** The site's share card (public/og-image.png, drawn by scripts/og-image.ts): 1200 × 630. */
export const SHARE_IMAGE = { path: "/og-image.png", width: 1200, height: 630 } as const;

/** The page's own address: `url` (absolute, without ?lang=) with the query parameters that
 *  make it another page than the first — the keyset cursor of a list (`before`), with the
 *  order it belongs to (`sort`) — and the language the visitor asked for in the URL. */
export function canonicalUrls(url: string, search = "") {
  const query = new URLSearchParams(search);
  const page = new URL(url);
  page.searchParams.delete("lang");
  const before = query.get("before");
  if (before) {
    page.searchParams.set("before", before);
    const sort = query.get("sort");
    if (sort) page.searchParams.set("sort", sort);
  }
  const withLang = (lang: "fr" | "en") => {
    const u = new URL(page);
    u.searchParams.set("lang", lang);
    return u.toString();
  };
  const lang = query.get("lang");
  const xDefault = page.toString();
  // Each language version is its own canonical; the address without ?lang= (the language
  // chosen by the browser's settings) is the x-default.
  const canonical = lang === "fr" || lang === "en" ? withLang(lang) : xDefault;
  return { canonical, fr: withLang("fr"), en: withLang("en"), xDefault };
}

/** Title, description, canonical URL, hreflang alternates, Open Graph and Twitter card tags
 *  of a page, and its other formats (`alternates`: the Atom feed, the JSON API). */
export function seoMeta({
  title,
  description,
  url,
  search,
  locale,
  type = "website",
  jsonLd,
  alternates = [],
  image: shareImage,
}: {
  title: string;
  description: string;
  /** Absolute URL of the page without ?lang= */
  url: string;
  /** The page's query string (the meta function's `location.search`): see canonicalUrls. */
  search?: string;
  locale: "fr" | "en";
  type?: string;
  jsonLd?: unknown;
  alternates?: { type: "application/atom+xml" | "application/json"; href: string; title: string }[];
  /** The page's own share card (1200 × 630 PNG), instead of the site's. */
  image?: { path: string; alt: string };
}): MetaDescriptor[] {
  const urls = canonicalUrls(url, search);
  const image = new URL(shareImage?.path ?? SHARE_IMAGE.path, url).toString();
  const imageAlt =
    shareImage?.alt ?? (locale === "fr" ? "Réplique : des avis avec droit de réponse" : "Réplique: reviews with a right of reply");
  const tags: MetaDescriptor[] = [
    { title },
    { name: "description", content: description },
    { tagName: "link", rel: "canonical", href: urls.canonical },
    { tagName: "link", rel: "alternate", hrefLang: "fr", href: urls.fr },
    { tagName: "link", rel: "alternate", hrefLang: "en", href: urls.en },
    { tagName: "link", rel: "alternate", hrefLang: "x-default", href: urls.xDefault },
    ...alternates.map((a) => ({ tagName: "link", rel: "alternate", type: a.type, href: a.href, title: a.title })),
    { property: "og:title", content: title },
    { property: "og:description", content: description },
    { property: "og:url", content: urls.canonical },
    { property: "og:type", content: type },
    { property: "og:site_name", content: "Réplique" },
    { property: "og:locale", content: locale === "fr" ? "fr_FR" : "en_GB" },
    { property: "og:locale:alternate", content: locale === "fr" ? "en_GB" : "fr_FR" },
    { property: "og:image", content: image },
    { property: "og:image:type", content: "image/png" },
    { property: "og:image:width", content: String(SHARE_IMAGE.width) },
    { property: "og:image:height", content: String(SHARE_IMAGE.height) },
    { property: "og:image:alt", content: imageAlt },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: title },
    { name: "twitter:description", content: description },
    { name: "twitter:image", content: image },
    { name: "twitter:image:alt", content: imageAlt },
  ];
  if (jsonLd) tags.push({ "script:ld+json": jsonLd } as MetaDescriptor);
  return tags;
}

/** A subject's name for titles: "Maison Lumière — Paris 11e" already names its company; a
 *  product's or a service's name may not, and gets it after it. */
export function subjectTitle(subjectName: string, companyName: string): string {
  const named = subjectName.toLocaleLowerCase("fr").includes(companyName.toLocaleLowerCase("fr"));
  return named ? subjectName : `${subjectName} — ${companyName}`;
}

/** Public pages depend on the visitor's language and session: cache privately, revalidate.
 *  An anonymous reading page that sets no cookie is sent `public` instead, by the page cache
 *  (app/lib/page-cache.server.ts, the one place that decides it); a signed-in one is
 *  `private, no-store` (entry.server.tsx). */
export const PUBLIC_PAGE_CACHE = {
  "Cache-Control": "private, no-cache",
  Vary: "Cookie, Accept-Language",
};
