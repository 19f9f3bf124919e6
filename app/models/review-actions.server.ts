// What readers and authors do around a review: helpful votes, flags, the author's one
// follow-up, "resolved by the company", and "the company offered me something" reports.
// Each is one transaction; each derives who may do it from the database, never the form.
import { getDb, type Db } from "#db/client.server";
import { renderMarkdown } from "~/lib/markdown.server";
import type { ModerationReason } from "~/lib/moderation-reasons";
import { FLAGS_PER_DAY_PER_ACCOUNT } from "~/lib/flag-policy";
import { afterFlag, flagDeadline, flaggingRefusal } from "./flags.server";
import type { Actor } from "./review-submission.server";
import { countedFacts, countResolved, type CountedReview } from "./stats.server";
import { preparedPerConnection, type Client } from "./prepared-statements.server";

export type ActionResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; kind: "not_found" | "forbidden" | "own_review" | "not_allowed" | "already" | "rate_limited" }
  | { ok: false; kind: "suspended"; until: number };

interface ReviewFacts {
  id: number;
  authorId: number | null;
  companyId: number;
  subjectId: number;
  status: string;
  origin: "organic" | "invited" | "verified";
  stars: number;
  recommend: number | null;
  publishedAt: number | null;
  resolvedAt: number | null;
  heldCheck: string | null;
  heldAt: number | null;
  replyId: number | null;
  replyStatus: string | null;
  replyPublishedAt: number | null;
}

// The reads every vote, flag and review page makes, prepared once per connection.
function prepareStatements(client: Client) {
  return {
    facts: client.prepare<[reviewId: number], ReviewFacts>(
      `SELECT r.id, r.author_id AS authorId, r.company_id AS companyId, r.subject_id AS subjectId, r.status, r.origin,
              r.stars, r.recommend, r.published_at AS publishedAt, r.resolved_at AS resolvedAt,
              r.held_check AS heldCheck, r.held_at AS heldAt,
              p.id AS replyId, p.status AS replyStatus, p.published_at AS replyPublishedAt
       FROM reviews r LEFT JOIN replies p ON p.review_id = r.id WHERE r.id = ?`,
    ),
    helpfulCount: client.prepare<[reviewId: number], { n: number }>(`SELECT helpful_count AS n FROM reviews WHERE id = ?`),
  };
}

const preparedFor = preparedPerConnection(prepareStatements);
const statements = (db: Db) => preparedFor(db.$client);

function loadFacts(db: Db, reviewId: number): ReviewFacts | undefined {
  return statements(db).facts.get(reviewId);
}

function counted(f: ReviewFacts): CountedReview {
  return countedFacts({ ...f, replyPublishedAt: f.replyStatus === "published" ? f.replyPublishedAt : null });
}

// ─── Helpful votes ────────────────────────────────────────────────────────────

/** Votes a published review helpful: once per reader, never on one's own, and never by a
 *  member of the reviewed company (the votes order the "most helpful" list: a company never
 *  reorders its reviews). */
export function voteHelpful(args: { actor: Actor; reviewId: number; now?: number }): ActionResult<{ helpfulCount: number }> {
  const db = getDb();
  return db.$client
    .transaction((): ActionResult<{ helpfulCount: number }> => {
      const f = loadFacts(db, args.reviewId);
      if (!f || f.status !== "published") return { ok: false, kind: "not_found" };
      if (f.authorId === args.actor.id) return { ok: false, kind: "own_review" };
      const member = db.$client
        .prepare<[companyId: number, userId: number], { one: number }>(
          `SELECT 1 AS one FROM company_members WHERE company_id = ? AND user_id = ?`,
        )
        .get(f.companyId, args.actor.id);
      if (member) return { ok: false, kind: "not_allowed" };
      const inserted = db.$client
        .prepare(`INSERT OR IGNORE INTO helpful_votes (review_id, user_id, created_at) VALUES (?, ?, ?)`)
        .run(args.reviewId, args.actor.id, args.now ?? Date.now()).changes;
      if (inserted) db.$client.prepare(`UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?`).run(args.reviewId);
      return { ok: true, helpfulCount: helpfulCount(db, args.reviewId) };
    })
    .immediate();
}

/** Takes one's helpful vote back. */
export function undoHelpful(args: { actor: Actor; reviewId: number }): ActionResult<{ helpfulCount: number }> {
  const db = getDb();
  return db.$client
    .transaction((): ActionResult<{ helpfulCount: number }> => {
      const f = loadFacts(db, args.reviewId);
      if (!f) return { ok: false, kind: "not_found" };
      const deleted = db.$client
        .prepare(`DELETE FROM helpful_votes WHERE review_id = ? AND user_id = ?`)
        .run(args.reviewId, args.actor.id).changes;
      if (deleted) {
        db.$client.prepare(`UPDATE reviews SET helpful_count = max(0, helpful_count - 1) WHERE id = ?`).run(args.reviewId);
      }
      return { ok: true, helpfulCount: helpfulCount(db, args.reviewId) };
    })
    .immediate();
}

