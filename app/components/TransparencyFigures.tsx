// The live figures of /transparency: a summary of the last 12 months, decisions by reason and
// outcome, reports by reporter type, and a month-by-month table (wide: its scroll container
// is a labelled region reachable by keyboard). The figures come from
// app/models/transparency.server.ts; the same figures are downloadable as JSON and CSV.
import { Link } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion";
import type { MessageKey } from "~/i18n";
import { hasMessage } from "~/i18n";
import { useT } from "~/i18n/react";
import { reasonLabel } from "~/lib/moderation-reasons";
import type { Delays, Figures, TransparencyReport } from "~/lib/transparency";
import { formatDuration } from "./Scorecard";

const REPORTERS = ["consumer", "company", "notifier", "moderator", "automatic"] as const;

export function TransparencyFigures({ report }: { report: TransparencyReport }) {
  const { t, date } = useT();
  return (
    <section id="statistics" className="section" aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t("transparency.stats.title")}</h2>
      <p>{t("transparency.stats.period", { from: date(report.from), to: date(report.to) })}</p>
      <p>
        {t("transparency.stats.download")}{" "}
        <Link to="/transparency.json" reloadDocument>
          {t("transparency.stats.json")}
        </Link>
        {" · "}
        <Link to="/transparency.csv" reloadDocument>
          {t("transparency.stats.csv")}
        </Link>
      </p>
      <SummaryTable total={report.total} />
      <ReasonOutcomeTable total={report.total} />
      <ReporterTable total={report.total} />
      <MonthTable months={report.months} />
      <p className="muted">{t("transparency.stats.definitions")}</p>
    </section>
  );
}

/** The page's formatters, with "—" for a figure that cannot be computed. */
function useFigureFormat() {
  const tt = useT();
  const { t, n, locale } = tt;
  return {
    ...tt,
    duration: (ms: number | null) => (ms == null ? t("transparency.stats.none") : formatDuration(tt, ms)),
    pct: (share: number | null) =>
      share == null ? t("transparency.stats.none") : n(share, { style: "percent", maximumFractionDigits: 1 }),
    /** The message `${prefix}.${id}`, or the id itself when there is none. */
    label: (prefix: string, id: string) => {
      const key = `${prefix}.${id}`;
      return hasMessage(locale, key) ? t(key) : id;
    },
  };
}

export type Column = { heading: MessageKey; num?: boolean };

/** A table of figures: its caption, its column headings (figures aligned right) and rows.
 *  Its container scrolls sideways when the table is wider than the screen (every one of them
 *  at 390 px): a region named by the caption that takes the keyboard focus, so that the
 *  keyboard can scroll it. `scrollRegionId` gives the caption a stable id. */
