// Appeals against the decisions of the moderation queues (DSA art. 20): a refused proof,
// a refused suggestion, a conduct report dismissed (the reporter appeals) or upheld (the
// reported company's owners appeal), a suspension (the account's holder, through the key of
// their mail: app/models/statement-access.server.ts), a refused claim, and a review held at
// submission that a moderator refused (its author appeals from /statements/publication/:id). Who may appeal
// which decision is app/lib/decision-appeal.ts's APPEALABLE; content decisions are
// app/models/appeals.server.ts's. The rules are the content appeals':
//
//   filing    from the statement's page (/statements/decision/:id), by the person the
//             decision went against, within APPEAL_WINDOW_DAYS of it, once per person and per
//             decision (the unique index of appeals), with an explanation; refused when the
//             item changed since (superseded) or is gone. A receipt is sent.
//   queue     listed at /moderation/appeals with the content appeals (listAppealQueue), and
//             decided on /moderation/appeals/:decisionId.
//   deciding  by a moderator other than the one who decided (an admin may decide any), and
//             never by one with a conflict of interest on the item (the queues' own
//             refusals: their content, their company, their report, a staff account). One
//             synchronous transaction (BEGIN IMMEDIATE): the appeals' outcome (a conditional
//             UPDATE of their pending status: the second of two moderators writes nothing),
//             a new row of the append-only log on the decision's own target (the reversal's
//             name, or APPEAL_UPHELD; the appealed row is never touched), and on a reversal
//             what the opposite decision does, through its own code — the proof accepted and
//             the review verified (verifyReviewOrigin), the subject accepted and its reviews
//             released (releasePendingReviews), the report's status, the account reinstated,
//             the claim approved (approveClaim), the refused review published
//             (publishRefusedReview) — then the statement of reasons to each
//             appellant and to the other side of a conduct report, on the site and by mail in
//             their language.
// The steps on the appeals' rows both kinds share (the frame of the right to appeal, filing, the
// outcome's UPDATE, the log row) are app/models/appeal-records.server.ts's.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb, type Db } from "#db/client.server";
import { appeals, companies, companyClaims, conductReports, moderationDecisions, reviewMedia, reviews, subjects, users } from "#db/schema";
import { translate } from "~/i18n";
import { APPEAL_UPHELD, type AppealedDecisionFacts, type AppealExplanation, type AppealOutcome } from "~/lib/appeal-form";
import {
  APPEALABLE,
  decisionAppealOutcomeText,
  isAppealable,
  reasonFits,
  toldOutcome,
  type AppealableLogged,
  type AppealableSpec,
  type AppealReversal,
  type AppealAudience,
  type DecisionAppealKind,
  type DecisionAppealOutcomeInput,
} from "~/lib/decision-appeal";
import { queueStatementPath, type QueueRefusal, type QueueStatementInput } from "~/lib/moderation-queues";
import { publicationStatementPath } from "~/lib/held-statement";
import { linkOrigin } from "~/lib/origin.server";
import * as appealRecords from "./appeal-records.server";
import { getClaimCase, type ClaimCase } from "./claim-queue.server";
import { approveClaim, ClaimRaced } from "./company-claims.server";
import { getHeldCase, publishRefusedReview, type HeldCase } from "./held-reviews.server";
import { queueMail, renderMail, type MailBlock } from "./mail.server";
import { statementMailBlocks } from "./moderation-notices.server";
import type { ModerationActor } from "./moderation.server";
import {
  companyOwners,
  decidedStatement,
  getConductCase,
  getProofCase,
  getQueueStatement,
  getSuggestionCase,
  getUserCase,
  isModerator,
  recipient,
  verifyReviewOrigin,
  type ConductCase,
  type ProofCase,
  type SuggestionCase,
  type UserCase,
} from "./moderation-queues.server";
import { describeNotification, notify, type NotificationData, type NotificationKind } from "./notifications.server";
import { releasePendingReviews } from "./review-submission.server";
import { isStatementAccessKey, keyedStatementPath, statementAccessKey } from "./statement-access.server";

// ─── The appealed decision and its item ───────────────────────────────────────

/** A decision of the queues that can be appealed, and the item of its queue it decided. */
interface Appealed {
  id: number;
  logged: AppealableLogged;
  spec: AppealableSpec;
  targetId: number;
  /** The proof (review_media), the subject, the conduct report, the account or the claim. */
  itemId: number;
  reason: string;
  statement: string;
  createdAt: number;
  actorId: number | null;
  automated: boolean;
}

