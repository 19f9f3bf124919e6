// Claiming a company and adding one: who comes to speak for a company, and how they prove
// it: automatically, by a code mailed to an address at the company's domain
// (app/lib/company-domain.ts says which addresses qualify), or with evidence that a
// moderator accepts or refuses (the claims queue: app/models/claim-queue.server.ts).
//
//   startDomainClaim   checks the address, counts the send against three limits (per user,
//                      per company, per address), and in one transaction stores the claim
//                      with the code's HMAC (never the code), retires the user's earlier
//                      codes for this company, logs it and queues the mail (outbox).
//   verifyDomainClaim  counts the attempt (per claim, per user), compares in constant time,
//                      and in one BEGIN IMMEDIATE transaction approves the claim (approveClaim).
//   approveClaim       the writes of a proof, inside the caller's transaction (the right code,
//                      or a moderator accepting a claim with evidence): the claim approved (so
//                      it works once), the company verified with its dates, the claimant its
//                      owner, other live claims retired, members who joined while nobody had
//                      proved anything removed, every step in company_events.
//   requestEvidenceClaim  a claim with evidence (the claimant's role, an optional link):
//                      counted against a limit per user, one waiting per user and company,
//                      stored pending with its evidence as JSON, logged.
//   createCompany      "Add your company": claimed and unverified, the creator its owner, a
//                      unique slug, its website as a first subject; refused for a domain a
//                      company already has.
//
// Routes call these; they never touch the database handle.
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, like, ne, or, sql } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import {
  categories,
  companies,
  companyCategories,
  companyClaims,
  companyEvents,
  companyMembers,
  subjects,
  type COMPANY_EVENT_KINDS,
  type COMPANY_STATES,
} from "#db/schema";
import { env } from "~/env.server";
import { translate, type Locale, type MessageKey } from "~/i18n";
import { CLAIM_CODE_LENGTH, CLAIM_CODE_TTL_MS, normalizeEvidenceUrl } from "~/lib/company-claim-form";
import {
  canVerifyByMail,
  companyDomainFrom,
  emailDomain,
  emailMatchesCompanyDomain,
  normalizeHost,
  type DomainMatch,
} from "~/lib/company-domain";
import { slugify } from "~/lib/slug";
import { queueMail, renderMail } from "./mail.server";
import { hit, keyPart, type RateLimit } from "./rate-limit.server";
import { isClaimDocumentKey, type ClaimDocument } from "./claim-documents.server";
import type { MemberRole } from "./permissions.server";

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** How often codes may be sent and tried, and companies added. */
export const CLAIM_LIMITS = {
  /** Codes one user asks for, whatever the company. */
  codesPerUser: { limit: 5, windowMs: HOUR },
  /** Codes sent for one company, whoever asks (a company's mailboxes are not a target). */
  codesPerCompany: { limit: 10, windowMs: HOUR },
  /** Codes sent to one address. */
  codesPerAddress: { limit: 3, windowMs: HOUR },
  /** Wrong codes on one claim: past this, the code is dead (its window outlives the code). */
  attemptsPerClaim: { limit: 5, windowMs: CLAIM_CODE_TTL_MS },
  /** Codes one user tries, whatever the claim (asking for new codes does not reset it). */
  attemptsPerUser: { limit: 15, windowMs: HOUR },
  /** Companies one user adds. */
  companiesPerUser: { limit: 5, windowMs: DAY },
  /** Claims with evidence one user sends, whatever the company. */
  evidencePerUser: { limit: 3, windowMs: DAY },
} as const satisfies Record<string, RateLimit>;

/** Slugs that name a page of /companies/… rather than a company. */
const RESERVED_SLUGS = new Set(["new"]);

export type CompanyState = (typeof COMPANY_STATES)[number];
type EventKind = (typeof COMPANY_EVENT_KINDS)[number];
/** What writes inside a transaction: drizzle's `tx`, or the handle inside a better-sqlite3
 *  transaction (the moderation decisions'). */
export type Writer = Pick<Db, "select" | "insert" | "update" | "delete">;

// ─── Reading ──────────────────────────────────────────────────────────────────