export function FiguresTable({
  caption,
  columns,
  scrollRegionId,
  children,
}: {
  caption: MessageKey;
  columns: Column[];
  scrollRegionId?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  const generatedId = useId();
  const captionId = scrollRegionId ?? generatedId;
  const table = (
    <table>
      <caption id={captionId}>{t(caption)}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.heading} scope="col" className={c.num ? "num" : undefined}>
              {t(c.heading)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return <ScrollRegion labelledBy={captionId}>{table}</ScrollRegion>;
}

function SummaryTable({ total }: { total: Figures }) {
  const { t, n, duration, pct } = useFigureFormat();
  const summary: [MessageKey, string][] = [
    ["transparency.stats.decisions", n(total.decisions.total)],
    ["transparency.stats.automated", n(total.decisions.automated)],
    ["transparency.stats.human", n(total.decisions.human)],
    ["transparency.stats.flags", n(total.flags.total)],
    ["transparency.stats.flagMedian", duration(total.timeToDecision.flag.medianMs)],
    ["transparency.stats.flagP90", duration(total.timeToDecision.flag.p90Ms)],
    ["transparency.stats.heldDecided", n(total.held.decided)],
    [
      "transparency.stats.heldAuto",
      t("transparency.stats.share", { count: n(total.held.autoPublished), share: pct(total.held.autoPublishedShare) }),
    ],
    ["transparency.stats.heldMedian", duration(total.timeToDecision.held.medianMs)],
    ["transparency.stats.heldP90", duration(total.timeToDecision.held.p90Ms)],
    ["transparency.stats.appeals", n(total.appeals.received)],
    ["transparency.stats.appealsUpheld", n(total.appeals.upheld)],
    ["transparency.stats.appealsOverturned", n(total.appeals.overturned)],
    ["transparency.stats.appealsPending", n(total.appeals.pending)],
  ];
  return (
    <FiguresTable
      caption="transparency.stats.summary"
      columns={[{ heading: "transparency.stats.figure" }, { heading: "transparency.stats.value", num: true }]}
    >
      {summary.map(([key, value]) => (
        <tr key={key}>
          <th scope="row">{t(key)}</th>
          <td className="num" data-figure={key}>
            {value}
          </td>
        </tr>
      ))}
    </FiguresTable>
  );
}

const REASON_OUTCOME_COLUMNS: Column[] = [
  { heading: "transparency.stats.target" },
  { heading: "transparency.stats.reason" },
  { heading: "transparency.stats.outcome" },
  { heading: "transparency.stats.means" },
  { heading: "transparency.stats.count", num: true },
];

function ReasonOutcomeTable({ total }: { total: Figures }) {
  const { t, n, locale, label } = useFigureFormat();
  const rows = total.decisions.byReasonOutcome;
  return (
    <FiguresTable caption="transparency.stats.byReason" columns={REASON_OUTCOME_COLUMNS}>
      {rows.length === 0 ? (
        <tr>
          <td colSpan={5}>{t("transparency.stats.noDecisions")}</td>
        </tr>
      ) : (
        rows.map((d) => (
          <tr key={`${d.target}-${d.reason}-${d.outcome}-${d.automated}`}>
            <td>{label("transparency.target", d.target)}</td>
            <td>{reasonLabel(d.reason, locale)}</td>
            <td>{label("transparency.outcome", d.outcome)}</td>
            <td>{d.automated ? t("transparency.stats.meansAutomated") : t("transparency.stats.meansHuman")}</td>
            <td className="num">{n(d.count)}</td>
          </tr>
        ))
      )}
    </FiguresTable>
  );
}

const REPORTER_COLUMNS: Column[] = [
  { heading: "transparency.stats.reporter" },
  { heading: "transparency.stats.total", num: true },
  { heading: "transparency.stats.upheld", num: true },
  { heading: "transparency.stats.dismissed", num: true },
  { heading: "transparency.stats.pending", num: true },
];

function ReporterTable({ total }: { total: Figures }) {
  const { t, n } = useFigureFormat();
  return (
    <FiguresTable caption="transparency.stats.byReporter" columns={REPORTER_COLUMNS}>
      {REPORTERS.map((r) => {
        const f = total.flags.byReporter[r];
        return (
          <tr key={r}>
            <th scope="row">{t(`transparency.reporter.${r}`)}</th>
            <td className="num">{n(f.total)}</td>
            <td className="num">{n(f.upheld)}</td>
            <td className="num">{n(f.dismissed)}</td>
            <td className="num">{n(f.pending)}</td>
          </tr>
        );
      })}
    </FiguresTable>
  );
}

const MONTH_COLUMNS: Column[] = [
  { heading: "transparency.stats.month" },
  ...(
    [
      "decisions",
      "automated",
      "flags",
      "reader",
      "company",
      "notifier",
      "flagMedian",
      "flagP90",
      "heldMedian",
      "heldP90",
      "heldDecided",
      "heldAuto",
      "appeals",
      "overturned",
    ] as const
  ).map((column) => ({ heading: `transparency.stats.col.${column}` as const, num: true })),
];

function MonthTable({ months }: { months: TransparencyReport["months"] }) {
  return (
    <FiguresTable caption="transparency.stats.byMonth" columns={MONTH_COLUMNS} scrollRegionId="statistics-months">
      {months.map((m) => (
        <MonthRow key={m.month} month={m.month} figures={m.figures} />
      ))}
    </FiguresTable>
  );
}

function MonthRow({ month, figures: f }: { month: string; figures: Figures }) {
  const { n, monthYear } = useFigureFormat();
  return (
    <tr>
      <th scope="row">{monthYear(`${month}-15`)}</th>
      <td className="num">{n(f.decisions.total)}</td>
      <td className="num">{n(f.decisions.automated)}</td>
      <td className="num">{n(f.flags.total)}</td>
      <td className="num">{n(f.flags.byReporter.consumer.total)}</td>
      <td className="num">{n(f.flags.byReporter.company.total)}</td>
      <td className="num">{n(f.flags.byReporter.notifier.total)}</td>
      <DelayCells delays={f.timeToDecision.flag} />
      <DelayCells delays={f.timeToDecision.held} />
      <td className="num">{n(f.held.decided)}</td>
      <td className="num">{n(f.held.autoPublished)}</td>
      <td className="num">{n(f.appeals.received)}</td>
      <td className="num">{n(f.appeals.overturned)}</td>
    </tr>
  );
}

function DelayCells({ delays }: { delays: Delays }) {
  const { duration } = useFigureFormat();
  return (
    <>
      <td className="num">{duration(delays.medianMs)}</td>
      <td className="num">{duration(delays.p90Ms)}</td>
    </>
  );
}
