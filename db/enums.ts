// The value lists of the data model, free of any dependency so the browser bundle can use them.
export const ROLES = ["member", "moderator", "admin"] as const;
export const COMPANY_STATES = ["unclaimed", "claimed", "verified"] as const;
/** Whether a company is on the site's lists (db/migrations/0016): listed; pending, added by a
 *  reviewer and waiting for a moderator (app/models/company-suggestions.server.ts); refused
 *  by a moderator, hidden. */
export const COMPANY_LISTINGS = ["listed", "pending", "refused"] as const;
/** The company log (company_events): who came to speak for a company, and how (claim_requested,
 *  claim_refused: a claim with evidence, sent and refused by a moderator). */
export const COMPANY_EVENT_KINDS = [
  "company_created",
  "claim_code_sent",
  "claim_requested",
  "claim_verified",
  "claim_refused",
  "member_added",
  "member_removed",
  "member_invited",
  "invitation_revoked",
  "ownership_transferred",
  // An owner's changes to the company's subjects (app/models/company-subjects.server.ts).
  "subject_added",
  "subject_updated",
  "subject_closed",
  "subject_reopened",
  "subject_deleted",
  // An owner's webhooks (app/models/webhooks.server.ts): added, paused or resumed, removed, secret rotated.
  "webhook_added",
  "webhook_changed",
  "webhook_removed",
  "webhook_secret_rotated",
  // Review invitations (app/models/review-invitations.server.ts): a batch mailed, the link to share replaced.
  "invitations_sent",
  "share_link_created",
  // An extortion attempt a member reported (app/models/company-flags.server.ts).
  "extortion_reported",
] as const;
export const MEMBER_ROLES = ["owner", "agent"] as const;
export const SUBJECT_KINDS = ["store", "website", "product", "service"] as const;
/** closed: by its company (a store that shut, a product no longer sold): its page and reviews
 *  stay, it takes no new review. No CHECK on the column: no migration needed. */
export const SUBJECT_STATES = ["active", "pending", "rejected", "closed"] as const;
export const CHANNELS = ["store", "website", "phone", "email", "delivery", "other"] as const;
export const ORIGINS = ["organic", "invited", "verified"] as const;
/** pending: waits for its suggested subject; held: waits for a moderator;
 *  deleted: by its author (kept internally per the retention policy). */
export const REVIEW_STATES = ["pending", "held", "published", "removed", "deleted"] as const;
export const LANGUAGES = ["fr", "en"] as const;
export const FLAG_TARGETS = ["review", "reply", "follow_up"] as const;
export const FLAG_STATES = ["pending", "upheld", "dismissed"] as const;
export const REPORTER_TYPES = ["consumer", "company", "notifier", "moderator", "automatic"] as const;
