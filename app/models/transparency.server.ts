// Live figures for /transparency, /transparency.json and /transparency.csv, read from the
// append-only moderation log (moderation_decisions) and the flags, appeals and reviews
// tables — never from a counter kept elsewhere, so that each figure is an SQL
// recomputation over the log (tests/integration/transparency-figures.test.ts checks it).
//
// The period: the last 12 calendar months in UTC, the current month included (so far).
// Every count is given for the whole period and for each month; a month without data is
// there with zeros (and null for a delay no decision measured). What each figure counts:
//   decisions       rows of the log made in the month, by target, reason, outcome and
//                   automatic or human (staff role changes are not moderation: left out);
//   flags           reports received in the month, by reporter type and how they stand now;
//   time to decision (ms)
//     flag          from a report to the decision on it, for reports decided in the month;
//     held          from a review's hold to the decision publishing or refusing it, for
//                   those decisions made in the month (the automatic publications included);
//                   median (the mean of the two middle values when their number is even)
//                   and 90th percentile (nearest rank: the ceil(0.9 n)-th smallest);
//   held            held reviews decided in the month, and how many of those the deadline
//                   job published automatically (share: auto / decided, null when none);
//   appeals         appeals made in the month, by how they stand now.
// The JSON and CSV shapes are documented in toTransparencyJson and toTransparencyCsv.
import { and, count, gte, inArray, lte, notInArray, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { appeals, flags, moderationDecisions, REPORTER_TYPES, reviews } from "#db/schema";
import { HELD_DECISIONS } from "~/lib/held-review";
import type { DecisionCount, Delays, FlagCounts, Figures, ReporterType, TransparencyReport } from "~/lib/transparency";
import { CATEGORY_DECISIONS } from "./category-admin.server";
import { STAFF_ROLE_DECISIONS } from "./moderation-team.server";

/** The version of the JSON and CSV shapes: bumped on any change that is not an addition. */
export const TRANSPARENCY_SCHEMA = "replique.transparency/1";
export const TRANSPARENCY_MONTHS = 12;
export type { DecisionCount, Delays, FlagCounts, Figures, TransparencyReport };

// ─── Periods ──────────────────────────────────────────────────────────────────

/** The months of the report: the current UTC month and the 11 before it, oldest first. */
export function reportMonths(now: number, months = TRANSPARENCY_MONTHS): { month: string; from: number }[] {
  const d = new Date(now);
  const out: { month: string; from: number }[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1);
    out.push({ month: new Date(from).toISOString().slice(0, 7), from });
  }
  return out;
}

/** The UTC month ("YYYY-MM") of an epoch-ms column, in SQL. */
const monthOf = (column: unknown) => sql<string>`strftime('%Y-%m', ${column} / 1000, 'unixepoch')`;

// ─── Statistics ───────────────────────────────────────────────────────────────

/** Median (mean of the two middle values for an even count) and nearest-rank 90th
 *  percentile of `values`; nulls when there are none. */
