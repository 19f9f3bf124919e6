// The metrics page of the brand dashboard (/brand/:slug/metrics) from the reviews: every
// figure of getCompanyMetrics equals a recomputation written here in plain SQL (and a few
// against counts made by hand), month by month, on a known company built on a fake clock —
// months without reviews, the month boundaries, held and removed reviews that never count,
// the three periods; a company without reviews; a fixed number of queries over indexes
// whatever the company's size; and the guard (members of that company only).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import { HALF_LIFE_DAYS, PRIOR_COUNT, PRIOR_MEAN } from "~/lib/trustscore";
import { getRatingSummary } from "~/models/companies.server";
import { getCompanyMetrics, type CompanyMetrics } from "~/models/company-metrics.server";
import { reportMonths } from "~/models/transparency.server";
import { headers, loader } from "~/routes/brand.$slug.metrics";
import {
  account,
  type Account,
  addMember,
  callLoader,
  getRequest,
  makeCompany,
  makeReply,
  makeReview,
  makeSubject,
  makeUser,
} from "../support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The fake "now": 15 March 2031, noon UTC. 12 months: April 2030 – March 2031. */
const NOW = Date.UTC(2031, 2, 15, 12);
const at = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

const client = () => getDb().$client;

let author: number;
let staffA: Account;
let staffB: Account;
let staffEmpty: Account;
let moderator: Account;
let companyA: { id: number; subjectId: number; websiteId: number; slug: string };
let companyB: { id: number; slug: string };
let empty: { id: number; slug: string };
const flagged: number[] = [];

function review(
  c: { id: number; subjectId: number },
  v: {
    at: number;
    stars: number;
    channel?: string;
    recommend?: boolean;
    replyAfter?: number;
    subjectId?: number;
    status?: "held" | "removed";
  },
) {
  const id = makeReview({
    companyId: c.id,
    subjectId: v.subjectId ?? c.subjectId,
    authorId: author,
    stars: v.stars,
    channel: v.channel ?? "store",
    recommend: v.recommend ?? null,
    publishedAt: v.at,
    createdAt: v.at,
    status: v.status,
  });
  if (v.replyAfter != null) makeReply(id, "Merci pour votre retour.", v.at + v.replyAfter);
  return id;
}

