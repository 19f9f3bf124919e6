// The author of a flagged review sends the moderators their side (a short text), within the
// published window after the flag (app/lib/flag-policy.ts). Only the author; only
// moderators read it, on the case page.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthorNoteForm } from "~/components/AuthorNoteForm";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flagResponseSchema } from "~/lib/flag-response-form";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { respondable, responseWindow, submitFlagResponse } from "~/models/flags.server";
import { requireUser } from "~/models/permissions.server";
import { getReviewAnyStatus } from "~/models/reviews.server";
import writeStyles from "~/styles/write.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "flags.respond.title");

export const headers = () => ({ "Cache-Control": "private, no-store" });

function ownReview(request: Request, param: string | undefined) {
  const user = requireUser(request);
  const id = /^\d{1,12}$/.test(param ?? "") ? Number(param) : 0;
  const who = id > 0 ? respondable(user.id, id) : "not_found";
  if (who === "not_found") throw notFound();
  if (who === "forbidden") throw forbidden();
  return { user, reviewId: id };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reviewId } = ownReview(request, params.id);
  const review = getReviewAnyStatus(reviewId);
  if (!review) throw notFound();
  const window = responseWindow(reviewId);
  return { review: { id: review.id, title: review.title }, openUntil: window.openUntil, left: window.left };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, reviewId } = ownReview(request, params.id);
  const submission = parseWithZod(await readForm(request), { schema: flagResponseSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = submitFlagResponse({ userId: user.id, reviewId, body: submission.value.body });
  if (result.ok) {
    return redirectWithFlash(request, `/reviews/${reviewId}`, "flash.flagResponseSent");
  }
  if (result.kind === "not_found") throw notFound();
  if (result.kind === "forbidden") throw forbidden();
  const message = result.kind === "closed" ? "flags.respond.closed" : "flags.respond.tooMany";
  return data({ result: submission.reply({ formErrors: [message] }) }, { status: 409 });
}

export default function RespondPage() {
  const { review, openUntil, left } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("flags.respond.title")}</h1>
      {openUntil != null && left > 0 ? (
        <>
          <p>{t("flags.respond.intro")}</p>
          <p>
            <strong>{t("flags.respond.until", { date: date(openUntil) })}</strong>{" "}
            <Link to={`/reviews/${review.id}/edit`}>{t("actions.edit")}</Link>
          </p>
          <AuthorNoteForm
            schema={flagResponseSchema}
            lastResult={answer?.result}
            labels={{ body: "flags.respond.body", hint: "flags.respond.hint", submit: "flags.respond.submit" }}
          />
        </>
      ) : (
        <p className="notice">{t(openUntil != null ? "flags.respond.tooMany" : "flags.respond.closed")}</p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
