// What the layout's header needs on every page: the signed-in user and their unread count.
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { notifications } from "#db/schema";
import { getUser } from "./permissions.server";

export function headerUser(request: Request) {
  const user = getUser(request);
  if (!user) return null;
  const row = getDb()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
    .get();
  return { id: user.id, displayName: user.displayName, role: user.role, unread: row?.n ?? 0 };
}
