// The author's one follow-up, once the company replied (Markdown, same renderer).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuthorNotePage, authorNoteLinks, type AuthorNote } from "~/components/AuthorNotePage";
import { privatePageMeta } from "~/lib/auth-meta";
import { followUpSchema } from "~/lib/review-schema";
import { ownReview, saveAuthorNote, type AuthorNoteSave } from "~/lib/review-routes.server";
import type { SessionUser } from "~/models/permissions.server";
import { addFollowUp } from "~/models/review-actions.server";
import { getPublicReview } from "~/models/reviews.server";

const note: AuthorNote = {
  schema: followUpSchema,
  title: "followUp.title",
  labels: { body: "followUp.body", hint: "followUp.hint", submit: "followUp.submit" },
};

export const links = authorNoteLinks;

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, note.title);

/** The published review (or removed) of this author. */
function publicReviewOf(user: SessionUser, id: number) {
  const review = getPublicReview(id);
  return review && review.author?.id !== user.id ? "forbidden" : review;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = ownReview(request, params.id, publicReviewOf);
  const allowed = review.status === "published" && review.reply?.status === "published" && !review.followUp;
  return { review: { id: review.id, title: review.title }, allowed };
}

/** A refused follow-up: 403 on someone else's review, else the form again with why (409). */
const refusal: AuthorNoteSave["refusal"] = (kind) => (kind === "forbidden" ? null : { status: 409, formError: "followUp.notAllowed" });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = ownReview(request, params.id, publicReviewOf);
  return saveAuthorNote(request, user, review.id, { schema: note.schema, save: addFollowUp, flash: "flash.followUpAdded", refusal });
}

export default function FollowUpPage() {
  const { review, allowed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <AuthorNotePage note={note} review={review} notAllowed={allowed ? null : "followUp.notAllowed"} lastResult={answer?.result} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
