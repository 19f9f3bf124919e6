// Review invitations: an owner of a verified company asks its customers for a review, the
// same way for all of them. Three ways, one rule: a link to share (printed on a receipt,
// sent from the company's own tools), an invitation mailed to one address, and a CSV file
// of addresses, each row checked on its own. A mail says who asks, about what, how the
// review will be published, links the rules, offers to stop every invitation, and is
// followed by one reminder at most (REMINDER_AFTER_DAYS later, by the job runner). An
// address that opted out (for this company or for all) is never mailed again. A review
// written through an invitation is labelled "invited" (acceptInvitationForReview, called by
// review-submission.server.ts in the review's own transaction). Nothing lets a company
// choose whom to invite by the rating they might give: no field of a row is a rating,
// and other columns of a file are ignored and said so.
//
// Tokens: the link to share keeps its token in clear (link_token: it is published); a mailed
// invitation keeps only the hash of its token, which is an HMAC of the row (so that the
// reminder can carry the same link without the table holding it).
import crypto from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, invitationOptOuts, invitations, reviews, subjects } from "#db/schema";
import { env } from "~/env.server";
import { formatDate, translate, type MessageKey } from "~/i18n";
import { foldText, type InvitationRow } from "~/lib/invitation-form";
import {
  INVITATION_ADDRESS_DAYS,
  INVITATION_DAYS,
  INVITATION_LIMITS,
  REINVITE_AFTER_DAYS,
  REMINDER_AFTER_DAYS,
  SHARE_LINK_DAYS,
} from "~/lib/invitation-policy";
import { linkOrigin } from "~/lib/origin.server";
import { hashSecretToken, newSecretToken } from "~/lib/tokens.server";
import { logCompanyEvent } from "./company-claims.server";
import { queueMail, renderMail } from "./mail.server";

const DAY = 86_400_000;

export const REMINDER_JOB_INTERVAL_MS = 60 * 60_000;

type Company = { id: number; slug: string; name: string; domain: string | null; state: string };

function companyOf(db: Db, companyId: number): Company | undefined {
  return db
    .select({ id: companies.id, slug: companies.slug, name: companies.name, domain: companies.domain, state: companies.state })
    .from(companies)
    .where(eq(companies.id, companyId))
    .get();
}

export interface InvitableSubject {
  id: number;
  name: string;
  slug: string;
  kind: string;
}

/** The subjects a review can be written about (a closed one takes none). */
export function invitableSubjects(companyId: number, db: Db = getDb()): InvitableSubject[] {
  return db
    .select({ id: subjects.id, name: subjects.name, slug: subjects.slug, kind: subjects.kind })
    .from(subjects)
    .where(and(eq(subjects.companyId, companyId), eq(subjects.state, "active")))
    .orderBy(asc(subjects.name), asc(subjects.id))
    .limit(500)
    .all();
}

export function invitationPath(token: string) {
  return `/invite/${token}`;
}

function mailedToken(invitationId: number, createdAt: number) {
  return crypto
    .createHmac("sha256", env().SECRET)
    .update(`review-invitation:${invitationId}:${createdAt}`)
    .digest("base64url")
    .slice(0, 32);
}

