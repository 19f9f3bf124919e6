import { isLocale, type Locale } from "~/i18n";

export const LOCALE_COOKIE = "lang";

/** The visitor's language: `?lang=` first, then the remembered cookie, then Accept-Language. */
export function getLocale(request: Request): Locale {
  const url = new URL(request.url);
  const fromQuery = url.searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)lang=(fr|en)(?:;|$)/);
  if (match && isLocale(match[1])) return match[1];
  return fromAcceptLanguage(request.headers.get("Accept-Language"));
}

export function fromAcceptLanguage(header: string | null): Locale {
  if (!header) return "fr";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  // Neither language asked for: English is the likelier to be read.
  return ranked.length > 0 ? "en" : "fr";
}
