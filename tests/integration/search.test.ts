// Search at a bounded cost (issue 7), on a real SQLite with the demo seed and a few
// companies of its own: the query rules (one-letter words ignored, short words whole,
// a longer last word a prefix in names), accents, a company's own name first, the plan of every
// statement (search_fts scanned once, as the outer loop, nothing sorted), and the time
// budget (aborts cleanly with timedOut; the loader answers instead of failing). What the
// page shows for tooShort and timedOut: search-page.test.tsx.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import { findReviewTargets } from "~/models/review-targets.server";
import { MAX_WORDS, MIN_WORD_LENGTH, SEARCH_BUDGET_MS, findNames, parseQuery, search, toFtsQuery } from "~/models/search.server";
import { loader } from "~/routes/search";
import { seedIfEmpty } from "../../scripts/seed";
import { makeCompany, makeReview, makeSubject, makeUser } from "../support/fixtures";

const ORIGIN = "http://localhost";
let ondine: number;
let zq: number;

beforeAll(async () => {
  expect(await seedIfEmpty(getDb())).toBe(true);
  const client = getDb().$client;
  const authorId = makeUser();
  // The company named "Quincaillerie Ondine" is the oldest of three that match: ranking,
  // not the newest-first order of the candidates, has to put it first.
  ondine = makeCompany({ name: "Quincaillerie Ondine", slug: "quincaillerie-ondine" }).id;
  const other = makeCompany({ name: "Atelier Bleu", slug: "atelier-bleu" });
  makeSubject(other.id, { name: "Comptoir Quincaillerie Ondine de Lyon", kind: "store" });
  const third = makeCompany({ name: "Bricolage Central", slug: "bricolage-central" });
  client.prepare(`UPDATE companies SET description_fr = ? WHERE id = ?`).run("Mieux que la Quincaillerie Ondine, dit-on.", third.id);
  makeReview({
    companyId: third.id,
    subjectId: third.subjectId,
    authorId,
    stars: 4,
    title: "Quincaillerie Ondine ? Non, ici",
    body: "On compare avec la quincaillerie Ondine.",
  });

  const cafe = makeCompany({ name: "Café Zéphyrin", slug: "cafe-zephyrin" });
  makeReview({
    companyId: cafe.id,
    subjectId: cafe.subjectId,
    authorId,
    stars: 5,
    title: "Une crème brûlée parfaite",
    body: "La crème brûlée du Café Zéphyrin.",
  });
  zq = makeCompany({ name: "Zq Outils", slug: "zq-outils" }).id;
  makeCompany({ name: "Zqueue Atelier", slug: "zqueue-atelier" });
}, 120_000);

describe("the query", () => {
  it("ignores one-letter words, keeps short words whole, makes a longer last word a prefix, caps the words", () => {
    expect(parseQuery("a")).toBeNull();
    expect(parseQuery("a b  é !")).toBeNull();
    expect(parseQuery("   ")).toBeNull();
    const fts = (input: string) => toFtsQuery(parseQuery(input)!);
    expect(fts("se")).toBe(`"se"`);
    expect(fts("ser")).toBe(`"ser"*`);
    expect(fts("L'Atelier à Lyon")).toBe(`"atelier" "lyon"*`);
    expect(fts(`Café "de" Flore*`)).toBe(`"cafe" "de" "flore"*`);
    expect(fts("de la de")).toBe(`"de" "la"`);
    expect(parseQuery("un deux trois quatre cinq six sept huit neuf")!.words).toHaveLength(MAX_WORDS);
  });

  it("answers a query of one-letter words with tooShort, without searching", () => {
    for (const q of ["a", "b", "a b c", "é", "!!"]) {
      expect(search(q)).toEqual({ companies: [], reviews: [], tooShort: true, timedOut: false });
      expect(findReviewTargets(q)).toEqual([]);
    }
  });

  it("matches a two-letter word as a whole token, a three-letter one as a prefix", () => {
    const two = search("zq");
    expect(two.tooShort).toBe(false);
    expect(two.companies.map((c) => c.name)).toEqual(["Zq Outils"]);
    expect(search("zqu").companies.map((c) => c.name)).toEqual(["Zqueue Atelier"]);
    expect(findReviewTargets("zq").map((c) => c.id)).toEqual([zq]);
    // Common two-letter words still answer, within the budget.
    for (const q of ["se", "de", "la"]) {
      const r = search(q);
      expect(r.timedOut).toBe(false);
      expect(r.reviews.length).toBeGreaterThan(0);
    }
  });

  it("answers a common word within the budget, with at most the page's share of results", () => {
    const r = search("service");
    expect(r.timedOut).toBe(false);
    expect(r.companies.length).toBeGreaterThan(0);
    expect(r.companies.length).toBeLessThanOrEqual(20);
    expect(r.reviews).toHaveLength(10);
    for (const c of r.companies) expect(c.subjects.length).toBeLessThanOrEqual(5);
  });

  it("ignores accents and case", () => {
    for (const q of ["cafe zephyrin", "CAFÉ ZÉPH", "Café Zéphyrin"]) expect(search(q).companies[0]?.name).toBe("Café Zéphyrin");
    const r = search("creme brulee");
    expect(r.reviews.map((x) => x.title)).toContain("Une crème brûlée parfaite");
    // Review text matches whole words; names match a last word as a prefix.
    expect(search("creme brul").reviews.map((x) => x.title)).not.toContain("Une crème brûlée parfaite");
  });

  it("ranks the company whose own name matches first, on the page and in the write-a-review finder", () => {
    const r = search("quincaillerie ondine");
    expect(r.companies[0]?.id).toBe(ondine);
    expect(r.companies.map((c) => c.name)).toEqual(expect.arrayContaining(["Atelier Bleu", "Bricolage Central"]));
    expect(r.companies.find((c) => c.name === "Atelier Bleu")!.subjects.map((s) => s.name)).toEqual([
      "Comptoir Quincaillerie Ondine de Lyon",
    ]);
    expect(r.reviews[0]?.title).toBe("Quincaillerie Ondine ? Non, ici");
    expect(findReviewTargets("quincaillerie ond")[0]?.id).toBe(ondine);
    // On the demo data too.
    expect(search("maison lumiere").companies[0]?.name).toBe("Maison Lumière");
    expect(search("maison lumi").companies[0]?.name).toBe("Maison Lumière");
  });

  it("keeps the category and kind filters", () => {
    const { slug } = getDb().$client.prepare(`SELECT slug FROM categories ORDER BY id LIMIT 1`).get() as { slug: string };
    const inCategory = search("service", { category: slug });
    const ids = new Set(
      (
        getDb()
          .$client.prepare(`SELECT company_id AS id FROM company_categories cc JOIN categories k ON k.id = cc.category_id WHERE k.slug = ?`)
          .all(slug) as { id: number }[]
      ).map((x) => x.id),
    );
    for (const c of inCategory.companies) expect(ids.has(c.id)).toBe(true);
    for (const rv of inCategory.reviews) expect(ids.has(rv.company.id)).toBe(true);
    const stores = search("maison lumiere", { kind: "store" });
    expect(stores.reviews).toEqual([]);
    expect(stores.companies[0]?.subjects.every((s) => s.kind === "store")).toBe(true);
  });
});

