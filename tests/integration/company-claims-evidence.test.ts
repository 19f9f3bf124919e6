// Claims with evidence, end to end against a real SQLite database: the form on
// /companies/:slug/claim (its errors next to the fields and what was typed kept, one waiting
// request per user and company, a limit per user), then the moderators' queue
// (/moderation/claims, oldest first by keyset pages, counted on the dashboard) and its case
// page (/moderation/claims/:id): accepting makes the claimant the owner of the verified
// company through the same writes as a right code, refusing changes nothing for the
// company, and either writes the claim's status, the log row, the company events and the
// statement of reasons (on the site and by mail, in the claimant's language) in one
// transaction. A moderator cannot decide their own claim; the second of two decisions gets
// 409 and writes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { CLAIM_EXPLANATION_MIN_WITHOUT_URL } from "~/lib/company-claim-form";
import { decideClaim, getClaimCase, listClaimQueue } from "~/models/claim-queue.server";
import { CLAIM_LIMITS, listCompanyEvents, readEvidence, requestEvidenceClaim, type ClaimPageData } from "~/models/company-claims.server";
import { getQueueStatement, getQueuesSummary } from "~/models/moderation-queues.server";
import * as claimRoute from "~/routes/companies.$slug.claim";
import * as caseRoute from "~/routes/moderation.claims_.$id";
import * as queueRoute from "~/routes/moderation.claims";
import * as dashboardRoute from "~/routes/moderation._index";
import { loader as statementLoader } from "~/routes/statements.decision.$id";
import {
  account,
  type Account,
  addMember,
  clearRateLimits,
  makeCompany,
  ORIGIN,
  outboxFor,
  outcome,
  shownAnswer,
} from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

const client = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) =>
  client()
    .prepare(sql)
    .pluck()
    .get(...args) as number;

const EXPLANATION =
  "Je suis la gérante de la boutique depuis 2019 ; les mentions légales du site me nomment comme directrice de la publication.";
const LONG_EXPLANATION =
  "Je suis la gérante de la boutique depuis 2019. Vous pouvez le vérifier sur Infogreffe (SIREN 812 345 678), où je figure comme présidente, et sur la page « Qui sommes-nous » du site, qui me présente avec l’équipe.";
const STATEMENT = "Les mentions légales du site de l’entreprise nomment la demandeuse comme gérante.";

type RouteFn = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
const call = (fn: unknown, request: Request, params: Record<string, string> = {}) =>
  outcome(() => (fn as RouteFn)({ request, params, context: { clientIp: "198.51.100.7" } }));
const post = (path: string, fields: Record<string, string>, cookie: string) =>
  new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "fr" },
  });
