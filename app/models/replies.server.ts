// The company's side of the conversation: the brand inbox and the replies.
//
// Writing a reply is one synchronous SQLite transaction (BEGIN IMMEDIATE): the reply row,
// its revision (every version, the first included), reviews.replied_at, the reply
// counters and the reviewer's notification commit together or not at all. Who may reply,
// for which company and on which review is derived here from the database, never from
// the form: a member of that (verified) company, on a published review of that company.
import { desc, eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { companies, replyRevisions, type CHANNELS } from "#db/schema";
import { renderMarkdown } from "~/lib/markdown.server";
import { mostSimilar } from "~/lib/similarity";
import type { Actor } from "./review-submission.server";
import { decodeCursor, getPublicReview, getPublishedReviews, REVIEW_PAGE_SIZE, type ReviewView } from "./reviews.server";
import { onReplyPublished } from "./company-alerts.server";
import { notifyReviewEvent } from "./notifications.server";
import { countedFacts, countReply, type CountedReview } from "./stats.server";
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

export type BrandCompany = NonNullable<ReturnType<typeof getBrandCompany>>;

export function getBrandCompany(slug: string) {
  const row = getDb()
    .select({ id: companies.id, slug: companies.slug, name: companies.name, state: companies.state })
    .from(companies)
    .where(eq(companies.slug, slug))
    .get();
  return row ? { ...row, verified: row.state === "verified" } : null;
}

// ─── The inbox ────────────────────────────────────────────────────────────────

/** What the inbox is narrowed to (app/lib/inbox-filters.ts reads it from the URL). Each
 *  filter off when absent; the stars are any of those given. */
export interface InboxFilters {
  stars?: number[];
  subjectId?: number;
  channel?: (typeof CHANNELS)[number];
  replied?: "answered" | "awaiting";
  resolved?: "resolved" | "unresolved";
  /** A flag on the review itself, by anyone: one still pending; only decided ones; none. */
  flagged?: "pending" | "decided" | "none";
}

type Facet = "stars" | "subject" | "channel" | "replied" | "resolved" | "flagged";
const FACETS: readonly Facet[] = ["stars", "subject", "channel", "replied", "resolved", "flagged"];

/** For each filter, its values with how many reviews of the inbox have that value and
 *  match the other filters (what choosing the value would list); `total` matches them all. */
export type InboxCounts = Record<Facet, Record<string, number>> & { total: number };

/** The flags filed on a listed review (on the review itself, by anyone), by state. */
export interface InboxFlagState {
  state: "pending" | "decided";
  pending: number;
  upheld: number;
  dismissed: number;
}

export interface InboxPage {
  reviews: ReviewView[];
  nextCursor: string | null;
  /** The whole inbox's reviews awaiting a reply, whatever the filters. */
  awaitingCount: number;
  counts: InboxCounts;
  /** By review id, for the reviews of the page that were ever flagged. */
  flags: Record<number, InboxFlagState>;
}

type Phase = "a" | "r";

function encodeInboxCursor(phase: Phase, publishedAt: number, id: number) {
  return `${phase}${publishedAt}_${id}`;
}

function decodeInboxCursor(cursor: string | null | undefined): { phase: Phase; value: number; id: number } | null {
  const match = cursor?.match(/^([ar])(\d{1,16}_\d{1,12})$/);
  if (!match) return null;
  const rest = decodeCursor(match[2]);
  return rest ? { phase: match[1] === "a" ? "a" : "r", ...rest } : null;
}

const FLAG_ON_REVIEW = `SELECT 1 FROM flags f WHERE f.review_id = r.id AND f.target_type = 'review'`;

/** The filters as SQL conditions on `reviews r` (each ` AND …`), with their parameters. */
function filterSql(f: InboxFilters): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.stars?.length) {
    where.push(`r.stars IN (${f.stars.map(() => "?").join(",")})`);
    params.push(...f.stars);
  }
  if (f.subjectId != null) {
    where.push("r.subject_id = ?");
    params.push(f.subjectId);
  }
  if (f.channel) {
    where.push("r.channel = ?");
    params.push(f.channel);
  }
  if (f.resolved) where.push(`r.resolved_at IS ${f.resolved === "resolved" ? "NOT NULL" : "NULL"}`);
  if (f.flagged === "pending") where.push(`EXISTS (${FLAG_ON_REVIEW} AND f.status = 'pending')`);
  if (f.flagged === "decided") where.push(`EXISTS (${FLAG_ON_REVIEW}) AND NOT EXISTS (${FLAG_ON_REVIEW} AND f.status = 'pending')`);
  if (f.flagged === "none") where.push(`NOT EXISTS (${FLAG_ON_REVIEW})`);
  return { sql: where.map((w) => ` AND ${w}`).join(""), params };
}

