// The author's answer to the flags on their review: one schema for the form and the action.
import { z } from "zod";
import { FLAG_RESPONSE_MAX_LENGTH, FLAG_RESPONSE_MIN_LENGTH } from "./flag-policy";

const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v);

export const flagResponseSchema = z.object({
  body: z.preprocess(
    text,
    z
      .string({ error: "flags.respond.error.short" })
      .min(FLAG_RESPONSE_MIN_LENGTH, { error: "flags.respond.error.short" })
      .max(FLAG_RESPONSE_MAX_LENGTH, { error: "flags.respond.error.long" }),
  ),
});
