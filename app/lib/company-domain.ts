// Which mail address proves that someone speaks for a company: the one rule of automatic
// verification (SPEC, Company: "verified by a code sent to an address at the company's
// domain"). Pure, shared by the claim form in the browser and the model on the server.
//
// An address qualifies when the part after "@" is the company's domain or a subdomain of
// it (label by label: "evilexample.com" is not "example.com"), compared in lower case,
// without trailing dots, IDN in their ASCII (punycode) form. Free-mail domains never
// qualify, whatever the company's domain: anyone can open an address there.

/** Domains where anyone can open an address. Matched with their subdomains. */
export const FREE_MAIL_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "outlook.fr",
  "live.com",
  "live.fr",
  "msn.com",
  "ymail.com",
  "rocketmail.com",
  "aol.com",
  "aol.fr",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "aliceadsl.fr",
  "laposte.net",
  "sfr.fr",
  "neuf.fr",
  "bbox.fr",
  "numericable.fr",
  "club-internet.fr",
  "icloud.com",
  "me.com",
  "mac.com",
  "protonmail.com",
  "protonmail.ch",
  "proton.me",
  "pm.me",
  "tutanota.com",
  "tuta.io",
  "mail.com",
  "zoho.com",
  "yandex.com",
  "yandex.ru",
  "mail.ru",
  "hey.com",
  "fastmail.com",
  "posteo.de",
  "mailo.com",
  "ecomail.fr",
  "mailfence.com",
  "qq.com",
  "163.com",
] as const;

/** Free-mail providers present under many country endings ("hotmail.*": hotmail.com,
 *  hotmail.fr, hotmail.co.uk…): the name followed by one ending, or a two-part one. */
export const FREE_MAIL_BRANDS = ["hotmail", "yahoo", "gmx", "windowslive", "web", "libero", "seznam"] as const;

/** Two-part endings under which anyone registers names (example.co.uk is one company's,
 *  co.uk is nobody's). Not the whole Public Suffix List: enough that a company's domain is
 *  never such an ending, and that "hotmail.co.uk" is seen as hotmail's. */
const SECOND_LEVEL_ENDINGS = new Set([
  "co.uk",
  "org.uk",
  "me.uk",
  "ltd.uk",
  "plc.uk",
  "ac.uk",
  "gov.uk",
  "net.uk",
  "com.fr",
  "asso.fr",
  "nom.fr",
  "gouv.fr",
  "tm.fr",
  "co.jp",
  "ne.jp",
  "or.jp",
  "com.au",
  "net.au",
  "org.au",
  "co.nz",
  "co.za",
  "com.br",
  "com.ar",
  "com.mx",
  "co.in",
  "co.kr",
  "com.cn",
  "com.tr",
  "com.es",
  "com.pt",
  "com.pl",
  "co.il",
  "com.sg",
  "com.hk",
  "co.at",
  "or.at",
  "com.be",
  "co.id",
  "com.my",
  "com.tw",
  "com.ua",
  "com.ru",
]);

/**
 * A host name in the one form the rule compares: lower case, ASCII (IDN as punycode), no
 * trailing dot, at least two labels, each a valid DNS label; not an IP address. Null when
 * `input` is not such a name.
 */
export function normalizeHost(input: string): string | null {
  const raw = input.trim().replace(/\.+$/, "");
  if (raw === "" || raw.length > 253 || /[\s/\\@?#:[\]]/.test(raw)) return null;
  let host: string;
  try {
    host = new URL(`http://${raw}/`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.+$/, "");
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith("[")) return null;
  const labels = host.split(".");
  if (labels.length < 2) return null;
  if (!labels.every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  return host;
}

/** The company's domain from what someone typed: "https://www.Example.com/shop",
 *  "www.example.com", "example.com." → "example.com". Null when it is not a domain a company
 *  can hold: no domain at all, an IP address, a bare ending (co.uk), or a free-mail domain. */
export function companyDomainFrom(input: string): { domain: string } | { problem: "invalid" | "free_mail" } {
  let text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      if (url.protocol !== "http:" && url.protocol !== "https:") return { problem: "invalid" };
      if (url.username || url.password || url.port) return { problem: "invalid" };
      text = url.hostname;
    } catch {
      return { problem: "invalid" };
    }
  } else {
    text = text.replace(/[/?#].*$/, "");
  }
  const host = normalizeHost(text);
  if (!host) return { problem: "invalid" };
  const domain = host.startsWith("www.") && host.split(".").length > 2 ? host.slice(4) : host;
  if (isBareEnding(domain)) return { problem: "invalid" };
  if (isFreeMailDomain(domain)) return { problem: "free_mail" };
  return { domain };
}

/** "co.uk", "com.fr": an ending, not anyone's domain. */
function isBareEnding(domain: string) {
  return domain.split(".").length === 2 && SECOND_LEVEL_ENDINGS.has(domain);
}

/** Whether `domain` (normalised) is `parent` or one of its subdomains, label by label. */
export function isSameOrSubdomain(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/** Whether anyone can open an address at `domain` (or a subdomain of such a domain). */
export function isFreeMailDomain(domain: string): boolean {
  const host = normalizeHost(domain);
  if (!host) return false;
  if (FREE_MAIL_DOMAINS.some((free) => isSameOrSubdomain(host, free))) return true;
  const labels = host.split(".");
  return labels.some((label, i) => {
    if (!(FREE_MAIL_BRANDS as readonly string[]).includes(label)) return false;
    const ending = labels.slice(i + 1);
    return ending.length === 1 || (ending.length === 2 && SECOND_LEVEL_ENDINGS.has(ending.join(".")));
  });
}

/** The normalised domain of a mail address (the part after the last "@"), or null. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf("@");
  if (at <= 0) return null;
  return normalizeHost(email.trim().slice(at + 1));
}

export type DomainMatch = "ok" | "invalid" | "free_mail" | "other_domain" | "no_domain";

/**
 * Whether a code sent to `email` may verify the company whose domain is `companyDomain`:
 * "ok", or why not ("free_mail" comes first: it never qualifies; "no_domain" when the
 * company has no domain to verify).
 */
export function emailMatchesCompanyDomain(email: string, companyDomain: string | null | undefined): DomainMatch {
  const domain = emailDomain(email);
  if (!domain) return "invalid";
  if (isFreeMailDomain(domain)) return "free_mail";
  const company = verifiableDomain(companyDomain);
  if (!company) return "no_domain";
  return isSameOrSubdomain(domain, company) ? "ok" : "other_domain";
}

/** Whether a code can be mailed for a company with this domain at all (it has one, and
 *  anyone cannot open an address there). */
export function canVerifyByMail(companyDomain: string | null | undefined): boolean {
  return verifiableDomain(companyDomain) != null;
}

function verifiableDomain(companyDomain: string | null | undefined): string | null {
  const company = companyDomain ? normalizeHost(companyDomain) : null;
  if (!company || isFreeMailDomain(company) || isBareEnding(company)) return null;
  return company;
}
