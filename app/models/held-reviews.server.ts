// Reviews held at submission by the automatic checks (review-checks.server.ts): the
// moderators' queue (/moderation/held), the case page's facts, the decisions publish and
// refuse, and the publication deadline job that publishes what nobody decided in time.
//
// Which check held a review is recorded in reviews.held_check (by review-submission.server.ts
// when it writes the review, and again at every edit of a held review); held_at is when it
// was held, and the published deadline (app/lib/policy.ts, shown on /transparency) runs from
// then. The checks keep no evidence: it is recomputed here, as of the moment the check ran
// (the submission, or the last edit), from the same functions and limits, in a fixed
// number of queries per page whatever its length.
//
// A decision is one synchronous SQLite transaction (BEGIN IMMEDIATE), as in
// moderation.server.ts: the review's new state by a conditional UPDATE (still held, not
// edited, no decision since the case was opened: otherwise nothing is written and the
// moderator is told), the counters and score (stats.server.ts), the row of the
// append-only moderation log, and the statement of reasons to the author on the site and
// by mail in their language. The deadline job's publication is the same transaction with
// no actor (automated = true) and its own conditions (still held, held long enough).
import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyMembers, moderationDecisions, reviews, subjects, users } from "#db/schema";
import { formatDate, translate, type Locale } from "~/i18n";
import { FLAG_HOLD_CHECK } from "~/lib/flag-policy";
import {
  PUBLICATION_DEADLINE_MS,
  publicationDeadline,
  TEXT_CHECKS,
  type HeldDecision,
  type HeldEvidence,
  type HeldItem,
  type HeldPage,
  type RelatedReview,
  type TextCheck,
  type TextEvidence,
} from "~/lib/held-review";
import { checkName, publicationStatementPath, publicationStatementText, type PublicationStatementInput } from "~/lib/held-statement";
import type { ModerationReason } from "~/lib/moderation-reasons";
import { linkOrigin } from "~/lib/origin.server";
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import { jaccard, shingles, words } from "~/lib/similarity";
import { onReviewPublished } from "./company-alerts.server";
import { queueMail, renderMail, type MailBlock } from "./mail.server";
import { getCase, type CaseView, type ModerationActor } from "./moderation.server";
import { lastDecisionOn } from "./moderation-queues.server";
import { notify } from "./notifications.server";
import {
  CHECK_LIMITS,
  CHECKS,
  checkBannedWords,
  checkEmail,
  checkLinks,
  checkPhone,
  isCheckCode,
  type CheckCode,
} from "./review-checks.server";
import { getReviewAnyStatus, type ReviewView } from "./reviews.server";
import { countReview, readCountedFacts } from "./stats.server";

export const HELD_PAGE_SIZE = 20;
/** How often the deadline job looks for overdue held reviews: the promise is kept to
 *  within this (and a tick of the job runner). */
