// A company's metrics: TrustScore and rating by month (a chart drawn on the server, and the
// same figures in a table), replies, recommendation, breakdowns and flags over a period
// chosen with a plain GET form. Members of the company only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MetricsBreakdowns, MetricsSummary, MonthlyMetrics } from "~/components/CompanyMetricsFigures";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { METRICS_PERIODS, parseMetricsPeriod, type MetricsPeriod } from "~/lib/company-metrics";
import { getCompanyMetrics } from "~/models/company-metrics.server";
import metricsStyles from "~/styles/metrics.css?url";

export const links = brandPageLinks(metricsStyles);

// Private pages: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("metrics.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = requireBrandMember(request, params.slug);
  const months = parseMetricsPeriod(new URL(request.url).searchParams.get("months"));
  return { company, metrics: getCompanyMetrics(company.id, months) };
}

function PeriodForm({ months }: { months: MetricsPeriod }) {
  const { t } = useT();
  return (
    <Form method="get" className="filters metrics-period">
      <div className="field">
        <label htmlFor="metrics-months">{t("metrics.period.label")}</label>
        <select id="metrics-months" name="months" defaultValue={String(months)} key={months}>
          {METRICS_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t("metrics.period.months", { count: p })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t("metrics.period.submit")}</button>
    </Form>
  );
}

export default function BrandMetrics() {
  const { company, metrics } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <div className="page brand-page metrics-page">
      <p>
        <Link to={`/brand/${company.slug}`}>← {t("brand.back")}</Link>
      </p>
      <h1>{t("metrics.heading", { company: company.name })}</h1>
      <p>{t("metrics.intro", { company: company.name })}</p>
      <PeriodForm months={metrics.months} />
      <p className="muted">{t("metrics.period.range", { from: date(metrics.from), to: date(metrics.to) })}</p>
      {metrics.total.reviewCount === 0 ? <p className="notice">{t("metrics.empty", { company: company.name })}</p> : null}
      <MetricsSummary metrics={metrics} company={company.name} />
      <MonthlyMetrics months={metrics.byMonth} />
      <MetricsBreakdowns metrics={metrics} />
      <section className="section" aria-labelledby="metrics-how">
        <h2 id="metrics-how">{t("metrics.how.title")}</h2>
        <p>{t("metrics.how.body")}</p>
      </section>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
