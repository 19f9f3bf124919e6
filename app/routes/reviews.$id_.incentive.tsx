import { fieldErrors, translateErrors } from "~/lib/form-errors";
// "The company offered me something to change or delete my review": a report by the
// review's author, for the moderators (conduct_reports, kind 'incentive').
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Field, FormError } from "~/components/Field";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { incentiveSchema } from "~/lib/review-schema";
import { requireUser } from "~/models/permissions.server";
import { reportIncentive } from "~/models/review-actions.server";
import { getReviewForEdit } from "~/models/review-submission.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound, readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "incentive.title");

function ownReview(request: Request, param: string | undefined) {
  const user = requireUser(request);
  const id = Number(param);
  const review = Number.isSafeInteger(id) && id > 0 ? getReviewForEdit(getDb(), { id: user.id, role: user.role }, id) : null;
  if (!review) throw notFound();
  if (review === "forbidden") throw forbidden();
  return { user, review };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { review } = ownReview(request, params.id);
  return { review: { id: review.id, title: review.values.title, company: review.subject.company.name } };
}

type ActionData = { values: { body: string }; errors: Record<string, string>; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = ownReview(request, params.id);
  const locale = getLocale(request);
  const form = await readForm(request);
  const values = { body: String(form.get("body") ?? "").slice(0, 10_000) };
  const parsed = incentiveSchema.safeParse({ body: form.get("body") ?? undefined });
  if (!parsed.success) {
    const errors = translateErrors(locale, fieldErrors(parsed.error));
    return data<ActionData>({ values, errors, formError: translate(locale, "reviewForm.fixErrors") }, { status: 400 });
  }
  const result = reportIncentive(getDb(), { actor: { id: user.id, role: user.role }, reviewId: review.id, body: parsed.data.body });
  if (result.ok) return redirect(`/reviews/${review.id}`, { headers: { "Set-Cookie": flashCookie("flash.incentiveReported") } });
  if (result.kind === "rate_limited") return data<ActionData>({ values, errors: {}, formError: translate(locale, "flag.rateLimited") }, { status: 429 });
  throw forbidden();
}

export default function IncentivePage() {
  const { review } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("incentive.title")}</h1>
      <p>{t("incentive.intro")}</p>
      <Form method="post" className="card" noValidate>
        <FormError>{answer?.formError}</FormError>
        <Field
          as="textarea"
          label={t("incentive.body")}
          name="body"
          hint={t("incentive.hint")}
          defaultValue={answer?.values.body}
          error={answer?.errors.body}
          rows={8}
          required
        />
        <button type="submit">{t("incentive.submit")}</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
