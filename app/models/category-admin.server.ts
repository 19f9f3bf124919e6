// The categories, as admins manage them (/moderation/categories): the list with each
// category's company count, adding one (its names in French and English; its address,
// /categories/<slug>, made from the French name), renaming one (the address stays, so no
// link breaks), and deleting one that no company is filed under. Each change is one
// transaction (BEGIN IMMEDIATE): the change, by a conditional statement, and one row of
// the append-only moderation log — the admin as actor, target "category", decision
// add_category / rename_category / delete_category, the names before and after as the
// statement — the same way /moderation/team logs role changes (moderation-team.server.ts).
// /transparency leaves these rows out: they are not moderation decisions.
import { and, asc, count, eq, max, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { categories, companyCategories, moderationDecisions } from "#db/schema";
import type { LoggedDecision } from "~/lib/decision-log";
import { slugify } from "~/lib/slug";
import { forgetCategories } from "./companies.server";
import { latestLoggedDecisions } from "./decision-log.server";

export const CATEGORY_DECISIONS = ["add_category", "rename_category", "delete_category"] as const;
export type CategoryDecision = (typeof CATEGORY_DECISIONS)[number];
/** The reason column of those rows. */
export const CATEGORY_REASON = "categories";

export interface AdminCategory {
  id: number;
  slug: string;
  nameFr: string;
  nameEn: string;
  companyCount: number;
}

export type CategoryLogEntry = LoggedDecision<CategoryDecision>;

/** Every category in its order, with the companies filed under it (read fresh, not cached). */
export function listAdminCategories(db: Db = getDb()): AdminCategory[] {
  return db
    .select({
      id: categories.id,
      slug: categories.slug,
      nameFr: categories.nameFr,
      nameEn: categories.nameEn,
      companyCount: count(companyCategories.companyId),
    })
    .from(categories)
    .leftJoin(companyCategories, eq(companyCategories.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(asc(categories.position), asc(categories.slug))
    .all();
}

/** The latest changes to the categories, newest first. */
export function listCategoryLog(limit = 50, db: Db = getDb()): CategoryLogEntry[] {
  return latestLoggedDecisions(db, "category", CATEGORY_DECISIONS, limit).map(({ targetId: _category, ...entry }) => entry);
}

type Actor = { id: number; role: "member" | "moderator" | "admin" };

export type CategoryChangeResult =
  | { ok: true; categoryId: number; decisionId: number }
  | { ok: false; kind: "not_admin" | "not_found" | "slug_empty" | "slug_taken" | "unchanged" | "has_companies" };

/** How a category is named in the log: both names and its address. */
const named = (c: { nameFr: string; nameEn: string; slug: string }) => `« ${c.nameFr} » / “${c.nameEn}” (/categories/${c.slug})`;

function log(db: Db, actor: Actor, categoryId: number, decision: CategoryDecision, statement: string, now: number) {
  return db
    .insert(moderationDecisions)
    .values({
      actorId: actor.id,
      automated: false,
      targetType: "category",
      targetId: categoryId,
      decision,
      reason: CATEGORY_REASON,
      statement,
      createdAt: now,
    })
    .returning({ id: moderationDecisions.id })
    .get().id;
}

/** Runs a change in one IMMEDIATE transaction; public lists of categories see it at once. */
function change(db: Db, actor: Actor, run: () => CategoryChangeResult): CategoryChangeResult {
  if (actor.role !== "admin") return { ok: false, kind: "not_admin" };
  const result = db.$client.transaction(run).immediate();
  if (result.ok) forgetCategories();
  return result;
}

/** A new category, last in the order; its address from the French name. */
export function addCategory(input: { actor: Actor; nameFr: string; nameEn: string; now?: number }, db: Db = getDb()): CategoryChangeResult {
  const now = input.now ?? Date.now();
  return change(db, input.actor, () => {
    const slug = slugify(input.nameFr);
    if (!slug) return { ok: false, kind: "slug_empty" };
    if (db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).get()) return { ok: false, kind: "slug_taken" };
    const last =
      db
        .select({ position: max(categories.position) })
        .from(categories)
        .get()?.position ?? -1;
    const row = db
      .insert(categories)
      .values({ slug, nameFr: input.nameFr, nameEn: input.nameEn, position: last + 1 })
      .returning({ id: categories.id })
      .get();
    const decisionId = log(db, input.actor, row.id, "add_category", named({ slug, nameFr: input.nameFr, nameEn: input.nameEn }), now);
    return { ok: true, categoryId: row.id, decisionId };
  });
}

/** A category's address and names, or undefined when there is none. */
function categoryNamesOf(db: Db, categoryId: number) {
  return db
    .select({ slug: categories.slug, nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(categories)
    .where(eq(categories.id, categoryId))
    .get();
}

/** New names for a category; its address stays. */
export function renameCategory(
  input: { actor: Actor; categoryId: number; nameFr: string; nameEn: string; now?: number },
  db: Db = getDb(),
): CategoryChangeResult {
  const now = input.now ?? Date.now();
  return change(db, input.actor, () => {
    const before = categoryNamesOf(db, input.categoryId);
    if (!before) return { ok: false, kind: "not_found" };
    if (before.nameFr === input.nameFr && before.nameEn === input.nameEn) return { ok: false, kind: "unchanged" };
    db.update(categories).set({ nameFr: input.nameFr, nameEn: input.nameEn }).where(eq(categories.id, input.categoryId)).run();
    const after = { slug: before.slug, nameFr: input.nameFr, nameEn: input.nameEn };
    const decisionId = log(db, input.actor, input.categoryId, "rename_category", `${named(before)} → ${named(after)}`, now);
    return { ok: true, categoryId: input.categoryId, decisionId };
  });
}

/** Deletes a category no company is filed under (a conditional DELETE: a company filed
 *  under it meanwhile keeps it). */
export function deleteCategory(input: { actor: Actor; categoryId: number; now?: number }, db: Db = getDb()): CategoryChangeResult {
  const now = input.now ?? Date.now();
  return change(db, input.actor, () => {
    const before = categoryNamesOf(db, input.categoryId);
    if (!before) return { ok: false, kind: "not_found" };
    const deleted = db
      .delete(categories)
      .where(
        and(
          eq(categories.id, input.categoryId),
          sql`NOT EXISTS (SELECT 1 FROM ${companyCategories} WHERE ${companyCategories.categoryId} = categories.id)`,
        ),
      )
      .run().changes;
    if (deleted !== 1) return { ok: false, kind: "has_companies" };
    const decisionId = log(db, input.actor, input.categoryId, "delete_category", named(before), now);
    return { ok: true, categoryId: input.categoryId, decisionId };
  });
}
