// The account forms (log-in, sign-up, forgotten and new password, email confirmation, the
// account page's forms, account deletion): one zod schema per form, parsed by its action
// (parseWithZod) and, on the signed-in account pages, by Conform in the browser as well. The
// public entry pages (log-in, sign-up, forgotten and new password) are checked by the server
// alone, so that they load no validation library; the limits they show are in
// app/lib/account-limits.ts. Messages
// are i18n keys (app/i18n/auth.ts, write.ts), translated where they are shown
// (app/lib/conform.ts). The one check the browser cannot make, the list of breached
// passwords, is added by the server (`passwordProblem` and the `*ActionSchema`s in
// app/models/auth.server.ts).
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { DISPLAY_NAME_MAX, HONEYPOT, passwordLengthProblem } from "./account-limits";

// ─── Fields ──────────────────────────────────────────────────────────────────

/** A form value as text: an absent field, a repeated one or a file reads as "". */
export const asText = (v: unknown) => (typeof v === "string" ? v : "");

export const emailField = z.preprocess(
  asText,
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" }).max(254, { error: "validation.email" })),
);

/** A new password built on a rule (the length rule in the browser; the server's adds the
 *  breached list): the rule's first problem is the field's message. */
export function newPasswordField(problem: (password: string) => MessageKey | null = passwordLengthProblem) {
  return z.preprocess(
    asText,
    z.string().superRefine((value, ctx) => {
      const found = problem(value);
      if (found) ctx.addIssue({ code: "custom", message: found });
    }),
  );
}

/** The password typed to log in or to confirm an action: no policy, only a sane length. */
export const currentPasswordField = z.preprocess(
  asText,
  z.string().min(1, { error: "validation.passwordRequired" }).max(1024, { error: "validation.passwordLong" }),
);

export const displayNameField = z.preprocess(
  asText,
  z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, " "))
    .pipe(z.string().min(2, { error: "validation.displayName" }).max(DISPLAY_NAME_MAX, { error: "validation.displayName" })),
);

/** A token from a mailed link (its format is checked where it is looked up). */
const tokenField = z.preprocess(asText, z.string().min(1).max(200));

// ─── The forms ───────────────────────────────────────────────────────────────

export const loginSchema = z.object({ email: emailField, password: currentPasswordField });
export const signupSchema = z.object({
  email: emailField,
  displayName: displayNameField,
  password: newPasswordField(),
  // Never an error: a filled honeypot is answered like any sign-up (see signUp()).
  [HONEYPOT]: z.preprocess(asText, z.string()),
});
export const forgotSchema = z.object({ email: emailField });
export const resetSchema = z.object({ token: tokenField, password: newPasswordField() });

/** The fields of the public entry forms, for their pages (a type: no schema in the browser). */
export type LoginFields = z.input<typeof loginSchema>;
export type SignupFields = z.input<typeof signupSchema>;
export type ForgotFields = z.input<typeof forgotSchema>;
export type ResetFields = z.input<typeof resetSchema>;
export const verifyEmailSchema = z.object({ token: tokenField });

// The account page: one form per intent.
export const changePasswordSchema = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField() });
export const changeEmailSchema = z.object({ newEmail: emailField, password: currentPasswordField });
export const changeDisplayNameSchema = z.object({ displayName: displayNameField });
export const revokeSessionSchema = z.object({ sessionId: z.preprocess(asText, z.string().max(200)) });
/** The forms with nothing to fill (resend the confirmation link, sign out everywhere). */
export const buttonOnlySchema = z.object({});

export const REVIEW_CHOICES = ["anonymise", "remove"] as const;
export const deleteAccountSchema = z.object({
  reviews: z.enum(REVIEW_CHOICES, { error: "accountDelete.error.choice" }),
  password: z.preprocess(
    asText,
    z.string().min(1, { error: "accountDelete.error.password" }).max(1024, { error: "accountDelete.error.password" }),
  ),
});

/** Fields never sent back to the page (Conform's `hideFields`). */
export const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "token"];

// ─── Parsing and answering ───────────────────────────────────────────────────

/** Conform's parse of an account form, in the action and in the browser alike. The schemas
 *  read every value as text themselves, so Conform's coercion is off: an empty or absent
 *  field reaches them as "" and gets their own message (not zod's generic one). A control
 *  intent Conform cannot read (a forged `__intent__`) is ignored instead of thrown. */
export function parseAccountForm<Schema extends z.ZodType>(formData: FormData | URLSearchParams, schema: Schema) {
  try {
    return parseWithZod(formData, { schema, disableAutoCoercion: true });
  } catch (error) {
    if (!formData.has(INTENT)) throw error;
    const rest = new FormData();
    for (const [name, value] of formData) if (name !== INTENT) rest.append(name, value);
    return parseWithZod(rest, { schema, disableAutoCoercion: true });
  }
}

/** The field Conform's intent buttons (validate, reset…) submit. */
const INTENT = "__intent__";

/** What an action answers to an account form it did not accept: Conform's result (errors
 *  as i18n keys, what was typed minus the secret fields) and the variables its messages use
 *  (`{ minutes }` for a rate limit). */
export type { FormAnswer } from "./conform";
