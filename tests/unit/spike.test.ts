// The spike of negative reviews (app/lib/spike.ts): a Poisson test of the last 24 hours
// against the company's own usual rate. A burst fires; a steady rise, however long, does not;
// a company with little history needs more than one bad day to be alarmed.
import { describe, expect, it } from "vitest";
import { assessSpike, fewestForSpike, logFactorial, poissonUpperTail, SPIKE_RULE, usualRate } from "~/lib/spike";

/** P(X ≥ k) summed the plain way, for small λ and k. */
function naiveTail(k: number, lambda: number) {
  let below = 0;
  let term = Math.exp(-lambda);
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return 1 - below;
}

/** Runs the rule over a daily series of negative reviews (day 0 is the company's first):
 *  the days it fires on, and the smallest p-value it saw. */
function run(daily: (day: number) => number, days: number) {
  const fired: number[] = [];
  let minP = 1;
  for (let d = 1; d < days; d++) {
    let month = 0;
    let week = 0;
    for (let j = Math.max(0, d - SPIKE_RULE.baselineDays); j < d; j++) {
      month += daily(j);
      if (j >= d - SPIKE_RULE.recentDays) week += daily(j);
    }
    const a = assessSpike({ recent: daily(d), month, week, historyDays: d });
    minP = Math.min(minP, a.pValue);
    if (a.spike) fired.push(d);
  }
  return { fired, minP };
}

describe("the Poisson tail", () => {
  it("agrees with the plain sum where both are exact", () => {
    for (const lambda of [0.05, 0.5, 1, 2.5, 7, 15]) {
      for (let k = 0; k <= 30; k++) expect(poissonUpperTail(k, lambda)).toBeCloseTo(naiveTail(k, lambda), 12);
    }
  });

  it("keeps tiny tails that 1 − Σ would round to zero, and handles large counts", () => {
    expect(poissonUpperTail(40, 1)).toBeGreaterThan(0);
    expect(poissonUpperTail(40, 1)).toBeLessThan(1e-40);
    expect(poissonUpperTail(2000, 2000)).toBeGreaterThan(0.49);
    expect(poissonUpperTail(2000, 2000)).toBeLessThan(0.51);
    expect(logFactorial(1500)).toBeCloseTo(
      logFactorial(999) + Array.from({ length: 501 }, (_, i) => Math.log(1000 + i)).reduce((a, b) => a + b),
      6,
    );
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
  });
});

describe("the spike rule", () => {
  it("fires on a burst: 10 in a day against one a day", () => {
    const a = assessSpike({ recent: 10, month: 28, week: 7, historyDays: 28 });
    expect(a.spike).toBe(true);
    expect(a.pValue).toBeLessThan(1e-6);
    expect(a.rate).toBe(1);
  });

  it("does not fire on an ordinary bad day, nor below N_min", () => {
    expect(assessSpike({ recent: 4, month: 56, week: 14, historyDays: 28 }).spike).toBe(false);
    expect(assessSpike({ recent: 2, month: 0, week: 0, historyDays: 28 }).spike).toBe(false);
    expect(assessSpike({ recent: SPIKE_RULE.minCount, month: 0, week: 0, historyDays: 28 }).spike).toBe(true);
  });

  it("smooths little history: a new company needs more negative reviews than a quiet old one", () => {
    expect(usualRate({ month: 0, week: 0, historyDays: 0 })).toBe(0.5);
    expect(fewestForSpike({ month: 0, week: 0, historyDays: 0 })).toBe(5);
    expect(fewestForSpike({ month: 0, week: 0, historyDays: 28 })).toBe(3);
    // Weeks before the company existed are not taken for calm ones, and the prior never
    // lowers a rate: one day with 20 negative reviews is a usual rate of 20.
    expect(usualRate({ month: 2, week: 2, historyDays: 1 })).toBe(2);
    expect(usualRate({ month: 20, week: 20, historyDays: 1 })).toBe(20);
  });

  it("asks for twice the usual rate on large counts, where the p-value alone would fire on a 50 % rise", () => {
    const busy = { month: 28 * 50, week: 7 * 50, historyDays: 28 };
    expect(poissonUpperTail(76, usualRate(busy))).toBeLessThan(SPIKE_RULE.maxPValue);
    expect(assessSpike({ ...busy, recent: 76 }).spike).toBe(false);
    expect(assessSpike({ ...busy, recent: 100 }).spike).toBe(true);
  });

  it("fires on a burst in a long series, on its day only, and not before", () => {
    const { fired } = run((d) => (d === 60 ? 12 : d % 7 === 0 ? 2 : 1), 61);
    expect(fired).toEqual([60]);
  });

  it("never fires on steady growth: linear, or compound up to 10 % a day", () => {
    expect(run((d) => Math.round(1 + (7 * d) / 60), 120).fired).toEqual([]);
    expect(run((d) => Math.round(1 + d / 4), 120).fired).toEqual([]);
    for (const growth of [1.02, 1.05, 1.1]) expect(run((d) => Math.round(Math.pow(growth, d)), 60).fired).toEqual([]);
    // Steady growth at large counts, from the company's first day: the p-value is tiny, the
    // ratio keeps it quiet.
    const big = run((d) => Math.round(20 * Math.pow(1.1, d)), 45);
    expect(big.minP).toBeLessThan(1e-6);
    expect(big.fired).toEqual([]);
  });
});
