// A company's subjects (its stores, websites, products and services) as its team manages them
// from /brand/:slug/subjects. Members read the list; an owner of a verified company adds a
// subject, edits its name and details, closes it (a store that shut, a product no longer
// sold: its page and its reviews stay, it shows "closed" and takes no new review; the
// review model refuses one, review-submission.server.ts) and reopens it, and deletes one
// that never had a review — never one that had. Pending and refused subjects are reviewers'
// suggestions: moderators decide them (moderation-queues.server.ts), the company does not.
//
// A subject keeps its slug when it is renamed: its address (/companies/:slug/:subject) and
// every link to it keep working. Every change is a row of the company's log (company_events)
// written in the same transaction, and every one is checked here again, whatever the page
// showed: the route's guard (requireCompanyMember) says who may ask, these functions say
// what may be done.
import { and, eq } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import {
  companies,
  companyMembers,
  invitations,
  reviews,
  subjects,
  type COMPANY_EVENT_KINDS,
  type SUBJECT_KINDS,
  type SUBJECT_STATES,
} from "#db/schema";
import { SUBJECT_PAGE_SIZE, type SubjectAction, type SubjectDetails } from "~/lib/subject-form";
import { logCompanyEvent } from "./company-claims.server";
import { getRatingSummary, type SubjectView } from "./companies.server";
import { uniqueSubjectSlug } from "./review-submission.server";

type Kind = (typeof SUBJECT_KINDS)[number];
type State = (typeof SUBJECT_STATES)[number];

// ─── Reading ──────────────────────────────────────────────────────────────────

export interface CompanySubject {
  id: number;
  slug: string;
  kind: Kind;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  url: string | null;
  state: State;
  /** Published reviews (the counters the public pages show, rating_stats). */
  reviewCount: number;
  /** Any review at all, whatever its status: such a subject is never deleted. */
  hasReviews: boolean;
}

interface CompanySubjectRow extends Omit<CompanySubject, "hasReviews"> {
  hasReviews: number;
}

// Each row reads its counters by rating_stats' primary key and its first review by
// reviews_subject_feed_idx: two index probes, never a scan of the reviews.
const SUBJECT_COLUMNS = `s.id, s.slug, s.kind, s.name, s.address, s.postal_code AS postalCode, s.city, s.url, s.state,
  coalesce((SELECT sum(st.review_count) FROM rating_stats st WHERE st.scope = 'subject' AND st.scope_id = s.id), 0) AS reviewCount,
  EXISTS (SELECT 1 FROM reviews r WHERE r.subject_id = s.id) AS hasReviews`;

const toSubject = ({ hasReviews, ...row }: CompanySubjectRow): CompanySubject => ({ ...row, hasReviews: hasReviews === 1 });

/** One page of the company's subjects (its suggestions refused by a moderator left out), in
 *  the order of their slugs — the name each had when added — on subjects_company_slug_unique;
 *  `after` is the last slug of the previous page. */
