// /transparency from the log: every figure of getTransparencyReport (and of the JSON and
// CSV downloads) equals an independent SQL recomputation over moderation_decisions, flags,
// appeals and reviews, month by month and for the period, on a known log built on a fake
// clock — and a few figures are also checked against a count made by hand.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import {
  delayFigures,
  getTransparencyReport,
  reportMonths,
  TRANSPARENCY_CSV_HEADER,
  toTransparencyJson,
} from "~/models/transparency.server";
import { loader as csvLoader } from "~/routes/transparency[.]csv";
import { loader as jsonLoader } from "~/routes/transparency[.]json";
import { makeCompany, makeReview, makeUser } from "../support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The fake "now": 15 March 2031, noon UTC. The period is April 2030 – March 2031. */
const NOW = Date.UTC(2031, 2, 15, 12);
const at = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h);

const client = () => getDb().$client;

let moderator: number;
let company: { id: number; subjectId: number };
let reviewId: number;

function decision(v: { at: number; target?: string; targetId?: number; decision: string; reason: string; automated?: boolean }) {
  return (
    client()
      .prepare(
        `INSERT INTO moderation_decisions (actor_id, automated, target_type, target_id, decision, reason, statement, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'Un exposé des motifs de test, assez long.', ?) RETURNING id`,
      )
      .get(
        v.automated ? null : moderator,
        v.automated ? 1 : 0,
        v.target ?? "review",
        v.targetId ?? reviewId,
        v.decision,
        v.reason,
        v.at,
      ) as {
      id: number;
    }
  ).id;
}

function flag(v: { at: number; type: string; status?: string; decidedAt?: number | null }) {
  client()
    .prepare(
      `INSERT INTO flags (target_type, review_id, reason, explanation, reporter_type, status, decided_at, created_at)
       VALUES ('review', ?, 'offensive', 'Une explication.', ?, ?, ?, ?)`,
    )
    .run(reviewId, v.type, v.status ?? "pending", v.decidedAt ?? null, v.at);
}

function appeal(v: { at: number; decisionId: number; status: string }) {
  const user = makeUser();
  client()
    .prepare(`INSERT INTO appeals (decision_id, appellant_user_id, body, status, created_at) VALUES (?, ?, 'Je conteste.', ?, ?)`)
    .run(v.decisionId, user, v.status, v.at);
}

function heldReview(heldAt: number) {
  const id = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: makeUser(), stars: 1, status: "held" });
  client().prepare(`UPDATE reviews SET held_at = ?, held_check = 'links', created_at = ? WHERE id = ?`).run(heldAt, heldAt, id);
  return id;
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
  moderator = makeUser({ role: "moderator" });
  company = makeCompany();
  reviewId = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: makeUser(), stars: 2 });

  // January 2031: two removals and a dismissal by people.
  const removal = decision({ at: at(2031, 1, 10), decision: "remove", reason: "offensive" });
  decision({ at: at(2031, 1, 11), decision: "remove", reason: "offensive" });
  const kept = decision({ at: at(2031, 1, 12), decision: "dismiss_flag", reason: "spam" });
  // February: a held review published by the deadline job 72 h after its hold, another
  // refused by a moderator 5 h after its hold.
  const h1 = heldReview(at(2031, 2, 1));
  decision({ at: at(2031, 2, 4), targetId: h1, decision: "publish", reason: "spam", automated: true });
  const h2 = heldReview(at(2031, 2, 10));
  decision({ at: at(2031, 2, 10, 5), targetId: h2, decision: "refuse", reason: "spam" });
  // March: a public warning on a company, and a moderator appointed (not a moderation decision).
  decision({ at: at(2031, 3, 1), target: "company", targetId: company.id, decision: "warn", reason: "rewards_offered" });
  decision({ at: at(2031, 3, 2), target: "user", targetId: moderator, decision: "grant_moderator", reason: "staff_role" });
  // Outside the period: before its first month, and after "now".
  decision({ at: at(2030, 3, 31, 23), decision: "remove", reason: "offensive" });
  decision({ at: NOW + HOUR, decision: "remove", reason: "offensive" });

  // Reports: January, two readers (decided after 2 h and 10 h) and a company (pending);
  // February, an anonymous notifier (filed 31 January, decided 1 February after 30 h);
  // a reader's report received before the period and decided in it (after 40 days).
  flag({ at: at(2031, 1, 9), type: "consumer", status: "upheld", decidedAt: at(2031, 1, 9, 2) });
  flag({ at: at(2031, 1, 9, 1), type: "consumer", status: "dismissed", decidedAt: at(2031, 1, 9, 11) });
  flag({ at: at(2031, 1, 20), type: "company" });
  flag({ at: at(2031, 1, 31), type: "notifier", status: "upheld", decidedAt: at(2031, 1, 31) + 30 * HOUR });
  flag({ at: at(2030, 3, 20), type: "consumer", status: "upheld", decidedAt: at(2030, 3, 20) + 40 * DAY });

  // Appeals: January one overturned; February one upheld and one waiting.
  appeal({ at: at(2031, 1, 15), decisionId: removal, status: "overturned" });
  appeal({ at: at(2031, 2, 2), decisionId: kept, status: "upheld" });
  appeal({ at: at(2031, 2, 3), decisionId: kept, status: "pending" });
});

