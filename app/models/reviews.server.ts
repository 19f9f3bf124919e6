// Reading reviews with their whole conversation (reply, follow-up, photos) for every
// public page. Lists are paginated by keyset and load their related rows in batches:
// never one query per review.
import { getDb } from "#db/client.server";
import type { CHANNELS, LANGUAGES, ORIGINS, REVIEW_STATES, SUBJECT_KINDS } from "#db/schema";
import { FLAG_DECISION_MS } from "~/lib/flag-policy";
import { reviewWeight } from "~/lib/trustscore";
import { preparedPerConnection, type Client } from "./prepared-statements.server";

export interface PostView {
  id: number;
  bodyHtml: string;
  publishedAt: number;
  editedAt: number | null;
  status: "published" | "removed";
  removedAt: number | null;
  removalReason: string | null;
  underReview: boolean;
  /** The first open flag on it still within its decision deadline (app/lib/flag-policy.ts):
   *  "under review since"; null when none (see hydrate()). */
  underReviewSince: number | null;
}

export interface ReviewView {
  id: number;
  stars: number;
  title: string;
  bodyHtml: string;
  language: (typeof LANGUAGES)[number];
  experienceDate: string;
  channel: (typeof CHANNELS)[number];
  recommend: boolean | null;
  origin: (typeof ORIGINS)[number];
  status: (typeof REVIEW_STATES)[number];
  publishedAt: number | null;
  editedAt: number | null;
  removedAt: number | null;
  removalReason: string | null;
  underReview: boolean;
  /** As PostView's. */
  underReviewSince: number | null;
  resolvedAt: number | null;
  helpfulCount: number;
  /** What it weighs in the TrustScore today (app/lib/trustscore.ts reviewWeight); null
   *  unless published. */
  scoreWeight: number | null;
  author: { id: number; displayName: string; reviewCount: number } | null;
  company: { id: number; slug: string; name: string; verified: boolean; color: string | null };
  subject: { id: number; slug: string; name: string; kind: (typeof SUBJECT_KINDS)[number]; city: string | null };
  reply: PostView | null;
  followUp: PostView | null;
  photos: { id: number; storageKey: string; width: number; height: number }[];
}

export const REVIEW_PAGE_SIZE = 20;

const REVIEW_COLUMNS = `
  r.id, r.stars, r.title, r.body_html AS bodyHtml, r.language, r.experience_date AS experienceDate,
  r.channel, r.recommend, r.origin, r.status, r.published_at AS publishedAt, r.edited_at AS editedAt,
  r.removed_at AS removedAt, r.removal_reason AS removalReason, r.under_review_since AS underReviewSince,
  r.resolved_at AS resolvedAt, r.helpful_count AS helpfulCount,
  u.id AS authorId, u.display_name AS authorName, u.review_count AS authorReviewCount, u.deleted_at AS authorDeletedAt,
  c.id AS companyId, c.slug AS companySlug, c.name AS companyName, c.state AS companyState, c.color AS companyColor,
  s.id AS subjectId, s.slug AS subjectSlug, s.name AS subjectName, s.kind AS subjectKind, s.city AS subjectCity`;

const REVIEW_JOINS = `
  JOIN companies c ON c.id = r.company_id
  JOIN subjects s ON s.id = r.subject_id
  LEFT JOIN users u ON u.id = r.author_id`;

/** A row of REVIEW_COLUMNS, as SQLite returns it (recommend is 0, 1 or null). */
/** The columns read as the view has them, but `recommend` (SQLite's 0 or 1) and the joined rows. */
type ReviewColumns =
  | "id"
  | "stars"
  | "title"
  | "bodyHtml"
  | "language"
  | "experienceDate"
  | "channel"
  | "origin"
  | "status"
  | "publishedAt"
  | "editedAt"
  | "removedAt"
  | "removalReason"
  | "underReviewSince"
  | "resolvedAt"
  | "helpfulCount";

interface ReviewRow extends Pick<ReviewView, ReviewColumns> {
  recommend: number | null;
  /** The author's columns are null when the review has none (LEFT JOIN users). */
  authorId: number | null;
  authorName: string | null;
  authorReviewCount: number | null;
  authorDeletedAt: number | null;
  companyId: number;
  companySlug: string;
  companyName: string;
  companyState: string;
  companyColor: string | null;
  subjectId: number;
  subjectSlug: string;
  subjectName: string;
  subjectKind: ReviewView["subject"]["kind"];
  subjectCity: string | null;
}

