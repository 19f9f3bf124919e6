// The shape of the live figures of /transparency (computed by app/models/transparency.server.ts),
// for the components that show them.
import type { REPORTER_TYPES } from "#db/enums";

export type ReporterType = (typeof REPORTER_TYPES)[number];

export interface DecisionCount {
  target: string;
  reason: string;
  outcome: string;
  automated: boolean;
  count: number;
}

export interface FlagCounts {
  total: number;
  upheld: number;
  dismissed: number;
  pending: number;
}

export interface Delays {
  /** How many delays were measured. */
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface Figures {
  decisions: { total: number; automated: number; human: number; byReasonOutcome: DecisionCount[] };
  flags: { total: number; byReporter: Record<ReporterType, FlagCounts> };
  timeToDecision: { flag: Delays; held: Delays };
  held: { decided: number; autoPublished: number; autoPublishedShare: number | null };
  appeals: { received: number; upheld: number; overturned: number; pending: number };
}

export interface TransparencyReport {
  generatedAt: number;
  /** Start of the first month (inclusive) and the time of the report (inclusive). */
  from: number;
  to: number;
  total: Figures;
  /** Oldest first, TRANSPARENCY_MONTHS of them, each "YYYY-MM". */
  months: { month: string; from: number; figures: Figures }[];
}
