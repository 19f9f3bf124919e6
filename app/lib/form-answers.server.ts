// The actions' answers to the Conform forms they refuse: Conform's result with the secret
// fields left out, as a `FormAnswer` (app/lib/conform.ts) the page reads through
// `useForm({ lastResult })`.
import type { Submission } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { MessageKey } from "~/i18n";
import { retryMinutes } from "~/models/rate-limit.server";
import { SECRET_FIELDS } from "./account-forms";
import type { FormAnswer } from "./conform";

type Refusal = {
  /** Errors about the whole form (i18n keys). */
  formErrors?: MessageKey[];
  /** Errors the action found about one field (a wrong current password…), as i18n keys. */
  fieldErrors?: Record<string, MessageKey[]>;
};

/** Conform's result for the page, never with a password or a token in it. */
export function replyTo(submission: Submission<unknown>, refusal: Refusal = {}) {
  return submission.reply({ ...refusal, hideFields: SECRET_FIELDS });
}

/** A 400 (or `status`) with the parse's errors and the action's own; `extra` says which of
 *  a page's forms it answers. */
export function refuse<Extra extends object = object>(submission: Submission<unknown>, refusal: Refusal = {}, status = 400, extra?: Extra) {
  return data<FormAnswer & Extra>({ ...(extra as Extra), result: replyTo(submission, refusal) }, { status });
}

/** The 429 of a rate limit: "too many attempts, try again in N min" as the form's error,
 *  with Retry-After. */
export function tooManyAttempts<Extra extends object = object>(submission: Submission<unknown>, retryAfter: number, extra?: Extra) {
  return data<FormAnswer & Extra>(
    {
      ...(extra as Extra),
      result: replyTo(submission, { formErrors: ["rateLimit.tooMany"] }),
      vars: { minutes: retryMinutes(retryAfter) },
    },
    { status: 429, headers: { "Retry-After": String(retryAfter) } },
  );
}