/** A flag filed in the name of `companyId` (as flagContent files a company's flag). */
function companyFlag(companyId: number, reviewId: number, v: { at: number; status: "pending" | "upheld" | "dismissed" }) {
  client()
    .prepare(
      `INSERT INTO flags (target_type, review_id, reason, explanation, reporter_type, reporter_company_id, status, decided_at, created_at)
       VALUES ('review', ?, 'offensive', 'Une explication.', 'company', ?, ?, ?, ?)`,
    )
    .run(reviewId, companyId, v.status, v.status === "pending" ? null : v.at + DAY, v.at);
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  author = makeUser();
  [staffA, staffB, staffEmpty, moderator] = await Promise.all([
    account({ locale: "en" }),
    account({ locale: "en" }),
    account({ locale: "en" }),
    account({ role: "moderator" }),
  ]);
  const a = makeCompany({ slug: "maison-mesuree", name: "Maison Mesurée" });
  companyA = { ...a, slug: "maison-mesuree", websiteId: makeSubject(a.id, { kind: "website", name: "maison-mesuree.example" }) };
  addMember(companyA.id, staffA.id, "owner");
  const b = makeCompany({ slug: "maison-voisine" });
  companyB = { id: b.id, slug: "maison-voisine" };
  addMember(companyB.id, staffB.id, "owner");
  const e = makeCompany({ slug: "maison-vide" });
  empty = { id: e.id, slug: "maison-vide" };
  addMember(empty.id, staffEmpty.id, "owner");

  const web = { subjectId: companyA.websiteId };
  // Before every period: it only weighs in the TrustScore.
  review(companyA, { at: at(2028, 6, 10), stars: 5 });
  // In the 24 months only.
  flagged.push(review(companyA, { at: at(2029, 5, 10), stars: 1, channel: "phone", replyAfter: 2 * DAY }));
  // The 12 months: April (two), July, the last minute of December, the first of January, March.
  flagged.push(review(companyA, { at: at(2030, 4, 2), stars: 4, recommend: true, replyAfter: 3 * HOUR }));
  flagged.push(review(companyA, { at: at(2030, 4, 20), stars: 2, channel: "website", recommend: false, replyAfter: 30 * HOUR, ...web }));
  const resolved = review(companyA, { at: at(2030, 7, 1), stars: 5 });
  client()
    .prepare(`UPDATE reviews SET resolved_at = ? WHERE id = ?`)
    .run(at(2030, 7, 9), resolved);
  review(companyA, { at: at(2030, 12, 31, 23, 59), stars: 3 });
  review(companyA, { at: at(2031, 1, 1, 0, 0), stars: 1, channel: "phone", replyAfter: 10 * DAY });
  review(companyA, { at: at(2031, 3, 14), stars: 5, channel: "email", replyAfter: HOUR, ...web });
  // Never counted: held, and removed by a moderator (February has no review).
  review(companyA, { at: at(2031, 2, 1), stars: 1, status: "held" });
  review(companyA, { at: at(2031, 2, 2), stars: 1, status: "removed" });
  // Another company's review, and its flag on one of A's reviews: none of A's figures.
  review({ id: companyB.id, subjectId: b.subjectId }, { at: at(2030, 9, 1), stars: 1, replyAfter: HOUR });
  companyFlag(companyB.id, flagged[1]!, { at: at(2030, 9, 2), status: "upheld" });

  companyFlag(companyA.id, flagged[0]!, { at: at(2029, 6, 1), status: "upheld" });
  companyFlag(companyA.id, flagged[1]!, { at: at(2030, 5, 1), status: "upheld" });
  companyFlag(companyA.id, flagged[2]!, { at: at(2030, 6, 1), status: "dismissed" });
  companyFlag(companyA.id, flagged[2]!, { at: at(2031, 3, 1), status: "pending" });
});

afterAll(() => {
  vi.useRealTimers();
});

// ─── The recomputation, in plain SQL ──────────────────────────────────────────

interface Expected {
  reviewCount: number;
  averageStars: number | null;
  answeredCount: number;
}

const floor1 = (x: number) => Math.floor(x * 10 + 1e-9) / 10;

function tallyOf(where: string, ...args: (number | string)[]): Expected {
  const row = client()
    .prepare(
      `SELECT count(*) AS n, avg(stars) AS mean, sum(CASE WHEN replied_at IS NOT NULL THEN 1 ELSE 0 END) AS answered
       FROM reviews WHERE status = 'published' AND ${where}`,
    )
    .get(...args) as { n: number; mean: number | null; answered: number | null };
  return { reviewCount: row.n, averageStars: row.mean == null ? null : floor1(row.mean), answeredCount: row.answered ?? 0 };
}

/** The TrustScore as it stood at `asOf`, straight from the definition: a Bayesian average
 *  with a prior of 7 reviews of 3.5★, each review weighing 2^(−age / half-life). */
function trustScoreAt(companyId: number, asOf: number): number | null {
  // At the end of a month: what was published before the next one began; now: up to now.
  const before = asOf === NOW ? "<=" : "<";
  const rows = client()
    .prepare(`SELECT stars, published_at AS t FROM reviews WHERE company_id = ? AND status = 'published' AND published_at ${before} ?`)
    .all(companyId, asOf) as { stars: number; t: number }[];
  if (rows.length === 0) return null;
  const w = (t: number) => 2 ** ((t - asOf) / (HALF_LIFE_DAYS * DAY));
  const num = PRIOR_COUNT * PRIOR_MEAN + rows.reduce((s, r) => s + r.stars * w(r.t), 0);
  const den = PRIOR_COUNT + rows.reduce((s, r) => s + w(r.t), 0);
  return floor1(Math.min(5, Math.max(1, num / den)));
}

