// Report a review, its reply or its follow-up: a reason from the published list and an
// explanation. Anyone signed in; the content stays visible while it is assessed. On
// Conform: one schema (flagSchema) for the action and the page.
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ReasonField } from "~/components/ReasonField";
import { ConformFormError, Field } from "~/components/Field";
import { translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { flagSchema } from "~/lib/review-schema";
import { requireUser } from "~/models/permissions.server";
import { flagContent } from "~/models/review-actions.server";
import { getPublicReview } from "~/models/reviews.server";
import writeStyles from "~/styles/write.css?url";
import { conformError, conformFieldProps, type FormAnswer } from "~/lib/conform";
import { refuse } from "~/lib/form-answers.server";
import { notFound, readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "flag.title");

const TARGETS = ["review", "reply", "follow_up"] as const;
type Target = (typeof TARGETS)[number];

function target(value: unknown): Target {
  return (TARGETS as readonly unknown[]).includes(value) ? (value as Target) : "review";
}

function reviewOr404(param: string | undefined) {
  const id = Number(param);
  const review = Number.isSafeInteger(id) && id > 0 ? getPublicReview(id) : null;
  if (!review || review.status !== "published") throw notFound();
  return review;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const review = reviewOr404(params.id);
  return { review: { id: review.id, title: review.title }, target: target(new URL(request.url).searchParams.get("target")) };
}

/** The form's message for a refused flag (any other refusal: "flag.notAllowed"). */
const FLAG_REFUSAL: Partial<Record<string, MessageKey>> = {
  already: "flag.already",
  own_review: "flag.own",
  rate_limited: "flag.rateLimited",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const locale = getLocale(request);
  const review = reviewOr404(params.id);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: flagSchema });
  if (submission.status !== "success") return refuse(submission);
  const { evidenceUrl, ...flag } = submission.value;
  const result = flagContent({
    actor: { id: user.id, role: user.role },
    target: target(form.get("target")),
    reviewId: review.id,
    ...flag,
    // The evidence is part of what the moderators read with the explanation.
    explanation: evidenceUrl
      ? `${flag.explanation}\n\n${translate(locale, "companyFlags.report.evidenceHeading")} ${evidenceUrl}`
      : flag.explanation,
    locale,
    origin: requestSiteOrigin(request),
  });
  if (result.ok) return redirectWithFlash(request, `/reviews/${review.id}`, "flash.flagged");
  if (result.kind === "not_found") throw notFound();
  if (result.kind === "suspended") return refuse(submission, { formErrors: ["flag.suspended"] }, 409, { until: result.until });
  const message = FLAG_REFUSAL[result.kind] ?? "flag.notAllowed";
  return refuse(submission, { formErrors: [message] }, result.kind === "rate_limited" ? 429 : 409);
}

export default function FlagPage() {
  const { review, target: which } = useLoaderData<typeof loader>();
  const answer: (FormAnswer & { until?: number }) | undefined = useActionData<typeof action>();
  const { t, locale, date } = useT();
  const [form, fields] = useForm({
    id: "flag",
    lastResult: answer?.result,
    constraint: getZodConstraint(flagSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: flagSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const { key: explanationKey, ...explanation } = getTextareaProps(fields.explanation);
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("flag.title")}</h1>
      <p>
        <strong>{t(`flag.target.${which}` as MessageKey, { title: review.title })}</strong>
      </p>
      <p>{t("flag.intro")}</p>
      <Form method="post" className="card" {...getFormProps(form)}>
        <ConformFormError form={form} fix="reviewForm.fixErrors" vars={{ date: answer?.until != null ? date(answer.until) : "" }} />
        <input type="hidden" name="target" value={which} />
        <ReasonField
          key={fields.reason.key}
          id={fields.reason.id}
          label={t("flag.reason")}
          placeholder={t("flag.chooseReason")}
          defaultValue={typeof fields.reason.initialValue === "string" ? fields.reason.initialValue : undefined}
          error={conformError(locale, fields.reason.errors)}
        />
        <Field
          key={explanationKey}
          {...explanation}
          as="textarea"
          label={t("flag.explanation")}
          hint={t("flag.explanationHint")}
          error={conformError(locale, fields.explanation.errors)}
          rows={5}
        />
        <Field
          label={t("flag.evidenceUrl")}
          hint={t("flag.evidenceUrlHint")}
          type="url"
          {...conformFieldProps(locale, fields.evidenceUrl)}
        />
        <p>
          <Link to="/transparency">{t("reviewForm.rules")}</Link>
        </p>
        <button type="submit">{t("flag.submit")}</button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