export const PUBLICATION_DEADLINE_JOB_INTERVAL_MS = 60_000;
/** Overdue reviews published per run (the next run takes the rest). */
const DEADLINE_BATCH = 200;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every code a check can hold a review with: the deadline job publishes only reviews held
 *  by one of them (a review held on a manifestly illegal flag, FLAG_HOLD_CHECK, is the flags
 *  queue's to decide, and one held by a moderator, once that exists, is theirs). */
const CHECK_CODES: string[] = Object.keys(CHECKS);

/** The rule at stake when a check holds a review: preselected in the decision form, and
 *  the reason the automatic publication is logged under ("the rule examined"). */
export const CHECK_REASON: Record<CheckCode, ModerationReason> = {
  rate_account: "spam",
  rate_ip: "spam",
  network_cluster: "not_an_experience",
  links: "spam",
  email: "personal_data",
  phone: "personal_data",
  banned_words: "offensive",
  duplicate_own: "spam",
  near_duplicate: "spam",
  conflict_member: "conflict_of_interest",
  conflict_domain: "conflict_of_interest",
  negative_burst: "not_an_experience",
};

export function reasonForCheck(code: string | null): ModerationReason {
  return code && isCheckCode(code) ? CHECK_REASON[code] : "not_an_experience";
}

/** When a review was held: held_at, or its creation for rows written without one. (The
 *  held reviews are read through reviews_status_feed_idx, whose first column is the
 *  status: a queue page or a deadline run reads held rows only.) */
const heldSince = sql<number>`coalesce(${reviews.heldAt}, ${reviews.createdAt})`;
/** Held at submission (or at an edit) by a check: this queue's reviews. A review held at
 *  once on a manifestly illegal flag (held_check FLAG_HOLD_CHECK, app/models/flags.server.ts)
 *  is decided from the flags queue, with its flags, within the flags' own delay: it is not
 *  in this queue, nor its count, and the publication deadline never publishes it. */
const isHeld = and(eq(reviews.status, "held"), sql`coalesce(${reviews.heldCheck}, '') <> ${FLAG_HOLD_CHECK}`);

/** A review held at once on a manifestly illegal flag (see isHeld). */
const isFlagHold = (r: { status: string; check: string | null }) => r.status === "held" && r.check === FLAG_HOLD_CHECK;

// ─── The queue ────────────────────────────────────────────────────────────────

export interface HeldSummary {
  count: number;
  oldestAt: number | null;
  /** When the oldest is published if nobody decides. */
  nextDeadlineAt: number | null;
}

/** The dashboard's line: how many wait, since when, and the first deadline. */
export function getHeldSummary(db: Db = getDb()): HeldSummary {
  const row = db
    .select({ n: sql<number>`count(*)`.mapWith(Number), oldestAt: sql<number | null>`min(${heldSince})` })
    .from(reviews)
    .where(isHeld)
    .get();
  const oldestAt = row?.oldestAt ?? null;
  return { count: row?.n ?? 0, oldestAt, nextDeadlineAt: oldestAt != null ? publicationDeadline(oldestAt) : null };
}

function encodeCursor(item: { heldAt: number; id: number }) {
  return `${item.heldAt}_${item.id}`;
}

function decodeCursor(cursor: string | null | undefined) {
  const match = cursor?.match(/^(\d{1,16})_(\d{1,12})$/);
  return match ? { at: Number(match[1]), id: Number(match[2]) } : null;
}

const itemColumns = {
  id: reviews.id,
  title: reviews.title,
  body: reviews.body,
  stars: reviews.stars,
  language: reviews.language,
  channel: reviews.channel,
  status: reviews.status,
  createdAt: reviews.createdAt,
  heldAt: heldSince.mapWith(Number),
  editedAt: reviews.editedAt,
  check: reviews.heldCheck,
  ipHash: reviews.ipHash,
  authorId: reviews.authorId,
  companyId: reviews.companyId,
  companyName: companies.name,
  companySlug: companies.slug,
  companyDomain: companies.domain,
  subjectName: subjects.name,
  subjectKind: subjects.kind,
  authorName: users.displayName,
  authorEmail: users.email,
};

function selectItems(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select(itemColumns)
    .from(reviews)
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .innerJoin(subjects, eq(subjects.id, reviews.subjectId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(where)
    .orderBy(heldSince, asc(reviews.id))
    .limit(limit)
    .all();
}

/** A held review as the queue and its case page read it (itemColumns). */
type ItemRow = ReturnType<typeof selectItems>[number];

/**
 * The held reviews, the one held longest ago (the nearest deadline) first. Keyset
 * pagination on (held since, id): `after` is the cursor of the previous page's last item.
 * A page costs one query for the reviews and at most five for the evidence.
 */
export function listHeldQueue(options: { after?: string | null; limit?: number } = {}, db: Db = getDb()): HeldPage {
  const limit = options.limit ?? HELD_PAGE_SIZE;
  const cursor = decodeCursor(options.after);
  const rows = selectItems(
    db,
    and(isHeld, cursor ? sql`(${heldSince}, ${reviews.id}) > (${cursor.at}, ${cursor.id})` : undefined),
    limit + 1,
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const items = toItems(db, page);
  return { items, nextCursor: hasMore && page.length ? encodeCursor(page.at(-1)!) : null };
}

function toItems(db: Db, rows: ItemRow[]): HeldItem[] {
  const evidence = evidenceFor(db, rows);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    stars: r.stars,
    language: r.language,
    channel: r.channel,
    createdAt: r.createdAt,
    heldAt: r.heldAt,
    deadlineAt: publicationDeadline(r.heldAt),
    editedAt: r.editedAt,
    check: r.check,
    evidence: evidence.get(r.id)?.evidence ?? { check: "other", code: r.check },
    alsoFound: evidence.get(r.id)?.alsoFound ?? [],
    suggestedReason: reasonForCheck(r.check),
    company: { name: r.companyName, slug: r.companySlug },
    subject: { name: r.subjectName, kind: r.subjectKind },
    author: r.authorId != null && r.authorName != null ? { id: r.authorId, name: r.authorName } : null,
  }));
}

// ─── The evidence ─────────────────────────────────────────────────────────────

const TEXT_TESTS: Record<TextCheck, (text: string) => boolean> = {
  links: (s) => checkLinks(s) != null,
  email: (s) => checkEmail(s) != null,
  phone: (s) => checkPhone(s) != null,
  banned_words: (s) => checkBannedWords(s) != null,
};

/** A phone number's shortest match may stop before its last groups of digits ("+33 6 12
 *  34 56" already matches): the passage goes on over the groups that follow. */
const CONTINUES: Partial<Record<TextCheck, (passage: string, next: string) => boolean>> = {
  phone: (passage, next) => /^\(?\d[\d().-]*[,.;:!?»)]*$/.test(next) && (passage + next).replace(/\D/g, "").length <= 15,
};

/**
 * The passages of `text` a check matches, as written: the shortest run of whole words
 * that the check itself still matches, found by halving (a handful of calls per match),
 * so that the checks stay the one place their patterns live. At most `max` passages.
 * `continues` may extend a passage over the words that follow it.
 */
export function matchedPassages(
  text: string,
  test: (s: string) => boolean,
  options: { max?: number; continues?: (passage: string, next: string) => boolean } = {},
): string[] {
  const max = options.max ?? 3;
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const span = (i: number, j: number) => text.slice(tokens[i]!.start, tokens[j]!.end);
  const found: string[] = [];
  let from = 0;
  while (found.length < max && from < tokens.length && test(span(from, tokens.length - 1))) {
    let lo = from;
    let hi = tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(span(from, mid))) hi = mid;
      else lo = mid + 1;
    }
    let a = from;
    let b = lo;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (test(span(mid, lo))) a = mid;
      else b = mid - 1;
    }
    let end = lo;
    while (
      options.continues &&
      end + 1 < tokens.length &&
      options.continues(span(a, end), text.slice(tokens[end + 1]!.start, tokens[end + 1]!.end))
    )
      end++;
    const passage = span(a, end);
    if (test(passage)) found.push(tidy(passage));
    from = end + 1;
  }
  return found;
}

