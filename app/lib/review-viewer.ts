// What the reader of a review page may do there: computed by app/models/review-viewers.server.ts,
// shown by app/components/ReviewActions.tsx. Pure: the client imports it.

export interface ReviewViewer {
  signedIn: boolean;
  isAuthor: boolean;
  voted: boolean;
  hasReply: boolean;
  hasFollowUp: boolean;
  canFollowUp: boolean;
  resolved: boolean;
}

/** What the cards of a list need for their helpful vote (getHelpfulViewer). */
export interface HelpfulViewer {
  /** Null for an anonymous reader. */
  userId: number | null;
  /** The reviews of the list this reader voted helpful. */
  voted: number[];
  /** The companies the reader belongs to: no vote on their reviews. */
  companies: number[];
}
