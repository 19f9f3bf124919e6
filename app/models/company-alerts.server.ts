// What a company hears about its reviews: each member's alert mails (set at
// /brand/:slug/alerts) and the company's webhook events (app/models/webhooks.server.ts).
//
// The write model calls one of the `on…` hooks below inside the transaction that changed the
// review, so the mails (outbox) and the events (webhook_deliveries) commit with it or not at all:
//   - onReviewPublished: a review became (or stayed, after an edit) published — createReview,
//     editReview and releasePendingReviews (review-submission.server.ts), a held review
//     published by a moderator, the publication deadline or an appeal (held-reviews.server.ts),
//     a restore (moderation.server.ts). A review whose publication date is the transaction's
//     `now` was just published for the first time: `review.created`, the alert mails, and the
//     spike check when it has 2 stars or fewer. Otherwise (an edit, a restore): `review.updated`.
//   - onReplyPublished: the company's first reply (replies.server.ts): `reply.created`.
//   - onReviewRemoved: removed by a moderator, or deleted by its author: `review.removed`.
//   - onModerationDecision: a moderator's remove or restore, which calls one of the above.
//
// The spike of negative reviews is app/lib/spike.ts's rule, checked here each time a negative
// review is published (so in its transaction, BEGIN IMMEDIATE: two publications cannot both
// fire it); a spike is recorded in negative_spikes, at most one per company per 24 h, mailed
// to the members who asked and sent as `spike.detected`.
import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyAlertSettings, companyMembers, negativeSpikes, replies, reviews, subjects, users } from "#db/schema";
import { formatNumber, translate, type Locale, type MessageKey, type Vars } from "~/i18n";
import { linkOrigin } from "~/lib/origin.server";
import { assessSpike, SPIKE_RULE, type SpikeAssessment } from "~/lib/spike";
import type { AlertSettingsInput } from "~/lib/webhook-form";
import { queueMail, renderMail } from "./mail.server";
import { enqueueWebhookEvent } from "./webhooks.server";

const DAY = 86_400_000;

// ─── Settings (each member their own) ─────────────────────────────────────────

const NO_ALERTS: AlertSettingsInput = { newReviews: false, negativeReviews: false, spikes: false };

export function getAlertSettings(companyId: number, userId: number, db: Db = getDb()): AlertSettingsInput {
  const row = db
    .select({
      newReviews: companyAlertSettings.newReviews,
      negativeReviews: companyAlertSettings.negativeReviews,
      spikes: companyAlertSettings.spikes,
    })
    .from(companyAlertSettings)
    .where(and(eq(companyAlertSettings.companyId, companyId), eq(companyAlertSettings.userId, userId)))
    .get();
  return row ?? NO_ALERTS;
}

/** A member saves their own alerts (only a member of the company may). */
export function saveAlertSettings(
  input: { companyId: number; userId: number; settings: AlertSettingsInput; now?: number },
  db: Db = getDb(),
): { ok: true } | { ok: false; kind: "not_member" } {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction(() => {
      const member = db
        .select({ role: companyMembers.role })
        .from(companyMembers)
        .where(and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, input.userId)))
        .get();
      if (!member) return { ok: false as const, kind: "not_member" as const };
      const values = { ...input.settings, updatedAt: now };
      db.insert(companyAlertSettings)
        .values({ companyId: input.companyId, userId: input.userId, ...values })
        .onConflictDoUpdate({ target: [companyAlertSettings.companyId, companyAlertSettings.userId], set: values })
        .run();
      return { ok: true as const };
    })
    .immediate();
}

export interface SpikeView {
  detectedAt: number;
  count: number;
  baselineRate: number;
  pValue: number;
}

/** The company's last spikes, newest first. */
export function listSpikes(companyId: number, limit = 5, db: Db = getDb()): SpikeView[] {
  return db
    .select({
      detectedAt: negativeSpikes.detectedAt,
      count: negativeSpikes.count,
      baselineRate: negativeSpikes.baselineRate,
      pValue: negativeSpikes.pValue,
    })
    .from(negativeSpikes)
    .where(eq(negativeSpikes.companyId, companyId))
    .orderBy(desc(negativeSpikes.detectedAt))
    .limit(limit)
    .all();
}

