// /brand/:slug/flags: for a company's members, the flags filed in its name with their state
// and the moderator's decision and statement, and the form to report an extortion attempt
// (app/models/company-flags.server.ts), which lands in the moderators' conduct queue. A
// Conform form that works without JavaScript and keeps what was typed.
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BrandInboxLink } from "~/components/BrandInboxLink";
import { Field, FormError } from "~/components/Field";
import { CaptionedTable } from "~/components/ScrollRegion";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { conformError, conformErrors, conformFieldProps } from "~/lib/conform";
import { EXTORTION_LIMITS, extortionSchema } from "~/lib/extortion-form";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { readForm } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { reasonLabel } from "~/lib/moderation-reasons";
import { listCompanyFlags, reportExtortion, type CompanyFlagView, type ExtortionReportView } from "~/models/company-flags.server";

export const links = brandPageLinks();

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("companyFlags.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = requireBrandMember(request, params.slug);
  return { company, ...listCompanyFlags(company.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user } = requireBrandMember(request, params.slug);
  const submission = parseWithZod(await readForm(request), { schema: extortionSchema });
  if (submission.status !== "success") return refuse(submission);
  const outcome = reportExtortion({ companyId: company.id, actorId: user.id, report: submission.value, locale: getLocale(request) });
  if (outcome.ok) {
    return redirectWithFlash(request, `/brand/${company.slug}/flags`, "flash.extortionReported");
  }
  if (outcome.kind === "review") return refuse(submission, { fieldErrors: { review: ["companyFlags.error.review"] } });
  if (outcome.kind === "rate_limited") return refuse(submission, { formErrors: ["companyFlags.error.rateLimited"] }, 429);
  return refuse(submission, { formErrors: ["companyFlags.error.notMember"] }, 403);
}

export default function CompanyFlagsPage() {
  const { company, flags, counts, reports } = useLoaderData<typeof loader>();
  const { t } = useT();
  const decided = counts.upheld + counts.dismissed;
  return (
    <div className="page brand-page brand-flags">
      <BrandInboxLink company={company} />
      <h1>{t("companyFlags.title", { company: company.name })}</h1>
      <p>{t("companyFlags.intro")}</p>
      <p>
        <Link to="/transparency#flags">{t("companyFlags.rules")}</Link>
      </p>

      <section className="section" aria-labelledby="company-flags-title">
        <h2 id="company-flags-title">{t("companyFlags.flags.title")}</h2>
        <p>
          {t("companyFlags.flags.counts", { pending: counts.pending, upheld: counts.upheld, dismissed: counts.dismissed })}
          {decided > 0 ? ` ${t("companyFlags.flags.share", { share: Math.round((counts.upheld / decided) * 100) })}` : ""}
        </p>
        {flags.length === 0 ? <p className="muted">{t("companyFlags.flags.none")}</p> : <FlagsTable flags={flags} />}
      </section>

      <ExtortionForm />
      {reports.length > 0 ? <ReportsList reports={reports} /> : null}
    </div>
  );
}

function Decision({ decision }: { decision: CompanyFlagView["decision"] }) {
  const { t, date, locale } = useT();
  if (!decision) return null;
  return (
    <details>
      <summary>{t("companyFlags.decision.summary", { date: date(decision.at), reason: reasonLabel(decision.reason, locale) })}</summary>
      <p className="brand-flags__statement">{decision.statement}</p>
    </details>
  );
}

function FlagsTable({ flags }: { flags: CompanyFlagView[] }) {
  const { t, date, locale } = useT();
  return (
    <CaptionedTable
      id="company-flags-table"
      caption={t("companyFlags.flags.table")}
      columns={[
        t("companyFlags.flags.review"),
        t("companyFlags.flags.reason"),
        t("companyFlags.flags.filed"),
        t("companyFlags.flags.state"),
      ]}
    >
      {flags.map((f) => (
        <tr key={f.id}>
          <th scope="row">
            <Link to={`/reviews/${f.reviewId}`}>{f.reviewTitle}</Link>
            {f.target !== "review" ? <span className="muted"> · {t(`companyFlags.target.${f.target}`)}</span> : null}
          </th>
          <td>
            {reasonLabel(f.reason, locale)}
            <p className="muted brand-flags__explanation">{f.explanation}</p>
          </td>
          <td>{date(f.createdAt)}</td>
          <td>
            {t(`companyFlags.state.${f.status}`)}
            {f.status === "pending" && f.deadlineAt ? (
              <span className="muted"> · {t("companyFlags.deadline", { date: date(f.deadlineAt) })}</span>
            ) : null}
            <Decision decision={f.decision} />
          </td>
        </tr>
      ))}
    </CaptionedTable>
  );
}

function ReportsList({ reports }: { reports: ExtortionReportView[] }) {
  const { t, date } = useT();
  return (
    <section className="section" aria-labelledby="extortion-reports-title">
      <h2 id="extortion-reports-title">{t("companyFlags.reports.title")}</h2>
      <ul className="brand-flags__reports">
        {reports.map((r) => (
          <li key={r.id} className="card">
            <p>
              <strong>{t(`companyFlags.reportState.${r.status}`)}</strong> · {t("companyFlags.reports.filed", { date: date(r.createdAt) })}
              {r.reviewId != null && r.reviewTitle ? (
                <>
                  {" · "}
                  <Link to={`/reviews/${r.reviewId}`}>{r.reviewTitle}</Link>
                </>
              ) : null}
            </p>
            <p className="brand-flags__statement">{r.body}</p>
            <Decision decision={r.decision} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExtortionForm() {
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "extortion",
    lastResult: answer?.result,
    constraint: getZodConstraint(extortionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: extortionSchema }),
  });
  const vars = { min: EXTORTION_LIMITS.whatMin, max: EXTORTION_LIMITS.whatMax, limit: EXTORTION_LIMITS.perCompanyPerDay };
  const formErrors = conformErrors(locale, form.errors, vars);
  const { key: whatKey, ...what } = getTextareaProps(fields.what);
  const { key: messageKey, ...message } = getTextareaProps(fields.message);
  return (
    <section className="card section" aria-labelledby="extortion-title">
      <h2 id="extortion-title">{t("companyFlags.extortion.title")}</h2>
      <p>{t("companyFlags.extortion.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        {formErrors.length > 0 ? <FormError id={form.errorId}>{formErrors.join(" ")}</FormError> : null}
        <input type="hidden" name="intent" value="extortion" />
        <Field
          key={whatKey}
          {...what}
          as="textarea"
          rows={5}
          label={t("companyFlags.extortion.what")}
          hint={t("companyFlags.extortion.whatHint", vars)}
          error={conformError(locale, fields.what.errors, vars)}
        />
        <Field
          key={messageKey}
          {...message}
          as="textarea"
          rows={5}
          label={t("companyFlags.extortion.message")}
          hint={t("companyFlags.extortion.messageHint")}
          error={conformError(locale, fields.message.errors, vars)}
        />
        <Field
          label={t("companyFlags.extortion.evidenceUrl")}
          hint={t("companyFlags.extortion.evidenceUrlHint")}
          type="url"
          {...conformFieldProps(locale, fields.evidenceUrl, vars)}
        />
        <Field
          label={t("companyFlags.extortion.review")}
          hint={t("companyFlags.extortion.reviewHint")}
          {...conformFieldProps(locale, fields.review, vars)}
        />
        <button type="submit">{t("companyFlags.extortion.submit")}</button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
