// A small world for the moderation tests: a verified company with a member, a published
// review (counted) with its reply and follow-up, reporters of each kind (a reader, the
// company, a notifier without an account), and moderators; signed-in cookies for each.
// Flags are written by flagContent, the one place flags are inserted.
import { getDb } from "#db/client.server";
import { anchoredWeight } from "~/lib/trustscore";
import { flagContent } from "~/models/review-actions.server";
import { createSession, sessionCookieName } from "~/models/session.server";
import { createTestUser } from "./auth";
import { makeCompany, makeReply, makeReview } from "./fixtures";

export async function account(options: { role?: "member" | "moderator" | "admin"; locale?: "fr" | "en"; name?: string } = {}) {
  const user = await createTestUser({ role: options.role, displayName: options.name });
  if (options.locale) getDb().$client.prepare(`UPDATE users SET locale = ? WHERE id = ?`).run(options.locale, user.id);
  const { token } = createSession(user.id);
  return { ...user, role: options.role ?? "member", cookie: `${sessionCookieName()}=${token}` };
}

export type Account = Awaited<ReturnType<typeof account>>;

let n = 0;

/** A published review by `authorId` on a fresh verified company, with a reply by the
 *  company's member and the author's follow-up. */
export function thread(authorId: number, memberId: number, options: { stars?: number; title?: string; language?: "fr" | "en" } = {}) {
  const k = ++n;
  const company = makeCompany({ name: `Maison Test ${k}`, slug: `maison-test-${k}-${Date.now()}` });
  getDb().$client.prepare(`INSERT INTO company_members (company_id, user_id, role) VALUES (?, ?, 'owner')`).run(company.id, memberId);
  const reviewId = makeReview({
    companyId: company.id,
    subjectId: company.subjectId,
    authorId,
    stars: options.stars ?? 2,
    title: options.title ?? `Service décevant ${k}`,
    recommend: false,
    language: options.language ?? "fr",
    publishedAt: Date.now() - 20 * 86_400_000,
  });
  getDb()
    .$client.prepare(
      `INSERT INTO review_revisions (review_id, stars, title, body, experience_date, channel, created_at) SELECT id, stars, title, body, experience_date, channel, published_at FROM reviews WHERE id = ?`,
    )
    .run(reviewId);
  const replyId = makeReply(reviewId, "Merci pour votre retour, nous regardons cela.", Date.now() - 19 * 86_400_000);
  getDb().$client.prepare(`UPDATE replies SET author_id = ? WHERE id = ?`).run(memberId, replyId);
  getDb()
    .$client.prepare(
      `INSERT INTO reply_revisions (reply_id, body, author_id, created_at) VALUES (?, 'Merci pour votre retour, nous regardons cela.', ?, ?)`,
    )
    .run(replyId, memberId, Date.now() - 19 * 86_400_000);
  const followUpId = (
    getDb()
      .$client.prepare(
        `INSERT INTO follow_ups (review_id, body, body_html, published_at) VALUES (?, 'Toujours rien reçu.', '<p>Toujours rien reçu.</p>', ?) RETURNING id`,
      )
      .get(reviewId, Date.now() - 18 * 86_400_000) as { id: number }
  ).id;
  return { companyId: company.id, subjectId: company.subjectId, reviewId, replyId, followUpId };
}

export function flagAs(
  reporter: { id: number; role: "member" | "moderator" | "admin" } | null,
  reviewId: number,
  options: {
    target?: "review" | "reply" | "follow_up";
    reason?: "offensive" | "personal_data" | "spam";
    contact?: { name: string; email: string };
    locale?: "fr" | "en";
  } = {},
) {
  const result = flagContent({
    actor: reporter,
    contact: options.contact,
    target: options.target ?? "review",
    reviewId,
    reason: options.reason ?? "offensive",
    explanation: "Ce texte insulte nommément un vendeur du magasin.",
    locale: options.locale,
  });
  if (!result.ok) throw new Error(`flag refused: ${result.kind}`);
  return result.flagId;
}

/** What decide() needs from the case as a moderator opened it. */
export function caseState(reviewId: number, target: "review" | "reply" | "follow_up" = "review") {
  const client = getDb().$client;
  const targetId =
    target === "review"
      ? reviewId
      : (
          client.prepare(`SELECT id FROM ${target === "reply" ? "replies" : "follow_ups"} WHERE review_id = ?`).get(reviewId) as {
            id: number;
          }
        ).id;
  const table = target === "review" ? "reviews" : target === "reply" ? "replies" : "follow_ups";
  const edited = client.prepare(`SELECT coalesce(edited_at, 0) AS e FROM ${table} WHERE id = ?`).get(targetId) as { e: number };
  const version = client
    .prepare(`SELECT coalesce(max(id), 0) AS v FROM moderation_decisions WHERE target_type = ? AND target_id = ?`)
    .get(target, targetId) as { v: number };
  const seen = client
    .prepare(`SELECT coalesce(max(id), 0) AS s FROM flags WHERE review_id = ? AND target_type = ? AND status = 'pending'`)
    .get(reviewId, target) as { s: number };
  return { version: version.v, seenFlag: seen.s, editedAt: edited.e };
}

/** The counters of a company recomputed from the reviews, independently of stats.server.ts. */
export function recomputedCounters(companyId: number) {
  const rows = getDb()
    .$client.prepare(
      `SELECT r.origin, r.stars, r.recommend, r.published_at AS publishedAt, r.resolved_at AS resolvedAt, p.published_at AS replyAt
       FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published'
       WHERE r.company_id = ? AND r.status = 'published'`,
    )
    .all(companyId) as {
    origin: string;
    stars: number;
    recommend: number | null;
    publishedAt: number;
    resolvedAt: number | null;
    replyAt: number | null;
  }[];
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const s = out.get(r.origin) ?? {
      reviewCount: 0,
      star1: 0,
      star2: 0,
      star3: 0,
      star4: 0,
      star5: 0,
      starSum: 0,
      weightedStarSum: 0,
      weightSum: 0,
      recommendYes: 0,
      recommendNo: 0,
      replyCount: 0,
      replyDelaySum: 0,
      resolvedCount: 0,
    };
    s.reviewCount++;
    s[`star${r.stars}`]++;
    s.starSum += r.stars;
    s.weightedStarSum += r.stars * anchoredWeight(r.publishedAt);
    s.weightSum += anchoredWeight(r.publishedAt);
    if (r.recommend === 1) s.recommendYes++;
    if (r.recommend === 0) s.recommendNo++;
    if (r.replyAt != null) {
      s.replyCount++;
      s.replyDelaySum += Math.max(0, r.replyAt - r.publishedAt);
    }
    if (r.resolvedAt != null) s.resolvedCount++;
    out.set(r.origin, s);
  }
  return out;
}

export function storedCounters(companyId: number) {
  return getDb()
    .$client.prepare(
      `SELECT origin, review_count AS reviewCount, star1, star2, star3, star4, star5, star_sum AS starSum,
              weighted_star_sum AS weightedStarSum, weight_sum AS weightSum, recommend_yes AS recommendYes,
              recommend_no AS recommendNo, reply_count AS replyCount, reply_delay_sum AS replyDelaySum, resolved_count AS resolvedCount
       FROM rating_stats WHERE scope = 'company' AND scope_id = ? AND review_count > 0`,
    )
    .all(companyId) as (Record<string, number> & { origin: string })[];
}
