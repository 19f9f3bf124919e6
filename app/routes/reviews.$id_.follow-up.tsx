import { fieldErrors, translateErrors } from "~/lib/form-errors";
// The author's one follow-up, once the company replied (Markdown, same renderer).
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
import { followUpSchema } from "~/lib/review-schema";
import { requireUser } from "~/models/permissions.server";
import { addFollowUp } from "~/models/review-actions.server";
import { getPublicReview } from "~/models/reviews.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound, readForm } from "~/lib/http.server";

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

type ActionData = { values: { body: string }; errors: Record<string, string>; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, review } = ownReview(request, params.id);
  const locale = getLocale(request);
  const form = await readForm(request);
  const values = { body: String(form.get("body") ?? "").slice(0, 10_000) };
  const parsed = followUpSchema.safeParse({ body: form.get("body") ?? undefined });
  if (!parsed.success) {
    const errors = translateErrors(locale, fieldErrors(parsed.error));
    return data<ActionData>({ values, errors, formError: translate(locale, "reviewForm.fixErrors") }, { status: 400 });
  }
  const result = addFollowUp(getDb(), { actor: { id: user.id, role: user.role }, reviewId: review.id, body: parsed.data.body });
  if (result.ok) return redirect(`/reviews/${review.id}`, { headers: { "Set-Cookie": flashCookie("flash.followUpAdded") } });
  if (result.kind === "forbidden") throw forbidden();
  return data<ActionData>({ values, errors: {}, formError: translate(locale, "followUp.notAllowed") }, { status: 409 });
}

export default function FollowUpPage() {
  const { review, allowed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("followUp.title")}</h1>
      {allowed ? (
        <Form method="post" className="card" noValidate>
          <FormError>{answer?.formError}</FormError>
          <Field
            as="textarea"
            label={t("followUp.body")}
            name="body"
            hint={t("followUp.hint")}
            defaultValue={answer?.values.body}
            error={answer?.errors.body}
            rows={8}
            required
          />
          <button type="submit">{t("followUp.submit")}</button>
        </Form>
      ) : (
        <p className="notice">{t("followUp.notAllowed")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