function tidy(passage: string) {
  const trimmed = passage.replace(/^[\s("«“'*_]+/, "").replace(/[\s.,;:!?)"»”'*_]+$/, "");
  return trimmed.length > 120 ? `${trimmed.slice(0, 119)}…` : trimmed;
}

function textEvidence(text: string): TextEvidence[] {
  return TEXT_CHECKS.flatMap((check) => {
    const test = TEXT_TESTS[check];
    if (!test(text)) return [];
    const found = matchedPassages(text, test, { continues: CONTINUES[check] });
    return [{ check, found }];
  });
}

interface Related extends RelatedReview {
  itemId: number;
  authorId: number | null;
}

/** `WITH items(…) AS (VALUES …)`: the page's reviews as a table the evidence queries join. */
function itemsTable(values: SQL[], columns: string) {
  return sql`WITH items(${sql.raw(columns)}) AS (VALUES ${sql.join(values, sql`, `)})`;
}

/** Each review's evidence (what its check found) and what the other text checks found, in
 *  a fixed number of queries whatever the number of rows. */
function evidenceFor(db: Db, rows: ItemRow[]) {
  const byCheck = (code: string) => rows.filter((r) => r.check === code);
  const out = new Map<number, ItemEvidence>(rows.map((r) => [r.id, textEvidenceOf(r)]));
  const found = [
    ...domainEvidence(byCheck("conflict_domain")),
    ...burstEvidence(db, byCheck("negative_burst")),
    ...clusterEvidence(db, byCheck("network_cluster")),
    ...nearDuplicateEvidence(db, byCheck("near_duplicate")),
  ];
  for (const [id, evidence] of found) {
    const entry = out.get(id);
    if (entry) entry.evidence = evidence;
  }
  return out;
}

interface ItemEvidence {
  evidence: HeldEvidence;
  alsoFound: TextEvidence[];
}

/** A review's id and the evidence of the check that held it. */
type FoundEvidence = [id: number, evidence: HeldEvidence];

/** When the check ran: the submission, or the last edit (which ran the checks again). */
const checkedAt = (r: ItemRow) => r.editedAt ?? r.createdAt;

/** 1. The text checks: pure. The evidence of the one that held the review (any other check
 *  is filled in below), and what the others found. */
function textEvidenceOf(r: ItemRow): ItemEvidence {
  const text = textEvidence(`${r.title}\n${r.body}`);
  const own = (TEXT_CHECKS as readonly string[]).includes(r.check ?? "")
    ? (text.find((e) => e.check === r.check) ?? { check: r.check as TextCheck, found: [] })
    : null;
  return {
    evidence: own ?? { check: "other", code: r.check },
    alsoFound: text.filter((e) => e.check !== r.check),
  };
}

/** 2. The author's address at the company's domain: from the row itself. */
function domainEvidence(rows: ItemRow[]): FoundEvidence[] {
  return rows.map((r) => [
    r.id,
    { check: "conflict_domain", domain: r.authorEmail?.split("@").pop() ?? "", companyDomain: r.companyDomain },
  ]);
}

/** 3. A burst of negative reviews on the company: counts, and the reviews of the window. */
function burstEvidence(db: Db, burst: ItemRow[]): FoundEvidence[] {
  if (burst.length === 0) return [];
  const W = CHECK_LIMITS.burstWindowMs;
  const B = CHECK_LIMITS.burstBaselineMs;
  const items = itemsTable(
    burst.map((r) => sql`(${r.id}, ${r.companyId}, ${checkedAt(r)})`),
    "id, company_id, at",
  );
  const counts = db.all<{ itemId: number; recent: number; baseline: number }>(sql`
    ${items}
    SELECT i.id AS itemId,
           coalesce(sum(r.created_at > i.at - ${W}), 0) AS recent,
           coalesce(sum(r.created_at <= i.at - ${W}), 0) AS baseline
    FROM items i JOIN reviews r ON r.company_id = i.company_id AND r.stars <= 2 AND r.status <> 'deleted'
      AND r.created_at > i.at - ${W + B} AND r.created_at <= i.at
    GROUP BY i.id`);
  const list = db.all<Related>(sql`
    ${items}
    SELECT i.id AS itemId, r.id AS id, r.title AS title, r.stars AS stars, r.status AS status,
           r.created_at AS createdAt, r.author_id AS authorId, u.display_name AS authorName
    FROM items i JOIN reviews r ON r.company_id = i.company_id AND r.stars <= 2 AND r.status <> 'deleted'
      AND r.created_at > i.at - ${W} AND r.created_at <= i.at AND r.id <> i.id
    LEFT JOIN users u ON u.id = r.author_id
    ORDER BY r.created_at DESC, r.id DESC`);
  const windows = B / W;
  return burst.map((r) => {
    const c = counts.find((x) => x.itemId === r.id);
    const baseline = c?.baseline ?? 0;
    return [
      r.id,
      {
        check: "negative_burst",
        recent: c?.recent ?? 1,
        baseline,
        usual: baseline / windows,
        windowHours: W / HOUR,
        baselineDays: B / DAY,
        reviews: list
          .filter((x) => x.itemId === r.id)
          .slice(0, 10)
          .map(related),
      },
    ];
  });
}

/** 4. Other accounts reviewing the company from the same network (never the hash itself). */
function clusterEvidence(db: Db, rows: ItemRow[]): FoundEvidence[] {
  const cluster = rows.filter((r) => r.ipHash != null && r.authorId != null);
  if (cluster.length === 0) return [];
  const window = CHECK_LIMITS.clusterWindowMs;
  const list = db.all<Related>(sql`
    ${itemsTable(
      cluster.map((r) => sql`(${r.id}, ${r.companyId}, ${r.authorId}, ${checkedAt(r)}, ${r.ipHash})`),
      "id, company_id, author_id, at, ip_hash",
    )}
    SELECT i.id AS itemId, r.id AS id, r.title AS title, r.stars AS stars, r.status AS status,
           r.created_at AS createdAt, r.author_id AS authorId, u.display_name AS authorName
    FROM items i JOIN reviews r ON r.company_id = i.company_id AND r.ip_hash = i.ip_hash
      AND r.author_id IS NOT NULL AND r.author_id <> i.author_id
      AND r.created_at > i.at - ${window} AND r.created_at <= i.at
    LEFT JOIN users u ON u.id = r.author_id
    ORDER BY r.created_at DESC, r.id DESC`);
  return cluster.map((r) => {
    const mine = list.filter((x) => x.itemId === r.id);
    return [
      r.id,
      {
        check: "network_cluster",
        accounts: new Set(mine.map((x) => x.authorId)).size + 1,
        reviews: mine.slice(0, 5).map(related),
        windowDays: window / DAY,
      },
    ];
  });
}

/** 5. The most similar earlier review: the author's own (a year) and others' of the
 *  company (90 days), as many as the check compares, by the check's measure. */
function nearDuplicateEvidence(db: Db, rows: ItemRow[]): FoundEvidence[] {
  const dupes = rows.filter((r) => r.authorId != null);
  if (dupes.length === 0) return [];
  const candidates = duplicateCandidates(db, dupes);
  return dupes.map((r) => {
    const mine = shingles(`${r.title}\n${r.body}`);
    let best: { candidate: (typeof candidates)[number]; similarity: number } | null = null;
    for (const c of candidates) {
      if (c.itemId !== r.id || words(c.body).length < CHECK_LIMITS.duplicateMinWords) continue;
      const similarity = jaccard(mine, shingles(`${c.title}\n${c.body}`));
      if (!best || similarity > best.similarity) best = { candidate: c, similarity };
    }
    return [
      r.id,
      {
        check: "near_duplicate",
        match: best
          ? { ...related(best.candidate), similarity: Math.round(best.similarity * 100), sameAuthor: best.candidate.sameAuthor === 1 }
          : null,
        threshold: Math.round(CHECK_LIMITS.nearDuplicateSimilarity * 100),
      },
    ];
  });
}

/** The earlier reviews each of `dupes` is compared with: the author's own and others' of
 *  the company, within the check's windows and up to its numbers. */
function duplicateCandidates(db: Db, dupes: ItemRow[]) {
  const items = itemsTable(
    dupes.map((r) => sql`(${r.id}, ${r.companyId}, ${r.authorId}, ${checkedAt(r)})`),
    "id, company_id, author_id, at",
  );
  return db.all<Related & { body: string; sameAuthor: number }>(sql`
    ${items},
    own AS (
      SELECT i.id AS itemId, r.id, r.title, r.body, r.stars, r.status, r.created_at, r.author_id, 1 AS sameAuthor,
             row_number() OVER (PARTITION BY i.id ORDER BY r.id DESC) AS rn
      FROM items i JOIN reviews r ON r.author_id = i.author_id AND r.id <> i.id AND r.status <> 'deleted'
        AND r.created_at > i.at - ${CHECK_LIMITS.duplicateOwnWindowMs} AND r.created_at <= i.at
    ),
    others AS (
      SELECT i.id AS itemId, r.id, r.title, r.body, r.stars, r.status, r.created_at, r.author_id, 0 AS sameAuthor,
             row_number() OVER (PARTITION BY i.id ORDER BY r.id DESC) AS rn
      FROM items i JOIN reviews r ON r.company_id = i.company_id AND r.id <> i.id AND r.status <> 'deleted'
        AND (r.author_id IS NULL OR r.author_id <> i.author_id)
        AND r.created_at > i.at - ${CHECK_LIMITS.duplicateCompanyWindowMs} AND r.created_at <= i.at
    ),
    cand AS (SELECT * FROM own WHERE rn <= 200 UNION ALL SELECT * FROM others WHERE rn <= 300)
    SELECT c.itemId AS itemId, c.id AS id, c.title AS title, c.body AS body, c.stars AS stars, c.status AS status,
           c.created_at AS createdAt, c.author_id AS authorId, c.sameAuthor AS sameAuthor, u.display_name AS authorName
    FROM cand c LEFT JOIN users u ON u.id = c.author_id`);
}

function related(r: Related): RelatedReview {
  return { id: r.id, title: r.title, stars: r.stars, status: r.status, authorName: r.authorName, createdAt: r.createdAt };
}

// ─── The case page ────────────────────────────────────────────────────────────

export type HeldRefusal = "own_content" | "company_member";

export interface HeldCase {
  /** The review's state now: the form shows only while it is held. */
  status: string;
  item: HeldItem;
  /** The review as its page would render it (the Thread component). */
  review: ReviewView;
  /** What the form carries back (see decideHeld). */
  version: number;
  editedAt: number;
  refusal: HeldRefusal | null;
  /** The author's facts, the edit history and the earlier decisions (the flags' case page
   *  reads them the same way). */
  author: CaseView["author"];
  history: CaseView["history"]["review"];
  decisions: CaseView["decisions"];
}

function refusalFor(db: Db, actorId: number, review: { authorId: number | null; companyId: number }): HeldRefusal | null {
  if (review.authorId === actorId) return "own_content";
  const member = db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, review.companyId), eq(companyMembers.userId, actorId)))
    .get();
  return member ? "company_member" : null;
}