function medianDelay(companyId: number, from: number, maxStars: number): number | null {
  const delays = client()
    .prepare(
      `SELECT replied_at - published_at AS d FROM reviews WHERE company_id = ? AND status = 'published'
       AND published_at >= ? AND stars <= ? AND replied_at IS NOT NULL ORDER BY d`,
    )
    .pluck()
    .all(companyId, from, maxStars) as number[];
  if (delays.length === 0) return null;
  const mid = Math.floor(delays.length / 2);
  return delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2;
}

function flagsOf(companyId: number, from: number) {
  return client()
    .prepare(
      `SELECT count(*) AS filed, count(DISTINCT review_id) AS flaggedReviews,
              coalesce(sum(status <> 'pending'), 0) AS decided, coalesce(sum(status = 'upheld'), 0) AS upheld
       FROM flags WHERE reporter_company_id = ? AND created_at >= ?`,
    )
    .get(companyId, from) as CompanyMetrics["flags"];
}

function expectEqualsRecomputation(companyId: number, metrics: CompanyMetrics) {
  const periods = reportMonths(NOW, metrics.months);
  const from = periods[0]!.from;
  expect(metrics.from).toBe(from);
  expect(metrics.byMonth.map((m) => m.month)).toEqual(periods.map((p) => p.month));
  periods.forEach((p, i) => {
    const next = periods[i + 1]?.from;
    const { month, trustScore, ...tally } = metrics.byMonth[i]!;
    expect(month).toBe(p.month);
    const until = next == null ? `published_at <= ${NOW}` : `published_at < ${next}`;
    expect(tally).toEqual(tallyOf(`company_id = ? AND published_at >= ? AND ${until}`, companyId, p.from));
    expect(trustScore).toBe(trustScoreAt(companyId, next ?? NOW));
  });
  const inPeriod = `company_id = ? AND published_at >= ?`;
  const { total } = metrics;
  expect({ reviewCount: total.reviewCount, averageStars: total.averageStars, answeredCount: total.answeredCount }).toEqual(
    tallyOf(inPeriod, companyId, from),
  );
  const negative = tallyOf(`${inPeriod} AND stars <= 2`, companyId, from);
  expect([total.negativeCount, total.negativeAnswered]).toEqual([negative.reviewCount, negative.answeredCount]);
  expect(total.medianReplyDelay).toBe(medianDelay(companyId, from, 5));
  expect(total.negativeMedianReplyDelay).toBe(medianDelay(companyId, from, 2));
  const count = (where: string) => tallyOf(`${inPeriod} AND ${where}`, companyId, from).reviewCount;
  expect([total.recommendYes, total.recommendNo, total.resolvedCount]).toEqual([
    count("recommend = 1"),
    count("recommend = 0"),
    count("resolved_at IS NOT NULL"),
  ]);
  expect(total.trustScore).toBe(trustScoreAt(companyId, NOW));
  expect(metrics.flags).toEqual(flagsOf(companyId, from));
  for (const s of metrics.bySubject) {
    const { id, name: _name, kind: _kind, ...tally } = s;
    expect(tally).toEqual(tallyOf(`${inPeriod} AND subject_id = ?`, companyId, from, id));
  }
  for (const c of metrics.byChannel) {
    const { channel, ...tally } = c;
    expect(tally).toEqual(tallyOf(`${inPeriod} AND channel = ?`, companyId, from, channel));
  }
  const listed = (column: string) =>
    client()
      .prepare(`SELECT DISTINCT ${column} FROM reviews WHERE status = 'published' AND ${inPeriod} ORDER BY 1`)
      .pluck()
      .all(companyId, from);
  expect(metrics.bySubject.map((s) => s.id).sort((x, y) => x - y)).toEqual(listed("subject_id"));
  expect(metrics.byChannel.map((c) => c.channel).sort()).toEqual(listed("channel"));
}

// ─── The figures ──────────────────────────────────────────────────────────────

