// Writing, editing and deleting reviews: the write model.
//
// Every function here is one synchronous SQLite transaction (BEGIN IMMEDIATE): the
// review row, its revision (every version, the first included), its photos, the
// automatic checks, the notifications and every counter move together or not at all.
// The author, the company and the status are always derived here, never taken from
// the form. Photos are processed (async, sharp) by the caller before the transaction and
// wait as the author's pending uploads; the transaction that saves the review claims them
// (claimPendingUploads: only the actor's own) and moves them to permanent storage. When it
// refuses, they stay pending for the form's next try, and the sweep removes them later.
import { getDb, type Db } from "#db/client.server";
import type { LANGUAGES, ROLES } from "#db/enums";
import { renderMarkdown } from "~/lib/markdown.server";
import { ONE_REVIEW_PER_MONTHS } from "~/lib/policy";
import type { ReviewInput, SuggestionInput } from "~/lib/review-schema";
import { onReviewPublished, onReviewRemoved } from "./company-alerts.server";
import { claimPendingUploads, MAX_PHOTOS, type UploadKey } from "./media.server";
import { notify } from "./notifications.server";
import { isCheckCode, runChecks, type CheckInput, type TriggeredCheck } from "./review-checks.server";
import { acceptInvitationForReview } from "./review-invitations.server";
import { countedFacts, countReview, type CountedReview } from "./stats.server";
import { slugify } from "~/lib/slug";

export interface Actor {
  id: number;
  role: (typeof ROLES)[number];
}

type Language = (typeof LANGUAGES)[number];
type ReviewStatus = "pending" | "held" | "published" | "removed" | "deleted";

export type WriteFailure =
  | { ok: false; kind: "not_found" }
  | { ok: false; kind: "forbidden" }
  /** Removed by a moderator or deleted: it cannot be edited. */
  | { ok: false; kind: "locked"; status: ReviewStatus }
  /** One review per subject per author per period: edit this one instead. */
  | { ok: false; kind: "existing"; reviewId: number }
  /** The same form sent again (a double click, a browser retry, back and send): the review
   *  it wrote first, unchanged. */
  | { ok: false; kind: "resubmitted"; reviewId: number; status: ReviewStatus }
  /** An automatic check refused it; nothing was written. */
  | { ok: false; kind: "refused"; check: TriggeredCheck; checks: TriggeredCheck[] }
  | { ok: false; kind: "too_many_photos" }
  /** Its company closed the subject (app/models/company-subjects.server.ts): no new review. */
  | { ok: false; kind: "closed" };

export type WriteSuccess = {
  ok: true;
  reviewId: number;
  status: ReviewStatus;
  /** The checks that triggered (holds), for the message shown to the author. */
  checks: TriggeredCheck[];
};

export type WriteResult = WriteSuccess | WriteFailure;

const MONTH_MS = 30.4375 * 86_400_000;
export const ONE_REVIEW_WINDOW_MS = ONE_REVIEW_PER_MONTHS * MONTH_MS;

export interface ReviewRow {
  id: number;
  subjectId: number;
  companyId: number;
  authorId: number | null;
  origin: CountedReview["origin"];
  stars: number;
  recommend: number | null;
  status: ReviewStatus;
  heldCheck: string | null;
  heldAt: number | null;
  publishedAt: number | null;
  resolvedAt: number | null;
  replyPublishedAt: number | null;
}

function loadReview(db: Db, reviewId: number): ReviewRow | undefined {
  return db.$client
    .prepare<[reviewId: number], ReviewRow>(
      `SELECT r.id, r.subject_id AS subjectId, r.company_id AS companyId, r.author_id AS authorId, r.origin, r.stars,
              r.recommend, r.status, r.held_check AS heldCheck, r.held_at AS heldAt, r.published_at AS publishedAt, r.resolved_at AS resolvedAt,
              p.published_at AS replyPublishedAt
       FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published'
       WHERE r.id = ?`,
    )
    .get(reviewId);
}

