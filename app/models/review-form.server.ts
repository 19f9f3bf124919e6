// Reading a posted review form (new, suggested subject, or edit): text fields, kept and
// new photos, the proof. Returns everything the action needs to either write the review
// or answer with errors next to the fields and every typed value (photos included: the
// keys of the author's pending uploads, in hidden fields), so that nothing typed is lost.
// The text fields are Conform's submission (parseWithZod with the one review schema); the
// files' errors join it as field errors. The form is checked on the server only: the files
// can only be checked there, and every error then arrives at once.
import { parseWithZod } from "@conform-to/zod/v4";
import type { Submission } from "@conform-to/react";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { renderMarkdown } from "~/lib/markdown.server";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import {
  earliestExperienceDate,
  latestToday,
  reviewSchema,
  suggestionSchema,
  type ReviewInput,
  type SuggestionInput,
} from "~/lib/review-schema";
import { getDb, type Db } from "#db/client.server";
import { discardPendingUploads, findPendingUploads, MAX_PHOTOS, MediaError, storeImage, type StoredImage } from "./media.server";
import { hit, type RateLimit } from "./rate-limit.server";
import { readUploadForm, type UploadedFile } from "./upload-form.server";

const TEXT_FIELDS = ["stars", "title", "body", "experienceDate", "channel", "recommend", "language", "attestation"] as const;
const SUGGESTION_FIELDS = ["kind", "name", "city", "address", "url"] as const;

/** Per member. Every stored file stays up to a day as a pending upload (and costs a sharp
 *  decode), so files are counted whatever the button; the no-JavaScript preview is
 *  counted too (the live preview, /markdown-preview, stores nothing). */
export const UPLOAD_LIMITS = {
  previewPerUser: { limit: 60, windowMs: 60 * 60_000 },
  filesPerUser: { limit: 100, windowMs: 24 * 60 * 60_000 },
} as const satisfies Record<string, RateLimit>;

export interface KeptUploadView {
  /** The storage key of the member's own pending upload (another member's is refused). */
  token: string;
  width: number;
  height: number;
}

/** Fields a page adds to the review form, read with it (the company a reviewer adds:
 *  app/lib/add-company-form.ts): their names, and one schema for them and the review's. */
export interface ExtraReviewFields<Extra extends ReviewInput> {
  fields: readonly string[];
  schema: z.ZodType<Extra>;
}

export interface ReviewFormState<Extra extends ReviewInput = ReviewInput> {
  intent: "save" | "preview";
  /** The text fields, parsed: what was typed and its errors (i18n keys). */
  submission: Submission<unknown>;
  /** The files' errors (i18n keys), by field. */
  fileErrors: Record<string, MessageKey[]>;
  /** True when a field, a file or the suggestion has an error. */
  hasErrors: boolean;
  input: ReviewInput | null;
  suggestion: SuggestionInput | null;
  /** The review and the page's extra fields, parsed (`options.extra`), when all are valid. */
  extra: Extra | null;
  /** Photos to attach (kept from an earlier answer, and new), in order. */
  photos: StoredImage[];
  proof: StoredImage | null;
  /** Existing photos (review_media ids) the author chose to take off. */
  removePhotoIds: number[];
  keptPhotos: KeptUploadView[];
  keptProof: KeptUploadView | null;
  previewHtml: string | null;
  /** Set when a rate limit refused the preview or a file (seconds, for a 429): no new
   *  file was stored past it. */
  retryAfter: number | null;
}

function view(img: StoredImage): KeptUploadView {
  return { token: img.storageKey, width: img.width, height: img.height };
}

/** Reads and checks the form. `existingPhotoCount` is the photos the review already has (edit). */
export async function readReviewForm<Extra extends ReviewInput = ReviewInput>(
  request: Request,
  userId: number,
  options: { existingPhotoIds?: number[]; withSuggestion?: boolean; extra?: ExtraReviewFields<Extra>; now?: number } = {},
): Promise<ReviewFormState<Extra>> {
  const db = getDb();
  const now = options.now ?? Date.now();
  const { form, files } = await readUploadForm(request, ["photos", "proof"]);
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const intent = str("intent") === "preview" ? "preview" : "save";
  const limits = memberLimits(db, userId, now);
  if (intent === "preview") limits.countPreview();

  const kept = await keptUploads(db, userId, form, str("keptProof"));
  const existing = options.existingPhotoIds ?? [];
  const removePhotoIds = form
    .getAll("removePhoto")
    .map((v) => Number(v))
    .filter((id) => existing.includes(id));
  const room = MAX_PHOTOS - (existing.length - removePhotoIds.length);
  const { photos, proof, errorKeys } = await storeNewFiles(db, userId, now, files, { ...kept, room, allowFile: limits.allowFile });

  const { submission, input, suggestion, extra } = parseTextFields(form, options);
  const fileErrors = Object.fromEntries(Object.entries(errorKeys).map(([field, key]) => [field, [key]]));

  const body = str("body");
  let previewHtml: string | null = null;
  if (limits.retryAfter == null && body.trim() && body.length <= MARKDOWN_MAX_LENGTH) previewHtml = renderMarkdown(body);

  return {
    intent,
    submission,
    fileErrors,
    hasErrors: submission.status !== "success" || Object.keys(fileErrors).length > 0,
    input,
    suggestion,
    extra,
    photos,
    proof,
    removePhotoIds,
    keptPhotos: photos.map(view),
    keptProof: proof ? view(proof) : null,
    previewHtml,
    retryAfter: limits.retryAfter,
  };
}