function loadAppealed(db: Db, decisionId: number): Appealed | null {
  const d = db
    .select({
      id: moderationDecisions.id,
      targetType: moderationDecisions.targetType,
      targetId: moderationDecisions.targetId,
      logged: moderationDecisions.decision,
      reason: moderationDecisions.reason,
      statement: moderationDecisions.statement,
      createdAt: moderationDecisions.createdAt,
      actorId: moderationDecisions.actorId,
      automated: moderationDecisions.automated,
      // The outcome of an appeal is final within Réplique. (The outer column is written out: in a
      // query on one table drizzle leaves it unqualified, and inside the subquery it would be a.id.)
      isOutcome: sql<number>`exists (SELECT 1 FROM appeals a WHERE a.outcome_decision_id = moderation_decisions.id)`.mapWith(Number),
    })
    .from(moderationDecisions)
    .where(eq(moderationDecisions.id, decisionId))
    .get();
  if (!d || d.isOutcome === 1 || !isAppealable(d.logged)) return null;
  const spec = APPEALABLE[d.logged];
  if (d.targetType !== spec.targetType) return null;
  let itemId = d.targetId;
  if (spec.kind === "conduct") {
    // Logged against the company: the report names the decision that decided it.
    const report = db
      .select({ id: conductReports.id, kind: conductReports.kind })
      .from(conductReports)
      .where(eq(conductReports.decisionId, d.id))
      .get();
    // An upheld extortion report (filed by the company itself) does not go against it.
    if (!report || (d.logged === "conduct_upheld" && report.kind !== "incentive")) return null;
    itemId = report.id;
  }
  const { targetType: _t, isOutcome: _o, ...rest } = d;
  return { ...rest, logged: d.logged, spec, itemId };
}

interface ItemState {
  /** Who may appeal the decision. */
  appellants: number[];
  /** The other side, told the outcome (a conduct report's: the owners, or the reporter). */
  others: { userId: number; audience: AppealAudience }[];
  /** Still as the decision left it: a reversal can apply. */
  asLeft: boolean;
  /** Deleted since (the review, the account): nothing left to appeal. */
  gone: boolean;
  about: { reviewTitle: string | null; companyName: string | null; subjectName: string | null };
}

const noOne = { appellants: [], others: [], asLeft: false, gone: true, about: { reviewTitle: null, companyName: null, subjectName: null } };

/** A later decision on the item's target replaced `a` (see appealRecords.replacedLater). */
const replaced = (db: Db, a: Appealed) =>
  appealRecords.replacedLater(db, { id: a.id, targetType: a.spec.targetType, targetId: a.targetId });

/** The proof's review and its author. */
function proofState(db: Db, a: Appealed): ItemState {
  const r = db
    .select({
      proofStatus: reviewMedia.proofStatus,
      status: reviews.status,
      origin: reviews.origin,
      authorId: reviews.authorId,
      title: reviews.title,
      companyName: companies.name,
      subjectName: subjects.name,
    })
    .from(reviewMedia)
    .innerJoin(reviews, eq(reviews.id, reviewMedia.reviewId))
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .innerJoin(subjects, eq(subjects.id, reviews.subjectId))
    .where(eq(reviewMedia.id, a.itemId))
    .get();
  if (!r) return noOne;
  return {
    appellants: r.authorId != null ? [r.authorId] : [],
    others: [],
    // An accepted proof applies to a review that is on its way or online, not verified yet.
    asLeft:
      r.proofStatus === "rejected" &&
      (r.status === "published" || r.status === "held" || r.status === "pending") &&
      r.origin !== "verified",
    gone: r.status === "deleted",
    about: { reviewTitle: r.title, companyName: r.companyName, subjectName: r.subjectName },
  };
}

/** The suggested subject and its suggester. */
function suggestionState(db: Db, a: Appealed): ItemState {
  const r = db
    .select({ state: subjects.state, suggestedBy: subjects.suggestedBy, name: subjects.name, companyName: companies.name })
    .from(subjects)
    .innerJoin(companies, eq(companies.id, subjects.companyId))
    .where(eq(subjects.id, a.itemId))
    .get();
  if (!r) return noOne;
  return {
    appellants: r.suggestedBy != null ? [r.suggestedBy] : [],
    others: [],
    asLeft: r.state === "rejected",
    gone: false,
    about: { reviewTitle: null, companyName: r.companyName, subjectName: r.name },
  };
}

/** The conduct report, its reporter and the company's owners. */
function conductState(db: Db, a: Appealed): ItemState {
  const r = db
    .select({
      status: conductReports.status,
      reporterId: conductReports.reporterUserId,
      companyId: conductReports.companyId,
      companyName: companies.name,
      reviewTitle: reviews.title,
    })
    .from(conductReports)
    .innerJoin(companies, eq(companies.id, conductReports.companyId))
    .leftJoin(reviews, eq(reviews.id, conductReports.reviewId))
    .where(eq(conductReports.id, a.itemId))
    .get();
  if (!r) return noOne;
  const owners = companyOwners(db, r.companyId).filter((id) => id !== r.reporterId);
  const reporter = r.reporterId != null ? [r.reporterId] : [];
  const dismissed = a.logged === "conduct_dismissed";
  return {
    appellants: dismissed ? reporter : owners,
    others: dismissed
      ? owners.map((userId) => ({ userId, audience: "company" as const }))
      : reporter.map((userId) => ({ userId, audience: "reporter" as const })),
    asLeft: r.status === (dismissed ? "unfounded" : "founded"),
    gone: false,
    about: { reviewTitle: r.reviewTitle, companyName: r.companyName, subjectName: null },
  };
}

