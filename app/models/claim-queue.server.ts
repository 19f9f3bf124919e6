// The moderators' queue of claims with evidence (/moderation/claims): people without an
// address at a company's domain who ask to manage it, with an explanation of their role and
// an optional link (app/models/company-claims.server.ts's requestEvidenceClaim files them).
//
//   listClaimQueue  the claims waiting (company_claims method 'evidence', status 'pending'),
//                   the oldest first, by keyset pages on (created_at, id) over
//                   company_claims_status_idx.
//   getClaimCase    everything needed to decide in one screen: the company (domain, state,
//                   its members), the claimant (account facts, their address's domain against
//                   the company's, their other claims), the explanation and the link (and
//                   whether it is on the company's domain), the decisions on the claim.
//   decideClaim     accept (the claimant becomes the owner and the company verified, through
//                   company-claims.server.ts's approveClaim, the code path of a right code) or
//                   refuse, with a reason from CLAIM_REASONS and a statement, in one BEGIN
//                   IMMEDIATE transaction: the claim's status, the row of the append-only
//                   moderation log (target 'claim'), the company_events rows, and the statement
//                   of reasons to the claimant, on the site and by mail in their language
//                   (/statements/decision/:id). A moderator never decides their own claim, nor
//                   one on a company they belong to; the second of two moderators deciding at
//                   once is told it was already decided and writes nothing.
import { and, asc, desc, eq, ne, type SQL } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { companies, companyClaims, companyMembers, moderationDecisions, users } from "#db/schema";
import { emailDomain, emailMatchesCompanyDomain, isSameOrSubdomain, normalizeHost, type DomainMatch } from "~/lib/company-domain";
import { QUEUE_LOGGED, type ClaimDecision, type QueueDecisionView, type QueuePageOf, type QueueRefusal } from "~/lib/moderation-queues";
import type { ClaimReason } from "~/lib/moderation-reasons";
import { approveClaim, ClaimRaced, readEvidence, refuseClaim, type ClaimEvidence, type CompanyState } from "./company-claims.server";
import type { ModerationActor } from "./moderation.server";
import type { MemberRole } from "./permissions.server";
import {
  afterCursor,
  contentRefusal,
  decidedStatement,
  decisionsOn,
  isModerator,
  lastDecisionOn,
  logDecision,
  pageOf,
  personFacts,
  QUEUES_PAGE_SIZE,
  tell,
  type PersonFacts,
  type QueueDecideResult,
} from "./moderation-queues.server";

type ClaimStatus = "pending" | "approved" | "rejected" | "expired";

export interface ClaimItem {
  id: number;
  createdAt: number;
  company: { id: number; name: string; slug: string; domain: string | null; state: CompanyState };
  claimant: { id: number; name: string };
  /** The claimant's explanation, as they wrote it. */
  explanation: string;
  /** The host of their link, or null when they gave none. */
  urlHost: string | null;
}

function claimRows(db: Db, where: SQL | undefined, limit: number) {
  return db
    .select({
      id: companyClaims.id,
      createdAt: companyClaims.createdAt,
      status: companyClaims.status,
      evidence: companyClaims.evidence,
      decidedAt: companyClaims.decidedAt,
      userId: companyClaims.userId,
      userName: users.displayName,
      userEmail: users.email,
      companyId: companies.id,
      companyName: companies.name,
      companySlug: companies.slug,
      companyDomain: companies.domain,
      companyState: companies.state,
      claimedAt: companies.claimedAt,
      verifiedAt: companies.verifiedAt,
    })
    .from(companyClaims)
    .innerJoin(companies, eq(companies.id, companyClaims.companyId))
    .innerJoin(users, eq(users.id, companyClaims.userId))
    .where(and(eq(companyClaims.method, "evidence"), where))
    .orderBy(asc(companyClaims.createdAt), asc(companyClaims.id))
    .limit(limit)
    .all();
}

type ClaimRow = ReturnType<typeof claimRows>[number];

function toClaimItem(r: ClaimRow, evidence: ClaimEvidence = readEvidence(r.evidence)): ClaimItem {
  return {
    id: r.id,
    createdAt: r.createdAt,
    company: { id: r.companyId, name: r.companyName, slug: r.companySlug, domain: r.companyDomain, state: r.companyState },
    claimant: { id: r.userId, name: r.userName },
    explanation: evidence.explanation,
    urlHost: evidence.url ? new URL(evidence.url).hostname : null,
  };
}

/** The claims with evidence waiting for a moderator, the oldest first (keyset on (created_at, id)). */
export function listClaimQueue(options: { after?: string | null; limit?: number } = {}, db: Db = getDb()): QueuePageOf<ClaimItem> {
  const limit = options.limit ?? QUEUES_PAGE_SIZE;
  const rows = claimRows(
    db,
    and(eq(companyClaims.status, "pending"), afterCursor(options.after, companyClaims.createdAt, companyClaims.id)),
    limit + 1,
  );
  return pageOf(rows, limit, (page) => page.map((r) => toClaimItem(r)));
}

export interface ClaimCase {
  item: ClaimItem;
  status: ClaimStatus;
  decidedAt: number | null;
  evidence: ClaimEvidence;
  /** Whether the link is on the company's domain (or a subdomain); null without a link or a domain. */
  urlOnCompanyDomain: boolean | null;
  company: {
    claimedAt: number | null;
    verifiedAt: number | null;
    members: { userId: number; name: string; role: MemberRole; since: number }[];
  };
  claimant: PersonFacts | null;
  /** The domain of the claimant's account address, and how it compares with the company's. */
  emailDomain: string | null;
  emailMatch: DomainMatch;
  /** The claimant's other claims, on any company, newest first. */
  otherClaims: {
    id: number;
    companyName: string;
    companySlug: string;
    method: "domain_email" | "evidence";
    status: ClaimStatus;
    createdAt: number;
  }[];
  decisions: QueueDecisionView[];
  version: number;
  refusal: QueueRefusal | null;
}

