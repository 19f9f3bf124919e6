// The forms of /brand/:slug/subjects: add a subject (a store with its address and city, a
// website with its URL, a product, a service), edit one (its name and details; its kind
// stays), close it, reopen it, delete it (only when it never had a review). One schema per
// intent, discriminated by the submit button's `intent`; shared by the action
// (parseWithZod) and the page (Conform). Messages are i18n keys (app/i18n/subjects.ts).
import { z } from "zod";
import { SUBJECT_KINDS } from "#db/enums";

/** Subjects listed per page of /brand/:slug/subjects. */
export const SUBJECT_PAGE_SIZE = 50;

export const SUBJECT_LIMITS = { name: { min: 2, max: 120 }, address: 200, postalCode: 12, city: 80, url: 300 } as const;

/** What the company may do with a subject in each state: pending and refused subjects are
 *  reviewers' suggestions, decided by moderators. */
export function subjectActions(state: string, hasReviews: boolean) {
  const own = state === "active" || state === "closed";
  return { edit: own, close: state === "active", reopen: state === "closed", remove: own && !hasReviews };
}

/** Form values arrive as strings; blank means absent. */
const trimmed = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, " ").trim() : v);
const optionalText = (max: number, key: string) =>
  z.preprocess((v) => trimmed(v) || undefined, z.string({ error: key }).max(max, { error: key }).optional());

const id = (key: string) =>
  z.coerce.number({ error: key }).int({ error: key }).positive({ error: key }).max(Number.MAX_SAFE_INTEGER, { error: key });

const details = {
  kind: z.enum(SUBJECT_KINDS, { error: "subjects.error.kind" }),
  name: z.preprocess(
    trimmed,
    z
      .string({ error: "subjects.error.name" })
      .min(SUBJECT_LIMITS.name.min, { error: "subjects.error.name" })
      .max(SUBJECT_LIMITS.name.max, { error: "subjects.error.name" }),
  ),
  address: optionalText(SUBJECT_LIMITS.address, "subjects.error.address"),
  postalCode: optionalText(SUBJECT_LIMITS.postalCode, "subjects.error.postalCode"),
  city: optionalText(SUBJECT_LIMITS.city, "subjects.error.city"),
  url: z.preprocess(
    (v) => trimmed(v) || undefined,
    z
      .url({ protocol: /^https?$/, error: "subjects.error.url" })
      .max(SUBJECT_LIMITS.url, { error: "subjects.error.url" })
      .optional(),
  ),
};

export const addSubjectSchema = z.object({ intent: z.literal("add"), ...details });
export const editSubjectSchema = z.object({ intent: z.literal("edit"), subjectId: id("subjects.error.stale"), ...details });

/** A store needs its address and city, a website its URL (products and services may have one). */
function requireDetails(v: { intent: string; kind?: string; address?: string; city?: string; url?: string }, ctx: z.RefinementCtx) {
  if (v.intent !== "add" && v.intent !== "edit") return;
  if (v.kind === "store" && !v.address) ctx.addIssue({ code: "custom", path: ["address"], message: "subjects.error.addressRequired" });
  if (v.kind === "store" && !v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "subjects.error.cityRequired" });
  if (v.kind === "website" && !v.url) ctx.addIssue({ code: "custom", path: ["url"], message: "subjects.error.urlRequired" });
}

export const subjectActionSchema = z
  .discriminatedUnion("intent", [
    addSubjectSchema,
    editSubjectSchema,
    z.object({ intent: z.literal("close"), subjectId: id("subjects.error.stale") }),
    z.object({ intent: z.literal("reopen"), subjectId: id("subjects.error.stale") }),
    z.object({ intent: z.literal("delete"), subjectId: id("subjects.error.stale") }),
  ])
  .superRefine(requireDetails);

/** The add and edit forms' own schemas, for Conform in the browser. */
export const addSubjectFormSchema = addSubjectSchema.superRefine(requireDetails);
export const editSubjectFormSchema = editSubjectSchema.superRefine(requireDetails);

export type SubjectAction = z.output<typeof subjectActionSchema>;
export type SubjectIntent = SubjectAction["intent"];
export type SubjectDetails = Omit<z.output<typeof addSubjectSchema>, "intent">;
