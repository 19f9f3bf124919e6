// A Conform form's answer as its page shows it: the message keys translated the way the
// form translates them (app/lib/conform.ts), and what was typed.
import type { SubmissionResult } from "@conform-to/react";
import type { Locale, Vars } from "~/i18n";
import { conformError, conformErrors } from "~/lib/conform";

export function formAnswer(data: unknown, locale: Locale = "en", vars?: Vars) {
  const { result, vars: answerVars } = data as { result: SubmissionResult<string[]>; vars?: Vars };
  const errors: Record<string, string> = {};
  for (const [field, keys] of Object.entries(result.error ?? {})) {
    if (field !== "" && keys?.length) errors[field] = conformError(locale, keys, vars)!;
  }
  const formError = conformErrors(locale, result.error?.[""] ?? undefined, { ...vars, ...answerVars })[0] ?? null;
  return { values: (result.initialValue ?? {}) as Record<string, string>, errors, formError };
}