/** Everything a moderator needs to decide on a held review, or null when there is no such
 *  review. A review no longer held (or never held) comes with its state: the page then
 *  offers no decision. */
export function getHeldCase(reviewId: number, viewer: ModerationActor, db: Db = getDb()): HeldCase | null {
  const [row] = selectItems(db, eq(reviews.id, reviewId), 1);
  // Held on a manifestly illegal flag: its case is the flags queue's (/moderation/reviews/:id).
  if (!row || isFlagHold(row)) return null;
  const review = getReviewAnyStatus(reviewId);
  const facts = getCase(reviewId, viewer, db);
  if (!review || !facts) return null;
  const [item] = toItems(db, [row]);
  return {
    status: row.status,
    item: item!,
    review,
    version: lastDecisionOn(db, "review", reviewId),
    editedAt: row.editedAt ?? 0,
    refusal: refusalFor(db, viewer.id, { authorId: row.authorId, companyId: row.companyId }),
    author: facts.author,
    history: facts.history.review,
    decisions: facts.decisions,
  };
}

// ─── Decisions ────────────────────────────────────────────────────────────────

export interface HeldDecideInput {
  actor: ModerationActor;
  reviewId: number;
  decision: HeldDecision;
  reason: ModerationReason;
  statement: string;
  /** From the form: the last decision on the review and its last edit when the case was opened. */
  version: number;
  editedAt: number;
  /** The site's origin, for the links in the mail. */
  origin?: string;
  now?: number;
}

