// The demo's reviewers (seven in ten French), each with a weight: some write often,
// most once or twice. They join before their first review.
import { DAY, REFERENCE_NOW } from "../generate";
import { displayNameOf, emailOf, randomPerson, type Lang } from "../people";
import type { Rng } from "../random";
import { REVIEWER_COUNT } from "./constants";
import type { ReviewRec, Sequences, UserRec } from "./types";

export function createReviewers(urng: Rng, users: UserRec[], emailsUsed: Set<string>, seq: Sequences): UserRec[] {
  const reviewers: UserRec[] = [];
  for (let i = 0; i < REVIEWER_COUNT; i++) {
    const lang: Lang = urng.chance(0.3) ? "en" : "fr";
    const person = randomPerson(urng, lang);
    let email = emailOf(person, urng.int(1, 999));
    while (emailsUsed.has(email)) email = emailOf(person, urng.int(1, 9999));
    emailsUsed.add(email);
    const u: UserRec = {
      id: ++seq.user,
      person,
      email,
      displayName: displayNameOf(person, urng),
      role: "member",
      locale: lang,
      passwordHash: null,
      createdAt: 0,
      weight: Math.exp(urng.normal() * 0.9),
    };
    reviewers.push(u);
    users.push(u);
  }
  return reviewers;
}

/** Reviewers joined before their first review (those without one, at some time in the
 *  last two and a half years). `urng` is the generator createReviewers drew from. */
export function dateReviewers(urng: Rng, reviewers: UserRec[], reviews: ReviewRec[]) {
  const firstReview = new Map<number, number>();
  for (const r of reviews) firstReview.set(r.author.id, Math.min(firstReview.get(r.author.id) ?? Infinity, r.at));
  for (const u of reviewers) {
    const first = firstReview.get(u.id);
    u.createdAt = first !== undefined ? first - urng.int(0, 90) * DAY - urng.int(1, 600) * 60_000 : REFERENCE_NOW - urng.int(5, 900) * DAY;
  }
}
