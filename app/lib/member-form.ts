// The forms of /brand/:slug/members: invite an agent by address (with the invitation's
// language), withdraw an invitation, remove a member, hand the ownership over. One schema per
// intent, discriminated by the submit button's `intent`; shared by the action (parseWithZod)
// and the page (Conform). Messages are i18n keys (app/i18n/members.ts).
import { z } from "zod";
import { LOCALES } from "~/i18n/define";

const DAY = 86_400_000;

/** How long an invitation's link works. */
export const MEMBER_INVITATION_DAYS = 7;

export const MEMBER_LIMITS = {
  /** Invitations one company sends in a day. */
  invitationsPerCompany: { limit: 20, windowMs: DAY },
  /** Members a company may have (owners and agents). */
  maxMembers: 50,
} as const;

const id = (key: string) =>
  z.coerce.number({ error: key }).int({ error: key }).positive({ error: key }).max(Number.MAX_SAFE_INTEGER, { error: key });

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z
    .string({ error: "members.error.email" })
    .trim()
    .toLowerCase()
    .max(254, { error: "members.error.email" })
    .pipe(z.email({ error: "members.error.email" })),
  locale: z.enum(LOCALES, { error: "members.error.locale" }),
});

export const memberActionSchema = z.discriminatedUnion("intent", [
  inviteSchema,
  z.object({ intent: z.literal("revoke"), invitationId: id("members.error.stale") }),
  z.object({ intent: z.literal("remove"), userId: id("members.error.stale") }),
  z.object({ intent: z.literal("transfer"), userId: id("members.error.stale") }),
]);

export type MemberIntent = z.infer<typeof memberActionSchema>["intent"];
