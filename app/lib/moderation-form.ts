// The moderator's decision form, shared by the case page's action (parseWithZod) and its
// UI (Conform's useForm, for validation in the browser and the constraints). Messages are
// i18n keys (app/i18n/moderation.ts), translated where they are shown.
import { z } from "zod";
import { MODERATION_REASON_IDS } from "./moderation-reasons";

/** What a moderator decides on a review, a reply or a follow-up in this version. */
export const DECISIONS = ["keep", "remove", "restore"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The parts of a thread a decision applies to (the flag targets). */
export const DECISION_TARGETS = ["review", "reply", "follow_up"] as const;
export type DecisionTarget = (typeof DECISION_TARGETS)[number];

/** How each decision is written in the moderation log (and read by /transparency). */
export const LOGGED_DECISION: Record<Decision, string> = {
  keep: "dismiss_flag",
  remove: "remove",
  restore: "restore",
};

export const STATEMENT_MIN_LENGTH = 20;
export const STATEMENT_MAX_LENGTH = 2000;

const count = (key: string) =>
  z.number({ error: key }).int({ error: key }).min(0, { error: key }).max(Number.MAX_SAFE_INTEGER, { error: key });

export const decisionSchema = z.object({
  target: z.enum(DECISION_TARGETS, { error: "moderation.error.stale" }),
  decision: z.enum(DECISIONS, { error: "moderation.error.decision" }),
  reason: z.enum(MODERATION_REASON_IDS, { error: "moderation.error.reason" }),
  // Newlines counted as one character, as the textarea's maxLength counts them.
  statement: z
    .string({ error: "moderation.error.statementRequired" })
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .trim()
    .min(1, { error: "moderation.error.statementRequired" })
    .min(STATEMENT_MIN_LENGTH, { error: "moderation.error.statementShort" })
    .max(STATEMENT_MAX_LENGTH, { error: "moderation.error.statementLong" }),
  /** The id of the last decision on this target when the case was opened (0: none). */
  version: count("moderation.error.stale"),
  /** The newest pending flag shown when the case was opened: a "keep" dismisses those only. */
  seenFlag: count("moderation.error.stale"),
  /** The target's last edit when the case was opened (0: never edited). */
  editedAt: count("moderation.error.stale"),
});

export type DecisionForm = z.infer<typeof decisionSchema>;

/** The variables the form's messages use. */
export const DECISION_MESSAGE_VARS = { min: STATEMENT_MIN_LENGTH, max: STATEMENT_MAX_LENGTH };
