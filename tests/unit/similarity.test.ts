import { describe, expect, it } from "vitest";
import { jaccard, mostSimilar, SCRIPTED_THRESHOLD, shingles, similarity, words } from "~/lib/similarity";

describe("words and shingles", () => {
  it("lower-cases, strips accents, punctuation and Markdown marks", () => {
    expect(words("Merci **Élodie**, à bientôt !")).toEqual(["merci", "elodie", "a", "bientot"]);
  });
  it("makes word 3-shingles", () => {
    expect([...shingles("one two three four")]).toEqual(["one two three", "two three four"]);
  });
  it("treats a text shorter than three words as one shingle", () => {
    expect([...shingles("Thank you")]).toEqual(["thank you"]);
    expect(shingles("  !! ").size).toBe(0);
  });
});

describe("jaccard", () => {
  it("is |A∩B| / |A∪B|", () => {
    expect(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"]))).toBeCloseTo(2 / 4);
    expect(jaccard(new Set(["a"]), new Set(["a"]))).toBe(1);
    expect(jaccard(new Set(["a"]), new Set(["b"]))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
  it("is symmetric", () => {
    const a = "We are sorry about the delay with your order and will call you";
    const b = "We are sorry about the delay, your parcel left today";
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a));
  });
});

describe("similarity of replies", () => {
  const template =
    "Thank you for your feedback. We are sorry to hear about your experience and we will share it with our team so that it does not happen again.";
  it("is 1 for the same reply written differently (case, accents, punctuation)", () => {
    expect(similarity(template, template.toUpperCase().replace(/\./g, "!"))).toBe(1);
  });
  it("stays at or above the threshold when only a name changes", () => {
    const a = `Dear Marie, ${template} Best regards, the team.`;
    const b = `Dear Paul, ${template} Best regards, the team.`;
    expect(similarity(a, b)).toBeGreaterThanOrEqual(SCRIPTED_THRESHOLD);
  });
  it("is far below the threshold for a specific, human reply", () => {
    const specific =
      "Hello Marie, the blue coat you ordered on 3 May was sent to our Lyon store by mistake. It left this morning by courier; the delivery is on us.";
    expect(similarity(template, specific)).toBeLessThan(0.2);
  });
  it("drops below the threshold when a third of the text is rewritten", () => {
    const w = template.split(" ");
    const rewritten = [
      ...w.slice(0, 18),
      "and",
      "our",
      "manager",
      "Paul",
      "will",
      "phone",
      "you",
      "tomorrow",
      "about",
      "the",
      "refund",
    ].join(" ");
    expect(similarity(template, rewritten)).toBeLessThan(SCRIPTED_THRESHOLD);
  });
});

describe("mostSimilar", () => {
  const earlier = [
    { id: 1, body: "Thanks for the kind words, see you soon in our store on the main street." },
    { id: 2, body: "We are sorry about your experience. Please contact our customer service so that we can help." },
  ];
  it("finds the earlier reply that reaches the threshold, with its score", () => {
    const found = mostSimilar("We are sorry about your experience! Please contact our customer service so that we can help.", earlier);
    expect(found?.item.id).toBe(2);
    expect(found?.similarity).toBe(1);
  });
  it("returns null when nothing is close enough", () => {
    expect(mostSimilar("Your parcel was lost by the carrier; a new one left today with tracking.", earlier)).toBeNull();
    expect(mostSimilar("", earlier)).toBeNull();
  });
  it("keeps the best match when several reach the threshold", () => {
    const base = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
    const list = [
      { id: "near", body: `${base} seventeen` },
      { id: "same", body: base },
    ];
    expect(mostSimilar(base, list)?.item.id).toBe("same");
  });
});

describe("one similarity module", () => {
  it("the review checks use it: two texts without words are not duplicates", async () => {
    const source = await import("node:fs").then((fs) => fs.readFileSync("app/models/review-checks.server.ts", "utf8"));
    expect(source).toMatch(/from "~\/lib\/similarity"/);
    expect(source).not.toMatch(/function (jaccard|shingles|words)\b/);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
