// The company's side of the conversation: the brand inbox and the replies.
//
// Writing a reply is one synchronous SQLite transaction (BEGIN IMMEDIATE): the reply row,
// its revision (every version, the first included), reviews.replied_at, the reply
// counters and the reviewer's notification commit together or not at all. Who may reply,
// for which company and on which review is derived here from the database, never from
// the form: a member of that (verified) company, on a published review of that company.
import { desc, eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { companies, replyRevisions } from "#db/schema";
import { renderMarkdown } from "~/lib/markdown.server";
import { mostSimilar } from "~/lib/similarity";
import type { Actor } from "./review-submission.server";
import { decodeCursor, getPublicReview, getPublishedReviews, REVIEW_PAGE_SIZE, type ReviewView } from "./reviews.server";
import { notifyReviewEvent } from "./notifications.server";
import { countReply, type CountedReview } from "./stats.server";
import type { MemberRole } from "./permissions.server";

/** Replies a member may publish or edit per hour (a runaway script, not a busy team). */
export const REPLY_RATE_LIMIT = { limit: 120, windowMs: 60 * 60_000 };

// ─── Companies of a member ────────────────────────────────────────────────────

export interface MemberCompany {
  id: number;
  slug: string;
  name: string;
  state: "unclaimed" | "claimed" | "verified" | "suspended" | string;
  role: MemberRole;
  awaiting: number;
}

/** The companies a user is a member of, with how many reviews await a reply. */
export function listMemberCompanies(userId: number): MemberCompany[] {
  return getDb()
    .$client.prepare<[userId: number], MemberCompany>(
      `SELECT c.id, c.slug, c.name, c.state, m.role,
              (SELECT count(*) FROM reviews r
                WHERE r.company_id = c.id AND r.status = 'published' AND r.replied_at IS NULL) AS awaiting
       FROM company_members m JOIN companies c ON c.id = m.company_id
       WHERE m.user_id = ? ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all(userId);
}

export interface BrandCompany {
  id: number;
  slug: string;
  name: string;
  state: string;
  verified: boolean;
}

export function getBrandCompany(slug: string): BrandCompany | null {
  const row = getDb()
    .select({ id: companies.id, slug: companies.slug, name: companies.name, state: companies.state })
    .from(companies)
    .where(eq(companies.slug, slug))
    .get();
  return row ? { ...row, verified: row.state === "verified" } : null;
}

// ─── The inbox ────────────────────────────────────────────────────────────────

export interface InboxPage {
  reviews: ReviewView[];
  nextCursor: string | null;
  awaitingCount: number;
}

type Phase = "a" | "r";

function encodeInboxCursor(phase: Phase, publishedAt: number, id: number) {
  return `${phase}${publishedAt}_${id}`;
}

function decodeInboxCursor(cursor: string | null | undefined): { phase: Phase; value: number; id: number } | null {
  const match = cursor?.match(/^([ar])(\d{1,16}_\d{1,12})$/);
  if (!match) return null;
  const rest = decodeCursor(match[2]);
  return rest ? { phase: match[1] as Phase, ...rest } : null;
}

/**
 * One page of a company's inbox: every published review across its subjects, those
 * awaiting a reply first, then the answered ones, each part newest first. Keyset
 * pagination in two phases (the cursor says which): awaiting reviews walk the partial
 * index reviews_company_awaiting_idx, answered ones the company feed index.
 */
export function listInbox(companyId: number, options: { before?: string | null; limit?: number } = {}): InboxPage {
  const limit = options.limit ?? REVIEW_PAGE_SIZE;
  const cursor = decodeInboxCursor(options.before);
  const rows: { id: number; publishedAt: number; phase: Phase }[] = [];
  const client = getDb().$client;
  const fetch = (phase: Phase, after: { value: number; id: number } | null, n: number) =>
    client
      .prepare<number[], { id: number; publishedAt: number }>(
        `SELECT id, published_at AS publishedAt FROM reviews
         WHERE company_id = ? AND status = 'published' AND published_at IS NOT NULL
           AND replied_at ${phase === "a" ? "IS NULL" : "IS NOT NULL"}
           ${after ? "AND (published_at, id) < (?, ?)" : ""}
         ORDER BY published_at DESC, id DESC LIMIT ?`,
      )
      .all(companyId, ...(after ? [after.value, after.id] : []), n)
      .map((r) => ({ ...r, phase }));

  if (!cursor || cursor.phase === "a") rows.push(...fetch("a", cursor, limit + 1));
  if (rows.length <= limit) {
    const after = cursor?.phase === "r" ? cursor : null;
    rows.push(...fetch("r", after, limit + 1 - rows.length));
  }
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const awaitingCount = client
    .prepare<[companyId: number], { n: number }>(
      `SELECT count(*) AS n FROM reviews WHERE company_id = ? AND status = 'published' AND replied_at IS NULL`,
    )
    .get(companyId)!.n;
  return {
    reviews: getPublishedReviews(page.map((r) => r.id)),
    nextCursor: hasMore && last ? encodeInboxCursor(last.phase, last.publishedAt, last.id) : null,
    awaitingCount,
  };
}

/** A published review of this company (null for another company's, or an unpublished one). */
export function getInboxReview(companyId: number, reviewId: number): ReviewView | null {
  const review = getPublicReview(reviewId);
  if (!review || review.status !== "published" || review.company.id !== companyId) return null;
  return review;
}

/** The same customer's other published reviews of this company, newest first. */
export function listCustomerReviews(companyId: number, review: ReviewView, limit = 10): ReviewView[] {
  if (!review.author) return [];
  const ids = getDb()
    .$client.prepare<[authorId: number, companyId: number, reviewId: number, limit: number], { id: number }>(
      `SELECT id FROM reviews
       WHERE author_id = ? AND company_id = ? AND id != ? AND status = 'published' AND published_at IS NOT NULL
       ORDER BY published_at DESC, id DESC LIMIT ?`,
    )
    .all(review.author.id, companyId, review.id, limit);
  return getPublishedReviews(ids.map((r) => r.id));
}

/** The Markdown of the current reply (for the edit form), with its status. */
export function getReplySource(reviewId: number): { id: number; body: string; status: "published" | "removed"; revisions: number } | null {
  return (
    getDb()
      .$client.prepare<[reviewId: number], { id: number; body: string; status: "published" | "removed"; revisions: number }>(
        `SELECT p.id, p.body, p.status, (SELECT count(*) FROM reply_revisions v WHERE v.reply_id = p.id) AS revisions
         FROM replies p WHERE p.review_id = ?`,
      )
      .get(reviewId) ?? null
  );
}

/** Every version of a reply, newest first (the first version included), for its editors. */
export function listReplyRevisions(replyId: number, limit = 50): { id: number; body: string; createdAt: number }[] {
  return getDb()
    .select({ id: replyRevisions.id, body: replyRevisions.body, createdAt: replyRevisions.createdAt })
    .from(replyRevisions)
    .where(eq(replyRevisions.replyId, replyId))
    .orderBy(desc(replyRevisions.id))
    .limit(limit)
    .all();
}

// ─── "This looks scripted" ────────────────────────────────────────────────────

/** How many of the company's latest replies the nudge compares a new reply with. */
export const SCRIPTED_COMPARE_LIMIT = 500;

export interface ScriptedMatch {
  similarity: number;
  reviewId: number;
  bodyHtml: string;
}

/** The company's earlier reply (on another review) most like `body`, when it is at
 *  least SCRIPTED_THRESHOLD similar; null otherwise. */
export function findScriptedMatch(companyId: number, reviewId: number, body: string): ScriptedMatch | null {
  const earlier = getDb()
    .$client.prepare<[companyId: number, reviewId: number, limit: number], { reviewId: number; body: string; bodyHtml: string }>(
      `SELECT review_id AS reviewId, body, body_html AS bodyHtml FROM replies
       WHERE company_id = ? AND review_id != ? AND status = 'published'
       ORDER BY published_at DESC, id DESC LIMIT ?`,
    )
    .all(companyId, reviewId, SCRIPTED_COMPARE_LIMIT);
  const best = mostSimilar(body, earlier);
  return best ? { similarity: best.similarity, reviewId: best.item.reviewId, bodyHtml: best.item.bodyHtml } : null;
}

// ─── Writing a reply ──────────────────────────────────────────────────────────

export type ReplyResult =
  | { ok: true; replyId: number; created: boolean }
  | { ok: false; kind: "forbidden" | "not_verified" | "not_found" | "not_allowed" | "locked" };

interface ReplyFacts {
  id: number;
  companyId: number;
  subjectId: number;
  authorId: number | null;
  origin: CountedReview["origin"];
  stars: number;
  recommend: number | null;
  status: string;
  publishedAt: number | null;
  resolvedAt: number | null;
  repliedAt: number | null;
  replyId: number | null;
  replyStatus: "published" | "removed" | null;
  replyPublishedAt: number | null;
}

/**
 * Publishes the company's reply to a review, or edits it (one reply per review: a second
 * post edits). `companyId` is the company the member acts for (from the URL); the review
 * must belong to it.
 */
export function saveReply(args: {
  actor: Actor;
  companyId: number;
  reviewId: number;
  body: string;
  now?: number;
  origin?: string;
}): ReplyResult {
  const now = args.now ?? Date.now();
  const db = getDb();
  const client = db.$client;
  return client
    .transaction((): ReplyResult => {
      const member = client
        .prepare<[companyId: number, userId: number], { state: string }>(
          `SELECT c.state FROM company_members m JOIN companies c ON c.id = m.company_id
         WHERE m.company_id = ? AND m.user_id = ?`,
        )
        .get(args.companyId, args.actor.id);
      if (!member) return { ok: false, kind: "forbidden" };
      if (member.state !== "verified") return { ok: false, kind: "not_verified" };
      const f = client
        .prepare<[reviewId: number], ReplyFacts>(
          `SELECT r.id, r.company_id AS companyId, r.subject_id AS subjectId, r.author_id AS authorId, r.origin, r.stars,
                r.recommend, r.status, r.published_at AS publishedAt, r.resolved_at AS resolvedAt, r.replied_at AS repliedAt,
                p.id AS replyId, p.status AS replyStatus, p.published_at AS replyPublishedAt
         FROM reviews r LEFT JOIN replies p ON p.review_id = r.id WHERE r.id = ?`,
        )
        .get(args.reviewId);
      if (!f || f.companyId !== args.companyId) return { ok: false, kind: "not_found" };
      if (f.status !== "published" || f.publishedAt == null) return { ok: false, kind: "not_allowed" };
      // A reply a moderator removed stays removed: it is not edited back into view.
      if (f.replyId != null && f.replyStatus !== "published") return { ok: false, kind: "locked" };

      const html = renderMarkdown(args.body);
      let replyId: number;
      const created = f.replyId == null;
      if (created) {
        replyId = client
          .prepare<(string | number)[], { id: number }>(
            `INSERT INTO replies (review_id, company_id, author_id, body, body_html, status, published_at, created_at)
           VALUES (?, ?, ?, ?, ?, 'published', ?, ?) RETURNING id`,
          )
          .get(f.id, f.companyId, args.actor.id, args.body, html, now, now)!.id;
        client.prepare(`UPDATE reviews SET replied_at = ? WHERE id = ?`).run(now, f.id);
        countReply(
          db,
          {
            companyId: f.companyId,
            subjectId: f.subjectId,
            authorId: f.authorId,
            origin: f.origin,
            stars: f.stars,
            recommend: f.recommend == null ? null : Boolean(f.recommend),
            publishedAt: f.publishedAt,
            resolvedAt: f.resolvedAt,
          },
          now,
          1,
        );
        notifyReviewEvent(db, { reviewId: f.id, kind: "review_replied", origin: args.origin, now });
      } else {
        replyId = f.replyId!;
        client.prepare(`UPDATE replies SET body = ?, body_html = ?, edited_at = ? WHERE id = ?`).run(args.body, html, now, replyId);
        if (f.repliedAt == null) client.prepare(`UPDATE reviews SET replied_at = ? WHERE id = ?`).run(f.replyPublishedAt, f.id);
      }
      client
        .prepare(`INSERT INTO reply_revisions (reply_id, body, author_id, created_at) VALUES (?, ?, ?, ?)`)
        .run(replyId, args.body, args.actor.id, now);
      return { ok: true, replyId, created };
    })
    .immediate();
}
