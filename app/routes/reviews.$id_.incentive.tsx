// "The company offered me something to change or delete my review": a report by the
// review's author, for the moderators (conduct_reports, kind 'incentive').
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AuthorNotePage, authorNoteLinks, type AuthorNote } from "~/components/AuthorNotePage";
import { privatePageMeta } from "~/lib/auth-meta";
import { incentiveSchema } from "~/lib/review-schema";
import { ownReview, saveAuthorNote, type AuthorNoteSave } from "~/lib/review-routes.server";
import type { SessionUser } from "~/models/permissions.server";
import { reportIncentive } from "~/models/review-actions.server";
import { getReviewForEdit } from "~/models/review-submission.server";

const note: AuthorNote = {
  schema: incentiveSchema,
  title: "incentive.title",
  intro: "incentive.intro",
  labels: { body: "incentive.body", hint: "incentive.hint", submit: "incentive.submit" },
};

export const links = authorNoteLinks;

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, note.title);

/** The author's review, whatever its status (but deleted). */
const reviewOf = (user: SessionUser, id: number) => getReviewForEdit({ id: user.id, role: user.role }, id);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = ownReview(request, params.id, reviewOf);
  return { review: { id: review.id, title: review.values.title, company: review.subject.company.name } };
}

/** A refused report: the form again when the author sent too many today (429), else 403. */
const refusal: AuthorNoteSave["refusal"] = (kind) => (kind === "rate_limited" ? { status: 429, formError: "flag.rateLimited" } : null);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = ownReview(request, params.id, reviewOf);
  return saveAuthorNote(request, user, review.id, {
    schema: note.schema,
    save: reportIncentive,
    flash: "flash.incentiveReported",
    refusal,
  });
}

export default function IncentivePage() {
  const { review } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return <AuthorNotePage note={note} review={review} lastResult={answer?.result} />;
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
