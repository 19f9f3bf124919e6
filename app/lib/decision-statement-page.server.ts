// Who reads a statement of /statements/decision/:id: the signed-in person it was sent to (a
// suspended account too) or a moderator — or, without a session, the holder of the account a
// decision was taken on, through the key of its mail's link (`?key=`,
// app/models/statement-access.server.ts): a suspended account cannot sign in, yet may read
// its suspension's statement and appeal it. Anyone else goes to the log-in page (or gets a
// 404 from the page: a statement is private).
import type { DecisionStatementPage } from "~/models/decision-appeals.server";
import { statementReaderByKey } from "~/models/decision-appeals.server";
import type { ModerationActor } from "~/models/moderation.server";
import { requireUser } from "~/models/permissions.server";
import { keyedStatementPath, statementAccessKey } from "~/models/statement-access.server";
import { queueStatementPath } from "./moderation-queues";

export interface StatementReader {
  viewer: ModerationActor;
  /** The key the page was opened with, when it stands for the reader. */
  key: string | null;
}

export function statementReader(request: Request, decisionId: number | null): StatementReader {
  const key = new URL(request.url).searchParams.get("key");
  const keyed = decisionId != null && key ? statementReaderByKey(decisionId, key) : null;
  if (keyed && key) return { viewer: keyed, key };
  const user = requireUser(request, { allowSuspended: true });
  return { viewer: { id: user.id, role: user.role }, key: null };
}

/** The paths the page links to: the statement itself (where its form posts) and its
 *  appeal's outcome, each with its own key for a reader who came with one. */
export function statementLinks(reader: StatementReader, decisionId: number, page: DecisionStatementPage) {
  const path = (id: number) =>
    reader.key ? keyedStatementPath(queueStatementPath(id), statementAccessKey(id, reader.viewer.id)) : queueStatementPath(id);
  const outcomeId = page.kind === "decision" && page.right?.kind === "appealed" ? page.right.appeal.outcomeDecisionId : null;
  return { self: path(decisionId), outcome: outcomeId != null ? path(outcomeId) : null };
}
