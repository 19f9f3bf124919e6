// The brand inbox's filters (/brand/:slug, listInbox in app/models/replies.server.ts) against
// real SQLite: each filter lists exactly what SQL says, in the inbox's order, over keyset
// pages that keep the filters; the count beside each choice equals a SQL count; a cursor of
// another filter set, or a bad one, breaks nothing; a page costs a fixed number of queries,
// all on indexes; and the route reads the filters from the URL (bad values ignored) for the
// company's members only.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import { parseInboxQuery } from "~/lib/inbox-filters";
import { listInbox, saveReply, type InboxFilters } from "~/models/replies.server";
import * as inboxRoute from "~/routes/brand.$slug._index";
import {
  account,
  type Account,
  addMember,
  flagAs,
  getRequest,
  makeCompany,
  makeReview,
  makeSubject,
  makeUser,
  outcome,
} from "../support/fixtures";

const DAY = 86_400_000;
const client = () => getDb().$client;

let owner: Account;
let outsider: Account;
let companyId: number;
let slug: string;
let store: number;
let website: number;
let closed: number;

const route = (path: string, cookie: string) =>
  outcome(() => inboxRoute.loader({ request: getRequest(path, { cookie }), params: { slug }, context: { clientIp: "198.51.100.7" } }));

beforeAll(async () => {
  owner = await account();
  outsider = await account();
  const reporter = await account();
  const otherReporter = await account();
  const company = makeCompany({ slug: `inbox-filters-${Date.now()}` });
  companyId = company.id;
  store = company.subjectId;
  slug = client().prepare(`SELECT slug FROM companies WHERE id = ?`).pluck().get(companyId) as string;
  website = makeSubject(companyId, { kind: "website", name: "Boutique en ligne" });
  closed = makeSubject(companyId, { name: "Ancien magasin" });
  addMember(companyId, owner.id, "owner");
  const other = makeCompany();
  addMember(other.id, outsider.id, "owner");

  const subjects = [store, website, closed];
  const channels = ["store", "website", "phone", "delivery"];
  const t0 = Date.now() - 60 * DAY;
  for (let i = 0; i < 30; i++) {
    const author = makeUser();
    const id = makeReview({
      companyId,
      subjectId: subjects[i % 3],
      authorId: author,
      stars: (i % 5) + 1,
      channel: channels[i % 4],
      publishedAt: t0 + i * 3_600_000 * (i % 2 ? 1 : 7),
    });
    if (i % 3 === 0) {
      expect(saveReply({ actor: { id: owner.id, role: "member" }, companyId, reviewId: id, body: `Merci ${i}` }).ok).toBe(true);
    }
    if (i % 4 === 1) client().prepare(`UPDATE reviews SET resolved_at = ? WHERE id = ?`).run(Date.now(), id);
    if (i % 5 === 2) flagAs({ id: reporter.id, role: "member" }, id);
    if (i % 7 === 3) {
      const flag = flagAs({ id: otherReporter.id, role: "member" }, id, { reason: "spam" });
      client().prepare(`UPDATE flags SET status = 'dismissed', decided_at = ? WHERE id = ?`).run(Date.now(), flag);
    }
  }
  client().prepare(`UPDATE subjects SET state = 'closed' WHERE id = ?`).run(closed);
  // Never in the inbox: a held review, another company's.
  makeReview({ companyId, subjectId: store, authorId: reporter.id, status: "held" });
  makeReview({ companyId: other.id, subjectId: other.subjectId, authorId: reporter.id, stars: 1 });
});

// ─── What SQL says ────────────────────────────────────────────────────────────

const FLAG = `SELECT 1 FROM flags f WHERE f.review_id = r.id AND f.target_type = 'review'`;

/** The filters as SQL, written again here independently of the model. */
function sqlWhere(f: InboxFilters): { sql: string; params: (string | number)[] } {
  const parts = ["r.company_id = ?", "r.status = 'published'"];
  const params: (string | number)[] = [companyId];
  if (f.stars?.length) {
    parts.push(`r.stars IN (${f.stars.join(",")})`);
  }
  if (f.subjectId != null) {
    parts.push("r.subject_id = ?");
    params.push(f.subjectId);
  }
  if (f.channel) {
    parts.push("r.channel = ?");
    params.push(f.channel);
  }
  if (f.replied) parts.push(f.replied === "answered" ? "r.replied_at IS NOT NULL" : "r.replied_at IS NULL");
  if (f.resolved) parts.push(f.resolved === "resolved" ? "r.resolved_at IS NOT NULL" : "r.resolved_at IS NULL");
  if (f.flagged === "pending") parts.push(`EXISTS (${FLAG} AND f.status = 'pending')`);
  if (f.flagged === "decided") parts.push(`EXISTS (${FLAG}) AND NOT EXISTS (${FLAG} AND f.status = 'pending')`);
  if (f.flagged === "none") parts.push(`NOT EXISTS (${FLAG})`);
  return { sql: parts.join(" AND "), params };
}

