// The webhooks of a company (/brand/:slug/webhooks) and the alerts of a member
// (/brand/:slug/alerts): their events, delivery rules and forms. One schema per intent,
// discriminated by the submit button's `intent`, shared by the action (parseWithZod) and the
// page (Conform). Messages are i18n keys (app/i18n/webhooks.ts). Client-safe: no server import.
import { z } from "zod";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** What a webhook may subscribe to. `webhook.test` (the page's button) goes to one endpoint, whatever it chose. */
export const WEBHOOK_EVENTS = ["review.created", "review.updated", "reply.created", "review.removed", "spike.detected"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** When a failed delivery is tried again, counted from its first attempt: 7 retries over a
 *  day, then it is marked failed. */
export const WEBHOOK_RETRY_SCHEDULE_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 24 * HOUR] as const;
/** How long a receiver has to answer one attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How long the secret before a rotation still signs. */
export const WEBHOOK_ROTATION_OVERLAP_MS = 24 * HOUR;
export const WEBHOOK_LIMITS = { perCompany: 10, urlLength: 2000, logLength: 20 } as const;

const id = z.coerce
  .number({ error: "webhooks.error.stale" })
  .int({ error: "webhooks.error.stale" })
  .positive({ error: "webhooks.error.stale" })
  .max(Number.MAX_SAFE_INTEGER, { error: "webhooks.error.stale" });

/** The URL's form only (an absolute http(s) URL); the policy (https, public addresses) is the server's. */
const url = z
  .string({ error: "webhooks.error.url" })
  .trim()
  .min(1, { error: "webhooks.error.url" })
  .max(WEBHOOK_LIMITS.urlLength, { error: "webhooks.error.url" })
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { error: "webhooks.error.url" });

export const addWebhookSchema = z.object({
  intent: z.literal("add"),
  url,
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: "webhooks.error.events" }), { error: "webhooks.error.events" }).min(1, {
    error: "webhooks.error.events",
  }),
});

export const webhookActionSchema = z.discriminatedUnion("intent", [
  addWebhookSchema,
  z.object({ intent: z.literal("test"), webhookId: id }),
  z.object({ intent: z.literal("rotate"), webhookId: id }),
  z.object({ intent: z.literal("pause"), webhookId: id }),
  z.object({ intent: z.literal("resume"), webhookId: id }),
  z.object({ intent: z.literal("delete"), webhookId: id }),
]);
export type WebhookIntent = z.infer<typeof webhookActionSchema>["intent"];

/** A member's alert mails: three boxes, none ticked until they tick it. */
export const alertSettingsSchema = z.object({
  newReviews: z.boolean().optional().default(false),
  negativeReviews: z.boolean().optional().default(false),
  spikes: z.boolean().optional().default(false),
});
export type AlertSettingsInput = z.infer<typeof alertSettingsSchema>;

/** A time of the delivery log or a spike: date and hour, in Paris time like every date. */
export function formatDateTime(locale: "fr" | "en", at: number): string {
  return new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(at);
}
