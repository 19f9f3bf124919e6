// The whole data model of Réplique (see ../shared/SPEC.md).
// Times are Unix epoch milliseconds (integers); calendar dates (the date of an
// experience) are ISO "YYYY-MM-DD" text. Ids are integers, except session ids.
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  CHANNELS,
  COMPANY_EVENT_KINDS,
  COMPANY_LISTINGS,
  COMPANY_STATES,
  FLAG_STATES,
  FLAG_TARGETS,
  LANGUAGES,
  MEMBER_ROLES,
  ORIGINS,
  REPORTER_TYPES,
  REVIEW_STATES,
  ROLES,
  SUBJECT_KINDS,
  SUBJECT_STATES,
} from "./enums";

export * from "./enums";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer("created_at").notNull().default(now);

// ─── People and sessions ──────────────────────────────────────────────────────

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(), // stored lower-cased
    emailVerifiedAt: integer("email_verified_at"),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ROLES }).notNull().default("member"),
    locale: text("locale", { enum: LANGUAGES }).notNull().default("fr"),
    suspendedAt: integer("suspended_at"),
    suspendedReason: text("suspended_reason"),
    /** Set when the account is deleted; the row stays so that anonymised reviews keep a key. */
    deletedAt: integer("deleted_at"),
    /** Published reviews, kept current with every review status change. */
    reviewCount: integer("review_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** The public half of the token `id.secret`. */
    id: text("id").primaryKey(),
    /** SHA-256 of the secret half; the raw token is never stored. */
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use tokens sent by mail: email verification, password reset, email change. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify_email", "reset_password", "change_email"] }).notNull(),
    tokenHash: blob("token_hash", { mode: "buffer" }).notNull(),
    newEmail: text("new_email"),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_tokens_hash_unique").on(t.tokenHash), index("email_tokens_user_idx").on(t.userId, t.purpose)],
);

// ─── Companies and what they sell ─────────────────────────────────────────────

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("categories_slug_unique").on(t.slug)],
);

export const companies = sqliteTable(
  "companies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    legalName: text("legal_name"),
    domain: text("domain"),
    website: text("website"),
    descriptionFr: text("description_fr"),
    descriptionEn: text("description_en"),
    country: text("country").notNull().default("FR"),
    /** Accent colour of the company's replies (a CSS colour). */
    color: text("color"),
    state: text("state", { enum: COMPANY_STATES }).notNull().default("unclaimed"),
    claimedAt: integer("claimed_at"),
    verifiedAt: integer("verified_at"),
    /** Flagging suspended after repeated unfounded flags. */
    flaggingSuspendedUntil: integer("flagging_suspended_until"),
    flagWarningAt: integer("flag_warning_at"),
    lastReviewAt: integer("last_review_at"),
    /** Listed, or added by a reviewer and waiting for a moderator, or refused (hidden). */
    listing: text("listing", { enum: COMPANY_LISTINGS }).notNull().default("listed"),
    /** The reviewer who added it from /write-a-review/new (null for every other company). */
    suggestedBy: integer("suggested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("companies_slug_unique").on(t.slug),
    index("companies_domain_idx").on(t.domain),
    index("companies_last_review_idx").on(t.lastReviewAt),
    // The few companies off the listings: categories count theirs apart (listCategories).
    index("companies_unlisted_idx")
      .on(t.id)
      .where(sql`listing <> 'listed'`),
  ],
);

export const companyCategories = sqliteTable(
  "company_categories",
  {
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.categoryId] }), index("company_categories_category_idx").on(t.categoryId, t.companyId)],
);

export const companyMembers = sqliteTable(
  "company_members",
  {
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] }), index("company_members_user_idx").on(t.userId)],
);

/** An owner's invitation to answer for the company as an agent: a link mailed to one address
 *  (app/models/company-members.server.ts). Only the token's hash is kept; the account that
 *  accepts must hold the invited address. */
