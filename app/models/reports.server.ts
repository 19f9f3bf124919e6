// The public notice form (/report): anyone, signed in or not, reports a review, a company's
// reply or a follow-up with a reason from the published list, an explanation, their name
// and email and a good-faith statement. The flag is written by flagContent (the one place
// flags are inserted) and the receipt is queued in the outbox in the same transaction.
import { getDb, type Db } from "#db/client.server";
import type { Locale, MessageKey } from "~/i18n";
import { reasonLabel } from "~/lib/moderation-reasons";
import { parseReviewLink, type ReportForm } from "~/lib/report-form";
import { REPORT_HONEYPOT, type ReportTarget } from "~/lib/report-limits";
import { queueReportReceipt } from "./mail.server";
import { hit, keyPart, type RateLimit } from "./rate-limit.server";
import { flagContent } from "./review-actions.server";
import type { SessionUser } from "./session.server";

export { parseReviewLink, type ParsedLink } from "~/lib/report-form";

/** Reports accepted from one IP address per hour (honeypot hits included). */
export const REPORT_LIMIT: RateLimit = { limit: 10, windowMs: 60 * 60_000 };

export type ReportOutcome =
  | {
      ok: true;
      flagId: number | null;
      target: ReportTarget;
      reviewId: number;
      reviewTitle: string;
      companyName: string;
      email: string;
      at: number;
    }
  | { ok: false; status: 400; errors: Partial<Record<"url" | "target" | "name" | "email", MessageKey>> }
  | { ok: false; status: 409 | 429; formError: MessageKey; retryAfter?: number; until?: number };

interface TargetFacts {
  status: string;
  title: string;
  companyName: string;
  replyStatus: string | null;
  followUpStatus: string | null;
}

function targetFacts(db: Db, reviewId: number): TargetFacts | undefined {
  return db.$client
    .prepare<[reviewId: number], TargetFacts>(
      `SELECT r.status, r.title, c.name AS companyName, p.status AS replyStatus,
              (SELECT f.status FROM follow_ups f WHERE f.review_id = r.id) AS followUpStatus
       FROM reviews r JOIN companies c ON c.id = r.company_id LEFT JOIN replies p ON p.review_id = r.id
       WHERE r.id = ?`,
    )
    .get(reviewId);
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

/** Stores a valid report (the form's schema passed), and queues its receipt. A signed-in
 *  reporter who left the name or email empty is known by their account's. */
export function submitReport(form: ReportForm, ctx: ReportContext): ReportOutcome {
  const db = getDb();
  const now = ctx.now ?? Date.now();
  const name = form.name || ctx.user?.displayName || "";
  const email = form.email || ctx.user?.email || "";
  const errors: Partial<Record<"url" | "name" | "email", MessageKey>> = {};
  if (!name) errors.name = "report.error.name";
  if (!email) errors.email = "report.error.email";
  const link = parseReviewLink(form.url, ctx.hosts);
  if (!link) errors.url = "report.error.url";
  if (!link || Object.keys(errors).length > 0) return { ok: false, status: 400, errors };

  const limit = hit(`report:ip:${keyPart(ctx.ip)}`, REPORT_LIMIT, now, db);
  if (!limit.allowed) return { ok: false, status: 429, formError: "report.rateLimited", retryAfter: limit.retryAfter };

  const data = { ...form, name, email };
  // The link's fragment names the part when the select was left on "the review".
  const target: ReportTarget = data.target === "review" && link.target ? link.target : data.target;
  const facts = targetFacts(db, link.reviewId);
  if (!facts || facts.status !== "published") return { ok: false, status: 400, errors: { url: "report.error.urlNotFound" } };
  if (target === "reply" && facts.replyStatus !== "published")
    return { ok: false, status: 400, errors: { target: "report.error.noReply" } };
  if (target === "follow_up" && facts.followUpStatus !== "published") {
    return { ok: false, status: 400, errors: { target: "report.error.noFollowUp" } };
  }
  const success = {
    ok: true as const,
    target,
    reviewId: link.reviewId,
    reviewTitle: facts.title,
    companyName: facts.companyName,
    email: data.email,
    at: now,
  };

  // A bot filled the hidden field: it is answered as a person would be, and nothing is kept.
  if (form[REPORT_HONEYPOT]) return { ...success, flagId: null };

  const result = db.$client
    .transaction(() => {
      const flagged = flagContent(
        {
          actor: ctx.user ? { id: ctx.user.id, role: ctx.user.role } : null,
          contact: { name: data.name, email: data.email },
          target,
          reviewId: link.reviewId,
          reason: data.reason,
          explanation: data.explanation,
          locale: ctx.locale,
          origin: ctx.origin,
          now,
        },
        db,
      );
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
      return {
        ok: false,
        status: 400,
        errors:
          target === "review"
            ? { url: "report.error.urlNotFound" }
            : { target: target === "reply" ? "report.error.noReply" : "report.error.noFollowUp" },
      };
    case "already":
      return { ok: false, status: 409, formError: "report.already" };
    case "own_review":
      return { ok: false, status: 409, formError: "report.own" };
    case "rate_limited":
      return { ok: false, status: 429, formError: "report.dailyLimit" };
    case "suspended":
      return { ok: false, status: 409, formError: "report.suspended", until: result.until };
    default:
      return { ok: false, status: 409, formError: "report.notAllowed" };
  }
}
