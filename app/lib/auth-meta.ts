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

/** The moderation case pages whose title and description are `<prefix>.title` and
 *  `<prefix>.description`, the title numbered by the case's item. */
type CaseMetaPrefix = "claims.case" | "held.case" | "queues.conduct.case" | "queues.proofs.case" | "queues.suggestions.case";

/** A moderation case page's `meta`: its numbered title and its description, never indexed. */
export function queueCaseMeta(prefix: CaseMetaPrefix) {
  return ({ matches, data }: { matches: Match[]; data?: { case: { item: { id: number } } } }) =>
    privatePageMeta(matches, `${prefix}.title`, `${prefix}.description`, { id: String(data?.case.item.id ?? "—") });
}