function helpfulCount(db: Db, reviewId: number) {
  // Called inside the vote's transaction, after loadFacts found the review.
  return statements(db).helpfulCount.get(reviewId)!.n;
}

// ─── Flags ────────────────────────────────────────────────────────────────────

/** Flags one notifier without an account (known by their address) may file per day; the
 *  limits of accounts and companies are app/lib/flag-policy.ts's. */
export const FLAGS_PER_DAY = FLAGS_PER_DAY_PER_ACCOUNT;

export interface FlagArgs {
  /** Null for a notifier without an account (the public /report form): then `contact` is required. */
  actor: Actor | null;
  /** The name and email the reporter gave (the /report form), kept to send them the decision. */
  contact?: { name: string; email: string };
  target: "review" | "reply" | "follow_up";
  reviewId: number;
  reason: ModerationReason;
  explanation: string;
  /** The language of the form, kept to tell a notifier without an account the decision in it. */
  locale?: "fr" | "en";
  /** The site's origin, for the link in the mail to the review's author. */
  origin?: string;
  now?: number;
}

/** Flags a review, its reply or its follow-up. A company member flags in the company's
 *  name (the scorecard counts company flags); a visitor without an account flags as a
 *  'notifier' (known by the email they gave). The content stays visible while assessed. */
export function flagContent(args: FlagArgs, db: Db = getDb()): ActionResult<{ flagId: number }> {
  const now = args.now ?? Date.now();
  const actorId = args.actor?.id ?? null;
  const email = args.contact?.email.trim().toLowerCase() || null;
  if (actorId == null && !email) return { ok: false, kind: "forbidden" };
  return db.$client
    .transaction((): ActionResult<{ flagId: number }> => {
      const f = loadFacts(db, args.reviewId);
      if (!f || f.status !== "published") return { ok: false, kind: "not_found" };
      let replyId: number | null = null;
      let followUpId: number | null = null;
      if (args.target === "review") {
        if (actorId != null && f.authorId === actorId) return { ok: false, kind: "own_review" };
      } else if (args.target === "reply") {
        if (f.replyId == null || f.replyStatus !== "published") return { ok: false, kind: "not_found" };
        replyId = f.replyId;
      } else {
        const fu = db.$client
          .prepare<[reviewId: number], { id: number }>(`SELECT id FROM follow_ups WHERE review_id = ? AND status = 'published'`)
          .get(args.reviewId);
        if (!fu) return { ok: false, kind: "not_found" };
        if (actorId != null && f.authorId === actorId) return { ok: false, kind: "own_review" };
        followUpId = fu.id;
      }
      const member =
        actorId == null
          ? undefined
          : db.$client
              .prepare<[userId: number, companyId: number], { id: number; suspendedUntil: number | null }>(
                `SELECT c.id, c.flagging_suspended_until AS suspendedUntil FROM company_members m JOIN companies c ON c.id = m.company_id
         WHERE m.user_id = ? AND m.company_id = ?`,
              )
              .get(actorId, f.companyId);
      const staff = args.actor?.role === "moderator" || args.actor?.role === "admin";
      // The company flagging its own reply makes no sense; its members flag reviews and follow-ups.
      if (member && args.target === "reply") return { ok: false, kind: "not_allowed" };
      // A signed-in reporter is known by their account, a notifier by the email they gave.
      const who = actorId != null ? "reporter_user_id = ?" : "reporter_user_id IS NULL AND reporter_email = ?";
      if (actorId != null) {
        // Suspended for abusive flagging, or past the daily limit of the account or the company.
        const refusal = flaggingRefusal(db, { userId: actorId, companyId: member?.id ?? null }, now);
        if (refusal)
          return refusal.kind === "suspended"
            ? { ok: false, kind: "suspended", until: refusal.until }
            : { ok: false, kind: "rate_limited" };
      } else {
        const recent = db.$client
          .prepare<[email: string | null, since: number], { n: number }>(`SELECT count(*) AS n FROM flags WHERE ${who} AND created_at > ?`)
          .get(email, now - 86_400_000)!;
        if (recent.n >= FLAGS_PER_DAY) return { ok: false, kind: "rate_limited" };
      }
      const duplicate = db.$client
        .prepare<[reporter: number | string | null, reviewId: number, target: FlagArgs["target"]], { id: number }>(
          `SELECT id FROM flags WHERE ${who} AND review_id = ? AND target_type = ? AND status = 'pending'`,
        )
        .get(actorId ?? email, args.reviewId, args.target);
      if (duplicate) return { ok: false, kind: "already" };
      const row = db.$client
        .prepare<(string | number | null)[], { id: number }>(
          `INSERT INTO flags (target_type, review_id, reply_id, follow_up_id, reason, explanation, reporter_type,
           reporter_user_id, reporter_company_id, reporter_name, reporter_email, reporter_locale, good_faith, deadline_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id`,
        )
        .get(
          args.target,
          args.reviewId,
          replyId,
          followUpId,
          args.reason,
          args.explanation,
          member ? "company" : staff ? "moderator" : actorId != null ? "consumer" : "notifier",
          actorId,
          member ? member.id : null,
          args.contact?.name.trim() || null,
          email,
          args.locale ?? null,
          flagDeadline(args.reason, now),
          now,
        )!;
      // Shown as "being assessed after a report" while a moderator looks at it.
      if (args.target === "review") {
        db.$client.prepare(`UPDATE reviews SET under_review_since = coalesce(under_review_since, ?) WHERE id = ?`).run(now, args.reviewId);
      } else if (args.target === "reply") {
        db.$client.prepare(`UPDATE replies SET under_review_since = coalesce(under_review_since, ?) WHERE id = ?`).run(now, replyId);
      }
      // The author is told (once a day per review), or the review is held on a manifestly
      // illegal flag from a trusted path (app/models/flags.server.ts).
      afterFlag(db, {
        flagId: row.id,
        reviewId: args.reviewId,
        target: args.target,
        reason: args.reason,
        reporter: { userId: actorId, role: args.actor?.role ?? null, companyMember: member != null },
        origin: args.origin,
        now,
      });
      return { ok: true, flagId: row.id };
    })
    .immediate();
}