export interface ClaimPageData {
  company: {
    id: number;
    slug: string;
    name: string;
    domain: string | null;
    state: CompanyState;
    claimedAt: number | null;
    verifiedAt: number | null;
  };
  /** Whether a code can be mailed for this company at all (it has a domain that is not free mail). */
  verifiable: boolean;
  /** The user's role when they are a member of it already. */
  memberRole: MemberRole | null;
  /** The user's live code for it: where it went and until when it works. */
  pending: { id: number; email: string; expiresAt: number } | null;
  /** The user's claim with evidence waiting for a moderator, and since when. */
  evidenceClaim: { id: number; createdAt: number } | null;
}

/** What the claim page shows to `userId` about the company at `slug`, or null (no such company). */
export function getClaimPage(slug: string, userId: number, now = Date.now()): ClaimPageData | null {
  const db = getDb();
  const company = db
    .select({
      id: companies.id,
      slug: companies.slug,
      name: companies.name,
      domain: companies.domain,
      state: companies.state,
      claimedAt: companies.claimedAt,
      verifiedAt: companies.verifiedAt,
    })
    .from(companies)
    .where(eq(companies.slug, slug))
    .get();
  if (!company) return null;
  const member = db
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, company.id), eq(companyMembers.userId, userId)))
    .get();
  const pending = db
    .select({ id: companyClaims.id, email: companyClaims.email, expiresAt: companyClaims.expiresAt })
    .from(companyClaims)
    .where(
      and(
        eq(companyClaims.companyId, company.id),
        eq(companyClaims.userId, userId),
        eq(companyClaims.status, "pending"),
        eq(companyClaims.method, "domain_email"),
        sql`${companyClaims.expiresAt} > ${now}`,
      ),
    )
    .orderBy(desc(companyClaims.id))
    .get();
  return {
    company,
    verifiable: canVerifyByMail(company.domain),
    memberRole: member?.role ?? null,
    pending:
      pending && pending.email && pending.expiresAt != null ? { id: pending.id, email: pending.email, expiresAt: pending.expiresAt } : null,
    evidenceClaim: waitingEvidenceClaim(db, company.id, userId) ?? null,
  };
}

/** The user's claim with evidence on the company that waits for a moderator, if any. */
function waitingEvidenceClaim(r: Pick<Db, "select">, companyId: number, userId: number) {
  return r
    .select({ id: companyClaims.id, createdAt: companyClaims.createdAt })
    .from(companyClaims)
    .where(
      and(
        eq(companyClaims.companyId, companyId),
        eq(companyClaims.userId, userId),
        eq(companyClaims.method, "evidence"),
        eq(companyClaims.status, "pending"),
      ),
    )
    .orderBy(desc(companyClaims.id))
    .get();
}

/** The categories a new company may be filed under, in their order. */
export function listCompanyCategories(): { id: number; slug: string; nameFr: string; nameEn: string }[] {
  return getDb()
    .select({ id: categories.id, slug: categories.slug, nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.slug))
    .all();
}

/** The company log, newest first (tests, and later the owner's dashboard). */
export function listCompanyEvents(companyId: number, limit = 50) {
  return getDb()
    .select()
    .from(companyEvents)
    .where(eq(companyEvents.companyId, companyId))
    .orderBy(desc(companyEvents.id))
    .limit(limit)
    .all();
}

// ─── Codes ────────────────────────────────────────────────────────────────────

/** A code of CLAIM_CODE_LENGTH digits, uniformly drawn. */
function newCode(): string {
  return String(crypto.randomInt(0, 10 ** CLAIM_CODE_LENGTH)).padStart(CLAIM_CODE_LENGTH, "0");
}

/** The stored form of a code: an HMAC under the site's secret, bound to its claim, so the
 *  table alone (a backup, a leak) does not give the million codes away. */
function hashCode(claimId: number, code: string): Buffer {
  return crypto.createHmac("sha256", env().SECRET).update(`company-claim:${claimId}:${code}`).digest();
}

/** A row of the company's log (company_events), inside the caller's write. */
export function logCompanyEvent(
  tx: Writer,
  event: { companyId: number; actorId: number | null; kind: EventKind; claimId?: number | null; detail?: object; now: number },
) {
  tx.insert(companyEvents)
    .values({
      companyId: event.companyId,
      actorId: event.actorId,
      kind: event.kind,
      claimId: event.claimId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      createdAt: event.now,
    })
    .run();
}

