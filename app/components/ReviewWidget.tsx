import { useT } from "~/i18n/react";
import type { RatingSummary } from "~/models/companies.server";
import type { ReviewView } from "~/models/reviews.server";
import { Stars } from "./Stars";
import { Thread } from "./Thread";

/** What the widget (/widget/:slug) shows. */
export interface WidgetData {
  company: { slug: string; name: string; pending: boolean; createdAt: number };
  summary: Pick<RatingSummary, "trustScore" | "rawMean" | "reviewCount">;
  reviews: ReviewView[];
}

/**
 * The embeddable widget: a company's TrustScore (with the raw mean beside it, as on its
 * page), its review count and its latest reviews, each as the same Thread as every page
 * shows it, so the company's reply comes with its review, as prominent. Links go to the
 * site (the widget's document opens them in a new tab).
 */
export function ReviewWidget({ company, summary, reviews }: WidgetData) {
  const { t, tp, n, date } = useT();
  const companyPage = `/companies/${company.slug}`;
  const decimal = (value: number | null) => (value == null ? "—" : n(value, { minimumFractionDigits: 1 }));
  return (
    <main className="widget">
      <header className="widget__head">
        <p className="widget__site">
          <a href="/">{t("site.name")}</a> <span className="visually-hidden">{t("openData.widget.newTab")}</span>
        </p>
        <h1 className="widget__company">
          <a href={companyPage}>{t("openData.widget.title", { company: company.name })}</a>
        </h1>
        {company.pending ? <p className="notice">{t("company.pendingCheck", { date: date(company.createdAt) })}</p> : null}
        <p className="widget__score">
          <span className="widget__trustscore" data-testid="trustscore">
            {decimal(summary.trustScore)}
            <span className="score__label"> / 5</span>
          </span>{" "}
          {summary.trustScore != null ? <Stars value={summary.trustScore} /> : null}{" "}
          <a href="/transparency#trustscore">{t("score.trustscore")}</a> · {t("score.rawMean")} {decimal(summary.rawMean)} ·{" "}
          <span data-testid="review-count">{tp("score.reviewCount", summary.reviewCount)}</span>
        </p>
      </header>
      <h2 className="visually-hidden">{t("openData.widget.latest")}</h2>
      {reviews.length === 0 ? <p className="muted">{t("openData.widget.empty")}</p> : null}
      <ol className="widget__list">
        {reviews.map((review) => (
          <li key={review.id}>
            <Thread review={review} headingLevel={3} />
          </li>
        ))}
      </ol>
      <p className="widget__all">
        <a href={companyPage}>
          {t("openData.widget.all")} <span className="visually-hidden">{t("openData.widget.newTab")}</span>
        </a>
      </p>
    </main>
  );
}