/** The members of the company who asked for `alert`, with their address and language: active,
 *  confirmed accounts that are still members. */
function recipients(db: Db, companyId: number, alert: "newReviews" | "negativeReviews" | "spikes") {
  return db
    .select({
      email: users.email,
      name: users.displayName,
      locale: users.locale,
      newReviews: companyAlertSettings.newReviews,
      negativeReviews: companyAlertSettings.negativeReviews,
      spikes: companyAlertSettings.spikes,
    })
    .from(companyAlertSettings)
    .innerJoin(
      companyMembers,
      and(eq(companyMembers.companyId, companyAlertSettings.companyId), eq(companyMembers.userId, companyAlertSettings.userId)),
    )
    .innerJoin(users, eq(users.id, companyAlertSettings.userId))
    .where(
      and(
        eq(companyAlertSettings.companyId, companyId),
        eq(companyAlertSettings[alert], true),
        isNull(users.deletedAt),
        isNull(users.suspendedAt),
        isNotNull(users.emailVerifiedAt),
      ),
    )
    .all();
}

// ─── The review, as mails and events tell it ──────────────────────────────────

function loadReview(db: Db, reviewId: number) {
  return db
    .select({
      id: reviews.id,
      status: reviews.status,
      stars: reviews.stars,
      title: reviews.title,
      body: reviews.body,
      language: reviews.language,
      channel: reviews.channel,
      origin: reviews.origin,
      publishedAt: reviews.publishedAt,
      editedAt: reviews.editedAt,
      removedAt: reviews.removedAt,
      removalReason: reviews.removalReason,
      authorName: users.displayName,
      subjectId: subjects.id,
      subjectName: subjects.name,
      subjectKind: subjects.kind,
      companyId: companies.id,
      companySlug: companies.slug,
      companyName: companies.name,
    })
    .from(reviews)
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .innerJoin(subjects, eq(subjects.id, reviews.subjectId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(eq(reviews.id, reviewId))
    .get();
}
type AlertReview = NonNullable<ReturnType<typeof loadReview>>;

const iso = (at: number | null) => (at == null ? null : new Date(at).toISOString());

function companyData(r: { companyId: number; companySlug: string; companyName: string }) {
  return { id: r.companyId, slug: r.companySlug, name: r.companyName };
}

/** The `data` of a review event: what the public review page shows. */
function reviewData(r: AlertReview, origin: string) {
  return {
    company: companyData(r),
    review: {
      id: r.id,
      url: `${origin}/reviews/${r.id}`,
      stars: r.stars,
      title: r.title,
      body: r.body,
      language: r.language,
      channel: r.channel,
      origin: r.origin,
      author: r.authorName == null ? null : { name: r.authorName },
      subject: { id: r.subjectId, name: r.subjectName, kind: r.subjectKind },
      publishedAt: iso(r.publishedAt),
      editedAt: iso(r.editedAt),
    },
  };
}

// ─── The hooks ────────────────────────────────────────────────────────────────

/** A review is published (see the top of the file). Inside the caller's transaction. */
export function onReviewPublished(db: Db, reviewId: number, now: number, origin?: string) {
  const review = loadReview(db, reviewId);
  if (!review || review.status !== "published") return;
  const links = linkOrigin(origin);
  const created = review.publishedAt === now;
  enqueueWebhookEvent(db, {
    companyId: review.companyId,
    type: created ? "review.created" : "review.updated",
    data: reviewData(review, links),
    now,
  });
  if (!created) return;
  mailNewReview(db, review, links);
  if (review.stars <= SPIKE_RULE.maxStars) checkNegativeSpike(db, review.companyId, now, origin);
}

/** The company's reply is published. Inside the caller's transaction. */
export function onReplyPublished(db: Db, replyId: number, now: number, origin?: string) {
  const reply = db
    .select({ id: replies.id, body: replies.body, publishedAt: replies.publishedAt, reviewId: replies.reviewId })
    .from(replies)
    .where(eq(replies.id, replyId))
    .get();
  const review = reply ? loadReview(db, reply.reviewId) : undefined;
  if (!reply || !review) return;
  const links = linkOrigin(origin);
  enqueueWebhookEvent(db, {
    companyId: review.companyId,
    type: "reply.created",
    data: {
      company: companyData(review),
      review: { id: review.id, url: `${links}/reviews/${review.id}`, stars: review.stars, title: review.title },
      reply: { id: reply.id, body: reply.body, publishedAt: iso(reply.publishedAt) },
    },
    now,
  });
}

/** A review left the public pages: removed by a moderator (its reason from the published
 *  list) or deleted by its author. Inside the caller's transaction. */
export function onReviewRemoved(db: Db, reviewId: number, now: number, by: "moderator" | "author", origin?: string) {
  const review = loadReview(db, reviewId);
  if (!review) return;
  enqueueWebhookEvent(db, {
    companyId: review.companyId,
    type: "review.removed",
    data: {
      company: companyData(review),
      review: { id: review.id, url: `${linkOrigin(origin)}/reviews/${review.id}` },
      removal: { at: iso(now), by, reason: by === "moderator" ? review.removalReason : null },
    },
    now,
  });
}

/** A moderator's decision on a review (moderation.server.ts countStateChange, once the state
 *  changed): a removal, a restore, or a keep that puts a review held on a flag back online. */
export function onModerationDecision(db: Db, part: { target: string; id: number; heldByFlag: boolean }, to: string, now: number) {
  if (part.target !== "review") return;
  if (to === "remove") onReviewRemoved(db, part.id, now, "moderator");
  else if (to === "restore" || (to === "keep" && part.heldByFlag)) onReviewPublished(db, part.id, now);
}

// ─── Mails ────────────────────────────────────────────────────────────────────

function excerpt(body: string, max = 400) {
  const text = body.replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** One mail per member who asked: for every new review, or for negative ones. */
function mailNewReview(db: Db, review: AlertReview, origin: string) {
  const negative = review.stars <= SPIKE_RULE.maxStars;
  const members = recipients(db, review.companyId, "newReviews");
  if (negative) for (const m of recipients(db, review.companyId, "negativeReviews")) if (!m.newReviews) members.push(m);
  for (const m of members) {
    const t = (key: MessageKey, vars?: Vars) => translate(m.locale, key, vars);
    const vars = { company: review.companyName, subject: review.subjectName, stars: review.stars, title: review.title };
    const mail = renderMail(m.locale, {
      subject: t(negative ? "mail.alerts.negative.subject" : "mail.alerts.review.subject", vars),
      name: m.name,
      blocks: [
        t("mail.alerts.review.body", { ...vars, author: review.authorName ?? t("mail.alerts.review.anonymous") }),
        `${review.title}\n${excerpt(review.body)}`,
        { action: t("mail.alerts.review.action"), url: `${origin}/brand/${review.companySlug}/reviews/${review.id}` },
        { link: t("mail.alerts.settings"), url: `${origin}/brand/${review.companySlug}/alerts` },
      ],
    });
    queueMail(db, { to: m.email, template: negative ? "alert_negative_review" : "alert_new_review", ...mail });
  }
}

function mailSpike(db: Db, company: { id: number; slug: string; name: string }, spike: SpikeView, origin: string) {
  for (const m of recipients(db, company.id, "spikes")) {
    const rate = formatNumber(m.locale, spike.baselineRate, { maximumFractionDigits: 1 });
    const t = (key: MessageKey, vars?: Vars) => translate(m.locale, key, vars);
    const mail = renderMail(m.locale, {
      subject: t("mail.alerts.spike.subject", { company: company.name }),
      name: m.name,
      blocks: [
        t("mail.alerts.spike.body", { company: company.name, count: spike.count, rate }),
        spikeRuleText(m.locale),
        { action: t("mail.alerts.spike.action"), url: `${origin}/brand/${company.slug}?stars=1&stars=2` },
        { link: t("mail.alerts.settings"), url: `${origin}/brand/${company.slug}/alerts` },
      ],
    });
    queueMail(db, { to: m.email, template: "alert_spike", ...mail });
  }
}

/** The rule in words, with its numbers (the page and the mail say the same). */
export function spikeRuleText(locale: Locale) {
  return translate(locale, "alerts.rule.short", {
    min: SPIKE_RULE.minCount,
    ratio: SPIKE_RULE.minRatio,
    p: formatNumber(locale, SPIKE_RULE.maxPValue),
    month: SPIKE_RULE.baselineDays,
    week: SPIKE_RULE.recentDays,
  });
}

// ─── The spike ────────────────────────────────────────────────────────────────

/** The counts the rule needs, in two indexed reads (reviews_company_scorecard_idx). */
export function negativeCounts(db: Db, companyId: number, now: number) {
  const windowStart = now - SPIKE_RULE.windowMs;
  const weekStart = windowStart - SPIKE_RULE.recentDays * DAY;
  const monthStart = windowStart - SPIKE_RULE.baselineDays * DAY;
  const counts = db
    .select({
      recent: sql<number>`coalesce(sum(${reviews.publishedAt} > ${windowStart}), 0)`,
      week: sql<number>`coalesce(sum(${reviews.publishedAt} > ${weekStart} AND ${reviews.publishedAt} <= ${windowStart}), 0)`,
      month: sql<number>`coalesce(sum(${reviews.publishedAt} <= ${windowStart}), 0)`,
    })
    .from(reviews)
    .where(
      and(
        eq(reviews.companyId, companyId),
        gt(reviews.publishedAt, monthStart),
        sql`${reviews.publishedAt} <= ${now}`,
        // `+status`: not a term an index may start from. With sqlite_stat4 the planner would
        // otherwise read the month of every company's published reviews (reviews_status_feed_idx)
        // when its samples guess that month small, rather than this company's (the scorecard index).
        sql`+${reviews.status} = 'published'`,
        sql`${reviews.stars} <= ${SPIKE_RULE.maxStars}`,
      ),
    )
    .get();
  const first = db
    .select({ at: sql<number | null>`min(${reviews.publishedAt})` })
    .from(reviews)
    .where(and(eq(reviews.companyId, companyId), isNotNull(reviews.publishedAt)))
    .get();
  const historyDays = first?.at == null ? 0 : Math.max(0, (windowStart - first.at) / DAY);
  return { recent: counts?.recent ?? 0, week: counts?.week ?? 0, month: counts?.month ?? 0, historyDays };
}

/** Checks the rule for the company now; on a spike (and none in the 24 h before) records
 *  it, mails the members who asked and queues `spike.detected`. Answers the spike, or null. */
export function checkNegativeSpike(db: Db, companyId: number, now: number, origin?: string): (SpikeAssessment & { count: number }) | null {
  const counts = negativeCounts(db, companyId, now);
  const assessment = assessSpike(counts);
  if (!assessment.spike) return null;
  const recent = db
    .select({ id: negativeSpikes.id })
    .from(negativeSpikes)
    .where(and(eq(negativeSpikes.companyId, companyId), gt(negativeSpikes.detectedAt, now - SPIKE_RULE.cooldownMs)))
    .get();
  if (recent) return null;
  const spike = { detectedAt: now, count: counts.recent, baselineRate: assessment.rate, pValue: assessment.pValue };
  db.insert(negativeSpikes)
    .values({ companyId, ...spike })
    .run();
  const company = db
    .select({ id: companies.id, slug: companies.slug, name: companies.name })
    .from(companies)
    .where(eq(companies.id, companyId))
    .get()!;
  const links = linkOrigin(origin);
  mailSpike(db, company, spike, links);
  enqueueWebhookEvent(db, {
    companyId,
    type: "spike.detected",
    data: {
      company,
      spike: {
        detectedAt: iso(now),
        windowHours: SPIKE_RULE.windowMs / 3_600_000,
        count: spike.count,
        usualDailyRate: spike.baselineRate,
        pValue: spike.pValue,
      },
      url: `${links}/brand/${company.slug}`,
    },
    now,
  });
  return { ...assessment, count: counts.recent };
}