export type StartClaimResult =
  | { ok: true; claimId: number; email: string; expiresAt: number }
  | { ok: false; kind: "not_found" | "already_verified" }
  | { ok: false; kind: "address"; problem: Exclude<DomainMatch, "ok"> }
  | { ok: false; kind: "rate_limited"; retryAfter: number };

/**
 * Mails a new code to `email` for the user's claim on the company. The code replaces the
 * user's earlier codes for this company. `origin` makes the link in the mail absolute.
 */
export function startDomainClaim(args: {
  userId: number;
  userName: string;
  slug: string;
  email: string;
  locale: Locale;
  origin: string;
  now?: number;
}): StartClaimResult {
  const now = args.now ?? Date.now();
  const db = getDb();
  const company = db
    .select({ id: companies.id, slug: companies.slug, name: companies.name, domain: companies.domain, state: companies.state })
    .from(companies)
    .where(eq(companies.slug, args.slug))
    .get();
  if (!company) return { ok: false, kind: "not_found" };
  if (company.state === "verified") return { ok: false, kind: "already_verified" };
  const email = args.email.trim().toLowerCase();
  const match = emailMatchesCompanyDomain(email, company.domain);
  if (match !== "ok") return { ok: false, kind: "address", problem: match };

  for (const [key, rule] of [
    [`claim-send:user:${args.userId}`, CLAIM_LIMITS.codesPerUser],
    [`claim-send:company:${company.id}`, CLAIM_LIMITS.codesPerCompany],
    [`claim-send:address:${keyPart(email)}`, CLAIM_LIMITS.codesPerAddress],
  ] as const) {
    const state = hit(key, rule, now, db);
    if (!state.allowed) return { ok: false, kind: "rate_limited", retryAfter: state.retryAfter };
  }

  const code = newCode();
  const expiresAt = now + CLAIM_CODE_TTL_MS;
  const claimId = db.transaction(
    (tx) => {
      // One live code per user and company: the new one replaces the others.
      tx.update(companyClaims)
        .set({ status: "expired", decidedAt: now })
        .where(
          and(
            eq(companyClaims.companyId, company.id),
            eq(companyClaims.userId, args.userId),
            eq(companyClaims.status, "pending"),
            eq(companyClaims.method, "domain_email"),
          ),
        )
        .run();
      const { id } = tx
        .insert(companyClaims)
        .values({ companyId: company.id, userId: args.userId, method: "domain_email", email, status: "pending", expiresAt, createdAt: now })
        .returning({ id: companyClaims.id })
        .get();
      tx.update(companyClaims)
        .set({ codeHash: hashCode(id, code) })
        .where(eq(companyClaims.id, id))
        .run();
      logCompanyEvent(tx, {
        companyId: company.id,
        actorId: args.userId,
        kind: "claim_code_sent",
        claimId: id,
        detail: { domain: emailDomain(email) },
        now,
      });
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(args.locale, key, vars);
      const time = new Intl.DateTimeFormat(args.locale === "fr" ? "fr-FR" : "en-GB", {
        timeStyle: "short",
        timeZone: "Europe/Paris",
      }).format(expiresAt);
      const mail = renderMail(args.locale, {
        subject: t("mail.companyClaim.subject", { code, company: company.name }),
        blocks: [
          t("mail.companyClaim.body", { name: args.userName, company: company.name }),
          t("mail.companyClaim.code", { code }),
          t("mail.companyClaim.expiry", { minutes: CLAIM_CODE_TTL_MS / 60_000, time }),
          { link: t("mail.companyClaim.link"), url: `${args.origin}/companies/${company.slug}/claim` },
          t("mail.companyClaim.ignore"),
        ],
      });
      queueMail(tx, { to: email, template: "company_claim_code", ...mail });
      return id;
    },
    { behavior: "immediate" },
  );
  return { ok: true, claimId, email, expiresAt };
}

export type VerifyClaimResult =
  | { ok: true; slug: string; verifiedAt: number }
  | { ok: false; kind: "not_found" | "used" | "expired" | "replaced" | "already_verified" }
  | { ok: false; kind: "wrong_code"; attemptsLeft: number }
  | { ok: false; kind: "too_many_attempts"; retryAfter: number };