export const memberInvitations = sqliteTable(
  "member_invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    /** Lower-cased. */
    email: text("email").notNull(),
    role: text("role", { enum: MEMBER_ROLES }).notNull().default("agent"),
    locale: text("locale", { enum: LANGUAGES }).notNull().default("fr"),
    tokenHash: blob("token_hash", { mode: "buffer" }).notNull(),
    status: text("status", { enum: ["pending", "accepted", "revoked", "replaced"] })
      .notNull()
      .default("pending"),
    invitedBy: integer("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: integer("expires_at").notNull(),
    acceptedBy: integer("accepted_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("member_invitations_token_unique").on(t.tokenHash),
    index("member_invitations_company_idx").on(t.companyId, t.status, t.createdAt),
  ],
);

/** A request to speak for a company: by a code mailed to its domain, or by evidence. */
export const companyClaims = sqliteTable(
  "company_claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["domain_email", "evidence"] }).notNull(),
    email: text("email"),
    codeHash: blob("code_hash", { mode: "buffer" }),
    evidence: text("evidence"),
    status: text("status", { enum: ["pending", "approved", "rejected", "expired"] })
      .notNull()
      .default("pending"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
    expiresAt: integer("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("company_claims_status_idx").on(t.status, t.createdAt),
    // A company's live claims, and one user's claim on it (app/models/company-claims.server.ts).
    index("company_claims_company_idx").on(t.companyId, t.userId, t.status),
  ],
);

/** The log of who came to speak for a company and how: creation, codes sent, verification,
 *  members added and removed. Append-only (a trigger refuses updates and deletes). */
export const companyEvents = sqliteTable(
  "company_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    /** Who did it (null for the system). */
    actorId: integer("actor_id").references(() => users.id),
    kind: text("kind", { enum: COMPANY_EVENT_KINDS }).notNull(),
    claimId: integer("claim_id").references(() => companyClaims.id),
    /** JSON: what else the event needs (the address's domain, the member removed…). */
    detail: text("detail").notNull().default("{}"),
    createdAt: createdAt(),
  },
  (t) => [index("company_events_company_idx").on(t.companyId, t.createdAt)],
);

export const subjects = sqliteTable(
  "subjects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: SUBJECT_KINDS }).notNull(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Stores: street address, postal code and city. */
    address: text("address"),
    postalCode: text("postal_code"),
    city: text("city"),
    /** Websites (and optionally products, services): the URL. */
    url: text("url"),
    state: text("state", { enum: SUBJECT_STATES }).notNull().default("active"),
    suggestedBy: integer("suggested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("subjects_company_slug_unique").on(t.companyId, t.slug), index("subjects_state_idx").on(t.state, t.createdAt)],
);

// ─── Reviews and the conversation around them ─────────────────────────────────

export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectId: integer("subject_id")
      .notNull()
      .references(() => subjects.id),
    /** Denormalised from the subject: the company page reads by it. */
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    /** Null once the author deleted their account and chose anonymisation. */
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    stars: integer("stars").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** The body rendered and sanitised once, at write time. */
    bodyHtml: text("body_html").notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    experienceDate: text("experience_date").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    recommend: integer("recommend", { mode: "boolean" }),
    origin: text("origin", { enum: ORIGINS }).notNull().default("organic"),
    status: text("status", { enum: REVIEW_STATES }).notNull(),
    /** The automatic check that held the review, when one did. */
    heldCheck: text("held_check"),
    heldAt: integer("held_at"),
    publishedAt: integer("published_at"),
    editedAt: integer("edited_at"),
    removedAt: integer("removed_at"),
    removalReason: text("removal_reason"),
    deletedAt: integer("deleted_at"),
    /** Removed or deleted content erased after the retention period (app/models/retention.server.ts):
     *  title, body, its revisions' texts, photos and proofs are gone; the row stays as a tombstone. */
    contentErasedAt: integer("content_erased_at"),
    /** Set while a flag on it is being assessed (the review stays visible). */
    underReviewSince: integer("under_review_since"),
    repliedAt: integer("replied_at"),
    resolvedAt: integer("resolved_at"),
    helpfulCount: integer("helpful_count").notNull().default(0),
    invitationId: integer("invitation_id"),
    /** HMAC of the author's IP, for rate limits and cluster checks; never the raw IP. */
    ipHash: text("ip_hash"),
    createdAt: createdAt(),
  },
  (t) => [
    // Public lists show published reviews and the placeholders of removed ones, newest
    // first: the status is filtered while walking these indexes, not part of them.
    index("reviews_company_feed_idx").on(t.companyId, t.publishedAt, t.id),
    index("reviews_company_helpful_idx").on(t.companyId, t.helpfulCount, t.id),
    // Covers the right-of-reply scorecard (last 12 months) without reading the rows.
    index("reviews_company_scorecard_idx").on(t.companyId, t.publishedAt, t.status, t.stars, t.repliedAt),
    index("reviews_subject_feed_idx").on(t.subjectId, t.publishedAt, t.id),
    index("reviews_status_feed_idx").on(t.status, t.publishedAt, t.id),
    index("reviews_author_idx").on(t.authorId, t.createdAt),
    // A company's reviews written lately, whatever their state: the checks a new review goes
    // through (near-duplicates, a burst of negative reviews) read a window of them, never the
    // company's whole history; the counts are covered.
    index("reviews_company_created_idx").on(t.companyId, t.createdAt, t.stars, t.status),
    // The brand inbox: a company's published reviews still awaiting a reply, newest first.
    index("reviews_company_awaiting_idx")
      .on(t.companyId, t.publishedAt, t.id)
      .where(sql`status = 'published' AND replied_at IS NULL`),
    // A company's removed reviews (a few), for the removals by reason its page shows.
    index("reviews_company_removed_idx")
      .on(t.companyId)
      .where(sql`status = 'removed'`),
  ],
);