const get = (path: string, cookie = "") =>
  new Request(`${ORIGIN}${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), "Accept-Language": "fr" } });

let sequence = 0;
function company(state: "unclaimed" | "claimed" = "unclaimed", domain: string | undefined = `maison-preuve-${++sequence}.fr`) {
  const slug = `maison-preuve-${sequence}-${Date.now()}`;
  const { id } = makeCompany({ slug, name: `Maison Preuve ${sequence}`, state, domain });
  return { id, slug, domain, name: `Maison Preuve ${sequence}` };
}

function ask(
  who: Account,
  slug: string,
  fields: Record<string, string> = { explanation: EXPLANATION, evidenceUrl: "https://www.example.fr/mentions-legales" },
) {
  return call(claimRoute.action, post(`/companies/${slug}/claim`, { intent: "evidence", ...fields }, who.cookie), { slug });
}

/** A claim filed through the model, at `now`. */
function filed(who: Account, slug: string, now = Date.now()) {
  const result = requestEvidenceClaim({
    userId: who.id,
    slug,
    explanation: EXPLANATION,
    evidenceUrl: "https://www.example.fr/mentions-legales",
    now,
  });
  if (!result.ok) throw new Error(`claim refused: ${result.kind}`);
  return result.claimId;
}

/** Everything a decision writes, to show that a refused one wrote nothing. */
const writes = () => ({
  decisions: count(`SELECT count(*) FROM moderation_decisions`),
  events: count(`SELECT count(*) FROM company_events`),
  notifications: count(`SELECT count(*) FROM notifications`),
  mails: count(`SELECT count(*) FROM outbox`),
  members: client().prepare(`SELECT company_id, user_id, role FROM company_members ORDER BY company_id, user_id`).all(),
  claims: client().prepare(`SELECT id, status, decided_by, decided_at FROM company_claims ORDER BY id`).all(),
  companies: client().prepare(`SELECT id, state, verified_at FROM companies ORDER BY id`).all(),
});

const decideForm = (decision: "accept" | "refuse", reason: string, version = "0") => ({ decision, reason, statement: STATEMENT, version });
const decide = (who: Account, claimId: number, form: Record<string, string>) =>
  call(caseRoute.action, post(`/moderation/claims/${claimId}`, form, who.cookie), { id: String(claimId) });

let moderator: Account;
let second: Account;
let claimant: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Demandes" });
  second = await account({ role: "moderator", name: "Modérateur Second" });
  claimant = await account({ locale: "fr", name: "Camille Gérante" });
});

beforeEach(() => clearRateLimits());

describe("the claim page's form with evidence", () => {
  it("answers 400 with each error next to its field, what was typed kept, and writes nothing", async () => {
    const c = company();
    const before = count(`SELECT count(*) FROM company_claims`);

    const empty = await ask(claimant, c.slug, { explanation: "", evidenceUrl: "" });
    expect(empty.status).toBe(400);
    expect((empty.data as { intent: string }).intent).toBe("evidence");
    expect(shownAnswer(empty.data).errors).toEqual({ explanation: "Indiquez votre fonction dans l’entreprise, et comment la vérifier." });

    const badUrl = await ask(claimant, c.slug, { explanation: EXPLANATION, evidenceUrl: "javascript:alert(1)" });
    expect(badUrl.status).toBe(400);
    const shown = shownAnswer(badUrl.data);
    expect(Object.keys(shown.errors)).toEqual(["evidenceUrl"]);
    expect(shown.errors.evidenceUrl).toMatch(/adresse web/);
    expect(shown.values).toMatchObject({ explanation: EXPLANATION, evidenceUrl: "javascript:alert(1)" });

    // Without a link, the explanation must say where the role can be checked.
    const noLink = await ask(claimant, c.slug, { explanation: EXPLANATION });
    expect(EXPLANATION.length).toBeLessThan(CLAIM_EXPLANATION_MIN_WITHOUT_URL);
    expect(noLink.status).toBe(400);
    expect(shownAnswer(noLink.data).errors.explanation).toContain(`au moins ${CLAIM_EXPLANATION_MIN_WITHOUT_URL} caractères`);
    expect(shownAnswer(noLink.data).values.explanation).toBe(EXPLANATION);

    const tooLong = await ask(claimant, c.slug, { explanation: "x".repeat(2001), evidenceUrl: "https://example.fr" });
    expect(tooLong.status).toBe(400);
    expect(shownAnswer(tooLong.data).errors.explanation).toBe("2\u202f000 caractères au plus.");

    expect(count(`SELECT count(*) FROM company_claims`)).toBe(before);
  });

  it("files the request, then the page says since when it waits, and a second one is refused", async () => {
    const who = await account({ locale: "fr" });
    const c = company("unclaimed", undefined);
    // A bare domain is taken as https://; the link is stored with the explanation.
    const sent = await ask(who, c.slug, { explanation: EXPLANATION, evidenceUrl: "www.maison-exemple.fr/mentions-legales#equipe" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/companies/${c.slug}/claim`);
    expect(await flashKeyOf(sent)).toBe("flash.claimRequested");
    const row = client()
      .prepare(`SELECT id, method, status, evidence, created_at AS createdAt FROM company_claims WHERE company_id = ?`)
      .get(c.id) as {
      id: number;
      method: string;
      status: string;
      evidence: string;
      createdAt: number;
    };
    expect(row).toMatchObject({ method: "evidence", status: "pending" });
    expect(readEvidence(row.evidence)).toEqual({
      explanation: EXPLANATION,
      url: "https://www.maison-exemple.fr/mentions-legales",
      document: null,
    });
    expect(listCompanyEvents(c.id).map((e) => [e.kind, e.claimId, e.actorId])).toEqual([["claim_requested", row.id, who.id]]);
    // The company itself is unchanged until a moderator decides.
    expect(client().prepare(`SELECT state FROM companies WHERE id = ?`).pluck().get(c.id)).toBe("unclaimed");

    const page = (await call(claimRoute.loader, get(`/companies/${c.slug}/claim`, who.cookie), { slug: c.slug }))
      .data as ClaimPageData | null;
    expect(page?.evidenceClaim).toEqual({ id: row.id, createdAt: row.createdAt });

    const again = await ask(who, c.slug, { explanation: LONG_EXPLANATION });
    expect(again.status).toBe(409);
    expect(shownAnswer(again.data).formError).toBe(
      "Vous avez déjà demandé à gérer cette entreprise : votre demande attend un modérateur.".replace(/ ([:;])/g, "\u202F$1"),
    );
    expect(count(`SELECT count(*) FROM company_claims WHERE company_id = ?`, c.id)).toBe(1);
  });

  it("is open to a company without a domain (a long explanation, no link), and closed once the company is verified", async () => {
    const who = await account();
    const noDomain = company("unclaimed", undefined);
    client().prepare(`UPDATE companies SET domain = NULL WHERE id = ?`).run(noDomain.id);
    expect((await ask(who, noDomain.slug, { explanation: LONG_EXPLANATION })).status).toBe(302);

    const verified = makeCompany({ slug: `maison-verifiee-${Date.now()}`, state: "verified", domain: "maison-verifiee.fr" });
    const slug = client().prepare(`SELECT slug FROM companies WHERE id = ?`).pluck().get(verified.id) as string;
    const refused = await ask(who, slug);
    expect(refused.status).toBe(409);
    expect(count(`SELECT count(*) FROM company_claims WHERE company_id = ?`, verified.id)).toBe(0);
  });

  it(`limits each user to ${CLAIM_LIMITS.evidencePerUser.limit} requests a day, whatever the company (429 with Retry-After, nothing written)`, async () => {
    const who = await account();
    for (let i = 0; i < CLAIM_LIMITS.evidencePerUser.limit; i++) expect((await ask(who, company().slug)).status).toBe(302);
    const c = company();
    const limited = await ask(who, c.slug);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(shownAnswer(limited.data).formError).toMatch(/Réessayez dans \d+/);
    expect(shownAnswer(limited.data).values.explanation).toBe(EXPLANATION);
    expect(count(`SELECT count(*) FROM company_claims WHERE company_id = ?`, c.id)).toBe(0);
    // Another user is not limited by it; the window ends after a day (injected clock).
    expect(requestEvidenceClaim({ userId: claimant.id, slug: c.slug, explanation: LONG_EXPLANATION }).ok).toBe(true);
    const later = requestEvidenceClaim({
      userId: who.id,
      slug: company().slug,
      explanation: LONG_EXPLANATION,
      now: Date.now() + CLAIM_LIMITS.evidencePerUser.windowMs + 1000,
    });
    expect(later.ok).toBe(true);
  });
});

