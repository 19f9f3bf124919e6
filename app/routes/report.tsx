// /report: the public notice form. Anyone, signed in or not, reports a review, a company's
// reply or a follow-up; the receipt is mailed and the decision follows. Works without
// JavaScript: errors next to each field, what was typed kept.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "#db/client.server";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { ReasonField } from "~/components/ReasonField";
import { Field, FormError } from "~/components/Field";
import { formatDate, translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { clientIp } from "~/lib/client-ip.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { seoMeta } from "~/lib/seo";
import {
  REPORT_EXPLANATION_MAX_LENGTH,
  REPORT_HONEYPOT,
  REPORT_NAME_MAX_LENGTH,
  REPORT_TARGETS,
  REPORT_URL_MAX_LENGTH,
  type ReportTarget,
} from "~/lib/report-form";
import { reportError, reportMessageVars, reportValues, submitReport, type ReportValues } from "~/models/reports.server";
import { getUser } from "~/models/permissions.server";
import reportStyles from "~/styles/report.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  return seoMeta({
    title: `${translate(data.locale, "report.title")} — ${translate(data.locale, "site.name")}`,
    description: translate(data.locale, "report.description"),
    url: data.canonical,
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
  };
}

type Done = { done: true; flagId: number | null; reviewId: number; target: ReportTarget; title: string; company: string; email: string; at: number };
type Failed = { done?: false; values: Omit<ReportValues, never>; errors: Record<string, string>; formError: string | null };
type ActionData = Done | Failed;

export async function action({ request, context }: ActionFunctionArgs) {
  const locale = getLocale(request);
  const origin = requestSiteOrigin(request);
  const form = await readForm(request);
  const values = reportValues(form);
  const user = getUser(request);
  const outcome = submitReport(getDb(), form, {
    user,
    ip: clientIp(context),
    locale,
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
    const errors = Object.fromEntries(
      Object.entries(outcome.errors).map(([field, key]) => [field, reportError(locale, key as MessageKey, origin)]),
    );
    return data<ActionData>({ values, errors, formError: translate(locale, "form.fixErrors") }, { status: 400 });
  }
  const minutes = Math.max(1, Math.ceil((outcome.retryAfter ?? 60) / 60));
  return data<ActionData>(
    { values, errors: {}, formError: translate(locale, outcome.formError, { minutes }) },
    { status: outcome.status, headers: outcome.retryAfter ? { "Retry-After": String(outcome.retryAfter) } : undefined },
  );
}

export default function ReportPage() {
  const { prefill, signedIn, vars } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t, locale } = useT();

  if (answer?.done) {
    const what = t(`mail.reportReceived.what.${answer.target}`, { title: answer.title, company: answer.company });
    return (
      <div className="page page--narrow report-page">
        <h1>{t("report.done.title")}</h1>
        <div className="card" role="status">
          <p>{t("report.done.body", { id: answer.flagId != null ? String(answer.flagId) : "—", what, date: formatDate(locale, answer.at) })}</p>
          <p>{t("report.done.mail", { email: answer.email })}</p>
        </div>
        <ul className="report-page__next">
          <li>
            <Link to={`/reviews/${answer.reviewId}`}>{t("report.done.back")}</Link>
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

  const failed = answer && !answer.done ? answer : undefined;
  const errors = failed?.errors ?? {};
  const values = failed?.values;
  const fieldError = (name: string) =>
    errors[name]
      ? { "aria-invalid": true as const, "aria-describedby": `field-${name}-error` }
      : {};
  return (
    <div className="page page--narrow report-page">
      <h1>{t("report.title")}</h1>
      <p>{t("report.intro")}</p>
      <Form method="post" className="card report-form" noValidate>
        <FormError>{failed?.formError}</FormError>
        <Field
          label={t("report.url")}
          name="url"
          type="text"
          inputMode="url"
          autoComplete="off"
          required
          maxLength={REPORT_URL_MAX_LENGTH}
          hint={t("report.urlHint", { example: vars.example })}
          defaultValue={values?.url ?? prefill.url}
          error={errors.url}
        />
        <div className={errors.target ? "field field--invalid" : "field"}>
          <label htmlFor="field-target">{t("report.target")}</label>
          <p className="field__hint" id="field-target-hint">
            {t("report.targetHint")}
          </p>
          <select
            id="field-target"
            name="target"
            defaultValue={values?.target || prefill.target}
            {...fieldError("target")}
            aria-describedby={["field-target-hint", errors.target ? "field-target-error" : ""].filter(Boolean).join(" ")}
          >
            {REPORT_TARGETS.map((target) => (
              <option key={target} value={target}>
                {t(`report.target.${target}`)}
              </option>
            ))}
          </select>
          {errors.target ? (
            <p className="field__error" id="field-target-error">
              {errors.target}
            </p>
          ) : null}
        </div>
        <ReasonField
          label={t("report.reason")}
          placeholder={t("report.chooseReason")}
          hint={
            <>
              {t("report.reasonHint")} <Link to="/transparency">{t("report.rules")}</Link>
            </>
          }
          defaultValue={values?.reason}
          error={errors.reason}
        />
        <Field
          as="textarea"
          label={t("report.explanation")}
          name="explanation"
          rows={6}
          required
          maxLength={REPORT_EXPLANATION_MAX_LENGTH}
          hint={t("report.explanationHint", { min: vars.min, max: vars.max })}
          defaultValue={values?.explanation}
          error={errors.explanation}
        />
        {signedIn ? <p className="field__hint">{t("report.signedInHint")}</p> : null}
        <Field
          label={t("report.name")}
          name="name"
          autoComplete="name"
          required={!signedIn}
          maxLength={REPORT_NAME_MAX_LENGTH}
          defaultValue={values?.name ?? prefill.name}
          error={errors.name}
        />
        <Field
          label={t("report.email")}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required={!signedIn}
          hint={t("report.emailHint")}
          defaultValue={values?.email ?? prefill.email}
          error={errors.email}
        />
        <div className={errors.goodFaith ? "field field--checkbox field--invalid" : "field field--checkbox"}>
          <label htmlFor="field-goodFaith">
            <input
              id="field-goodFaith"
              type="checkbox"
              name="goodFaith"
              required
              defaultChecked={values?.goodFaith ?? false}
              {...fieldError("goodFaith")}
            />
            <span>{t("report.goodFaith")}</span>
          </label>
          {errors.goodFaith ? (
            <p className="field__error" id="field-goodFaith-error">
              {errors.goodFaith}
            </p>
          ) : null}
        </div>
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="field-website">{t("report.honeypot")}</label>
          <input id="field-website" type="text" name={REPORT_HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("report.submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
