// The figures of a company's metrics page (/brand/:slug/metrics), recomputed from the
// reviews and flags tables on each request, for its members only (the route guards it).
//
// The period: the last 3, 6, 12 or 24 calendar months in UTC, the current month included
// (so far), as on /transparency (reportMonths). Every figure is about the reviews published
// in the period and still published now; a month without reviews is there with zeros.
//   by month        reviews published in the month, their mean stars, how many answered;
//                   the TrustScore as it stood at the end of the month (now, for the current
//                   month): computeScore (app/lib/trustscore.ts) over the weighted sums of
//                   every review published until then, so the last month's is the score of
//                   the company page;
//   replies         response rate (answered / published), overall and on 1–2★ reviews;
//                   median time to reply, overall and on 1–2★ (getScorecard and
//                   getMedianReplyDelay of companies.server.ts, over the period);
//   recommendation  yes / (yes + no) over the reviews that answered the question;
//   resolved        reviews of the period their author marked resolved by the company;
//   by subject, by channel   the same tallies, per subject and per channel;
//   flags           flags filed in the company's name in the period (getScorecard).
// Cost: nine queries whatever the company's size, each a GROUP BY (or a count) over the
// company's range of reviews_company_scorecard_idx: the monthly one reads that index alone
// (over the company's whole history, for the TrustScore before the period), the breakdown
// reads the period's rows once, for subjects and channels together.
import { getDb } from "#db/client.server";
import type { CompanyMetrics, MetricsPeriod, ReviewTally } from "~/lib/company-metrics";
import { anchoredWeightSql, computeScore, floorTo1, sumInputs, type ScoreInputs } from "~/lib/trustscore";
import { getMedianReplyDelay, getScorecard } from "./companies.server";
import { reportMonths } from "./transparency.server";

export type { CompanyMetrics };

interface TallyRow {
  reviewCount: number;
  starSum: number;
  answeredCount: number;
}

/** Reviews published before the period are one bucket: they only count in the TrustScore. */
const BEFORE = "before";

type MonthRow = TallyRow & ScoreInputs & { month: string };

function readMonths(companyId: number, from: number): Map<string, MonthRow> {
  const rows = getDb()
    .$client.prepare<[from: number, companyId: number], MonthRow>(
      `SELECT CASE WHEN published_at < ? THEN '${BEFORE}' ELSE strftime('%Y-%m', published_at / 1000, 'unixepoch') END AS month,
              count(*) AS reviewCount, sum(stars) AS starSum, count(replied_at) AS answeredCount,
              sum(stars * ${anchoredWeightSql("published_at")}) AS weightedStarSum, sum(${anchoredWeightSql("published_at")}) AS weightSum
       FROM reviews WHERE company_id = ? AND published_at IS NOT NULL AND status = 'published'
       GROUP BY 1`,
    )
    .all(from, companyId);
  return new Map(rows.map((r) => [r.month, r]));
}

/** The reviews of the period by subject and channel: one pass over the rows, whose groups
 *  (at most six channels a subject) are then added up by subject and by channel. */
type BreakdownRow = TallyRow &
  Pick<CompanyMetrics["bySubject"][number], "name" | "kind"> & {
    subjectId: number;
    channel: CompanyMetrics["byChannel"][number]["channel"];
    recommendYes: number;
    recommendNo: number;
    resolvedCount: number;
  };

function readBreakdown(companyId: number, from: number): BreakdownRow[] {
  return getDb()
    .$client.prepare<[companyId: number, from: number], BreakdownRow>(
      `SELECT r.subject_id AS subjectId, s.name, s.kind, r.channel, count(*) AS reviewCount, sum(r.stars) AS starSum,
              count(r.replied_at) AS answeredCount, coalesce(sum(r.recommend = 1), 0) AS recommendYes,
              coalesce(sum(r.recommend = 0), 0) AS recommendNo, count(r.resolved_at) AS resolvedCount
       FROM reviews r JOIN subjects s ON s.id = r.subject_id
       WHERE r.company_id = ? AND r.published_at >= ? AND r.status = 'published'
       GROUP BY r.subject_id, r.channel`,
    )
    .all(companyId, from);
}

