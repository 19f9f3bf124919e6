// Review something the site does not list yet: the reviewer suggests a store, website,
// product or service of a company; it waits (pending) with the review until a moderator
// accepts it.
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field } from "~/components/Field";
import { ReviewForm, useReviewFormFields, type ReviewFormAnswer } from "~/components/ReviewForm";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { SubjectKindOptions } from "~/components/ChoiceOptions";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { answerReviewForm, newReviewPost } from "~/lib/review-form-answers.server";
import { requireUser } from "~/models/permissions.server";
import { dateLimits, readReviewForm } from "~/models/review-form.server";
import { createReviewWithSuggestedSubject } from "~/models/review-submission.server";
import { getCompanyTargets } from "~/models/review-targets.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "suggest.title");

function companyOr404(slug: string | undefined) {
  const company = slug ? getCompanyTargets(slug.slice(0, 200)) : null;
  if (!company) throw notFound();
  return company;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const company = companyOr404(params.slug);
  return { company: { id: company.id, slug: company.slug, name: company.name }, ...dateLimits() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const company = companyOr404(params.slug);
  const form = await readReviewForm(request, user.id, { withSuggestion: true });
  const { answer, early, complete } = answerReviewForm(
    form,
    form.input && form.suggestion ? { input: form.input, suggestion: form.suggestion } : null,
  );
  if (early) return early;
  const result = createReviewWithSuggestedSubject({
    ...newReviewPost(request, context, user, form),
    companyId: company.id,
    suggestion: complete.suggestion,
    input: complete.input,
  });
  if (result.ok) {
    return redirectWithFlash(request, `/reviews/${result.reviewId}`, "flash.reviewPending");
  }
  if (result.kind === "refused") return answer(422, [result.check.message as MessageKey]);
  if (result.kind === "too_many_photos") return answer(400, ["media.error.tooMany"]);
  if (result.kind === "not_found") throw notFound();
  throw forbidden();
}

export default function SuggestPage() {
  const { company, minDate, maxDate } = useLoaderData<typeof loader>();
  const answer: ReviewFormAnswer | undefined = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/write-a-review?company=${company.slug}`}>← {company.name}</Link>
      </p>
      <h1>{t("suggest.title")}</h1>
      <p>{t("suggest.intro", { company: company.name })}</p>
      <ReviewForm mode="new" answer={answer} minDate={minDate} maxDate={maxDate}>
        <SuggestionFields />
      </ReviewForm>
    </div>
  );
}

/** The suggested subject, inside the review form (its fields are the form's). */
function SuggestionFields() {
  const { t } = useT();
  const field = useReviewFormFields();
  const kind = field("kind");
  const fields = (["name", "city", "address", "url"] as const).map((name) => ({ ...field(name), label: t(`suggest.${name}`) }));
  const limits = { name: 120, city: 80, address: 200, url: 300 } as const;
  return (
    <fieldset className="suggestion">
      <legend>{t("suggest.title")}</legend>
      <div className={kind.error ? "field field--invalid" : "field"}>
        <label htmlFor={kind.id}>{t("suggest.kind")}</label>
        <select
          id={kind.id}
          name="kind"
          defaultValue={kind.value ?? ""}
          aria-invalid={kind.error ? true : undefined}
          aria-describedby={kind.error ? kind.errorId : undefined}
          required
        >
          <SubjectKindOptions />
        </select>
        {kind.error ? (
          <p className="field__error" id={kind.errorId}>
            {kind.error}
          </p>
        ) : null}
      </div>
      {fields.map((f) => (
        <Field
          key={f.name}
          id={f.id}
          label={f.label}
          name={f.name}
          type={f.name === "url" ? "url" : "text"}
          defaultValue={f.value}
          error={f.error}
          required={f.name === "name"}
          maxLength={limits[f.name as keyof typeof limits]}
        />
      ))}
    </fieldset>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