function expectedIds(f: InboxFilters): number[] {
  const { sql, params } = sqlWhere(f);
  return client()
    .prepare(`SELECT r.id FROM reviews r WHERE ${sql} ORDER BY r.replied_at IS NOT NULL, r.published_at DESC, r.id DESC`)
    .pluck()
    .all(...params) as number[];
}

function sqlCount(f: InboxFilters): number {
  const { sql, params } = sqlWhere(f);
  return client()
    .prepare(`SELECT count(*) FROM reviews r WHERE ${sql}`)
    .pluck()
    .get(...params) as number;
}

/** Every page of the inbox under `filters`, `limit` reviews a page. */
function walk(filters: InboxFilters, limit = 4) {
  const seen: number[] = [];
  let before: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result = listInbox(companyId, { filters, before, limit });
    expect(result.reviews.length).toBeLessThanOrEqual(limit);
    seen.push(...result.reviews.map((r) => r.id));
    before = result.nextCursor;
    if (!before) return seen;
  }
  throw new Error("the pages never end");
}

const FILTER_SETS: InboxFilters[] = [
  {},
  { stars: [1] },
  { stars: [1, 2] },
  { stars: [4, 5], replied: "awaiting" },
  { subjectId: 0 }, // replaced by the website below
  { channel: "phone" },
  { replied: "answered" },
  { resolved: "resolved" },
  { resolved: "unresolved", replied: "answered" },
  { flagged: "pending" },
  { flagged: "decided" },
  { flagged: "none", stars: [3, 4, 5] },
];

const filterSets = () => FILTER_SETS.map((f) => (f.subjectId === 0 ? { subjectId: website } : f));

