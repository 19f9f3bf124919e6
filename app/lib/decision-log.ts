// One entry of an admin page's log of decisions (categories, the moderation team): what was
// decided, in whose words, when and by whom. Client-safe: the pages render it.
export interface LoggedDecision<Decision extends string> {
  id: number;
  decision: Decision;
  statement: string;
  createdAt: number;
  actorName: string | null;
}
