// The form of /moderation/team: grant or revoke the moderator role by email address, with a
// note for the moderation log. Shared by the action (parseWithZod) and the page (Conform);
// messages are i18n keys (app/i18n/transparency.ts).
import { z } from "zod";

export const TEAM_NOTE_MIN_LENGTH = 10;
export const TEAM_NOTE_MAX_LENGTH = 2000;

export const teamSchema = z.object({
  intent: z.enum(["grant", "revoke"], { error: "team.error.intent" }),
  email: z
    .string({ error: "team.error.email" })
    .trim()
    .toLowerCase()
    .max(254, { error: "team.error.email" })
    .pipe(z.email({ error: "team.error.email" })),
  statement: z
    .string({ error: "team.error.statement" })
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .trim()
    .min(TEAM_NOTE_MIN_LENGTH, { error: "team.error.statement" })
    .max(TEAM_NOTE_MAX_LENGTH, { error: "team.error.statement" }),
});

export const TEAM_MESSAGE_VARS = { min: TEAM_NOTE_MIN_LENGTH, max: TEAM_NOTE_MAX_LENGTH };
