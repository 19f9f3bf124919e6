// The admin pages' logs of decisions (categories, the moderation team): the latest rows of
// the append-only moderation log on one target type with one of a page's decisions.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { moderationDecisions, users } from "#db/schema";
import type { LoggedDecision } from "~/lib/decision-log";

type TargetType = (typeof moderationDecisions.targetType.enumValues)[number];

/** The latest `limit` rows on `targetType` whose decision is one of `decisions`, newest
 *  first, each with its target's id and its actor's name. */
export function latestLoggedDecisions<D extends string>(
  db: Db,
  targetType: TargetType,
  decisions: readonly D[],
  limit: number,
): (LoggedDecision<D> & { targetId: number })[] {
  const isOne = (d: string): d is D => (decisions as readonly string[]).includes(d);
  return db
    .select({
      id: moderationDecisions.id,
      decision: moderationDecisions.decision,
      statement: moderationDecisions.statement,
      createdAt: moderationDecisions.createdAt,
      targetId: moderationDecisions.targetId,
      actorName: users.displayName,
    })
    .from(moderationDecisions)
    .leftJoin(users, eq(users.id, moderationDecisions.actorId))
    .where(and(eq(moderationDecisions.targetType, targetType), inArray(moderationDecisions.decision, [...decisions])))
    .orderBy(desc(moderationDecisions.id))
    .limit(limit)
    .all()
    .flatMap((r) => (isOne(r.decision) ? [{ ...r, decision: r.decision }] : []));
}
