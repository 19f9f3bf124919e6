// The counters behind every public score: rating_stats rows per company and per
// subject and per origin label, users.review_count and companies.last_review_at.
// Every function here runs inside the caller's transaction, so that a counter moves
// in the same transaction as the write that changes it.
import type Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { anchoredWeight, anchoredWeightSql } from "~/lib/trustscore";
import { replies, reviews, type ORIGINS } from "#db/schema";

export interface CountedReview {
  companyId: number;
  subjectId: number;
  authorId: number | null;
  origin: (typeof ORIGINS)[number];
  stars: number;
  recommend: boolean | null;
  publishedAt: number;
  /** Publication time of its reply, when the reply is published. */
  replyPublishedAt: number | null;
  resolvedAt: number | null;
}

/** A review's columns as read from its row (recommend as SQLite's 0/1), and its reply's
 *  time when the reply is published, else null: what countedFacts turns into CountedReview. */
type CountedRow = Omit<CountedReview, "recommend" | "publishedAt"> & { recommend: number | boolean | null; publishedAt: number | null };

/** The facts the counters need, from a review row (a published one). */
export function countedFacts(row: CountedRow): CountedReview {
  return {
    companyId: row.companyId,
    subjectId: row.subjectId,
    authorId: row.authorId,
    origin: row.origin,
    stars: row.stars,
    recommend: row.recommend == null ? null : Boolean(row.recommend),
    publishedAt: row.publishedAt!,
    replyPublishedAt: row.replyPublishedAt,
    resolvedAt: row.resolvedAt,
  };
}

/** A review's counted facts as they are now (with its published reply's time) and its
 *  status, or undefined when there is no such review; publishedAt is null until published. */
export function readCountedFacts(db: Db, reviewId: number) {
  return db
    .select({
      companyId: reviews.companyId,
      subjectId: reviews.subjectId,
      authorId: reviews.authorId,
      origin: reviews.origin,
      stars: reviews.stars,
      recommend: reviews.recommend,
      status: reviews.status,
      publishedAt: reviews.publishedAt,
      resolvedAt: reviews.resolvedAt,
      replyPublishedAt: replies.publishedAt,
    })
    .from(reviews)
    .leftJoin(replies, and(eq(replies.reviewId, reviews.id), eq(replies.status, "published")))
    .where(eq(reviews.id, reviewId))
    .get();
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(client: Database.Database) {
  return {
    upsert: client.prepare(`
      INSERT INTO rating_stats (scope, scope_id, origin, review_count, star1, star2, star3, star4, star5,
        star_sum, weighted_star_sum, weight_sum, recommend_yes, recommend_no, reply_count, reply_delay_sum, resolved_count)
      VALUES (@scope, @scopeId, @origin, @reviewCount, @star1, @star2, @star3, @star4, @star5,
        @starSum, @weightedStarSum, @weightSum, @recommendYes, @recommendNo, @replyCount, @replyDelaySum, @resolvedCount)
      ON CONFLICT (scope, scope_id, origin) DO UPDATE SET
        review_count = review_count + excluded.review_count,
        star1 = star1 + excluded.star1, star2 = star2 + excluded.star2, star3 = star3 + excluded.star3,
        star4 = star4 + excluded.star4, star5 = star5 + excluded.star5,
        star_sum = star_sum + excluded.star_sum,
        weighted_star_sum = weighted_star_sum + excluded.weighted_star_sum,
        weight_sum = weight_sum + excluded.weight_sum,
        recommend_yes = recommend_yes + excluded.recommend_yes,
        recommend_no = recommend_no + excluded.recommend_no,
        reply_count = reply_count + excluded.reply_count,
        reply_delay_sum = reply_delay_sum + excluded.reply_delay_sum,
        resolved_count = resolved_count + excluded.resolved_count`),
    userCount: client.prepare(`UPDATE users SET review_count = review_count + ? WHERE id = ?`),
    lastReview: client.prepare(`UPDATE companies SET last_review_at = max(coalesce(last_review_at, 0), ?) WHERE id = ?`),
  };
}

function stmts(db: Db) {
  let s = statements.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    statements.set(db.$client, s);
  }
  return s;
}

type Delta = Record<string, number | string>;

