// /write-a-review/new: a reviewer who cannot find a company adds it and reviews it in one
// post (the company's fields, then the review form). The company is created unclaimed and
// waits, with its first subject and the review, in the moderators' suggestions queue
// (app/models/company-suggestions.server.ts). A company that is already there is not added
// twice: the answer links to it and keeps everything typed, photos included.
// (This file's static segment wins over write-a-review.$subjectId.)
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AddCompanyFields, type ExistingCompanyView } from "~/components/AddCompanyFields";
import { ReviewForm, type ReviewFormAnswer } from "~/components/ReviewForm";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { ADD_COMPANY_FIELDS, addCompanySchema } from "~/lib/add-company-form";
import { privatePageMeta } from "~/lib/auth-meta";
import { newReviewPost } from "~/lib/review-form-answers.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse, replyTo, tooManyAttempts } from "~/lib/form-answers.server";
import { forbidden } from "~/lib/http.server";
import { listCompanyCategories } from "~/models/company-claims.server";
import { addCompanyWithReview } from "~/models/company-suggestions.server";
import { requireUser } from "~/models/permissions.server";
import { retryMinutes } from "~/models/rate-limit.server";
import { dateLimits, readReviewForm } from "~/models/review-form.server";
import writeStyles from "~/styles/write.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "addCompany.title", "addCompany.description");

export const headers = () => ({ "Cache-Control": "private, no-store" });

const FORM = { fields: ADD_COMPANY_FIELDS, schema: addCompanySchema };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  // The name typed in /write-a-review's search, to start with.
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  return { categories: listCompanyCategories(), q, ...dateLimits() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request);
  const form = await readReviewForm(request, user.id, { extra: FORM });
  const kept = { keptPhotos: form.keptPhotos, keptProof: form.keptProof, previewHtml: form.previewHtml };
  const answer = (
    status: number,
    refusal: { formErrors?: MessageKey[]; fieldErrors?: Record<string, MessageKey[]> } = {},
    existing?: ExistingCompanyView,
  ) =>
    refuse(form.submission, { formErrors: refusal.formErrors, fieldErrors: { ...form.fileErrors, ...refusal.fieldErrors } }, status, {
      ...kept,
      existing: existing ?? null,
    });
  if (form.retryAfter != null) return tooManyAttempts(form.submission, form.retryAfter, { ...kept, existing: null });
  if (form.intent === "preview") return answer(200);
  if (form.hasErrors || !form.input || !form.extra) return answer(400);

  const result = addCompanyWithReview({ ...newReviewPost(request, context, user, form), company: form.extra, input: form.input });
  if (result.ok) {
    return redirectWithFlash(request, `/reviews/${result.reviewId}`, "flash.companyAdded");
  }
  switch (result.kind) {
    case "duplicate": {
      const field: Record<string, MessageKey[]> =
        result.company.match === "domain" ? { website: ["addCompany.error.sameDomain"] } : { companyName: ["addCompany.error.sameName"] };
      return answer(409, { formErrors: ["addCompany.error.duplicate"], fieldErrors: field }, result.company);
    }
    case "rate_limited":
      return data(
        {
          ...kept,
          existing: null,
          result: replyTo(form.submission, { formErrors: ["addCompany.error.tooMany"] }),
          vars: { minutes: retryMinutes(result.retryAfter) },
        },
        { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
      );
    case "unknown_category":
      return answer(400, { fieldErrors: { category: ["companies.error.category"] } });
    case "website":
      return answer(400, {
        fieldErrors: { website: [result.problem === "free_mail" ? "addCompany.error.freeMail" : "companies.error.website"] },
      });
    case "refused":
      return answer(422, { formErrors: [result.check.message as MessageKey] });
    case "too_many_photos":
      return answer(400, { formErrors: ["media.error.tooMany"] });
    default:
      // A suspended or deleted account (the guard lets nobody else this far).
      throw forbidden();
  }
}

type AddCompanyAnswer = ReviewFormAnswer & { existing: ExistingCompanyView | null };

export default function AddCompanyPage() {
  const { categories, q, minDate, maxDate } = useLoaderData<typeof loader>();
  const answer: AddCompanyAnswer | undefined = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={q ? `/write-a-review?q=${encodeURIComponent(q)}` : "/write-a-review"}>← {t("addCompany.back")}</Link>
      </p>
      <h1>{t("addCompany.title")}</h1>
      <p>{t("addCompany.intro")}</p>
      <ReviewForm mode="new" answer={answer} minDate={minDate} maxDate={maxDate} defaultValue={q ? { companyName: q } : undefined}>
        <AddCompanyFields categories={categories} existing={answer?.existing} />
      </ReviewForm>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
