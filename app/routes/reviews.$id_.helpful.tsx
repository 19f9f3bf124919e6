// POST: vote a review helpful, or take the vote back (intent=undo). Answers with a
// redirect to the review (without JavaScript) — a fetcher follows it and revalidates.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { answeringStorageFailures, forbidden, notFound } from "~/lib/http.server";
import { backToReview, reviewPost } from "~/lib/review-routes.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { undoHelpful, voteHelpful } from "~/models/review-actions.server";

export const loader = backToReview;

export async function action({ request, params }: ActionFunctionArgs) {
  return answeringStorageFailures(request, async () => {
    const { actor, reviewId, form } = await reviewPost(request, params.id);
    const result = form.get("intent") === "undo" ? undoHelpful({ actor, reviewId }) : voteHelpful({ actor, reviewId });
    if (!result.ok && result.kind === "not_found") throw notFound();
    if (!result.ok && (result.kind === "own_review" || result.kind === "not_allowed")) throw forbidden();
    // From a list's card: back to that list (a path of this site only).
    return redirect(safeRedirect(form.get("back"), `/reviews/${reviewId}#review-${reviewId}`));
  });
}