export type HeldDecideResult =
  | { ok: true; decisionId: number; status: "published" | "removed" }
  | { ok: false; kind: "not_found" | "not_moderator" | HeldRefusal | "already_decided" | "edited" };

interface Facts {
  id: number;
  status: string;
  authorId: number | null;
  companyId: number;
  title: string;
  language: Locale;
  check: string | null;
  heldAt: number;
  editedAt: number | null;
  companyName: string;
}

function loadFacts(db: Db, reviewId: number): Facts | undefined {
  return db
    .select({
      id: reviews.id,
      status: reviews.status,
      authorId: reviews.authorId,
      companyId: reviews.companyId,
      title: reviews.title,
      language: reviews.language,
      check: reviews.heldCheck,
      heldAt: heldSince.mapWith(Number),
      editedAt: reviews.editedAt,
      companyName: companies.name,
    })
    .from(reviews)
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .where(eq(reviews.id, reviewId))
    .get();
}

/** The review enters the counters and the score, as it now is (published). */
function countPublished(db: Db, reviewId: number) {
  const r = readCountedFacts(db, reviewId);
  if (!r || r.publishedAt == null) throw new Error(`review ${reviewId} has no publication date`);
  const { status: _status, ...facts } = r;
  countReview(db, { ...facts, publishedAt: r.publishedAt }, 1);
}