/** A reply's or a follow-up's row, as hydrate() reads them. */
interface PostRow {
  id: number;
  reviewId: number;
  bodyHtml: string;
  publishedAt: number;
  editedAt: number | null;
  status: PostView["status"];
  removedAt: number | null;
  removalReason: string | null;
}

// The reads whose SQL is fixed, prepared once per connection (the review page and the home
// page run them on every request). The others build their SQL (filters, IN lists) per call.
function prepareStatements(client: Client) {
  return {
    publicReview: client.prepare<[id: number], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r ${REVIEW_JOINS} WHERE r.id = ? AND r.status IN ('published', 'removed')`,
    ),
    anyStatus: client.prepare<[id: number], ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM reviews r ${REVIEW_JOINS} WHERE r.id = ?`),
    latest: client.prepare<[limit: number], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r ${REVIEW_JOINS}
       WHERE r.status = 'published' AND r.published_at IS NOT NULL
       ORDER BY r.published_at DESC, r.id DESC LIMIT ?`,
    ),
    latestAnswered: client.prepare<[limit: number], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM (
         SELECT review_id FROM replies WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?
       ) latest JOIN reviews r ON r.id = latest.review_id ${REVIEW_JOINS}
       WHERE r.status = 'published'`,
    ),
  };
}

const statements = preparedPerConnection(prepareStatements);

function toPost(row: PostRow | undefined, underReviewSince: number | null): PostView | null {
  if (!row) return null;
  return {
    id: row.id,
    bodyHtml: row.status === "removed" ? "" : row.bodyHtml,
    publishedAt: row.publishedAt,
    editedAt: row.editedAt,
    status: row.status,
    removedAt: row.removedAt,
    removalReason: row.removalReason,
    underReview: underReviewSince != null,
    underReviewSince,
  };
}

/** Turns review rows into views, loading replies, follow-ups and photos in three queries. */
function hydrate(rows: ReviewRow[]): ReviewView[] {
  if (rows.length === 0) return [];
  const client = getDb().$client;
  const ids = rows.map((r) => r.id);
  const placeholders = ids.map(() => "?").join(",");
  const replies = new Map<number, PostRow>();
  for (const row of client
    .prepare<number[], PostRow & { underReviewSince: number | null }>(
      `SELECT id, review_id AS reviewId, body_html AS bodyHtml, published_at AS publishedAt, edited_at AS editedAt,
              status, removed_at AS removedAt, removal_reason AS removalReason, under_review_since AS underReviewSince
       FROM replies WHERE review_id IN (${placeholders})`,
    )
    .all(...ids))
    replies.set(row.reviewId, row);
  const followUps = new Map<number, PostRow>();
  for (const row of client
    .prepare<number[], PostRow>(
      `SELECT id, review_id AS reviewId, body_html AS bodyHtml, published_at AS publishedAt, edited_at AS editedAt,
              status, removed_at AS removedAt, removal_reason AS removalReason
       FROM follow_ups WHERE review_id IN (${placeholders})`,
    )
    .all(...ids))
    followUps.set(row.reviewId, row);
  const photos = new Map<number, ReviewView["photos"]>();
  for (const row of client
    .prepare<number[], { id: number; reviewId: number; storageKey: string; width: number; height: number }>(
      `SELECT id, review_id AS reviewId, storage_key AS storageKey, width, height
       FROM review_media WHERE kind = 'photo' AND review_id IN (${placeholders}) ORDER BY review_id, position`,
    )
    .all(...ids)) {
    const list = photos.get(row.reviewId) ?? [];
    list.push({ id: row.id, storageKey: row.storageKey, width: row.width, height: row.height });
    photos.set(row.reviewId, list);
  }
  // "Under review since": the first open flag on each part, among those still within their
  // decision deadline. Past it the line goes (the flag stays first in the moderators'
  // queue): a report nobody decided in time does not mark a review indefinitely.
  const now = Date.now();
  const underReview = new Map<string, number>();
  for (const row of client
    .prepare<number[], { reviewId: number; target: string; since: number }>(
      `SELECT review_id AS reviewId, target_type AS target, min(created_at) AS since FROM flags
       WHERE status = 'pending' AND review_id IN (${placeholders}) AND created_at <= ?
         AND coalesce(deadline_at, created_at + ?) > ?
       GROUP BY review_id, target_type`,
    )
    .all(...ids, now, FLAG_DECISION_MS, now))
    underReview.set(`${row.reviewId}:${row.target}`, row.since);
  const since = (id: number, target: "review" | "reply" | "follow_up") => underReview.get(`${id}:${target}`) ?? null;

  return rows.map((r) => {
    const removed = r.status === "removed";
    return {
      id: r.id,
      stars: r.stars,
      title: removed ? "" : r.title,
      bodyHtml: removed ? "" : r.bodyHtml,
      language: r.language,
      experienceDate: r.experienceDate,
      channel: r.channel,
      recommend: r.recommend == null ? null : r.recommend === 1,
      origin: r.origin,
      status: r.status,
      publishedAt: r.publishedAt,
      editedAt: r.editedAt,
      removedAt: r.removedAt,
      removalReason: r.removalReason,
      underReview: since(r.id, "review") != null,
      underReviewSince: since(r.id, "review"),
      resolvedAt: r.resolvedAt,
      helpfulCount: r.helpfulCount,
      scoreWeight: r.status === "published" && r.publishedAt != null ? reviewWeight(r.publishedAt) : null,
      // The joined user's name and count are NOT NULL columns: set whenever authorId is.
      author:
        r.authorId != null && r.authorDeletedAt == null && r.authorName != null && r.authorReviewCount != null
          ? { id: r.authorId, displayName: r.authorName, reviewCount: r.authorReviewCount }
          : null,
      company: {
        id: r.companyId,
        slug: r.companySlug,
        name: r.companyName,
        verified: r.companyState === "verified",
        color: r.companyColor,
      },
      subject: {
        id: r.subjectId,
        slug: r.subjectSlug,
        name: r.subjectName,
        kind: r.subjectKind,
        city: r.subjectCity,
      },
      // A removed review's conversation goes with it; otherwise the reply always shows.
      reply: removed ? null : toPost(replies.get(r.id), since(r.id, "reply")),
      followUp: removed ? null : toPost(followUps.get(r.id), since(r.id, "follow_up")),
      photos: removed ? [] : (photos.get(r.id) ?? []),
    };
  });
}

