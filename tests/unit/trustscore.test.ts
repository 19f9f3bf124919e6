import { describe, expect, it } from "vitest";
import {
  anchoredWeight,
  computeScore,
  HALF_LIFE_DAYS,
  PRIOR_COUNT,
  PRIOR_MEAN,
  reviewWeight,
  sumInputs,
  WEIGHT_EPOCH,
} from "~/lib/trustscore";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 1);

function inputsFor(reviews: { stars: number; publishedAt: number }[]) {
  return {
    reviewCount: reviews.length,
    starSum: reviews.reduce((s, r) => s + r.stars, 0),
    weightedStarSum: reviews.reduce((s, r) => s + r.stars * anchoredWeight(r.publishedAt), 0),
    weightSum: reviews.reduce((s, r) => s + anchoredWeight(r.publishedAt), 0),
  };
}

describe("TrustScore", () => {
  it("has no score without reviews", () => {
    expect(computeScore(inputsFor([]), NOW)).toEqual({ trustScore: null, rawMean: null, reviewCount: 0 });
  });

  it("pulls a few reviews towards the prior of 7 reviews at 3.5", () => {
    const score = computeScore(inputsFor([{ stars: 5, publishedAt: NOW }]), NOW);
    // (7 × 3.5 + 5) / 8 = 3.6875 → 3.6, never rounded up
    expect(score.trustScore).toBe(3.6);
    expect(score.rawMean).toBe(5);
  });

  it("approaches the mean of many fresh reviews", () => {
    const many = Array.from({ length: 2000 }, () => ({ stars: 5, publishedAt: NOW }));
    expect(computeScore(inputsFor(many), NOW).trustScore).toBe(4.9);
  });

  it("gives a review half the weight after one half-life", () => {
    const old = NOW - HALF_LIFE_DAYS * DAY;
    const w = anchoredWeight(old) / anchoredWeight(NOW);
    expect(w).toBeCloseTo(0.5, 10);
    // One fresh 1★ and one 5★ a half-life old: weights 1 and 0.5.
    const score = computeScore(
      inputsFor([
        { stars: 1, publishedAt: NOW },
        { stars: 5, publishedAt: old },
      ]),
      NOW,
    );
    const expected = (PRIOR_COUNT * PRIOR_MEAN + 1 * 1 + 5 * 0.5) / (PRIOR_COUNT + 1.5);
    expect(score.trustScore).toBe(Math.floor(expected * 10) / 10);
    expect(score.rawMean).toBe(3);
  });

  it("does not depend on when the counters were anchored", () => {
    const reviews = [
      { stars: 2, publishedAt: WEIGHT_EPOCH + 400 * DAY },
      { stars: 4, publishedAt: NOW - 10 * DAY },
      { stars: 5, publishedAt: NOW - 700 * DAY },
    ];
    const direct =
      (PRIOR_COUNT * PRIOR_MEAN + reviews.reduce((s, r) => s + r.stars * 2 ** ((r.publishedAt - NOW) / (HALF_LIFE_DAYS * DAY)), 0)) /
      (PRIOR_COUNT + reviews.reduce((s, r) => s + 2 ** ((r.publishedAt - NOW) / (HALF_LIFE_DAYS * DAY)), 0));
    expect(computeScore(inputsFor(reviews), NOW).trustScore).toBe(Math.floor(direct * 10) / 10);
  });

  it("stays within 1 to 5", () => {
    const ones = Array.from({ length: 10_000 }, () => ({ stars: 1, publishedAt: NOW }));
    expect(computeScore(inputsFor(ones), NOW).trustScore).toBeGreaterThanOrEqual(1);
    const fives = Array.from({ length: 10_000 }, () => ({ stars: 5, publishedAt: NOW }));
    expect(computeScore(inputsFor(fives), NOW).trustScore).toBeLessThanOrEqual(5);
    for (const stars of [1, 2, 3, 4, 5]) {
      const score = computeScore(inputsFor([{ stars, publishedAt: NOW - 900 * DAY }]), NOW).trustScore;
      expect(score).toBeGreaterThanOrEqual(1);
      expect(score).toBeLessThanOrEqual(5);
    }
  });

  it("adds counters of several labels into one basis", () => {
    const a = inputsFor([{ stars: 5, publishedAt: NOW }]);
    const b = inputsFor([{ stars: 1, publishedAt: NOW }]);
    expect(sumInputs([a, b])).toEqual(
      inputsFor([
        { stars: 5, publishedAt: NOW },
        { stars: 1, publishedAt: NOW },
      ]),
    );
  });
});

describe("reviewWeight (shown beside each review, explained on /transparency#trustscore)", () => {
  it("is 1 today, halves every HALF_LIFE_DAYS, two decimals", () => {
    const now = Date.UTC(2026, 11, 1);
    const day = 86_400_000;
    expect(reviewWeight(now, now)).toBe(1);
    expect(reviewWeight(now - HALF_LIFE_DAYS * day, now)).toBe(0.5);
    expect(reviewWeight(now - 2 * HALF_LIFE_DAYS * day, now)).toBe(0.25);
    expect(reviewWeight(now - 100 * day, now)).toBe(0.83);
  });
});
