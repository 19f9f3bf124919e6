// POST: vote a review helpful, or take the vote back (intent=undo). Answers with a
// redirect to the review (without JavaScript) — a fetcher follows it and revalidates.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/models/permissions.server";
import { undoHelpful, voteHelpful } from "~/models/review-actions.server";
import { answeringStorageFailures, forbidden, notFound, readForm } from "~/lib/http.server";

export async function loader({ params }: ActionFunctionArgs) {
  return redirect(`/reviews/${Number(params.id) || 0}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return answeringStorageFailures(request, async () => {
    const user = requireUser(request);
    const reviewId = Number(params.id);
    if (!Number.isSafeInteger(reviewId) || reviewId <= 0) throw notFound();
    const form = await readForm(request);
    const actor = { id: user.id, role: user.role };
    const result = form.get("intent") === "undo" ? undoHelpful({ actor, reviewId }) : voteHelpful({ actor, reviewId });
    if (!result.ok && result.kind === "not_found") throw notFound();
    if (!result.ok && result.kind === "own_review") throw forbidden();
    return redirect(`/reviews/${reviewId}#review-${reviewId}`);
  });
}
