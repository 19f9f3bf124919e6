// How the actions of the review form (write, write with a new subject, edit) answer before
// and after they save: the form again with its status and errors, the files and the
// preview kept.
import type { AppLoadContext } from "@remix-run/node";
import type { MessageKey } from "~/i18n";
import type { SessionUser } from "~/models/permissions.server";
import { hashIp } from "~/models/review-checks.server";
import type { ReviewFormState } from "~/models/review-form.server";
import { clientIp } from "./client-ip.server";
import { refuse, tooManyAttempts } from "./form-answers.server";
import { getLocale } from "./locale.server";
import { requestSiteOrigin } from "./origin.server";

/** `answer(status, formErrors)` sends the form back; `early` is the answer due before
 *  saving (429 under a rate limit, 200 for a preview, 400 when the form has errors or
 *  `complete` is missing), or null with `complete`, what the page saves. */
export function answerReviewForm<T>(form: ReviewFormState, complete: T | null | undefined) {
  const kept = { keptPhotos: form.keptPhotos, keptProof: form.keptProof, previewHtml: form.previewHtml };
  const answer = (status: number, formErrors?: MessageKey[]) =>
    refuse(form.submission, { fieldErrors: form.fileErrors, formErrors }, status, kept);
  if (form.retryAfter != null) return { answer, early: tooManyAttempts(form.submission, form.retryAfter, kept) };
  if (form.intent === "preview") return { answer, early: answer(200) };
  if (form.hasErrors || complete == null) return { answer, early: answer(400) };
  return { answer, early: null, complete };
}

/** Who writes a review and from where, as createReview and editReview take it: the
 *  author, the page's language, the hashed address and the site's origin for links. */
export function reviewAuthorship(request: Request, context: AppLoadContext | undefined, user: SessionUser) {
  return {
    actor: { id: user.id, role: user.role },
    locale: getLocale(request),
    ipHash: hashIp(clientIp(context)),
    origin: requestSiteOrigin(request),
  };
}

/** What an action that posts a new review passes to the model besides the review itself:
 *  its authorship, and the files sent with it (its photos and its proof of experience). */
export function newReviewPost(
  request: Request,
  context: AppLoadContext | undefined,
  user: SessionUser,
  form: Pick<ReviewFormState, "photos" | "proof">,
) {
  return { ...reviewAuthorship(request, context, user), photos: form.photos, proof: form.proof };
}
