import { addCompany } from "./addCompany";
import { auth } from "./auth";
import { brand } from "./brand";
import { categories } from "./categories";
import { claims } from "./claims";
import { common } from "./common";
import { companies } from "./companies";
import { company } from "./company";
import { companyFlags } from "./companyFlags";
import { decisionAppeals } from "./decisionAppeals";
import { LOCALES, type Locale } from "./define";
import { flags } from "./flags";
import { moderation } from "./moderation";
import { openData } from "./openData";
import { held } from "./held";
import { invitations } from "./invitations";
import { members } from "./members";
import { metrics } from "./metrics";
import { queues } from "./queues";
import { reasons } from "./reasons";
import { report } from "./report";
import { subjects } from "./subjects";
import { transparency } from "./transparency";
import { webhooks } from "./webhooks";
import { write } from "./write";

export { LOCALES, type Locale };

// Every area's messages, merged. Add an area: create ./area.ts with defineMessages
// and list it here. The browser never receives these modules: in the client build,
// scripts/vite-client-messages.ts swaps them for empty areas, and each route module
// registers the messages of its route, in the page's language (no mail texts).
const areas = [
  common,
  company,
  auth,
  write,
  report,
  brand,
  moderation,
  held,
  companies,
  transparency,
  flags,
  queues,
  claims,
  categories,
  addCompany,
  decisionAppeals,
  members,
  metrics,
  openData,
  subjects,
  webhooks,
  invitations,
  companyFlags,
  reasons,
];

type Messages = (typeof areas)[number]["en"];
type UnionKeys<T> = T extends unknown ? keyof T : never;
export type MessageKey = UnionKeys<Messages> & string;

const dictionaries: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  fr: Object.assign({}, ...areas.map((a) => a.fr)),
};

/** French typography: a narrow no-break space before ; : ! ? and inside « ». */
function frenchTypography(s: string) {
  return s.replace(/ ([;:!?»])/g, "\u202F$1").replace(/« /g, "«\u202F");
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Vars = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  let message = dictionaries[locale][key] ?? dictionaries.en[key];
  if (message === undefined) {
    // In the browser, a route that shows a message its files do not name (see scripts/vite-client-messages.ts).
    if (typeof document !== "undefined") console.error(`Missing message: ${key}`);
    message = key;
  }
  if (vars) {
    message = message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? formatVar(locale, vars[name]) : whole));
  }
  return locale === "fr" ? frenchTypography(message) : message;
}

function formatVar(locale: Locale, value: string | number) {
  return typeof value === "number" ? formatNumber(locale, value) : value;
}

/** Plural-aware: looks up `${key}.one`, `${key}.other` (and `.zero` when count is 0). */
export function translatePlural(locale: Locale, key: string, count: number, vars?: Vars): string {
  const rule = count === 0 && hasMessage(locale, `${key}.zero`) ? "zero" : pluralRules(locale).select(count);
  const chosen = hasMessage(locale, `${key}.${rule}`) ? `${key}.${rule}` : `${key}.other`;
  return translate(locale, chosen as MessageKey, { count, ...vars });
}

const intlLocale = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-GB");

// Intl formatters are costly to build and a page formats hundreds of values: build each
// (language, options) pair once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}
const pluralRules = (locale: Locale) => cached(`p:${locale}`, () => new Intl.PluralRules(locale));

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions) {
  return cached(`n:${locale}:${JSON.stringify(options ?? {})}`, () => new Intl.NumberFormat(intlLocale(locale), options)).format(value);
}

/** Dates are shown in Paris time: reviews are about French and European businesses. */
export function formatDate(locale: Locale, value: number | string | Date, style: "long" | "medium" = "long") {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return cached(
    `d:${locale}:${style}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: "Europe/Paris" }),
  ).format(date);
}

/** The calendar day of `value` in Paris time, as `YYYY-MM-DD` (a `<time dateTime>` of a
 *  date formatDate shows). */
export function calendarDate(value: number) {
  return cached(
    "iso-day",
    () => new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Paris" }),
  ).format(new Date(value));
}

export function formatMonthYear(locale: Locale, value: string | number) {
  const date = typeof value === "string" ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return cached(
    `m:${locale}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "Europe/Paris" }),
  ).format(date);
}

/** Whether a key has a message (in the page's language; English as the fallback). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  return key in dictionaries[locale] || key in dictionaries.en;
}

export function messagesFor(locale: Locale) {
  return dictionaries[locale];
}

/** The messages of one language as the browser needs them: mails are the server's. */
export function clientMessages(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(dictionaries[locale]).filter(([key]) => !key.startsWith("mail.")));
}

/** In the browser: a route's messages in the page's language, registered by its module. */
export function registerMessages(locale: Locale, messages: Record<string, string>) {
  Object.assign(dictionaries[locale], messages);
}