describe("the claims queue", () => {
  it("lists waiting claims with evidence oldest first, by keyset pages, and the dashboard counts them", async () => {
    const t0 = Date.now() - 30 * 86_400_000;
    const who = await account();
    const ids = [filed(who, company().slug, t0 + 3000), filed(who, company().slug, t0 + 1000), filed(who, company().slug, t0 + 2000)];
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page = listClaimQueue({ after, limit: 1 });
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    expect(seen.filter((id) => ids.includes(id))).toEqual([ids[1], ids[2], ids[0]]);
    expect(new Set(seen).size).toBe(seen.length);
    // Claims by code are not in it.
    const codeClaims = client().prepare(`SELECT id FROM company_claims WHERE method = 'domain_email'`).pluck().all() as number[];
    expect(seen.some((id) => codeClaims.includes(id))).toBe(false);

    const summary = getQueuesSummary().claims;
    expect(summary.count).toBe(count(`SELECT count(*) FROM company_claims WHERE method = 'evidence' AND status = 'pending'`));
    expect(summary.oldestAt).toBe(count(`SELECT min(created_at) FROM company_claims WHERE method = 'evidence' AND status = 'pending'`));
    const dashboard = (await call(dashboardRoute.loader, get("/moderation", moderator.cookie))).data as {
      queues: { claims: { count: number } };
    };
    expect(dashboard.queues.claims.count).toBe(summary.count);
    const queue = await call(queueRoute.loader, get("/moderation/claims", moderator.cookie));
    expect(queue.status).toBe(200);
    expect((await call(queueRoute.loader, get("/moderation/claims", claimant.cookie))).status).toBe(403);
  });

  it("the case page shows the company, its members, the claimant's facts and other claims, and the evidence", async () => {
    const c = company("claimed");
    const creator = await account({ name: "Créateur Non Vérifié" });
    addMember(c.id, creator.id, "owner");
    const who = await account({ name: "Demandeuse Dossier" });
    const earlier = filed(who, company().slug);
    const claimId = requestEvidenceClaim({
      userId: who.id,
      slug: c.slug,
      explanation: EXPLANATION,
      evidenceUrl: `https://shop.${c.domain}/equipe`,
    });
    if (!claimId.ok) throw new Error(claimId.kind);
    const answer = await call(caseRoute.loader, get(`/moderation/claims/${claimId.claimId}`, moderator.cookie), {
      id: String(claimId.claimId),
    });
    expect(answer.status).toBe(200);
    const view = (answer.data as { case: NonNullable<ReturnType<typeof getClaimCase>> }).case;
    expect(view.item.company).toMatchObject({ id: c.id, domain: c.domain, state: "claimed" });
    expect(view.company.members).toEqual([expect.objectContaining({ userId: creator.id, role: "owner" })]);
    expect(view.evidence).toEqual({ explanation: EXPLANATION, url: `https://shop.${c.domain}/equipe`, document: null });
    expect(view.urlOnCompanyDomain).toBe(true);
    expect(view.claimant).toMatchObject({ id: who.id, emailVerified: true });
    // The tests' addresses are at example.test, not the company's domain.
    expect(view.emailDomain).toBe("example.test");
    expect(view.emailMatch).toBe("other_domain");
    expect(view.otherClaims.map((o) => o.id)).toEqual([earlier]);
    expect(view.version).toBe(0);
    expect(view.refusal).toBeNull();
    // A claim id that is not a claim with evidence is a 404.
    const missing = await call(caseRoute.loader, get(`/moderation/claims/99999999`, moderator.cookie), { id: "99999999" });
    expect(missing.status).toBe(404);
  });
});