/** Not their own claim, nor one on a company they belong to (contentRefusal). */
function claimRefusal(db: Db, actorId: number, row: { userId: number; companyId: number }): QueueRefusal | null {
  return contentRefusal(db, actorId, { authorId: row.userId, companyId: row.companyId });
}

function urlOnDomain(url: string | null, companyDomain: string | null): boolean | null {
  const domain = companyDomain ? normalizeHost(companyDomain) : null;
  if (!url || !domain) return null;
  const host = normalizeHost(new URL(url).hostname);
  return host != null && isSameOrSubdomain(host, domain.replace(/^www\./, ""));
}

export function getClaimCase(claimId: number, viewer: ModerationActor, db: Db = getDb()): ClaimCase | null {
  const [row] = claimRows(db, eq(companyClaims.id, claimId), 1);
  if (!row) return null;
  const evidence = readEvidence(row.evidence);
  const members = db
    .select({ userId: companyMembers.userId, name: users.displayName, role: companyMembers.role, since: companyMembers.createdAt })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(eq(companyMembers.companyId, row.companyId))
    .orderBy(asc(companyMembers.createdAt), asc(companyMembers.userId))
    .limit(100)
    .all();
  const otherClaims = db
    .select({
      id: companyClaims.id,
      companyName: companies.name,
      companySlug: companies.slug,
      method: companyClaims.method,
      status: companyClaims.status,
      createdAt: companyClaims.createdAt,
    })
    .from(companyClaims)
    .innerJoin(companies, eq(companies.id, companyClaims.companyId))
    .where(and(eq(companyClaims.userId, row.userId), ne(companyClaims.id, row.id)))
    .orderBy(desc(companyClaims.createdAt), desc(companyClaims.id))
    .limit(20)
    .all();
  return {
    item: toClaimItem(row, evidence),
    status: row.status,
    decidedAt: row.decidedAt,
    evidence,
    urlOnCompanyDomain: urlOnDomain(evidence.url, row.companyDomain),
    company: { claimedAt: row.claimedAt, verifiedAt: row.verifiedAt, members },
    claimant: personFacts(db, row.userId),
    emailDomain: emailDomain(row.userEmail),
    emailMatch: emailMatchesCompanyDomain(row.userEmail, row.companyDomain),
    otherClaims,
    decisions: decisionsOn(db, and(eq(moderationDecisions.targetType, "claim"), eq(moderationDecisions.targetId, row.id))),
    version: lastDecisionOn(db, "claim", row.id),
    refusal: claimRefusal(db, viewer.id, row),
  };
}

export interface ClaimDecideInput {
  actor: ModerationActor;
  claimId: number;
  decision: ClaimDecision;
  reason: ClaimReason;
  statement: string;
  /** The id of the last decision on the claim when the case was opened (0: none). */
  version: number;
  origin?: string;
  now?: number;
}

/** Accepts or refuses a claim with evidence (see the top of this file). */
export function decideClaim(input: ClaimDecideInput, db: Db = getDb()): QueueDecideResult {
  const now = input.now ?? Date.now();
  if (!isModerator(input.actor)) return { ok: false, kind: "not_moderator" };
  try {
    return claimTransaction(input, now, db);
  } catch (error) {
    // The claim changed under the decision (approveClaim, refuseClaim): the log row, the
    // events and the notice roll back with it.
    if (error instanceof ClaimRaced) return { ok: false, kind: "already_decided" };
    throw error;
  }
}

function claimTransaction(input: ClaimDecideInput, now: number, db: Db): QueueDecideResult {
  return db.$client
    .transaction((): QueueDecideResult => {
      const [row] = claimRows(db, eq(companyClaims.id, input.claimId), 1);
      if (!row) return { ok: false, kind: "not_found" };
      const refusal = claimRefusal(db, input.actor.id, row);
      if (refusal) return { ok: false, kind: refusal };
      if (row.status !== "pending" || lastDecisionOn(db, "claim", row.id) !== input.version) return { ok: false, kind: "already_decided" };
      // A company verified meanwhile (by a code) closes its claims; this is only a safeguard.
      if (input.decision === "accept" && row.companyState === "verified") return { ok: false, kind: "not_allowed" };

      const decision = QUEUE_LOGGED.claim[input.decision];
      const decisionId = logDecision(db, input, { targetType: "claim", targetId: row.id, decision }, now);
      const detail = { method: "evidence", decisionId, reason: input.reason };
      if (input.decision === "accept") {
        approveClaim(db, {
          claimId: row.id,
          companyId: row.companyId,
          userId: row.userId,
          actorId: input.actor.id,
          decidedBy: input.actor.id,
          detail,
          now,
        });
      } else {
        refuseClaim(db, { claimId: row.id, companyId: row.companyId, actorId: input.actor.id, detail, now });
      }
      tell(
        db,
        row.userId,
        { ...decidedStatement(decisionId, decision, input, now), companyName: row.companyName, reportedAt: row.createdAt },
        input.origin,
      );
      return { ok: true, decisionId };
    })
    .immediate();
}