describe("inbox filters", () => {
  it("list exactly the reviews SQL selects, awaiting first, newest first, over keyset pages without gaps or repeats", () => {
    for (const filters of filterSets()) {
      expect({ filters, ids: walk(filters) }).toEqual({ filters, ids: expectedIds(filters) });
    }
    // The closed subject's reviews stay in the inbox, and under its filter.
    expect(walk({ subjectId: closed }).length).toBe(10);
    expect(expectedIds({ flagged: "pending" }).length).toBeGreaterThan(0);
    expect(expectedIds({ flagged: "decided" }).length).toBeGreaterThan(0);
  });

  it("count, beside each choice, the reviews it would list with the other filters kept", () => {
    const combos: InboxFilters[] = [
      {},
      { stars: [1, 2], replied: "awaiting" },
      { subjectId: store, flagged: "none" },
      { channel: "store", resolved: "unresolved" },
    ];
    for (const filters of combos) {
      const { counts } = listInbox(companyId, { filters });
      expect(counts.total).toBe(sqlCount(filters));
      for (const s of [1, 2, 3, 4, 5]) expect(counts.stars[s] ?? 0).toBe(sqlCount({ ...filters, stars: [s] }));
      for (const id of [store, website, closed]) expect(counts.subject[id] ?? 0).toBe(sqlCount({ ...filters, subjectId: id }));
      for (const c of ["store", "website", "phone", "email", "delivery", "other"] as const)
        expect(counts.channel[c] ?? 0).toBe(sqlCount({ ...filters, channel: c }));
      for (const r of ["answered", "awaiting"] as const) expect(counts.replied[r] ?? 0).toBe(sqlCount({ ...filters, replied: r }));
      for (const r of ["resolved", "unresolved"] as const) expect(counts.resolved[r] ?? 0).toBe(sqlCount({ ...filters, resolved: r }));
      for (const v of ["pending", "decided", "none"] as const) expect(counts.flagged[v] ?? 0).toBe(sqlCount({ ...filters, flagged: v }));
    }
  });

  it("keep the counts exact after a write (a new flag, a reply)", async () => {
    const before = listInbox(companyId).counts;
    const [target] = expectedIds({ flagged: "none", replied: "awaiting" });
    const reporter = await account();
    flagAs({ id: reporter.id, role: "member" }, target);
    const after = listInbox(companyId).counts;
    expect(after.flagged.pending).toBe(before.flagged.pending + 1);
    expect(after.flagged.none).toBe(before.flagged.none - 1);
    expect(saveReply({ actor: { id: owner.id, role: "member" }, companyId, reviewId: target, body: "Nous regardons." }).ok).toBe(true);
    const replied = listInbox(companyId);
    expect(replied.counts.replied.answered).toBe(sqlCount({ replied: "answered" }));
    expect(replied.awaitingCount).toBe(sqlCount({ replied: "awaiting" }));
  });

  it("show each listed review's flags by state", () => {
    const page = listInbox(companyId, { filters: { flagged: "decided" }, limit: 50 });
    expect(page.reviews.length).toBeGreaterThan(0);
    for (const r of page.reviews) expect(page.flags[r.id]).toMatchObject({ state: "decided", pending: 0, dismissed: 1 });
    const pending = listInbox(companyId, { filters: { flagged: "pending" }, limit: 50 });
    for (const r of pending.reviews) expect(pending.flags[r.id]?.state).toBe("pending");
    const none = listInbox(companyId, { filters: { flagged: "none" }, limit: 50 });
    for (const r of none.reviews) expect(none.flags[r.id]).toBeUndefined();
  });

  it("take a cursor of another filter set, or a broken one, without breaking", () => {
    const all = listInbox(companyId, { limit: 3 });
    const awaitingCursor = all.nextCursor!;
    expect(awaitingCursor).toMatch(/^a/);
    // An awaiting-phase cursor under "answered": the answered reviews from their start.
    const answered = listInbox(companyId, { filters: { replied: "answered" }, before: awaitingCursor, limit: 100 });
    expect(answered.reviews.map((r) => r.id)).toEqual(expectedIds({ replied: "answered" }));
    // An answered-phase cursor under "awaiting": the first page again.
    const answeredCursor = listInbox(companyId, { filters: { replied: "answered" }, limit: 2 }).nextCursor!;
    expect(answeredCursor).toMatch(/^r/);
    const restart = listInbox(companyId, { filters: { replied: "awaiting" }, before: answeredCursor, limit: 100 });
    expect(restart.reviews.map((r) => r.id)).toEqual(expectedIds({ replied: "awaiting" }));
    // Under other stars, the cursor is a place in the order: what follows it, filtered.
    const full = expectedIds({});
    const position = full.indexOf(all.reviews.at(-1)!.id);
    const rest = expectedIds({ stars: [5] }).filter((id) => full.indexOf(id) > position);
    const continued = listInbox(companyId, { filters: { stars: [5] }, before: awaitingCursor, limit: 100 });
    expect(continued.reviews.map((r) => r.id)).toEqual(rest);
    for (const broken of ["x", "a1_", "r99999999999999999_1", "a-1_2", "'; DROP TABLE reviews; --"]) {
      expect(listInbox(companyId, { before: broken, limit: 100 }).reviews.map((r) => r.id)).toEqual(expectedIds({}));
    }
  });

  it("costs a fixed number of queries per page, whatever its length, all on indexes", () => {
    const db = client();
    const spy = vi.spyOn(db, "prepare");
    const statementsFor = (limit: number, filters: InboxFilters) => {
      spy.mockClear();
      listInbox(companyId, { filters, limit });
      return spy.mock.calls.map((call) => String(call[0]));
    };
    // One phase (answered only): as many statements for 2 reviews as for 20.
    const answered: InboxFilters = { replied: "answered", stars: [1, 2, 3, 4, 5], resolved: "unresolved" };
    expect(statementsFor(2, answered).length).toBe(statementsFor(20, answered).length);
    // Both phases, a page of 30: two lists, the data version (and the counts, once per
    // version), the reviews and their replies, follow-ups, photos, flags: at most 10.
    const long = statementsFor(30, { stars: [1, 2, 3, 4, 5], flagged: "none", channel: "store" });
    const heavy = statementsFor(30, { subjectId: store, stars: [2, 4], flagged: "pending", resolved: "unresolved" });
    spy.mockRestore();
    expect(long.length).toBeLessThanOrEqual(10);
    expect(heavy.length).toBeLessThanOrEqual(10);

    // Every statement on indexes: no table scan of reviews or flags, and the lists sorted by
    // their index. (The counts' statement runs once per data version: see the next test.)
    for (const sql of [...long, ...heavy]) {
      if (!/\bFROM reviews r\b|\bFROM flags\b/.test(sql)) continue;
      const slots = (sql.match(/\?/g) ?? []).length;
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array.from({ length: slots }, () => null))
        .map((p) => (p as { detail: string }).detail);
      expect({ sql, plan: plan.filter((d) => /^SCAN (r|f|reviews|flags)\b/.test(d)) }).toEqual({ sql, plan: [] });
      if (/ORDER BY r\.published_at DESC/.test(sql)) expect(plan.join(" ")).not.toContain("TEMP B-TREE FOR ORDER BY");
    }
  });
});