function logDecision(
  db: Db,
  values: {
    actorId: number | null;
    automated: boolean;
    reviewId: number;
    decision: HeldDecision;
    reason: string;
    statement: string;
    now: number;
  },
) {
  return db
    .insert(moderationDecisions)
    .values({
      actorId: values.actorId,
      automated: values.automated,
      targetType: "review",
      targetId: values.reviewId,
      decision: values.decision,
      reason: values.reason,
      statement: values.statement,
      createdAt: values.now,
    })
    .returning({ id: moderationDecisions.id })
    .get().id;
}

/** Publishes (status held → published, entering the counters) if `conditions` still hold:
 *  false when another decision got there first. Inside the caller's transaction. */
function publishIf(db: Db, reviewId: number, conditions: SQL | undefined, now: number): boolean {
  const changes = db
    .update(reviews)
    .set({ status: "published", publishedAt: sql`coalesce(${reviews.publishedAt}, ${now})`, underReviewSince: null })
    .where(and(eq(reviews.id, reviewId), isHeld, conditions))
    .run().changes;
  if (changes !== 1) return false;
  countPublished(db, reviewId);
  onReviewPublished(db, reviewId, now);
  return true;
}

/** Publishes a review whose refusal at submission an appeal overturned (decision-appeals.server.ts):
 *  removed → published, entering the counters and the score. False when it is no longer as the
 *  refusal left it (deleted, erased, or published since). Inside the caller's transaction. */
export function publishRefusedReview(db: Db, reviewId: number, now: number): boolean {
  const changes = db
    .update(reviews)
    .set({ status: "published", publishedAt: now, removedAt: null, removalReason: null, underReviewSince: null })
    .where(and(eq(reviews.id, reviewId), eq(reviews.status, "removed"), isNull(reviews.publishedAt), isNull(reviews.contentErasedAt)))
    .run().changes;
  if (changes !== 1) return false;
  countPublished(db, reviewId);
  onReviewPublished(db, reviewId, now);
  return true;
}

