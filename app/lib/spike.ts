// The spike of negative reviews (SPEC, "Alerts"): when does a company's last 24 hours hold
// more reviews of 2 stars or fewer than its own usual rate explains? Pure: the counts come
// from app/models/company-alerts.server.ts, which checks each time such a review is published.
//
// The statistic. Negative reviews arriving independently at a steady rate λ a day make the
// count X of one day a Poisson variable. The usual rate is the company's own, from the days
// before the last 24 hours; each period's rate is smoothed by a prior worth two days at one
// negative review every two days (a Gamma(1, 2) prior; its posterior mean), and the prior may
// only raise a rate, never lower one:
//
//     rate(n negatives over d days of history) = max((n + 1) / (d + 2), n / max(d, 1))
//     λ = max(rate over the 28 days before, rate over the 7 days before)
//
// The 28 days are the baseline; the week guards it against a steady rise (a rise is already
// in the last week, a burst is not). The prior keeps a company with little history, or no
// negative review yet, from being alarmed by its first ones: with no history λ = 0.5 (5 in a
// day are needed), after quiet weeks λ = 1/9 (3 are). "Days of history" count from the
// company's first published review, so a new company's empty weeks are not taken for calm.
//
// The threshold. A spike is k negative reviews in the last 24 hours with
//   1. k ≥ 3 (N_min: one or two bad reviews are the "negative review" alert's job),
//   2. k ≥ 2λ (at least twice the usual rate: on large counts real days vary more than a
//      Poisson variable does — weekdays, campaigns — and a 30 % rise is not a spike), and
//   3. P(X ≥ k | λ) < 0.001 (one chance in a thousand that the usual rate gives as many).
// At most one spike per company per 24 hours (the caller keeps the last one).
//
// A steady rise does not fire: the last week moves with it, so today stays under twice its
// rate (from 1 to 8 a day over two months never goes below P = 0.2; even 10 % more every day,
// doubling each week, stays under the ratio). A burst does: 10 in a day against 1 a day is
// P ≈ 1e-7, 9 against 2 a day P ≈ 2e-4. tests/unit/spike.test.ts runs these series.

const DAY_MS = 86_400_000;

/** The rule's numbers: app/models/company-alerts.server.ts applies them, /brand/:slug/alerts shows them. */
export const SPIKE_RULE = {
  /** The reviews that count: this many stars or fewer. */
  maxStars: 2,
  /** The window looked at: the last 24 hours. */
  windowMs: DAY_MS,
  /** The usual rate: the higher of these periods' rates, before the window. */
  baselineDays: 28,
  recentDays: 7,
  /** The prior: this many negative reviews over this many days (one every two days). */
  priorReviews: 1,
  priorDays: 2,
  /** N_min: the fewest negative reviews in the window that can be a spike. */
  minCount: 3,
  /** The count must be at least this many times the usual daily rate. */
  minRatio: 2,
  /** P(X ≥ count | usual rate) must be below this. */
  maxPValue: 0.001,
  /** One spike per company per this long, at most. */
  cooldownMs: DAY_MS,
} as const;

export interface SpikeCounts {
  /** Negative reviews published in the window (the last 24 hours). */
  recent: number;
  /** Negative reviews published in the 28 days before the window, and in the 7 days before it. */
  month: number;
  week: number;
  /** Days of history before the window (since the company's first published review), any number ≥ 0. */
  historyDays: number;
}

export interface SpikeAssessment {
  spike: boolean;
  /** The smoothed usual rate, per day. */
  rate: number;
  /** P(X ≥ recent) for a Poisson variable of that rate. */
  pValue: number;
}

/** A period's daily rate of negative reviews: `count` over the period's `days` days, cut to
 *  the company's history, smoothed by the prior where that raises it. */
export function smoothedRate(count: number, days: number, historyDays: number): number {
  const seen = Math.min(days, Math.max(0, historyDays));
  const n = Math.max(0, count);
  return Math.max((n + SPIKE_RULE.priorReviews) / (seen + SPIKE_RULE.priorDays), n / Math.max(seen, 1));
}

/** The usual daily rate: the higher of the 28 days' and the week's, each smoothed. */
export function usualRate(counts: Omit<SpikeCounts, "recent">): number {
  return Math.max(
    smoothedRate(counts.month, SPIKE_RULE.baselineDays, counts.historyDays),
    smoothedRate(counts.week, SPIKE_RULE.recentDays, counts.historyDays),
  );
}

/** Whether the counts are a spike under SPIKE_RULE, with the rate and p-value that say so. */
export function assessSpike(counts: SpikeCounts): SpikeAssessment {
  const rate = usualRate(counts);
  const pValue = poissonUpperTail(counts.recent, rate);
  const spike = counts.recent >= SPIKE_RULE.minCount && counts.recent >= SPIKE_RULE.minRatio * rate && pValue < SPIKE_RULE.maxPValue;
  return { spike, rate, pValue };
}

const LOG_FACTORIALS: number[] = [0];

/** ln(n!), exact (summed) up to 1 000, Stirling's series above. */
export function logFactorial(n: number): number {
  if (n < 1000) {
    for (let i = LOG_FACTORIALS.length; i <= n; i++) LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1]! + Math.log(i);
    return LOG_FACTORIALS[n]!;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

function poissonPmf(i: number, lambda: number) {
  return Math.exp(i * Math.log(lambda) - lambda - logFactorial(i));
}

/** P(X ≥ k) for X ~ Poisson(λ): summed upwards from k when k is above the mean (where the
 *  tail is small and 1 − Σ would lose it to rounding), as 1 − P(X < k) otherwise. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (!(lambda > 0)) return 0;
  if (k <= lambda) {
    let below = 0;
    for (let i = 0; i < k; i++) below += poissonPmf(i, lambda);
    return Math.min(1, Math.max(0, 1 - below));
  }
  let term = poissonPmf(k, lambda);
  let sum = 0;
  for (let i = k; term > 0 && term >= sum * 1e-17; i++) {
    sum += term;
    term *= lambda / (i + 1);
  }
  return Math.min(1, sum);
}

/** The fewest negative reviews in 24 hours that are a spike, for these earlier counts (the
 *  page says how many a new company, or a quiet one, needs). */
export function fewestForSpike(counts: Omit<SpikeCounts, "recent">): number {
  let k = SPIKE_RULE.minCount;
  while (!assessSpike({ ...counts, recent: k }).spike) k++;
  return k;
}
