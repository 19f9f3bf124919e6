import { createRemixStub } from "@remix-run/testing";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Thread } from "~/components/Thread";
import type { ReviewView } from "~/models/reviews.server";

const DAY = 86_400_000;
const base: ReviewView = {
  id: 42,
  stars: 2,
  title: "Colis abîmé",
  bodyHtml: "<p>Commande arrivée cassée.</p>",
  language: "fr",
  experienceDate: "2026-10-02",
  channel: "delivery",
  recommend: false,
  origin: "verified",
  status: "published",
  publishedAt: Date.UTC(2026, 9, 5),
  editedAt: Date.UTC(2026, 9, 8),
  removedAt: null,
  removalReason: null,
  underReview: false,
  underReviewSince: null,
  resolvedAt: null,
  helpfulCount: 3,
  scoreWeight: 0.87,
  author: { id: 7, displayName: "Camille D.", reviewCount: 4 },
  company: { id: 1, slug: "maison-lumiere", name: "Maison Lumière", verified: true, color: "#7a3e9d" },
  subject: { id: 3, slug: "paris", name: "Maison Lumière — Paris", kind: "store", city: "Paris" },
  reply: {
    id: 9,
    bodyHtml: "<p>Nous sommes désolés, un remplacement part aujourd’hui.</p>",
    publishedAt: Date.UTC(2026, 9, 5) + 2 * DAY,
    editedAt: null,
    status: "published",
    removedAt: null,
    removalReason: null,
    underReview: false,
    underReviewSince: null,
  },
  followUp: null,
  photos: [],
};

afterEach(cleanup);

/** The review's own block in a thread (the article's first child, not a section of its own:
 *  its title is the heading of the whole thread). */
function reviewCard(article: HTMLElement): HTMLElement {
  const card = article.querySelector<HTMLElement>(":scope > .post--review");
  if (!card) throw new Error("no review card in the thread");
  return card;
}

function renderThread(review: ReviewView, locale: "fr" | "en" = "fr") {
  const Stub = createRemixStub([
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      Component: () => <Thread review={review} />,
    },
  ]);
  return render(<Stub initialEntries={["/"]} />);
}

describe("Thread: a review and its reply", () => {
  it("shows the reply with the company's name and verified badge, mirroring the review", async () => {
    renderThread(base, "en");
    const review = reviewCard(await screen.findByRole("article"));
    // Labelled with the review it answers: no two replies of a page share a label.
    const reply = screen.getByRole("region", { name: "Reply from Maison Lumière to “Colis abîmé” (5 October 2026)" });
    expect(within(reply).getByRole("link", { name: "Maison Lumière" }).className).toBe(
      within(review).getByRole("link", { name: "Camille D." }).className,
    );
    expect(within(reply).getByText(/Verified company/)).toBeTruthy();
    // Same body element, same classes: same font, size, width and truncation.
    const reviewBody = review.querySelector(".post__body")!;
    const replyBody = reply.querySelector(".post__body")!;
    expect(replyBody.className).toBe(reviewBody.className);
    expect(reply.className.replace("post--reply", "")).toBe(review.className.replace("post--review", ""));
  });

  it("states the facts: label, channel, experience, publication and edit dates", async () => {
    renderThread(base, "en");
    const review = reviewCard(await screen.findByRole("article"));
    expect(within(review).getByRole("link", { name: "Verified experience" }).getAttribute("href")).toBe("/transparency#label-verified");
    expect(within(review).getByText("Delivery")).toBeTruthy();
    expect(within(review).getByText(/Experience: October 2026/)).toBeTruthy();
    expect(within(review).getByText("5 October 2026")).toBeTruthy();
    expect(within(review).getByText("8 October 2026")).toBeTruthy();
    expect(within(review).getByRole("img", { name: "2 out of 5 stars" })).toBeTruthy();
  });

  it("leaves a placeholder with dates and reason for a removed review, in French", async () => {
    renderThread({
      ...base,
      status: "removed",
      title: "",
      bodyHtml: "",
      reply: null,
      removedAt: Date.UTC(2026, 9, 20),
      removalReason: "personal_data",
    });
    expect(await screen.findByText(/retiré le 20 octobre 2026/)).toBeTruthy();
    // French typography: a narrow no-break space before the colon.
    expect(document.querySelector(".tombstone")?.textContent).toContain("Motif\u202F: Données personnelles.");
    expect(screen.queryByText("Colis abîmé")).toBeNull();
  });

  it("shows a review without a reply alone", async () => {
    renderThread({ ...base, reply: null }, "en");
    await screen.findByRole("article");
    expect(screen.queryByRole("region", { name: /Reply from/ })).toBeNull();
  });
});

describe("Thread: its outline", () => {
  it("has a heading of its own (the review's title, outside any nested section) and labels its reply and follow-up after it", async () => {
    renderThread({ ...base, followUp: { ...base.reply!, id: 11, bodyHtml: "<p>Reçu, merci.</p>" } }, "fr");
    const article = await screen.findByRole("article");
    const heading = within(article).getByRole("heading", { level: 3, name: "Colis abîmé" });
    expect(heading.closest("section, article")).toBe(article);
    expect(screen.getByRole("region", { name: "Réponse de Maison Lumière à «\u202FColis abîmé\u202F» (5 octobre 2026)" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Suite donnée par Camille D. à «\u202FColis abîmé\u202F» (5 octobre 2026)" })).toBeTruthy();
  });
});
