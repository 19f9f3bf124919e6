import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { Scorecard as ScorecardData } from "~/models/companies.server";

export function formatDuration(t: ReturnType<typeof useT>, ms: number) {
  const hours = ms / 3_600_000;
  if (hours < 1) return t.tp("duration.minutes", Math.max(1, Math.round(ms / 60_000)));
  if (hours < 48) return t.tp("duration.hours", Math.round(hours));
  return t.tp("duration.days", Math.round(hours / 24));
}

/** The right-of-reply scorecard: how the company answers, and how it flags. */
export function Scorecard({ data }: { data: ScorecardData }) {
  const tt = useT();
  const { t, n } = tt;
  const pct = (a: number, b: number) => (b > 0 ? `${n(Math.floor((a / b) * 100))} %` : "—");
  return (
    <section className="card" aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">{t("scorecard.title")}</h2>
      <p className="muted">{t("scorecard.period")}</p>
      <dl className="scorecard">
        <div>
          <dt>{t("scorecard.negativeAnswered")}</dt>
          <dd data-testid="negative-answered">{pct(data.negativeAnswered, data.negativeCount)}</dd>
        </div>
        <div>
          <dt>{t("scorecard.medianReply")}</dt>
          <dd>{data.medianReplyDelay != null ? formatDuration(tt, data.medianReplyDelay) : "—"}</dd>
        </div>
        {/* Reports and reviews differ: one review can be reported more than once. */}
        <div>
          <dt>{t("scorecard.flagsFiled")}</dt>
          <dd data-testid="flags-filed">{n(data.flagsFiled)}</dd>
        </div>
        <div>
          <dt>{t("scorecard.flagged")}</dt>
          <dd data-testid="flagged-reviews">{n(data.flaggedCount)}</dd>
        </div>
        <div>
          <dt>{t("scorecard.flagsUpheld")}</dt>
          <dd data-testid="flags-upheld">
            {pct(data.flagsUpheld, data.flagsDecided)}
            {data.flagsDecided > 0
              ? ` (${t("scorecard.flagsUpheldOf", { upheld: n(data.flagsUpheld), decided: n(data.flagsDecided) })})`
              : null}
          </dd>
        </div>
      </dl>
      {data.flagsFiled > data.flaggedCount ? <p className="muted">{t("scorecard.flagsNote")}</p> : null}
      <p className="muted" style={{ fontSize: "0.875rem", marginBottom: 0 }}>
        <Link to="/transparency#scorecard">{t("scorecard.how")}</Link>
      </p>
    </section>
  );
}
