// What the reader of a review page may do there: computed by app/models/review-actions.server.ts,
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