describe("deciding a claim", () => {
  it("accepting makes the claimant the owner of the verified company, logs the decision and the events, and tells them in their language", async () => {
    const c = company("claimed");
    const creator = await account({ name: "Créateur Sans Preuve" });
    addMember(c.id, creator.id, "owner");
    const who = await account({ locale: "fr", name: "Gérante Acceptée" });
    const other = await account();
    const claimId = filed(who, c.slug);
    const otherClaim = filed(other, c.slug);
    const mails = outboxFor(who.email).length;

    const answer = await decide(moderator, claimId, decideForm("accept", "claim_role_shown"));
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/moderation/claims");
    expect(await flashKeyOf(answer)).toBe("flash.queueDecided");

    const companyRow = client()
      .prepare(`SELECT state, verified_at AS verifiedAt, claimed_at AS claimedAt FROM companies WHERE id = ?`)
      .get(c.id) as {
      state: string;
      verifiedAt: number;
      claimedAt: number | null;
    };
    expect(companyRow.state).toBe("verified");
    expect(companyRow.verifiedAt).toBeGreaterThan(0);
    // The claimant is the only member, its owner: the creator who proved nothing left.
    expect(client().prepare(`SELECT user_id AS userId, role FROM company_members WHERE company_id = ?`).all(c.id)).toEqual([
      { userId: who.id, role: "owner" },
    ]);
    expect(client().prepare(`SELECT status, decided_by AS decidedBy FROM company_claims WHERE id = ?`).get(claimId)).toEqual({
      status: "approved",
      decidedBy: moderator.id,
    });
    expect(client().prepare(`SELECT status FROM company_claims WHERE id = ?`).pluck().get(otherClaim)).toBe("expired");

    const decision = client()
      .prepare(
        `SELECT id, actor_id AS actorId, decision, reason, statement, automated FROM moderation_decisions WHERE target_type = 'claim' AND target_id = ?`,
      )
      .all(claimId) as { id: number; actorId: number; decision: string; reason: string; statement: string; automated: number }[];
    expect(decision).toEqual([
      {
        id: expect.any(Number),
        actorId: moderator.id,
        decision: "claim_accept",
        reason: "claim_role_shown",
        statement: STATEMENT,
        automated: 0,
      },
    ]);
    const decisionId = decision[0]!.id;

    const events = listCompanyEvents(c.id).filter((e) => e.claimId === claimId);
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ["claim_verified", moderator.id],
      ["member_added", moderator.id],
      ["member_removed", moderator.id],
      ["claim_requested", who.id],
    ]);
    expect(JSON.parse(events[0]!.detail)).toEqual({ method: "evidence", decisionId, reason: "claim_role_shown" });
    expect(JSON.parse(events[2]!.detail)).toEqual({ userId: creator.id, role: "owner", why: "unverified_before_verification" });

    const note = client().prepare(`SELECT kind, link FROM notifications WHERE user_id = ? ORDER BY id DESC`).get(who.id);
    expect(note).toEqual({ kind: "claim_accepted", link: `/statements/decision/${decisionId}` });
    const mail = outboxFor(who.email).at(-1)!;
    expect(outboxFor(who.email).length).toBe(mails + 1);
    expect(mail.template).toBe("statement_claim_accept");
    expect(mail.subject).toContain(`Vous gérez désormais ${c.name}`);
    expect(mail.text).toContain(STATEMENT);
    expect(mail.text).toContain(`/statements/decision/${decisionId}`);
    expect(mail.text).toContain("/transparency#reason-claim_role_shown");

    // The statement of reasons: the claimant and moderators, nobody else.
    expect(getQueueStatement(decisionId, { id: who.id, role: "member" })).toMatchObject({ decision: "claim_accept", companyName: c.name });
    expect(getQueueStatement(decisionId, { id: other.id, role: "member" })).toBeNull();
    expect((await call(statementLoader, get(`/statements/decision/${decisionId}`, who.cookie), { id: String(decisionId) })).status).toBe(
      200,
    );
    expect((await call(statementLoader, get(`/statements/decision/${decisionId}`, other.cookie), { id: String(decisionId) })).status).toBe(
      404,
    );

    // The claim left the queue, and its case page offers no decision any more.
    expect(listClaimQueue({ limit: 500 }).items.some((i) => i.id === claimId)).toBe(false);
    expect(getClaimCase(claimId, moderator)?.status).toBe("approved");
  });

  it("refusing changes nothing for the company, logs it, tells the claimant, and they may ask again", async () => {
    const c = company("unclaimed");
    const who = await account({ locale: "en", name: "Refused Claimant" });
    const claimId = filed(who, c.slug);

    const answer = await decide(moderator, claimId, decideForm("refuse", "claim_role_not_shown"));
    expect(answer.status).toBe(302);
    expect(client().prepare(`SELECT state, verified_at AS verifiedAt FROM companies WHERE id = ?`).get(c.id)).toEqual({
      state: "unclaimed",
      verifiedAt: null,
    });
    expect(count(`SELECT count(*) FROM company_members WHERE company_id = ?`, c.id)).toBe(0);
    expect(client().prepare(`SELECT status, decided_by AS decidedBy FROM company_claims WHERE id = ?`).get(claimId)).toEqual({
      status: "rejected",
      decidedBy: moderator.id,
    });
    const decisionId = count(
      `SELECT id FROM moderation_decisions WHERE target_type = 'claim' AND target_id = ? AND decision = 'claim_refuse'`,
      claimId,
    );
    expect(decisionId).toBeGreaterThan(0);
    expect(listCompanyEvents(c.id).map((e) => e.kind)).toEqual(["claim_refused", "claim_requested"]);
    expect(client().prepare(`SELECT kind, link FROM notifications WHERE user_id = ? ORDER BY id DESC`).get(who.id)).toEqual({
      kind: "claim_refused",
      link: `/statements/decision/${decisionId}`,
    });
    const mail = outboxFor(who.email).at(-1)!;
    expect(mail.subject).toBe(`Your request to manage ${c.name} was refused`);
    expect(mail.text).toContain("Role at the company not shown");

    // Nothing waits any more: the page offers the form again, and a new request is filed.
    const page = (await call(claimRoute.loader, get(`/companies/${c.slug}/claim`, who.cookie), { slug: c.slug }))
      .data as ClaimPageData | null;
    expect(page?.evidenceClaim).toBeNull();
    expect((await ask(who, c.slug)).status).toBe(302);
  });

  it("takes a reason that fits the decision (400, the error next to the reason, nothing written)", async () => {
    const claimId = filed(await account(), company().slug);
    const before = writes();
    const answer = await decide(moderator, claimId, decideForm("accept", "claim_role_not_shown"));
    expect(answer.status).toBe(400);
    expect((answer.data as { result: { error: Record<string, string[]> } }).result.error.reason).toEqual(["claims.error.reasonAccept"]);
    const content = await decide(moderator, claimId, decideForm("refuse", "not_an_experience"));
    expect(content.status).toBe(400);
    expect(writes()).toEqual(before);
  });

  it("a moderator cannot decide their own claim, nor one on a company they belong to (403, nothing written)", async () => {
    const own = filed(moderator, company().slug);
    expect(getClaimCase(own, moderator)?.refusal).toBe("own_content");
    const before = writes();
    const answer = await decide(moderator, own, decideForm("accept", "claim_role_shown"));
    expect(answer.status).toBe(403);
    expect(writes()).toEqual(before);
    expect(
      decideClaim({
        actor: { id: moderator.id, role: "moderator" },
        claimId: own,
        decision: "refuse",
        reason: "claim_role_not_shown",
        statement: STATEMENT,
        version: 0,
      }),
    ).toEqual({
      ok: false,
      kind: "own_content",
    });

    const c = company("claimed");
    addMember(c.id, second.id, "owner");
    const theirs = filed(await account(), c.slug);
    const beforeTheirs = writes();
    expect(getClaimCase(theirs, second)?.refusal).toBe("company_member");
    expect((await decide(second, theirs, decideForm("refuse", "claim_role_not_shown"))).status).toBe(403);
    expect(writes()).toEqual(beforeTheirs);
    // Another moderator may decide both.
    expect((await decide(second, own, decideForm("refuse", "claim_role_not_shown"))).status).toBe(302);
  });

  it("the second of two decisions gets 409 and writes nothing; a stale page too", async () => {
    const c = company("claimed");
    const claimId = filed(await account(), c.slug);
    const first = await decide(moderator, claimId, decideForm("accept", "claim_role_shown"));
    expect(first.status).toBe(302);
    const before = writes();
    const again = await decide(second, claimId, decideForm("refuse", "claim_role_not_shown"));
    expect(again.status).toBe(409);
    expect((again.data as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["queues.error.already_decided"]);
    expect(writes()).toEqual(before);
    expect(client().prepare(`SELECT status FROM company_claims WHERE id = ?`).pluck().get(claimId)).toBe("approved");
    expect(count(`SELECT count(*) FROM moderation_decisions WHERE target_type = 'claim' AND target_id = ?`, claimId)).toBe(1);

    // A page opened before a decision (its version is behind the log) decides nothing either.
    const stale = filed(await account(), company().slug);
    client()
      .prepare(
        `INSERT INTO moderation_decisions (actor_id, target_type, target_id, decision, reason, statement) VALUES (?, 'claim', ?, 'note', 'claim_role_not_shown', 'Dossier examiné.')`,
      )
      .run(second.id, stale);
    const beforeStale = writes();
    expect((await decide(moderator, stale, decideForm("refuse", "claim_role_not_shown", "0"))).status).toBe(409);
    expect(writes()).toEqual(beforeStale);
  });

  it("is all or nothing: a failure while writing leaves the claim, the company, the members and the log as they were", async () => {
    const c = company("claimed");
    const claimId = filed(await account(), c.slug);
    const before = writes();
    client().exec(
      `CREATE TRIGGER test_fail_claim BEFORE INSERT ON company_events WHEN NEW.kind = 'claim_verified' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    try {
      expect(() =>
        decideClaim({
          actor: { id: moderator.id, role: "moderator" },
          claimId,
          decision: "accept",
          reason: "claim_role_shown",
          statement: STATEMENT,
          version: 0,
        }),
      ).toThrow(/disk on fire/);
    } finally {
      client().exec(`DROP TRIGGER test_fail_claim`);
    }
    expect(writes()).toEqual(before);
  });

  it("members and anonymous visitors cannot open or decide a case", async () => {
    const claimId = filed(await account(), company().slug);
    const before = writes();
    expect((await call(caseRoute.loader, get(`/moderation/claims/${claimId}`, claimant.cookie), { id: String(claimId) })).status).toBe(403);
    expect((await decide(claimant, claimId, decideForm("accept", "claim_role_shown"))).status).toBe(403);
    const anonymous = await call(caseRoute.action, post(`/moderation/claims/${claimId}`, decideForm("accept", "claim_role_shown"), ""), {
      id: String(claimId),
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login\?/);
    expect(writes()).toEqual(before);
  });
});