export interface ReviewFilters {
  stars?: number[];
  subjectId?: number;
  channel?: (typeof CHANNELS)[number];
  language?: (typeof LANGUAGES)[number];
  origin?: (typeof ORIGINS)[number];
  replied?: "answered" | "awaiting";
  /** Experience date bounds, YYYY-MM-DD. */
  experiencedFrom?: string;
  experiencedTo?: string;
}

export type ReviewSort = "newest" | "helpful";

/** An opaque keyset cursor: the sort value and id of the last review shown. */
export function encodeCursor(value: number, id: number) {
  return `${value}_${id}`;
}
export function decodeCursor(cursor: string | null | undefined): { value: number; id: number } | null {
  const match = cursor?.match(/^(\d{1,16})_(\d{1,12})$/);
  return match ? { value: Number(match[1]), id: Number(match[2]) } : null;
}

export interface ReviewPage {
  reviews: ReviewView[];
  nextCursor: string | null;
}

/**
 * One page of a company's (or one subject's) reviews: published ones and the
 * placeholders of removed ones, newest first (or most helpful first), filtered.
 * `before` is the cursor of the last review of the previous page.
 */
export function listReviews(
  scope: { companyId: number } | { subjectId: number },
  options: { filters?: ReviewFilters; sort?: ReviewSort; before?: string | null; limit?: number } = {},
): ReviewPage {
  const { filters = {}, sort = "newest", limit = REVIEW_PAGE_SIZE } = options;
  const where: string[] = [];
  const params: (string | number)[] = [];
  if ("companyId" in scope) {
    where.push("r.company_id = ?");
    params.push(scope.companyId);
  } else {
    where.push("r.subject_id = ?");
    params.push(scope.subjectId);
  }
  if (filters.subjectId != null && "companyId" in scope) {
    where.push("r.subject_id = ?");
    params.push(filters.subjectId);
  }
  // Filters narrow what was said; a removed review's placeholder only shows unfiltered.
  const filtered =
    (filters.stars?.length ?? 0) > 0 ||
    filters.channel != null ||
    filters.language != null ||
    filters.origin != null ||
    filters.replied != null ||
    filters.experiencedFrom != null ||
    filters.experiencedTo != null;
  where.push(filtered || sort === "helpful" ? "r.status = 'published'" : "r.status IN ('published', 'removed')");
  if (filters.stars?.length) {
    where.push(`r.stars IN (${filters.stars.map(() => "?").join(",")})`);
    params.push(...filters.stars);
  }
  if (filters.channel) {
    where.push("r.channel = ?");
    params.push(filters.channel);
  }
  if (filters.language) {
    where.push("r.language = ?");
    params.push(filters.language);
  }
  if (filters.origin) {
    where.push("r.origin = ?");
    params.push(filters.origin);
  }
  if (filters.replied === "answered") where.push("r.replied_at IS NOT NULL");
  if (filters.replied === "awaiting") where.push("r.replied_at IS NULL");
  if (filters.experiencedFrom) {
    where.push("r.experience_date >= ?");
    params.push(filters.experiencedFrom);
  }
  if (filters.experiencedTo) {
    where.push("r.experience_date <= ?");
    params.push(filters.experiencedTo);
  }
  const sortColumn = sort === "helpful" ? "r.helpful_count" : "r.published_at";
  const cursor = decodeCursor(options.before);
  if (cursor) {
    where.push(`(${sortColumn}, r.id) < (?, ?)`);
    params.push(cursor.value, cursor.id);
  }
  where.push(`${sortColumn} IS NOT NULL`);
  const rows = getDb()
    .$client.prepare<(string | number)[], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r ${REVIEW_JOINS}
       WHERE ${where.join(" AND ")}
       ORDER BY ${sortColumn} DESC, r.id DESC
       LIMIT ?`,
    )
    .all(...params, limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  // The sort column is never null on these rows (`IS NOT NULL` above).
  const nextCursor = hasMore && last ? encodeCursor(sort === "helpful" ? last.helpfulCount : last.publishedAt!, last.id) : null;
  return { reviews: hydrate(page), nextCursor };
}

/** A review with its conversation, as anyone may see it (published or a removed placeholder). */
export function getPublicReview(id: number): ReviewView | null {
  const row = statements(getDb().$client).publicReview.get(id);
  return row ? hydrate([row])[0] : null;
}

/** Any review by id whatever its status (for its author and moderators). */
export function getReviewAnyStatus(id: number): ReviewView | null {
  const row = statements(getDb().$client).anyStatus.get(id);
  return row ? hydrate([row])[0] : null;
}

/** The latest published reviews across the site, for the home page. */
export function listLatestReviews(limit = 6): ReviewView[] {
  return hydrate(statements(getDb().$client).latest.all(limit));
}

/** Published reviews by ids, in the given order (search results). */
export function getPublishedReviews(ids: number[]): ReviewView[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .$client.prepare<number[], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r ${REVIEW_JOINS}
       WHERE r.status = 'published' AND r.id IN (${ids.map(() => "?").join(",")})`,
    )
    .all(...ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hydrate(ids.map((id) => byId.get(id)).filter((r): r is ReviewRow => r != null));
}

