// The company page's neutral notice when a company's invited reviews are much more positive
// than its organic ones (written without an invitation): a sign that invitations may not
// reach every customer alike. Shown only when each kind has INVITED_GAP.minReviews published
// reviews, the invited mean is at least INVITED_GAP.minStars higher, and the difference is
// clear by Welch's test (the means' difference over its standard error, z ≥ INVITED_GAP.minZ,
// p < 0.001 two-sided under the normal approximation, sound with this many reviews). The
// star counts are the public counters (rating_stats). /transparency states these figures.

export const INVITED_GAP = { minReviews: 30, minStars: 0.75, minZ: 3.29 } as const;

/** Published reviews with 1 to 5 stars. */
export type StarHistogram = readonly [number, number, number, number, number];

export interface InvitedGap {
  invitedMean: number;
  organicMean: number;
  invitedCount: number;
  organicCount: number;
  /** Welch's statistic: Infinity when neither kind varies. */
  z: number;
}

function moments(h: StarHistogram) {
  const count = h.reduce((s, c) => s + c, 0);
  const mean = h.reduce((s, c, i) => s + c * (i + 1), 0) / count;
  const variance = h.reduce((s, c, i) => s + c * (i + 1 - mean) ** 2, 0) / (count - 1);
  return { count, mean, variance };
}

/** The gap, when it is large and clear enough to show; null otherwise. */
export function invitedGap(invited: StarHistogram, organic: StarHistogram): InvitedGap | null {
  const total = (h: StarHistogram) => h.reduce((s, c) => s + c, 0);
  if (total(invited) < INVITED_GAP.minReviews || total(organic) < INVITED_GAP.minReviews) return null;
  const a = moments(invited);
  const b = moments(organic);
  const difference = a.mean - b.mean;
  if (difference < INVITED_GAP.minStars) return null;
  const standardError = Math.sqrt(a.variance / a.count + b.variance / b.count);
  const z = standardError === 0 ? Infinity : difference / standardError;
  if (z < INVITED_GAP.minZ) return null;
  return { invitedMean: a.mean, organicMean: b.mean, invitedCount: a.count, organicCount: b.count, z };
}
