// The published rules of a flag's life (SPEC: flags have a published decision delay; a
// flagged author is told and may answer; repeated unfounded flags lead to a warning, then
// a suspension of flagging). The one place these numbers live: the code that enforces
// each one (app/models/flags.server.ts) and /transparency read them here.

const DAY = 86_400_000;

/** Every flag is decided within this delay: the queue is ordered by deadline. */
export const FLAG_DECISION_DAYS = 7;
/** A flag for a manifestly illegal reason is decided within this delay. */
export const MANIFESTLY_ILLEGAL_DECISION_HOURS = 24;

/** What a flag (and a notice sent through /report) explains, in characters. */
export const FLAG_EXPLANATION_MIN_LENGTH = 10;
export const FLAG_EXPLANATION_MAX_LENGTH = 2_000;

/** The author of a flagged review is told at most once per review in this period. */
export const FLAG_NOTICE_INTERVAL_HOURS = 24;
/** After a flag, its author may send their side to the moderators for this long. */
export const FLAG_RESPONSE_DAYS = 7;
export const FLAG_RESPONSE_MIN_LENGTH = 20;
export const FLAG_RESPONSE_MAX_LENGTH = 2000;
/** Answers an author may send on one review in one response window. */
export const FLAG_RESPONSES_PER_WINDOW = 3;

/** Held at once on a manifestly illegal reason: flagged so by a moderator, or by this many
 *  independent accounts (verified address, at least this old, not of the reviewed
 *  company, in good standing). Company members and notifiers without an account never
 *  count: a company cannot hide a review, and one anonymous report cannot either. */
export const FLAG_HOLD_MIN_REPORTERS = 2;
export const FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS = 30;

/** Flags one account may file per day, and one company (all its members) per day. */
export const FLAGS_PER_DAY_PER_ACCOUNT = 10;
export const FLAGS_PER_DAY_PER_COMPANY = 5;

/** Abusive flagging (DSA art. 23): over this period, a reporter with at least this many
 *  decided flags of which at least this share was dismissed is warned; if one more of
 *  their flags is dismissed after the warning, their flagging is suspended this long. */
export const FLAG_ABUSE_PERIOD_DAYS = 180;
export const FLAG_ABUSE_MIN_DECIDED = 10;
export const FLAG_ABUSE_DISMISSED_SHARE = 0.7;
export const FLAG_SUSPENSION_DAYS = 30;

export const FLAG_DECISION_MS = FLAG_DECISION_DAYS * DAY;
export const MANIFESTLY_ILLEGAL_DECISION_MS = MANIFESTLY_ILLEGAL_DECISION_HOURS * 3_600_000;
export const FLAG_NOTICE_INTERVAL_MS = FLAG_NOTICE_INTERVAL_HOURS * 3_600_000;
export const FLAG_RESPONSE_MS = FLAG_RESPONSE_DAYS * DAY;
export const FLAG_HOLD_MIN_ACCOUNT_AGE_MS = FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS * DAY;
export const FLAG_ABUSE_PERIOD_MS = FLAG_ABUSE_PERIOD_DAYS * DAY;
export const FLAG_SUSPENSION_MS = FLAG_SUSPENSION_DAYS * DAY;

/** The automatic "check" code of a review held on a manifestly illegal flag
 *  (reviews.held_check): the publication deadline job never publishes it. */
export const FLAG_HOLD_CHECK = "flag_manifestly_illegal";

/** Whether a reporter's figures cross the published threshold. */
export function overAbuseThreshold(decided: number, dismissed: number): boolean {
  return decided >= FLAG_ABUSE_MIN_DECIDED && dismissed >= FLAG_ABUSE_DISMISSED_SHARE * decided;
}
