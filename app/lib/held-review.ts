// Reviews held at submission by the automatic checks: what the moderator's queue and case
// page show of them (types the pages share with app/models/held-reviews.server.ts), the
// decision form (one zod schema for the action and the UI, through Conform), and the
// publication deadline. Pure: the client may import it.
import { z } from "zod";
import { MAX_PUBLICATION_DELAY_HOURS } from "./policy";
import { MODERATION_REASON_IDS } from "./moderation-reasons";
import { count, DECISION_MESSAGE_VARS, statementField } from "./moderation-form";

// ─── The deadline ─────────────────────────────────────────────────────────────

/** The published maximum delay (/transparency#delay), in milliseconds: a held review that
 *  nobody decided within it is published by the deadline job. */
export const PUBLICATION_DEADLINE_MS = MAX_PUBLICATION_DELAY_HOURS * 3_600_000;

/** When a review held at `heldAt` is published if nobody decides. */
export function publicationDeadline(heldAt: number) {
  return heldAt + PUBLICATION_DEADLINE_MS;
}

// ─── The decision form ────────────────────────────────────────────────────────

/** What a moderator decides on a held review: publish it, or refuse it (it is then
 *  removed, with a reason from the published list, and never shown). */
export const HELD_DECISIONS = ["publish", "refuse"] as const;
export type HeldDecision = (typeof HELD_DECISIONS)[number];

export const heldDecisionSchema = z.object({
  decision: z.enum(HELD_DECISIONS, { error: "held.error.decision" }),
  reason: z.enum(MODERATION_REASON_IDS, { error: "held.error.reason" }),
  statement: statementField({
    required: "held.error.statementRequired",
    short: "held.error.statementShort",
    long: "held.error.statementLong",
  }),
  /** The id of the last decision on the review when the case was opened (0: none). */
  version: count("held.error.stale"),
  /** The review's last edit when the case was opened (0: never edited). */
  editedAt: count("held.error.stale"),
});

export type HeldDecisionForm = z.infer<typeof heldDecisionSchema>;
export const HELD_MESSAGE_VARS = DECISION_MESSAGE_VARS;

// ─── What the checks found ────────────────────────────────────────────────────

/** Another review the evidence points at (a near-duplicate, one from the same network, one
 *  of a burst). */
export interface RelatedReview {
  id: number;
  title: string;
  stars: number;
  status: string;
  authorName: string | null;
  createdAt: number;
}

/** The checks that look at the text, and what each matched in it. */
export const TEXT_CHECKS = ["links", "email", "phone", "banned_words"] as const;
export type TextCheck = (typeof TEXT_CHECKS)[number];

export interface TextEvidence {
  check: TextCheck;
  /** The passages that matched, as written (at most three). */
  found: string[];
}

/** The evidence of the check that held a review, as of the moment it ran (the review's
 *  submission, or its last edit). The checks record only their code (reviews.held_check):
 *  the evidence is recomputed from the text and the data as they were then. */
export type HeldEvidence =
  | TextEvidence
  | {
      check: "near_duplicate";
      /** The most similar earlier review the check compares with, and how similar (%). */
      match: (RelatedReview & { similarity: number; sameAuthor: boolean }) | null;
      /** The similarity from which the check holds (%). */
      threshold: number;
    }
  | {
      check: "network_cluster";
      /** Accounts (this one included) that reviewed the company from the same network. */
      accounts: number;
      reviews: RelatedReview[];
      windowDays: number;
    }
  | { check: "conflict_domain"; domain: string; companyDomain: string | null }
  | {
      check: "negative_burst";
      /** 1–2★ reviews of the company in the window, this one included. */
      recent: number;
      /** …and over the baseline period before it. */
      baseline: number;
      /** The usual number per window, from the baseline. */
      usual: number;
      windowHours: number;
      baselineDays: number;
      reviews: RelatedReview[];
    }
  | { check: "other"; code: string | null };

export interface HeldItem {
  id: number;
  title: string;
  /** The text as written (Markdown source); the queue shows its beginning. */
  body: string;
  stars: number;
  language: "fr" | "en";
  channel: string;
  createdAt: number;
  /** When it was held (its deadline runs from then). */
  heldAt: number;
  deadlineAt: number;
  editedAt: number | null;
  /** The check that held it (reviews.held_check). */
  check: string | null;
  evidence: HeldEvidence;
  /** Other text checks that match the text too. */
  alsoFound: TextEvidence[];
  /** The reason the rule at stake usually gives (preselected in the form). */
  suggestedReason: string;
  company: { name: string; slug: string };
  subject: { name: string; kind: string };
  author: { id: number; name: string } | null;
}

export interface HeldPage {
  items: HeldItem[];
  nextCursor: string | null;
}
