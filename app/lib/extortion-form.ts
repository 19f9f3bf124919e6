// The form of /brand/:slug/flags where a company member reports an extortion attempt ("pay,
// or I post a 1-star review"): what happened (required), the message as received and a link
// to the evidence (optional), the review concerned when it was posted. Shared by the action
// (parseWithZod) and the page (Conform); messages are i18n keys (app/i18n/companyFlags.ts).
import { z } from "zod";

export const EXTORTION_LIMITS = {
  /** Reports one company files in 24 hours. */
  perCompanyPerDay: 10,
  whatMin: 30,
  whatMax: 2000,
  messageMax: 4000,
  urlMax: 500,
} as const;

const optional = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { error: key })
    .optional()
    .transform((v) => v || undefined);

export const extortionSchema = z.object({
  intent: z.literal("extortion"),
  what: z
    .string({ error: "companyFlags.error.what" })
    .trim()
    .min(EXTORTION_LIMITS.whatMin, { error: "companyFlags.error.what" })
    .max(EXTORTION_LIMITS.whatMax, { error: "companyFlags.error.whatLong" }),
  message: optional(EXTORTION_LIMITS.messageMax, "companyFlags.error.messageLong"),
  evidenceUrl: optional(EXTORTION_LIMITS.urlMax, "companyFlags.error.url").pipe(
    z.url({ protocol: /^https?$/, error: "companyFlags.error.url" }).optional(),
  ),
  /** The review's address on the site, or its number. */
  review: optional(EXTORTION_LIMITS.urlMax, "companyFlags.error.review"),
});

export type ExtortionInput = z.output<typeof extortionSchema>;

/** The review id in "/reviews/123", a full link to it, or "123"; null when it is neither. */
export function reviewIdOf(value: string): number | null {
  const match = /^(?:\d+|(?:https?:\/\/[^/\s]+)?\/reviews\/(\d+)(?:[/?#]\S*)?)$/.exec(value.trim());
  if (!match) return null;
  const id = Number(match[1] ?? value.trim());
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