/** The conditions of a moderator's decision: nobody decided or edited since the case was opened. */
function unchangedSince(input: HeldDecideInput) {
  return and(
    sql`coalesce(${reviews.editedAt}, 0) = ${input.editedAt}`,
    // reviews.id written out: in an UPDATE drizzle leaves ${reviews.id} unqualified, and inside
    // the subquery "id" would be d.id.
    sql`coalesce((SELECT max(d.id) FROM moderation_decisions d WHERE d.target_type = 'review' AND d.target_id = reviews.id), 0) = ${input.version}`,
  );
}

/** A moderator publishes or refuses a held review (see the top of this file). */
export function decideHeld(input: HeldDecideInput, db: Db = getDb()): HeldDecideResult {
  const now = input.now ?? Date.now();
  if (input.actor.role !== "moderator" && input.actor.role !== "admin") return { ok: false, kind: "not_moderator" };
  return db.$client
    .transaction((): HeldDecideResult => {
      const facts = loadFacts(db, input.reviewId);
      // Held on a manifestly illegal flag: decided with its flags, from the flags queue.
      if (!facts || isFlagHold(facts)) return { ok: false, kind: "not_found" };
      const refusal = refusalFor(db, input.actor.id, facts);
      if (refusal) return { ok: false, kind: refusal };
      // Precise answers first; the conditional UPDATE below is what guarantees it.
      if (lastDecisionOn(db, "review", facts.id) !== input.version || facts.status !== "held")
        return { ok: false, kind: "already_decided" };
      if ((facts.editedAt ?? 0) !== input.editedAt) return { ok: false, kind: "edited" };

      let applied: boolean;
      if (input.decision === "publish") {
        applied = publishIf(db, facts.id, unchangedSince(input), now);
      } else {
        applied =
          db
            .update(reviews)
            .set({ status: "removed", removedAt: now, removalReason: input.reason, underReviewSince: null })
            .where(and(eq(reviews.id, facts.id), isHeld, unchangedSince(input)))
            .run().changes === 1;
      }
      if (!applied) return { ok: false, kind: "already_decided" };

      const decisionId = logDecision(db, {
        actorId: input.actor.id,
        automated: false,
        reviewId: facts.id,
        decision: input.decision,
        reason: input.reason,
        statement: input.statement,
        now,
      });
      tellAuthor(db, facts, {
        decisionId,
        decision: input.decision,
        automated: false,
        reason: input.reason,
        statement: input.statement,
        decidedAt: now,
        origin: input.origin,
      });
      return { ok: true, decisionId, status: input.decision === "publish" ? "published" : "removed" };
    })
    .immediate();
}

// ─── The publication deadline ─────────────────────────────────────────────────

/**
 * The publication deadline job (jobs.server.ts runs it every minute): every review held by
 * a check for at least the published delay (MAX_PUBLICATION_DELAY_HOURS, shown on
 * /transparency) is published, logged as an automatic decision (no actor, automated) under
 * the rule its check was about, and its author gets the statement saying automated means
 * were used. One transaction per review; a moderator's decision in between wins (the
 * UPDATE is conditional on the review still being held). Returns the published ids.
 */
export function publishOverdueHeldReviews(options: { now?: number; db?: Db; origin?: string; limit?: number } = {}): number[] {
  const db = options.db ?? getDb();
  const now = options.now ?? Date.now();
  const cutoff = now - PUBLICATION_DEADLINE_MS;
  const overdue = and(inArray(reviews.heldCheck, CHECK_CODES), sql`${heldSince} <= ${cutoff}`);
  const due = db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(isHeld, overdue))
    .orderBy(heldSince, asc(reviews.id))
    .limit(options.limit ?? DEADLINE_BATCH)
    .all();
  const published: number[] = [];
  for (const { id } of due) {
    const done = db.$client
      .transaction(() => {
        const facts = loadFacts(db, id);
        if (!facts || !publishIf(db, id, overdue, now)) return false;
        const reason = reasonForCheck(facts.check);
        const statement = translate(facts.language, "held.log.auto", {
          hours: MAX_PUBLICATION_DELAY_HOURS,
          check: checkName(facts.language, facts.check),
          date: formatDate(facts.language, facts.heldAt),
        });
        const decisionId = logDecision(db, { actorId: null, automated: true, reviewId: id, decision: "publish", reason, statement, now });
        tellAuthor(db, facts, {
          decisionId,
          decision: "publish",
          automated: true,
          reason,
          statement,
          decidedAt: now,
          origin: options.origin,
        });
        return true;
      })
      .immediate();
    if (done) published.push(id);
  }
  return published;
}

