// The public version history of a review and of its company's reply (/reviews/:id/history):
// every version as it was published, newest first, with its date — so that nobody, the
// company or the reviewer, can rewrite what was said without readers seeing what it said
// before. Only for a published review; a removed reply's versions are not shown, nor are
// the versions of erased content.
import { getDb, type Db } from "#db/client.server";
import { renderMarkdown } from "~/lib/markdown.server";

export interface ReviewVersion {
  stars: number;
  title: string;
  bodyHtml: string;
  experienceDate: string;
  at: number;
}

export interface ReplyVersion {
  bodyHtml: string;
  at: number;
}

export interface VersionHistory {
  review: { id: number; title: string; author: string | null; language: string };
  company: { slug: string; name: string };
  reviewVersions: ReviewVersion[];
  replyVersions: ReplyVersion[];
}

export function getVersionHistory(reviewId: number, db: Db = getDb()): VersionHistory | null {
  const review = db.$client
    .prepare<
      [number],
      {
        id: number;
        title: string;
        author: string | null;
        language: string;
        slug: string;
        name: string;
        replyId: number | null;
        replyStatus: string | null;
      }
    >(
      `SELECT r.id, r.title, u.display_name AS author, r.language, c.slug, c.name, p.id AS replyId, p.status AS replyStatus
       FROM reviews r JOIN companies c ON c.id = r.company_id LEFT JOIN users u ON u.id = r.author_id
       LEFT JOIN replies p ON p.review_id = r.id
       WHERE r.id = ? AND r.status = 'published' AND r.content_erased_at IS NULL`,
    )
    .get(reviewId);
  if (!review) return null;
  const reviewVersions = db.$client
    .prepare<[number], { stars: number; title: string; body: string; experienceDate: string; at: number }>(
      `SELECT stars, title, body, experience_date AS experienceDate, created_at AS at FROM review_revisions
       WHERE review_id = ? ORDER BY id DESC LIMIT 100`,
    )
    .all(reviewId)
    .map(({ body, ...v }) => ({ ...v, bodyHtml: renderMarkdown(body) }));
  const replyVersions =
    review.replyId != null && review.replyStatus === "published"
      ? db.$client
          .prepare<[number], { body: string; at: number }>(
            `SELECT body, created_at AS at FROM reply_revisions WHERE reply_id = ? ORDER BY id DESC LIMIT 100`,
          )
          .all(review.replyId)
          .map(({ body, at }) => ({ bodyHtml: renderMarkdown(body), at }))
      : [];
  return {
    review: { id: review.id, title: review.title, author: review.author, language: review.language },
    company: { slug: review.slug, name: review.name },
    reviewVersions,
    replyVersions,
  };
}
