// When a moderation decision can be appealed, and by whom. No zod: the statement of reasons
// (statement.ts), shown on every review page, imports it; the appeal forms (appeal-form.ts)
// re-export it.
import type { Decision } from "./moderation-form";
import { APPEAL_WINDOW_DAYS } from "./policy";

const DAY_MS = 86_400_000;

/** The last moment a decision taken at `decidedAt` can be appealed. */
export function appealDeadline(decidedAt: number) {
  return decidedAt + APPEAL_WINDOW_DAYS * DAY_MS;
}

export function appealWindowOpen(decidedAt: number, now: number) {
  return now <= appealDeadline(decidedAt);
}

/** The path of a statement's appeal form. */
export function appealPath(decisionId: number) {
  return `/statements/${decisionId}#appeal`;
}

export type Party = "author" | "reporter";

/** Who may appeal a decision: the side it went against. A removal, its content's author;
 *  keeping reported content online, or putting it back, the people who reported it. */
export function appellantSide(decision: Decision): Party {
  return decision === "remove" ? "author" : "reporter";
}

/** How the log names the confirmation of a decision on appeal (on the decision's own
 *  target, so that the thread's history shows it). A reversal is logged as what it does:
 *  `remove` or `restore`, and the appeals it answered point at it (outcome_decision_id). */
export const APPEAL_UPHELD = "appeal_upheld";

/** What reversing a decision does to its content. */
export function reversalOf(decision: Decision): "remove" | "restore" {
  return decision === "remove" ? "restore" : "remove";
}