/** Every version of a review, append-only (a trigger refuses updates and deletes). */
export const reviewRevisions = sqliteTable(
  "review_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    stars: integer("stars").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    experienceDate: text("experience_date").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    recommend: integer("recommend", { mode: "boolean" }),
    createdAt: createdAt(),
  },
  (t) => [index("review_revisions_review_idx").on(t.reviewId, t.id)],
);

/** Photos shown on a review, and proofs shown only to moderators and the author. */
export const reviewMedia = sqliteTable(
  "review_media",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["photo", "proof"] }).notNull(),
    storageKey: text("storage_key").notNull(),
    mime: text("mime").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    position: integer("position").notNull().default(0),
    /** Proofs: pending until a moderator accepts or rejects them. */
    proofStatus: text("proof_status", { enum: ["pending", "accepted", "rejected"] }),
    createdAt: createdAt(),
  },
  (t) => [
    index("review_media_review_idx").on(t.reviewId, t.kind, t.position),
    index("review_media_proof_idx").on(t.proofStatus, t.createdAt),
    // The media route and the upload sweep look a file up by its key.
    index("review_media_storage_key_idx").on(t.storageKey),
  ],
);

/** Uploads stored from a review form that has not saved a review yet (a preview, an
 *  error, a refusal). Their files live under DATA_DIR/tmp; saving the review moves them to
 *  DATA_DIR/media and turns the row into a review_media row, in the review's transaction.
 *  Only their owner can attach them; the sweep removes those older than a day. */
export const pendingUploads = sqliteTable(
  "pending_uploads",
  {
    storageKey: text("storage_key").primaryKey(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mime: text("mime").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("pending_uploads_created_idx").on(t.createdAt)],
);

/** The company's public answer: at most one per review. */
export const replies = sqliteTable(
  "replies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: text("status", { enum: ["published", "removed"] })
      .notNull()
      .default("published"),
    publishedAt: integer("published_at").notNull(),
    editedAt: integer("edited_at"),
    removedAt: integer("removed_at"),
    removalReason: text("removal_reason"),
    /** A removed reply's text erased after the retention period (app/models/retention.server.ts). */
    contentErasedAt: integer("content_erased_at"),
    underReviewSince: integer("under_review_since"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("replies_review_unique").on(t.reviewId),
    index("replies_company_idx").on(t.companyId, t.publishedAt),
    index("replies_published_idx").on(t.publishedAt),
    // The retention purge (retention.server.ts): removed replies whose text is still kept.
    index("replies_erasure_due_idx")
      .on(t.removedAt)
      .where(sql`status = 'removed' AND content_erased_at IS NULL`),
  ],
);

export const replyRevisions = sqliteTable(
  "reply_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    replyId: integer("reply_id")
      .notNull()
      .references(() => replies.id),
    body: text("body").notNull(),
    authorId: integer("author_id"),
    createdAt: createdAt(),
  },
  (t) => [index("reply_revisions_reply_idx").on(t.replyId, t.id)],
);