describe("the plan", () => {
  it("scans search_fts once per statement, as the outer loop, without sorting the matches", () => {
    const client = getDb().$client;
    const prepare = vi.spyOn(client, "prepare");
    let statements: string[];
    try {
      search("maison lumiere");
      search("service", { category: "alimentation" });
      search("maison", { kind: "store" });
      findReviewTargets("maison");
      statements = [...new Set(prepare.mock.calls.map(([sql]) => sql).filter((sql) => sql.includes("search_fts")))];
    } finally {
      prepare.mockRestore();
    }
    expect(statements.length).toBeGreaterThanOrEqual(4);
    for (const sql of statements) {
      const params = Array.from({ length: sql.split("?").length - 1 }, () => null);
      const plan = (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { parent: number; detail: string }[]).map(
        (r) => r.detail,
      );
      expect(
        plan.filter((d) => /SCAN search_fts VIRTUAL TABLE INDEX/.test(d)),
        sql,
      ).toHaveLength(1);
      // The first loop is the FTS scan: no subject or review drives the FTS match.
      expect(
        plan.find((d) => /^(SCAN|SEARCH) /.test(d)),
        sql,
      ).toMatch(/^SCAN search_fts VIRTUAL TABLE/);
      expect(plan.join("\n"), sql).not.toMatch(/TEMP B-TREE|CO-ROUTINE|MATERIALIZE/);
    }
  });
});

describe("the time budget", () => {
  it(`is ${SEARCH_BUDGET_MS} ms, and a spent budget aborts the statement: timedOut, not an error`, () => {
    expect(SEARCH_BUDGET_MS).toBe(250);
    let r: ReturnType<typeof search> | undefined;
    expect(() => (r = search("service", { budgetMs: 0 }))).not.toThrow();
    expect(r).toEqual({ companies: [], reviews: [], tooShort: false, timedOut: true });
    expect(findNames(getDb(), "maison", 0)).toMatchObject({ companyIds: [], subjects: [], timedOut: true });
    expect(findReviewTargets("maison").length).toBeGreaterThan(0);
  });

  it("aborts a statement whose deadline passes while it reads its candidates", () => {
    // Real time for the deadline and the check before the first statement, then the
    // clock jumps: the SQL function stops the statement at its next row.
    const real = Date.now.bind(Date);
    let calls = 0;
    const now = vi.spyOn(Date, "now").mockImplementation(() => real() + (++calls > 2 ? 3_600_000 : 0));
    let r: ReturnType<typeof search> | undefined;
    try {
      expect(() => (r = search("service"))).not.toThrow();
    } finally {
      now.mockRestore();
    }
    expect(calls).toBeGreaterThanOrEqual(3); // the SQL function read the clock
    expect(r).toEqual({ companies: [], reviews: [], tooShort: false, timedOut: true });
    // The connection is fine afterwards.
    expect(search("service").timedOut).toBe(false);
  });

  it("lets the route answer normally, with timedOut (a slow database simulated by a clock that runs fast)", async () => {
    const real = Date.now.bind(Date);
    let tick = 0;
    const now = vi.spyOn(Date, "now").mockImplementation(() => real() + 1000 * tick++);
    const data = await loader({ request: new Request(`${ORIGIN}/search?q=service`), params: {}, context: {} }).finally(() =>
      now.mockRestore(),
    );
    expect(data.results).toMatchObject({ companies: [], reviews: [], timedOut: true, tooShort: false });
  });
});

describe("the route", () => {
  it("answers a query of one-letter words with tooShort and the minimum", async () => {
    const data = await loader({ request: new Request(`${ORIGIN}/search?q=a+b`), params: {}, context: {} });
    expect(data.results?.tooShort).toBe(true);
    expect(data.minWordLength).toBe(MIN_WORD_LENGTH);
    const found = await loader({ request: new Request(`${ORIGIN}/search?q=maison+lumi`), params: {}, context: {} });
    expect(found.results).toMatchObject({ tooShort: false, timedOut: false });
    expect(found.results?.companies[0]?.name).toBe("Maison Lumière");
  });
});