/** The rows added up by `key`, most reviewed first (then by `key`). */
function addUp<K extends string | number>(rows: BreakdownRow[], key: (r: BreakdownRow) => K): { key: K; row: TallyRow }[] {
  const sums = new Map<K, TallyRow>();
  for (const r of rows) {
    const sum = sums.get(key(r)) ?? { reviewCount: 0, starSum: 0, answeredCount: 0 };
    sums.set(key(r), {
      reviewCount: sum.reviewCount + r.reviewCount,
      starSum: sum.starSum + r.starSum,
      answeredCount: sum.answeredCount + r.answeredCount,
    });
  }
  return [...sums]
    .map(([k, row]) => ({ key: k, row }))
    .sort((a, b) => b.row.reviewCount - a.row.reviewCount || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function tally({ reviewCount, starSum, answeredCount }: TallyRow): ReviewTally {
  return { reviewCount, averageStars: reviewCount > 0 ? floorTo1(starSum / reviewCount) : null, answeredCount };
}

const NO_REVIEWS: MonthRow = { month: "", reviewCount: 0, starSum: 0, answeredCount: 0, weightedStarSum: 0, weightSum: 0 };

/** Each month of the period with its tallies and the TrustScore at its end. */
function monthsOf(periods: { month: string; from: number }[], rows: Map<string, MonthRow>, now: number) {
  let upToMonth: ScoreInputs = sumInputs([rows.get(BEFORE) ?? NO_REVIEWS]);
  return periods.map(({ month }, i) => {
    const row = rows.get(month) ?? NO_REVIEWS;
    upToMonth = sumInputs([upToMonth, row]);
    const end = Math.min(periods[i + 1]?.from ?? now, now);
    return { month, ...tally(row), trustScore: computeScore(upToMonth, end).trustScore };
  });
}

const add = (rows: BreakdownRow[], key: "reviewCount" | "starSum" | "answeredCount" | "recommendYes" | "recommendNo" | "resolvedCount") =>
  rows.reduce((sum, r) => sum + r[key], 0);

/** The metrics of the company over the last `months` calendar months. */
export function getCompanyMetrics(companyId: number, months: MetricsPeriod, now = Date.now()): CompanyMetrics {
  const periods = reportMonths(now, months);
  const from = periods[0]!.from;
  const byMonth = monthsOf(periods, readMonths(companyId, from), now);
  const rows = readBreakdown(companyId, from);
  const subjects = new Map(rows.map((r) => [r.subjectId, r]));
  const card = getScorecard(companyId, now, from);
  return {
    months,
    from,
    to: now,
    byMonth,
    total: {
      ...tally({ reviewCount: add(rows, "reviewCount"), starSum: add(rows, "starSum"), answeredCount: add(rows, "answeredCount") }),
      trustScore: byMonth.at(-1)?.trustScore ?? null,
      negativeCount: card.negativeCount,
      negativeAnswered: card.negativeAnswered,
      medianReplyDelay: card.medianReplyDelay,
      negativeMedianReplyDelay: getMedianReplyDelay(companyId, from, 2),
      recommendYes: add(rows, "recommendYes"),
      recommendNo: add(rows, "recommendNo"),
      resolvedCount: add(rows, "resolvedCount"),
    },
    flags: { filed: card.flagsFiled, flaggedReviews: card.flaggedCount, decided: card.flagsDecided, upheld: card.flagsUpheld },
    bySubject: addUp(rows, (r) => r.subjectId).map(({ key, row }) => {
      const { name, kind } = subjects.get(key)!;
      return { id: key, name, kind, ...tally(row) };
    }),
    byChannel: addUp(rows, (r) => r.channel).map(({ key, row }) => ({ channel: key, ...tally(row) })),
  };
}
