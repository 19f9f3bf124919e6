// Shared draws of the demo and the large data set: stars, recommendation, times.
import { renderMarkdown } from "../../app/lib/markdown.server";
import type { Rng } from "./random";

/** The "now" of the generated data: runs are identical whatever the real clock says. */
export const REFERENCE_NOW = Date.UTC(2026, 10, 1, 12, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// Star distributions of a poor and of a good company: both J-shaped (people write
// when they are delighted or angry), mixed by the company's quality.
const GOOD = [0.07, 0.04, 0.06, 0.18, 0.65];
const POOR = [0.58, 0.12, 0.08, 0.08, 0.14];

export function starWeights(quality: number): number[] {
  const q = Math.min(1, Math.max(0, quality));
  return GOOD.map((g, i) => POOR[i]! * (1 - q) + g * q);
}

const STARS = [1, 2, 3, 4, 5];
export function drawStars(rng: Rng, quality: number): number {
  return rng.weighted(STARS, starWeights(quality));
}

/** "Would you recommend?", mostly consistent with the stars; sometimes unanswered. */
export function drawRecommend(rng: Rng, stars: number): 0 | 1 | null {
  if (stars >= 4) return rng.weighted<0 | 1 | null>([1, null, 0], [92, 6, 2]);
  if (stars === 3) return rng.weighted<0 | 1 | null>([1, 0, null], [40, 40, 20]);
  return rng.weighted<0 | 1 | null>([0, null, 1], [90, 8, 2]);
}

/** A time on the given UTC day between 06:00 and 22:30 UTC (people write in the day). */
export function timeOfDay(rng: Rng, anyTimeThatDay: number): number {
  const day = Math.floor(anyTimeThatDay / DAY) * DAY;
  return day + 6 * HOUR + Math.floor(rng.next() * 16.5 * HOUR);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days between the experience and the review: a few days to a few weeks. */
export function drawExperienceDelay(rng: Rng): number {
  return Math.min(75, 1 + Math.floor(rng.exponential(9)));
}

/** Hours to days: median about 20 hours. */
export function drawReplyDelay(rng: Rng): number {
  const hours = Math.exp(rng.normal() * 1.1 + Math.log(20));
  return Math.round(Math.min(15 * 24, Math.max(0.5, hours)) * HOUR);
}

/** Probability that a verified company answers a review, by stars: negatives first. */
export function replyProbability(companyRate: number, stars: number): number {
  const factor = [0, 1.15, 1.12, 1.0, 0.8, 0.68][stars]!;
  return Math.min(0.99, companyRate * factor);
}

/** renderMarkdown of blocks, one at a time, with a cache for repeated blocks.
 *  Equal to renderMarkdown(blocks.join("\n\n")) for the blocks text.ts composes. */
export class BlockRenderer {
  private readonly cache = new Map<string, string>();
  hits = 0;
  misses = 0;
  constructor(private readonly maxEntries = 400_000) {}

  render(blocks: string[]): string {
    let out = "";
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      let html = this.cache.get(b);
      if (html === undefined) {
        this.misses++;
        html = renderMarkdown(b);
        if (this.cache.size < this.maxEntries) this.cache.set(b, html);
      } else this.hits++;
      out += i === 0 ? html : `\n${html}`;
    }
    return out;
  }
}
