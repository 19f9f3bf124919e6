import { fieldErrors } from "~/lib/form-errors";
// Reading a posted review form (new, suggested subject, or edit): text fields, kept and
// new photos, the proof. Returns everything the action needs to either write the review
// or answer with errors next to the fields and every typed value (photos included, as
// signed tokens), so that nothing typed is lost.
import { translate, type Locale, type MessageKey } from "~/i18n";
import { renderMarkdown } from "~/lib/markdown.server";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import { earliestExperienceDate, latestToday, reviewSchema, suggestionSchema, type ReviewInput, type SuggestionInput } from "~/lib/review-schema";
import { MAX_PHOTOS, MediaError, signUpload, storeImage, verifyUpload, type StoredImage } from "./media.server";
import { readUploadForm } from "./upload-form.server";

const TEXT_FIELDS = ["stars", "title", "body", "experienceDate", "channel", "recommend", "language", "attestation"] as const;
const SUGGESTION_FIELDS = ["kind", "name", "city", "address", "url"] as const;

export interface KeptUploadView {
  token: string;
  width: number;
  height: number;
}

export interface ReviewFormState {
  intent: "save" | "preview";
  /** What was typed, to fill the form again. */
  values: Record<string, string>;
  /** Field → translated message. */
  errors: Record<string, string>;
  input: ReviewInput | null;
  suggestion: SuggestionInput | null;
  /** Photos to attach (kept from an earlier answer, and new), in order. */
  photos: StoredImage[];
  proof: StoredImage | null;
  /** Existing photos (review_media ids) the author chose to take off. */
  removePhotoIds: number[];
  keptPhotos: KeptUploadView[];
  keptProof: KeptUploadView | null;
  previewHtml: string | null;
}

function view(userId: number, img: StoredImage): KeptUploadView {
  return { token: signUpload(userId, img), width: img.width, height: img.height };
}

/** Reads and checks the form. `existingPhotoCount` is the photos the review already has (edit). */
export async function readReviewForm(
  request: Request,
  userId: number,
  locale: Locale,
  options: { existingPhotoIds?: number[]; withSuggestion?: boolean } = {},
): Promise<ReviewFormState> {
  const { form, files } = await readUploadForm(request, ["photos", "proof"]);
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values: Record<string, string> = {};
  for (const f of TEXT_FIELDS) values[f] = str(f);
  values.body = values.body.slice(0, MARKDOWN_MAX_LENGTH * 2);
  if (options.withSuggestion) for (const f of SUGGESTION_FIELDS) values[f] = str(f).slice(0, 400);
  const intent = str("intent") === "preview" ? "preview" : "save";
  const errorKeys: Record<string, string> = {};

  // Photos kept from an earlier answer (signed for this user), minus the ones taken off.
  const removeKept = new Set(form.getAll("removeKept").map(String));
  const photos: StoredImage[] = [];
  for (const token of form.getAll("keptPhoto").map(String)) {
    if (removeKept.has(token)) continue;
    const img = verifyUpload(userId, token);
    if (img && !photos.some((p) => p.storageKey === img.storageKey)) photos.push(img);
  }
  let proof: StoredImage | null = null;
  const keptProofToken = str("keptProof");
  if (keptProofToken) proof = verifyUpload(userId, keptProofToken);

  const existing = options.existingPhotoIds ?? [];
  const removePhotoIds = form
    .getAll("removePhoto")
    .map((v) => Number(v))
    .filter((id) => existing.includes(id));
  const room = MAX_PHOTOS - (existing.length - removePhotoIds.length);

  for (const file of files) {
    if (file.field === "photos") {
      if (photos.length >= room) {
        errorKeys.photos ??= "media.error.tooMany";
        continue;
      }
      if (file.tooLarge) {
        errorKeys.photos ??= "media.error.tooLarge";
        continue;
      }
      try {
        photos.push(await storeImage(file.bytes));
      } catch (error) {
        if (!(error instanceof MediaError)) throw error;
        errorKeys.photos ??= error.code;
      }
    } else if (file.field === "proof") {
      if (file.tooLarge) {
        errorKeys.proof ??= "media.error.tooLarge";
        continue;
      }
      try {
        proof = await storeImage(file.bytes);
      } catch (error) {
        if (!(error instanceof MediaError)) throw error;
        errorKeys.proof ??= error.code;
      }
    }
  }
  if (photos.length > room) {
    errorKeys.photos ??= "media.error.tooMany";
    photos.length = Math.max(0, room);
  }

  const parsed = reviewSchema.safeParse(Object.fromEntries(TEXT_FIELDS.map((f) => [f, form.get(f) ?? undefined])));
  if (!parsed.success) Object.assign(errorKeys, { ...fieldErrors(parsed.error), ...errorKeys });
  let suggestion: SuggestionInput | null = null;
  if (options.withSuggestion) {
    const s = suggestionSchema.safeParse(Object.fromEntries(SUGGESTION_FIELDS.map((f) => [f, form.get(f) ?? undefined])));
    if (s.success) suggestion = s.data;
    else Object.assign(errorKeys, fieldErrors(s.error));
  }

  const errors = Object.fromEntries(Object.entries(errorKeys).map(([k, key]) => [k, translate(locale, key as MessageKey)]));
  let previewHtml: string | null = null;
  if (values.body.trim() && values.body.length <= MARKDOWN_MAX_LENGTH) previewHtml = renderMarkdown(values.body);

  return {
    intent,
    values,
    errors,
    input: parsed.success ? parsed.data : null,
    suggestion,
    photos,
    proof,
    removePhotoIds,
    keptPhotos: photos.map((p) => view(userId, p)),
    keptProof: proof ? view(userId, proof) : null,
    previewHtml,
  };
}

/** The date limits of the form's date field. */
export function dateLimits(now = Date.now()) {
  return { minDate: earliestExperienceDate(now), maxDate: latestToday(now) };
}
