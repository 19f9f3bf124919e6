// The commitments published on /transparency; the code that enforces each one reads it here.

/** A review held for moderation that nobody decides within this delay is published. */
export const MAX_PUBLICATION_DELAY_HOURS = 72;
/** Removed and deleted content is kept internally this long, then erased. */
export const REMOVED_CONTENT_RETENTION_DAYS = 365;
/** A decision can be appealed this long after it was made. */
export const APPEAL_WINDOW_DAYS = 183;
/** One review per subject and author in this period; later changes are edits. */
export const ONE_REVIEW_PER_MONTHS = 12;
/** An experience older than this cannot be reviewed. */
export const MAX_EXPERIENCE_AGE_YEARS = 3;
/** A company warning is shown this long unless the moderator chooses otherwise (SPEC: 90 days). */
export const WARNING_DEFAULT_DAYS = 90;
/** And never longer than this (a longer matter takes a new warning, a new decision). */
export const WARNING_MAX_DAYS = 365;