describe("getCompanyMetrics", () => {
  it.each([3, 6, 12, 24] as const)("equals the SQL recomputation over the reviews and flags, month by month (%i months)", (months) => {
    const metrics = getCompanyMetrics(companyA.id, months, NOW);
    expect(metrics.months).toBe(months);
    expect(metrics.byMonth).toHaveLength(months);
    expectEqualsRecomputation(companyA.id, metrics);
  });

  it("counts what was written by hand: the last 12 months", () => {
    const m = getCompanyMetrics(companyA.id, 12, NOW);
    expect(m.from).toBe(at(2030, 4, 1));
    const month = (key: string) => m.byMonth.find((x) => x.month === key)!;
    expect(month("2030-04")).toMatchObject({ reviewCount: 2, averageStars: 3, answeredCount: 2 });
    // The boundaries are UTC months: 23:59 on 31 December is December, 00:00 on 1 January is January.
    expect(month("2030-12")).toMatchObject({ reviewCount: 1, averageStars: 3, answeredCount: 0 });
    expect(month("2031-01")).toMatchObject({ reviewCount: 1, averageStars: 1, answeredCount: 1 });
    // Months without reviews are there, with zeros; the TrustScore stands as it was.
    for (const key of ["2030-05", "2030-06", "2030-08", "2030-09", "2030-10", "2030-11", "2031-02"]) {
      expect(month(key)).toMatchObject({ reviewCount: 0, averageStars: null, answeredCount: 0 });
      expect(month(key).trustScore).not.toBeNull();
    }
    expect(m.total).toMatchObject({
      reviewCount: 6,
      averageStars: 3.3, // 20 / 6, never rounded up
      answeredCount: 4,
      negativeCount: 2,
      negativeAnswered: 2,
      medianReplyDelay: 16.5 * HOUR, // 1 h, 3 h, 30 h, 240 h
      negativeMedianReplyDelay: 135 * HOUR, // 30 h, 240 h
      recommendYes: 1,
      recommendNo: 1,
      resolvedCount: 1,
    });
    // Three flags in the period (May, June, March), on two reviews; two decided, one upheld.
    expect(m.flags).toEqual({ filed: 3, flaggedReviews: 2, decided: 2, upheld: 1 });
    expect(m.byChannel.map((c) => [c.channel, c.reviewCount, c.averageStars, c.answeredCount])).toEqual([
      ["store", 3, 4, 1],
      ["email", 1, 5, 1],
      ["phone", 1, 1, 1],
      ["website", 1, 2, 1],
    ]);
    expect(m.bySubject.map((s) => [s.id, s.kind, s.reviewCount, s.averageStars, s.answeredCount])).toEqual([
      [companyA.subjectId, "store", 4, 3.2, 2], // 13 / 4
      [companyA.websiteId, "website", 2, 3.5, 2],
    ]);
  });

  it("the period selector: 3 months start in January, 24 months reach the 2029 review and flag", () => {
    const short = getCompanyMetrics(companyA.id, 3, NOW);
    expect(short.from).toBe(at(2031, 1, 1));
    expect(short.total).toMatchObject({ reviewCount: 2, answeredCount: 2, negativeCount: 1 });
    expect(short.flags).toEqual({ filed: 1, flaggedReviews: 1, decided: 0, upheld: 0 });
    const long = getCompanyMetrics(companyA.id, 24, NOW);
    expect(long.from).toBe(at(2029, 4, 1));
    expect(long.total).toMatchObject({ reviewCount: 7, negativeCount: 3, negativeAnswered: 3 });
    expect(long.flags).toEqual({ filed: 4, flaggedReviews: 3, decided: 3, upheld: 2 });
  });

  it("the TrustScore of the current month is the company page's, from the one implementation", () => {
    const m = getCompanyMetrics(companyA.id, 12, NOW);
    expect(m.total.trustScore).toBe(getRatingSummary("company", companyA.id, "all", NOW).trustScore);
    expect(m.byMonth.at(-1)!.trustScore).toBe(m.total.trustScore);
  });

  it("a company without reviews: every month at zero, nothing to compute a share or a score from", () => {
    const m = getCompanyMetrics(empty.id, 6, NOW);
    expect(m.byMonth).toHaveLength(6);
    for (const month of m.byMonth) expect(month).toMatchObject({ reviewCount: 0, averageStars: null, answeredCount: 0, trustScore: null });
    expect(m.total).toEqual({
      reviewCount: 0,
      averageStars: null,
      answeredCount: 0,
      trustScore: null,
      negativeCount: 0,
      negativeAnswered: 0,
      medianReplyDelay: null,
      negativeMedianReplyDelay: null,
      recommendYes: 0,
      recommendNo: 0,
      resolvedCount: 0,
    });
    expect(m.flags).toEqual({ filed: 0, flaggedReviews: 0, decided: 0, upheld: 0 });
    expect([m.bySubject, m.byChannel]).toEqual([[], []]);
    expectEqualsRecomputation(empty.id, m);
  });
});

