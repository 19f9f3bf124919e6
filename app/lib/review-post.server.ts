// What the actions that post a new review (write a review of a listed subject, with a
// subject the reviewer suggests, with a company the reviewer adds) pass to the model
// besides the review itself: who writes it and from where (`reviewAuthorship`), and the
// files sent with it — its photos and its proof of experience.
import type { AppLoadContext } from "@remix-run/node";
import type { SessionUser } from "~/models/permissions.server";
import type { ReviewFormState } from "~/models/review-form.server";
import { reviewAuthorship } from "./review-form-answers.server";

export function newReviewPost(
  request: Request,
  context: AppLoadContext | undefined,
  user: SessionUser,
  form: Pick<ReviewFormState, "photos" | "proof">,
) {
  return { ...reviewAuthorship(request, context, user), photos: form.photos, proof: form.proof };
}
