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

/** A whole number from 0 that a form carries back as it was sent (an id, a time); `key` is
 *  the message when it is not one. */
export const count = (key: string) =>
  z.number({ error: key }).int({ error: key }).min(0, { error: key }).max(Number.MAX_SAFE_INTEGER, { error: key });

const STATEMENT_MESSAGES = {
  required: "moderation.error.statementRequired",
  short: "moderation.error.statementShort",
  long: "moderation.error.statementLong",
};

/** The statement of reasons of a decision, between the published lengths. Newlines are
 *  counted as one character, as the textarea's maxLength counts them. */
export function statementField(messages: typeof STATEMENT_MESSAGES = STATEMENT_MESSAGES) {
  return z
    .string({ error: messages.required })
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .trim()
    .min(1, { error: messages.required })
    .min(STATEMENT_MIN_LENGTH, { error: messages.short })
    .max(STATEMENT_MAX_LENGTH, { error: messages.long });
}

export const decisionSchema = z.object({
  target: z.enum(DECISION_TARGETS, { error: "moderation.error.stale" }),
  decision: z.enum(DECISIONS, { error: "moderation.error.decision" }),
  reason: z.enum(MODERATION_REASON_IDS, { error: "moderation.error.reason" }),
  statement: statementField(),
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
