// Delete one's own review: a confirmation page (works without JavaScript), then the delete.
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { requireUser } from "~/models/permissions.server";
import { deleteReview, getReviewForEdit, reviewCompanySlug } from "~/models/review-submission.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "delete.title");

function reviewId(param: string | undefined) {
  const id = Number(param);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const review = getReviewForEdit({ id: user.id, role: user.role }, reviewId(params.id));
  if (!review) throw notFound();
  if (review === "forbidden") throw forbidden();
  return { id: review.id, title: review.values.title, company: review.subject.company };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const result = deleteReview({ actor: { id: user.id, role: user.role }, reviewId: reviewId(params.id) });
  if (result.ok) {
    return redirectWithFlash(request, `/companies/${reviewCompanySlug(result.reviewId)}`, "flash.reviewDeleted");
  }
  throw new Response(result.kind === "forbidden" ? "Forbidden" : "Not found", { status: result.kind === "forbidden" ? 403 : 404 });
}

export default function DeleteReviewPage() {
  const { id, title } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <h1>{t("delete.title")}</h1>
      <p>
        <strong>{title}</strong>
      </p>
      <p>{t("delete.body")}</p>
      <Form method="post" className="inline-actions">
        <button type="submit" className="button button--danger">
          {t("delete.confirm")}
        </button>
        <Link to={`/reviews/${id}`}>{t("delete.cancel")}</Link>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