// ─── The author's follow-up and "resolved" ────────────────────────────────────

/** The author's one follow-up, once the company has replied. */
export function addFollowUp(args: { actor: Actor; reviewId: number; body: string; now?: number }): ActionResult<{ followUpId: number }> {
  const now = args.now ?? Date.now();
  const db = getDb();
  return db.$client
    .transaction((): ActionResult<{ followUpId: number }> => {
      const f = loadFacts(db, args.reviewId);
      if (!f || f.status === "deleted") return { ok: false, kind: "not_found" };
      if (f.authorId !== args.actor.id) return { ok: false, kind: "forbidden" };
      if (f.status !== "published" || f.replyId == null || f.replyStatus !== "published") return { ok: false, kind: "not_allowed" };
      const existing = db.$client.prepare(`SELECT id FROM follow_ups WHERE review_id = ?`).get(args.reviewId);
      if (existing) return { ok: false, kind: "already" };
      const row = db.$client
        .prepare<[reviewId: number, body: string, bodyHtml: string, publishedAt: number, createdAt: number], { id: number }>(
          `INSERT INTO follow_ups (review_id, body, body_html, published_at, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(args.reviewId, args.body, renderMarkdown(args.body), now, now)!;
      return { ok: true, followUpId: row.id };
    })
    .immediate();
}

/** The author marks (or unmarks) the review "resolved by the company", once it replied. */
export function setResolved(args: {
  actor: Actor;
  reviewId: number;
  resolved: boolean;
  now?: number;
}): ActionResult<{ resolvedAt: number | null }> {
  const now = args.now ?? Date.now();
  const db = getDb();
  return db.$client
    .transaction((): ActionResult<{ resolvedAt: number | null }> => {
      const f = loadFacts(db, args.reviewId);
      if (!f || f.status === "deleted") return { ok: false, kind: "not_found" };
      if (f.authorId !== args.actor.id) return { ok: false, kind: "forbidden" };
      if (f.replyId == null || f.replyStatus !== "published") return { ok: false, kind: "not_allowed" };
      const was = f.resolvedAt != null;
      if (was === args.resolved) return { ok: true, resolvedAt: f.resolvedAt };
      const resolvedAt = args.resolved ? now : null;
      db.$client.prepare(`UPDATE reviews SET resolved_at = ? WHERE id = ?`).run(resolvedAt, args.reviewId);
      if (f.status === "published") countResolved(db, counted(f), args.resolved ? 1 : -1);
      return { ok: true, resolvedAt };
    })
    .immediate();
}

// ─── "The company offered me something" ───────────────────────────────────────

/** The author reports that the company offered something to change or delete the review. */
export function reportIncentive(args: { actor: Actor; reviewId: number; body: string; now?: number }): ActionResult<{ reportId: number }> {
  const now = args.now ?? Date.now();
  const db = getDb();
  return db.$client
    .transaction((): ActionResult<{ reportId: number }> => {
      const f = loadFacts(db, args.reviewId);
      if (!f) return { ok: false, kind: "not_found" };
      if (f.authorId !== args.actor.id) return { ok: false, kind: "forbidden" };
      const recent = db.$client
        .prepare<[userId: number, since: number], { n: number }>(
          `SELECT count(*) AS n FROM conduct_reports WHERE reporter_user_id = ? AND created_at > ?`,
        )
        .get(args.actor.id, now - 86_400_000)!;
      if (recent.n >= 5) return { ok: false, kind: "rate_limited" };
      const row = db.$client
        .prepare<[companyId: number, reviewId: number, userId: number, body: string, createdAt: number], { id: number }>(
          `INSERT INTO conduct_reports (kind, company_id, review_id, reporter_user_id, body, created_at)
         VALUES ('incentive', ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(f.companyId, f.id, args.actor.id, args.body, now)!;
      return { ok: true, reportId: row.id };
    })
    .immediate();
}
