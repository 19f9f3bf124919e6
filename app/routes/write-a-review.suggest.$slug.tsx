// Review something the site does not list yet: the reviewer suggests a store, website,
// product or service of a company; it waits (pending) with the review until a moderator
// accepts it.
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { SUBJECT_KINDS } from "#db/enums";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Field } from "~/components/Field";
import { ReviewForm } from "~/components/ReviewForm";
import { translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { flashCookie } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { requireUser } from "~/models/permissions.server";
import { tooManyRequests } from "~/models/rate-limit.server";
import { hashIp } from "~/models/review-checks.server";
import { dateLimits, readReviewForm, type ReviewFormState } from "~/models/review-form.server";
import { createReviewWithSuggestedSubject } from "~/models/review-submission.server";
import { getCompanyTargets } from "~/models/review-targets.server";
import writeStyles from "~/styles/write.css?url";
import { forbidden, notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "suggest.title");

function companyOr404(slug: string | undefined) {
  const company = slug ? getCompanyTargets(getDb(), slug.slice(0, 200)) : null;
  if (!company) throw notFound();
  return company;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const company = companyOr404(params.slug);
  return { company: { id: company.id, slug: company.slug, name: company.name }, ...dateLimits() };
}

type ActionData = Pick<ReviewFormState, "values" | "errors" | "keptPhotos" | "keptProof" | "previewHtml"> & { formError: string | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const locale = getLocale(request);
  const company = companyOr404(params.slug);
  const form = await readReviewForm(request, user.id, locale, { withSuggestion: true });
  const fields = { values: form.values, errors: form.errors, keptPhotos: form.keptPhotos, keptProof: form.keptProof, previewHtml: form.previewHtml };
  const answer = (status: number, formError: string | null) => data<ActionData>({ ...fields, formError }, { status });
  if (form.retryAfter != null) return tooManyRequests(locale, form.retryAfter, fields);
  if (form.intent === "preview") return answer(200, null);
  if (Object.keys(form.errors).length > 0 || !form.input || !form.suggestion) return answer(400, translate(locale, "reviewForm.fixErrors"));
  const result = createReviewWithSuggestedSubject(getDb(), {
    actor: { id: user.id, role: user.role },
    companyId: company.id,
    suggestion: form.suggestion,
    input: form.input,
    locale,
    ipHash: hashIp(clientIp(context)),
    origin: requestSiteOrigin(request),
    photos: form.photos,
    proof: form.proof,
  });
  if (result.ok) {
    return redirect(`/reviews/${result.reviewId}`, { headers: { "Set-Cookie": await flashCookie(request, "flash.reviewPending") } });
  }
  if (result.kind === "refused") return answer(422, translate(locale, result.check.message as MessageKey));
  if (result.kind === "too_many_photos") return answer(400, translate(locale, "media.error.tooMany"));
  if (result.kind === "not_found") throw notFound();
  throw forbidden();
}

export default function SuggestPage() {
  const { company, minDate, maxDate } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useT();
  const values = answer?.values ?? {};
  const errors = answer?.errors ?? {};
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/write-a-review?company=${company.slug}`}>← {company.name}</Link>
      </p>
      <h1>{t("suggest.title")}</h1>
      <p>{t("suggest.intro", { company: company.name })}</p>
      <ReviewForm
        mode="new"
        values={values}
        errors={errors}
        formError={answer?.formError}
        keptPhotos={answer?.keptPhotos ?? []}
        keptProof={answer?.keptProof ?? null}
        previewHtml={answer?.previewHtml}
        minDate={minDate}
        maxDate={maxDate}
      >
        <fieldset className="suggestion">
          <legend>{t("suggest.title")}</legend>
          <div className={errors.kind ? "field field--invalid" : "field"}>
            <label htmlFor="field-kind">{t("suggest.kind")}</label>
            <select
              id="field-kind"
              name="kind"
              defaultValue={values.kind ?? ""}
              aria-invalid={errors.kind ? true : undefined}
              aria-describedby={errors.kind ? "field-kind-error" : undefined}
              required
            >
              <option value="">{t("reviewForm.chooseChannel")}</option>
              {SUBJECT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`suggest.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
            {errors.kind ? (
              <p className="field__error" id="field-kind-error">
                {errors.kind}
              </p>
            ) : null}
          </div>
          <Field label={t("suggest.name")} name="name" defaultValue={values.name} error={errors.name} required maxLength={120} />
          <Field label={t("suggest.city")} name="city" defaultValue={values.city} error={errors.city} maxLength={80} />
          <Field label={t("suggest.address")} name="address" defaultValue={values.address} error={errors.address} maxLength={200} />
          <Field label={t("suggest.url")} name="url" type="url" defaultValue={values.url} error={errors.url} maxLength={300} />
        </fieldset>
      </ReviewForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
