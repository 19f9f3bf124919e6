// The company's reply form: one zod schema shared by the action (parseWithZod) and the page
// (Conform's useForm, for validation in the browser). Messages are i18n keys
// (app/i18n/brand.ts), translated where they are shown (app/lib/conform.ts).
import { z } from "zod";
import { MARKDOWN_MAX_LENGTH } from "./markdown";

const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v);

const body = z
  .string({ error: "brand.reply.error.required" })
  .min(1, { error: "brand.reply.error.required" })
  .max(MARKDOWN_MAX_LENGTH, { error: "brand.reply.error.long" });

export const replySchema = z.object({ body: z.preprocess(text, body) });

/** "Show the preview" without JavaScript: an empty text is not an error yet, a long one is. */
export const replyPreviewSchema = z.object({
  body: z.preprocess(text, z.string().max(MARKDOWN_MAX_LENGTH, { error: "brand.reply.error.long" }).optional()),
});