export function delayFigures(values: readonly number[]): Delays {
  if (values.length === 0) return { count: 0, medianMs: null, p90Ms: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const medianMs = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const p90Ms = sorted[Math.ceil(0.9 * n) - 1]!;
  return { count: n, medianMs, p90Ms };
}

const emptyFlags = (): FlagCounts => ({ total: 0, upheld: 0, dismissed: 0, pending: 0 });

function emptyFigures(): Figures {
  return {
    decisions: { total: 0, automated: 0, human: 0, byReasonOutcome: [] },
    flags: { total: 0, byReporter: Object.fromEntries(REPORTER_TYPES.map((t) => [t, emptyFlags()])) as Record<ReporterType, FlagCounts> },
    timeToDecision: { flag: delayFigures([]), held: delayFigures([]) },
    held: { decided: 0, autoPublished: 0, autoPublishedShare: null },
    appeals: { received: 0, upheld: 0, overturned: 0, pending: 0 },
  };
}

const isReporterType = (value: string): value is ReporterType => (REPORTER_TYPES as readonly string[]).includes(value);
const byDecisionKey = (a: DecisionCount, b: DecisionCount) =>
  a.target.localeCompare(b.target) ||
  a.reason.localeCompare(b.reason) ||
  a.outcome.localeCompare(b.outcome) ||
  Number(a.automated) - Number(b.automated);

/** The figures being added up: the whole period's and each month's. */
interface Tally {
  from: number;
  now: number;
  total: Figures;
  perMonth: Map<string, Figures>;
  /** The month's figures and the period's, for a row of that month (none outside the period). */
  both(month: string): Figures[];
}

/** Every figure of the last 12 months, for the period and per month (see the top). */
export function getTransparencyReport(now = Date.now(), db: Db = getDb()): TransparencyReport {
  const months = reportMonths(now);
  const perMonth = new Map(months.map((m) => [m.month, emptyFigures()]));
  const total = emptyFigures();
  const tally: Tally = {
    from: months[0]!.from,
    now,
    total,
    perMonth,
    both: (month) => {
      const f = perMonth.get(month);
      return f ? [f, total] : [];
    },
  };
  addDecisions(db, tally);
  addFlags(db, tally);
  addDelays(db, tally);
  addAppeals(db, tally);
  return { generatedAt: now, from: tally.from, to: now, total, months: months.map((m) => ({ ...m, figures: perMonth.get(m.month)! })) };
}

/** Decisions, by month, target, reason, outcome and automatic or human. */
function addDecisions(db: Db, { from, now, total, perMonth, both }: Tally) {
  const decisionRows = db
    .select({
      month: monthOf(moderationDecisions.createdAt),
      target: moderationDecisions.targetType,
      reason: moderationDecisions.reason,
      outcome: moderationDecisions.decision,
      automated: moderationDecisions.automated,
      count: count(),
    })
    .from(moderationDecisions)
    .where(
      and(
        gte(moderationDecisions.createdAt, from),
        lte(moderationDecisions.createdAt, now),
        notInArray(moderationDecisions.decision, [...STAFF_ROLE_DECISIONS, ...CATEGORY_DECISIONS]),
      ),
    )
    .groupBy(
      sql`1`,
      moderationDecisions.targetType,
      moderationDecisions.reason,
      moderationDecisions.decision,
      moderationDecisions.automated,
    )
    .all();
  const totals = new Map<string, DecisionCount>();
  for (const row of decisionRows) {
    const [month, all] = both(row.month);
    if (!month || !all) continue;
    const entry = { target: row.target, reason: row.reason, outcome: row.outcome, automated: row.automated, count: row.count };
    month.decisions.byReasonOutcome.push(entry);
    const key = `${row.target}\u0000${row.reason}\u0000${row.outcome}\u0000${row.automated}`;
    const sum = totals.get(key) ?? { ...entry, count: 0 };
    sum.count += row.count;
    totals.set(key, sum);
    for (const f of [month, all]) {
      f.decisions.total += row.count;
      if (row.automated) f.decisions.automated += row.count;
      else f.decisions.human += row.count;
    }
  }
  total.decisions.byReasonOutcome = [...totals.values()];
  for (const f of [total, ...perMonth.values()]) f.decisions.byReasonOutcome.sort(byDecisionKey);
}

/** Flags received, by reporter type and how they stand now. */
function addFlags(db: Db, { from, now, both }: Tally) {
  const flagRows = db
    .select({
      month: monthOf(flags.createdAt),
      reporterType: flags.reporterType,
      total: count(),
      upheld: sql<number>`coalesce(sum(${flags.status} = 'upheld'), 0)`.mapWith(Number),
      dismissed: sql<number>`coalesce(sum(${flags.status} = 'dismissed'), 0)`.mapWith(Number),
      pending: sql<number>`coalesce(sum(${flags.status} = 'pending'), 0)`.mapWith(Number),
    })
    .from(flags)
    .where(and(gte(flags.createdAt, from), lte(flags.createdAt, now)))
    .groupBy(sql`1`, flags.reporterType)
    .all();
  for (const row of flagRows) {
    if (!isReporterType(row.reporterType)) continue;
    for (const f of both(row.month)) {
      const c = f.flags.byReporter[row.reporterType];
      c.total += row.total;
      c.upheld += row.upheld;
      c.dismissed += row.dismissed;
      c.pending += row.pending;
      f.flags.total += row.total;
    }
  }
}

/** Times to decision (reports decided in the period; held reviews published or refused in
 *  it, with the time since the hold) and the share of held reviews published automatically. */
function addDelays(db: Db, { from, now, total, perMonth, both }: Tally) {
  const flagDelays = db
    .select({ month: monthOf(flags.decidedAt), delay: sql<number>`${flags.decidedAt} - ${flags.createdAt}`.mapWith(Number) })
    .from(flags)
    .where(and(gte(flags.decidedAt, from), lte(flags.decidedAt, now)))
    .all();
  const heldSince = sql`coalesce(${reviews.heldAt}, ${reviews.createdAt})`;
  const heldRows = db
    .select({
      month: monthOf(moderationDecisions.createdAt),
      delay: sql<number>`${moderationDecisions.createdAt} - ${heldSince}`.mapWith(Number),
      auto: sql<number>`${moderationDecisions.automated} = 1 AND ${moderationDecisions.decision} = 'publish'`.mapWith(Number),
    })
    .from(moderationDecisions)
    .innerJoin(reviews, sql`${reviews.id} = ${moderationDecisions.targetId}`)
    .where(
      and(
        sql`${moderationDecisions.targetType} = 'review'`,
        inArray(moderationDecisions.decision, [...HELD_DECISIONS]),
        gte(moderationDecisions.createdAt, from),
        lte(moderationDecisions.createdAt, now),
        // A decision before the hold the review is known by (held again since) measures nothing.
        sql`${moderationDecisions.createdAt} >= ${heldSince}`,
      ),
    )
    .all();

  const delays = new Map<string, { flag: number[]; held: number[] }>();
  const delaysOf = (month: string) => {
    let d = delays.get(month);
    if (!d) delays.set(month, (d = { flag: [], held: [] }));
    return d;
  };
  const all = { flag: [] as number[], held: [] as number[] };
  for (const row of flagDelays) {
    if (!perMonth.has(row.month)) continue;
    delaysOf(row.month).flag.push(row.delay);
    all.flag.push(row.delay);
  }
  for (const row of heldRows) {
    if (!perMonth.has(row.month)) continue;
    delaysOf(row.month).held.push(row.delay);
    all.held.push(row.delay);
    for (const f of both(row.month)) {
      f.held.decided++;
      if (row.auto) f.held.autoPublished++;
    }
  }
  for (const [month, f] of perMonth) {
    const d = delays.get(month) ?? { flag: [], held: [] };
    f.timeToDecision = { flag: delayFigures(d.flag), held: delayFigures(d.held) };
  }
  total.timeToDecision = { flag: delayFigures(all.flag), held: delayFigures(all.held) };
  for (const f of [total, ...perMonth.values()]) {
    f.held.autoPublishedShare = f.held.decided > 0 ? f.held.autoPublished / f.held.decided : null;
  }
}

/** Appeals counted by how they stand now. */
const appealCounts = () => ({
  received: count(),
  upheld: sql<number>`coalesce(sum(${appeals.status} = 'upheld'), 0)`.mapWith(Number),
  overturned: sql<number>`coalesce(sum(${appeals.status} = 'overturned'), 0)`.mapWith(Number),
  pending: sql<number>`coalesce(sum(${appeals.status} = 'pending'), 0)`.mapWith(Number),
});

/** Appeals made in the period, by how they stand now. */
function addAppeals(db: Db, { from, now, both }: Tally) {
  const appealRows = db
    .select({ month: monthOf(appeals.createdAt), ...appealCounts() })
    .from(appeals)
    .where(and(gte(appeals.createdAt, from), lte(appeals.createdAt, now)))
    .groupBy(sql`1`)
    .all();
  for (const row of appealRows) {
    for (const f of both(row.month)) {
      f.appeals.received += row.received;
      f.appeals.upheld += row.upheld;
      f.appeals.overturned += row.overturned;
      f.appeals.pending += row.pending;
    }
  }
}

// ─── Downloads ────────────────────────────────────────────────────────────────

/** The reporter types as the downloads name them. */
export const REPORTER_KEYS: Record<ReporterType, string> = {
  consumer: "reader",
  company: "company",
  notifier: "anonymous_notifier",
  moderator: "moderator",
  automatic: "automatic",
};

function figuresJson(f: Figures) {
  return {
    decisions: {
      total: f.decisions.total,
      automated: f.decisions.automated,
      human: f.decisions.human,
      by_reason_outcome: f.decisions.byReasonOutcome.map((d) => ({
        target: d.target,
        reason: d.reason,
        outcome: d.outcome,
        automated: d.automated,
        count: d.count,
      })),
    },
    flags: {
      total: f.flags.total,
      by_reporter_type: Object.fromEntries(REPORTER_TYPES.map((t) => [REPORTER_KEYS[t], f.flags.byReporter[t]])),
    },
    time_to_decision_ms: {
      flag: { count: f.timeToDecision.flag.count, median: f.timeToDecision.flag.medianMs, p90: f.timeToDecision.flag.p90Ms },
      held: { count: f.timeToDecision.held.count, median: f.timeToDecision.held.medianMs, p90: f.timeToDecision.held.p90Ms },
    },
    held_reviews: {
      decided: f.held.decided,
      auto_published: f.held.autoPublished,
      auto_published_share: f.held.autoPublishedShare,
    },
    appeals: f.appeals,
  };
}

/**
 * /transparency.json (schema "replique.transparency/1"):
 *   { schema, generated_at, period: { from, to, months, time_zone: "UTC" },
 *     total: Figures, months: [{ month: "YYYY-MM", ...Figures }] (oldest first, 12) }
 * where Figures is
 *   { decisions: { total, automated, human, by_reason_outcome: [{ target, reason, outcome, automated, count }] },
 *     flags: { total, by_reporter_type: { reader|company|anonymous_notifier|moderator|automatic: { total, upheld, dismissed, pending } } },
 *     time_to_decision_ms: { flag: { count, median, p90 }, held: { count, median, p90 } },
 *     held_reviews: { decided, auto_published, auto_published_share },
 *     appeals: { received, upheld, overturned, pending } }
 * Times are ISO 8601; delays in milliseconds; null where nothing was measured.
 */
export function toTransparencyJson(report: TransparencyReport) {
  return {
    schema: TRANSPARENCY_SCHEMA,
    generated_at: new Date(report.generatedAt).toISOString(),
    period: {
      from: new Date(report.from).toISOString(),
      to: new Date(report.to).toISOString(),
      months: report.months.length,
      time_zone: "UTC",
    },
    total: figuresJson(report.total),
    months: report.months.map((m) => ({ month: m.month, ...figuresJson(m.figures) })),
  };
}

/** The figures of one month (or the period) as (figure, value) pairs, the CSV's rows. The
 *  decision combinations are those of `combos`, so that every month has the same rows. */
function figureRows(f: Figures, combos: readonly DecisionCount[]): [string, number | null][] {
  const rows: [string, number | null][] = [
    ["decisions.total", f.decisions.total],
    ["decisions.automated", f.decisions.automated],
    ["decisions.human", f.decisions.human],
  ];
  for (const c of combos) {
    const found = f.decisions.byReasonOutcome.find(
      (d) => d.target === c.target && d.reason === c.reason && d.outcome === c.outcome && d.automated === c.automated,
    );
    rows.push([`decisions.${c.target}.${c.reason}.${c.outcome}.${c.automated ? "automated" : "human"}`, found?.count ?? 0]);
  }
  rows.push(["flags.total", f.flags.total]);
  for (const t of REPORTER_TYPES) {
    for (const k of ["total", "upheld", "dismissed", "pending"] as const)
      rows.push([`flags.${REPORTER_KEYS[t]}.${k}`, f.flags.byReporter[t][k]]);
  }
  for (const kind of ["flag", "held"] as const) {
    const d = f.timeToDecision[kind];
    rows.push(
      [`time_to_decision_ms.${kind}.count`, d.count],
      [`time_to_decision_ms.${kind}.median`, d.medianMs],
      [`time_to_decision_ms.${kind}.p90`, d.p90Ms],
    );
  }
  rows.push(
    ["held_reviews.decided", f.held.decided],
    ["held_reviews.auto_published", f.held.autoPublished],
    ["held_reviews.auto_published_share", f.held.autoPublishedShare],
    ["appeals.received", f.appeals.received],
    ["appeals.upheld", f.appeals.upheld],
    ["appeals.overturned", f.appeals.overturned],
    ["appeals.pending", f.appeals.pending],
  );
  return rows;
}

export const TRANSPARENCY_CSV_HEADER = "month,figure,value";

/**
 * /transparency.csv: a header `month,figure,value`, then one row per month × figure, the
 * months oldest first ("YYYY-MM"), then the period's rows with month "total". Figures are
 * the dotted paths of the JSON (decisions.<target>.<reason>.<outcome>.<automated|human>
 * for each combination seen in the period; flags.<reporter_type>.<status>; …); a value is
 * empty where the JSON has null. Every month has the same figures, in the same order.
 */
export function toTransparencyCsv(report: TransparencyReport): string {
  const combos = report.total.decisions.byReasonOutcome;
  const lines = [TRANSPARENCY_CSV_HEADER];
  const add = (month: string, f: Figures) => {
    for (const [figure, value] of figureRows(f, combos)) lines.push(`${month},${csvField(figure)},${value ?? ""}`);
  };
  for (const m of report.months) add(m.month, m.figures);
  add("total", report.total);
  return `${lines.join("\r\n")}\r\n`;
}

/** Reasons and outcomes are ids from the code, but a log row is text: quote when needed. */
function csvField(value: string) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ─── The rolling-year summary (kept for callers of the earlier shape) ─────────

const YEAR_MS = 365 * 86_400_000;

export interface TransparencyStats {
  decisions: { reason: string; decision: string; automated: boolean; count: number }[];
  flagsByReporter: { reporterType: string; total: number; upheld: number; dismissed: number; pending: number }[];
  medianFlagDecisionMs: number | null;
  publishedReviews: number;
  heldNow: number;
  /** Appeals made in the period, by how they stand (app/models/appeals.server.ts). */
  appeals: { received: number; upheld: number; overturned: number; pending: number };
}

export function getTransparencyStats(now = Date.now()): TransparencyStats {
  const db = getDb();
  const client = db.$client;
  const since = now - YEAR_MS;
  const decisions = client
    .prepare<[since: number], { reason: string; decision: string; automated: number; count: number }>(
      `SELECT reason, decision, automated, count(*) AS count FROM moderation_decisions
       WHERE created_at >= ? AND target_type IN ('review', 'reply', 'follow_up')
       GROUP BY reason, decision, automated ORDER BY count DESC`,
    )
    .all(since)
    .map((d) => ({ ...d, automated: d.automated === 1 }));
  const flagsByReporter = client
    .prepare<[since: number], TransparencyStats["flagsByReporter"][number]>(
      `SELECT reporter_type AS reporterType, count(*) AS total, sum(status = 'upheld') AS upheld,
              sum(status = 'dismissed') AS dismissed, sum(status = 'pending') AS pending
       FROM flags WHERE created_at >= ? GROUP BY reporter_type ORDER BY total DESC`,
    )
    .all(since);
  // count(*) without GROUP BY: always one row.
  const decided = client
    .prepare<[since: number], { n: number }>(`SELECT count(*) AS n FROM flags WHERE decided_at IS NOT NULL AND created_at >= ?`)
    .get(since)!;
  let medianFlagDecisionMs: number | null = null;
  if (decided.n > 0) {
    const middle = client
      .prepare<[since: number, limit: number, offset: number], { delay: number }>(
        `SELECT decided_at - created_at AS delay FROM flags WHERE decided_at IS NOT NULL AND created_at >= ?
         ORDER BY delay LIMIT ? OFFSET ?`,
      )
      .all(since, 2 - (decided.n % 2), Math.floor((decided.n - 1) / 2));
    medianFlagDecisionMs = middle.reduce((s, r) => s + r.delay, 0) / middle.length;
  }
  const counts = client
    .prepare<[], { published: number; held: number }>(
      `SELECT (SELECT coalesce(sum(review_count), 0) FROM rating_stats WHERE scope = 'company') AS published,
              (SELECT count(*) FROM reviews WHERE status = 'held') AS held`,
    )
    .get()!;
  return {
    decisions,
    flagsByReporter,
    medianFlagDecisionMs,
    publishedReviews: counts.published,
    heldNow: counts.held,
    appeals: appealFigures(db, since),
  };
}

/** The appeals made since `since`, by how they stand now. */
function appealFigures(db: Db, since: number) {
  const row = db.select(appealCounts()).from(appeals).where(gte(appeals.createdAt, since)).get();
  return { received: row?.received ?? 0, upheld: row?.upheld ?? 0, overturned: row?.overturned ?? 0, pending: row?.pending ?? 0 };
}
