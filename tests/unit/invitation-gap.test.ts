// The notice of invited reviews much more positive than organic ones (app/lib/invitation-gap.ts):
// only with enough reviews of each kind, a large gap, and a clear one by Welch's test.
import { describe, expect, it } from "vitest";
import { INVITED_GAP, invitedGap, type StarHistogram } from "~/lib/invitation-gap";

const scale = (h: StarHistogram, k: number) => h.map((c) => c * k) as unknown as StarHistogram;

describe("invitedGap", () => {
  const glowing: StarHistogram = [0, 0, 1, 4, 25]; // 30 reviews, mean 4.8
  const mixed: StarHistogram = [8, 5, 6, 5, 6]; // 30 reviews, mean ≈ 2.9

  it("shows a large, clear gap with both means and counts", () => {
    const gap = invitedGap(glowing, mixed);
    expect(gap).toMatchObject({ invitedCount: 30, organicCount: 30 });
    expect(gap!.invitedMean).toBeCloseTo(4.8, 5);
    expect(gap!.organicMean).toBeCloseTo(2.8667, 3);
    expect(gap!.z).toBeGreaterThan(INVITED_GAP.minZ);
  });

  it("stays silent without enough reviews of either kind", () => {
    expect(invitedGap([0, 0, 1, 4, 24], scale(mixed, 10))).toBeNull();
    expect(invitedGap(scale(glowing, 10), [8, 5, 6, 5, 5])).toBeNull();
  });

  it("stays silent on a small gap, however many reviews make it certain", () => {
    // Means 4.5 and 4.0: half a star, below the threshold even with thousands of reviews.
    expect(invitedGap([0, 0, 0, 5000, 5000], [0, 0, 2000, 6000, 2000])).toBeNull();
  });

  it("stays silent on a large gap that is not clear (few, scattered reviews)", () => {
    // Means 3.9 and 3.07 on 30 reviews each, spread from 1 to 5 stars: z ≈ 2.2.
    const invited: StarHistogram = [4, 2, 3, 5, 16];
    const organic: StarHistogram = [8, 4, 4, 6, 8];
    const a = invited.reduce((s, c, i) => s + c * (i + 1), 0) / 30;
    const b = organic.reduce((s, c, i) => s + c * (i + 1), 0) / 30;
    expect(a - b).toBeGreaterThanOrEqual(INVITED_GAP.minStars);
    expect(invitedGap(invited, organic)).toBeNull();
  });

  it("never shows when organic reviews are the more positive", () => {
    expect(invitedGap(mixed, glowing)).toBeNull();
  });

  it("shows a gap between two kinds that do not vary at all", () => {
    expect(invitedGap([0, 0, 0, 0, 40], [0, 0, 40, 0, 0])).toMatchObject({ z: Infinity, invitedMean: 5, organicMean: 3 });
  });
});
