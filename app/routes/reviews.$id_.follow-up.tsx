// The author's one follow-up, once the company replied (Markdown, same renderer).
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthorNoteForm } from "~/components/AuthorNoteForm";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { followUpSchema } from "~/lib/review-schema";
import { requireUser } from "~/models/permissions.server";
import { addFollowUp } from "~/models/review-actions.server";
import { getPublicReview } from "~/models/reviews.server";
import writeStyles from "~/styles/write.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "followUp.title");

function ownReview(request: Request, param: string | undefined) {
  const user = requireUser(request);
  const id = Number(param);
  const review = Number.isSafeInteger(id) && id > 0 ? getPublicReview(id) : null;
  if (!review) throw notFound();
  if (review.author?.id !== user.id) throw forbidden();
  return { user, review };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = ownReview(request, params.id);
  const allowed = review.status === "published" && review.reply?.status === "published" && !review.followUp;
  return { review: { id: review.id, title: review.title }, allowed };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = ownReview(request, params.id);
  const submission = parseWithZod(await readForm(request), { schema: followUpSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = addFollowUp({ actor: { id: user.id, role: user.role }, reviewId: review.id, body: submission.value.body });
  if (result.ok) return redirect(`/reviews/${review.id}`, { headers: { "Set-Cookie": await flashCookie(request, "flash.followUpAdded") } });
  if (result.kind === "forbidden") throw forbidden();
  return data({ result: submission.reply({ formErrors: ["followUp.notAllowed"] }) }, { status: 409 });
}

export default function FollowUpPage() {
  const { review, allowed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("followUp.title")}</h1>
      {allowed ? (
        <AuthorNoteForm
          schema={followUpSchema}
          lastResult={answer?.result}
          labels={{ body: "followUp.body", hint: "followUp.hint", submit: "followUp.submit" }}
        />
      ) : (
        <p className="notice">{t("followUp.notAllowed")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
