// The retention purge promised on /transparency (#retention): removed and deleted content is
// kept offline for REMOVED_CONTENT_RETENTION_DAYS (app/lib/policy.ts), for appeals and the
// authorities, then erased by this job (jobs.server.ts runs it every hour):
//   - a review removed by moderation or deleted by its author that long ago: its title, text
//     and rendered text, the texts of every earlier version (review_revisions), and its
//     photos and proof (review_media rows and their files) are erased;
//   - a removed reply (and the texts of its versions) or follow-up: its text.
// What stays: the row as a tombstone (status, dates, reason, content_erased_at), and the
// moderation log, which is never touched. One transaction per item, conditional on the item
// still being removed (a restore in between wins); the files go after the commit, so a
// crash leaves at worst files without a row, which the upload sweep removes.
// The revision histories are append-only: their triggers (db/migrations/0014) let only
// this blanking through, once the review or reply is marked erased.
import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { followUps, replies, replyRevisions, reviewMedia, reviewRevisions, reviews } from "#db/schema";
import { REMOVED_CONTENT_RETENTION_DAYS } from "~/lib/policy";
import { discardImages } from "./media.server";

export const RETENTION_MS = REMOVED_CONTENT_RETENTION_DAYS * 86_400_000;
/** How often the purge runs: content is erased within this of the end of its retention. */
export const RETENTION_JOB_INTERVAL_MS = 60 * 60_000;
/** Items erased per kind and run (the next run takes the rest). */
const BATCH = 200;

export interface ErasureResult {
  reviews: number[];
  replies: number[];
  followUps: number[];
  files: number;
}

export async function eraseExpiredContent(options: { now?: number; db?: Db; limit?: number } = {}): Promise<ErasureResult> {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now();
  const cutoff = now - RETENTION_MS;
  const limit = options.limit ?? BATCH;
  const out: ErasureResult = { reviews: [], replies: [], followUps: [], files: 0 };

  // Reviews: removed by moderation, or deleted by their author, before the cutoff.
  const reviewDue = and(
    isNull(reviews.contentErasedAt),
    or(
      and(eq(reviews.status, "removed"), lte(reviews.removedAt, cutoff)),
      and(eq(reviews.status, "deleted"), lte(reviews.deletedAt, cutoff)),
    ),
  );
  const dueReviews = db.select({ id: reviews.id }).from(reviews).where(reviewDue).orderBy(reviews.id).limit(limit).all();
  for (const { id } of dueReviews) {
    const files = db.$client
      .transaction(() => {
        const changes = db
          .update(reviews)
          .set({ title: "", body: "", bodyHtml: "", contentErasedAt: now })
          .where(and(eq(reviews.id, id), reviewDue))
          .run().changes;
        if (changes !== 1) return null;
        db.update(reviewRevisions).set({ title: "", body: "" }).where(eq(reviewRevisions.reviewId, id)).run();
        return db
          .delete(reviewMedia)
          .where(eq(reviewMedia.reviewId, id))
          .returning({ storageKey: reviewMedia.storageKey, mime: reviewMedia.mime })
          .all();
      })
      .immediate();
    if (!files) continue;
    out.reviews.push(id);
    await discardImages(files);
    out.files += files.length;
  }

  // Replies removed by moderation before the cutoff, with the texts of their versions, oldest
  // first (replies_erasure_due_idx: the few still to erase, not every reply).
  const replyDue = and(isNull(replies.contentErasedAt), eq(replies.status, "removed"), lte(replies.removedAt, cutoff));
  const dueReplies = db.select({ id: replies.id }).from(replies).where(replyDue).orderBy(replies.removedAt, replies.id).limit(limit).all();
  for (const { id } of dueReplies) {
    const done = db.$client
      .transaction(() => {
        const changes = db
          .update(replies)
          .set({ body: "", bodyHtml: "", contentErasedAt: now })
          .where(and(eq(replies.id, id), replyDue))
          .run().changes;
        if (changes !== 1) return false;
        db.update(replyRevisions).set({ body: "" }).where(eq(replyRevisions.replyId, id)).run();
        return true;
      })
      .immediate();
    if (done) out.replies.push(id);
  }

  // Follow-ups removed by moderation before the cutoff.
  const followUpDue = and(isNull(followUps.contentErasedAt), eq(followUps.status, "removed"), lte(followUps.removedAt, cutoff));
  const erased = db
    .update(followUps)
    .set({ body: "", bodyHtml: "", contentErasedAt: now })
    .where(
      and(
        followUpDue,
        inArray(
          followUps.id,
          db.select({ id: followUps.id }).from(followUps).where(followUpDue).orderBy(followUps.removedAt, followUps.id).limit(limit),
        ),
      ),
    )
    .returning({ id: followUps.id })
    .all();
  out.followUps = erased.map((f) => f.id);
  return out;
}