/** The key of an address in invitation_opt_outs: its SHA-256, never the address. */
export function optOutKey(email: string) {
  return crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

export function isOptedOut(db: Db, email: string, companyId: number): boolean {
  return (
    db
      .select({ one: sql<number>`1` })
      .from(invitationOptOuts)
      .where(and(eq(invitationOptOuts.emailHash, optOutKey(email)), inArray(invitationOptOuts.companyId, [0, companyId])))
      .get() != null
  );
}

// ─── The owner's page ─────────────────────────────────────────────────────────

export type InvitationState = "sent" | "reminded" | "used" | "opted_out" | "expired";

export interface SentInvitation {
  id: number;
  email: string;
  name: string | null;
  subject: string | null;
  reference: string | null;
  state: InvitationState;
  sentAt: number;
  remindedAt: number | null;
  usedAt: number | null;
}

export interface ShareLink {
  token: string;
  subject: string | null;
  createdAt: number;
  expiresAt: number;
  reviews: number;
}

export interface InvitationsPage {
  link: ShareLink | null;
  counts: Record<InvitationState, number>;
  sentToday: number;
  recent: SentInvitation[];
  subjects: InvitableSubject[];
}

const stateSql = (now: number) =>
  sql<InvitationState>`CASE WHEN ${invitations.status} IN ('sent', 'reminded') AND ${invitations.expiresAt} <= ${now} THEN 'expired' ELSE ${invitations.status} END`;

export function listInvitations(companyId: number, now = Date.now(), db: Db = getDb()): InvitationsPage {
  const mailed = and(eq(invitations.companyId, companyId), eq(invitations.kind, "email"));
  const counts: Record<InvitationState, number> = { sent: 0, reminded: 0, used: 0, opted_out: 0, expired: 0 };
  for (const row of db
    .select({ state: stateSql(now), n: count() })
    .from(invitations)
    .where(mailed)
    .groupBy(stateSql(now))
    .all()) {
    counts[row.state] = row.n;
  }
  const recent = db
    .select({
      id: invitations.id,
      email: sql<string>`coalesce(${invitations.email}, '')`,
      name: invitations.name,
      subject: subjects.name,
      reference: invitations.reference,
      state: stateSql(now),
      sentAt: sql<number>`coalesce(${invitations.sentAt}, ${invitations.createdAt})`,
      remindedAt: invitations.remindedAt,
      usedAt: invitations.usedAt,
    })
    .from(invitations)
    .leftJoin(subjects, eq(subjects.id, invitations.subjectId))
    .where(mailed)
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(100)
    .all();
  return {
    link: currentShareLink(db, companyId, now),
    counts,
    sentToday: sentSince(db, companyId, now - DAY),
    recent,
    subjects: invitableSubjects(companyId, db),
  };
}

function sentSince(db: Db, companyId: number, since: number) {
  return (
    db
      .select({ n: count() })
      .from(invitations)
      .where(and(eq(invitations.companyId, companyId), eq(invitations.kind, "email"), gt(invitations.createdAt, since)))
      .get()?.n ?? 0
  );
}

function currentShareLink(db: Db, companyId: number, now: number): ShareLink | null {
  const link = db
    .select({
      id: invitations.id,
      token: invitations.linkToken,
      subject: subjects.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(subjects, eq(subjects.id, invitations.subjectId))
    .where(
      and(
        eq(invitations.companyId, companyId),
        eq(invitations.kind, "link"),
        eq(invitations.status, "sent"),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .get();
  if (!link?.token) return null;
  const reviewCount = db.select({ n: count() }).from(reviews).where(eq(reviews.invitationId, link.id)).get()?.n ?? 0;
  return { token: link.token, subject: link.subject, createdAt: link.createdAt, expiresAt: link.expiresAt, reviews: reviewCount };
}

// ─── Sending ──────────────────────────────────────────────────────────────────

type Refusal = { ok: false; kind: "not_owner" | "not_verified" };

function ownerCheck(db: Db, companyId: number, actorId: number): Company | Refusal {
  const company = companyOf(db, companyId);
  const owner = db.$client
    .prepare<[number, number], { one: number }>(
      `SELECT 1 AS one FROM company_members WHERE company_id = ? AND user_id = ? AND role = 'owner'`,
    )
    .get(companyId, actorId);
  if (!company || !owner) return { ok: false, kind: "not_owner" };
  if (company.state !== "verified") return { ok: false, kind: "not_verified" };
  return company;
}

/** The link to share replaces the one before (whose reviews keep their label). */
export function createShareLink(
  input: { companyId: number; actorId: number; subjectId?: number; now?: number },
  db: Db = getDb(),
): { ok: true; token: string } | Refusal | { ok: false; kind: "subject" } {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction(() => {
      const company = ownerCheck(db, input.companyId, input.actorId);
      if ("ok" in company) return company;
      if (input.subjectId != null && !invitableSubjects(company.id, db).some((s) => s.id === input.subjectId)) {
        return { ok: false as const, kind: "subject" as const };
      }
      db.update(invitations)
        .set({ status: "expired" })
        .where(and(eq(invitations.companyId, company.id), eq(invitations.kind, "link"), eq(invitations.status, "sent")))
        .run();
      const token = newSecretToken();
      db.insert(invitations)
        .values({
          companyId: company.id,
          subjectId: input.subjectId ?? null,
          kind: "link",
          tokenHash: hashSecretToken(token),
          linkToken: token,
          status: "sent",
          expiresAt: now + SHARE_LINK_DAYS * DAY,
          createdBy: input.actorId,
          createdAt: now,
        })
        .run();
      logCompanyEvent(db, {
        companyId: company.id,
        actorId: input.actorId,
        kind: "share_link_created",
        detail: { subjectId: input.subjectId ?? null },
        now,
      });
      return { ok: true as const, token };
    })
    .immediate();
}

/** A row to send: one from the form (a subject chosen by id) or from a file (by name). */
export type RowToSend = { line: number } & Omit<InvitationRow, "subject"> & { subjectId?: number; subject?: string };

export type RowOutcome = { line: number; email: string; sent: true } | { line: number; email: string; sent: false; error: MessageKey };

export type SendResult = { ok: true; sent: number; rows: RowOutcome[] } | Refusal;

/** Mails an invitation to each row that passes every check; the others are named with
 *  their reason. One transaction: a row sent is a row written with its mail. */
export function sendInvitations(
  input: { companyId: number; actorId: number; rows: RowToSend[]; origin?: string; now?: number },
  db: Db = getDb(),
): SendResult {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction((): SendResult => {
      const company = ownerCheck(db, input.companyId, input.actorId);
      if ("ok" in company) return company;
      const active = invitableSubjects(company.id, db);
      const byName = new Map<string, InvitableSubject>();
      for (const s of active) {
        byName.set(foldText(s.name), s);
        byName.set(s.slug, s);
      }
      let room = INVITATION_LIMITS.mailsPerDay - sentSince(db, company.id, now - DAY);
      const seen = new Set<string>();
      const outcomes = input.rows.map((row): RowOutcome => {
        const refuse = (error: MessageKey): RowOutcome => ({ line: row.line, email: row.email, sent: false, error });
        const subject =
          row.subjectId != null ? active.find((s) => s.id === row.subjectId) : row.subject ? byName.get(foldText(row.subject)) : undefined;
        if ((row.subjectId != null || row.subject) && !subject) return refuse("invitations.row.subject");
        if (seen.has(row.email)) return refuse("invitations.row.duplicate");
        seen.add(row.email);
        if (isOptedOut(db, row.email, company.id)) return refuse("invitations.row.optedOut");
        if (invitedRecently(db, company.id, row.email, now)) return refuse("invitations.row.recent");
        if (room <= 0) return refuse("invitations.row.limit");
        room--;
        const id = insertMailed(db, company, { ...row, subjectId: subject?.id }, input.actorId, now);
        mailInvitation(db, { id, createdAt: now, company, subject: subject?.name, row, origin: input.origin, reminder: false });
        return { line: row.line, email: row.email, sent: true };
      });
      const sent = outcomes.filter((o) => o.sent).length;
      if (sent > 0) {
        logCompanyEvent(db, {
          companyId: company.id,
          actorId: input.actorId,
          kind: "invitations_sent",
          detail: { sent, refused: outcomes.length - sent },
          now,
        });
      }
      return { ok: true, sent, rows: outcomes };
    })
    .immediate();
}

function invitedRecently(db: Db, companyId: number, email: string, now: number) {
  return (
    db
      .select({ one: sql<number>`1` })
      .from(invitations)
      .where(
        and(eq(invitations.companyId, companyId), eq(invitations.email, email), gt(invitations.createdAt, now - REINVITE_AFTER_DAYS * DAY)),
      )
      .get() != null
  );
}

function insertMailed(db: Db, company: Company, row: RowToSend, actorId: number, now: number): number {
  const { id } = db
    .insert(invitations)
    .values({
      companyId: company.id,
      subjectId: row.subjectId ?? null,
      email: row.email,
      name: row.name ?? null,
      reference: row.reference ?? null,
      locale: row.locale,
      kind: "email",
      // Replaced below, once the row's id gives its token.
      tokenHash: hashSecretToken(newSecretToken()),
      status: "sent",
      sentAt: now,
      expiresAt: now + INVITATION_DAYS * DAY,
      createdBy: actorId,
      createdAt: now,
    })
    .returning({ id: invitations.id })
    .get();
  db.update(invitations)
    .set({ tokenHash: hashSecretToken(mailedToken(id, now)) })
    .where(eq(invitations.id, id))
    .run();
  return id;
}

interface MailArgs {
  id: number;
  createdAt: number;
  company: Pick<Company, "name" | "domain">;
  subject?: string | null;
  row: Pick<InvitationRow, "email" | "name" | "locale" | "reference">;
  origin?: string;
  reminder: boolean;
}

function mailInvitation(db: Db, m: MailArgs) {
  const locale = m.row.locale;
  const token = mailedToken(m.id, m.createdAt);
  const site = linkOrigin(m.origin);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
  const vars = {
    company: m.company.name,
    domain: m.company.domain ?? "—",
    about: m.subject ?? m.company.name,
    reference: m.row.reference ?? "",
    date: formatDate(locale, m.createdAt + INVITATION_DAYS * DAY),
    days: INVITATION_ADDRESS_DAYS,
  };
  const mail = renderMail(locale, {
    subject: t(m.reminder ? "mail.reviewInvitation.reminderSubject" : "mail.reviewInvitation.subject", vars),
    name: m.row.name ?? undefined,
    blocks: [
      t("mail.reviewInvitation.who", vars),
      ...(m.row.reference ? [t("mail.reviewInvitation.reference", vars)] : []),
      t("mail.reviewInvitation.publication", vars),
      { action: t("mail.reviewInvitation.action"), url: `${site}${invitationPath(token)}` },
      { link: t("mail.reviewInvitation.rules"), url: `${site}/transparency#invitations` },
      t(m.reminder ? "mail.reviewInvitation.lastReminder" : "mail.reviewInvitation.oneReminder", vars),
      { link: t("mail.reviewInvitation.optOut"), url: `${site}${invitationPath(token)}/opt-out` },
    ],
    footer: t("mail.reviewInvitation.footer", vars),
  });
  queueMail(db, { to: m.row.email, template: m.reminder ? "review_invitation_reminder" : "review_invitation", ...mail });
}

/** The job: one reminder for each mailed invitation still unanswered REMINDER_AFTER_DAYS
 *  after it was sent, unless the address opted out since. Safe to run twice: each row is
 *  claimed by a conditional update before its mail is written. */
export function sendDueReminders({ now, db = getDb(), origin }: { now: number; db?: Db; origin?: string }) {
  const due = db
    .select({
      id: invitations.id,
      companyId: invitations.companyId,
      subjectId: invitations.subjectId,
      email: invitations.email,
      name: invitations.name,
      reference: invitations.reference,
      locale: invitations.locale,
      tokenHash: invitations.tokenHash,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.kind, "email"),
        eq(invitations.status, "sent"),
        lte(invitations.sentAt, now - REMINDER_AFTER_DAYS * DAY),
        gt(invitations.expiresAt, now),
        isNull(invitations.remindedAt),
      ),
    )
    .orderBy(asc(invitations.sentAt))
    .limit(500)
    .all();
  let sent = 0;
  for (const row of due) {
    db.$client
      .transaction(() => {
        const optedOut = row.email == null || isOptedOut(db, row.email, row.companyId);
        const claimed = db
          .update(invitations)
          .set(optedOut ? { status: "opted_out" } : { status: "reminded", remindedAt: now })
          .where(and(eq(invitations.id, row.id), eq(invitations.status, "sent")))
          .run().changes;
        // A token that no longer matches (the site's secret was changed) cannot be sent again.
        if (!claimed || optedOut || !hashSecretToken(mailedToken(row.id, row.createdAt)).equals(row.tokenHash)) return;
        const company = companyOf(db, row.companyId);
        if (!company || company.state !== "verified") return;
        const subject =
          row.subjectId == null
            ? null
            : db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, row.subjectId)).get()?.name;
        mailInvitation(db, {
          id: row.id,
          createdAt: row.createdAt,
          company,
          subject,
          row: { email: row.email!, name: row.name ?? undefined, locale: row.locale, reference: row.reference ?? undefined },
          origin,
          reminder: true,
        });
        sent++;
      })
      .immediate();
  }
  return { reminded: sent };
}

/** Part of the reminders' job: a mailed invitation forgets its address, name and order
 *  reference INVITATION_ADDRESS_DAYS after it was sent (its state and counts stay). */
export function eraseOldInvitationAddresses({ now, db = getDb() }: { now: number; db?: Db }) {
  return db
    .update(invitations)
    .set({ email: null, name: null, reference: null })
    .where(
      and(
        eq(invitations.kind, "email"),
        lte(invitations.createdAt, now - INVITATION_ADDRESS_DAYS * DAY),
        sql`${invitations.email} IS NOT NULL`,
      ),
    )
    .run().changes;
}

// ─── The invited person's side ────────────────────────────────────────────────

export type InvitationLinkState = "open" | "used" | "expired" | "opted_out";

export interface OpenedInvitation {
  id: number;
  kind: "email" | "link";
  state: InvitationLinkState;
  company: { id: number; slug: string; name: string; domain: string | null };
  /** The subject the invitation is about, or null: the invited person chooses. */
  subject: InvitableSubject | null;
  subjects: InvitableSubject[];
  hasAddress: boolean;
}

function findByToken(db: Db, token: string) {
  if (!/^[a-z0-9_-]{20,64}$/i.test(token)) return undefined;
  return db
    .select({
      id: invitations.id,
      companyId: invitations.companyId,
      subjectId: invitations.subjectId,
      kind: invitations.kind,
      status: invitations.status,
      email: invitations.email,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSecretToken(token)))
    .get();
}

function linkState(row: { status: string; expiresAt: number }, now: number): InvitationLinkState {
  if (row.status === "used") return "used";
  if (row.status === "opted_out") return "opted_out";
  if (row.status === "expired" || row.expiresAt <= now) return "expired";
  return "open";
}

export function openInvitation(token: string, now = Date.now(), db: Db = getDb()): OpenedInvitation | null {
  const row = findByToken(db, token);
  const company = row ? companyOf(db, row.companyId) : undefined;
  if (!row || !company) return null;
  const active = invitableSubjects(company.id, db);
  // An invitation the company can no longer stand behind (no longer verified) invites nobody.
  const state = company.state === "verified" ? linkState(row, now) : "expired";
  return {
    id: row.id,
    kind: row.kind,
    state,
    company: { id: company.id, slug: company.slug, name: company.name, domain: company.domain },
    subject: active.find((s) => s.id === row.subjectId) ?? null,
    subjects: active,
    hasAddress: row.email != null,
  };
}

/** Inside the review's transaction: the invitation a review is written through, if it is
 *  still open and from the reviewed company. A mailed one is used up by it. */
export function acceptInvitationForReview(db: Db, input: { token: string; companyId: number; now: number }): number | null {
  const row = findByToken(db, input.token);
  if (!row || row.companyId !== input.companyId || linkState(row, input.now) !== "open") return null;
  if (companyOf(db, row.companyId)?.state !== "verified") return null;
  if (row.kind === "email") {
    db.update(invitations).set({ status: "used", usedAt: input.now }).where(eq(invitations.id, row.id)).run();
  }
  return row.id;
}

export type OptOutScope = "company" | "all";

/** The address of a mailed invitation asks for no more invitations, from this company or
 *  from every company; the invitations still open to it are closed. */
export function optOutOfInvitations(
  input: { token: string; scope: OptOutScope; now?: number },
  db: Db = getDb(),
): { ok: true; company: string } | { ok: false } {
  const now = input.now ?? Date.now();
  return db.$client
    .transaction(() => {
      const row = findByToken(db, input.token);
      const company = row ? companyOf(db, row.companyId) : undefined;
      if (!row?.email || !company) return { ok: false as const };
      const companyId = input.scope === "all" ? 0 : row.companyId;
      db.insert(invitationOptOuts)
        .values({ emailHash: optOutKey(row.email), companyId, createdAt: now })
        .onConflictDoNothing()
        .run();
      db.update(invitations)
        .set({ status: "opted_out" })
        .where(
          and(
            eq(invitations.email, row.email),
            inArray(invitations.status, ["sent", "reminded"]),
            ...(companyId === 0 ? [] : [eq(invitations.companyId, companyId)]),
          ),
        )
        .run();
      return { ok: true as const, company: company.name };
    })
    .immediate();
}
