// The review form for one subject (store, website, product, service).
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReviewForm, type ReviewFormAnswer } from "~/components/ReviewForm";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerReviewForm, newReviewPost } from "~/lib/review-form-answers.server";
import { discardPendingUploads } from "~/models/media.server";
import { requireUser } from "~/models/permissions.server";
import { dateLimits, readReviewForm } from "~/models/review-form.server";
import { openInvitation } from "~/models/review-invitations.server";
import { createReview, findExistingReview, getSubjectForReview } from "~/models/review-submission.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "writeReview.title", "writeReview.description");

function subjectOr404(params: { subjectId?: string }) {
  const id = Number(params.subjectId);
  const subject = Number.isSafeInteger(id) && id > 0 ? getSubjectForReview(id) : null;
  if (!subject) throw notFound();
  return subject;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const subject = subjectOr404(params);
  const existing = findExistingReview(user.id, subject.id);
  if (existing != null) {
    throw await redirectWithFlash(request, `/reviews/${existing}/edit`, "flash.alreadyReviewed");
  }
  return { subject, invitation: invitationFor(request, subject.company.id), ...dateLimits() };
}

/** The invitation the review is written through (?invitation=token), when it is still open
 *  and from this company: the page says the review will be labelled "invited". */
function invitationFor(request: Request, companyId: number) {
  const token = new URL(request.url).searchParams.get("invitation");
  if (!token) return null;
  const invitation = openInvitation(token);
  if (!invitation || invitation.company.id !== companyId) return { state: "other" as const };
  return { state: invitation.state, token };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const subject = subjectOr404(params);
  const form = await readReviewForm(request, user.id);
  const { answer, early, complete: input } = answerReviewForm(form, form.input);
  if (early) return early;

  const result = createReview({
    ...newReviewPost(request, context, user, form),
    subjectId: subject.id,
    input,
    invitationToken: new URL(request.url).searchParams.get("invitation") ?? undefined,
  });
  if (result.ok) return redirectToWritten(request, result.reviewId, result.status);
  const discardUploads = () =>
    discardPendingUploads(
      user.id,
      [...form.photos, ...(form.proof ? [form.proof] : [])].map((p) => p.storageKey),
    );
  switch (result.kind) {
    case "resubmitted":
      await discardUploads();
      return redirectToWritten(request, result.reviewId, result.status);
    case "existing":
      await discardUploads();
      return redirectWithFlash(request, `/reviews/${result.reviewId}/edit`, "flash.alreadyReviewed");
    case "refused":
      return answer(422, [result.check.message as MessageKey]);
    case "too_many_photos":
      return answer(400, ["media.error.tooMany"]);
    case "not_found":
      throw notFound();
    default:
      throw forbidden();
  }
}

async function redirectToWritten(request: Request, reviewId: number, status: string) {
  const flash = status === "published" ? "flash.reviewPublished" : status === "held" ? "flash.reviewHeld" : "flash.reviewPending";
  return redirectWithFlash(request, `/reviews/${reviewId}`, flash);
}

export default function WriteReviewPage() {
  const { subject, invitation, minDate, maxDate } = useLoaderData<typeof loader>();
  const answer: ReviewFormAnswer | undefined = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/write-a-review?company=${subject.company.slug}`}>← {subject.company.name}</Link>
      </p>
      <h1>{t("reviewForm.newHeading", { subject: subject.name })}</h1>
      <p className="muted">
        {t("reviewForm.ofCompany", { kind: t(`subjectKind.${subject.kind}` as MessageKey), company: subject.company.name })}
        {subject.city ? ` · ${subject.city}` : ""}
      </p>
      {invitation ? (
        <p className={invitation.state === "open" ? "notice" : "notice notice--warn"}>
          {invitation.state === "open"
            ? t("invite.write.invited", { company: subject.company.name })
            : t("invite.write.notInvited", { company: subject.company.name })}
        </p>
      ) : null}
      <ReviewForm mode="new" answer={answer} minDate={minDate} maxDate={maxDate} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