/** The account. */
function accountState(db: Db, a: Appealed): ItemState {
  const u = db.select({ suspendedAt: users.suspendedAt, deletedAt: users.deletedAt }).from(users).where(eq(users.id, a.itemId)).get();
  if (!u) return noOne;
  return {
    appellants: [a.itemId],
    others: [],
    // A later decision on the account (a reinstatement, another suspension) replaced this one.
    asLeft: u.suspendedAt != null && u.deletedAt == null && !replaced(db, a),
    gone: u.deletedAt != null,
    about: { reviewTitle: null, companyName: null, subjectName: null },
  };
}

/** The claim and its claimant. */
function claimState(db: Db, a: Appealed): ItemState {
  const c = db
    .select({ status: companyClaims.status, userId: companyClaims.userId, companyState: companies.state, companyName: companies.name })
    .from(companyClaims)
    .innerJoin(companies, eq(companies.id, companyClaims.companyId))
    .where(eq(companyClaims.id, a.itemId))
    .get();
  if (!c) return noOne;
  return {
    appellants: [c.userId],
    others: [],
    // Verified since (by someone else's proof): there is nothing left to give the claimant.
    asLeft: c.status === "rejected" && c.companyState !== "verified",
    gone: false,
    about: { reviewTitle: null, companyName: c.companyName, subjectName: null },
  };
}

/** The review refused at submission and its author. */
function refusedReviewState(db: Db, a: Appealed): ItemState {
  const r = db
    .select({
      status: reviews.status,
      authorId: reviews.authorId,
      publishedAt: reviews.publishedAt,
      erasedAt: reviews.contentErasedAt,
      title: reviews.title,
      companyName: companies.name,
      subjectName: subjects.name,
    })
    .from(reviews)
    .innerJoin(companies, eq(companies.id, reviews.companyId))
    .innerJoin(subjects, eq(subjects.id, reviews.subjectId))
    .where(eq(reviews.id, a.itemId))
    .get();
  if (!r) return noOne;
  return {
    appellants: r.authorId != null ? [r.authorId] : [],
    others: [],
    // Still refused and never published; its text not yet erased by the retention job.
    asLeft: r.status === "removed" && r.publishedAt == null && r.erasedAt == null && !replaced(db, a),
    gone: r.status === "deleted" || r.erasedAt != null,
    about: { reviewTitle: r.title, companyName: r.companyName, subjectName: r.subjectName },
  };
}

/** The state of the item a decision of each kind is about. */
const STATE_OF: Record<DecisionAppealKind, (db: Db, a: Appealed) => ItemState> = {
  proof: proofState,
  suggestion: suggestionState,
  conduct: conductState,
  user: accountState,
  claim: claimState,
  publication: refusedReviewState,
};

const itemState = (db: Db, a: Appealed): ItemState => STATE_OF[a.spec.kind](db, a);

// ─── The right to appeal ──────────────────────────────────────────────────────

export type DecisionAppealRight =
  | { kind: "open"; deadline: number }
  | { kind: "appealed"; appeal: appealRecords.OwnAppeal }
  /** The window passed. */
  | { kind: "closed"; deadline: number }
  /** The item changed since (a later decision, a company verified meanwhile). */
  | { kind: "superseded" }
  /** The review or the account was deleted since. */
  | { kind: "gone" }
  /** The decision went this person's way, or they are not a party. */
  | { kind: "not_entitled" };

export type DecisionAppealRefusal = Exclude<DecisionAppealRight["kind"], "open" | "appealed"> | "already_appealed";

function rightOf(db: Db, a: Appealed, state: ItemState, viewerId: number, now: number): DecisionAppealRight {
  return appealRecords.rightToAppeal<DecisionAppealRight>(db, a, viewerId, now, () => {
    if (!state.appellants.includes(viewerId)) return { kind: "not_entitled" };
    if (state.gone) return { kind: "gone" };
    if (!state.asLeft) return { kind: "superseded" };
    return { open: {} };
  });
}

/** What `viewer` may do about decision `decisionId`; null when it is not one of the
 *  appealable decisions of the queues. */
export function getDecisionAppealRight(
  decisionId: number,
  viewer: ModerationActor,
  now = Date.now(),
  db: Db = getDb(),
): DecisionAppealRight | null {
  const a = loadAppealed(db, decisionId);
  return a ? rightOf(db, a, itemState(db, a), viewer.id, now) : null;
}

// ─── The statement's page ─────────────────────────────────────────────────────