/** The reviewer's one follow-up after the company replied. */
export const followUps = sqliteTable(
  "follow_ups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    status: text("status", { enum: ["published", "removed"] })
      .notNull()
      .default("published"),
    publishedAt: integer("published_at").notNull(),
    editedAt: integer("edited_at"),
    removedAt: integer("removed_at"),
    removalReason: text("removal_reason"),
    /** A removed follow-up's text erased after the retention period (app/models/retention.server.ts). */
    contentErasedAt: integer("content_erased_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("follow_ups_review_unique").on(t.reviewId),
    // The retention purge (retention.server.ts): removed follow-ups whose text is still kept.
    index("follow_ups_erasure_due_idx")
      .on(t.removedAt)
      .where(sql`status = 'removed' AND content_erased_at IS NULL`),
  ],
);

export const helpfulVotes = sqliteTable(
  "helpful_votes",
  {
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("helpful_votes_user_idx").on(t.userId)],
);

/** Counters the public pages show, per company or subject and per origin label.
 *  Kept current in the same transaction as every write that changes them.
 *  `weighted*` feed the recency-weighted TrustScore (see app/lib/trustscore.ts). */
export const ratingStats = sqliteTable(
  "rating_stats",
  {
    scope: text("scope", { enum: ["company", "subject"] }).notNull(),
    scopeId: integer("scope_id").notNull(),
    origin: text("origin", { enum: ORIGINS }).notNull(),
    reviewCount: integer("review_count").notNull().default(0),
    star1: integer("star1").notNull().default(0),
    star2: integer("star2").notNull().default(0),
    star3: integer("star3").notNull().default(0),
    star4: integer("star4").notNull().default(0),
    star5: integer("star5").notNull().default(0),
    starSum: integer("star_sum").notNull().default(0),
    weightedStarSum: real("weighted_star_sum").notNull().default(0),
    weightSum: real("weight_sum").notNull().default(0),
    recommendYes: integer("recommend_yes").notNull().default(0),
    recommendNo: integer("recommend_no").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    /** Sum of (reply published − review published) over replied reviews, in ms. */
    replyDelaySum: integer("reply_delay_sum").notNull().default(0),
    resolvedCount: integer("resolved_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId, t.origin] })],
);

// ─── Flags, moderation, appeals ───────────────────────────────────────────────

export const flags = sqliteTable(
  "flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    targetType: text("target_type", { enum: FLAG_TARGETS }).notNull(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    replyId: integer("reply_id").references(() => replies.id),
    followUpId: integer("follow_up_id").references(() => followUps.id),
    reason: text("reason").notNull(),
    explanation: text("explanation").notNull(),
    reporterType: text("reporter_type", { enum: REPORTER_TYPES }).notNull(),
    reporterUserId: integer("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The company in whose name a company member flagged. */
    reporterCompanyId: integer("reporter_company_id").references(() => companies.id),
    reporterName: text("reporter_name"),
    reporterEmail: text("reporter_email"),
    /** The language of the report's form: the notifier without an account is told the
     *  decision in it (a member is told in their account's language). */
    reporterLocale: text("reporter_locale", { enum: LANGUAGES }),
    goodFaith: integer("good_faith", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: FLAG_STATES }).notNull().default("pending"),
    decisionId: integer("decision_id"),
    decidedAt: integer("decided_at"),
    /** When it must be decided by, under the published delay at the time it was filed
     *  (app/lib/flag-policy.ts); null on rows written before: created_at + the delay. */
    deadlineAt: integer("deadline_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("flags_queue_idx").on(t.status, t.createdAt),
    index("flags_review_idx").on(t.reviewId),
    index("flags_company_idx").on(t.reporterCompanyId, t.createdAt),
    // The abuse figures and the daily limit of one reporter's account.
    index("flags_reporter_user_idx").on(t.reporterUserId, t.createdAt),
  ],
);

/** What the author of a flagged review sends the moderators (their side, evidence), within
 *  the published window after the flag (app/models/flags.server.ts). */
export const flagResponses = sqliteTable(
  "flag_responses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("flag_responses_review_idx").on(t.reviewId, t.createdAt)],
);

/** The moderation log: append-only (a trigger refuses updates and deletes). */
export const moderationDecisions = sqliteTable(
  "moderation_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null for an automatic decision. */
    actorId: integer("actor_id").references(() => users.id),
    automated: integer("automated", { mode: "boolean" }).notNull().default(false),
    targetType: text("target_type", {
      enum: ["review", "reply", "follow_up", "user", "subject", "company", "claim", "media", "appeal", "category"],
    }).notNull(),
    targetId: integer("target_id").notNull(),
    decision: text("decision").notNull(),
    reason: text("reason").notNull(),
    statement: text("statement").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("moderation_target_idx").on(t.targetType, t.targetId, t.createdAt), index("moderation_created_idx").on(t.createdAt)],
);

export const appeals = sqliteTable(
  "appeals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    decisionId: integer("decision_id")
      .notNull()
      .references(() => moderationDecisions.id),
    appellantUserId: integer("appellant_user_id").references(() => users.id, { onDelete: "set null" }),
    appellantEmail: text("appellant_email"),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "upheld", "overturned"] })
      .notNull()
      .default("pending"),
    outcomeDecisionId: integer("outcome_decision_id"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("appeals_status_idx").on(t.status, t.createdAt),
    /** One appeal per person per decision (DSA art. 20): a second one is refused by SQLite too. */
    uniqueIndex("appeals_decision_appellant_uq").on(t.decisionId, t.appellantUserId),
    /** An appeal's outcome statement finds the appeals it answered. */
    index("appeals_outcome_idx").on(t.outcomeDecisionId),
  ],
);

