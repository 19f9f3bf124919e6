import type { z } from "zod";
import { messagesFor, translate, type Locale, type MessageKey } from "~/i18n";

/** Field errors of a failed parse, as i18n keys: the first problem of each field.
 *  Schemas give their messages as keys; a message that is not a key reads as "required". */
export function fieldErrors(error: z.ZodError): Record<string, MessageKey> {
  const out: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!(field in out)) out[field] = (issue.message in messagesFor("en") ? issue.message : "field.required") as MessageKey;
  }
  return out;
}

/** Field errors as i18n keys → the visitor's language. */
export function translateErrors(locale: Locale, errors: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, translate(locale, key)]));
}
