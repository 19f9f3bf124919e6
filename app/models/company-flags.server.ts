// The company's side of moderation, on /brand/:slug/flags: the flags its members filed in its
// name (flagContent in review-actions.server.ts files them, from /reviews/:id/flag, under
// the same rules as everyone's) with their state and the moderator's decision and statement,
// and the extortion attempts its members report ("pay or I post 1★"), which land in the
// moderators' conduct queue (app/models/moderation-queues.server.ts decides them). A company
// never hides, edits, reorders or deletes a review: nothing here touches one.
import { and, count, desc, eq, gt } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companyMembers, conductReports, flags, moderationDecisions, reviews } from "#db/schema";
import { translate, type Locale } from "~/i18n";
import { EXTORTION_LIMITS, reviewIdOf, type ExtortionInput } from "~/lib/extortion-form";
import { logCompanyEvent } from "./company-claims.server";

const DAY = 86_400_000;

export interface CompanyFlagView {
  id: number;
  reviewId: number;
  reviewTitle: string;
  target: "review" | "reply" | "follow_up";
  reason: string;
  explanation: string;
  status: "pending" | "upheld" | "dismissed";
  createdAt: number;
  deadlineAt: number | null;
  decision: { id: number; reason: string; statement: string; at: number } | null;
}

export interface ExtortionReportView {
  id: number;
  reviewId: number | null;
  reviewTitle: string | null;
  body: string;
  status: "pending" | "founded" | "unfounded";
  createdAt: number;
  decision: { id: number; reason: string; statement: string; at: number } | null;
}

export interface CompanyFlagsPage {
  flags: CompanyFlagView[];
  counts: { pending: number; upheld: number; dismissed: number };
  reports: ExtortionReportView[];
}

/** The decision on a flag or a report, as a nested selection: drizzle makes it null when the
 *  left join finds none. */
const decisionColumns = {
  id: moderationDecisions.id,
  reason: moderationDecisions.reason,
  statement: moderationDecisions.statement,
  at: moderationDecisions.createdAt,
};

/** The company's last 100 flags and extortion reports, newest first, and its flags' counts. */
export function listCompanyFlags(companyId: number, db: Db = getDb()): CompanyFlagsPage {
  const flagRows = db
    .select({
      id: flags.id,
      reviewId: flags.reviewId,
      reviewTitle: reviews.title,
      target: flags.targetType,
      reason: flags.reason,
      explanation: flags.explanation,
      status: flags.status,
      createdAt: flags.createdAt,
      deadlineAt: flags.deadlineAt,
      decision: decisionColumns,
    })
    .from(flags)
    .innerJoin(reviews, eq(reviews.id, flags.reviewId))
    .leftJoin(moderationDecisions, eq(moderationDecisions.id, flags.decisionId))
    .where(eq(flags.reporterCompanyId, companyId))
    .orderBy(desc(flags.createdAt), desc(flags.id))
    .limit(100)
    .all();
  const counts = { pending: 0, upheld: 0, dismissed: 0 };
  for (const row of db
    .select({ status: flags.status, n: count() })
    .from(flags)
    .where(eq(flags.reporterCompanyId, companyId))
    .groupBy(flags.status)
    .all()) {
    counts[row.status] = row.n;
  }
  const reportRows = db
    .select({
      id: conductReports.id,
      reviewId: conductReports.reviewId,
      reviewTitle: reviews.title,
      body: conductReports.body,
      status: conductReports.status,
      createdAt: conductReports.createdAt,
      decision: decisionColumns,
    })
    .from(conductReports)
    .leftJoin(reviews, eq(reviews.id, conductReports.reviewId))
    .leftJoin(moderationDecisions, eq(moderationDecisions.id, conductReports.decisionId))
    .where(and(eq(conductReports.companyId, companyId), eq(conductReports.kind, "extortion")))
    .orderBy(desc(conductReports.createdAt), desc(conductReports.id))
    .limit(100)
    .all();
  return { flags: flagRows, counts, reports: reportRows };
}

export type ExtortionResult =
  { ok: true; reportId: number } | { ok: false; kind: "not_member" | "rate_limited" } | { ok: false; kind: "review"; field: "review" };

/** A member reports an extortion attempt: one row of the conduct queue, with the message as
 *  received and the evidence's link written into the report the moderators read. */
export function reportExtortion(
  input: { companyId: number; actorId: number; report: ExtortionInput; locale: Locale; now?: number },
  db: Db = getDb(),
): ExtortionResult {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): ExtortionResult => {
      const member = db
        .select({ role: companyMembers.role })
        .from(companyMembers)
        .where(and(eq(companyMembers.companyId, input.companyId), eq(companyMembers.userId, input.actorId)))
        .get();
      if (!member) return { ok: false, kind: "not_member" };
      let reviewId: number | null = null;
      if (input.report.review) {
        reviewId = reviewIdOf(input.report.review);
        const review =
          reviewId == null ? undefined : db.select({ companyId: reviews.companyId }).from(reviews).where(eq(reviews.id, reviewId)).get();
        if (!review || review.companyId !== input.companyId) return { ok: false, kind: "review", field: "review" };
      }
      const recent =
        db
          .select({ n: count() })
          .from(conductReports)
          .where(
            and(
              eq(conductReports.companyId, input.companyId),
              eq(conductReports.kind, "extortion"),
              gt(conductReports.createdAt, now - DAY),
            ),
          )
          .get()?.n ?? 0;
      if (recent >= EXTORTION_LIMITS.perCompanyPerDay) return { ok: false, kind: "rate_limited" };
      const { id } = db
        .insert(conductReports)
        .values({
          kind: "extortion",
          companyId: input.companyId,
          reviewId,
          reporterUserId: input.actorId,
          body: reportText(input.report, input.locale),
          createdAt: now,
        })
        .returning({ id: conductReports.id })
        .get();
      logCompanyEvent(db, {
        companyId: input.companyId,
        actorId: input.actorId,
        kind: "extortion_reported",
        detail: { reportId: id, reviewId },
        now,
      });
      return { ok: true, reportId: id };
    })
    .immediate();
}

function reportText(report: ExtortionInput, locale: Locale) {
  const parts = [report.what];
  if (report.message) parts.push(`${translate(locale, "companyFlags.report.messageHeading")}\n${report.message}`);
  if (report.evidenceUrl) parts.push(`${translate(locale, "companyFlags.report.evidenceHeading")} ${report.evidenceUrl}`);
  return parts.join("\n\n");
}
