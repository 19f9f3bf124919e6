// A member's own data: the public profile, the JSON download of everything we keep about
// them, and the deletion of their account (reviews anonymised or removed, as they choose).
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { users } from "#db/schema";
import { countedFacts, countReview } from "./stats.server";
import type { ReviewRow } from "./review-submission.server";

/** A member as anyone may see them; null once the account is deleted. */
export function getPublicProfile(userId: number) {
  const row = getDb()
    .select({ id: users.id, displayName: users.displayName, reviewCount: users.reviewCount, createdAt: users.createdAt })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .get();
  return row ?? null;
}

/** The rows of one table of the download, as they are: their shape is the SQL's. */
function all<Row extends object = Record<string, unknown>>(db: Db, sql: string, ...params: (string | number)[]): Row[] {
  return db.$client.prepare<(string | number)[], Row>(sql).all(...params);
}

/** Everything we keep about a member, for the "download my data" button. No secret
 *  (password hash, session or token hashes) and nobody else's personal data. */
export function exportUserData(userId: number) {
  const db = getDb();
  const user = db.$client
    .prepare<[userId: number], Record<string, unknown>>(
      `SELECT id, email, email_verified_at AS emailVerifiedAt, display_name AS displayName, role, locale,
              suspended_at AS suspendedAt, suspended_reason AS suspendedReason, review_count AS reviewCount, created_at AS createdAt
       FROM users WHERE id = ?`,
    )
    .get(userId);
  if (!user) return null;
  const reviews = all(
    db,
    `SELECT r.id, c.name AS company, s.name AS subject, r.stars, r.title, r.body, r.language, r.experience_date AS experienceDate,
            r.channel, r.recommend, r.origin, r.status, r.held_check AS heldCheck, r.published_at AS publishedAt,
            r.edited_at AS editedAt, r.removed_at AS removedAt, r.removal_reason AS removalReason, r.deleted_at AS deletedAt,
            r.resolved_at AS resolvedAt, r.helpful_count AS helpfulCount, r.created_at AS createdAt
     FROM reviews r JOIN companies c ON c.id = r.company_id JOIN subjects s ON s.id = r.subject_id
     WHERE r.author_id = ? ORDER BY r.id`,
    userId,
  );
  const ids = JSON.stringify(reviews.map((r) => r.id));
  const revisions = all(
    db,
    `SELECT review_id AS reviewId, stars, title, body, experience_date AS experienceDate, channel, recommend, created_at AS createdAt
     FROM review_revisions WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ids,
  );
  const media = all(
    db,
    `SELECT review_id AS reviewId, kind, storage_key AS storageKey, mime, width, height, bytes, proof_status AS proofStatus, created_at AS createdAt
     FROM review_media WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ids,
  );
  const followUps = all(
    db,
    `SELECT review_id AS reviewId, body, status, published_at AS publishedAt, removed_at AS removedAt
     FROM follow_ups WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ids,
  );
  const replies = all(
    db,
    `SELECT p.review_id AS reviewId, c.name AS company, p.body, p.status, p.published_at AS publishedAt
     FROM replies p JOIN companies c ON c.id = p.company_id WHERE p.review_id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
    ids,
  );
  const byReview = <T extends Record<string, unknown>>(rows: T[], id: unknown) =>
    rows.filter((r) => r.reviewId === id).map(({ reviewId: _r, ...rest }) => rest);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    reviews: reviews.map((r) => ({
      ...r,
      versions: byReview(revisions, r.id),
      media: byReview(media, r.id),
      companyReply: byReview(replies, r.id)[0] ?? null,
      followUp: byReview(followUps, r.id)[0] ?? null,
    })),
    helpfulVotes: all(
      db,
      `SELECT review_id AS reviewId, created_at AS createdAt FROM helpful_votes WHERE user_id = ? ORDER BY created_at`,
      userId,
    ),
    flags: all(
      db,
      `SELECT target_type AS targetType, review_id AS reviewId, reason, explanation, status, created_at AS createdAt, decided_at AS decidedAt
       FROM flags WHERE reporter_user_id = ? ORDER BY id`,
      userId,
    ),
    conductReports: all(
      db,
      `SELECT kind, review_id AS reviewId, body, status, created_at AS createdAt FROM conduct_reports WHERE reporter_user_id = ? ORDER BY id`,
      userId,
    ),
    companyMemberships: all(
      db,
      `SELECT c.name AS company, m.role, m.created_at AS createdAt FROM company_members m JOIN companies c ON c.id = m.company_id WHERE m.user_id = ?`,
      userId,
    ),
    appeals: all(
      db,
      `SELECT decision_id AS decisionId, body, status, created_at AS createdAt FROM appeals WHERE appellant_user_id = ? ORDER BY id`,
      userId,
    ),
    notifications: all<{ kind: string; data: string; link: string | null; readAt: number | null; createdAt: number }>(
      db,
      `SELECT kind, data, link, read_at AS readAt, created_at AS createdAt FROM notifications WHERE user_id = ? ORDER BY id`,
      userId,
    ).map((n) => ({ ...n, data: safeJson(n.data) })),
    sessions: all(
      db,
      `SELECT created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt, ip, user_agent AS userAgent
       FROM sessions WHERE user_id = ? ORDER BY created_at`,
      userId,
    ),
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

export type ReviewChoice = "anonymise" | "remove";

/** Deletes an account in one transaction. Reviews are either anonymised (they stay, with
 *  no author: "Former member") or removed from the site and the scores (status deleted,
 *  kept internally per the retention policy). The user row stays (reviews and the
 *  moderation log keep a key to it) with its personal data erased. */
export function deleteAccount(userId: number, choice: ReviewChoice, now = Date.now()) {
  const db = getDb();
  db.$client
    .transaction(() => {
      const reviews = db.$client
        .prepare<[userId: number], ReviewRow>(
          `SELECT r.id, r.subject_id AS subjectId, r.company_id AS companyId, r.author_id AS authorId, r.origin, r.stars,
                r.recommend, r.status, r.held_check AS heldCheck, r.held_at AS heldAt, r.published_at AS publishedAt,
                r.resolved_at AS resolvedAt, p.published_at AS replyPublishedAt
         FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published'
         WHERE r.author_id = ?`,
        )
        .all(userId);
      for (const r of reviews) {
        if (choice === "remove") {
          if (r.status === "published") countReview(db, countedFacts(r), -1);
          if (r.status !== "deleted")
            db.$client.prepare(`UPDATE reviews SET status = 'deleted', deleted_at = ? WHERE id = ?`).run(now, r.id);
        }
        // Anonymised or removed, the review no longer points at the person.
        db.$client.prepare(`UPDATE reviews SET author_id = NULL, ip_hash = NULL WHERE id = ?`).run(r.id);
      }
      // Votes go with the account (and the counts they made).
      db.$client
        .prepare(
          `UPDATE reviews SET helpful_count = max(0, helpful_count - 1)
         WHERE id IN (SELECT review_id FROM helpful_votes WHERE user_id = ?)`,
        )
        .run(userId);
      db.$client.prepare(`DELETE FROM helpful_votes WHERE user_id = ?`).run(userId);
      db.$client.prepare(`DELETE FROM notifications WHERE user_id = ?`).run(userId);
      db.$client.prepare(`DELETE FROM sessions WHERE user_id = ?`).run(userId);
      db.$client.prepare(`DELETE FROM email_tokens WHERE user_id = ?`).run(userId);
      db.$client.prepare(`DELETE FROM company_members WHERE user_id = ?`).run(userId);
      db.$client
        .prepare(
          `UPDATE users SET email = ?, display_name = ?, password_hash = NULL, email_verified_at = NULL,
           suspended_reason = NULL, review_count = 0, deleted_at = ? WHERE id = ?`,
        )
        .run(`deleted-${userId}@deleted.invalid`, "—", now, userId);
    })
    .immediate();
}

/** The password hash, to confirm a destructive action. */
export function getPasswordHash(userId: number): string | null {
  const row = getDb()
    .select({ h: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .get();
  return row?.h ?? null;
}
