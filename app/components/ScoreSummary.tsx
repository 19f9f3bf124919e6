import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { RatingSummary, ScoreBasis } from "~/models/companies.server";
import { Stars } from "./Stars";

/** TrustScore with its basis, the raw mean beside it, and a plain histogram with counts. */
export function ScoreSummary({
  summary,
  basis,
  basisLinks,
}: {
  summary: RatingSummary;
  basis: ScoreBasis;
  /** Links to switch the basis, when the page offers it. */
  basisLinks?: { basis: ScoreBasis; href: string }[];
}) {
  const { t, n, tp } = useT();
  const total = summary.reviewCount;
  return (
    <div className="score-summary">
      <div className="score">
        <div>
          <div className="score__big" data-testid="trustscore">
            {summary.trustScore != null ? n(summary.trustScore, { minimumFractionDigits: 1 }) : "—"}
            <span className="score__label"> / 5</span>
          </div>
          <div className="score__label">
            <Link to="/transparency#trustscore">{t("score.trustscore")}</Link> · {t(`score.basis.${basis}`)}
          </div>
          {summary.trustScore != null ? <Stars value={summary.trustScore} size="large" /> : null}
        </div>
        <div>
          <div>
            {t("score.rawMean")}{" "}
            <strong data-testid="raw-mean">{summary.rawMean != null ? n(summary.rawMean, { minimumFractionDigits: 1 }) : "—"}</strong>
          </div>
          <div>{tp("score.reviewCount", total)}</div>
          {summary.recommendRate != null ? (
            <div>{t("score.recommendRate", { percent: n(Math.floor(summary.recommendRate * 100)) })}</div>
          ) : null}
        </div>
        <ol className="histogram" aria-label={t("score.histogram")} reversed>
          {[5, 4, 3, 2, 1].map((stars) => {
            const count = summary.histogram[stars - 1];
            const share = total > 0 ? (count / total) * 100 : 0;
            return (
              <li key={stars}>
                <span>{t("score.starsRow", { stars })}</span>
                <span className="histogram__bar" aria-hidden="true">
                  <span className="histogram__fill" style={{ width: `${share.toFixed(1)}%` }} />
                </span>
                <span className="histogram__count" data-testid={`histogram-${stars}`}>
                  {n(count)}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
      {basisLinks ? (
        <nav aria-label={t("score.basisLabel")} className="chips" style={{ marginTop: "0.75rem" }}>
          {basisLinks.map((l) => (
            <Link key={l.basis} to={l.href} className="chip" aria-current={l.basis === basis ? "true" : undefined} preventScrollReset>
              {t(`score.basis.${l.basis}`)}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
