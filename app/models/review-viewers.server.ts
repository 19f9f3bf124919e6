// What a page offers the reader of reviews: the helpful vote on each card of a list, and
// the actions on a review's own page. Reads only: the writes are review-actions.server.ts's.
import { getDb, type Db } from "#db/client.server";
import type { HelpfulViewer, ReviewViewer } from "~/lib/review-viewer";
import { preparedPerConnection, type Client } from "./prepared-statements.server";

function prepareStatements(client: Client) {
  return {
    voted: client.prepare<[userId: number, reviewIdsJson: string], { id: number }>(
      `SELECT review_id AS id FROM helpful_votes WHERE user_id = ? AND review_id IN (SELECT value FROM json_each(?))`,
    ),
    companies: client.prepare<[userId: number], { companyId: number }>(
      `SELECT company_id AS companyId FROM company_members WHERE user_id = ?`,
    ),
  };
}

const preparedFor = preparedPerConnection(prepareStatements);
const statements = (db: Db) => preparedFor(db.$client);

/** Which of these reviews the reader voted helpful (one query for a whole list). */
export function votedReviewIds(db: Db, userId: number, reviewIds: number[]): Set<number> {
  if (reviewIds.length === 0) return new Set();
  const rows = statements(db).voted.all(userId, JSON.stringify(reviewIds));
  return new Set(rows.map((r) => r.id));
}

/** What a list of reviews needs to offer the helpful vote on each card: who reads, which
 *  of these reviews they voted, and the companies they belong to (whose reviews they may
 *  not vote). Anonymous readers get the log-in link. */
export function getHelpfulViewer(user: { id: number } | null, reviewIds: number[], db: Db = getDb()): HelpfulViewer {
  if (!user) return { userId: null, voted: [], companies: [] };
  const companies = statements(db)
    .companies.all(user.id)
    .map((r) => r.companyId);
  return { userId: user.id, voted: [...votedReviewIds(db, user.id, reviewIds)], companies };
}

/** The actions a page offers the reader of this review (one query at most). */
export function getReviewViewer(
  user: { id: number } | null,
  review: {
    id: number;
    status: string;
    author: { id: number } | null;
    reply: { status: string } | null;
    followUp: unknown;
    resolvedAt: number | null;
  },
): ReviewViewer {
  const isAuthor = user != null && review.author?.id === user.id;
  const hasReply = review.reply?.status === "published";
  const voted = user != null && !isAuthor && votedReviewIds(getDb(), user.id, [review.id]).has(review.id);
  return {
    signedIn: user != null,
    isAuthor,
    voted,
    hasReply,
    hasFollowUp: review.followUp != null,
    canFollowUp: isAuthor && review.status === "published" && hasReply && review.followUp == null,
    resolved: review.resolvedAt != null,
  };
}