/** A claim with its company's state, read in or out of a transaction. */
function readClaim(tx: Pick<Db, "select">, claimId: number) {
  return tx
    .select({
      id: companyClaims.id,
      userId: companyClaims.userId,
      method: companyClaims.method,
      status: companyClaims.status,
      email: companyClaims.email,
      codeHash: companyClaims.codeHash,
      expiresAt: companyClaims.expiresAt,
      companyId: companies.id,
      slug: companies.slug,
      state: companies.state,
    })
    .from(companyClaims)
    .innerJoin(companies, eq(companies.id, companyClaims.companyId))
    .where(eq(companyClaims.id, claimId))
    .get();
}

/** Checks the code of the user's claim; the right one makes them the verified company's owner. */
export function verifyDomainClaim(args: { userId: number; claimId: number; code: string; now?: number }): VerifyClaimResult {
  const now = args.now ?? Date.now();
  const db = getDb();
  const claim = readClaim(db, args.claimId);
  if (!claim || claim.userId !== args.userId || claim.method !== "domain_email" || !claim.codeHash) return { ok: false, kind: "not_found" };
  const refusal = claimRefusal(claim, now);
  if (refusal) return { ok: false, kind: refusal };

  // Counted before the comparison, and kept whatever it finds (a wrong code is the point).
  const perClaim = hit(`claim-try:claim:${claim.id}`, CLAIM_LIMITS.attemptsPerClaim, now, db);
  if (!perClaim.allowed) return { ok: false, kind: "too_many_attempts", retryAfter: perClaim.retryAfter };
  const perUser = hit(`claim-try:user:${args.userId}`, CLAIM_LIMITS.attemptsPerUser, now, db);
  if (!perUser.allowed) return { ok: false, kind: "too_many_attempts", retryAfter: perUser.retryAfter };

  const code = args.code.replace(/[\s-]/g, "");
  const given = hashCode(claim.id, code);
  if (!/^\d+$/.test(code) || claim.codeHash.length !== given.length || !crypto.timingSafeEqual(claim.codeHash, given)) {
    return { ok: false, kind: "wrong_code", attemptsLeft: Math.max(0, CLAIM_LIMITS.attemptsPerClaim.limit - perClaim.count) };
  }

  try {
    return confirmClaim(db, claim.id, args.userId, now);
  } catch (error) {
    if (error instanceof ClaimRaced) return { ok: false, kind: "used" };
    throw error;
  }
}

/** Thrown inside a transaction when the claim or the company changed under it: nothing stays. */
export class ClaimRaced extends Error {
  constructor() {
    super("The claim changed while it was being confirmed");
  }
}

/** The writes of a right code, in one BEGIN IMMEDIATE transaction. */
function confirmClaim(db: Db, claimId: number, userId: number, now: number): VerifyClaimResult {
  return db.transaction(
    (tx): VerifyClaimResult => {
      // Read again under the write lock: a concurrent request may have used the code, or
      // someone else may have verified the company meanwhile.
      const current = readClaim(tx, claimId);
      const late = current ? claimRefusal(current, now) : "not_found";
      if (!current || late) return { ok: false, kind: late ?? "not_found" };
      approveClaim(tx, {
        claimId: current.id,
        companyId: current.companyId,
        userId,
        actorId: userId,
        decidedBy: null,
        detail: { method: "domain_email", domain: current.email ? emailDomain(current.email) : null },
        now,
      });
      return { ok: true, slug: current.slug, verifiedAt: now };
    },
    { behavior: "immediate" },
  );
}

/**
 * What a proof does, inside the caller's write transaction: the pending claim approved, the
 * company verified (claimed since now if it was not), the other live claims on it retired,
 * whoever joined it without proof removed, the claimant its owner, each step in
 * company_events (`actorId`: the claimant who entered the code, or the moderator who
 * accepted the evidence; `detail` of the claim_verified event: how it was proved). Throws
 * ClaimRaced, so that nothing stays, when the claim is no longer pending or the company is
 * verified already.
 */