// ─── The statement of reasons ─────────────────────────────────────────────────

const NOTICE_KIND = { publish: "held_published", refuse: "held_refused", auto: "held_auto_published" } as const;

/** The statement as a mail: every part, the rule's link, and its page. */
export function renderPublicationStatementMail(
  locale: Locale,
  input: PublicationStatementInput,
  options: { name?: string; origin?: string },
) {
  const s = publicationStatementText(locale, input);
  const origin = linkOrigin(options.origin);
  const blocks: MailBlock[] = [s.decided, s.facts.held];
  if (s.facts.intro && s.facts.quoted) blocks.push(`${s.facts.intro}\n${s.facts.quoted}`);
  blocks.push(s.automated, s.ground, { link: s.ruleLink, url: `${origin}${s.rulePath}` }, s.contest, {
    action: translate(locale, "held.statement.mail.page"),
    url: `${origin}${publicationStatementPath(input.decisionId)}`,
  });
  return renderMail(locale, { subject: s.subject, name: options.name, blocks });
}

/** A publication decision, as its statement names it. */
interface PublicationDecision {
  decisionId: number;
  decision: HeldDecision;
  automated: boolean;
  reason: string;
  statement: string;
  decidedAt: number;
}

/** The author is told, on the site (a notification opening the statement's page) and by
 *  mail in their account's language. Inside the decision's transaction. */
function tellAuthor(db: Db, facts: Facts, d: PublicationDecision & { origin?: string }) {
  if (facts.authorId == null) return false;
  const user = db
    .select({ email: users.email, name: users.displayName, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, facts.authorId), isNull(users.deletedAt)))
    .get();
  if (!user) return false;
  const input = publicationStatementOf(facts, d);
  notify(db, {
    userId: facts.authorId,
    kind: NOTICE_KIND[d.automated ? "auto" : d.decision],
    data: {
      reviewId: facts.id,
      reviewTitle: facts.title,
      companyName: facts.companyName,
      reason: d.reason,
      check: facts.check ?? undefined,
      decisionId: d.decisionId,
      decidedAt: d.decidedAt,
    },
    link: publicationStatementPath(d.decisionId),
    // The mail carries the whole statement, not the notification's summary.
    mail: false,
    origin: d.origin,
    now: d.decidedAt,
  });
  const mail = renderPublicationStatementMail(user.locale, input, { name: user.name, origin: d.origin });
  queueMail(db, { to: user.email, template: "statement_publication", ...mail });
  return true;
}

/** A publication decision's statement as its reader may see it: the review's author, or a
 *  moderator. Null for anyone else and for any other decision (the page answers 404). */
export function getPublicationStatement(decisionId: number, viewer: ModerationActor, db: Db = getDb()): PublicationStatementInput | null {
  const d = db
    .select({
      id: moderationDecisions.id,
      decision: moderationDecisions.decision,
      automated: moderationDecisions.automated,
      reason: moderationDecisions.reason,
      statement: moderationDecisions.statement,
      createdAt: moderationDecisions.createdAt,
      reviewId: moderationDecisions.targetId,
      // A publication on appeal has the appeal's statement (/statements/decision/:id).
      // (The outer column is written out: drizzle leaves it unqualified in a one-table query.)
      isAppealOutcome: sql<number>`exists (SELECT 1 FROM appeals a WHERE a.outcome_decision_id = moderation_decisions.id)`.mapWith(Number),
    })
    .from(moderationDecisions)
    .where(and(eq(moderationDecisions.id, decisionId), eq(moderationDecisions.targetType, "review")))
    .get();
  if (!d || (d.decision !== "publish" && d.decision !== "refuse") || d.isAppealOutcome === 1) return null;
  const facts = loadFacts(db, d.reviewId);
  if (!facts) return null;
  const moderator = viewer.role === "moderator" || viewer.role === "admin";
  if (facts.authorId !== viewer.id && !moderator) return null;
  return publicationStatementOf(facts, { ...d, decisionId: d.id, decision: d.decision, decidedAt: d.createdAt });
}

/** The statement of a publication decision on the review of `facts`. */
function publicationStatementOf(facts: Facts, d: PublicationDecision): PublicationStatementInput {
  return {
    decisionId: d.decisionId,
    decision: d.decision,
    automated: d.automated,
    reason: d.reason,
    statement: d.statement,
    check: facts.check,
    heldAt: facts.heldAt,
    decidedAt: d.decidedAt,
    reviewId: facts.id,
    reviewTitle: facts.title,
    companyName: facts.companyName,
  };
}
