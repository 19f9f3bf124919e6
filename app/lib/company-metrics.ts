// The metrics page of a company's members (/brand/:slug/metrics): its period and the shape
// of its figures, shared by the model (app/models/company-metrics.server.ts) and the page.
import { z } from "zod";
import type { CHANNELS, SUBJECT_KINDS } from "#db/enums";

/** The periods the page offers, in calendar months (UTC), the current month included. */
export const METRICS_PERIODS = [3, 6, 12, 24] as const;
export type MetricsPeriod = (typeof METRICS_PERIODS)[number];
export const DEFAULT_METRICS_PERIOD: MetricsPeriod = 12;

const periodSchema = z.coerce.number().int();

/** The period of `?months=`: one the page offers, or the default (12) for anything else. */
export function parseMetricsPeriod(value: string | null): MetricsPeriod {
  const parsed = periodSchema.safeParse(value);
  return METRICS_PERIODS.find((p) => parsed.success && p === parsed.data) ?? DEFAULT_METRICS_PERIOD;
}

/** Published reviews of a month, a subject or a channel: how many, their mean stars (one
 *  decimal, never rounded up; null when there is none) and how many the company answered. */
export interface ReviewTally {
  reviewCount: number;
  averageStars: number | null;
  answeredCount: number;
}

export interface MonthMetrics extends ReviewTally {
  /** "YYYY-MM", a UTC calendar month. */
  month: string;
  /** The TrustScore (all reviews) as it stood at the end of the month — now, for the
   *  current month: the score of the company page. Null before the first review. */
  trustScore: number | null;
}

export interface SubjectMetrics extends ReviewTally {
  id: number;
  name: string;
  kind: (typeof SUBJECT_KINDS)[number];
}

export interface ChannelMetrics extends ReviewTally {
  channel: (typeof CHANNELS)[number];
}

export interface CompanyMetrics {
  months: MetricsPeriod;
  /** Start of the first month of the period, and the moment the figures were computed. */
  from: number;
  to: number;
  byMonth: MonthMetrics[];
  /** The reviews published in the period. */
  total: ReviewTally & {
    trustScore: number | null;
    negativeCount: number;
    negativeAnswered: number;
    /** ms; null when no review of the kind was answered. */
    medianReplyDelay: number | null;
    negativeMedianReplyDelay: number | null;
    recommendYes: number;
    recommendNo: number;
    resolvedCount: number;
  };
  /** Flags filed in the company's name in the period, the distinct reviews they were
   *  about, and how many moderators decided and upheld. */
  flags: { filed: number; flaggedReviews: number; decided: number; upheld: number };
  bySubject: SubjectMetrics[];
  byChannel: ChannelMetrics[];
}

/** part / whole, or null when there is no whole. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
