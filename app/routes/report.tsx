// /report: the public notice form. Anyone, signed in or not, reports a review, a company's
// reply or a follow-up; the receipt is mailed and the decision follows. On Conform, with the
// schema of app/lib/report-form.ts; works without JavaScript: errors next to each field,
// what was typed kept.
import { getFormProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmailField } from "~/components/EmailField";
import { ReasonField } from "~/components/ReasonField";
import { ConformField, ConformFormError, Field, HoneypotField } from "~/components/Field";
import { formatDate, translate, type Locale } from "~/i18n";
import { useT } from "~/i18n/react";
import { clientIp } from "~/lib/client-ip.server";
import { conformError } from "~/lib/conform";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { seoMeta } from "~/lib/seo";
import { reportSchema, type ReportFields } from "~/lib/report-form";
import {
  REPORT_EXPLANATION_MAX_LENGTH,
  REPORT_HONEYPOT,
  REPORT_NAME_MAX_LENGTH,
  REPORT_TARGETS,
  REPORT_URL_MAX_LENGTH,
  reportMessageVars,
  reportNameVars,
  type ReportTarget,
} from "~/lib/report-limits";
import { submitReport } from "~/models/reports.server";
import { getUser } from "~/models/permissions.server";
import reportStyles from "~/styles/report.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [];
  return seoMeta({
    title: `${translate(data.locale, "report.title")} — ${translate(data.locale, "site.name")}`,
    description: translate(data.locale, "report.description"),
    url: data.canonical,
    search: location.search,
    locale: data.locale,
  });
};

function isTarget(value: unknown): value is ReportTarget {
  return (REPORT_TARGETS as readonly unknown[]).includes(value);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const origin = requestSiteOrigin(request);
  const user = getUser(request);
  const review = url.searchParams.get("review");
  const target = url.searchParams.get("target");
  return {
    locale: getLocale(request),
    canonical: `${origin}/report`,
    vars: reportMessageVars(origin),
    prefill: {
      url: review && /^\d{1,15}$/.test(review) ? `${origin}/reviews/${review}` : "",
      target: isTarget(target) ? target : "review",
      name: user?.displayName ?? "",
      email: user?.email ?? "",
    },
    signedIn: user != null,
    // The schema's rules as HTML attributes (required, lengths): the page gets them from
    // here, and the schema itself stays on the server.
    constraint: getZodConstraint(reportSchema({ signedIn: user != null })),
  };
}

type Done = {
  done: true;
  flagId: number | null;
  reviewId: number;
  target: ReportTarget;
  title: string;
  company: string;
  email: string;
  at: number;
};
type Failed = { done?: false; result: SubmissionResult<string[]>; minutes?: number; until?: number };
type ActionData = Done | Failed;