type Client = ReturnType<typeof getDb>["$client"];

/** One phase's next rows, newest first, on its index: the awaiting reviews walk the partial
 *  index reviews_company_awaiting_idx, the answered ones reviews_company_feed_idx (or, with a
 *  subject filter, the planner may take reviews_subject_feed_idx); the other filters are
 *  checked while walking. */
function fetchPhase(
  client: Client,
  companyId: number,
  phase: Phase,
  filters: InboxFilters,
  after: { value: number; id: number } | null,
  n: number,
) {
  const f = filterSql(filters);
  return client
    .prepare<(string | number)[], { id: number; publishedAt: number }>(
      `SELECT r.id, r.published_at AS publishedAt FROM reviews r
       WHERE r.company_id = ? AND r.status = 'published' AND r.published_at IS NOT NULL
         AND r.replied_at ${phase === "a" ? "IS NULL" : "IS NOT NULL"}${f.sql}
         ${after ? "AND (r.published_at, r.id) < (?, ?)" : ""}
       ORDER BY r.published_at DESC, r.id DESC LIMIT ?`,
    )
    .all(companyId, ...f.params, ...(after ? [after.value, after.id] : []), n)
    .map((r) => ({ ...r, phase }));
}

/** One combination of the filters' values and its number of published reviews. */
interface InboxCell {
  stars: number;
  subjectId: number;
  channel: string;
  answered: number;
  resolved: number;
  flagged: "pending" | "decided" | "none";
  n: number;
}

const CELL_VALUE: Record<Facet, (c: InboxCell) => string> = {
  stars: (c) => String(c.stars),
  subject: (c) => String(c.subjectId),
  channel: (c) => c.channel,
  replied: (c) => (c.answered ? "answered" : "awaiting"),
  resolved: (c) => (c.resolved ? "resolved" : "unresolved"),
  flagged: (c) => c.flagged,
};

/** The values a filter lets through (null: the filter is off). */
function chosen(f: InboxFilters, facet: Facet): string[] | null {
  const one = (v: string | number | undefined) => (v == null ? null : [String(v)]);
  if (facet === "stars") return f.stars?.length ? f.stars.map(String) : null;
  if (facet === "subject") return one(f.subjectId);
  return one(f[facet]);
}

function countCells(cells: InboxCell[], filters: InboxFilters): InboxCounts {
  const allowed = FACETS.map((facet) => [facet, chosen(filters, facet)] as const);
  const misses = (c: InboxCell) => allowed.filter(([facet, values]) => values != null && !values.includes(CELL_VALUE[facet](c)));
  const counts: InboxCounts = { total: 0, stars: {}, subject: {}, channel: {}, replied: {}, resolved: {}, flagged: {} };
  for (const c of cells) {
    const missed = misses(c);
    if (missed.length === 0) counts.total += c.n;
    for (const facet of FACETS) {
      // Counted under a value of `facet` when every other filter lets it through.
      if (missed.length > 1 || (missed.length === 1 && missed[0][0] !== facet)) continue;
      const value = CELL_VALUE[facet](c);
      counts[facet][value] = (counts[facet][value] ?? 0) + c.n;
    }
  }
  return counts;
}

// The inbox's counts come from one GROUP BY over the company's published reviews (a range of
// reviews_company_feed_idx). They are kept per company while its data version (bumped by
// triggers with every write to its reviews, replies, flags and subjects, migration 0015)
// is unchanged: exact, and read once per change rather than once per page.
const cellsCache = new Map<string, InboxCell[]>();
const CELLS_CACHE_SIZE = 500;

