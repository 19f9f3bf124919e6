import { translate, type Locale, type MessageKey } from "~/i18n";

/** Field errors as i18n keys → the visitor's language. */
export function translateErrors(locale: Locale, errors: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, translate(locale, key)]));
}
