// "The company offered me something to change or delete my review": a report by the
// review's author, for the moderators (conduct_reports, kind 'incentive').
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthorNoteForm } from "~/components/AuthorNoteForm";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { incentiveSchema } from "~/lib/review-schema";
import { requireUser } from "~/models/permissions.server";
import { reportIncentive } from "~/models/review-actions.server";
import { getReviewForEdit } from "~/models/review-submission.server";
import writeStyles from "~/styles/write.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "incentive.title");

function ownReview(request: Request, param: string | undefined) {
  const user = requireUser(request);
  const id = Number(param);
  const review = Number.isSafeInteger(id) && id > 0 ? getReviewForEdit({ id: user.id, role: user.role }, id) : null;
  if (!review) throw notFound();
  if (review === "forbidden") throw forbidden();
  return { user, review };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = ownReview(request, params.id);
  return { review: { id: review.id, title: review.values.title, company: review.subject.company.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = ownReview(request, params.id);
  const submission = parseWithZod(await readForm(request), { schema: incentiveSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = reportIncentive({ actor: { id: user.id, role: user.role }, reviewId: review.id, body: submission.value.body });
  if (result.ok) return redirect(`/reviews/${review.id}`, { headers: { "Set-Cookie": await flashCookie(request, "flash.incentiveReported") } });
  if (result.kind === "rate_limited") return data({ result: submission.reply({ formErrors: ["flag.rateLimited"] }) }, { status: 429 });
  throw forbidden();
}

export default function IncentivePage() {
  const { review } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("incentive.title")}</h1>
      <p>{t("incentive.intro")}</p>
      <AuthorNoteForm
        schema={incentiveSchema}
        lastResult={answer?.result}
        labels={{ body: "incentive.body", hint: "incentive.hint", submit: "incentive.submit" }}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
