// The rules of review invitations, zod-free for the pages that state them (/transparency,
// the owner's invitations page); app/lib/invitation-form.ts validates the forms with them.
/** How long a mailed invitation's link works. */
export const INVITATION_DAYS = 30;
/** One reminder at most, this long after the invitation, if no review came. */
export const REMINDER_AFTER_DAYS = 7;
/** A company does not invite the same address again before this. */
export const REINVITE_AFTER_DAYS = 30;
/** A mailed invitation's address, name and reference are erased this long after it was sent. */
export const INVITATION_ADDRESS_DAYS = 90;
/** How long the link to share works (the owner replaces it when they like). */
export const SHARE_LINK_DAYS = 365;

export const INVITATION_LIMITS = {
  /** Invitations (first mails) one company sends in 24 hours. */
  mailsPerDay: 500,
  /** Rows read from one file, and its size. */
  csvRows: 1000,
  csvBytes: 256 * 1024,
} as const;
