// The life of a flag in the demo data (app/lib/flag-policy.ts), dated relative to the
// moment of seeding so that a fresh start shows it as it is today: open flags within their
// decision deadline (the queue's deadlines, the "under review since" line), a review of
// reader@example.com reported by its company with her answer to the moderators, and a
// reporter one dismissed flag away from the abuse warning. Runs after the demo rows are
// inserted, in one transaction; the choices follow the ids, so two runs pick the same rows.
import type { Db } from "../db/client.server";
import { FLAG_ABUSE_MIN_DECIDED, FLAG_DECISION_MS } from "../app/lib/flag-policy";
import { dismissalStatement } from "./seed-data/text";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const OPEN_REASONS = ["not_an_experience", "offensive", "spam", "personal_data"] as const;
const EXPLANATIONS: Record<(typeof OPEN_REASONS)[number], string> = {
  not_an_experience: "Je ne pense pas que cette personne soit venue : aucun détail ne correspond à notre magasin.",
  offensive: "Le texte traite un vendeur d’incapable, ce n’est pas un avis mais une insulte.",
  spam: "Ce texte ressemble mot pour mot à d’autres avis publiés le même jour.",
  personal_data: "L’avis donne le nom complet d’une de nos salariées.",
};
const RESPONSE =
  "Je maintiens mon avis : j’ai passé commande le 12 du mois dernier (commande n° 100482) et le colis est arrivé abîmé. Je peux envoyer la photo du carton et l’échange de mails avec le service client.";

export function seedFlagLifecycle(db: Db, now: number) {
  const client = db.$client;
  const one = <T>(sql: string, ...args: unknown[]) => client.prepare(sql).get(...args) as T | undefined;
  const all = <T>(sql: string, ...args: unknown[]) => client.prepare(sql).all(...args) as T[];
  const moderator = one<{ id: number }>(`SELECT id FROM users WHERE email = 'moderator@example.com'`);
  const reader = one<{ id: number }>(`SELECT id FROM users WHERE email = 'reader@example.com'`);
  if (!moderator || !reader) return;
  // Reporters: members who write reviews, not staff of any company, not the demo accounts.
  const reporters = all<{ id: number }>(
    `SELECT u.id FROM users u WHERE u.role = 'member' AND u.email NOT LIKE '%@example.com'
       AND NOT EXISTS (SELECT 1 FROM company_members m WHERE m.user_id = u.id)
     ORDER BY u.id LIMIT 40`,
  );
  if (reporters.length < 3) return;
  const insertFlag = client.prepare(
    `INSERT INTO flags (target_type, review_id, reason, explanation, reporter_type, reporter_user_id, reporter_company_id,
       good_faith, status, decision_id, decided_at, deadline_at, created_at)
     VALUES ('review', @reviewId, @reason, @explanation, @type, @userId, @companyId, 0, @status, @decisionId, @decidedAt, @deadlineAt, @at)`,
  );
  const flag = (f: {
    reviewId: number;
    reason: (typeof OPEN_REASONS)[number];
    userId: number;
    companyId?: number | null;
    at: number;
    status?: string;
    decisionId?: number | null;
    decidedAt?: number | null;
  }) =>
    insertFlag.run({
      reviewId: f.reviewId,
      reason: f.reason,
      explanation: EXPLANATIONS[f.reason],
      type: f.companyId != null ? "company" : "consumer",
      userId: f.userId,
      companyId: f.companyId ?? null,
      status: f.status ?? "pending",
      decisionId: f.decisionId ?? null,
      decidedAt: f.decidedAt ?? null,
      deadlineAt: f.at + FLAG_DECISION_MS,
      at: f.at,
    });
  const markUnderReview = client.prepare(`UPDATE reviews SET under_review_since = coalesce(min(under_review_since, ?), ?) WHERE id = ?`);
  const unflagged = (where: string, ...args: unknown[]) =>
    all<{ id: number; authorId: number; companyId: number; publishedAt: number }>(
      `SELECT r.id, r.author_id AS authorId, r.company_id AS companyId, r.published_at AS publishedAt FROM reviews r
       WHERE r.status = 'published' AND r.author_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.review_id = r.id)
         AND ${where} ORDER BY r.id DESC`,
      ...args,
    );

  client.transaction(() => {
    // 1. Open flags filed in the last days, each within its deadline.
    const recent = unflagged(`r.stars <= 3 AND r.author_id <> ? AND r.published_at < ?`, reader.id, now - 10 * DAY).slice(0, 6);
    recent.forEach((r, i) => {
      const at = now - (6 + i * 19) * HOUR;
      const userId = reporters.find((u) => u.id !== r.authorId)!.id;
      flag({ reviewId: r.id, reason: OPEN_REASONS[i % OPEN_REASONS.length]!, userId, at });
      markUnderReview.run(at, at, r.id);
    });

    // 2. A review of reader@example.com reported by the company it is about, and her answer.
    const own = all<{ id: number; companyId: number; memberId: number }>(
      `SELECT r.id, r.company_id AS companyId, m.user_id AS memberId FROM reviews r
       JOIN companies c ON c.id = r.company_id AND c.state = 'verified'
       JOIN company_members m ON m.company_id = r.company_id
       WHERE r.author_id = ? AND r.status = 'published' AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.review_id = r.id)
       ORDER BY r.stars, r.id DESC, m.user_id LIMIT 1`,
      reader.id,
    )[0];
    if (own) {
      const at = now - 30 * HOUR;
      flag({ reviewId: own.id, reason: "not_an_experience", userId: own.memberId, companyId: own.companyId, at });
      markUnderReview.run(at, at, own.id);
      client
        .prepare(`INSERT INTO flag_responses (review_id, author_id, body, created_at) VALUES (?, ?, ?, ?)`)
        .run(own.id, reader.id, RESPONSE, at + 5 * HOUR);
      client
        .prepare(`INSERT INTO notifications (user_id, kind, data, link, created_at) VALUES (?, 'flag_received', ?, ?, ?)`)
        .run(
          reader.id,
          JSON.stringify({ reviewId: own.id, reason: "not_an_experience", until: at + 7 * DAY }),
          `/reviews/${own.id}/respond`,
          at,
        );
    }

    // 3. A reporter near the abuse threshold: every one of their decided flags dismissed,
    //    one short of the minimum; their one open flag, if dismissed, brings the warning.
    const serial = reporters.at(-1)!.id;
    const older = unflagged(`r.author_id <> ? AND r.published_at < ?`, serial, now - 170 * DAY).slice(0, FLAG_ABUSE_MIN_DECIDED);
    const insertDecision = client.prepare(
      `INSERT INTO moderation_decisions (actor_id, automated, target_type, target_id, decision, reason, statement, created_at)
       VALUES (?, 0, 'review', ?, 'dismiss_flag', ?, ?, ?) RETURNING id`,
    );
    older.forEach((r, i) => {
      const at = now - (150 - i * 14) * DAY;
      const reason = OPEN_REASONS[i % OPEN_REASONS.length]!;
      if (i === older.length - 1) {
        flag({ reviewId: r.id, reason, userId: serial, at: now - 20 * HOUR });
        markUnderReview.run(now - 20 * HOUR, now - 20 * HOUR, r.id);
        return;
      }
      const decidedAt = at + 30 * HOUR;
      const decision = insertDecision.get(moderator.id, r.id, reason, dismissalStatement(reason), decidedAt) as { id: number };
      flag({ reviewId: r.id, reason, userId: serial, at, status: "dismissed", decisionId: decision.id, decidedAt });
    });
  })();
}