function applyDelta(
  db: Db,
  review: Pick<CountedReview, "companyId" | "subjectId" | "origin">,
  delta: Omit<Delta, "scope" | "scopeId" | "origin">,
) {
  const zero = {
    reviewCount: 0,
    star1: 0,
    star2: 0,
    star3: 0,
    star4: 0,
    star5: 0,
    starSum: 0,
    weightedStarSum: 0,
    weightSum: 0,
    recommendYes: 0,
    recommendNo: 0,
    replyCount: 0,
    replyDelaySum: 0,
    resolvedCount: 0,
  };
  const { upsert } = stmts(db);
  upsert.run({ ...zero, ...delta, scope: "company", scopeId: review.companyId, origin: review.origin });
  upsert.run({ ...zero, ...delta, scope: "subject", scopeId: review.subjectId, origin: review.origin });
}

/** Adds (sign 1) or takes away (sign −1) a published review from every counter. */
export function countReview(db: Db, review: CountedReview, sign: 1 | -1) {
  const w = anchoredWeight(review.publishedAt);
  const replied = review.replyPublishedAt != null;
  applyDelta(db, review, {
    reviewCount: sign,
    [`star${review.stars}`]: sign,
    starSum: sign * review.stars,
    weightedStarSum: sign * review.stars * w,
    weightSum: sign * w,
    recommendYes: review.recommend === true ? sign : 0,
    recommendNo: review.recommend === false ? sign : 0,
    replyCount: replied ? sign : 0,
    replyDelaySum: replied ? sign * Math.max(0, review.replyPublishedAt! - review.publishedAt) : 0,
    resolvedCount: review.resolvedAt != null ? sign : 0,
  });
  const s = stmts(db);
  if (review.authorId != null) s.userCount.run(sign, review.authorId);
  if (sign === 1) s.lastReview.run(review.publishedAt, review.companyId);
}

/** A reply was published (1) or removed (−1) on a review that counts. */
export function countReply(db: Db, review: Omit<CountedReview, "replyPublishedAt">, replyPublishedAt: number, sign: 1 | -1) {
  applyDelta(db, review, {
    replyCount: sign,
    replyDelaySum: sign * Math.max(0, replyPublishedAt - review.publishedAt),
  });
}

/** The reviewer marked (1) or unmarked (−1) the review "resolved by the company". */
export function countResolved(db: Db, review: CountedReview, sign: 1 | -1) {
  applyDelta(db, review, { resolvedCount: sign });
}

/** Rebuilds every counter from the reviews (after a bulk load, or to repair). */
export function rebuildAllStats(db: Db) {
  const client = db.$client;
  client.transaction(() => {
    client.exec(`DELETE FROM rating_stats`);
    for (const [scope, column] of [
      ["company", "company_id"],
      ["subject", "subject_id"],
    ] as const) {
      client
        .prepare(
          `INSERT INTO rating_stats (scope, scope_id, origin, review_count, star1, star2, star3, star4, star5,
             star_sum, weighted_star_sum, weight_sum, recommend_yes, recommend_no, reply_count, reply_delay_sum, resolved_count)
           SELECT '${scope}', r.${column}, r.origin, count(*),
             sum(r.stars = 1), sum(r.stars = 2), sum(r.stars = 3), sum(r.stars = 4), sum(r.stars = 5),
             sum(r.stars), sum(r.stars * ${anchoredWeightSql("r.published_at")}), sum(${anchoredWeightSql("r.published_at")}),
             coalesce(sum(r.recommend = 1), 0), coalesce(sum(r.recommend = 0), 0),
             count(p.id), coalesce(sum(max(0, p.published_at - r.published_at)), 0),
             sum(r.resolved_at IS NOT NULL)
           FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published'
           WHERE r.status = 'published'
           GROUP BY r.${column}, r.origin`,
        )
        .run();
    }
    client.exec(`UPDATE users SET review_count = (SELECT count(*) FROM reviews r WHERE r.author_id = users.id AND r.status = 'published')`);
    client.exec(
      `UPDATE companies SET last_review_at = (SELECT max(published_at) FROM reviews r WHERE r.company_id = companies.id AND r.status = 'published')`,
    );
  })();
}