export function listCompanySubjects(
  companyId: number,
  options: { after?: string | null; limit?: number } = {},
  db: Db = getDb(),
): { subjects: CompanySubject[]; nextCursor: string | null } {
  const limit = options.limit ?? SUBJECT_PAGE_SIZE;
  const after = options.after && options.after.length <= 80 ? options.after : null;
  const rows = db.$client
    .prepare<(string | number)[], CompanySubjectRow>(
      `SELECT ${SUBJECT_COLUMNS} FROM subjects s
       WHERE s.company_id = ? AND s.state != 'rejected' ${after ? "AND s.slug > ?" : ""}
       ORDER BY s.slug LIMIT ?`,
    )
    .all(companyId, ...(after ? [after] : []), limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { subjects: page.map(toSubject), nextCursor: hasMore ? (page.at(-1)?.slug ?? null) : null };
}

/** One subject of the company (null for another company's). */
export function getCompanySubject(companyId: number, subjectId: number, db: Db = getDb()): CompanySubject | null {
  const row = db.$client
    .prepare<[companyId: number, subjectId: number], CompanySubjectRow>(
      `SELECT ${SUBJECT_COLUMNS} FROM subjects s WHERE s.company_id = ? AND s.id = ?`,
    )
    .get(companyId, subjectId);
  return row ? toSubject(row) : null;
}

export interface SubjectChoice {
  id: number;
  kind: Kind;
  name: string;
  city: string | null;
  closed: boolean;
}

/** The company's subjects that have a page (active and closed ones), by kind and name: the
 *  brand inbox's subject filter. */
export function listSubjectChoices(companyId: number, db: Db = getDb()): SubjectChoice[] {
  return db.$client
    .prepare<[companyId: number], Omit<SubjectChoice, "closed"> & { state: State }>(
      `SELECT id, kind, name, city, state FROM subjects WHERE company_id = ? AND state IN ('active', 'closed')
       ORDER BY kind, name COLLATE NOCASE, id`,
    )
    .all(companyId)
    .map(({ state, ...s }) => ({ ...s, closed: state === "closed" }));
}

/** A subject's public page: what the company page lists of it, and whether it is closed
 *  (by its company: the page and its reviews stay, no new review is taken). */
export type SubjectPage = SubjectView & { closed: boolean };

/** The subject of a public page (/companies/:slug/:subject): an active or closed one. */
export function findSubjectPage(companyId: number, slug: string, db: Db = getDb()): SubjectPage | null {
  const row = db
    .select()
    .from(subjects)
    .where(and(eq(subjects.companyId, companyId), eq(subjects.slug, slug)))
    .get();
  if (!row || (row.state !== "active" && row.state !== "closed")) return null;
  const { reviewCount, trustScore, rawMean } = getRatingSummary("subject", row.id);
  const { id, kind, name, address, postalCode, city, url } = row;
  return { id, slug, kind, name, address, postalCode, city, url, reviewCount, trustScore, rawMean, closed: row.state === "closed" };
}

// ─── Changing ─────────────────────────────────────────────────────────────────

export type SubjectRefusal = "not_owner" | "not_verified" | "not_found" | "not_allowed" | "has_reviews" | "in_use" | "stale";

export type SubjectChangeResult = { ok: true; subjectId: number } | { ok: false; kind: SubjectRefusal };

interface ChangeInput {
  companyId: number;
  actorId: number;
  now?: number;
}

type EventKind = Extract<(typeof COMPANY_EVENT_KINDS)[number], `subject_${string}`>;

/** Runs `change` in one transaction once the actor is found to be an owner of the company,
 *  and the company verified; `log` writes the change's row of the company's log. */
function asOwner(
  db: Db,
  input: ChangeInput,
  change: (log: (kind: EventKind, detail: object) => void, now: number) => SubjectChangeResult,
): SubjectChangeResult {
  const now = input.now ?? Date.now();
  const log = (kind: EventKind, detail: object) =>
    logCompanyEvent(db, { companyId: input.companyId, actorId: input.actorId, kind, detail, now });
  return db.$client
    .transaction((): SubjectChangeResult => {
      const member = db
        .select({ role: companyMembers.role, state: companies.state })
        .from(companyMembers)
        .innerJoin(companies, eq(companies.id, companyMembers.companyId))
        .where(and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, input.actorId)))
        .get();
      if (member?.role !== "owner") return { ok: false, kind: "not_owner" };
      if (member.state !== "verified") return { ok: false, kind: "not_verified" };
      return change(log, now);
    })
    .immediate();
}

/** The company's own subject (active or closed), or the refusal. */
function ownSubject(db: Db, companyId: number, subjectId: number) {
  const subject = db
    .select()
    .from(subjects)
    .where(and(eq(subjects.id, subjectId), eq(subjects.companyId, companyId)))
    .get();
  if (!subject) return { refusal: "not_found" as const };
  if (subject.state !== "active" && subject.state !== "closed") return { refusal: "not_allowed" as const };
  return { subject };
}

const DETAIL_FIELDS = ["name", "address", "postalCode", "city", "url"] as const;

const detailColumns = (d: SubjectDetails) => ({
  name: d.name,
  address: d.address ?? null,
  postalCode: d.postalCode ?? null,
  city: d.city ?? null,
  url: d.url ?? null,
});

