// Appeals against a moderation decision (DSA art. 20), the rules that the forms, the
// models and the statements of reasons share: the window (APPEAL_WINDOW_DAYS, published
// on /transparency), who may appeal a decision, and the two forms — the appellant's
// (on /statements/:id) and the moderator's (on the case page). Pure: the client imports it.
// Messages are i18n keys (app/i18n/moderation.ts), translated where they are shown.
import { z } from "zod";
import type { MessageKey } from "~/i18n";
import { APPEAL_WINDOW_DAYS } from "./policy";
import { count, DECISION_TARGETS, statementField } from "./moderation-form";
import { MODERATION_REASON_IDS } from "./moderation-reasons";

export { APPEAL_WINDOW_DAYS };

// The appeal window and who may appeal: zod-free (appeal-window.ts), for the pages that only
// show a decision (its statement) and need no form.
export { APPEAL_UPHELD, appealDeadline, appealWindowOpen, appellantSide, reversalOf, type Party } from "./appeal-window";

export const APPEAL_OUTCOMES = ["uphold", "overturn"] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** The decision an appeal is against, as its case page shows it. */
export interface AppealedDecisionFacts {
  id: number;
  logged: string;
  reason: string;
  statement: string;
  createdAt: number;
  actorName: string | null;
  automated: boolean;
}

/** One appeal waiting: what its appellant wrote. */
export interface AppealExplanation {
  id: number;
  explanation: string;
  createdAt: number;
  appellantName: string | null;
}

// ─── The appellant's form ─────────────────────────────────────────────────────

export const APPEAL_MIN_LENGTH = 10;
export const APPEAL_MAX_LENGTH = 2000;

export const appealSchema = z.object({
  // Newlines counted as one character, as the textarea's maxLength counts them.
  explanation: z
    .string({ error: "appeal.error.required" })
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .trim()
    .min(1, { error: "appeal.error.required" })
    .min(APPEAL_MIN_LENGTH, { error: "appeal.error.short" })
    .max(APPEAL_MAX_LENGTH, { error: "appeal.error.long" }),
});

export const APPEAL_MESSAGE_VARS = { min: APPEAL_MIN_LENGTH, max: APPEAL_MAX_LENGTH };

/** Why an appeal cannot be made (or was refused), in the appellant's words. */
export const APPEAL_REFUSAL_KEYS = {
  already_appealed: "appeal.refusal.already_appealed",
  closed: "appeal.refusal.closed",
  superseded: "appeal.refusal.superseded",
  gone: "appeal.refusal.gone",
  final: "appeal.refusal.final",
  not_entitled: "appeal.refusal.not_entitled",
  not_appealable: "appeal.refusal.not_appealable",
} as const satisfies Record<string, MessageKey>;

/** What the statement's page shows of a reader's right to appeal (content decisions:
 *  appeals.server.ts's AppealRight; the queues': decision-appeals.server.ts's). */
export type AppealRightView =
  | { kind: "open"; deadline: number }
  | {
      kind: "appealed";
      appeal: {
        status: "pending" | "upheld" | "overturned";
        createdAt: number;
        decidedAt: number | null;
        outcomeDecisionId: number | null;
      };
    }
  | { kind: "closed"; deadline: number }
  | { kind: "superseded" | "gone" | "final" | "not_entitled" | "not_appealable" };

// ─── The moderator's form ─────────────────────────────────────────────────────

/** Sent with `intent=appeal` to the case page, beside the ordinary decision forms. */
export const appealDecisionSchema = z.object({
  intent: z.literal("appeal", { error: "moderation.error.stale" }),
  target: z.enum(DECISION_TARGETS, { error: "moderation.error.stale" }),
  /** The decision appealed against. */
  appealed: count("moderation.error.stale").min(1, { error: "moderation.error.stale" }),
  /** The newest pending appeal shown when the case was opened: a later one stops the form. */
  seenAppeal: count("moderation.error.stale"),
  /** The content's last edit when the case was opened (0: never edited). */
  editedAt: count("moderation.error.stale"),
  outcome: z.enum(APPEAL_OUTCOMES, { error: "appeal.decide.error.outcome" }),
  reason: z.enum(MODERATION_REASON_IDS, { error: "moderation.error.reason" }),
  statement: statementField(),
});

export type AppealDecisionForm = z.infer<typeof appealDecisionSchema>;