export function approveClaim(
  w: Writer,
  args: { claimId: number; companyId: number; userId: number; actorId: number; decidedBy: number | null; detail: object; now: number },
) {
  const { claimId, companyId, userId, actorId, now } = args;
  const approved = w
    .update(companyClaims)
    .set({ status: "approved", decidedAt: now, decidedBy: args.decidedBy })
    .where(and(eq(companyClaims.id, claimId), eq(companyClaims.status, "pending")))
    .run();
  const verified = w
    .update(companies)
    .set({ state: "verified", verifiedAt: now, claimedAt: sql`coalesce(${companies.claimedAt}, ${now})` })
    .where(and(eq(companies.id, companyId), ne(companies.state, "verified")))
    .run();
  // Unreachable under the write lock after the callers' checks; if it ever happens, nothing stays.
  if (approved.changes !== 1 || verified.changes !== 1) throw new ClaimRaced();

  // Nobody else's claim stands any more.
  w.update(companyClaims)
    .set({ status: "expired", decidedAt: now })
    .where(and(eq(companyClaims.companyId, companyId), eq(companyClaims.status, "pending")))
    .run();

  // Whoever joined while nobody had proved anything (the creator of an unverified page,
  // when someone else verifies it) leaves: only a proof gives a company's voice.
  const others = w
    .select({ userId: companyMembers.userId, role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), ne(companyMembers.userId, userId)))
    .all();
  if (others.length > 0) {
    w.delete(companyMembers)
      .where(
        and(
          eq(companyMembers.companyId, companyId),
          inArray(
            companyMembers.userId,
            others.map((o) => o.userId),
          ),
        ),
      )
      .run();
    for (const other of others) {
      logCompanyEvent(w, {
        companyId,
        actorId,
        kind: "member_removed",
        claimId,
        detail: { userId: other.userId, role: other.role, why: "unverified_before_verification" },
        now,
      });
    }
  }

  const existing = w
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
    .get();
  if (!existing) {
    w.insert(companyMembers).values({ companyId, userId, role: "owner", createdAt: now }).run();
    logCompanyEvent(w, { companyId, actorId, kind: "member_added", claimId, detail: { userId, role: "owner" }, now });
  } else if (existing.role !== "owner") {
    w.update(companyMembers)
      .set({ role: "owner" })
      .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)))
      .run();
  }
  logCompanyEvent(w, { companyId, actorId, kind: "claim_verified", claimId, detail: args.detail, now });
}

/** A moderator's refusal of a pending claim, inside the caller's write transaction: the
 *  claim rejected and the refusal in company_events. Throws ClaimRaced when the claim is no
 *  longer pending. */
export function refuseClaim(w: Writer, args: { claimId: number; companyId: number; actorId: number; detail: object; now: number }) {
  const refused = w
    .update(companyClaims)
    .set({ status: "rejected", decidedAt: args.now, decidedBy: args.actorId })
    .where(and(eq(companyClaims.id, args.claimId), eq(companyClaims.status, "pending")))
    .run();
  if (refused.changes !== 1) throw new ClaimRaced();
  logCompanyEvent(w, {
    companyId: args.companyId,
    actorId: args.actorId,
    kind: "claim_refused",
    claimId: args.claimId,
    detail: args.detail,
    now: args.now,
  });
}

function claimRefusal(
  claim: { status: "pending" | "approved" | "rejected" | "expired"; expiresAt: number | null; state: CompanyState },
  now: number,
): "used" | "expired" | "replaced" | "already_verified" | null {
  if (claim.status === "approved") return "used";
  if (claim.state === "verified") return "already_verified";
  if (claim.status === "expired") return "replaced";
  if (claim.status !== "pending") return "expired";
  if (claim.expiresAt == null || claim.expiresAt <= now) return "expired";
  return null;
}

// ─── Claims with evidence ─────────────────────────────────────────────────────

/** A claim's evidence: the claimant's explanation of their role, a link or none, and a
 *  document or none (app/models/claim-documents.server.ts). */
export interface ClaimEvidence {
  explanation: string;
  /** An http(s) URL (app/lib/company-claim-form.ts's normalizeEvidenceUrl), or null. */
  url: string | null;
  document: ClaimDocument | null;
}

/** How company_claims.evidence holds it: JSON {"explanation", "url", "document"}. */
function storedEvidence(evidence: ClaimEvidence): string {
  return JSON.stringify({ explanation: evidence.explanation, url: evidence.url, document: evidence.document });
}