export type DecisionStatementPage =
  | { kind: "decision"; statement: QueueStatementInput; right: DecisionAppealRight | null }
  | { kind: "outcome"; statement: DecisionAppealOutcomeInput };

/** A decision of the queues, or the outcome of an appeal against one, as its reader may see
 *  it (with what they may do about it): the people it was sent to, and moderators. Null for
 *  anyone else and any other decision (the page answers 404). */
export function getDecisionStatementPage(
  decisionId: number,
  viewer: ModerationActor,
  now = Date.now(),
  db: Db = getDb(),
): DecisionStatementPage | null {
  const answered = db
    .select({ decisionId: appeals.decisionId, appellantUserId: appeals.appellantUserId, createdAt: appeals.createdAt })
    .from(appeals)
    .where(eq(appeals.outcomeDecisionId, decisionId))
    .all();
  if (answered.length > 0) {
    const outcome = outcomeStatement(db, decisionId, answered, viewer);
    return outcome ? { kind: "outcome", statement: outcome } : null;
  }
  const a = loadAppealed(db, decisionId);
  const state = a ? itemState(db, a) : null;
  const statement = (a && state ? ownersStatement(a, state, viewer) : null) ?? getQueueStatement(decisionId, viewer, db);
  if (!statement) return null;
  return { kind: "decision", statement, right: a && state ? rightOf(db, a, state, viewer.id, now) : null };
}

/** An upheld report of a reward offered, as the reported company's owners read it. */
function ownersStatement(a: Appealed, state: ItemState, viewer: ModerationActor): QueueStatementInput | null {
  if (a.logged !== "conduct_upheld" || !state.appellants.includes(viewer.id)) return null;
  return { ...decidedStatement(a.id, "conduct_upheld", a, a.createdAt), companyName: state.about.companyName, audience: "company" };
}

function outcomeStatement(
  db: Db,
  outcomeId: number,
  answered: { decisionId: number; appellantUserId: number | null; createdAt: number }[],
  viewer: ModerationActor,
): DecisionAppealOutcomeInput | null {
  const d = db.select().from(moderationDecisions).where(eq(moderationDecisions.id, outcomeId)).get();
  const a = answered[0] ? loadAppealed(db, answered[0].decisionId) : null;
  if (!d || !a) return null;
  const state = itemState(db, a);
  const outcome = d.decision === APPEAL_UPHELD ? "upheld" : "overturned";
  const mine = answered.find((x) => x.appellantUserId === viewer.id);
  const other = state.others.find((o) => o.userId === viewer.id && toldOutcome(a.logged, o.audience, outcome));
  const audience: AppealAudience | null =
    mine || state.appellants.includes(viewer.id)
      ? a.spec.appellants
      : other
        ? other.audience
        : isModerator(viewer)
          ? a.spec.appellants
          : null;
  if (!audience) return null;
  return outcomeInput(d, a, state, { audience, yoursAt: mine?.createdAt ?? null, outcome });
}

function outcomeInput(
  d: { id: number; reason: string; statement: string; createdAt: number },
  a: Appealed,
  state: ItemState,
  who: { audience: AppealAudience; yoursAt: number | null; outcome: "upheld" | "overturned" },
): DecisionAppealOutcomeInput {
  return {
    decisionId: d.id,
    appealed: { id: a.id, logged: a.logged, createdAt: a.createdAt },
    outcome: who.outcome,
    audience: who.audience,
    yoursAt: who.yoursAt,
    reason: d.reason,
    statement: d.statement,
    decidedAt: d.createdAt,
    // The company is never told which review a report was about.
    reviewTitle: who.audience === "company" ? null : state.about.reviewTitle,
    companyName: state.about.companyName,
    subjectName: state.about.subjectName,
  };
}

/** The reader a statement's key stands for (see statement-access.server.ts): the account a
 *  decision of the log was taken on, when `key` is that decision's key for it. */
export function statementReaderByKey(decisionId: number, key: string, db: Db = getDb()): ModerationActor | null {
  const d = db
    .select({ targetType: moderationDecisions.targetType, targetId: moderationDecisions.targetId })
    .from(moderationDecisions)
    .where(eq(moderationDecisions.id, decisionId))
    .get();
  if (!d || d.targetType !== "user" || !isStatementAccessKey(decisionId, d.targetId, key)) return null;
  const u = db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.id, d.targetId), isNull(users.deletedAt)))
    .get();
  return u ?? null;
}

// ─── Notices ──────────────────────────────────────────────────────────────────

/** The page of a statement: the appealed decision's own (a refused held review's is a
 *  publication statement), or the queues' page, where an appeal's outcome is read too. */
function statementPathOf(a: Appealed, decisionId: number) {
  return decisionId === a.id && a.spec.kind === "publication" ? publicationStatementPath(decisionId) : queueStatementPath(decisionId);
}

/** The path a person opens a statement at: for a decision on their account, with the key
 *  (they may be suspended, and unable to sign in). */
