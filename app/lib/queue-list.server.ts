// The loader of a moderation queue's list page: moderators only, one page of the queue from
// the `after` cursor (keyset pagination), and the time the waiting times count to.
import { requireModerator } from "~/models/permissions.server";
import type { SessionUser } from "~/models/session.server";

type ListOptions = { after: string | null; viewer: { id: number; role: SessionUser["role"] } };

export function loadQueueList<Page>(request: Request, list: (options: ListOptions) => Page) {
  const user = requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: list({ after, viewer: { id: user.id, role: user.role } }), now: Date.now() };
}