afterAll(() => {
  vi.useRealTimers();
});

// ─── Independent recomputation ─────────────────────────────────────────────────

/** The month bounds, computed apart from the model: [from, to) in UTC, the last ends at NOW. */
function bounds() {
  const out: { month: string; from: number; to: number }[] = [];
  for (let i = 11; i >= 0; i--) {
    const from = Date.UTC(2031, 2 - i, 1);
    const to = i === 0 ? NOW + 1 : Date.UTC(2031, 3 - i, 1);
    out.push({ month: new Date(from).toISOString().slice(0, 7), from, to });
  }
  return out;
}

const one = <T>(q: string, ...args: unknown[]) =>
  client()
    .prepare(q)
    .get(...args) as T;
const many = <T>(q: string, ...args: unknown[]) =>
  client()
    .prepare(q)
    .all(...args) as T[];

/** Median and nearest-rank 90th percentile, read by SQL (ORDER BY … LIMIT 1 OFFSET k). */
function sqlDelays(from: string, where: string, args: unknown[]) {
  const n = one<{ n: number }>(`SELECT count(*) AS n FROM ${from} WHERE ${where}`, ...args).n;
  if (n === 0) return { count: 0, medianMs: null, p90Ms: null };
  const nth = (k: number) => one<{ d: number }>(`SELECT d FROM ${from} WHERE ${where} ORDER BY d LIMIT 1 OFFSET ?`, ...args, k).d;
  const medianMs = (nth(Math.floor((n - 1) / 2)) + nth(Math.floor(n / 2))) / 2;
  return { count: n, medianMs, p90Ms: nth(Math.ceil(0.9 * n) - 1) };
}

