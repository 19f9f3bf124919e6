// The forms of /moderation/companies/:slug: set a public warning on a company, lift one
// early, shared by the action (parseWithZod) and the page (Conform). Messages are i18n keys
// (app/i18n/transparency.ts), translated where they are shown.
import { z } from "zod";
import { LANGUAGES } from "#db/enums";
import { DECISION_MESSAGE_VARS, statementField } from "./moderation-form";
import type { Locale } from "~/i18n";
import { WARNING_REASON_IDS } from "./moderation-reasons";
import { WARNING_DEFAULT_DAYS, WARNING_MAX_DAYS } from "./policy";

/** A public warning as a company's page shows it. */
export interface PublicWarning {
  id: number;
  reason: string;
  statement: string;
  language: Locale;
  startsAt: number;
  expiresAt: number;
}

export { WARNING_DEFAULT_DAYS, WARNING_MAX_DAYS };

const DAY = 86_400_000;

/** "YYYY-MM-DD" (UTC) of a time: the date field's value. */
export function isoDay(ms: number) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The end of the chosen day (UTC): the warning is shown through that day. */
export function endOfDay(day: string) {
  return Date.parse(`${day}T23:59:59.999Z`);
}

export function defaultExpiry(now = Date.now()) {
  return isoDay(now + WARNING_DEFAULT_DAYS * DAY);
}

const statement = statementField();

export const warningSchema = z.object({
  intent: z.literal("warn", { error: "moderation.error.stale" }),
  reason: z.enum(WARNING_REASON_IDS, { error: "warning.error.reason" }),
  statement,
  language: z.enum(LANGUAGES, { error: "warning.error.language" }),
  expiresOn: z
    .string({ error: "warning.error.expiry" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "warning.error.expiry" })
    .refine((day) => !Number.isNaN(endOfDay(day)) && isoDay(endOfDay(day)) === day, { error: "warning.error.expiry" })
    // Checked against the clock when the form is read: after today, within the maximum.
    .refine((day) => endOfDay(day) > endOfDay(isoDay(Date.now())), { error: "warning.error.expiryPast" })
    .refine((day) => endOfDay(day) <= endOfDay(isoDay(Date.now() + WARNING_MAX_DAYS * DAY)), { error: "warning.error.expiryFar" }),
});

export const liftSchema = z.object({
  intent: z.literal("lift", { error: "moderation.error.stale" }),
  warningId: z
    .number({ error: "moderation.error.stale" })
    .int({ error: "moderation.error.stale" })
    .positive({ error: "moderation.error.stale" })
    .max(Number.MAX_SAFE_INTEGER, { error: "moderation.error.stale" }),
  statement,
});

export type WarningForm = z.infer<typeof warningSchema>;
export const WARNING_MESSAGE_VARS = { ...DECISION_MESSAGE_VARS, days: WARNING_MAX_DAYS };
