// POST: the author marks the review "resolved by the company" (resolved=1) or not.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { flashCookie } from "~/lib/flash.server";
import { requireUser } from "~/models/permissions.server";
import { setResolved } from "~/models/review-actions.server";
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
    const resolved = form.get("resolved") === "1";
    const result = setResolved({ actor: { id: user.id, role: user.role }, reviewId, resolved });
    if (result.ok) {
      return redirect(`/reviews/${reviewId}`, { headers: { "Set-Cookie": await flashCookie(request, resolved ? "flash.resolved" : "flash.unresolved") } });
    }
    if (result.kind === "forbidden") throw forbidden();
    if (result.kind === "not_found") throw notFound();
    throw new Response("Conflict", { status: 409 });
  });
}