function readerPath(a: Appealed, decisionId: number, userId: number) {
  const path = statementPathOf(a, decisionId);
  return a.spec.kind === "user" ? keyedStatementPath(path, statementAccessKey(decisionId, userId)) : path;
}

/** A notification and its mail; for a decision on the account, the mail's link carries the
 *  key (the notification's does not: it is the account's own list). */
function noticeAndMail(
  db: Db,
  args: { userId: number; kind: NotificationKind; data: NotificationData; a: Appealed; decisionId: number; origin?: string; now: number },
) {
  const link = statementPathOf(args.a, args.decisionId);
  const keyed = args.a.spec.kind === "user";
  notify(db, { userId: args.userId, kind: args.kind, data: args.data, link, mail: !keyed, origin: args.origin, now: args.now });
  const user = keyed ? recipient(db, args.userId) : undefined;
  if (!user) return;
  const { title, body } = describeNotification(user.locale, args.kind, args.data);
  const url = `${linkOrigin(args.origin)}${readerPath(args.a, args.decisionId, args.userId)}`;
  const mail = renderMail(user.locale, {
    subject: title,
    name: user.name,
    blocks: [body, { action: translate(user.locale, "notifications.open"), url }],
  });
  queueMail(db, { to: user.email, template: `notice_${args.kind}`, ...mail });
}

/** The statement of an appeal's outcome: a notification opening its page, and the mail with
 *  the whole statement in the recipient's language. */
function tellOutcome(db: Db, userId: number, input: DecisionAppealOutcomeInput, a: Appealed, origin?: string) {
  const user = recipient(db, userId);
  if (!user) return false;
  notify(db, {
    userId,
    kind: "decision_appeal_decided",
    data: { decisionId: input.decisionId, reason: input.reason, companyName: input.companyName ?? undefined, decidedAt: input.decidedAt },
    link: queueStatementPath(input.decisionId),
    mail: false,
    origin,
    now: input.decidedAt,
  });
  const s = decisionAppealOutcomeText(user.locale, input);
  const base = linkOrigin(origin);
  const blocks: MailBlock[] = [
    ...statementMailBlocks(s, base),
    { action: s.subject, url: `${base}${readerPath(a, input.decisionId, userId)}` },
  ];
  queueMail(db, {
    to: user.email,
    template: `statement_appeal_${input.outcome}`,
    ...renderMail(user.locale, { subject: s.subject, name: user.name, blocks }),
  });
  return true;
}

// ─── Filing an appeal ─────────────────────────────────────────────────────────

export type FileDecisionAppealInput = appealRecords.AppealFiling;

export type FileDecisionAppealResult = appealRecords.AppealFiled<DecisionAppealRefusal>;

/** Records an appeal and its receipt (on the site and by mail), in one transaction. */
export function fileDecisionAppeal(input: FileDecisionAppealInput, db: Db = getDb()): FileDecisionAppealResult {
  return appealRecords.fileAppealWith(db, input, {
    load: () => loadAppealed(db, input.decisionId),
    right: (a, now) => rightOf(db, a, itemState(db, a), input.viewer.id, now),
    sendReceipt: (a, now) =>
      noticeAndMail(db, {
        userId: input.viewer.id,
        kind: "decision_appeal_received",
        data: { decisionId: a.id },
        a,
        decisionId: a.id,
        origin: input.origin,
        now,
      }),
  });
}

// ─── The queue (with the content appeals: appeals.server.ts's listAppealQueue) ─

export interface DecisionAppealAbout {
  kind: DecisionAppealKind;
  logged: AppealableLogged;
  /** Who appeals it. */
  side: AppealAudience;
  title: string | null;
  company: string | null;
  subject: string | null;
  /** The account suspended, the claimant. */
  name: string | null;
}

