// The published list of reasons to flag, hold, refuse or remove a review, a reply or a
// follow-up. One list for the flag forms, the moderation decisions, the notices and
// /transparency. Their labels and descriptions are messages (app/i18n/reasons.ts:
// `reason.<id>` and `reason.<id>.description`), so the browser gets the page's language
// only: read them through reasonLabel and reasonDescription.
import { translate, type Locale } from "~/i18n";

interface Reason {
  id: string;
  /** Manifestly illegal: a flag for it is decided first, and may hold the review at once
   *  (the rule: app/lib/flag-policy.ts, shown on /transparency). */
  manifestlyIllegal?: boolean;
}

/** A list's ids, as the non-empty tuple that zod's enum takes. */
function idsOf<const R extends readonly Reason[]>(list: R) {
  return list.map((r) => r.id) as [R[number]["id"], ...R[number]["id"][]];
}

export const MODERATION_REASONS = [
  { id: "not_an_experience" },
  { id: "conflict_of_interest" },
  { id: "incentivised" },
  { id: "offensive" },
  { id: "personal_data" },
  { id: "illegal" },
  { id: "violent_threats", manifestlyIllegal: true },
  { id: "child_abuse", manifestlyIllegal: true },
  { id: "terrorism", manifestlyIllegal: true },
  { id: "spam" },
  { id: "off_topic" },
] as const satisfies readonly Reason[];

export type ModerationReason = (typeof MODERATION_REASONS)[number]["id"];
export const MODERATION_REASON_IDS = idsOf(MODERATION_REASONS);

export function isModerationReason(value: unknown): value is ModerationReason {
  return typeof value === "string" && (MODERATION_REASON_IDS as string[]).includes(value);
}

/** The reasons a flag for which is manifestly illegal content. */
export const MANIFESTLY_ILLEGAL_REASONS: readonly ModerationReason[] = MODERATION_REASONS.filter(
  (r): r is Extract<(typeof MODERATION_REASONS)[number], { manifestlyIllegal: true }> => "manifestlyIllegal" in r && r.manifestlyIllegal,
).map((r) => r.id);

export function isManifestlyIllegal(reason: string): boolean {
  return (MANIFESTLY_ILLEGAL_REASONS as readonly string[]).includes(reason);
}

/** The reasons of a decision on an account or a company rather than on content (not
 *  offered in the flag forms). */
export const ACCOUNT_REASONS = [{ id: "abusive_flagging" }] as const satisfies readonly Reason[];

export type AccountReason = (typeof ACCOUNT_REASONS)[number]["id"];

/** The published reasons of a public warning on a company page (app/models/company-warnings.server.ts),
 *  a short list of its own: a warning is about the company's conduct, not about one text. */
export const WARNING_REASONS = [
  { id: "rewards_offered" },
  { id: "review_manipulation" },
  { id: "fake_reviews_removed" },
] as const satisfies readonly Reason[];

export type WarningReason = (typeof WARNING_REASONS)[number]["id"];
export const WARNING_REASON_IDS = idsOf(WARNING_REASONS);

/** The published reasons of a decision on a claim with evidence (app/models/claim-queue.server.ts):
 *  whether the evidence shows that the claimant speaks for the company. Accepting a claim
 *  takes the first; refusing one, one of the others. */
export const CLAIM_REASONS = [
  { id: "claim_role_shown" },
  { id: "claim_role_not_shown" },
  { id: "claim_false_identity" },
] as const satisfies readonly Reason[];

export type ClaimReason = (typeof CLAIM_REASONS)[number]["id"];
export const CLAIM_REASON_IDS = idsOf(CLAIM_REASONS);

function findReason(id: string) {
  return (
    MODERATION_REASONS.find((r) => r.id === id) ??
    ACCOUNT_REASONS.find((r) => r.id === id) ??
    WARNING_REASONS.find((r) => r.id === id) ??
    CLAIM_REASONS.find((r) => r.id === id)
  );
}

// The message keys are typed from the ids: a reason without its label or its description
// in app/i18n/reasons.ts fails the typecheck.

/** The reason's label in the visitor's language; an unknown id is shown as it is. */
export function reasonLabel(id: string, locale: Locale): string {
  const reason = findReason(id);
  return reason ? translate(locale, `reason.${reason.id}`) : id;
}

/** The reason's published description in the visitor's language ("" for an unknown id). */
export function reasonDescription(id: string, locale: Locale): string {
  const reason = findReason(id);
  return reason ? translate(locale, `reason.${reason.id}.description`) : "";
}
