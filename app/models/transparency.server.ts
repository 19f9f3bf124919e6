// Live figures for /transparency, read from the moderation log and the flags.
import { getDb } from "#db/client.server";
import { appealFigures } from "./appeals.server";

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
  const client = getDb().$client;
  const since = now - YEAR_MS;
  const decisions = (
    client
      .prepare(
        `SELECT reason, decision, automated, count(*) AS count FROM moderation_decisions
         WHERE created_at >= ? AND target_type IN ('review', 'reply', 'follow_up')
         GROUP BY reason, decision, automated ORDER BY count DESC`,
      )
      .all(since) as { reason: string; decision: string; automated: number; count: number }[]
  ).map((d) => ({ ...d, automated: d.automated === 1 }));
  const flagsByReporter = client
    .prepare(
      `SELECT reporter_type AS reporterType, count(*) AS total, sum(status = 'upheld') AS upheld,
              sum(status = 'dismissed') AS dismissed, sum(status = 'pending') AS pending
       FROM flags WHERE created_at >= ? GROUP BY reporter_type ORDER BY total DESC`,
    )
    .all(since) as TransparencyStats["flagsByReporter"];
  const decided = client
    .prepare(`SELECT count(*) AS n FROM flags WHERE decided_at IS NOT NULL AND created_at >= ?`)
    .get(since) as { n: number };
  let medianFlagDecisionMs: number | null = null;
  if (decided.n > 0) {
    const middle = client
      .prepare(
        `SELECT decided_at - created_at AS delay FROM flags WHERE decided_at IS NOT NULL AND created_at >= ?
         ORDER BY delay LIMIT ? OFFSET ?`,
      )
      .all(since, 2 - (decided.n % 2), Math.floor((decided.n - 1) / 2)) as { delay: number }[];
    medianFlagDecisionMs = middle.reduce((s, r) => s + r.delay, 0) / middle.length;
  }
  const counts = client
    .prepare(
      `SELECT (SELECT coalesce(sum(review_count), 0) FROM rating_stats WHERE scope = 'company') AS published,
              (SELECT count(*) FROM reviews WHERE status = 'held') AS held`,
    )
    .get() as { published: number; held: number };
  return {
    decisions,
    flagsByReporter,
    medianFlagDecisionMs,
    publishedReviews: counts.published,
    heldNow: counts.held,
    appeals: appealFigures(since),
  };
}
