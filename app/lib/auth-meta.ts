import type { MetaDescriptor } from "@remix-run/node";
import { isLocale, translate, type Locale, type MessageKey, type Vars } from "~/i18n";

type Match = { id: string; data: unknown };

/** The locale the root loader chose, read from the route matches in a `meta` function. */
export function localeOfMatches(matches: Match[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(root?.locale) ? root.locale : "fr";
}

/** Title and description of a private page (account forms, moderation pages): translated,
 *  never indexed. `titleVars` fill the title's placeholders (a case's number, a name). */
export function privatePageMeta(matches: Match[], title: MessageKey, description?: MessageKey, titleVars?: Vars): MetaDescriptor[] {
  const locale = localeOfMatches(matches);
  return [
    { title: `${translate(locale, title, titleVars)} — ${translate(locale, "site.name")}` },
    ...(description ? [{ name: "description", content: translate(locale, description) }] : []),
    { name: "robots", content: "noindex" },
  ];
}
