// The forms of /moderation/categories (admins): add a category, rename one, delete one that
// no company is filed under. Shared by the action (parseWithZod) and the page (Conform);
// messages are i18n keys (app/i18n/categories.ts), translated where they are shown.
import { z } from "zod";

export const CATEGORY_NAME_MAX_LENGTH = 60;

const name = (required: "categories.error.nameFr" | "categories.error.nameEn") =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(CATEGORY_NAME_MAX_LENGTH, { error: "categories.error.long" })
    // One line of text: no control characters.
    .regex(/^[^\p{Cc}]*$/u, { error: required });

const categoryId = z
  .number({ error: "moderation.error.stale" })
  .int({ error: "moderation.error.stale" })
  .positive({ error: "moderation.error.stale" })
  .max(Number.MAX_SAFE_INTEGER, { error: "moderation.error.stale" });

export const categoryAddSchema = z.object({
  intent: z.literal("add", { error: "moderation.error.stale" }),
  nameFr: name("categories.error.nameFr"),
  nameEn: name("categories.error.nameEn"),
});

export const categoryRenameSchema = z.object({
  intent: z.literal("rename", { error: "moderation.error.stale" }),
  categoryId,
  nameFr: name("categories.error.nameFr"),
  nameEn: name("categories.error.nameEn"),
});

export const categoryDeleteSchema = z.object({
  intent: z.literal("delete", { error: "moderation.error.stale" }),
  categoryId,
});

export const CATEGORY_MESSAGE_VARS = { max: CATEGORY_NAME_MAX_LENGTH };