describe("the inbox counts", () => {
  it("read the company's published reviews on an index, once per data version", () => {
    const db = client();
    const spy = vi.spyOn(db, "prepare");
    listInbox(companyId, { filters: { stars: [2] } });
    const first = spy.mock.calls.map((call) => String(call[0]));
    spy.mockClear();
    listInbox(companyId, { filters: { stars: [3] } });
    const second = spy.mock.calls.map((call) => String(call[0]));
    spy.mockRestore();
    const grouping = (list: string[]) => list.filter((sql) => /\bGROUP BY stars\b/.test(sql));
    // Nothing changed in between: the second page reuses the counts.
    expect(grouping(second)).toEqual([]);
    const sql = grouping(first)[0] ?? grouping(statementsAfterWrite())[0];
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(null)
      .map((p) => (p as { detail: string }).detail);
    expect(plan.filter((d) => /^SCAN (r|f|reviews|flags)\b/.test(d))).toEqual([]);
    expect(plan.join(" ")).toMatch(/SEARCH r USING (COVERING )?INDEX reviews_company_/);
  });
});

/** The statements of a page read just after a write (the counts are read again). */
function statementsAfterWrite() {
  const db = client();
  db.prepare(`UPDATE reviews SET helpful_count = helpful_count WHERE company_id = ?`).run(companyId);
  const spy = vi.spyOn(db, "prepare");
  listInbox(companyId);
  const calls = spy.mock.calls.map((call) => String(call[0]));
  spy.mockRestore();
  return calls;
}

describe("the inbox page", () => {
  it("reads the filters from the URL, keeps them for the next page, and ignores bad values", async () => {
    const res = await route(`/brand/${slug}?stars=1&stars=2&replied=awaiting&flagged=none`, owner.cookie);
    expect(res.status).toBe(200);
    const data = res.data as { reviews: { id: number }[]; query: unknown; counts: { total: number } };
    const filters: InboxFilters = { stars: [1, 2], replied: "awaiting", flagged: "none" };
    expect(data.query).toMatchObject(filters);
    expect(data.reviews.map((r) => r.id)).toEqual(expectedIds(filters).slice(0, 20));
    expect(data.counts.total).toBe(sqlCount(filters));

    const bad = await route(`/brand/${slug}?stars=9&channel=fax&subject=-3&resolved=maybe&flagged=1&before=zzz`, owner.cookie);
    expect(bad.status).toBe(200);
    expect((bad.data as { query: unknown }).query).toEqual({ stars: [], before: "zzz" });
    expect((bad.data as { reviews: { id: number }[] }).reviews.map((r) => r.id)).toEqual(expectedIds({}).slice(0, 20));
  });

  it("parses each filter of the query string", () => {
    const q = parseInboxQuery(
      new URLSearchParams(
        "stars=5&stars=3&stars=5&subject=12&channel=phone&replied=answered&resolved=resolved&flagged=decided&before=a1_2",
      ),
    );
    expect(q).toEqual({
      stars: [3, 5],
      subject: 12,
      channel: "phone",
      replied: "answered",
      resolved: "resolved",
      flagged: "decided",
      before: "a1_2",
    });
  });

  it("is for the company's members: another company's staff get a 403, anonymous visitors log in", async () => {
    expect((await route(`/brand/${slug}?stars=1`, outsider.cookie)).status).toBe(403);
    const anonymous = await outcome(() =>
      inboxRoute.loader({ request: getRequest(`/brand/${slug}?stars=1`), params: { slug }, context: { clientIp: "198.51.100.7" } }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=/);
  });
});
