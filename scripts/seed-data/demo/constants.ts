// The size and the span of the demo data.
import { DAY } from "../generate";

/** The seed of the demo's PRNG: same seed, same demo. */
export const SEED = "replique-demo-2026";
const YEAR = 365 * DAY;
/** Three years of reviews, up to REFERENCE_NOW. */
export const SPAN = 3 * YEAR;
export const REVIEWER_COUNT = 1_520;
export const TARGET_REVIEWS = 6_000;
/** Reviews of the demo brand (Maison Lumière), before its inbox of the last fortnight. */
export const BRAND_REVIEWS = 330;