function activeActor(db: Db, actor: Actor) {
  const user = db.$client
    .prepare<[userId: number], { id: number; suspendedAt: number | null; deletedAt: number | null }>(
      `SELECT id, suspended_at AS suspendedAt, deleted_at AS deletedAt FROM users WHERE id = ?`,
    )
    .get(actor.id);
  return user != null && user.suspendedAt == null && user.deletedAt == null;
}

/** How long the same form sent again is taken for the first sending, not a second review. */
export const RESUBMISSION_WINDOW_MS = 10 * 60_000;

/** The review `reviewId` if it was written moments ago with exactly this text: the form
 *  was sent twice. */
function resubmissionOf(db: Db, reviewId: number, input: ReviewInput, now: number) {
  const row = db.$client
    .prepare<[reviewId: number], { stars: number; title: string; body: string; status: ReviewStatus; createdAt: number }>(
      `SELECT stars, title, body, status, created_at AS createdAt FROM reviews WHERE id = ?`,
    )
    .get(reviewId);
  if (!row || now - row.createdAt > RESUBMISSION_WINDOW_MS) return null;
  return row.stars === input.stars && row.title === input.title && row.body === input.body ? row.status : null;
}

/** The author's review of this subject within the one-review period, if any. */
export function findExistingReview(authorId: number, subjectId: number, now = Date.now(), db: Db = getDb()): number | null {
  const row = db.$client
    .prepare<[authorId: number, subjectId: number, since: number], { id: number }>(
      `SELECT id FROM reviews WHERE author_id = ? AND subject_id = ? AND status <> 'deleted' AND created_at > ?
       ORDER BY id DESC LIMIT 1`,
    )
    .get(authorId, subjectId, now - ONE_REVIEW_WINDOW_MS);
  return row?.id ?? null;
}

