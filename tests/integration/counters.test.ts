import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { getRatingSummary } from "~/models/companies.server";
import { rebuildAllStats } from "~/models/stats.server";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { makeCompany, makeReply, makeReview, makeSubject, makeUser, recomputedCounters } from "../support/fixtures";

const DAY = 86_400_000;
let company: { id: number; subjectId: number };
let secondSubject: number;

beforeAll(() => {
  company = makeCompany({ slug: "boulangerie-test", name: "Boulangerie Test" });
  secondSubject = makeSubject(company.id, { kind: "website", name: "boulangerie-test.fr" });
  const authors = Array.from({ length: 6 }, () => makeUser());
  const origins = ["organic", "invited", "verified"] as const;
  for (let i = 0; i < 60; i++) {
    const status = i % 13 === 0 ? "held" : i % 17 === 0 ? "removed" : "published";
    const id = makeReview({
      companyId: company.id,
      subjectId: i % 3 === 0 ? secondSubject : company.subjectId,
      authorId: authors[i % authors.length],
      stars: (i % 5) + 1,
      origin: origins[i % 3],
      recommend: i % 4 === 0 ? null : i % 5 >= 3,
      publishedAt: Date.now() - (i * 11 + 1) * DAY,
      status,
    });
    if (status === "published" && i % 2 === 0) makeReply(id, "Merci", Date.now() - i * 11 * DAY + 3_600_000);
  }
});

function stored(scope: "company" | "subject", scopeId: number) {
  return getDb()
    .$client.prepare(
      `SELECT origin, review_count AS reviewCount, star1, star2, star3, star4, star5, star_sum AS starSum,
              weighted_star_sum AS weightedStarSum, weight_sum AS weightSum, recommend_yes AS recommendYes,
              recommend_no AS recommendNo, reply_count AS replyCount
       FROM rating_stats WHERE scope = ? AND scope_id = ? AND review_count > 0`,
    )
    .all(scope, scopeId) as (Record<string, number> & { origin: string })[];
}

function expectCountersMatch(scope: "company" | "subject", scopeId: number) {
  const expected = recomputedCounters(scopeId, scope);
  const actual = stored(scope, scopeId);
  expect(actual.map((r) => r.origin).sort()).toEqual([...expected.keys()].sort());
  for (const { origin, weightedStarSum, weightSum, ...counts } of actual) {
    const e = expected.get(origin)!;
    expect(counts).toEqual({
      reviewCount: e.reviewCount,
      star1: e.star1,
      star2: e.star2,
      star3: e.star3,
      star4: e.star4,
      star5: e.star5,
      starSum: e.starSum,
      recommendYes: e.recommendYes,
      recommendNo: e.recommendNo,
      replyCount: e.replyCount,
    });
    expect(weightedStarSum).toBeCloseTo(e.weightedStarSum, 6);
    expect(weightSum).toBeCloseTo(e.weightSum, 6);
  }
}

describe("company page counters", () => {
  it("equal a recomputation over the reviews, kept current write by write", () => {
    expectCountersMatch("company", company.id);
    expectCountersMatch("subject", company.subjectId);
    expectCountersMatch("subject", secondSubject);
  });

  it("are what the company page shows", async () => {
    const response = await companyLoader({
      request: new Request("http://localhost/companies/boulangerie-test"),
      params: { slug: "boulangerie-test" },
      context: {},
    });
    const data = response as Awaited<ReturnType<typeof companyLoader>>;
    const sql = getDb()
      .$client.prepare(
        `SELECT count(*) AS n, sum(stars) AS total, sum(stars = 1) AS s1, sum(stars = 5) AS s5
         FROM reviews WHERE company_id = ? AND status = 'published'`,
      )
      .get(company.id) as { n: number; total: number; s1: number; s5: number };
    expect(data.summary.reviewCount).toBe(sql.n);
    expect(data.summary.histogram[0]).toBe(sql.s1);
    expect(data.summary.histogram[4]).toBe(sql.s5);
    expect(data.summary.histogram.reduce((a, b) => a + b, 0)).toBe(sql.n);
    expect(data.summary.rawMean).toBe(Math.floor((sql.total / sql.n) * 10) / 10);
    // Held reviews never show; removed ones leave a placeholder.
    expect(data.page.reviews.every((r) => r.status === "published" || r.status === "removed")).toBe(true);
    expect(data.page.reviews.some((r) => r.status === "removed")).toBe(true);
  });

  it("a rebuild from scratch gives the same counters", () => {
    const before = getRatingSummary("company", company.id);
    rebuildAllStats(getDb());
    expectCountersMatch("company", company.id);
    expect(getRatingSummary("company", company.id)).toEqual(before);
  });

  it("score bases split by origin label and add up to all", () => {
    const all = getRatingSummary("company", company.id, "all");
    const parts = (["organic", "invited", "verified"] as const).map((o) => getRatingSummary("company", company.id, o));
    expect(parts.reduce((s, p) => s + p.reviewCount, 0)).toBe(all.reviewCount);
  });
});