/** "The company offered me something to change my review" and "pay or I post 1★". */
export const conductReports = sqliteTable(
  "conduct_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["incentive", "extortion"] }).notNull(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    reviewId: integer("review_id").references(() => reviews.id),
    reporterUserId: integer("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    evidenceKey: text("evidence_key"),
    status: text("status", { enum: ["pending", "founded", "unfounded"] })
      .notNull()
      .default("pending"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at"),
    /** The decision of the moderation log that decided it (logged against the company). */
    decisionId: integer("decision_id"),
    createdAt: createdAt(),
  },
  (t) => [index("conduct_reports_status_idx").on(t.status, t.createdAt)],
);

/** A public warning on a company page (app/models/company-warnings.server.ts), set by a
 *  moderator with a reason from WARNING_REASONS; shown until it expires or is lifted. Setting
 *  and lifting are each a row of the moderation log (target "company"). */
export const companyWarnings = sqliteTable(
  "company_warnings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    reason: text("reason").notNull(),
    statement: text("statement").notNull(),
    /** The language the moderator wrote the statement in (its lang attribute). */
    language: text("language", { enum: LANGUAGES }).notNull(),
    startsAt: integer("starts_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    decisionId: integer("decision_id")
      .notNull()
      .references(() => moderationDecisions.id),
    liftedAt: integer("lifted_at"),
    liftedBy: integer("lifted_by").references(() => users.id),
    liftDecisionId: integer("lift_decision_id").references(() => moderationDecisions.id),
    createdAt: createdAt(),
  },
  (t) => [index("company_warnings_company_idx").on(t.companyId, t.expiresAt)],
);

// ─── Invitations, notifications, mail, webhooks ───────────────────────────────

export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    subjectId: integer("subject_id").references(() => subjects.id),
    email: text("email"),
    name: text("name"),
    reference: text("reference"),
    locale: text("locale", { enum: LANGUAGES }).notNull().default("fr"),
    tokenHash: blob("token_hash", { mode: "buffer" }).notNull(),
    kind: text("kind", { enum: ["email", "link"] }).notNull(),
    status: text("status", { enum: ["sent", "reminded", "used", "opted_out", "expired"] })
      .notNull()
      .default("sent"),
    sentAt: integer("sent_at"),
    remindedAt: integer("reminded_at"),
    usedAt: integer("used_at"),
    expiresAt: integer("expires_at").notNull(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The company's link to share (kind "link") in clear: it is meant to be published.
     *  A mailed invitation keeps only its token's hash. */
    linkToken: text("link_token"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    index("invitations_company_idx").on(t.companyId, t.createdAt),
    index("invitations_company_email_idx").on(t.companyId, t.email, t.createdAt),
    index("invitations_reminder_idx")
      .on(t.status, t.sentAt)
      .where(sql`kind = 'email'`),
  ],
);

export const invitationOptOuts = sqliteTable(
  "invitation_opt_outs",
  {
    /** SHA-256 of the lower-cased address: we keep no address we were asked to forget. */
    emailHash: text("email_hash").notNull(),
    /** 0 means every company. */
    companyId: integer("company_id").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.emailHash, t.companyId] })],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** JSON: what the message template needs. */
    data: text("data").notNull().default("{}"),
    link: text("link"),
    readAt: integer("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.id)],
);