/** A member's published reviews, newest first (public profile). */
export function listAuthorReviews(authorId: number, options: { before?: string | null; limit?: number } = {}): ReviewPage {
  const limit = options.limit ?? REVIEW_PAGE_SIZE;
  const cursor = decodeCursor(options.before);
  const rows = getDb()
    .$client.prepare<number[], ReviewRow>(
      `SELECT ${REVIEW_COLUMNS} FROM reviews r ${REVIEW_JOINS}
       WHERE r.author_id = ? AND r.status = 'published' AND r.published_at IS NOT NULL
       ${cursor ? "AND (r.published_at, r.id) < (?, ?)" : ""}
       ORDER BY r.published_at DESC, r.id DESC LIMIT ?`,
    )
    .all(authorId, ...(cursor ? [cursor.value, cursor.id] : []), limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    reviews: hydrate(page),
    // published_at is never null on these rows (`IS NOT NULL` above).
    nextCursor: hasMore && last ? encodeCursor(last.publishedAt!, last.id) : null,
  };
}

/** The reviews whose company replied most recently, with their replies (home page). */
export function listLatestAnswered(limit = 4): ReviewView[] {
  return hydrate(
    statements(getDb().$client)
      .latestAnswered.all(limit * 2)
      .slice(0, limit),
  );
}