function insertRevision(db: Db, reviewId: number, input: ReviewInput, now: number) {
  db.$client
    .prepare(
      `INSERT INTO review_revisions (review_id, stars, title, body, experience_date, channel, recommend, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(reviewId, input.stars, input.title, input.body, input.experienceDate, input.channel, input.recommend ? 1 : 0, now);
}

/** Attaches the author's pending uploads to the review (another member's key is skipped). */
function insertMedia(db: Db, authorId: number, reviewId: number, kind: "photo" | "proof", uploads: UploadKey[], firstPosition: number) {
  const images = claimPendingUploads(db, authorId, uploads);
  const insert = db.$client.prepare(
    `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, position, proof_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  images.forEach((img, i) =>
    insert.run(
      reviewId,
      kind,
      img.storageKey,
      img.mime,
      img.width,
      img.height,
      img.bytes,
      firstPosition + i,
      kind === "proof" ? "pending" : null,
    ),
  );
}

function notifyHeld(db: Db, authorId: number, reviewId: number, check: TriggeredCheck, origin?: string) {
  const review = db.$client
    .prepare<[reviewId: number], { title: string; companyName: string }>(
      `SELECT r.title, c.name AS companyName FROM reviews r JOIN companies c ON c.id = r.company_id WHERE r.id = ?`,
    )
    .get(reviewId)!;
  notify(db, {
    userId: authorId,
    kind: "review_held",
    data: { reviewId, check: check.code, reviewTitle: review.title, companyName: review.companyName },
    link: `/reviews/${reviewId}`,
    origin,
  });
}

export interface CreateReviewArgs {
  actor: Actor;
  subjectId: number;
  input: ReviewInput;
  /** The visitor's language, when the form did not say which language the text is in. */
  locale: Language;
  ipHash: string | null;
  /** The author's pending uploads (media.server storeImage). */
  photos?: UploadKey[];
  proof?: UploadKey | null;
  /** The site's origin, for the links in mails. */
  origin?: string;
  /** The token of the invitation the review is written through (/invite/:token): when it
   *  is still open and from the reviewed company, the review is labelled "invited". */
  invitationToken?: string;
  now?: number;
}

/** Writes a new review of an existing subject. */
export function createReview(args: CreateReviewArgs): WriteResult {
  const db = getDb();
  const now = args.now ?? Date.now();
  if ((args.photos?.length ?? 0) > MAX_PHOTOS) return { ok: false, kind: "too_many_photos" };
  return db.$client
    .transaction((): WriteResult => {
      if (!activeActor(db, args.actor)) return { ok: false, kind: "forbidden" };
      const subject = db.$client
        .prepare<[subjectId: number], { id: number; companyId: number; state: string; suggestedBy: number | null }>(
          `SELECT id, company_id AS companyId, state, suggested_by AS suggestedBy FROM subjects WHERE id = ?`,
        )
        .get(args.subjectId);
      if (!subject || subject.state === "rejected") return { ok: false, kind: "not_found" };
      // Checked here, whatever the page offered: /write-a-review lists only active subjects.
      if (subject.state === "closed") return { ok: false, kind: "closed" };
      if (subject.state === "pending" && subject.suggestedBy !== args.actor.id) return { ok: false, kind: "not_found" };
      return insertReview(db, { ...args, now, companyId: subject.companyId, subjectPending: subject.state === "pending" });
    })
    .immediate();
}

/** A review's text as the INSERT and the UPDATE of a review bind it, in their column order:
 *  stars, title, body, body_html, language, experience_date, channel, recommend. */
function textColumns(input: ReviewInput, locale: Language) {
  return [
    input.stars,
    input.title,
    input.body,
    renderMarkdown(input.body),
    input.language ?? locale,
    input.experienceDate,
    input.channel,
    input.recommend ? 1 : 0,
  ] as const;
}

/** The checks at submission of a review's text (app/models/review-checks.server.ts), and the
 *  answer when they refuse it (null otherwise). */
function checkReviewText(db: Db, text: ReviewInput, about: Omit<CheckInput, "stars" | "title" | "body">) {
  const result = runChecks(db, { ...about, stars: text.stars, title: text.title, body: text.body });
  const refused: { ok: false; kind: "refused"; check: TriggeredCheck; checks: TriggeredCheck[] } | null =
    result.outcome === "refuse" ? { ok: false, kind: "refused", check: result.decisive!, checks: result.checks } : null;
  return { result, refused };
}

function insertReview(db: Db, args: CreateReviewArgs & { now: number; companyId: number; subjectPending: boolean }): WriteResult {
  const { actor, input, now } = args;
  const existing = findExistingReview(actor.id, args.subjectId, now, db);
  if (existing != null) {
    const resubmitted = resubmissionOf(db, existing, input, now);
    if (resubmitted) return { ok: false, kind: "resubmitted", reviewId: existing, status: resubmitted };
    return { ok: false, kind: "existing", reviewId: existing };
  }

  const { result, refused } = checkReviewText(db, input, {
    mode: "create",
    authorId: actor.id,
    ipHash: args.ipHash,
    companyId: args.companyId,
    subjectId: args.subjectId,
    now,
  });
  if (refused) return refused;

  const held = result.outcome === "hold";
  const status: ReviewStatus = args.subjectPending ? "pending" : held ? "held" : "published";
  const invitationId = args.invitationToken
    ? acceptInvitationForReview(db, { token: args.invitationToken, companyId: args.companyId, now })
    : null;
  const row = db.$client
    .prepare<
      [
        subjectId: number,
        companyId: number,
        authorId: number,
        stars: number,
        title: string,
        body: string,
        bodyHtml: string,
        language: Language,
        experienceDate: string,
        channel: string,
        recommend: number,
        origin: CountedReview["origin"],
        invitationId: number | null,
        status: ReviewStatus,
        heldCheck: string | null,
        heldAt: number | null,
        publishedAt: number | null,
        ipHash: string | null,
        createdAt: number,
      ],
      { id: number }
    >(
      `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date,
         channel, recommend, origin, invitation_id, status, held_check, held_at, published_at, ip_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      args.subjectId,
      args.companyId,
      actor.id,
      ...textColumns(input, args.locale),
      invitationId != null ? "invited" : "organic",
      invitationId,
      status,
      held ? result.decisive!.code : null,
      held && status === "held" ? now : null,
      status === "published" ? now : null,
      args.ipHash,
      now,
    )!;
  const reviewId = row.id;
  insertRevision(db, reviewId, input, now);
  insertMedia(db, actor.id, reviewId, "photo", args.photos ?? [], 0);
  if (args.proof) insertMedia(db, actor.id, reviewId, "proof", [args.proof], 0);

  if (status === "published") countReview(db, countedFacts(loadReview(db, reviewId)!), 1);
  if (status === "published") onReviewPublished(db, reviewId, now, args.origin);
  if (status === "held") notifyHeld(db, actor.id, reviewId, result.decisive!, args.origin);
  return { ok: true, reviewId, status, checks: result.checks };
}

export interface SuggestArgs extends Omit<CreateReviewArgs, "subjectId"> {
  /** A listed company's id; or, for a company the reviewer adds with the subject
   *  (app/models/company-suggestions.server.ts), the function that writes it inside this
   *  transaction and returns its id (it throws to refuse: nothing is written). */
  companyId: number | ((db: Db, now: number) => number);
  suggestion: SuggestionInput;
}

/** A review of a store, website, product or service the reviewer suggests: the subject is
 *  created as pending, and the review waits with it (status pending) until a moderator
 *  accepts the subject (releasePendingReviews). */
export function createReviewWithSuggestedSubject(args: SuggestArgs): WriteResult & { subjectId?: number } {
  const now = args.now ?? Date.now();
  if ((args.photos?.length ?? 0) > MAX_PHOTOS) return { ok: false, kind: "too_many_photos" };
  try {
    return suggestTransaction(getDb(), args, now);
  } catch (error) {
    if (error instanceof RollbackWith) return error.result;
    throw error;
  }
}

function suggestTransaction(db: Db, args: SuggestArgs, now: number) {
  return db.$client
    .transaction((): WriteResult & { subjectId?: number } => {
      if (!activeActor(db, args.actor)) return { ok: false, kind: "forbidden" };
      // A company still waiting for its own check (or refused) takes no other suggestion.
      const companyId = typeof args.companyId === "function" ? args.companyId(db, now) : args.companyId;
      const company = db.$client
        .prepare<[companyId: number, anyListing: number], { id: number }>(
          `SELECT id FROM companies WHERE id = ? AND (listing = 'listed' OR ?)`,
        )
        .get(companyId, typeof args.companyId === "function" ? 1 : 0);
      if (!company) return { ok: false, kind: "not_found" };
      const s = args.suggestion;
      const slug = uniqueSubjectSlug(db, company.id, s.name);
      const subject = db.$client
        .prepare<
          [
            companyId: number,
            kind: string,
            slug: string,
            name: string,
            address: string | null,
            city: string | null,
            url: string | null,
            suggestedBy: number,
            createdAt: number,
          ],
          { id: number }
        >(
          `INSERT INTO subjects (company_id, kind, slug, name, address, city, url, state, suggested_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id`,
        )
        .get(company.id, s.kind, slug, s.name, s.address ?? null, s.city ?? null, s.url ?? null, args.actor.id, now)!;
      const result = insertReview(db, { ...args, now, subjectId: subject.id, companyId: company.id, subjectPending: true });
      if (!result.ok) {
        // Nothing may remain of a refused suggestion: throwing rolls the subject back too.
        throw new RollbackWith(result);
      }
      return { ...result, subjectId: subject.id };
    })
    .immediate();
}

class RollbackWith extends Error {
  constructor(public result: WriteFailure) {
    super("rollback");
  }
}

/** A free slug for a new subject of the company, from its name ("-2", "-3"… when taken). */
export function uniqueSubjectSlug(db: Db, companyId: number, name: string) {
  const base = slugify(name).slice(0, 60).replace(/-+$/, "") || "subject";
  const taken = db.$client.prepare(`SELECT 1 FROM subjects WHERE company_id = ? AND slug = ?`);
  if (!taken.get(companyId, base)) return base;
  for (let i = 2; ; i++) if (!taken.get(companyId, `${base}-${i}`)) return `${base}-${i}`;
}

/** Once a moderator accepted a suggested subject: its waiting reviews are published, or
 *  held when a check had held them. Call inside the decision's transaction. */
export function releasePendingReviews(db: Db, subjectId: number, now = Date.now()) {
  const rows = db.$client
    .prepare<[subjectId: number], { id: number; heldCheck: string | null; authorId: number | null }>(
      `SELECT id, held_check AS heldCheck, author_id AS authorId FROM reviews WHERE subject_id = ? AND status = 'pending'`,
    )
    .all(subjectId);
  for (const r of rows) {
    if (r.heldCheck) {
      db.$client.prepare(`UPDATE reviews SET status = 'held', held_at = ? WHERE id = ?`).run(now, r.id);
    } else {
      db.$client.prepare(`UPDATE reviews SET status = 'published', published_at = ? WHERE id = ?`).run(now, r.id);
      countReview(db, countedFacts(loadReview(db, r.id)!), 1);
      onReviewPublished(db, r.id, now);
    }
  }
  return rows.length;
}

export interface EditReviewArgs {
  actor: Actor;
  reviewId: number;
  input: ReviewInput;
  locale: Language;
  ipHash?: string | null;
  /** The author's pending uploads to attach. */
  addPhotos?: UploadKey[];
  /** review_media ids of photos to take off (only this review's photos are touched). */
  removePhotoIds?: number[];
  proof?: UploadKey | null;
  origin?: string;
  now?: number;
}

/** Edits the author's own review: a new revision, the checks again, the counters moved. */
export function editReview(args: EditReviewArgs): WriteResult & { removedMedia?: { storageKey: string; mime: string }[] } {
  const db = getDb();
  const now = args.now ?? Date.now();
  return db.$client
    .transaction((): WriteResult & { removedMedia?: { storageKey: string; mime: string }[] } => {
      const before = loadReview(db, args.reviewId);
      if (!before) return { ok: false, kind: "not_found" };
      if (before.authorId !== args.actor.id || !activeActor(db, args.actor)) return { ok: false, kind: "forbidden" };
      if (before.status === "removed" || before.status === "deleted") return { ok: false, kind: "locked", status: before.status };

      const photos = db.$client
        .prepare<[reviewId: number], { id: number; storageKey: string; mime: string; position: number }>(
          `SELECT id, storage_key AS storageKey, mime, position FROM review_media WHERE review_id = ? AND kind = 'photo' ORDER BY position`,
        )
        .all(args.reviewId);
      const removing = photos.filter((p) => args.removePhotoIds?.includes(p.id));
      const kept = photos.length - removing.length;
      if (kept + (args.addPhotos?.length ?? 0) > MAX_PHOTOS) return { ok: false, kind: "too_many_photos" };

      const { input } = args;
      const { result, refused } = checkReviewText(db, input, {
        mode: "edit",
        reviewId: args.reviewId,
        authorId: args.actor.id,
        ipHash: args.ipHash ?? null,
        companyId: before.companyId,
        subjectId: before.subjectId,
        now,
      });
      if (refused) return refused;
      const hold = result.outcome === "hold";
      const heldAutomatically = before.heldCheck != null && isCheckCode(before.heldCheck);

      let status: ReviewStatus = before.status;
      let heldCheck = before.heldCheck;
      let heldAt = before.heldAt;
      let publishedAt = before.publishedAt;
      if (before.status === "pending") {
        heldCheck = hold ? result.decisive!.code : null;
      } else if (before.status === "published") {
        if (hold) {
          status = "held";
          heldCheck = result.decisive!.code;
          heldAt = now;
        }
      } else if (before.status === "held" && heldAutomatically) {
        // Held by a check, not by a moderator: the edit is judged afresh.
        if (hold) {
          heldCheck = result.decisive!.code;
        } else {
          status = "published";
          heldCheck = null;
          heldAt = null;
          publishedAt = publishedAt ?? now;
        }
      }

      if (before.status === "published") countReview(db, countedFacts(before), -1);
      db.$client
        .prepare(
          `UPDATE reviews SET stars = ?, title = ?, body = ?, body_html = ?, language = ?, experience_date = ?, channel = ?,
           recommend = ?, status = ?, held_check = ?, held_at = ?, published_at = ?, edited_at = ?
         WHERE id = ?`,
        )
        .run(...textColumns(input, args.locale), status, heldCheck, heldAt, publishedAt, now, args.reviewId);
      insertRevision(db, args.reviewId, input, now);
      if (status === "published") countReview(db, countedFacts(loadReview(db, args.reviewId)!), 1);
      if (status === "published") onReviewPublished(db, args.reviewId, now, args.origin);

      const del = db.$client.prepare(`DELETE FROM review_media WHERE id = ? AND review_id = ?`);
      for (const p of removing) del.run(p.id, args.reviewId);
      const nextPosition = photos.reduce((m, p) => Math.max(m, p.position + 1), 0);
      insertMedia(db, args.actor.id, args.reviewId, "photo", args.addPhotos ?? [], nextPosition);
      if (args.proof) insertMedia(db, args.actor.id, args.reviewId, "proof", [args.proof], 0);

      if (status === "held" && before.status !== "held") notifyHeld(db, args.actor.id, args.reviewId, result.decisive!, args.origin);
      return {
        ok: true,
        reviewId: args.reviewId,
        status,
        checks: result.checks,
        removedMedia: removing.map((p) => ({ storageKey: p.storageKey, mime: p.mime })),
      };
    })
    .immediate();
}

/** The author deletes their review: gone from the public pages and the score, kept
 *  internally (status 'deleted', deleted_at) per the retention policy. */
export function deleteReview(args: { actor: Actor; reviewId: number; now?: number }): WriteResult {
  const db = getDb();
  const now = args.now ?? Date.now();
  return db.$client
    .transaction((): WriteResult => {
      const before = loadReview(db, args.reviewId);
      if (!before || before.status === "deleted") return { ok: false, kind: "not_found" };
      if (before.authorId !== args.actor.id) return { ok: false, kind: "forbidden" };
      if (before.status === "published") countReview(db, countedFacts(before), -1);
      db.$client.prepare(`UPDATE reviews SET status = 'deleted', deleted_at = ? WHERE id = ?`).run(now, args.reviewId);
      if (before.status === "published") onReviewRemoved(db, args.reviewId, now, "author");
      return { ok: true, reviewId: args.reviewId, status: "deleted", checks: [] };
    })
    .immediate();
}

// ─── Reading for the forms ────────────────────────────────────────────────────

export interface SubjectForReview {
  id: number;
  name: string;
  kind: string;
  city: string | null;
  state: string;
  company: { id: number; slug: string; name: string };
}

export function getSubjectForReview(subjectId: number): SubjectForReview | null {
  const row = getDb()
    .$client.prepare<
      [subjectId: number],
      Omit<SubjectForReview, "company"> & { companyId: number; companySlug: string; companyName: string }
    >(
      `SELECT s.id, s.name, s.kind, s.city, s.state, c.id AS companyId, c.slug AS companySlug, c.name AS companyName
       FROM subjects s JOIN companies c ON c.id = s.company_id WHERE s.id = ? AND s.state = 'active'`,
    )
    .get(subjectId);
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    city: row.city,
    state: row.state,
    company: { id: row.companyId, slug: row.companySlug, name: row.companyName },
  };
}

export interface ReviewForEdit {
  id: number;
  status: ReviewStatus;
  heldCheck: string | null;
  values: {
    stars: number;
    title: string;
    body: string;
    experienceDate: string;
    channel: string;
    recommend: "yes" | "no" | "";
    language: Language;
  };
  subject: SubjectForReview;
  photos: { id: number; storageKey: string; width: number; height: number }[];
  proofs: { id: number; storageKey: string; proofStatus: string | null }[];
  revisionCount: number;
}

/** A review's text as the reviews and review_revisions tables hold it. */
interface StoredReviewText {
  stars: number;
  title: string;
  body: string;
  experienceDate: string;
  channel: string;
  recommend: number | null;
}

interface ReviewForEditRow extends StoredReviewText {
  id: number;
  authorId: number | null;
  status: ReviewStatus;
  heldCheck: string | null;
  language: Language;
  subjectId: number;
  subjectName: string;
  subjectKind: string;
  subjectCity: string | null;
  subjectState: string;
  companyId: number;
  companySlug: string;
  companyName: string;
}

/** The author's own review, for its edit form; null when it is not theirs or not editable. */
export function getReviewForEdit(actor: Actor, reviewId: number): ReviewForEdit | "forbidden" | null {
  const db = getDb();
  const r = db.$client
    .prepare<[reviewId: number], ReviewForEditRow>(
      `SELECT r.id, r.author_id AS authorId, r.status, r.held_check AS heldCheck, r.stars, r.title, r.body,
              r.experience_date AS experienceDate, r.channel, r.recommend, r.language,
              s.id AS subjectId, s.name AS subjectName, s.kind AS subjectKind, s.city AS subjectCity, s.state AS subjectState,
              c.id AS companyId, c.slug AS companySlug, c.name AS companyName
       FROM reviews r JOIN subjects s ON s.id = r.subject_id JOIN companies c ON c.id = r.company_id WHERE r.id = ?`,
    )
    .get(reviewId);
  if (!r || r.status === "deleted") return null;
  if (r.authorId !== actor.id) return "forbidden";
  const media = db.$client
    .prepare<
      [reviewId: number],
      { id: number; kind: string; storageKey: string; width: number; height: number; proofStatus: string | null }
    >(
      `SELECT id, kind, storage_key AS storageKey, width, height, proof_status AS proofStatus
       FROM review_media WHERE review_id = ? ORDER BY kind, position, id`,
    )
    .all(reviewId);
  const revisions = db.$client
    .prepare<[reviewId: number], { n: number }>(`SELECT count(*) AS n FROM review_revisions WHERE review_id = ?`)
    .get(reviewId)!;
  return {
    id: r.id,
    status: r.status,
    heldCheck: r.heldCheck,
    values: {
      stars: r.stars,
      title: r.title,
      body: r.body,
      experienceDate: r.experienceDate,
      channel: r.channel,
      recommend: r.recommend == null ? "" : r.recommend ? "yes" : "no",
      language: r.language,
    },
    subject: {
      id: r.subjectId,
      name: r.subjectName,
      kind: r.subjectKind,
      city: r.subjectCity,
      state: r.subjectState,
      company: { id: r.companyId, slug: r.companySlug, name: r.companyName },
    },
    photos: media.filter((m) => m.kind === "photo").map(({ id, storageKey, width, height }) => ({ id, storageKey, width, height })),
    proofs: media.filter((m) => m.kind === "proof").map(({ id, storageKey, proofStatus }) => ({ id, storageKey, proofStatus })),
    revisionCount: revisions.n,
  };
}

/** Every version of a review, oldest first (the author's history; moderators' too). */
export function listRevisions(reviewId: number) {
  return getDb()
    .$client.prepare<[reviewId: number], StoredReviewText & { id: number; createdAt: number }>(
      `SELECT id, stars, title, body, experience_date AS experienceDate, channel, recommend, created_at AS createdAt
       FROM review_revisions WHERE review_id = ? ORDER BY id`,
    )
    .all(reviewId);
}

/** The slug of the review's company (where to go after deleting it). */
export function reviewCompanySlug(reviewId: number): string | null {
  const row = getDb()
    .$client.prepare<[reviewId: number], { slug: string }>(
      `SELECT c.slug FROM reviews r JOIN companies c ON c.id = r.company_id WHERE r.id = ?`,
    )
    .get(reviewId);
  return row?.slug ?? null;
}

/** Changes a review's origin label (a moderator accepted its proof: "verified"; or took
 *  the label back), moving its counters from one basis to the other. Call inside the
 *  decision's transaction. */
export function setReviewOrigin(db: Db, reviewId: number, origin: CountedReview["origin"]) {
  const before = loadReview(db, reviewId);
  if (!before || before.origin === origin) return false;
  if (before.status === "published") countReview(db, countedFacts(before), -1);
  db.$client.prepare(`UPDATE reviews SET origin = ? WHERE id = ?`).run(origin, reviewId);
  if (before.status === "published") countReview(db, countedFacts({ ...before, origin }), 1);
  return true;
}
