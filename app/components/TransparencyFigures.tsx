// The live figures of /transparency: a summary of the last 12 months, decisions by reason and
// outcome, reports by reporter type, and a month-by-month table (wide: its scroll container
// is a labelled region reachable by keyboard). The figures come from
// app/models/transparency.server.ts; the same figures are downloadable as JSON and CSV.
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { hasMessage } from "~/i18n";
import { useT } from "~/i18n/react";
import { reasonLabel } from "~/lib/moderation-reasons";
import type { Delays, Figures, TransparencyReport } from "~/lib/transparency";
import { formatDuration } from "./Scorecard";

const REPORTERS = ["consumer", "company", "notifier", "moderator", "automatic"] as const;

export function TransparencyFigures({ report }: { report: TransparencyReport }) {
  const tt = useT();
  const { t, n, date, locale } = tt;
  const total = report.total;
  const duration = (ms: number | null) => (ms == null ? t("transparency.stats.none") : formatDuration(tt, ms));
  const pct = (share: number | null) => (share == null ? t("transparency.stats.none") : n(share, { style: "percent", maximumFractionDigits: 1 }));
  const label = (prefix: string, id: string) => {
    const key = `${prefix}.${id}`;
    return hasMessage(locale, key) ? t(key as MessageKey) : id;
  };
  const monthName = (month: string) => tt.monthYear(`${month}-15`);
  const summary: [MessageKey, string][] = [
    ["transparency.stats.decisions", n(total.decisions.total)],
    ["transparency.stats.automated", n(total.decisions.automated)],
    ["transparency.stats.human", n(total.decisions.human)],
    ["transparency.stats.flags", n(total.flags.total)],
    ["transparency.stats.flagMedian", duration(total.timeToDecision.flag.medianMs)],
    ["transparency.stats.flagP90", duration(total.timeToDecision.flag.p90Ms)],
    ["transparency.stats.heldDecided", n(total.held.decided)],
    ["transparency.stats.heldAuto", t("transparency.stats.share", { count: n(total.held.autoPublished), share: pct(total.held.autoPublishedShare) })],
    ["transparency.stats.heldMedian", duration(total.timeToDecision.held.medianMs)],
    ["transparency.stats.heldP90", duration(total.timeToDecision.held.p90Ms)],
    ["transparency.stats.appeals", n(total.appeals.received)],
    ["transparency.stats.appealsUpheld", n(total.appeals.upheld)],
    ["transparency.stats.appealsOverturned", n(total.appeals.overturned)],
    ["transparency.stats.appealsPending", n(total.appeals.pending)],
  ];
  const delayCells = (d: Delays) => (
    <>
      <td className="num">{duration(d.medianMs)}</td>
      <td className="num">{duration(d.p90Ms)}</td>
    </>
  );
  const monthRow = (month: string, f: Figures) => (
    <tr key={month}>
      <th scope="row">{monthName(month)}</th>
      <td className="num">{n(f.decisions.total)}</td>
      <td className="num">{n(f.decisions.automated)}</td>
      <td className="num">{n(f.flags.total)}</td>
      <td className="num">{n(f.flags.byReporter.consumer.total)}</td>
      <td className="num">{n(f.flags.byReporter.company.total)}</td>
      <td className="num">{n(f.flags.byReporter.notifier.total)}</td>
      {delayCells(f.timeToDecision.flag)}
      {delayCells(f.timeToDecision.held)}
      <td className="num">{n(f.held.decided)}</td>
      <td className="num">{n(f.held.autoPublished)}</td>
      <td className="num">{n(f.appeals.received)}</td>
      <td className="num">{n(f.appeals.overturned)}</td>
    </tr>
  );

  return (
    <section id="statistics" className="section" aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t("transparency.stats.title")}</h2>
      <p>{t("transparency.stats.period", { from: date(report.from), to: date(report.to) })}</p>
      <p>
        {t("transparency.stats.download")} <Link to="/transparency.json" reloadDocument>{t("transparency.stats.json")}</Link>
        {" · "}
        <Link to="/transparency.csv" reloadDocument>
          {t("transparency.stats.csv")}
        </Link>
      </p>

      <div className="table-wrap">
        <table>
          <caption>{t("transparency.stats.summary")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transparency.stats.figure")}</th>
              <th scope="col" className="num">
                {t("transparency.stats.value")}
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.map(([key, value]) => (
              <tr key={key}>
                <th scope="row">{t(key)}</th>
                <td className="num" data-figure={key}>
                  {value}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-wrap">
        <table>
          <caption>{t("transparency.stats.byReason")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transparency.stats.target")}</th>
              <th scope="col">{t("transparency.stats.reason")}</th>
              <th scope="col">{t("transparency.stats.outcome")}</th>
              <th scope="col">{t("transparency.stats.means")}</th>
              <th scope="col" className="num">
                {t("transparency.stats.count")}
              </th>
            </tr>
          </thead>
          <tbody>
            {total.decisions.byReasonOutcome.length === 0 ? (
              <tr>
                <td colSpan={5}>{t("transparency.stats.noDecisions")}</td>
              </tr>
            ) : (
              total.decisions.byReasonOutcome.map((d) => (
                <tr key={`${d.target}-${d.reason}-${d.outcome}-${d.automated}`}>
                  <td>{label("transparency.target", d.target)}</td>
                  <td>{reasonLabel(d.reason, locale)}</td>
                  <td>{label("transparency.outcome", d.outcome)}</td>
                  <td>{d.automated ? t("transparency.stats.meansAutomated") : t("transparency.stats.meansHuman")}</td>
                  <td className="num">{n(d.count)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <div className="table-wrap">
        <table>
          <caption>{t("transparency.stats.byReporter")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transparency.stats.reporter")}</th>
              <th scope="col" className="num">{t("transparency.stats.total")}</th>
              <th scope="col" className="num">{t("transparency.stats.upheld")}</th>
              <th scope="col" className="num">{t("transparency.stats.dismissed")}</th>
              <th scope="col" className="num">{t("transparency.stats.pending")}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>

      {/* Wider than the page: a labelled region that takes the keyboard focus to scroll. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="table-wrap" role="region" aria-labelledby="statistics-months" tabIndex={0}>
        <table>
          <caption id="statistics-months">{t("transparency.stats.byMonth")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("transparency.stats.month")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.decisions")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.automated")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.flags")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.reader")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.company")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.notifier")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.flagMedian")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.flagP90")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.heldMedian")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.heldP90")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.heldDecided")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.heldAuto")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.appeals")}</th>
              <th scope="col" className="num">{t("transparency.stats.col.overturned")}</th>
            </tr>
          </thead>
          <tbody>{report.months.map((m) => monthRow(m.month, m.figures))}</tbody>
        </table>
      </div>
      <p className="muted">{t("transparency.stats.definitions")}</p>
    </section>
  );
}
