// Search at a bounded cost (issues 7 and 11), on a real SQLite with the demo seed and a few
// companies of its own: the query rules (one-letter words ignored, short words whole,
// a longer last word a prefix in names), accents, a company's own name first, pages of
// ranked results, hostile input, the names index following writes, common words
// intersected instead of ANDed by FTS5 (same results), the plan of every statement (each
// FTS match read once, nothing sorted), and the time budget (aborts cleanly with timedOut;
// the loader answers instead of failing). What the page shows: search-page.test.tsx.
// The cost on 2 M reviews is measured by `npm run bench` (its search mix).
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import { findReviewTargets } from "~/models/review-targets.server";
import {
  MAX_SEARCH_PAGE,
  MAX_WORDS,
  MAX_WORD_LENGTH,
  MIN_WORD_LENGTH,
  SEARCH_BUDGET_MS,
  SEARCH_PAGE_SIZE,
  findNames,
  parseQuery,
  planReviewWords,
  search,
  toFtsQuery,
} from "~/models/search.server";
import { loader } from "~/routes/search";
import { seedIfEmpty } from "../../scripts/seed";
import { makeCompany, makeReview, makeSubject, makeUser } from "../support/fixtures";

const ORIGIN = "http://localhost";
let ondine: number;
let zq: number;
let zinzolin: { id: number; subjectId: number };
const zinzolinTitled: number[] = [];

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

  // 25 reviews that mention "zinzolin": the 3 oldest in their title (ranked first), the
  // others in their body only, one a minute, newest last.
  zinzolin = makeCompany({ name: "Verrerie Zinzolin", slug: "verrerie-zinzolin" });
  const start = Date.now() - 3_600_000;
  for (let i = 0; i < 25; i++) {
    const id = makeReview({
      companyId: zinzolin.id,
      subjectId: zinzolin.subjectId,
      authorId,
      title: i < 3 ? `Un vase zinzolin numéro ${i}` : `Avis numéro ${i}`,
      body: `Le verre soufflé couleur zinzolin, commande ${i}, livré en trois jours.`,
      publishedAt: start + i * 60_000,
    });
    if (i < 3) zinzolinTitled.push(id);
  }
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
    expect(parseQuery("x".repeat(500))!.words[0]).toHaveLength(MAX_WORD_LENGTH);
  });

  it("answers a query of one-letter words with tooShort, without searching", () => {
    for (const q of ["a", "b", "a b c", "é", "!!"]) {
      expect(search(q)).toEqual({ companies: [], reviews: [], page: 1, hasMore: false, tooShort: true, timedOut: false });
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

describe("pages, ranking, hostile input", () => {
  it("cuts the ranked results into pages: title matches first, then newest first, no review twice", () => {
    const pages = [1, 2, 3].map((page) => search("zinzolin", { page }));
    expect(pages.map((p) => p.reviews.length)).toEqual([SEARCH_PAGE_SIZE.reviews, SEARCH_PAGE_SIZE.reviews, 5]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
    const ids = pages.flatMap((p) => p.reviews.map((r) => r.id));
    expect(new Set(ids).size).toBe(25);
    // The three whose title holds the word, though the oldest, come first, newest first.
    expect(ids.slice(0, 3)).toEqual([...zinzolinTitled].reverse());
    const rest = pages.flatMap((p) => p.reviews).slice(3);
    const times = rest.map((r) => r.publishedAt ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The company is on the first page only.
    expect(pages[0]!.companies.map((c) => c.id)).toContain(zinzolin.id);
    expect(pages[1]!.companies).toEqual([]);
    // Out-of-range pages are clamped, never an error.
    expect(search("zinzolin", { page: 0 }).page).toBe(1);
    expect(search("zinzolin", { page: 10_000 }).page).toBe(MAX_SEARCH_PAGE);
  });

  it("the route reads ?page=, and a bad one is the first page", async () => {
    const second = await loader({ request: new Request(`${ORIGIN}/search?q=zinzolin&page=2`), params: {}, context: {} });
    expect(second.results?.page).toBe(2);
    expect(second.results?.reviews).toHaveLength(SEARCH_PAGE_SIZE.reviews);
    for (const bad of ["0", "-1", "abc", "1e9", "2.5"]) {
      const data = await loader({ request: new Request(`${ORIGIN}/search?q=zinzolin&page=${bad}`), params: {}, context: {} });
      expect(data.results?.page, bad).toBe(1);
    }
  });

  it("never throws on hostile input: quotes, FTS5 syntax, column filters, control characters", () => {
    const inputs = [
      `"service client"`,
      `l'atelier`,
      `a"b`,
      `"`,
      `'`,
      `*`,
      `^service`,
      `service*`,
      `NEAR(service client, 2)`,
      `service OR client`,
      `NOT service`,
      `-service +client`,
      `title:service`,
      `{title body}:service`,
      `kind:review`,
      `review`,
      `(service) AND (`,
      `\u0000service\u0000`,
      `service\u0000`,
      `'; DROP TABLE reviews; --`,
      `😀 service 😀`,
      `ｆｕｌｌｗｉｄｔｈ`,
      `ǅemal ǈubljana`,
      `x`.repeat(5000),
      `de la le les et un une pour the and to of`,
    ];
    for (const q of inputs) {
      let r: ReturnType<typeof search> | undefined;
      expect(() => (r = search(q)), q).not.toThrow();
      expect(Array.isArray(r!.companies) && Array.isArray(r!.reviews), q).toBe(true);
      expect(() => findNames(getDb(), q), q).not.toThrow();
    }
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (q) => {
        const r = search(q);
        return Array.isArray(r.companies) && Array.isArray(r.reviews);
      }),
      { numRuns: 150 },
    );
    // The quotes and operators are not syntax: "service client" finds what service client finds.
    expect(search(`"service client"`).reviews.map((r) => r.id)).toEqual(search("service client").reviews.map((r) => r.id));
  });
});

describe("the names index (migration 0019)", () => {
  it("follows writes: a renamed company, a new subject, a closed one, a deleted company", () => {
    const client = getDb().$client;
    const c = makeCompany({ name: "Tonnellerie Ocelot", slug: "tonnellerie-ocelot" });
    expect(search("ocelot").companies.map((x) => x.id)).toEqual([c.id]);
    client.prepare(`UPDATE companies SET name = 'Tonnellerie Margay' WHERE id = ?`).run(c.id);
    client.prepare(`UPDATE subjects SET name = 'Tonnellerie Margay — Paris' WHERE id = ?`).run(c.subjectId);
    expect(search("ocelot").companies).toEqual([]);
    expect(search("margay").companies.map((x) => x.id)).toEqual([c.id]);
    const store = makeSubject(c.id, { name: "Chai du Caracal", kind: "store" });
    expect(search("caracal").companies[0]?.subjects.map((s) => s.name)).toEqual(["Chai du Caracal"]);
    client.prepare(`UPDATE subjects SET state = 'pending' WHERE id = ?`).run(store);
    expect(search("caracal").companies).toEqual([]);
    client.prepare(`UPDATE subjects SET state = 'active' WHERE id = ?`).run(store);
    expect(search("caracal").companies.map((x) => x.id)).toEqual([c.id]);
    // Search rows hold reviews only.
    expect(client.prepare(`SELECT count(*) AS n FROM search_fts WHERE rowid % 4 != 2`).get()).toEqual({ n: 0 });
    client.prepare(`DELETE FROM subjects WHERE company_id = ?`).run(c.id);
    client.prepare(`DELETE FROM companies WHERE id = ?`).run(c.id);
    expect(search("margay").companies).toEqual([]);
    expect(findNames(getDb(), "caracal").subjects).toEqual([]);
  });
});

describe("common words", () => {
  it("FTS5 ANDs the rarest words while that stays cheap; the common ones are intersected after", () => {
    const frequencies: Record<string, number> = { rare: 50, pour: 1_300_000, the: 500_000, near: 1_700, service: 600_000 };
    const f = (w: string) => frequencies[w] ?? 0;
    expect(planReviewWords(["service"], f)).toEqual({ fts: ["service"], rest: [] });
    expect(planReviewWords(["pour", "rare"], f)).toEqual({ fts: ["rare", "pour"], rest: [] });
    expect(planReviewWords(["near", "service"], f)).toEqual({ fts: ["near", "service"], rest: [] });
    expect(planReviewWords(["pour", "the"], f)).toEqual({ fts: ["the"], rest: [{ word: "pour", frequency: 1_300_000 }] });
  });

  it("an intersection finds the same reviews as FTS5's AND", () => {
    for (const q of [
      "zinzolin verre",
      "livre trois jours",
      "creme brulee",
      "quincaillerie ondine",
      "service client",
      "commande livraison",
    ]) {
      const and = search(q, { andLimitMs: Infinity });
      const intersected = search(q, { andLimitMs: 0 });
      expect(intersected.timedOut, q).toBe(false);
      expect(
        intersected.reviews.map((r) => r.id),
        q,
      ).toEqual(and.reviews.map((r) => r.id));
    }
    expect(search("zinzolin verre", { andLimitMs: 0 }).reviews.length).toBeGreaterThan(0);
  });
});

describe("the plan", () => {
  it("reads each FTS match once (no correlated subquery), and sorts nothing", () => {
    const client = getDb().$client;
    const prepare = vi.spyOn(client, "prepare");
    let statements: string[];
    try {
      search("maison lumiere");
      search("service", { category: "alimentation" });
      search("maison", { kind: "store" });
      search("zinzolin verre", { andLimitMs: 0 });
      search("service livraison", { andLimitMs: 0, category: "alimentation" });
      findReviewTargets("maison");
      statements = [...new Set(prepare.mock.calls.map(([sql]) => sql).filter((sql) => /_fts\b/.test(sql) && sql.includes("MATCH")))];
    } finally {
      prepare.mockRestore();
    }
    expect(statements.some((sql) => sql.includes("names_fts"))).toBe(true);
    expect(statements.some((sql) => sql.includes("json_each"))).toBe(true);
    for (const sql of statements) {
      const params = Array.from({ length: sql.split("?").length - 1 }, () => null);
      const plan = (client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const ftsScans = plan.filter((d) => /SCAN (search_fts|names_fts|n) VIRTUAL TABLE INDEX/.test(d));
      expect(ftsScans, sql).toHaveLength(sql.split("MATCH").length - 1);
      // The first loop is an FTS scan, or the candidates' list: nothing else drives a match.
      expect(
        plan.find((d) => /^(SCAN|SEARCH) /.test(d)),
        sql,
      ).toMatch(/^SCAN (search_fts|names_fts|n|j) VIRTUAL TABLE/);
      expect(plan.join("\n"), sql).not.toMatch(/TEMP B-TREE|CORRELATED/);
    }
  });
});

describe("the time budget", () => {
  it(`is ${SEARCH_BUDGET_MS} ms, and a spent budget aborts the statement: timedOut, not an error`, () => {
    expect(SEARCH_BUDGET_MS).toBe(60);
    let r: ReturnType<typeof search> | undefined;
    expect(() => (r = search("service", { budgetMs: 0 }))).not.toThrow();
    expect(r).toEqual({ companies: [], reviews: [], page: 1, hasMore: false, tooShort: false, timedOut: true });
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
    expect(r).toEqual({ companies: [], reviews: [], page: 1, hasMore: false, tooShort: false, timedOut: true });
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
