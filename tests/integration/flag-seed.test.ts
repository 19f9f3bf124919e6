// The demo data on a fresh start (scripts/seed-flags.ts): open flags within their decision
// deadline, so the queue has some and the "under review since" line shows; a review of
// reader@example.com with her answer to the moderators; and a reporter one dismissed flag
// away from the abuse warning, which a moderator's keep then gives.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { FLAG_ABUSE_MIN_DECIDED } from "~/lib/flag-policy";
import { reporterStanding } from "~/models/flags.server";
import { decide, getCase, listFlagQueue } from "~/models/moderation.server";
import { getPublicReview } from "~/models/reviews.server";
import { seedDemo } from "../../scripts/seed";
import { caseState } from "../support/fixtures";

const seededAt = Date.now();
const client = () => getDb().$client;

beforeAll(async () => {
  await seedDemo(getDb(), { now: seededAt });
}, 120_000);

describe("the demo's flags", () => {
  it("include open flags within their deadline, shown as under review", () => {
    const open = listFlagQueue({ limit: 1000 }).items.filter((i) => i.deadlineAt > seededAt);
    expect(open.length).toBeGreaterThanOrEqual(5);
    const shown = open.filter((i) => i.target === "review" && getPublicReview(i.reviewId)?.underReviewSince != null);
    expect(shown.length).toBeGreaterThanOrEqual(5);
  });

  it("include a review of reader@example.com with her answer, seen on the case page", () => {
    const row = client()
      .prepare(
        `SELECT fr.review_id AS reviewId FROM flag_responses fr JOIN users u ON u.id = fr.author_id WHERE u.email = 'reader@example.com'`,
      )
      .get() as { reviewId: number } | undefined;
    expect(row).toBeDefined();
    const moderator = client().prepare(`SELECT id FROM users WHERE email = 'moderator@example.com'`).get() as { id: number };
    expect(getCase(row!.reviewId, { id: moderator.id, role: "moderator" })!.responses).toHaveLength(1);
    expect(listFlagQueue({ limit: 1000 }).items.find((i) => i.reviewId === row!.reviewId)?.answered).toBe(true);
  });

  it("include a reporter one dismissal away from the warning, which a keep then gives", () => {
    const near = client()
      .prepare(
        `SELECT reporter_user_id AS id FROM flags WHERE reporter_user_id IS NOT NULL GROUP BY reporter_user_id
         HAVING sum(status = 'dismissed') = ? AND sum(status = 'pending') = 1`,
      )
      .get(FLAG_ABUSE_MIN_DECIDED - 1) as { id: number } | undefined;
    expect(near).toBeDefined();
    const standing = reporterStanding(getDb(), { kind: "user", id: near!.id }, seededAt);
    expect(standing).toMatchObject({ warnedAt: null, suspendedUntil: null, figures: { decided: FLAG_ABUSE_MIN_DECIDED - 1 } });
    const pending = client()
      .prepare(`SELECT review_id AS reviewId FROM flags WHERE reporter_user_id = ? AND status = 'pending'`)
      .get(near!.id) as {
      reviewId: number;
    };
    const moderator = client().prepare(`SELECT id FROM users WHERE email = 'moderator@example.com'`).get() as { id: number };
    const kept = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: pending.reviewId,
      target: "review",
      decision: "keep",
      reason: "not_an_experience",
      statement: "Cet avis décrit une expérience réelle : il reste en ligne.",
      ...caseState(pending.reviewId),
    });
    expect(kept.ok).toBe(true);
    expect(reporterStanding(getDb(), { kind: "user", id: near!.id }).warnedAt).not.toBeNull();
  });
});
