// The review form's one schema, shared by the action (server) and the form (client).
// Error messages are message keys, translated next to each field.
// Nothing here names the author, the company or a status: those are derived on the server.
import { z } from "zod";
import { CHANNELS, LANGUAGES } from "#db/enums";
import { MARKDOWN_MAX_LENGTH } from "./markdown";
import { MODERATION_REASON_IDS } from "./moderation-reasons";
import { FLAG_EXPLANATION_MAX_LENGTH, FLAG_EXPLANATION_MIN_LENGTH } from "./flag-policy";
import { MAX_EXPERIENCE_AGE_YEARS } from "./policy";

export const TITLE_MIN_LENGTH = 3;
export const TITLE_MAX_LENGTH = 120;
export const BODY_MIN_LENGTH = 20;
export const FOLLOW_UP_MIN_LENGTH = 10;
export const INCENTIVE_MIN_LENGTH = 20;

/** "YYYY-MM-DD" of a moment, in UTC. */
export function isoDate(ms: number) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The latest calendar day anywhere on Earth (UTC+14): an experience dated "today"
 *  by anyone, in any time zone, is not in the future. */
export function latestToday(now: number) {
  return isoDate(now + 14 * 3_600_000);
}

/** The earliest experience date accepted: MAX_EXPERIENCE_AGE_YEARS before today (UTC−12). */
export function earliestExperienceDate(now: number) {
  const d = new Date(now - 12 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() - MAX_EXPERIENCE_AGE_YEARS);
  return isoDate(d.getTime());
}

function isRealDate(value: string) {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d.getTime()) === value;
}

/** Form values arrive as strings; blank means absent. */
const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Builds the schema with "today" fixed (the default: the time of each parse). */
export function makeReviewSchema(nowFn: () => number = Date.now) {
  return z.object({
    stars: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "reviewForm.error.stars" })
        .int({ error: "reviewForm.error.stars" })
        .min(1, { error: "reviewForm.error.stars" })
        .max(5, { error: "reviewForm.error.stars" }),
    ),
    title: z.preprocess(
      text,
      z
        .string({ error: "reviewForm.error.titleRequired" })
        .min(1, { error: "reviewForm.error.titleRequired" })
        .min(TITLE_MIN_LENGTH, { error: "reviewForm.error.titleShort" })
        .max(TITLE_MAX_LENGTH, { error: "reviewForm.error.titleLong" }),
    ),
    body: z.preprocess(
      text,
      z
        .string({ error: "reviewForm.error.bodyRequired" })
        .min(1, { error: "reviewForm.error.bodyRequired" })
        .min(BODY_MIN_LENGTH, { error: "reviewForm.error.bodyShort" })
        .max(MARKDOWN_MAX_LENGTH, { error: "reviewForm.error.bodyLong" }),
    ),
    experienceDate: z.preprocess(
      text,
      z
        .string({ error: "reviewForm.error.dateRequired" })
        .min(1, { error: "reviewForm.error.dateRequired" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "reviewForm.error.dateInvalid" })
        .refine(isRealDate, { error: "reviewForm.error.dateInvalid" })
        .refine((v) => v <= latestToday(nowFn()), { error: "reviewForm.error.dateFuture" })
        .refine((v) => v >= earliestExperienceDate(nowFn()), { error: "reviewForm.error.dateOld" }),
    ),
    channel: z.enum(CHANNELS, { error: "reviewForm.error.channel" }),
    recommend: z.enum(["yes", "no"], { error: "reviewForm.error.recommend" }).transform((v) => v === "yes"),
    language: z.preprocess(blankToUndefined, z.enum(LANGUAGES, { error: "reviewForm.error.language" }).optional()),
    attestation: z.preprocess(
      (v) => v === "on" || v === "true" || v === "1" || v === true,
      z.literal(true, { error: "reviewForm.error.attestation" }),
    ),
  });
}

export const reviewSchema = makeReviewSchema();
export type ReviewInput = z.output<typeof reviewSchema>;
export type ReviewField = keyof ReviewInput;
export const REVIEW_FIELDS = Object.keys(reviewSchema.shape) as ReviewField[];

/** A store, website, product or service suggested by a reviewer (pending until accepted). */
export const suggestionSchema = z.object({
  kind: z.enum(["store", "website", "product", "service"], { error: "suggest.error.kind" }),
  name: z.preprocess(
    text,
    z.string({ error: "suggest.error.name" }).min(2, { error: "suggest.error.name" }).max(120, { error: "suggest.error.name" }),
  ),
  city: z.preprocess(blankToUndefined, z.preprocess(text, z.string().max(80, { error: "suggest.error.city" })).optional()),
  address: z.preprocess(blankToUndefined, z.preprocess(text, z.string().max(200, { error: "suggest.error.address" })).optional()),
  url: z.preprocess(
    blankToUndefined,
    z.preprocess(text, z.url({ protocol: /^https?$/, error: "suggest.error.url" }).max(300, { error: "suggest.error.url" })).optional(),
  ),
});
export type SuggestionInput = z.output<typeof suggestionSchema>;

/** Markdown of a follow-up (same renderer and cap as reviews). */
export const followUpSchema = z.object({
  body: z.preprocess(
    text,
    z
      .string({ error: "followUp.error.body" })
      .min(FOLLOW_UP_MIN_LENGTH, { error: "followUp.error.body" })
      .max(MARKDOWN_MAX_LENGTH, { error: "reviewForm.error.bodyLong" }),
  ),
});

export const incentiveSchema = z.object({
  body: z.preprocess(
    text,
    z
      .string({ error: "incentive.error.body" })
      .min(INCENTIVE_MIN_LENGTH, { error: "incentive.error.body" })
      .max(MARKDOWN_MAX_LENGTH, { error: "incentive.error.bodyLong" }),
  ),
});

/** Flag a review, a reply or a follow-up: a reason from the published list, and why. */
export const flagSchema = z.object({
  reason: z.enum(MODERATION_REASON_IDS, { error: "flag.error.reason" }),
  explanation: z.preprocess(
    text,
    z
      .string({ error: "flag.error.explanation" })
      .min(FLAG_EXPLANATION_MIN_LENGTH, { error: "flag.error.explanation" })
      .max(FLAG_EXPLANATION_MAX_LENGTH, { error: "flag.error.explanationLong" }),
  ),
  /** A link to evidence (a company shows an order that never existed…), optional. */
  evidenceUrl: z
    .string()
    .trim()
    .max(500, { error: "companyFlags.error.url" })
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.url({ protocol: /^https?$/, error: "companyFlags.error.url" }).optional()),
});
export type FlagInput = z.output<typeof flagSchema>;