/** An owner adds a subject: active at once, with a slug of its own from its name. */
export function addSubject(input: ChangeInput & { details: SubjectDetails }, db: Db = getDb()): SubjectChangeResult {
  return asOwner(db, input, (log, now) => {
    const d = input.details;
    const row = db
      .insert(subjects)
      .values({
        companyId: input.companyId,
        kind: d.kind,
        slug: uniqueSubjectSlug(db, input.companyId, d.name),
        ...detailColumns(d),
        state: "active",
        createdAt: now,
      })
      .returning({ id: subjects.id, slug: subjects.slug })
      .get();
    log("subject_added", { subjectId: row.id, kind: d.kind, name: d.name, slug: row.slug });
    return { ok: true, subjectId: row.id };
  });
}

/** An owner renames a subject or corrects its details; its kind and its slug stay (the
 *  form's kind must be the subject's: a page older than a change is refused as stale). */
export function updateSubject(input: ChangeInput & { subjectId: number; details: SubjectDetails }, db: Db = getDb()): SubjectChangeResult {
  return asOwner(db, input, (log) => {
    const found = ownSubject(db, input.companyId, input.subjectId);
    if (!found.subject) return { ok: false, kind: found.refusal };
    if (found.subject.kind !== input.details.kind) return { ok: false, kind: "stale" };
    const next = detailColumns(input.details);
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    for (const field of DETAIL_FIELDS) {
      if (found.subject[field] !== next[field]) changes[field] = { from: found.subject[field], to: next[field] };
    }
    if (Object.keys(changes).length === 0) return { ok: true, subjectId: input.subjectId };
    db.update(subjects).set(next).where(eq(subjects.id, input.subjectId)).run();
    log("subject_updated", { subjectId: input.subjectId, changes });
    return { ok: true, subjectId: input.subjectId };
  });
}

/** An owner closes an active subject (`closed`: true) or reopens a closed one. */
export function setSubjectClosed(input: ChangeInput & { subjectId: number; closed: boolean }, db: Db = getDb()): SubjectChangeResult {
  return asOwner(db, input, (log) => {
    const found = ownSubject(db, input.companyId, input.subjectId);
    if (!found.subject) return { ok: false, kind: found.refusal };
    if (found.subject.state !== (input.closed ? "active" : "closed")) return { ok: false, kind: "not_allowed" };
    db.update(subjects)
      .set({ state: input.closed ? "closed" : "active" })
      .where(eq(subjects.id, input.subjectId))
      .run();
    log(input.closed ? "subject_closed" : "subject_reopened", { subjectId: input.subjectId, name: found.subject.name });
    return { ok: true, subjectId: input.subjectId };
  });
}

/** An owner deletes a subject that never had a review (of any status: what was said about
 *  a subject stays, under a closed subject) nor an invitation to review it. */
export function deleteSubject(input: ChangeInput & { subjectId: number }, db: Db = getDb()): SubjectChangeResult {
  return asOwner(db, input, (log) => {
    const found = ownSubject(db, input.companyId, input.subjectId);
    if (!found.subject) return { ok: false, kind: found.refusal };
    const reviewed = db.select({ id: reviews.id }).from(reviews).where(eq(reviews.subjectId, input.subjectId)).limit(1).get();
    if (reviewed) return { ok: false, kind: "has_reviews" };
    const invited = db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.companyId, input.companyId), eq(invitations.subjectId, input.subjectId)))
      .limit(1)
      .get();
    if (invited) return { ok: false, kind: "in_use" };
    db.delete(subjects).where(eq(subjects.id, input.subjectId)).run();
    const { kind, name, slug } = found.subject;
    log("subject_deleted", { subjectId: input.subjectId, kind, name, slug });
    return { ok: true, subjectId: input.subjectId };
  });
}

/** One of the page's forms, as its schema parsed it (app/lib/subject-form.ts). */
export function changeSubject(input: ChangeInput, change: SubjectAction, db: Db = getDb()): SubjectChangeResult {
  switch (change.intent) {
    case "add":
      return addSubject({ ...input, details: change }, db);
    case "edit":
      return updateSubject({ ...input, subjectId: change.subjectId, details: change }, db);
    case "delete":
      return deleteSubject({ ...input, subjectId: change.subjectId }, db);
    default:
      return setSubjectClosed({ ...input, subjectId: change.subjectId, closed: change.intent === "close" }, db);
  }
}