/** The member's rate limits on one posted form (UPLOAD_LIMITS): the no-JavaScript preview,
 *  and each new file. `retryAfter` is set once one refuses; no file is stored past it. */
function memberLimits(db: Db, userId: number, now: number) {
  let retryAfter: number | null = null;
  return {
    get retryAfter() {
      return retryAfter;
    },
    countPreview: () => {
      const limit = hit(`review-preview:${userId}`, UPLOAD_LIMITS.previewPerUser, now, db);
      if (!limit.allowed) retryAfter = limit.retryAfter;
    },
    /** Counts the file, and refuses it past the limit (nothing is stored past it). */
    allowFile: () => {
      if (retryAfter != null) return false;
      const limit = hit(`review-upload:${userId}`, UPLOAD_LIMITS.filesPerUser, now, db);
      if (!limit.allowed) retryAfter = limit.retryAfter;
      return limit.allowed;
    },
  };
}

/** Photos kept from an earlier answer (this member's pending uploads), minus the ones taken
 *  off, and the kept proof. */
async function keptUploads(db: Db, userId: number, form: FormData, keptProof: string) {
  const removeKept = form.getAll("removeKept").map(String).slice(0, MAX_PHOTOS);
  await discardPendingUploads(userId, removeKept);
  const keptKeys = [...new Set(form.getAll("keptPhoto").map(String))].slice(0, MAX_PHOTOS);
  const photos: StoredImage[] = findPendingUploads(
    db,
    userId,
    keptKeys.filter((k) => !removeKept.includes(k)),
  );
  const proof: StoredImage | null = findPendingUploads(db, userId, [keptProof].filter(Boolean))[0] ?? null;
  return { photos, proof };
}

/** Stores the new files after the kept ones: photos while there is `room` (no more photos
 *  than that in the end), and a proof that replaces the kept one. The first error of each
 *  field (an i18n key). */
async function storeNewFiles(
  db: Db,
  userId: number,
  now: number,
  files: UploadedFile[],
  kept: { photos: StoredImage[]; proof: StoredImage | null; room: number; allowFile: () => boolean },
) {
  const { photos, room, allowFile } = kept;
  let proof = kept.proof;
  const errorKeys: Record<string, MessageKey> = {};
  const store = async (file: UploadedFile, field: "photos" | "proof") => {
    if (file.tooLarge) {
      errorKeys[field] ??= "media.error.tooLarge";
      return null;
    }
    if (!allowFile()) return null;
    try {
      return await storeImage(db, userId, file.bytes, now);
    } catch (error) {
      if (!(error instanceof MediaError)) throw error;
      errorKeys[field] ??= error.code as MessageKey;
      return null;
    }
  };

  for (const file of files) {
    if (file.field === "photos") {
      if (photos.length >= room) {
        errorKeys.photos ??= "media.error.tooMany";
        continue;
      }
      const stored = await store(file, "photos");
      if (stored) photos.push(stored);
    } else if (file.field === "proof") {
      proof = (await store(file, "proof")) ?? proof;
    }
  }
  if (photos.length > room) {
    errorKeys.photos ??= "media.error.tooMany";
    photos.length = Math.max(0, room);
  }
  return { photos, proof, errorKeys };
}

/** The text fields, parsed by Conform with the one review schema: with the suggestion's
 *  fields, or as the page's extra schema when it adds fields. */
function parseTextFields<Extra extends ReviewInput>(
  form: FormData,
  options: { withSuggestion?: boolean; extra?: ExtraReviewFields<Extra> },
): Pick<ReviewFormState<Extra>, "submission" | "input" | "suggestion" | "extra"> {
  const fields = [...TEXT_FIELDS, ...(options.withSuggestion ? SUGGESTION_FIELDS : []), ...(options.extra?.fields ?? [])];
  const text = new FormData();
  for (const f of fields) {
    const v = form.get(f);
    if (typeof v === "string") text.set(f, v);
  }
  if (options.extra) {
    const parsed = parseWithZod(text, { schema: options.extra.schema });
    const extra = parsed.status === "success" ? parsed.value : null;
    return { submission: parsed, input: extra, suggestion: null, extra };
  }
  const schema = options.withSuggestion ? reviewSchema.extend(suggestionSchema.shape) : reviewSchema;
  const parsed = parseWithZod(text, { schema });
  if (parsed.status !== "success") return { submission: parsed, input: null, suggestion: null, extra: null };
  const { kind, name, city, address, url, ...review } = parsed.value as ReviewInput & Partial<SuggestionInput>;
  const suggestion = options.withSuggestion ? { kind: kind!, name: name!, city, address, url } : null;
  return { submission: parsed, input: review, suggestion, extra: null };
}

/** The date limits of the form's date field. */
export function dateLimits(now = Date.now()) {
  return { minDate: earliestExperienceDate(now), maxDate: latestToday(now) };
}
