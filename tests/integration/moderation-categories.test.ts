// /moderation/categories: admins list the categories with their company counts, add one,
// rename one (its address stays), delete one no company is filed under; each change is a
// row of the append-only moderation log; nobody else may. Real Requests, real SQLite.
import type { SubmissionResult } from "@conform-to/react";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { forgetCategories, listCategories } from "~/models/companies.server";
import { getTransparencyReport } from "~/models/transparency.server";
import { action, loader } from "~/routes/moderation.categories";
import { account, type Account, callAction, callLoader, getRequest, makeCompany, postRequest } from "../support/fixtures";

const client = () => getDb().$client;
const URL_PATH = "/moderation/categories";
const log = () =>
  client()
    .prepare(
      `SELECT actor_id AS actorId, automated, target_type AS targetType, target_id AS targetId, decision, reason, statement
       FROM moderation_decisions WHERE target_type = 'category' ORDER BY id`,
    )
    .all() as {
    actorId: number;
    automated: number;
    targetType: string;
    targetId: number;
    decision: string;
    reason: string;
    statement: string;
  }[];
const category = (id: number) =>
  client().prepare(`SELECT slug, name_fr AS nameFr, name_en AS nameEn, position FROM categories WHERE id = ?`).get(id) as
    { slug: string; nameFr: string; nameEn: string; position: number } | undefined;
const categoriesSnapshot = () => client().prepare(`SELECT * FROM categories ORDER BY id`).all();

let admin: Account;
let moderator: Account;
let member: Account;
let filled: number;

