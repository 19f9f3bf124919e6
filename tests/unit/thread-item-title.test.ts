import { describe, expect, it } from "vitest";
import { threadItemTitle } from "~/components/moderation-labels";
import { bindT } from "~/i18n/react";

describe("threadItemTitle", () => {
  const item = (title: string, target: "review" | "reply" | "follow_up" = "review") => ({
    target,
    reviewId: 42,
    review: { title, companyName: "Primeurs & Cie" },
  });
  it("names the review by its title", () => {
    expect(threadItemTitle(bindT("en").t, item("Fresh and friendly"))).toBe("Review “Fresh and friendly” of Primeurs & Cie");
  });
  it("names a review whose text the retention job erased by its number, in both languages", () => {
    expect(threadItemTitle(bindT("en").t, item(""))).toBe("Review “no. 42, text erased” of Primeurs & Cie");
    expect(threadItemTitle(bindT("fr").t, item("", "reply"))).toContain("n° 42, texte effacé");
  });
});
