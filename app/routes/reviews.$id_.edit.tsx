// Edit one's own review: the same form, the photos it has, every earlier version below.
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReviewForm, type ReviewFormAnswer } from "~/components/ReviewForm";
import { translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerReviewForm, reviewAuthorship } from "~/lib/review-form-answers.server";
import { getLocale } from "~/lib/locale.server";
import { discardImages } from "~/models/media.server";
import { requireUser } from "~/models/permissions.server";
import { checkMessage, isCheckCode } from "~/models/review-checks.server";
import { dateLimits, readReviewForm } from "~/models/review-form.server";
import { editReview, getReviewForEdit, listRevisions } from "~/models/review-submission.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "actions.edit");

function load(request: Request, idParam: string | undefined) {
  const user = requireUser(request);
  const id = Number(idParam);
  const review = Number.isSafeInteger(id) && id > 0 ? getReviewForEdit({ id: user.id, role: user.role }, id) : null;
  if (!review) throw notFound();
  if (review === "forbidden") throw forbidden();
  return { user, review };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = load(request, params.id);
  const locale = getLocale(request);
  const heldMessage =
    review.status === "held" && review.heldCheck && isCheckCode(review.heldCheck)
      ? translate(locale, checkMessage(review.heldCheck))
      : null;
  const revisions = listRevisions(review.id).map((r) => ({
    id: r.id,
    stars: r.stars,
    title: r.title,
    body: r.body,
    createdAt: r.createdAt,
  }));
  return { review, heldMessage, revisions, ...dateLimits() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, review } = load(request, params.id);
  const form = await readReviewForm(request, user.id, { existingPhotoIds: review.photos.map((p) => p.id) });
  const { answer, early, complete: input } = answerReviewForm(form, form.input);
  if (early) return early;
  const result = editReview({
    ...reviewAuthorship(request, context, user),
    reviewId: review.id,
    input,
    addPhotos: form.photos,
    removePhotoIds: form.removePhotoIds,
    proof: form.proof,
  });
  if (result.ok) {
    if (result.removedMedia?.length) await discardImages(result.removedMedia);
    const flash = result.status === "held" ? "flash.reviewHeld" : "flash.reviewUpdated";
    return redirectWithFlash(request, `/reviews/${review.id}`, flash);
  }
  switch (result.kind) {
    case "refused":
      return answer(422, [result.check.message as MessageKey]);
    case "too_many_photos":
      return answer(400, ["media.error.tooMany"]);
    case "locked":
      return answer(409, ["reviewForm.removedNotice"]);
    case "not_found":
      throw notFound();
    default:
      throw forbidden();
  }
}

export default function EditReviewPage() {
  const { review, heldMessage, revisions, minDate, maxDate } = useLoaderData<typeof loader>();
  const answer: ReviewFormAnswer | undefined = useActionData<typeof action>();
  const { t, date } = useT();
  // The author attested the experience when writing: an edit starts with the box ticked.
  const defaultValue = { ...review.values, stars: String(review.values.stars), attestation: "on" };
  const locked = review.status === "removed";
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.values.title}</Link>
      </p>
      <h1>{t("reviewForm.editHeading", { subject: review.subject.name })}</h1>
      <p className="muted">
        {t("reviewForm.ofCompany", { kind: t(`subjectKind.${review.subject.kind}` as MessageKey), company: review.subject.company.name })}
      </p>
      {locked ? (
        <p className="notice notice--warn">{t("reviewForm.removedNotice")}</p>
      ) : (
        <ReviewForm
          mode="edit"
          answer={answer}
          defaultValue={defaultValue}
          notice={heldMessage ? <p className="notice notice--warn">{t("reviewForm.heldWarning", { check: heldMessage })}</p> : null}
          existingPhotos={review.photos}
          existingProofStatus={review.proofs[0]?.proofStatus ?? null}
          minDate={minDate}
          maxDate={maxDate}
        />
      )}
      <p>
        <Link to={`/reviews/${review.id}/delete`} className="button button--ghost">
          {t("actions.delete")}
        </Link>
      </p>
      {revisions.length > 1 ? (
        <section className="revisions" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">{t("history.heading")}</h2>
          <ol reversed>
            {[...revisions].reverse().map((r, i) => (
              <li key={r.id} className="revision">
                <details open={i === 1}>
                  <summary>
                    {t("history.version", { date: date(r.createdAt, "medium") })}
                    {i === 0 ? ` (${t("history.current")})` : ""} · {r.stars}★ · {r.title}
                  </summary>
                  <pre className="revision__body">{r.body}</pre>
                </details>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