/** What each of these decisions is about, for the list: one query per kind of item. */
export function decisionAppealsAbout(
  db: Db,
  decisions: { id: number; target: string; targetId: number; logged: string }[],
): Map<number, DecisionAppealAbout> {
  const out = new Map<number, DecisionAppealAbout>();
  const of = (type: string) => decisions.filter((d) => d.target === type && isAppealable(d.logged));
  const ids = (list: { targetId: number }[]) => [...new Set(list.map((d) => d.targetId))];
  const put = (d: { id: number; logged: string }, facts: Omit<DecisionAppealAbout, "kind" | "logged" | "side">) => {
    if (!isAppealable(d.logged)) return;
    const spec = APPEALABLE[d.logged];
    out.set(d.id, { kind: spec.kind, logged: d.logged, side: spec.appellants, ...facts });
  };
  const blank = { title: null, company: null, subject: null, name: null };

  const media = of("media");
  if (media.length) {
    const rows = new Map(
      db
        .select({ id: reviewMedia.id, title: reviews.title, company: companies.name })
        .from(reviewMedia)
        .innerJoin(reviews, eq(reviews.id, reviewMedia.reviewId))
        .innerJoin(companies, eq(companies.id, reviews.companyId))
        .where(inArray(reviewMedia.id, ids(media)))
        .all()
        .map((r) => [r.id, r]),
    );
    for (const d of media) put(d, { ...blank, title: rows.get(d.targetId)?.title ?? null, company: rows.get(d.targetId)?.company ?? null });
  }
  const subjectList = of("subject");
  if (subjectList.length) {
    const rows = new Map(
      db
        .select({ id: subjects.id, name: subjects.name, company: companies.name })
        .from(subjects)
        .innerJoin(companies, eq(companies.id, subjects.companyId))
        .where(inArray(subjects.id, ids(subjectList)))
        .all()
        .map((r) => [r.id, r]),
    );
    for (const d of subjectList)
      put(d, { ...blank, subject: rows.get(d.targetId)?.name ?? null, company: rows.get(d.targetId)?.company ?? null });
  }
  const conduct = of("company");
  if (conduct.length) {
    const rows = new Map(
      db
        .select({ decisionId: conductReports.decisionId, company: companies.name })
        .from(conductReports)
        .innerJoin(companies, eq(companies.id, conductReports.companyId))
        .where(
          inArray(
            conductReports.decisionId,
            conduct.map((d) => d.id),
          ),
        )
        .all()
        .map((r) => [r.decisionId, r]),
    );
    for (const d of conduct) put(d, { ...blank, company: rows.get(d.id)?.company ?? null });
  }
  const accounts = of("user");
  if (accounts.length) {
    const rows = new Map(
      db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, ids(accounts)))
        .all()
        .map((r) => [r.id, r]),
    );
    for (const d of accounts) put(d, { ...blank, name: rows.get(d.targetId)?.name ?? null });
  }
  const claims = of("claim");
  if (claims.length) {
    const rows = new Map(
      db
        .select({ id: companyClaims.id, company: companies.name, name: users.displayName })
        .from(companyClaims)
        .innerJoin(companies, eq(companies.id, companyClaims.companyId))
        .innerJoin(users, eq(users.id, companyClaims.userId))
        .where(inArray(companyClaims.id, ids(claims)))
        .all()
        .map((r) => [r.id, r]),
    );
    for (const d of claims) put(d, { ...blank, company: rows.get(d.targetId)?.company ?? null, name: rows.get(d.targetId)?.name ?? null });
  }
  const refused = of("review");
  if (refused.length) {
    const rows = new Map(
      db
        .select({ id: reviews.id, title: reviews.title, company: companies.name })
        .from(reviews)
        .innerJoin(companies, eq(companies.id, reviews.companyId))
        .where(inArray(reviews.id, ids(refused)))
        .all()
        .map((r) => [r.id, r]),
    );
    for (const d of refused)
      put(d, { ...blank, title: rows.get(d.targetId)?.title ?? null, company: rows.get(d.targetId)?.company ?? null });
  }
  return out;
}

// ─── The case page ────────────────────────────────────────────────────────────

export type DecisionAppealFacts =
  | { kind: "proof"; view: ProofCase }
  | { kind: "suggestion"; view: SuggestionCase }
  | { kind: "conduct"; view: ConductCase }
  | { kind: "user"; view: UserCase }
  | { kind: "claim"; view: ClaimCase }
  | { kind: "publication"; view: HeldCase };

/** The item's case as its queue's page shows it, with this moderator's conflicts of interest. */
function factsOf(db: Db, a: Appealed, viewer: ModerationActor): DecisionAppealFacts | null {
  switch (a.spec.kind) {
    case "proof": {
      const view = getProofCase(a.itemId, viewer, db);
      return view ? { kind: "proof", view } : null;
    }
    case "suggestion": {
      const view = getSuggestionCase(a.itemId, viewer, db);
      return view ? { kind: "suggestion", view } : null;
    }
    case "conduct": {
      const view = getConductCase(a.itemId, viewer, db);
      return view ? { kind: "conduct", view } : null;
    }
    case "user": {
      const view = getUserCase(a.itemId, viewer, db);
      return view ? { kind: "user", view } : null;
    }
    case "claim": {
      const view = getClaimCase(a.itemId, viewer, db);
      return view ? { kind: "claim", view } : null;
    }
    case "publication": {
      const view = getHeldCase(a.itemId, viewer, db);
      return view ? { kind: "publication", view } : null;
    }
  }
}

export type DecisionAppealDecideRefusal = QueueRefusal | "same_moderator";

export interface DecisionAppealCase {
  decision: AppealedDecisionFacts & { logged: AppealableLogged };
  kind: DecisionAppealKind;
  /** Who appeals it. */
  side: AppealAudience;
  facts: DecisionAppealFacts;
  /** The appeals waiting, oldest first. */
  appeals: AppealExplanation[];
  /** When none waits any more: how the last were decided. */
  decided: { outcome: "upheld" | "overturned"; decidedAt: number } | null;
  /** What the form carries back (see decideDecisionAppeal). */
  seenAppeal: number;
  reversal: AppealReversal;
  canOverturn: boolean;
  refusal: DecisionAppealDecideRefusal | null;
}