beforeAll(async () => {
  admin = await account({ role: "admin", name: "Admin Catégories" });
  moderator = await account({ role: "moderator" });
  member = await account();
  // A category two companies are filed under, and one with none.
  filled = client()
    .prepare(`INSERT INTO categories (slug, name_fr, name_en, position) VALUES ('boulangerie', 'Boulangerie', 'Bakery', 0) RETURNING id`)
    .pluck()
    .get() as number;
  client().prepare(`INSERT INTO categories (slug, name_fr, name_en, position) VALUES ('fleuriste', 'Fleuriste', 'Florist', 1)`).run();
  for (const c of [makeCompany(), makeCompany()])
    client().prepare(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`).run(c.id, filled);
});

const post = (fields: Record<string, string>, who: Account = admin) =>
  callAction(action, postRequest(URL_PATH, fields, { cookie: who.cookie }));
const answer = (res: { data?: unknown }) => (res.data as { result: SubmissionResult<string[]> }).result;
type Listed = { id: number; slug: string; nameFr: string; nameEn: string; companyCount: number };
const listed = async () =>
  ((await callLoader(loader, getRequest(URL_PATH, { cookie: admin.cookie }))).data as { categories: Listed[] }).categories;

describe("/moderation/categories", () => {
  it("is for admins only: moderators, members and visitors are refused and nothing changes", async () => {
    const before = categoriesSnapshot();
    for (const who of [moderator, member]) {
      expect((await callLoader(loader, getRequest(URL_PATH, { cookie: who.cookie }))).status).toBe(403);
      expect((await post({ intent: "add", nameFr: "Quincaillerie", nameEn: "Hardware" }, who)).status).toBe(403);
      expect((await post({ intent: "delete", categoryId: String(filled) }, who)).status).toBe(403);
    }
    const anonymous = await callAction(action, postRequest(URL_PATH, { intent: "add", nameFr: "Quincaillerie", nameEn: "Hardware" }));
    expect(anonymous.location).toMatch(/^\/login/);
    expect(categoriesSnapshot()).toEqual(before);
    expect(log()).toEqual([]);
  });

  it("lists every category with its company count, as SQL counts them", async () => {
    const rows = await listed();
    const sql = client()
      .prepare(
        `SELECT c.id, count(cc.company_id) AS n FROM categories c LEFT JOIN company_categories cc ON cc.category_id = c.id GROUP BY c.id ORDER BY c.id`,
      )
      .all() as { id: number; n: number }[];
    expect(rows.map((r) => [r.id, r.companyCount]).sort((a, b) => a[0]! - b[0]!)).toEqual(sql.map((r) => [r.id, r.n]));
    expect(rows.find((r) => r.slug === "boulangerie")).toMatchObject({ nameFr: "Boulangerie", nameEn: "Bakery", companyCount: 2 });
  });

  it("counts only the listed companies: one pending or refused is left out of its categories", async () => {
    const mixed = client()
      .prepare(`INSERT INTO categories (slug, name_fr, name_en, position) VALUES ('caviste', 'Caviste', 'Wine shop', 9) RETURNING id`)
      .pluck()
      .get() as number;
    for (const listing of ["pending", "refused", "listed", "listed"]) {
      const c = makeCompany();
      client().prepare(`UPDATE companies SET listing = ? WHERE id = ?`).run(listing, c.id);
      client().prepare(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`).run(c.id, mixed);
    }
    forgetCategories();
    expect(listCategories().find((c) => c.id === mixed)!.companyCount).toBe(2);
    client().prepare(`DELETE FROM company_categories WHERE category_id = ?`).run(mixed);
    client().prepare(`DELETE FROM categories WHERE id = ?`).run(mixed);
    forgetCategories();
  });

  it("adds a category, last in the order, its address from the French name; logged; the public lists show it at once", async () => {
    expect(listCategories().some((c) => c.slug === "epicerie-fine")).toBe(false); // read (and kept) before the change
    const res = await post({ intent: "add", nameFr: "  Épicerie fine ", nameEn: "Delicatessen" });
    expect(res.status).toBe(302);
    expect(res.location).toBe(URL_PATH);
    const added = (await listed()).find((c) => c.slug === "epicerie-fine")!;
    expect(added).toMatchObject({ nameFr: "Épicerie fine", nameEn: "Delicatessen", companyCount: 0 });
    const max = client().prepare(`SELECT max(position) FROM categories`).pluck().get();
    expect(category(added.id)!.position).toBe(max);
    expect(log().at(-1)).toEqual({
      actorId: admin.id,
      automated: 0,
      targetType: "category",
      targetId: added.id,
      decision: "add_category",
      reason: "categories",
      statement: "« Épicerie fine » / “Delicatessen” (/categories/epicerie-fine)",
    });
    expect(listCategories().some((c) => c.slug === "epicerie-fine")).toBe(true);
  });

  it("renames a category, keeping its address; the log says what it was called and what it is called now", async () => {
    const res = await post({ intent: "rename", categoryId: String(filled), nameFr: "Boulangerie-pâtisserie", nameEn: "Bakery and pastry" });
    expect(res.status).toBe(302);
    expect(category(filled)).toMatchObject({ slug: "boulangerie", nameFr: "Boulangerie-pâtisserie", nameEn: "Bakery and pastry" });
    expect(log().at(-1)).toMatchObject({
      actorId: admin.id,
      targetId: filled,
      decision: "rename_category",
      statement:
        "« Boulangerie » / “Bakery” (/categories/boulangerie) → « Boulangerie-pâtisserie » / “Bakery and pastry” (/categories/boulangerie)",
    });
  });

  it("refuses to delete a category that has companies, and says so; deletes an empty one, logged", async () => {
    const before = log().length;
    const refused = await post({ intent: "delete", categoryId: String(filled) });
    expect(refused.status).toBe(409);
    expect(answer(refused).error?.[""]).toEqual(["categories.error.has_companies"]);
    expect(category(filled)).toBeDefined();
    expect(client().prepare(`SELECT count(*) FROM company_categories WHERE category_id = ?`).pluck().get(filled)).toBe(2);
    expect(log()).toHaveLength(before);

    const empty = (await listed()).find((c) => c.slug === "fleuriste")!;
    const deleted = await post({ intent: "delete", categoryId: String(empty.id) });
    expect(deleted.status).toBe(302);
    expect(category(empty.id)).toBeUndefined();
    expect(log().at(-1)).toMatchObject({
      actorId: admin.id,
      targetId: empty.id,
      decision: "delete_category",
      statement: "« Fleuriste » / “Florist” (/categories/fleuriste)",
    });
    // A category that is not there any more: 404.
    expect((await post({ intent: "delete", categoryId: String(empty.id) })).status).toBe(404);
  });

  it("answers with the error next to the field and keeps what was typed, changing nothing", async () => {
    const before = categoriesSnapshot();
    const logged = log().length;
    const missing = await post({ intent: "add", nameFr: "Cordonnerie", nameEn: "  " });
    expect(missing.status).toBe(400);
    expect(answer(missing).error).toMatchObject({ nameEn: ["categories.error.nameEn"] });
    expect(answer(missing).error?.nameFr).toBeUndefined();
    expect(answer(missing).initialValue).toMatchObject({ nameFr: "Cordonnerie" });
    const long = await post({ intent: "add", nameFr: "x".repeat(61), nameEn: "Long" });
    expect(answer(long).error).toMatchObject({ nameFr: ["categories.error.long"] });
    // The same address as an existing category: said next to the French name.
    const taken = await post({ intent: "add", nameFr: "Boulangerie", nameEn: "Another bakery" });
    expect(taken.status).toBe(400);
    expect(answer(taken).error).toMatchObject({ nameFr: ["categories.error.slug_taken"] });
    expect(answer(taken).initialValue).toMatchObject({ nameFr: "Boulangerie", nameEn: "Another bakery" });
    const noAddress = await post({ intent: "add", nameFr: "!!!", nameEn: "Bangs" });
    expect(answer(noAddress).error).toMatchObject({ nameFr: ["categories.error.slug_empty"] });
    const same = category(filled)!;
    const unchanged = await post({ intent: "rename", categoryId: String(filled), nameFr: same.nameFr, nameEn: same.nameEn });
    expect(unchanged.status).toBe(409);
    expect(answer(unchanged).error?.[""]).toEqual(["categories.error.unchanged"]);
    expect(categoriesSnapshot()).toEqual(before);
    expect(log()).toHaveLength(logged);
  });

  it("is left out of /transparency (not moderation decisions), and the log refuses to be rewritten", () => {
    expect(log().length).toBeGreaterThan(0);
    const report = getTransparencyReport();
    expect(report.total.decisions.byReasonOutcome.some((d) => d.outcome.endsWith("_category"))).toBe(false);
    expect(() => client().prepare(`UPDATE moderation_decisions SET statement = 'x' WHERE target_type = 'category'`).run()).toThrow();
    expect(() => client().prepare(`DELETE FROM moderation_decisions WHERE target_type = 'category'`).run()).toThrow();
  });
});
