// "Helpful" votes: low ratings and long reviews get more; Léa Martin votes too.
import { DAY, REFERENCE_NOW } from "../generate";
import { published } from "./reviews";
import type { DemoWorld, Row } from "./types";

export function voteOnReviews(w: DemoWorld): Row[] {
  const { reviewers, accounts } = w;
  const vrng = w.root.fork("votes");
  const votes: Row[] = [];
  for (const r of w.reviews) {
    if (r.status !== "published") continue;
    const p = r.stars <= 2 || r.body.length > 420 ? 0.45 : 0.3;
    if (!vrng.chance(p)) continue;
    const k = Math.min(40, 1 + Math.floor(vrng.exponential(r.body.length > 420 ? 3.5 : 2)));
    const voters = new Set<number>();
    while (voters.size < k) {
      const u = reviewers[vrng.int(0, reviewers.length - 1)]!;
      if (u !== r.author) voters.add(u.id);
    }
    for (const uid of voters) {
      votes.push({ review_id: r.id, user_id: uid, created_at: r.at + Math.floor(vrng.next() * (REFERENCE_NOW - r.at)) });
    }
    r.helpfulCount = k;
  }
  for (const r of vrng.sample(
    published(w.reviews).filter((x) => x.author !== accounts.reader && x.at < REFERENCE_NOW - 10 * DAY),
    12,
  )) {
    votes.push({ review_id: r.id, user_id: accounts.reader.id, created_at: r.at + DAY });
    r.helpfulCount++;
  }
  return votes;
}
