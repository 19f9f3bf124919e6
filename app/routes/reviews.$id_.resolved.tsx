// POST: the author marks the review "resolved by the company" (resolved=1) or not.
import { type ActionFunctionArgs } from "@remix-run/node";
import { redirectWithFlash } from "~/lib/flash.server";
import { answeringStorageFailures, forbidden, notFound } from "~/lib/http.server";
import { backToReview, reviewPost } from "~/lib/review-routes.server";
import { setResolved } from "~/models/review-actions.server";

export const loader = backToReview;

export async function action({ request, params }: ActionFunctionArgs) {
  return answeringStorageFailures(request, async () => {
    const { actor, reviewId, form } = await reviewPost(request, params.id);
    const resolved = form.get("resolved") === "1";
    const result = setResolved({ actor, reviewId, resolved });
    if (result.ok) {
      return redirectWithFlash(request, `/reviews/${reviewId}`, resolved ? "flash.resolved" : "flash.unresolved");
    }
    if (result.kind === "forbidden") throw forbidden();
    if (result.kind === "not_found") throw notFound();
    throw new Response("Conflict", { status: 409 });
  });
}
