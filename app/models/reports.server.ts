// The public notice form (/report): anyone, signed in or not, reports a review, a company's
// reply or a follow-up with a reason from the published list, an explanation, their name
// and email and a good-faith statement. The flag is written by flagContent (the one place
// flags are inserted) and the receipt is queued in the outbox in the same transaction.
import { z } from "zod";
import type { Db } from "#db/client.server";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { MODERATION_REASON_IDS, reasonLabel } from "~/lib/moderation-reasons";
import {
  parseReviewLink,
  REPORT_EXPLANATION_MAX_LENGTH,
  REPORT_EXPLANATION_MIN_LENGTH,
  REPORT_HONEYPOT,
  REPORT_NAME_MAX_LENGTH,
  REPORT_TARGETS,
  REPORT_URL_MAX_LENGTH,
  type ReportTarget,
} from "~/lib/report-form";
import { queueReportReceipt } from "./mail.server";
import { hit, keyPart, type RateLimit } from "./rate-limit.server";
import { flagContent } from "./review-actions.server";
import type { SessionUser } from "./session.server";

export {
  parseReviewLink,
  REPORT_EXPLANATION_MAX_LENGTH,
  REPORT_EXPLANATION_MIN_LENGTH,
  REPORT_HONEYPOT,
  REPORT_NAME_MAX_LENGTH,
  REPORT_TARGETS,
  REPORT_URL_MAX_LENGTH,
  type ParsedLink,
  type ReportTarget,
} from "~/lib/report-form";

/** Reports accepted from one IP address per hour (honeypot hits included). */
export const REPORT_LIMIT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };

// ─── The form ────────────────────────────────────────────────────────────────

const text = (v: unknown) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : "");

export const reportSchema = z.object({
  url: z.preprocess(text, z.string().min(1, { error: "report.error.url" }).max(REPORT_URL_MAX_LENGTH, { error: "report.error.url" })),
  target: z.enum(REPORT_TARGETS, { error: "report.error.target" }),
  reason: z.enum(MODERATION_REASON_IDS, { error: "report.error.reason" }),
  explanation: z.preprocess(
    text,
    z
      .string()
      .min(REPORT_EXPLANATION_MIN_LENGTH, { error: "report.error.explanationShort" })
      .max(REPORT_EXPLANATION_MAX_LENGTH, { error: "report.error.explanationLong" }),
  ),
  name: z.preprocess(text, z.string().min(1, { error: "report.error.name" }).max(REPORT_NAME_MAX_LENGTH, { error: "report.error.name" })),
  email: z.preprocess(
    text,
    z
      .string()
      .toLowerCase()
      .pipe(z.email({ error: "report.error.email" }).max(254, { error: "report.error.email" })),
  ),
  goodFaith: z.literal("on", { error: "report.error.goodFaith" }),
});

export type ReportValues = { url: string; target: string; reason: string; explanation: string; name: string; email: string; goodFaith: boolean };

/** What was typed, trimmed to sane lengths, to show again on an error. */
export function reportValues(form: FormData): ReportValues {
  const str = (name: string, max: number) => String(form.get(name) ?? "").slice(0, max);
  return {
    url: str("url", REPORT_URL_MAX_LENGTH + 100),
    target: str("target", 20),
    reason: str("reason", 50),
    explanation: str("explanation", REPORT_EXPLANATION_MAX_LENGTH + 1000),
    name: str("name", REPORT_NAME_MAX_LENGTH + 100),
    email: str("email", 300),
    goodFaith: form.get("goodFaith") === "on",
  };
}

export type ReportOutcome =
  | { ok: true; flagId: number | null; target: ReportTarget; reviewId: number; reviewTitle: string; companyName: string; email: string; at: number }
  | { ok: false; status: 400; errors: Partial<Record<keyof ReportValues, MessageKey>> }
  | { ok: false; status: 409 | 429; formError: MessageKey; retryAfter?: number };

interface TargetFacts {
  status: string;
  title: string;
  companyName: string;
  replyStatus: string | null;
  followUpStatus: string | null;
}

function targetFacts(db: Db, reviewId: number): TargetFacts | undefined {
  return db.$client
    .prepare(
      `SELECT r.status, r.title, c.name AS companyName, p.status AS replyStatus,
              (SELECT f.status FROM follow_ups f WHERE f.review_id = r.id) AS followUpStatus
       FROM reviews r JOIN companies c ON c.id = r.company_id LEFT JOIN replies p ON p.review_id = r.id
       WHERE r.id = ?`,
    )
    .get(reviewId) as TargetFacts | undefined;
}