function inboxCells(client: Client, companyId: number): InboxCell[] {
  const version = client
    .prepare<[companyId: number], { v: number }>(`SELECT coalesce((SELECT version FROM data_versions WHERE scope = ?), 0) AS v`)
    .get(companyId)!.v;
  const key = `${client.name}:${companyId}:${version}`;
  const hit = cellsCache.get(key);
  if (hit) return hit;
  const cells = client
    .prepare<[companyId: number], InboxCell>(
      // One probe of flags_review_idx per review: 0 never flagged, 1 decided, 2 pending.
      `SELECT stars, subjectId, channel, answered, resolved,
              CASE flagLevel WHEN 2 THEN 'pending' WHEN 1 THEN 'decided' ELSE 'none' END AS flagged, count(*) AS n
       FROM (SELECT r.stars, r.subject_id AS subjectId, r.channel, r.replied_at IS NOT NULL AS answered,
                    r.resolved_at IS NOT NULL AS resolved,
                    coalesce((SELECT max(CASE f.status WHEN 'pending' THEN 2 ELSE 1 END) FROM flags f
                              WHERE f.review_id = r.id AND f.target_type = 'review'), 0) AS flagLevel
             FROM reviews r WHERE r.company_id = ? AND r.status = 'published' AND r.published_at IS NOT NULL)
       GROUP BY stars, subjectId, channel, answered, resolved, flagLevel`,
    )
    .all(companyId);
  if (cellsCache.size >= CELLS_CACHE_SIZE) cellsCache.delete(cellsCache.keys().next().value!);
  cellsCache.set(key, cells);
  return cells;
}

function flagStates(client: Client, reviewIds: number[]): Record<number, InboxFlagState> {
  const out: Record<number, InboxFlagState> = {};
  if (reviewIds.length === 0) return out;
  const rows = client
    .prepare<[idsJson: string], { reviewId: number; pending: number; upheld: number; dismissed: number }>(
      `SELECT review_id AS reviewId, sum(status = 'pending') AS pending, sum(status = 'upheld') AS upheld,
              sum(status = 'dismissed') AS dismissed
       FROM flags WHERE target_type = 'review' AND review_id IN (SELECT value FROM json_each(?)) GROUP BY review_id`,
    )
    .all(JSON.stringify(reviewIds));
  for (const { reviewId, ...n } of rows) out[reviewId] = { state: n.pending > 0 ? "pending" : "decided", ...n };
  return out;
}

/**
 * One page of a company's inbox: every published review across its subjects, those
 * awaiting a reply first, then the answered ones, each part newest first, narrowed by
 * `filters`. Keyset pagination in two phases (the cursor says which, and where): a cursor
 * is a place in that order, valid under any filters; one of a phase the filters skip
 * (a page of another filter set) starts again from the first page. A fixed number of
 * queries per page, all on indexes; read in one transaction, so the counts and the page agree.
 */
export function listInbox(companyId: number, options: { filters?: InboxFilters; before?: string | null; limit?: number } = {}): InboxPage {
  const client = getDb().$client;
  const limit = options.limit ?? REVIEW_PAGE_SIZE;
  const filters = options.filters ?? {};
  return client.transaction((): InboxPage => {
    const phases: Phase[] = filters.replied === "answered" ? ["r"] : filters.replied === "awaiting" ? ["a"] : ["a", "r"];
    const decoded = decodeInboxCursor(options.before);
    const cursor = decoded && phases.includes(decoded.phase) ? decoded : null;
    const rows: { id: number; publishedAt: number; phase: Phase }[] = [];
    const first = cursor ? phases.indexOf(cursor.phase) : 0;
    for (let i = first; i < phases.length && rows.length <= limit; i++) {
      rows.push(...fetchPhase(client, companyId, phases[i], filters, i === first ? cursor : null, limit + 1 - rows.length));
    }
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    const cells = inboxCells(client, companyId);
    return {
      reviews: getPublishedReviews(page.map((r) => r.id)),
      nextCursor: hasMore && last ? encodeInboxCursor(last.phase, last.publishedAt, last.id) : null,
      awaitingCount: cells.reduce((sum, c) => sum + (c.answered ? 0 : c.n), 0),
      counts: countCells(cells, filters),
      flags: flagStates(
        client,
        page.map((r) => r.id),
      ),
    };
  })();
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
        countReply(db, countedFacts(f), now, 1);
        notifyReviewEvent(db, { reviewId: f.id, kind: "review_replied", origin: args.origin, now });
        onReplyPublished(db, replyId, now, args.origin);
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
