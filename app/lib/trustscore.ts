// The TrustScore: one module, used by every page, the API and /transparency.
//
// A Bayesian average with a prior worth PRIOR_COUNT reviews of PRIOR_MEAN stars, over
// reviews weighted by recency: a review's weight halves every HALF_LIFE_DAYS.
// To keep the weighted sums as plain counters (updated in the same transaction as
// each write), every weight is anchored at a fixed EPOCH: a review published at t
// adds 2^((t − EPOCH) / H) to the sums; at read time both sums are multiplied by
// 2^((EPOCH − now) / H), which gives each review its weight 2^((t − now) / H) exactly.

/** The reviews a score is computed on: all of them, or one origin label. */
export type ScoreBasis = "all" | "verified" | "invited" | "organic";
export const SCORE_BASES: ScoreBasis[] = ["all", "verified", "invited", "organic"];

export const PRIOR_COUNT = 7;
export const PRIOR_MEAN = 3.5;
export const HALF_LIFE_DAYS = 365;
const DAY_MS = 86_400_000;
const HALF_LIFE_MS = HALF_LIFE_DAYS * DAY_MS;
/** 2020-01-01T00:00:00Z */
export const WEIGHT_EPOCH = Date.UTC(2020, 0, 1);

/** The anchored weight a review published at `publishedAt` adds to the counters. */
export function anchoredWeight(publishedAt: number): number {
  return 2 ** ((publishedAt - WEIGHT_EPOCH) / HALF_LIFE_MS);
}

/** anchoredWeight in SQL, over the epoch-ms column `column` (the SUMs of weights that
 *  rebuild the counters, or that give the TrustScore as it stood at a past date). */
export function anchoredWeightSql(column: string): string {
  return `pow(2, (${column} - ${WEIGHT_EPOCH}) / ${HALF_LIFE_MS}.0)`;
}

/** What a review published at `publishedAt` weighs in the TrustScore at `now`, against a
 *  review published at `now` (1): it halves every HALF_LIFE_DAYS. Two decimals, as shown. */
export function reviewWeight(publishedAt: number, now = Date.now()): number {
  return Math.round(2 ** ((publishedAt - now) / HALF_LIFE_MS) * 100) / 100;
}

export interface ScoreInputs {
  reviewCount: number;
  starSum: number;
  weightedStarSum: number;
  weightSum: number;
}

export interface Score {
  /** 1–5, one decimal, never rounded up. Null when there is no review yet. */
  trustScore: number | null;
  /** Plain mean of the stars, one decimal, never rounded up. */
  rawMean: number | null;
  reviewCount: number;
}

export function floorTo1(x: number) {
  return Math.floor(x * 10 + 1e-9) / 10;
}

export function computeScore(inputs: ScoreInputs, now = Date.now()): Score {
  if (inputs.reviewCount <= 0) return { trustScore: null, rawMean: null, reviewCount: 0 };
  const decay = 2 ** ((WEIGHT_EPOCH - now) / HALF_LIFE_MS);
  const weighted = inputs.weightedStarSum * decay;
  const weights = inputs.weightSum * decay;
  const bayes = (PRIOR_COUNT * PRIOR_MEAN + weighted) / (PRIOR_COUNT + weights);
  return {
    trustScore: floorTo1(Math.min(5, Math.max(1, bayes))),
    rawMean: floorTo1(inputs.starSum / inputs.reviewCount),
    reviewCount: inputs.reviewCount,
  };
}

/** Adds counters of several origin labels into one basis ("all"). */
export function sumInputs<T extends ScoreInputs>(rows: T[]): ScoreInputs {
  return rows.reduce(
    (acc, r) => ({
      reviewCount: acc.reviewCount + r.reviewCount,
      starSum: acc.starSum + r.starSum,
      weightedStarSum: acc.weightedStarSum + r.weightedStarSum,
      weightSum: acc.weightSum + r.weightSum,
    }),
    { reviewCount: 0, starSum: 0, weightedStarSum: 0, weightSum: 0 },
  );
}