export async function action({ request, context }: ActionFunctionArgs) {
  const origin = requestSiteOrigin(request);
  const user = getUser(request);
  const submission = parseWithZod(await readForm(request), { schema: reportSchema({ signedIn: user != null }) });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  const outcome = submitReport(submission.value, {
    user,
    ip: clientIp(context),
    locale: getLocale(request),
    origin,
    hosts: [new URL(origin).host, new URL(request.url).host],
  });
  if (outcome.ok) {
    return data<ActionData>({
      done: true,
      flagId: outcome.flagId,
      reviewId: outcome.reviewId,
      target: outcome.target,
      title: outcome.reviewTitle,
      company: outcome.companyName,
      email: outcome.email,
      at: outcome.at,
    });
  }
  if (outcome.status === 400) {
    const fieldErrors = Object.fromEntries(Object.entries(outcome.errors).map(([field, key]) => [field, [key]]));
    return data<ActionData>({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  const minutes = Math.max(1, Math.ceil((outcome.retryAfter ?? 60) / 60));
  return data<ActionData>(
    { result: submission.reply({ formErrors: [outcome.formError] }), minutes, until: outcome.until },
    { status: outcome.status, headers: outcome.retryAfter ? { "Retry-After": String(outcome.retryAfter) } : undefined },
  );
}

/** The variables of a refusal's message: the minutes of a rate limit, the last day of a
 *  suspension of reporting (in the visitor's language). */
function refusalVars(locale: Locale, answer: Failed | undefined) {
  return { minutes: answer?.minutes ?? 1, date: answer?.until != null ? formatDate(locale, answer.until) : "" };
}

export default function ReportPage() {
  const { prefill, signedIn, vars, constraint } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  // Checked by the server alone (the errors come back next to each field), so that this
  // public page loads no validation library.
  const [form, fields] = useForm<ReportFields>({
    id: "report",
    lastResult: answer && !answer.done ? answer.result : undefined,
    defaultValue: { url: prefill.url, target: prefill.target, name: prefill.name, email: prefill.email },
    constraint,
  });

  if (answer?.done) return <ReportReceived receipt={answer} />;

  const error = (field: { errors?: string[] }, fieldVars = vars) => conformError(locale, field.errors, fieldVars);
  const { key: explanationKey, ...explanation } = getTextareaProps(fields.explanation);
  return (
    <div className="page page--narrow report-page">
      <h1>{t("report.title")}</h1>
      <p>{t("report.intro")}</p>
      <Form method="post" className="card report-form" {...getFormProps(form)}>
        <ConformFormError form={form} vars={{ ...vars, ...refusalVars(locale, answer && !answer.done ? answer : undefined) }} />
        <ConformField
          label={t("report.url")}
          field={fields.url}
          inputMode="url"
          autoComplete="off"
          maxLength={REPORT_URL_MAX_LENGTH}
          hint={t("report.urlHint", { example: vars.example })}
          vars={vars}
        />
        <TargetField field={fields.target} error={error(fields.target)} />
        <ReasonField
          key={fields.reason.key}
          id={fields.reason.id}
          label={t("report.reason")}
          placeholder={t("report.chooseReason")}
          hint={
            <>
              {t("report.reasonHint")} <Link to="/transparency">{t("report.rules")}</Link>
            </>
          }
          defaultValue={typeof fields.reason.initialValue === "string" ? fields.reason.initialValue : undefined}
          error={error(fields.reason)}
        />
        <Field
          key={explanationKey}
          as="textarea"
          label={t("report.explanation")}
          rows={6}
          maxLength={REPORT_EXPLANATION_MAX_LENGTH}
          hint={t("report.explanationHint", { min: vars.min, max: vars.max })}
          error={error(fields.explanation)}
          {...explanation}
          id={fields.explanation.id}
          name={fields.explanation.name}
        />
        {signedIn ? <p className="field__hint">{t("report.signedInHint")}</p> : null}
        <ConformField
          label={t("report.name")}
          field={fields.name}
          autoComplete="name"
          maxLength={REPORT_NAME_MAX_LENGTH}
          vars={reportNameVars(vars)}
        />
        <EmailField label={t("report.email")} field={fields.email} hint={t("report.emailHint")} vars={vars} />
        <GoodFaithField field={fields.goodFaith} error={error(fields.goodFaith)} />
        <HoneypotField name={REPORT_HONEYPOT} label={t("report.honeypot")} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("report.submit")}
        </button>
      </Form>
    </div>
  );
}

type Receipt = Extract<NonNullable<ReturnType<typeof useActionData<typeof action>>>, { done: true }>;

/** The notice received: its number, what it is about, and the mail that confirms it. */
function ReportReceived({ receipt }: { receipt: Receipt }) {
  const { t, locale } = useT();
  const what = t(`mail.reportReceived.what.${receipt.target}`, { title: receipt.title, company: receipt.company });
  return (
    <div className="page page--narrow report-page">
      <h1>{t("report.done.title")}</h1>
      <div className="card" role="status">
        <p>
          {t("report.done.body", { id: receipt.flagId != null ? String(receipt.flagId) : "—", what, date: formatDate(locale, receipt.at) })}
        </p>
        <p>{t("report.done.mail", { email: receipt.email })}</p>
      </div>
      <ul className="report-page__next">
        <li>
          <Link to={`/reviews/${receipt.reviewId}`}>{t("report.done.back")}</Link>
        </li>
        <li>
          <Link to="/report" reloadDocument>
            {t("report.done.another")}
          </Link>
        </li>
      </ul>
    </div>
  );
}

/** Which part of the thread the notice is about. */
function TargetField({ field, error }: { field: FieldMetadata<string>; error: string | undefined }) {
  const { t } = useT();
  const { key, ...select } = getSelectProps(field, { ariaDescribedBy: "report-target-hint" });
  return (
    <div className={field.errors ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{t("report.target")}</label>
      <p className="field__hint" id="report-target-hint">
        {t("report.targetHint")}
      </p>
      <select key={key} {...select}>
        {REPORT_TARGETS.map((value) => (
          <option key={value} value={value}>
            {t(`report.target.${value}`)}
          </option>
        ))}
      </select>
      {field.errors ? (
        <p className="field__error" id={field.errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** "I make this notice in good faith…", required. */
function GoodFaithField({ field, error }: { field: FieldMetadata<string>; error: string | undefined }) {
  const { t } = useT();
  return (
    <div className={error ? "field field--checkbox field--invalid" : "field field--checkbox"}>
      <label htmlFor={field.id}>
        <input
          key={field.key}
          id={field.id}
          type="checkbox"
          name={field.name}
          required
          defaultChecked={field.initialValue === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? field.errorId : undefined}
        />
        <span>{t("report.goodFaith")}</span>
      </label>
      {error ? (
        <p className="field__error" id={field.errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
