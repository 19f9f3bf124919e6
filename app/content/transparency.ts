// The text of /transparency, written once per language in ./transparency-fr.ts and
// ./transparency-en.ts: long prose stays whole sentences rather than being cut into message
// keys. Both files fill the type below, so a section missing in one language fails the
// typecheck. The numbers in the text come from the code's own constants (app/lib/policy.ts,
// flag-policy.ts, trustscore.ts), so that the page says what the code does. The live
// figures, the section on public warnings and the retention job's sentence are messages
// (app/i18n/transparency.ts).
//
// The browser loads the page's language only, in a chunk of its own, before the route
// module finishes loading (as entry.client.tsx does with the messages): the other
// language is a full page load away. The server, where each request chooses, has both.
import { isLocale, LOCALES, type Locale } from "~/i18n";

/** A sentence with an optional bold beginning: `<strong>{strong}</strong>{text}`. */
export interface Point {
  strong?: string;
  text: string;
}

/** A section of plain paragraphs. */
export interface Prose {
  title: string;
  paragraphs: string[];
}

/** The labels a review may carry (each defined at #label-<id>, where the labels link). */
export const REVIEW_LABELS = ["organic", "invited", "verified"] as const;
export type ReviewLabel = (typeof REVIEW_LABELS)[number];

/** The points of the section on the life of a report (each at #flag-<id>). */
export const FLAG_POINTS = ["delay", "visible", "notice", "hold", "limits", "abuse"] as const;
export type FlagPoint = (typeof FLAG_POINTS)[number];

export interface TransparencyContent {
  /** The page's title (also its <title>) and its description for search engines. */
  title: string;
  description: string;
  lead: string;
  checks: { title: string; intro: string; moments: Point[] };
  delay: Prose;
  noReward: Prose;
  labels: { title: string; terms: Record<ReviewLabel, { term: string; definition: string }>; dates: string };
  /** How companies invite their customers (app/models/review-invitations.server.ts), and the
   *  notice of a gap between invited and organic reviews (app/lib/invitation-gap.ts). */
  invitations: Prose;
  editing: Prose;
  /** Around the published list of reasons (app/lib/moderation-reasons.ts). */
  removals: { title: string; intro: string; closing: string };
  flags: { title: string; points: Record<FlagPoint, Point> };
  appeals: Prose;
  retention: Prose;
  trustscore: Prose;
  ranking: Prose;
  verifiedCompanies: Prose;
  scorecard: Prose;
}

const LOADERS: Record<Locale, () => Promise<TransparencyContent>> = {
  fr: () => import("./transparency-fr").then((m) => m.content),
  en: () => import("./transparency-en").then((m) => m.content),
};

/** The languages this runtime needs: in the browser, the page's own (both when the page
 *  does not say which it is); on the server, both. */
function neededLocales(): readonly Locale[] {
  const pageLanguage = typeof document === "undefined" ? null : document.documentElement.lang;
  return isLocale(pageLanguage) ? [pageLanguage] : LOCALES;
}

const loaded = new Map(await Promise.all(neededLocales().map(async (locale) => [locale, await LOADERS[locale]()] as const)));

export function transparencyContent(locale: Locale): TransparencyContent {
  const content = loaded.get(locale);
  if (!content) throw new Error(`The /transparency text in "${locale}" was not loaded: the page is in another language.`);
  return content;
}
