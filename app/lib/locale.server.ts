import { isLocale, type Locale } from "~/i18n";

export const LOCALE_COOKIE = "lang";

/** The visitor's language: `?lang=` first, then the remembered cookie, then Accept-Language. */
export function getLocale(request: Request): Locale {
  return localeOf(new URL(request.url).searchParams.get("lang"), request.headers.get("Cookie"), request.headers.get("Accept-Language"));
}

/** getLocale's rule from the parts of a request: the `lang` parameter, Cookie, Accept-Language. */
export function localeOf(
  langParameter: string | null,
  cookie: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  if (isLocale(langParameter)) return langParameter;
  const fromCookie = cookieLocale(cookie);
  return fromCookie ?? fromAcceptLanguage(acceptLanguage ?? null);
}

/** The language remembered by the `lang` cookie, if any. */
export function cookieLocale(cookie: string | null | undefined): Locale | null {
  const match = cookie?.match(/(?:^|;\s*)lang=(fr|en)(?:;|$)/);
  return match && isLocale(match[1]) ? match[1] : null;
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
