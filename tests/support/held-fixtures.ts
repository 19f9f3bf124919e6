// Reviews held at submission, written the way the site writes them: through createReview
// (review-submission.server.ts), whose automatic checks hold them and record the check.
import { getDb } from "#db/client.server";
import { isoDate, reviewSchema, type ReviewInput } from "~/lib/review-schema";
import { createReview } from "~/models/review-submission.server";
import { makeCompany } from "./fixtures";

const DAY = 86_400_000;

export function reviewInput(overrides: Partial<ReviewInput> = {}, now = Date.now()): ReviewInput {
  const parsed = reviewSchema.parse({
    stars: "2",
    title: "Une visite décevante",
    body: "Le vendeur ne connaissait pas le produit et la caisse a pris vingt minutes ce samedi.",
    experienceDate: isoDate(Math.min(now, Date.now()) - 2 * DAY),
    channel: "store",
    recommend: "no",
    attestation: "on",
  });
  return { ...parsed, ...overrides };
}

/** A review of `subjectId` by `authorId` that a check holds; fails the test otherwise. */
export function holdReview(args: {
  authorId: number;
  subjectId: number;
  input?: Partial<ReviewInput>;
  now?: number;
  ipHash?: string | null;
  locale?: "fr" | "en";
}) {
  const now = args.now ?? Date.now();
  const result = createReview({
    actor: { id: args.authorId, role: "member" },
    subjectId: args.subjectId,
    input: reviewInput({ body: "Appelez le gérant au 06 12 34 56 78, le standard ne répond jamais le samedi.", ...args.input }, now),
    locale: args.locale ?? "fr",
    ipHash: args.ipHash ?? null,
    origin: "http://localhost",
    now,
  });
  if (!result.ok || result.status !== "held") throw new Error(`not held: ${JSON.stringify(result)}`);
  return result.reviewId;
}

/** A fresh company (with a second subject per call of `subject()`). */
export function heldCompany(options: { domain?: string; name?: string } = {}) {
  const c = makeCompany({
    name: options.name,
    domain: options.domain,
    slug: `held-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  });
  return c;
}

/** What the case page's form carries: the last decision on the review and its last edit. */
export function heldCaseState(reviewId: number) {
  const client = getDb().$client;
  const version = client
    .prepare(`SELECT coalesce(max(id), 0) AS v FROM moderation_decisions WHERE target_type = 'review' AND target_id = ?`)
    .get(reviewId) as { v: number };
  const edited = client.prepare(`SELECT coalesce(edited_at, 0) AS e FROM reviews WHERE id = ?`).get(reviewId) as { e: number };
  return { version: version.v, editedAt: edited.e };
}
