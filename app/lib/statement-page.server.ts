// The loader of a statement of reasons' page (/statements/decision/:id,
// /statements/publication/:id): for the signed-in person it was sent to (a suspended
// account too) and moderators; anyone else, or an unknown id, gets a 404.
import { requireUser } from "~/models/permissions.server";
import type { SessionUser } from "~/models/session.server";
import { notFound } from "./http.server";
import { idParam } from "./queue-decision.server";

export function loadStatement<S>(request: Request, param: string | undefined, get: (id: number, user: SessionUser) => S | null) {
  const user = requireUser(request, { allowSuspended: true });
  const id = idParam(param);
  const statement = id ? get(id, user) : null;
  if (!statement) throw notFound();
  return { statement, user };
}
