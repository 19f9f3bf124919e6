// How an action answers one of its model's refusals (`{ ok: false, kind }` from
// app/models/*.server.ts): the message shown with the form, as an i18n key, and the HTTP
// status. Each action keeps its own table of them, kind by kind (`Record<kind, RefusalAnswer>`).
import type { MessageKey } from "~/i18n";

export type RefusalAnswer = { key: MessageKey; status: number };

/** A staff member whose role no longer allows the action (it changed since the page was
 *  loaded): the same answer on every moderation and administration page. */
export const ROLE_NOT_ALLOWED = { key: "moderation.error.not_allowed", status: 403 } as const satisfies RefusalAnswer;
