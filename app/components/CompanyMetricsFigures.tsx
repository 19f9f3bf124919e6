// The figures of a company's metrics page (/brand/:slug/metrics): the period at a glance,
// the month-by-month charts beside the table of the same figures, and the breakdowns by
// subject and by channel. The figures come from app/models/company-metrics.server.ts.
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { share, type CompanyMetrics, type MonthMetrics, type ReviewTally } from "~/lib/company-metrics";
import { countScale, MonthlyChart, STAR_SCALE } from "./MonthlyChart";
import { formatDuration } from "./Scorecard";
import { FiguresTable, type Column } from "./TransparencyFigures";

/** The page's formatters: one decimal for stars, shares floored (never rounded up), "—"
 *  for a figure there is nothing to compute from. */
function useMetricsFormat() {
  const tt = useT();
  const { t, n } = tt;
  const none = t("metrics.none");
  return {
    ...tt,
    stars: (value: number | null) => (value == null ? none : n(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 })),
    pct: (value: number | null) =>
      value == null ? none : n(Math.floor(value * 1000 + 1e-9) / 1000, { style: "percent", maximumFractionDigits: 1 }),
    duration: (ms: number | null) => (ms == null ? none : formatDuration(tt, ms)),
  };
}

export function MetricsSummary({ metrics, company }: { metrics: CompanyMetrics; company: string }) {
  const { t, n, stars, pct, duration } = useMetricsFormat();
  const { total, flags } = metrics;
  const shareOf = (part: number, whole: number) =>
    whole > 0 ? t("metrics.figure.shareOf", { share: pct(share(part, whole)), part: n(part), whole: n(whole) }) : t("metrics.none");
  const figures: [string, MessageKey, string][] = [
    ["trust-score", "metrics.figure.trustScore", stars(total.trustScore)],
    ["average-stars", "metrics.figure.averageStars", stars(total.averageStars)],
    ["reviews", "metrics.figure.reviews", n(total.reviewCount)],
    ["response-rate", "metrics.figure.responseRate", shareOf(total.answeredCount, total.reviewCount)],
    ["negative-response-rate", "metrics.figure.negativeResponseRate", shareOf(total.negativeAnswered, total.negativeCount)],
    ["median-reply", "metrics.figure.medianReply", duration(total.medianReplyDelay)],
    ["negative-median-reply", "metrics.figure.negativeMedianReply", duration(total.negativeMedianReplyDelay)],
    ["recommend-rate", "metrics.figure.recommendRate", shareOf(total.recommendYes, total.recommendYes + total.recommendNo)],
    ["resolved", "metrics.figure.resolved", n(total.resolvedCount)],
    ["flags-filed", "metrics.figure.flagsFiled", n(flags.filed)],
    ["flagged-reviews", "metrics.figure.flaggedReviews", n(flags.flaggedReviews)],
    ["flags-upheld", "metrics.figure.flagsUpheld", shareOf(flags.upheld, flags.decided)],
  ];
  return (
    <section className="section" aria-labelledby="metrics-summary">
      <h2 id="metrics-summary">{t("metrics.summary.title")}</h2>
      <dl className="metrics-figures">
        {figures.map(([id, label, value]) => (
          <div key={id}>
            <dt>{t(label, { company })}</dt>
            <dd data-figure={id}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const MONTH_COLUMNS: Column[] = [
  { heading: "metrics.col.month" },
  { heading: "metrics.col.reviews", num: true },
  { heading: "metrics.col.averageStars", num: true },
  { heading: "metrics.col.trustScore", num: true },
  { heading: "metrics.col.responseRate", num: true },
];

export function MonthlyMetrics({ months }: { months: MonthMetrics[] }) {
  const { t, n, stars, pct, monthYear, locale } = useMetricsFormat();
  const short = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });
  const labels = months.map((m) => short.format(new Date(`${m.month}-15T12:00:00Z`)));
  const volume = months.map((m) => m.reviewCount);
  const chart = (id: "score" | "volume") => ({
    id: `chart-${id}`,
    title: t(`metrics.chart.${id}`),
    description: t(`metrics.chart.${id}Desc`),
    labels,
  });
  return (
    // Not a landmark of its own: its table's scrolling region carries the same name.
    <section className="section">
      <h2 id="metrics-monthly">{t("metrics.monthly.title")}</h2>
      <div className="metrics-monthly">
        <div>
          <MonthlyChart
            {...chart("score")}
            kind="line"
            scale={STAR_SCALE}
            series={[
              { label: t("metrics.legend.trustScore"), values: months.map((m) => m.trustScore), variant: "primary" },
              { label: t("metrics.legend.averageStars"), values: months.map((m) => m.averageStars), variant: "secondary" },
            ]}
          />
          <MonthlyChart
            {...chart("volume")}
            kind="bar"
            scale={countScale(volume)}
            series={[{ label: t("metrics.legend.reviews"), values: volume, variant: "primary" }]}
          />
        </div>
        <FiguresTable caption="metrics.monthly.title" columns={MONTH_COLUMNS}>
          {months.map((m) => (
            <tr key={m.month} data-month={m.month}>
              <th scope="row">{monthYear(`${m.month}-15`)}</th>
              <td className="num">{n(m.reviewCount)}</td>
              <td className="num">{stars(m.averageStars)}</td>
              <td className="num">{stars(m.trustScore)}</td>
              <td className="num">{pct(share(m.answeredCount, m.reviewCount))}</td>
            </tr>
          ))}
        </FiguresTable>
      </div>
    </section>
  );
}

/** The tally columns of a breakdown row: reviews, average rating, response rate. */
function TallyCells({ row }: { row: ReviewTally }) {
  const { n, stars, pct } = useMetricsFormat();
  return (
    <>
      <td className="num">{n(row.reviewCount)}</td>
      <td className="num">{stars(row.averageStars)}</td>
      <td className="num">{pct(share(row.answeredCount, row.reviewCount))}</td>
    </>
  );
}

const TALLY_COLUMNS: Column[] = [
  { heading: "metrics.col.reviews", num: true },
  { heading: "metrics.col.averageStars", num: true },
  { heading: "metrics.col.responseRate", num: true },
];

function EmptyRow({ columns }: { columns: number }) {
  const { t } = useT();
  return (
    <tr>
      <td colSpan={columns}>{t("metrics.noneInPeriod")}</td>
    </tr>
  );
}

export function MetricsBreakdowns({ metrics }: { metrics: CompanyMetrics }) {
  const { t } = useT();
  return (
    <section className="section metrics-breakdowns" aria-labelledby="metrics-breakdowns">
      <h2 id="metrics-breakdowns">{t("metrics.breakdowns")}</h2>
      <FiguresTable
        caption="metrics.bySubject"
        columns={[{ heading: "metrics.col.subject" }, { heading: "metrics.col.kind" }, ...TALLY_COLUMNS]}
      >
        {metrics.bySubject.length === 0 ? <EmptyRow columns={5} /> : null}
        {metrics.bySubject.map((s) => (
          <tr key={s.id} data-subject={s.id}>
            <th scope="row">{s.name}</th>
            <td>{t(`subjectKind.${s.kind}`)}</td>
            <TallyCells row={s} />
          </tr>
        ))}
      </FiguresTable>
      <FiguresTable caption="metrics.byChannel" columns={[{ heading: "metrics.col.channel" }, ...TALLY_COLUMNS]}>
        {metrics.byChannel.length === 0 ? <EmptyRow columns={4} /> : null}
        {metrics.byChannel.map((c) => (
          <tr key={c.channel} data-channel={c.channel}>
            <th scope="row">{t(`channel.${c.channel}`)}</th>
            <TallyCells row={c} />
          </tr>
        ))}
      </FiguresTable>
    </section>
  );
}