/** Every mail, written in the same transaction as what caused it, then sent by a worker. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    template: text("template").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    lastError: text("last_error"),
    sentAt: integer("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_pending_idx").on(t.sentAt, t.nextAttemptAt), index("outbox_to_idx").on(t.to)],
);

/** A company's webhook endpoints (app/models/webhooks.server.ts), managed by its owners at
 *  /brand/:slug/webhooks. Signed as the Standard Webhooks spec says (app/lib/webhook-signature.ts). */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The signing secret (`whsec_…`, shown once), encrypted under the site's SECRET. */
    secret: text("secret").notNull(),
    /** The secret before the last rotation, encrypted too: it still signs until its expiry. */
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: integer("previous_secret_expires_at"),
    /** Comma-separated, from WEBHOOK_EVENTS (app/lib/webhook-form.ts): review.created, review.updated,
     *  reply.created, review.removed, spike.detected. */
    events: text("events").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("webhooks_company_idx").on(t.companyId)],
);

/** The webhook outbox: one row per event and endpoint, written in the transaction of what
 *  caused it, then delivered (and retried) by the job runner; its rows are the delivery log. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    webhookId: integer("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    /** The `webhook-id` header: random, the same on every attempt (receivers deduplicate by it). */
    messageId: text("message_id").notNull(),
    event: text("event").notNull(),
    /** The JSON body, exactly as signed and sent. */
    payload: text("payload").notNull(),
    status: text("status", { enum: ["pending", "delivered", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    lastAttemptAt: integer("last_attempt_at"),
    responseStatus: integer("response_status"),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_pending_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_hook_idx").on(t.webhookId, t.id),
    uniqueIndex("webhook_deliveries_message_unique").on(t.messageId),
  ],
);

/** Which alert mails a member of a company asked for (app/models/company-alerts.server.ts):
 *  each member sets their own at /brand/:slug/alerts. No row: no mail (nothing is pre-ticked). */
export const companyAlertSettings = sqliteTable(
  "company_alert_settings",
  {
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A mail for every new review. */
    newReviews: integer("new_reviews", { mode: "boolean" }).notNull().default(false),
    /** A mail for every new review of 2 stars or fewer. */
    negativeReviews: integer("negative_reviews", { mode: "boolean" }).notNull().default(false),
    /** A mail when negative reviews spike above the company's usual rate (app/lib/spike.ts). */
    spikes: integer("spikes", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.userId] }), index("company_alert_settings_user_idx").on(t.userId)],
);

/** Spikes of negative reviews detected on a company (app/lib/spike.ts): at most one per 24 h. */
export const negativeSpikes = sqliteTable(
  "negative_spikes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    detectedAt: integer("detected_at").notNull(),
    /** Reviews of 2 stars or fewer published in the 24 h before. */
    count: integer("count").notNull(),
    /** The smoothed usual rate per day, and P(X ≥ count) under it. */
    baselineRate: real("baseline_rate").notNull(),
    pValue: real("p_value").notNull(),
  },
  (t) => [index("negative_spikes_company_idx").on(t.companyId, t.detectedAt)],
);

/** Fixed-window counters, in SQLite so that limits hold across processes. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowEndsAt: integer("window_ends_at").notNull(),
});

// ─── Scheduled jobs ───────────────────────────────────────────────────────────

/** One row per scheduled job (app/models/jobs.server.ts): the process that holds the
 *  job's lease until `lease_until` is the only one that runs it in that period. */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  /** Which process took the lease last (host:pid:random). */
  holder: text("holder").notNull(),
  leaseUntil: integer("lease_until").notNull(),
  lastStartedAt: integer("last_started_at"),
  lastFinishedAt: integer("last_finished_at"),
  /** Failed runs in a row (0 after a run that succeeded). */
  failures: integer("failures").notNull().default(0),
  /** The last failure's message (for operators; never shown to users). */
  lastError: text("last_error"),
});