export interface ReportContext {
  /** The signed-in user, or null for a notifier without an account. */
  user: Pick<SessionUser, "id" | "role" | "email" | "displayName"> | null;
  ip: string;
  locale: Locale;
  /** The site's origin, for the link in the receipt. */
  origin: string;
  /** The hosts whose absolute links are accepted (the site's, the request's). */
  hosts: string[];
  now?: number;
}

/** Validates and stores a report, and queues its receipt. A signed-in reporter who leaves
 *  the name or email empty is known by their account's. */
export function submitReport(db: Db, form: FormData, ctx: ReportContext): ReportOutcome {
  const now = ctx.now ?? Date.now();
  const input = {
    url: form.get("url") ?? undefined,
    target: form.get("target") || "review",
    reason: form.get("reason") || undefined,
    explanation: form.get("explanation") ?? undefined,
    name: text(form.get("name")) || ctx.user?.displayName || "",
    email: text(form.get("email")) || ctx.user?.email || "",
    goodFaith: form.get("goodFaith") ?? undefined,
  };
  const parsed = reportSchema.safeParse(input);
  const errors: Partial<Record<keyof ReportValues, MessageKey>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof ReportValues;
      errors[field] ??= issue.message as MessageKey;
    }
  }
  const link = typeof input.url === "string" ? parseReviewLink(input.url, ctx.hosts) : null;
  if (!errors.url && !link) errors.url = "report.error.url";
  if (!parsed.success || !link || Object.keys(errors).length > 0) return { ok: false, status: 400, errors };

  const limit = hit(`report:ip:${keyPart(ctx.ip)}`, REPORT_LIMIT, now, db);
  if (!limit.allowed) return { ok: false, status: 429, formError: "report.rateLimited", retryAfter: limit.retryAfter };

  const data = parsed.data;
  // The link's fragment names the part when the select was left on "the review".
  const target: ReportTarget = data.target === "review" && link.target ? link.target : data.target;
  const facts = targetFacts(db, link.reviewId);
  if (!facts || facts.status !== "published") return { ok: false, status: 400, errors: { url: "report.error.urlNotFound" } };
  if (target === "reply" && facts.replyStatus !== "published") return { ok: false, status: 400, errors: { target: "report.error.noReply" } };
  if (target === "follow_up" && facts.followUpStatus !== "published") {
    return { ok: false, status: 400, errors: { target: "report.error.noFollowUp" } };
  }
  const success = { ok: true as const, target, reviewId: link.reviewId, reviewTitle: facts.title, companyName: facts.companyName, email: data.email, at: now };

  // A bot filled the hidden field: it is answered as a person would be, and nothing is kept.
  if (String(form.get(REPORT_HONEYPOT) ?? "") !== "") return { ...success, flagId: null };

  const result = db.$client
    .transaction(() => {
      const flagged = flagContent(db, {
        actor: ctx.user ? { id: ctx.user.id, role: ctx.user.role } : null,
        contact: { name: data.name, email: data.email },
        target,
        reviewId: link.reviewId,
        reason: data.reason,
        explanation: data.explanation,
        locale: ctx.locale,
        now,
      });
      if (!flagged.ok) return flagged;
      queueReportReceipt(db, data.email, ctx.locale, {
        template: "report_received",
        name: data.name,
        flagId: flagged.flagId,
        target,
        reviewTitle: facts.title,
        companyName: facts.companyName,
        reason: reasonLabel(data.reason, ctx.locale),
        explanation: data.explanation,
        url: `${ctx.origin}/reviews/${link.reviewId}`,
        at: now,
      });
      return flagged;
    })
    .immediate();

  if (result.ok) return { ...success, flagId: result.flagId };
  switch (result.kind) {
    case "not_found":
      return { ok: false, status: 400, errors: target === "review" ? { url: "report.error.urlNotFound" } : { target: target === "reply" ? "report.error.noReply" : "report.error.noFollowUp" } };
    case "already":
      return { ok: false, status: 409, formError: "report.already" };
    case "own_review":
      return { ok: false, status: 409, formError: "report.own" };
    case "rate_limited":
      return { ok: false, status: 429, formError: "report.dailyLimit" };
    default:
      return { ok: false, status: 409, formError: "report.notAllowed" };
  }
}

/** The variables every report message may use. */
export function reportMessageVars(origin: string) {
  return {
    min: REPORT_EXPLANATION_MIN_LENGTH,
    max: REPORT_EXPLANATION_MAX_LENGTH,
    example: `${origin}/reviews/123`,
  };
}

/** Translates a field's error key with the report's variables. */
export function reportError(locale: Locale, key: MessageKey, origin: string) {
  const vars = reportMessageVars(origin);
  // The name's limit is not the explanation's.
  return translate(locale, key, key === "report.error.name" ? { ...vars, max: REPORT_NAME_MAX_LENGTH } : vars);
}
