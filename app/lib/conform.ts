// What every Conform form shares (see ARCHITECTURE.md, "validation and forms"): zod schemas
// give their messages as i18n keys, Conform carries those keys (from the action's
// `submission.reply()` or from validation in the browser), and the page shows them in the
// visitor's language with this translator. Import from here rather than re-inventing it.
import type { SubmissionResult } from "@conform-to/react";
import { hasMessage, translate, type Locale, type MessageKey, type Vars } from "~/i18n";

/** What an action answers a Conform form with: the result for `useForm({ lastResult })`, and
 *  the variables of its messages (the minutes of a rate limit…). */
export type FormAnswer = { result: SubmissionResult<string[]>; vars?: Vars };

/** A key the dictionaries know, or the generic "check this field" message. */
function asKey(locale: Locale, message: string): MessageKey {
  return hasMessage(locale, message) ? message : "field.required";
}

/** The first error of a field (Conform's `field.errors`), translated; undefined when none. */
export function conformError(locale: Locale, errors: string[] | undefined, vars?: Vars): string | undefined {
  const first = errors?.[0];
  return first ? translate(locale, asKey(locale, first), vars) : undefined;
}

/** Every error of a form (Conform's `form.errors`: the action's form-wide errors), translated. */
export function conformErrors(locale: Locale, errors: string[] | undefined, vars?: Vars): string[] {
  return (errors ?? []).map((message) => translate(locale, asKey(locale, message), vars));
}

/** The ids Conform's aria attributes point at (`aria-describedby`), plus a hint's, for a
 *  control rendered by hand: `describedBy(field, hintId)`. */
export function describedBy(field: { errorId: string; errors?: string[] }, ...others: (string | undefined)[]): string | undefined {
  const ids = [...others, field.errors?.length ? field.errorId : undefined].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The props of a plain `Field` from Conform's field: its name and id, what was typed (a
 *  string, else nothing) and its first error translated. */
export function conformFieldProps(
  locale: Locale,
  field: { name: string; id: string; initialValue?: unknown; errors?: string[] },
  vars?: Vars,
) {
  return {
    name: field.name,
    id: field.id,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
    error: conformError(locale, field.errors, vars),
  };
}