// ─── Cost ─────────────────────────────────────────────────────────────────────

/** The SQL of every statement getCompanyMetrics prepares. */
function statementsOf(companyId: number) {
  const prepare = vi.spyOn(client(), "prepare");
  try {
    getCompanyMetrics(companyId, 24, NOW);
    return prepare.mock.calls.map(([sql]) => sql);
  } finally {
    prepare.mockRestore();
  }
}

describe("the cost of the page", () => {
  it("is a fixed number of queries whatever the company's size, each over an index", () => {
    const big = makeCompany({ slug: "maison-nombreuse" });
    for (let i = 0; i < 120; i++) {
      const stars = (i % 5) + 1;
      review(big, { at: NOW - (i % 23) * 30 * DAY - i * HOUR, stars, replyAfter: i % 3 ? (i + 1) * HOUR : undefined });
    }
    expectEqualsRecomputation(big.id, getCompanyMetrics(big.id, 24, NOW));
    const small = statementsOf(companyA.id);
    const large = statementsOf(big.id);
    expect(large).toEqual(small);
    expect(large.length).toBeLessThanOrEqual(10);
    for (const sql of large) {
      const plan = client()
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...Array<number>(sql.split("?").length - 1).fill(0)) as { detail: string }[];
      const details = plan.map((p) => p.detail);
      expect(details.filter((d) => /^SCAN (reviews|r|flags|subjects|s)\b/.test(d))).toEqual([]);
    }
  });

  it("the monthly figures read the scorecard index alone, not the review rows", () => {
    const monthly = statementsOf(companyA.id).find((sql) => sql.includes("strftime"))!;
    const plan = client().prepare(`EXPLAIN QUERY PLAN ${monthly}`).all(0, 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toContain("USING COVERING INDEX reviews_company_scorecard_idx");
  });
});

// ─── The page's loader and its guard ──────────────────────────────────────────

const path = (slug: string, query = "") => `/brand/${slug}/metrics${query}`;
const load = (slug: string, query: string, cookie?: string) => callLoader(loader, getRequest(path(slug, query), { cookie }), { slug });

describe("/brand/:slug/metrics", () => {
  it("shows a member the period chosen by the GET form, 12 months for anything else", async () => {
    for (const [query, months] of [
      ["", 12],
      ["?months=3", 3],
      ["?months=6", 6],
      ["?months=24", 24],
      ["?months=7", 12],
      ["?months=abc", 12],
    ] as const) {
      const res = await load(companyA.slug, query, staffA.cookie);
      expect(res.status).toBe(200);
      const data = res.data as { company: { name: string }; metrics: CompanyMetrics };
      expect(data.company.name).toBe("Maison Mesurée");
      expect(data.metrics.months).toBe(months);
      expect(data.metrics).toEqual(getCompanyMetrics(companyA.id, months, NOW));
    }
  });

  it("a member of another company gets a 403, and so does a moderator", async () => {
    for (const who of [staffB, staffEmpty, moderator]) {
      const res = await load(companyA.slug, "", who.cookie);
      expect(res.status).toBe(403);
    }
    expect((await load(companyB.slug, "", staffB.cookie)).status).toBe(200);
  });

  it("an anonymous visitor is sent to the log-in page, and back here after", async () => {
    const res = await load(companyA.slug, "?months=3");
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?${new URLSearchParams({ redirectTo: path(companyA.slug, "?months=3") })}`);
  });

  it("a company that does not exist is a 404", async () => {
    expect((await load("maison-inexistante", "", staffA.cookie)).status).toBe(404);
  });

  it("is private: never stored by a cache", () => {
    expect(headers()).toEqual({ "Cache-Control": "private, no-store" });
  });
});