function recompute(from: number, to: number) {
  const range = `created_at >= ? AND created_at < ? AND decision NOT IN ('grant_moderator', 'revoke_moderator')`;
  const d = one<{ total: number; automated: number }>(
    `SELECT count(*) AS total, coalesce(sum(automated), 0) AS automated FROM moderation_decisions WHERE ${range}`,
    from,
    to,
  );
  const byReasonOutcome = many<{ target: string; reason: string; outcome: string; automated: number; count: number }>(
    `SELECT target_type AS target, reason, decision AS outcome, automated, count(*) AS count FROM moderation_decisions
     WHERE ${range} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    from,
    to,
  ).map((r) => ({ ...r, automated: r.automated === 1 }));
  const byReporter = Object.fromEntries(
    ["consumer", "company", "notifier", "moderator", "automatic"].map((type) => [
      type,
      one<{ total: number; upheld: number; dismissed: number; pending: number }>(
        `SELECT count(*) AS total, coalesce(sum(status = 'upheld'), 0) AS upheld, coalesce(sum(status = 'dismissed'), 0) AS dismissed,
                coalesce(sum(status = 'pending'), 0) AS pending
         FROM flags WHERE reporter_type = ? AND created_at >= ? AND created_at < ?`,
        type,
        from,
        to,
      ),
    ]),
  );
  const flagsTotal = one<{ n: number }>(`SELECT count(*) AS n FROM flags WHERE created_at >= ? AND created_at < ?`, from, to).n;
  const flagDelay = sqlDelays(
    `(SELECT decided_at - created_at AS d, decided_at FROM flags WHERE decided_at IS NOT NULL)`,
    `decided_at >= ? AND decided_at < ?`,
    [from, to],
  );
  const heldFrom = `(SELECT m.created_at - coalesce(r.held_at, r.created_at) AS d, m.created_at AS at, m.automated, m.decision
     FROM moderation_decisions m JOIN reviews r ON r.id = m.target_id
     WHERE m.target_type = 'review' AND m.decision IN ('publish', 'refuse') AND m.created_at >= coalesce(r.held_at, r.created_at))`;
  const heldDelay = sqlDelays(heldFrom, `at >= ? AND at < ?`, [from, to]);
  const held = one<{ decided: number; auto: number }>(
    `SELECT count(*) AS decided, coalesce(sum(automated = 1 AND decision = 'publish'), 0) AS auto FROM ${heldFrom} WHERE at >= ? AND at < ?`,
    from,
    to,
  );
  const appeals = one<{ received: number; upheld: number; overturned: number; pending: number }>(
    `SELECT count(*) AS received, coalesce(sum(status = 'upheld'), 0) AS upheld, coalesce(sum(status = 'overturned'), 0) AS overturned,
            coalesce(sum(status = 'pending'), 0) AS pending FROM appeals WHERE created_at >= ? AND created_at < ?`,
    from,
    to,
  );
  return {
    decisions: { total: d.total, automated: d.automated, human: d.total - d.automated, byReasonOutcome },
    flags: { total: flagsTotal, byReporter },
    timeToDecision: { flag: flagDelay, held: heldDelay },
    held: { decided: held.decided, autoPublished: held.auto, autoPublishedShare: held.decided ? held.auto / held.decided : null },
    appeals,
  };
}

// ─── The figures ──────────────────────────────────────────────────────────────

describe("the figures of /transparency", () => {
  it("cover the last 12 calendar months, the current one included, oldest first", () => {
    const report = getTransparencyReport(NOW);
    expect(report.months.map((m) => m.month)).toEqual(bounds().map((b) => b.month));
    expect(report.months[0]!.month).toBe("2030-04");
    expect(report.months.at(-1)!.month).toBe("2031-03");
    expect(report.from).toBe(Date.UTC(2030, 3, 1));
    expect(reportMonths(Date.UTC(2031, 0, 1)).map((m) => m.month)[0]).toBe("2030-02"); // across a year
  });

  it("equal SQL over the log, month by month", () => {
    const report = getTransparencyReport(NOW);
    for (const [i, b] of bounds().entries()) {
      expect({ month: report.months[i]!.month, ...report.months[i]!.figures }).toEqual({ month: b.month, ...recompute(b.from, b.to) });
    }
  });

  it("equal SQL over the log for the whole period", () => {
    const report = getTransparencyReport(NOW);
    expect(report.total).toEqual(recompute(Date.UTC(2030, 3, 1), NOW + 1));
  });

  it("match a count made by hand", () => {
    const { total, months } = getTransparencyReport(NOW);
    const month = (m: string) => months.find((x) => x.month === m)!.figures;
    // 3 removals/dismissals + 2 held decisions + 1 warning; not the appointment, not outside the period.
    expect(total.decisions).toMatchObject({ total: 6, automated: 1, human: 5 });
    expect(total.decisions.byReasonOutcome).toContainEqual({
      target: "review",
      reason: "offensive",
      outcome: "remove",
      automated: false,
      count: 2,
    });
    expect(total.decisions.byReasonOutcome).toContainEqual({
      target: "company",
      reason: "rewards_offered",
      outcome: "warn",
      automated: false,
      count: 1,
    });
    expect(total.decisions.byReasonOutcome.some((d) => d.outcome === "grant_moderator")).toBe(false);
    // Reports: 4 received in the period (the one of March 2030 is outside), by type.
    expect(total.flags.total).toBe(4);
    expect(total.flags.byReporter.consumer).toEqual({ total: 2, upheld: 1, dismissed: 1, pending: 0 });
    expect(total.flags.byReporter.company).toEqual({ total: 1, upheld: 0, dismissed: 0, pending: 1 });
    expect(total.flags.byReporter.notifier).toEqual({ total: 1, upheld: 1, dismissed: 0, pending: 0 });
    // Delays decided in the period: 2 h, 10 h (January), 30 h (February), 40 days (April 2030).
    expect(total.timeToDecision.flag).toEqual({ count: 4, medianMs: 20 * HOUR, p90Ms: 40 * DAY });
    expect(month("2031-01").timeToDecision.flag).toEqual({ count: 2, medianMs: 6 * HOUR, p90Ms: 10 * HOUR });
    expect(month("2030-04").timeToDecision.flag).toEqual({ count: 1, medianMs: 40 * DAY, p90Ms: 40 * DAY });
    // Held reviews: one of two published by the deadline job, after 72 h; one refused after 5 h.
    expect(total.held).toEqual({ decided: 2, autoPublished: 1, autoPublishedShare: 0.5 });
    expect(total.timeToDecision.held).toEqual({ count: 2, medianMs: (72 * HOUR + 5 * HOUR) / 2, p90Ms: 72 * HOUR });
    // Appeals.
    expect(total.appeals).toEqual({ received: 3, upheld: 1, overturned: 1, pending: 1 });
    expect(month("2031-02").appeals).toEqual({ received: 2, upheld: 1, overturned: 0, pending: 1 });
  });

  it("keep months without data, with zeros and no delay", () => {
    const empty = getTransparencyReport(NOW).months.find((m) => m.month === "2030-08")!.figures;
    expect(empty.decisions).toEqual({ total: 0, automated: 0, human: 0, byReasonOutcome: [] });
    expect(empty.flags.total).toBe(0);
    expect(Object.values(empty.flags.byReporter).every((f) => f.total === 0)).toBe(true);
    expect(empty.timeToDecision).toEqual({
      flag: { count: 0, medianMs: null, p90Ms: null },
      held: { count: 0, medianMs: null, p90Ms: null },
    });
    expect(empty.held).toEqual({ decided: 0, autoPublished: 0, autoPublishedShare: null });
    expect(empty.appeals).toEqual({ received: 0, upheld: 0, overturned: 0, pending: 0 });
  });

  it("computes the median and the 90th percentile as documented", () => {
    expect(delayFigures([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(delayFigures([5])).toEqual({ count: 1, medianMs: 5, p90Ms: 5 });
    expect(delayFigures([4, 1, 3, 2])).toEqual({ count: 4, medianMs: 2.5, p90Ms: 4 });
    expect(delayFigures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).p90Ms).toBe(9); // ceil(0.9 × 10) = 9th
    expect(delayFigures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).p90Ms).toBe(10); // ceil(9.9) = 10th
  });
});

// ─── The downloads ────────────────────────────────────────────────────────────

describe("/transparency.json", () => {
  it("has the documented shape, with the same figures", async () => {
    const response = await jsonLoader();
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = (await response.json()) as ReturnType<typeof toTransparencyJson>;
    expect(body).toEqual(toTransparencyJson(getTransparencyReport(NOW)));
    expect(Object.keys(body)).toEqual(["schema", "generated_at", "period", "total", "months"]);
    expect(body.schema).toBe("replique.transparency/1");
    expect(body.period).toEqual({ from: "2030-04-01T00:00:00.000Z", to: new Date(NOW).toISOString(), months: 12, time_zone: "UTC" });
    expect(body.months).toHaveLength(12);
    const jan = body.months.find((m) => m.month === "2031-01")!;
    expect(Object.keys(jan)).toEqual(["month", "decisions", "flags", "time_to_decision_ms", "held_reviews", "appeals"]);
    expect(Object.keys(jan.flags.by_reporter_type)).toEqual(["reader", "company", "anonymous_notifier", "moderator", "automatic"]);
    expect(jan.flags.by_reporter_type.reader).toEqual({ total: 2, upheld: 1, dismissed: 1, pending: 0 });
    expect(jan.time_to_decision_ms.flag).toEqual({ count: 2, median: 6 * HOUR, p90: 10 * HOUR });
    expect(body.total.held_reviews).toEqual({ decided: 2, auto_published: 1, auto_published_share: 0.5 });
    expect(body.total.decisions.by_reason_outcome[0]).toEqual({
      target: expect.any(String),
      reason: expect.any(String),
      outcome: expect.any(String),
      automated: expect.any(Boolean),
      count: expect.any(Number),
    });
    const aug = body.months.find((m) => m.month === "2030-08")!;
    expect(aug.time_to_decision_ms.held).toEqual({ count: 0, median: null, p90: null });
  });
});

describe("/transparency.csv", () => {
  it("has one row per month × figure, every month the same figures, equal to the JSON", async () => {
    const response = await csvLoader();
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const text = await response.text();
    const [header, ...lines] = text.trimEnd().split("\r\n");
    expect(header).toBe(TRANSPARENCY_CSV_HEADER);
    const rows = lines.map((l) => l.split(","));
    expect(rows.every((r) => r.length === 3)).toBe(true);
    const byMonth = new Map<string, [string, string][]>();
    for (const [month, figure, value] of rows) byMonth.set(month!, [...(byMonth.get(month!) ?? []), [figure!, value!]]);
    expect([...byMonth.keys()]).toEqual([...bounds().map((b) => b.month), "total"]);
    const figures = byMonth.get("2031-01")!.map(([f]) => f);
    for (const [, list] of byMonth) expect(list.map(([f]) => f)).toEqual(figures);
    expect(rows).toHaveLength(13 * figures.length);
    // No figure twice in a month.
    expect(new Set(figures).size).toBe(figures.length);

    const value = (month: string, figure: string) => byMonth.get(month)!.find(([f]) => f === figure)?.[1];
    const json = toTransparencyJson(getTransparencyReport(NOW));
    for (const m of json.months) {
      expect(value(m.month, "decisions.total")).toBe(String(m.decisions.total));
      expect(value(m.month, "flags.anonymous_notifier.total")).toBe(String(m.flags.by_reporter_type.anonymous_notifier.total));
      expect(value(m.month, "time_to_decision_ms.flag.median")).toBe(
        m.time_to_decision_ms.flag.median == null ? "" : String(m.time_to_decision_ms.flag.median),
      );
      expect(value(m.month, "held_reviews.auto_published")).toBe(String(m.held_reviews.auto_published));
      expect(value(m.month, "appeals.overturned")).toBe(String(m.appeals.overturned));
    }
    expect(value("2031-01", "decisions.review.offensive.remove.human")).toBe("2");
    expect(value("2030-08", "decisions.review.offensive.remove.human")).toBe("0"); // a month without data
    expect(value("2031-02", "decisions.review.spam.publish.automated")).toBe("1");
    expect(value("total", "held_reviews.auto_published_share")).toBe("0.5");
    expect(value("2030-08", "time_to_decision_ms.held.p90")).toBe("");
  });
});