const appellant = alias(users, "appellant");

/** The appeals against one decision of the queues, for the case page. Null when it is not
 *  such a decision or nobody appealed it. */
export function getDecisionAppealCase(decisionId: number, viewer: ModerationActor, db: Db = getDb()): DecisionAppealCase | null {
  const a = loadAppealed(db, decisionId);
  if (!a) return null;
  const rows = db
    .select({
      id: appeals.id,
      status: appeals.status,
      explanation: appeals.body,
      createdAt: appeals.createdAt,
      decidedAt: appeals.decidedAt,
      appellantName: appellant.displayName,
    })
    .from(appeals)
    .leftJoin(appellant, eq(appellant.id, appeals.appellantUserId))
    .where(eq(appeals.decisionId, a.id))
    .orderBy(asc(appeals.createdAt), asc(appeals.id))
    .all();
  const facts = rows.length > 0 ? factsOf(db, a, viewer) : null;
  if (!facts) return null;
  const pending = rows.filter((r) => r.status === "pending");
  const last = rows.filter((r) => r.status !== "pending").at(-1);
  return {
    decision: {
      id: a.id,
      logged: a.logged,
      reason: a.reason,
      statement: a.statement,
      createdAt: a.createdAt,
      actorName: appealRecords.actorNameOf(db, a.actorId),
      automated: a.automated,
    },
    kind: a.spec.kind,
    side: a.spec.appellants,
    facts,
    appeals: pending.map(({ id, explanation, createdAt, appellantName }) => ({ id, explanation, createdAt, appellantName })),
    decided:
      pending.length === 0 && last
        ? { outcome: last.status === "overturned" ? "overturned" : "upheld", decidedAt: last.decidedAt ?? last.createdAt }
        : null,
    seenAppeal: pending.at(-1)?.id ?? 0,
    reversal: a.spec.reversal,
    canOverturn: itemState(db, a).asLeft,
    refusal: facts.view.refusal ?? (appealRecords.sameModerator(viewer, a) ? "same_moderator" : null),
  };
}

/** The kind of an appealed decision, to pick its form's schema (claims have their reasons). */
export function getDecisionAppealKind(decisionId: number, db: Db = getDb()): DecisionAppealKind | null {
  return loadAppealed(db, decisionId)?.spec.kind ?? null;
}

// ─── Deciding ─────────────────────────────────────────────────────────────────

export interface DecideDecisionAppealInput {
  actor: ModerationActor;
  /** The decision appealed against. */
  appealed: number;
  outcome: AppealOutcome;
  reason: string;
  statement: string;
  /** The newest pending appeal when the case was opened. */
  seenAppeal: number;
  origin?: string;
  now?: number;
}

export type DecideDecisionAppealResult = appealRecords.AppealsDecided<DecisionAppealDecideRefusal | "not_allowed">;

/** Records the outcome of the appeals against one decision of the queues (see the top). */
export function decideDecisionAppeal(input: DecideDecisionAppealInput, db: Db = getDb()): DecideDecisionAppealResult {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  try {
    return appealRecords.inDecidingTransaction(db, () => decideInTransaction(db, input, now));
  } catch (error) {
    // The claim or the company changed under the acceptance (approveClaim): nothing stays.
    if (error instanceof ClaimRaced) return { ok: false, kind: "content_changed" };
    throw error;
  }
}

