export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** A set of messages in both languages; French must have every English key. */
export function defineMessages<const E extends Record<string, string>>(messages: { en: E; fr: { [K in keyof E]: string } }) {
  return messages;
}
