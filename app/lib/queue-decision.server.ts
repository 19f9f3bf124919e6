// The answer of a moderation queue's decision action (app/routes/moderation.proofs_.$id.tsx
// and its siblings): a redirect with a flash message when the decision is recorded, else the
// form back with the reason next to it — 403 when this moderator may not decide, 409 when the
// case changed meanwhile (the second of two moderators deciding at once), 404 when it is gone.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import type { QueueDecideResult } from "~/models/moderation-queues.server";
import { requireModerator } from "~/models/permissions.server";
import type { SessionUser } from "~/models/session.server";
import { redirectWithFlash } from "./flash.server";
import { notFound, readForm } from "./http.server";
import { requestSiteOrigin } from "./origin.server";

const FAILURE = {
  own_content: "queues.refusal.own_content",
  company_member: "queues.refusal.company_member",
  reported_it: "queues.refusal.reported_it",
  protected: "queues.refusal.protected",
  not_moderator: "queues.error.not_allowed",
  already_decided: "queues.error.already_decided",
  not_allowed: "queues.error.not_allowed",
  // An appeal against a decision of the queues (app/routes/moderation.appeals_.$id.tsx).
  same_moderator: "appeal.decide.refusal.same_moderator",
  new_appeal: "appeal.decide.error.new_appeal",
  content_changed: "decisionAppeal.error.changed",
} as const satisfies Record<string, MessageKey>;

/** The refusals about the moderator rather than the case: another moderator must decide. */
const NOT_THIS_MODERATOR: ReadonlySet<string> = new Set([
  "own_content",
  "company_member",
  "reported_it",
  "flagged_it",
  "protected",
  "not_moderator",
  "same_moderator",
]);

/** The HTTP status of a refused moderation decision (a queue's, a review's, an appeal's):
 *  403 when this moderator may not decide (their own content, their company, a report they
 *  filed, a staff account, no longer a moderator, an appeal against their own decision),
 *  else 409 — the case changed meanwhile. */
export function decisionRefusalStatus(kind: string): 403 | 409 {
  return NOT_THIS_MODERATOR.has(kind) ? 403 : 409;
}

/** What a queue's decision answers: QueueDecideResult, or an appeal's refusals. */
export type QueueCaseOutcome = QueueDecideResult | { ok: false; kind: "same_moderator" | "new_appeal" | "content_changed" };

export async function answerDecision(
  request: Request,
  submission: { reply: (options?: { formErrors?: string[] }) => SubmissionResult<string[]> },
  outcome: QueueCaseOutcome,
  to: string,
) {
  if (outcome.ok) return redirectWithFlash(request, to, "flash.queueDecided");
  if (outcome.kind === "not_found") throw notFound();
  return data({ result: submission.reply({ formErrors: [FAILURE[outcome.kind]] }) }, { status: decisionRefusalStatus(outcome.kind) });
}

/** A positive id from a route param, or null. */
export function idParam(param: string | undefined): number | null {
  const id = Number(param);
  return /^\d{1,12}$/.test(param ?? "") && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** A case's action: moderators only, and the case's id from the route param (404 when it is
 *  not one). */
export function requireModeratorCase(request: Request, param: string | undefined) {
  const user = requireModerator(request);
  const id = idParam(param);
  if (!id) throw notFound();
  return { user, id };
}

/** A queue case's loader: moderators only, the case by its id, 404 when there is none. */
export function loadQueueCase<T>(request: Request, param: string | undefined, get: (id: number, user: SessionUser) => T | null) {
  const user = requireModerator(request);
  const id = idParam(param);
  const view = id ? get(id, user) : null;
  if (!view) throw notFound();
  return { case: view };
}

type DecideArgs<Value> = { actor: { id: number; role: SessionUser["role"] }; id: number; value: Value; origin: string };

/** A queue case's action: moderators only, the form parsed with `schema` (400 with its
 *  errors), then `decide`, answered by `answerDecision` (back to `to`). */
export async function decideQueueCase<S extends z.ZodType>(
  request: Request,
  param: string | undefined,
  schema: S,
  decide: (args: DecideArgs<z.output<S>>) => QueueCaseOutcome,
  to: string | ((id: number) => string),
) {
  const { user, id } = requireModeratorCase(request, param);
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = decide({ actor: { id: user.id, role: user.role }, id, value: submission.value, origin: requestSiteOrigin(request) });
  return answerDecision(request, submission, outcome, typeof to === "string" ? to : to(id));
}