function decideInTransaction(db: Db, input: DecideDecisionAppealInput, now: number): DecideDecisionAppealResult {
  const a = loadAppealed(db, input.appealed);
  const facts = a ? factsOf(db, a, input.actor) : null;
  if (!a || !facts) return { ok: false, kind: "not_found" };
  if (facts.view.refusal) return { ok: false, kind: facts.view.refusal };
  if (appealRecords.sameModerator(input.actor, a)) return { ok: false, kind: "same_moderator" };
  if (!reasonFits(a.spec.kind, input.outcome, input.reason)) return { ok: false, kind: "not_allowed" };

  const waiting = appealRecords.waitingRefusal(db, a.id, input.seenAppeal);
  if (waiting) return { ok: false, kind: waiting };
  const state = itemState(db, a);
  const overturn = input.outcome === "overturn";
  if (overturn && !state.asLeft) return { ok: false, kind: "content_changed" };

  // 1. The appeals' outcome, only if nobody decided them meanwhile.
  const decided = appealRecords.decidePendingAppeals(db, {
    decisionId: a.id,
    seenAppeal: input.seenAppeal,
    outcome: input.outcome,
    actorId: input.actor.id,
    now,
  });

  // 2. The log: a new row on the decision's own target; the appealed row stays as it was.
  const logged = appealRecords.logAppealOutcome(db, {
    actorId: input.actor.id,
    targetType: a.spec.targetType,
    targetId: a.targetId,
    decision: overturn ? a.spec.reversal : APPEAL_UPHELD,
    reason: input.reason,
    statement: input.statement,
    now,
    answers: decided,
  });

  // 3. A reversal does what the opposite decision does.
  if (overturn) reverse(db, a, facts, { actorId: input.actor.id, decisionId: logged.id, reason: input.reason, now });

  // 4. The statements: each appellant, then the other side (and the owners who did not appeal).
  const outcome = overturn ? "overturned" : "upheld";
  const told = new Set<number>();
  let notified = 0;
  for (const { userId, yoursAt } of appealRecords.appellantsOnce(decided)) {
    told.add(userId);
    const statement = outcomeInput(logged, a, state, { audience: a.spec.appellants, yoursAt, outcome });
    if (tellOutcome(db, userId, statement, a, input.origin)) notified++;
  }
  const others = [
    ...state.others,
    ...(a.spec.appellants === "company" ? state.appellants.map((userId) => ({ userId, audience: "company" as const })) : []),
  ];
  for (const o of others) {
    if (told.has(o.userId) || !toldOutcome(a.logged, o.audience, outcome)) continue;
    told.add(o.userId);
    if (tellOutcome(db, o.userId, outcomeInput(logged, a, state, { audience: o.audience, yoursAt: null, outcome }), a, input.origin))
      notified++;
  }
  return { ok: true, decisionId: logged.id, appeals: decided.length, notified };
}

/** What the opposite decision does, through its own code, on the item as the appealed
 *  decision left it (each step's condition is that state: anything else rolls back). */
function reverse(
  db: Db,
  a: Appealed,
  facts: DecisionAppealFacts,
  args: { actorId: number; decisionId: number; reason: string; now: number },
) {
  const changed = (n: number) => {
    if (n !== 1) throw new appealRecords.AppealRefused("content_changed");
  };
  switch (facts.kind) {
    case "proof": {
      changed(
        db
          .update(reviewMedia)
          .set({ proofStatus: "accepted" })
          .where(and(eq(reviewMedia.id, a.itemId), eq(reviewMedia.proofStatus, "rejected")))
          .run().changes,
      );
      verifyReviewOrigin(db, facts.view.item.review.id);
      return;
    }
    case "suggestion": {
      changed(
        db
          .update(subjects)
          .set({ state: "active" })
          .where(and(eq(subjects.id, a.itemId), eq(subjects.state, "rejected")))
          .run().changes,
      );
      // The company the reviewer added with this subject is listed with it.
      if (facts.view.item.company.added) {
        db.update(companies)
          .set({ listing: "listed" })
          .where(and(eq(companies.id, facts.view.item.company.id), eq(companies.listing, "refused")))
          .run();
      }
      // The reviews the refusal did not publish (still on this subject, never published) wait
      // for it again, and are released as an accepted subject's are.
      db.update(reviews)
        .set({ status: "pending", removedAt: null, removalReason: null })
        .where(and(eq(reviews.subjectId, a.itemId), eq(reviews.status, "removed"), isNull(reviews.publishedAt)))
        .run();
      releasePendingReviews(db, a.itemId, args.now);
      return;
    }
    case "conduct": {
      const upheld = a.spec.reversal === "conduct_upheld";
      changed(
        db
          .update(conductReports)
          .set({ status: upheld ? "founded" : "unfounded", decidedBy: args.actorId, decidedAt: args.now })
          .where(and(eq(conductReports.id, a.itemId), eq(conductReports.status, upheld ? "unfounded" : "founded")))
          .run().changes,
      );
      return;
    }
    case "user": {
      // As decideUser reinstates: the account can sign in and take part again.
      changed(
        db
          .update(users)
          .set({ suspendedAt: null, suspendedReason: null })
          .where(and(eq(users.id, a.itemId), isNotNull(users.suspendedAt), isNull(users.deletedAt)))
          .run().changes,
      );
      return;
    }
    case "claim": {
      // The claim waits again, and is approved as a moderator's acceptance approves it.
      changed(
        db
          .update(companyClaims)
          .set({ status: "pending", decidedAt: null, decidedBy: null })
          .where(and(eq(companyClaims.id, a.itemId), eq(companyClaims.status, "rejected")))
          .run().changes,
      );
      approveClaim(db, {
        claimId: a.itemId,
        companyId: facts.view.item.company.id,
        userId: facts.view.item.claimant.id,
        actorId: args.actorId,
        decidedBy: args.actorId,
        detail: { method: "evidence", decisionId: args.decisionId, reason: args.reason, appealed: a.id },
        now: args.now,
      });
      return;
    }
    case "publication": {
      changed(publishRefusedReview(db, a.itemId, args.now) ? 1 : 0);
      return;
    }
  }
}