function readDocument(value: unknown): ClaimDocument | null {
  if (!value || typeof value !== "object") return null;
  const d = value as Record<string, unknown>;
  if (!isClaimDocumentKey(d.key) || typeof d.mime !== "string" || typeof d.name !== "string" || typeof d.bytes !== "number") return null;
  return { key: d.key, mime: d.mime, name: d.name, bytes: d.bytes };
}

/** The evidence of a stored claim. Text that is not that JSON (claims written before it, the
 *  demo's) is the explanation, without a link; a stored link that is not an http(s) URL is
 *  never handed out as one. */
export function readEvidence(stored: string | null): ClaimEvidence {
  if (!stored) return { explanation: "", url: null, document: null };
  try {
    const value: unknown = JSON.parse(stored);
    if (value && typeof value === "object" && "explanation" in value && typeof value.explanation === "string") {
      const url = "url" in value && typeof value.url === "string" ? normalizeEvidenceUrl(value.url) : null;
      const document = "document" in value ? readDocument(value.document) : null;
      return { explanation: value.explanation, url, document };
    }
  } catch {
    /* plain text */
  }
  return { explanation: stored, url: null, document: null };
}

export type EvidenceClaimResult =
  | { ok: true; claimId: number; createdAt: number }
  | { ok: false; kind: "not_found" | "already_verified" | "already_pending" | "invalid_url" }
  | { ok: false; kind: "rate_limited"; retryAfter: number };

/**
 * Files the user's claim with evidence on the company at `slug`, for a moderator to accept
 * or refuse (app/models/claim-queue.server.ts). `explanation` and `evidenceUrl` are the
 * form's (app/lib/company-claim-form.ts's claimEvidenceSchema). One claim waits per user and
 * company; each one sent counts against CLAIM_LIMITS.evidencePerUser.
 */
export function requestEvidenceClaim(args: {
  userId: number;
  slug: string;
  explanation: string;
  evidenceUrl?: string | null;
  /** Stored already (storeClaimDocument); the caller removes it when the claim is refused. */
  document?: ClaimDocument | null;
  now?: number;
}): EvidenceClaimResult {
  const now = args.now ?? Date.now();
  const db = getDb();
  const company = db.select({ id: companies.id, state: companies.state }).from(companies).where(eq(companies.slug, args.slug)).get();
  if (!company) return { ok: false, kind: "not_found" };
  if (company.state === "verified") return { ok: false, kind: "already_verified" };
  const url = args.evidenceUrl ? normalizeEvidenceUrl(args.evidenceUrl) : null;
  if (args.evidenceUrl && !url) return { ok: false, kind: "invalid_url" };
  if (waitingEvidenceClaim(db, company.id, args.userId)) return { ok: false, kind: "already_pending" };

  const limit = hit(`claim-evidence:user:${args.userId}`, CLAIM_LIMITS.evidencePerUser, now, db);
  if (!limit.allowed) return { ok: false, kind: "rate_limited", retryAfter: limit.retryAfter };

  return db.transaction(
    (tx): EvidenceClaimResult => {
      // Again under the write lock: a second request sent at the same time finds the first.
      const state = tx.select({ state: companies.state }).from(companies).where(eq(companies.id, company.id)).get();
      if (state?.state === "verified") return { ok: false, kind: "already_verified" };
      if (waitingEvidenceClaim(tx, company.id, args.userId)) return { ok: false, kind: "already_pending" };
      const { id } = tx
        .insert(companyClaims)
        .values({
          companyId: company.id,
          userId: args.userId,
          method: "evidence",
          evidence: storedEvidence({ explanation: args.explanation, url, document: args.document ?? null }),
          status: "pending",
          createdAt: now,
        })
        .returning({ id: companyClaims.id })
        .get();
      logCompanyEvent(tx, {
        companyId: company.id,
        actorId: args.userId,
        kind: "claim_requested",
        claimId: id,
        detail: { method: "evidence", urlHost: url ? new URL(url).hostname : null, document: args.document != null },
        now,
      });
      return { ok: true, claimId: id, createdAt: now };
    },
    { behavior: "immediate" },
  );
}

// ─── Adding a company ─────────────────────────────────────────────────────────

export type CreateCompanyResult =
  | { ok: true; companyId: number; slug: string }
  | { ok: false; kind: "domain_taken"; company: { slug: string; name: string } }
  | { ok: false; kind: "website"; problem: "invalid" | "free_mail" }
  | { ok: false; kind: "unknown_category" }
  | { ok: false; kind: "rate_limited"; retryAfter: number };

