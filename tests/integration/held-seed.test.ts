// The demo data on a fresh start: the held reviews wait within the published delay (so
// the deadline job publishes none of them at once), each with the code of a real check
// that finds its evidence in the review, and the first is published only if nobody
// decides within the delay.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { PUBLICATION_DEADLINE_MS } from "~/lib/held-review";
import { listHeldQueue, publishOverdueHeldReviews } from "~/models/held-reviews.server";
import { CHECKS } from "~/models/review-checks.server";
import { seedDemo } from "../../scripts/seed";

const HOUR = 3_600_000;
const seededAt = Date.now();

beforeAll(async () => {
  await seedDemo(getDb(), { now: seededAt });
}, 120_000);

describe("the demo's held reviews", () => {
  it("are all held by a real check, within the publication delay, the oldest some hours from it", () => {
    const items = listHeldQueue({ limit: 500 }).items;
    expect(items.length).toBeGreaterThanOrEqual(15);
    for (const item of items) {
      expect(Object.keys(CHECKS)).toContain(item.check);
      expect(item.heldAt).toBeLessThanOrEqual(seededAt);
      expect(seededAt - item.heldAt).toBeLessThan(PUBLICATION_DEADLINE_MS);
    }
    expect(seededAt - items[0]!.heldAt).toBeGreaterThan(24 * HOUR); // some are nearly due
    expect(new Set(items.map((i) => i.check))).toEqual(new Set(["links", "phone", "banned_words", "near_duplicate", "negative_burst"]));
  });

  it("each shows the evidence its check found", () => {
    for (const item of listHeldQueue({ limit: 500 }).items) {
      const e = item.evidence;
      if (e.check === "links" || e.check === "phone" || e.check === "banned_words" || e.check === "email") {
        expect(e.found.length, `review ${item.id}`).toBeGreaterThan(0);
      } else if (e.check === "near_duplicate") {
        expect(e.match?.similarity ?? 0).toBeGreaterThanOrEqual(e.threshold);
      } else if (e.check === "negative_burst") {
        expect(e.recent).toBeGreaterThanOrEqual(5);
        expect(e.recent).toBeGreaterThanOrEqual(4 * e.usual);
      } else {
        expect.fail(`review ${item.id}: no evidence for ${item.check}`);
      }
    }
  });

  it("a fresh start publishes none of them; nobody deciding for the delay publishes them one by one, not in a burst", () => {
    expect(publishOverdueHeldReviews({ now: seededAt })).toEqual([]);
    const items = listHeldQueue({ limit: 500 }).items;
    // The first is due more than half a day after the seed, and they fall due over two days.
    const dues = items.map((i) => i.deadlineAt - seededAt);
    expect(Math.min(...dues)).toBeGreaterThan(12 * HOUR);
    expect(Math.max(...dues) - Math.min(...dues)).toBeGreaterThan(48 * HOUR);
    const firstDue = Math.min(...items.map((i) => i.deadlineAt));
    expect(publishOverdueHeldReviews({ now: firstDue })).toHaveLength(1);
  });
});