/**
 * Adds a company that the user says is theirs: claimed (not verified) with the user as its
 * owner, filed under one category, with its website as a first subject so that reviews can
 * be written at once. `website` is what they typed: a URL or a bare domain.
 */
export function createCompany(args: {
  userId: number;
  name: string;
  website: string;
  categoryId: number;
  now?: number;
}): CreateCompanyResult {
  const now = args.now ?? Date.now();
  const db = getDb();
  const parsed = companyDomainFrom(args.website);
  if ("problem" in parsed) return { ok: false, kind: "website", problem: parsed.problem };
  const { domain } = parsed;
  const website = websiteUrl(args.website, domain);

  const limit = hit(`company-create:user:${args.userId}`, CLAIM_LIMITS.companiesPerUser, now, db);
  if (!limit.allowed) return { ok: false, kind: "rate_limited", retryAfter: limit.retryAfter };

  return db.transaction(
    (tx): CreateCompanyResult => {
      const taken = tx
        .select({ slug: companies.slug, name: companies.name })
        .from(companies)
        .where(or(eq(companies.domain, domain), eq(companies.domain, `www.${domain}`)))
        .orderBy(asc(companies.id))
        .get();
      if (taken) return { ok: false, kind: "domain_taken", company: taken };
      const category = tx.select({ id: categories.id }).from(categories).where(eq(categories.id, args.categoryId)).get();
      if (!category) return { ok: false, kind: "unknown_category" };

      const slug = uniqueCompanySlug(tx, args.name, domain);
      const { id: companyId } = tx
        .insert(companies)
        .values({ slug, name: args.name, domain, website, state: "claimed", claimedAt: now, createdAt: now })
        .returning({ id: companies.id })
        .get();
      tx.insert(companyCategories).values({ companyId, categoryId: category.id }).run();
      tx.insert(subjects)
        .values({ companyId, kind: "website", slug: slugify(domain).slice(0, 60) || "site", name: domain, url: website, createdAt: now })
        .run();
      tx.insert(companyMembers).values({ companyId, userId: args.userId, role: "owner", createdAt: now }).run();
      logCompanyEvent(tx, { companyId, actorId: args.userId, kind: "company_created", detail: { domain, categoryId: category.id }, now });
      logCompanyEvent(tx, { companyId, actorId: args.userId, kind: "member_added", detail: { userId: args.userId, role: "owner" }, now });
      return { ok: true, companyId, slug };
    },
    { behavior: "immediate" },
  );
}

/** The website to link: the URL typed (scheme, host and path, nothing else), or https:// and the domain. */
export function websiteUrl(input: string, domain: string): string {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const host = normalizeHost(url.hostname);
      if (host) return `${url.protocol}//${host}${url.pathname === "/" ? "" : url.pathname}`;
    } catch {
      /* the domain below */
    }
  }
  return `https://${domain}`;
}

/** slugify(name) (or the domain's), made unique with -2, -3…; never a reserved word. */
export function uniqueCompanySlug(tx: Pick<Db, "select">, name: string, domain: string): string {
  const fromName = slugify(name).slice(0, 60).replace(/-+$/, "");
  const base = fromName || slugify(domain).slice(0, 60).replace(/-+$/, "") || "company";
  const rows = tx
    .select({ slug: companies.slug })
    .from(companies)
    .where(or(eq(companies.slug, base), like(companies.slug, `${base}-%`)))
    .all();
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base) && !RESERVED_SLUGS.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** How many companies the user is a member of (the "For companies" page's way to the dashboard). */
export function countMemberships(userId: number): number {
  return getDb().select({ n: count() }).from(companyMembers).where(eq(companyMembers.userId, userId)).get()?.n ?? 0;
}

/** The document of a claim with evidence, for the moderators' download. */
export function claimDocumentOf(claimId: number, db: Db = getDb()): ClaimDocument | null {
  const row = db
    .select({ evidence: companyClaims.evidence })
    .from(companyClaims)
    .where(and(eq(companyClaims.id, claimId), eq(companyClaims.method, "evidence")))
    .get();
  return row ? readEvidence(row.evidence).document : null;
}
