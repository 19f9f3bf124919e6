// The proofs, suggestions and conduct queues and the suspension of accounts
// (app/models/moderation-queues.server.ts), against a real SQLite database: each queue lists
// its items oldest first by keyset pages; each decision writes the log row, the new state,
// the counters (compared with a recomputation) and the statement of reasons in one
// transaction; the second of two decisions gets 409 and writes nothing; a moderator cannot
// decide on their own review or report; an accepted proof shows the "verified experience"
// label; an accepted suggestion's review is published and counted; a suspension ends the
// account's sessions and blocks writing, and a reinstatement restores it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { reviewSchema, isoDate } from "~/lib/review-schema";
import {
  decideConduct,
  decideProof,
  decideSuggestion,
  decideUser,
  getQueueStatement,
  getQueuesSummary,
  listConductQueue,
  listProofQueue,
  listSuggestionQueue,
} from "~/models/moderation-queues.server";
import { createReview, createReviewWithSuggestedSubject } from "~/models/review-submission.server";
import { getPublicReview } from "~/models/reviews.server";
import { createSession, validateSessionToken } from "~/models/session.server";
import { action as proofAction } from "~/routes/moderation.proofs_.$id";
import { action as conductAction } from "~/routes/moderation.conduct_.$id";
import { action as userAction } from "~/routes/moderation.users.$id";
import { action as flagAction } from "~/routes/reviews.$id_.flag";
import { loader as statementLoader } from "~/routes/statements.decision.$id";
import {
  account,
  type Account,
  callLoader,
  expectCountersMatch,
  getRequest,
  makeCompany,
  makeReview,
  makeSubject,
  outcome,
  postRequest,
  sessionCookie,
  storedCounters,
  thread,
} from "../support/fixtures";

const STATEMENT = "Le document montre l’achat dans ce magasin à la date indiquée par l’avis.";
const client = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) =>
  (
    client()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;
const outbox = (to: string) => count(`SELECT count(*) AS n FROM outbox WHERE "to" = ?`, to);
const decisionsOn = (type: string, id: number) =>
  count(`SELECT count(*) AS n FROM moderation_decisions WHERE target_type = ? AND target_id = ?`, type, id);

/** Everything a decision writes, to show that a refused one wrote nothing. */
const writes = () => ({
  decisions: count(`SELECT count(*) AS n FROM moderation_decisions`),
  notifications: count(`SELECT count(*) AS n FROM notifications`),
  mails: count(`SELECT count(*) AS n FROM outbox`),
  stats: client().prepare(`SELECT * FROM rating_stats ORDER BY scope, scope_id, origin`).all(),
});

let proofSeq = 0;
function addProof(reviewId: number, createdAt: number) {
  return client()
    .prepare(
      `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, proof_status, created_at)
       VALUES (?, 'proof', ?, 'image/png', 10, 10, 16, 'pending', ?) RETURNING id`,
    )
    .pluck()
    .get(reviewId, `proofkey${String(++proofSeq).padStart(14, "0")}`, createdAt) as number;
}

const base = (who: Account) => ({
  actor: { id: who.id, role: who.role },
  reason: "not_an_experience" as const,
  statement: STATEMENT,
  origin: "http://localhost",
});

let moderator: Account;
let second: Account;
let admin: Account;
let author: Account;
let staff: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Files" });
  second = await account({ role: "moderator", name: "Modérateur Second" });
  admin = await account({ role: "admin", name: "Admin Files" });
  author = await account({ locale: "fr", name: "Autrice Preuve" });
  staff = await account({ locale: "en", name: "Staff Files" });
});

describe("proofs of experience", () => {
  it("lists waiting proofs oldest first, by keyset pages", () => {
    const world = thread(author.id, staff.id);
    const t0 = Date.now() - 50 * 86_400_000;
    const ids = [addProof(world.reviewId, t0 + 3000), addProof(world.reviewId, t0 + 1000), addProof(world.reviewId, t0 + 2000)];
    const all: number[] = [];
    let after: string | null = null;
    do {
      const page = listProofQueue({ after, limit: 1 });
      all.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    const mine = all.filter((id) => ids.includes(id));
    expect(mine).toEqual([ids[1], ids[2], ids[0]]);
    expect(new Set(all).size).toBe(all.length);
    expect(getQueuesSummary().proofs.count).toBeGreaterThanOrEqual(3);
  });

  it("accepting moves the review to verified experience, counters and all, in one decision with its statement", () => {
    const world = thread(author.id, staff.id, { stars: 4 });
    const proofId = addProof(world.reviewId, Date.now() - 1000);
    const mails = outbox(author.email);
    const result = decideProof({ ...base(moderator), mediaId: proofId, decision: "accept", version: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(client().prepare(`SELECT proof_status FROM review_media WHERE id = ?`).pluck().get(proofId)).toBe("accepted");
    expect(getPublicReview(world.reviewId)?.origin).toBe("verified");
    expectCountersMatch(world.companyId);
    expect(storedCounters(world.companyId).find((r) => r.origin === "verified")?.reviewCount).toBe(1);
    expect(decisionsOn("media", proofId)).toBe(1);
    expect(outbox(author.email)).toBe(mails + 1);
    const note = client().prepare(`SELECT kind, link FROM notifications WHERE user_id = ? ORDER BY id DESC`).get(author.id) as {
      kind: string;
      link: string;
    };
    expect(note).toEqual({ kind: "proof_accepted", link: `/statements/decision/${result.decisionId}` });
    expect(getQueueStatement(result.decisionId, { id: author.id, role: "member" })?.decision).toBe("proof_accept");
    expect(getQueueStatement(result.decisionId, { id: staff.id, role: "member" })).toBeNull();
  });

  it("refusing keeps the review as it was; the second decision gets 409 and writes nothing", async () => {
    const world = thread(author.id, staff.id, { stars: 3 });
    const proofId = addProof(world.reviewId, Date.now() - 1000);
    const form = { decision: "refuse", reason: "not_an_experience", statement: STATEMENT, version: "0" };
    const call = (who: Account) =>
      outcome(() =>
        proofAction({
          request: postRequest(`/moderation/proofs/${proofId}`, form, { cookie: who.cookie }),
          params: { id: String(proofId) },
          context: {},
        } as ActionFunctionArgs),
      );
    const first = await call(moderator);
    expect(first.status).toBe(302);
    expect(getPublicReview(world.reviewId)?.origin).toBe("organic");
    expectCountersMatch(world.companyId);
    const before = writes();
    const again = await call(second);
    expect(again.status).toBe(409);
    expect(writes()).toEqual(before);
    expect(client().prepare(`SELECT proof_status FROM review_media WHERE id = ?`).pluck().get(proofId)).toBe("rejected");
  });

  it("a moderator cannot decide on the proof of their own review", async () => {
    const company = makeCompany();
    const reviewId = makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: moderator.id, stars: 5 });
    const proofId = addProof(reviewId, Date.now());
    const before = writes();
    const answer = await outcome(() =>
      proofAction({
        request: postRequest(
          `/moderation/proofs/${proofId}`,
          { decision: "accept", reason: "not_an_experience", statement: STATEMENT, version: "0" },
          { cookie: moderator.cookie },
        ),
        params: { id: String(proofId) },
        context: {},
      } as ActionFunctionArgs),
    );
    expect(answer.status).toBe(403);
    expect(writes()).toEqual(before);
  });
});

const BODIES = [
  "Le vendeur a pris le temps de me conseiller, sans insister, et le produit me convient.",
  "Rayons bien rangés, prix affichés clairement ; la caisse automatique était en panne ce jour-là.",
  "Commande retirée en dix minutes, emballage soigné, et une employée souriante à l'accueil.",
  "Parking difficile le samedi, mais l'équipe connaît ses produits et répond aux questions techniques.",
  "J'ai échangé une taille sans ticket : accepté sans discuter, ce qui m'a agréablement surpris.",
  "Boutique minuscule et encombrée ; j'ai quand même trouvé la pièce détachée introuvable ailleurs.",
];
let bodySeq = 0;

function suggest(who: Account, companyId: number, name: string, now = Date.now()) {
  const result = createReviewWithSuggestedSubject({
    actor: { id: who.id, role: who.role },
    companyId,
    suggestion: { kind: "store", name, city: "Nantes" },
    input: reviewSchema.parse({
      stars: "4",
      title: `Accueil chaleureux à ${name}`,
      body: BODIES[bodySeq++ % BODIES.length]!,
      experienceDate: isoDate(now - 5 * 86_400_000),
      channel: "store",
      recommend: "yes",
      language: "fr",
      attestation: "on",
    }),
    locale: "fr",
    ipHash: null,
    now,
  });
  if (!result.ok || result.subjectId == null) throw new Error(`suggestion refused: ${result.ok ? "" : result.kind}`);
  return { subjectId: result.subjectId, reviewId: result.reviewId };
}

describe("suggested subjects", () => {
  it("lists them oldest first, by keyset pages", () => {
    const company = makeCompany();
    const t0 = Date.now() - 40 * 86_400_000;
    const a = suggest(author, company.id, "Boutique Alpha", t0 + 2000);
    const b = suggest(author, company.id, "Boutique Beta", t0 + 1000);
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page = listSuggestionQueue({ after, limit: 1 });
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    expect(seen.filter((id) => id === a.subjectId || id === b.subjectId)).toEqual([b.subjectId, a.subjectId]);
  });

  it("accepting makes the subject active and publishes and counts its review; a second decision gets nothing", () => {
    const company = makeCompany();
    const s = suggest(author, company.id, "Boutique Gamma");
    expect(count(`SELECT count(*) AS n FROM rating_stats WHERE scope = 'company' AND scope_id = ? AND review_count > 0`, company.id)).toBe(
      0,
    );
    const result = decideSuggestion({ ...base(moderator), subjectId: s.subjectId, decision: "accept", version: 0 });
    expect(result.ok).toBe(true);
    expect(client().prepare(`SELECT state FROM subjects WHERE id = ?`).pluck().get(s.subjectId)).toBe("active");
    expect(getPublicReview(s.reviewId)?.status).toBe("published");
    expectCountersMatch(company.id);
    expect(storedCounters(company.id).reduce((n, r) => n + r.reviewCount, 0)).toBe(1);
    expect(decisionsOn("subject", s.subjectId)).toBe(1);
    const before = writes();
    expect(decideSuggestion({ ...base(second), subjectId: s.subjectId, decision: "refuse", version: 0 })).toEqual({
      ok: false,
      kind: "already_decided",
    });
    expect(writes()).toEqual(before);
  });

  it("refusing with a listed subject moves the review there and publishes it; without one, it is not published", async () => {
    const company = makeCompany();
    const writer = await account({ name: "Auteur Delta" });
    const moved = suggest(writer, company.id, "Boutique Delta");
    const r1 = decideSuggestion({
      ...base(moderator),
      subjectId: moved.subjectId,
      decision: "refuse",
      moveTo: company.subjectId,
      version: 0,
    });
    expect(r1.ok).toBe(true);
    const row = client().prepare(`SELECT subject_id AS subjectId, status FROM reviews WHERE id = ?`).get(moved.reviewId);
    expect(row).toEqual({ subjectId: company.subjectId, status: "published" });
    expectCountersMatch(company.id);
    if (r1.ok) expect(getQueueStatement(r1.decisionId, { id: writer.id, role: "member" })?.movedTo).toContain("Paris");

    makeSubject(company.id, { name: "Autre magasin" });
    const dropped = suggest(await account({ name: "Auteur Epsilon" }), company.id, "Boutique Epsilon");
    const r2 = decideSuggestion({ ...base(moderator), subjectId: dropped.subjectId, decision: "refuse", version: 0 });
    expect(r2.ok).toBe(true);
    expect(client().prepare(`SELECT status, published_at AS p FROM reviews WHERE id = ?`).get(dropped.reviewId)).toEqual({
      status: "removed",
      p: null,
    });
    expect(client().prepare(`SELECT state FROM subjects WHERE id = ?`).pluck().get(dropped.subjectId)).toBe("rejected");
    expectCountersMatch(company.id);
    // A subject of another company is not a place to move reviews to.
    const third = suggest(await account({ name: "Auteur Zeta" }), company.id, "Boutique Zeta");
    expect(
      decideSuggestion({ ...base(moderator), subjectId: third.subjectId, decision: "refuse", moveTo: makeCompany().subjectId, version: 0 }),
    ).toEqual({
      ok: false,
      kind: "not_allowed",
    });
  });

  it("the suggester, even a moderator, cannot decide on their own suggestion", () => {
    const company = makeCompany();
    const s = suggest(moderator, company.id, "Boutique Eta");
    expect(decideSuggestion({ ...base(moderator), subjectId: s.subjectId, decision: "accept", version: 0 })).toEqual({
      ok: false,
      kind: "own_content",
    });
  });
});

function conductReport(reporterId: number, companyId: number, createdAt = Date.now()) {
  return client()
    .prepare(
      `INSERT INTO conduct_reports (kind, company_id, reporter_user_id, body, created_at) VALUES ('incentive', ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(companyId, reporterId, "Le magasin m’a proposé un bon d’achat de 30 € si je supprimais mon avis.", createdAt) as number;
}

describe("conduct reports", () => {
  it("lists them oldest first, by keyset pages", () => {
    const company = makeCompany();
    const t0 = Date.now() - 60 * 86_400_000;
    const late = conductReport(author.id, company.id, t0 + 2000);
    const early = conductReport(author.id, company.id, t0 + 1000);
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page = listConductQueue({ after, limit: 1 });
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    } while (after);
    expect(seen.filter((id) => id === late || id === early)).toEqual([early, late]);
  });

  it("upholding logs it against the company and tells the reporter; the second decision gets 409 and writes nothing", async () => {
    const company = makeCompany();
    const reportId = conductReport(author.id, company.id);
    const form = { decision: "uphold", reason: "incentivised", statement: STATEMENT, version: "0" };
    const call = (who: Account) =>
      outcome(() =>
        conductAction({
          request: postRequest(`/moderation/conduct/${reportId}`, form, { cookie: who.cookie }),
          params: { id: String(reportId) },
          context: {},
        } as ActionFunctionArgs),
      );
    expect((await call(moderator)).status).toBe(302);
    const row = client().prepare(`SELECT status, decided_by AS by, decision_id AS d FROM conduct_reports WHERE id = ?`).get(reportId) as {
      status: string;
      by: number;
      d: number;
    };
    expect(row.status).toBe("founded");
    expect(row.by).toBe(moderator.id);
    expect(
      client().prepare(`SELECT target_type AS t, target_id AS id, decision FROM moderation_decisions WHERE id = ?`).get(row.d),
    ).toEqual({
      t: "company",
      id: company.id,
      decision: "conduct_upheld",
    });
    const page = await callLoader(statementLoader, getRequest(`/statements/decision/${row.d}`, { cookie: author.cookie }), {
      id: String(row.d),
    });
    expect(page.status).toBe(200);
    expect(
      (await callLoader(statementLoader, getRequest(`/statements/decision/${row.d}`, { cookie: staff.cookie }), { id: String(row.d) }))
        .status,
    ).toBe(404);
    const before = writes();
    expect((await call(second)).status).toBe(409);
    expect(writes()).toEqual(before);
  });

  it("a moderator cannot decide on a report they filed", () => {
    const reportId = conductReport(moderator.id, makeCompany().id);
    const before = writes();
    expect(decideConduct({ ...base(moderator), reportId, decision: "dismiss", version: 0 })).toEqual({ ok: false, kind: "reported_it" });
    expect(writes()).toEqual(before);
  });
});

describe("suspending and reinstating an account", () => {
  it("a suspension ends the sessions and blocks writing; a reinstatement restores it", async () => {
    const user = await account({ name: "Membre Suspendu" });
    const { token } = createSession(user.id);
    const company = makeCompany();
    const target = thread(staff.id, admin.id);
    const form = (decision: string, version: number) => ({
      decision,
      reason: "spam",
      statement: "Publicités répétées dans plusieurs avis, malgré un premier retrait.",
      version: String(version),
    });
    const call = (who: Account, decision: string, version: number) =>
      outcome(() =>
        userAction({
          request: postRequest(`/moderation/users/${user.id}`, form(decision, version), { cookie: who.cookie }),
          params: { id: String(user.id) },
          context: {},
        } as ActionFunctionArgs),
      );

    expect((await call(moderator, "suspend", 0)).status).toBe(302);
    expect(validateSessionToken(token)).toBeNull();
    expect(count(`SELECT count(*) AS n FROM sessions WHERE user_id = ?`, user.id)).toBe(0);
    const suspendId = client()
      .prepare(`SELECT max(id) FROM moderation_decisions WHERE target_type = 'user' AND target_id = ?`)
      .pluck()
      .get(user.id) as number;
    expect(getQueueStatement(suspendId, { id: user.id, role: "member" })?.decision).toBe("suspend");

    // Writing is refused by the model, and by the guards of the routes (flag, here).
    const write = () =>
      createReview({
        actor: { id: user.id, role: "member" },
        subjectId: company.subjectId,
        input: reviewSchema.parse({
          stars: "2",
          title: "Attente interminable",
          body: "Quarante minutes d’attente en caisse sans personne pour ouvrir une autre caisse.",
          experienceDate: isoDate(Date.now() - 2 * 86_400_000),
          channel: "store",
          recommend: "no",
          attestation: "on",
        }),
        locale: "fr",
        ipHash: null,
      });
    expect(write()).toEqual({ ok: false, kind: "forbidden" });
    const suspendedCookie = sessionCookie(user.id);
    const flagged = await outcome(() =>
      flagAction({
        request: postRequest(
          `/reviews/${target.reviewId}/flag`,
          { reason: "spam", explanation: "Publicité pour un autre magasin." },
          { cookie: suspendedCookie },
        ),
        params: { id: String(target.reviewId) },
        context: {},
      } as ActionFunctionArgs),
    );
    expect(flagged.status).toBe(403);

    // The second of two suspensions (same version) gets 409 and writes nothing.
    const before = writes();
    expect((await call(second, "suspend", 0)).status).toBe(409);
    expect(writes()).toEqual(before);

    expect((await call(second, "reinstate", suspendId)).status).toBe(302);
    expect(client().prepare(`SELECT suspended_at FROM users WHERE id = ?`).pluck().get(user.id)).toBeNull();
    expect(write().ok).toBe(true);
  });

  it("moderators cannot suspend staff accounts nor their own; admins can suspend a moderator", () => {
    expect(decideUser({ ...base(moderator), userId: admin.id, decision: "suspend", version: 0 })).toEqual({ ok: false, kind: "protected" });
    expect(decideUser({ ...base(moderator), userId: second.id, decision: "suspend", version: 0 })).toEqual({
      ok: false,
      kind: "protected",
    });
    expect(decideUser({ ...base(admin), userId: admin.id, decision: "suspend", version: 0 })).toEqual({ ok: false, kind: "own_content" });
    const done = decideUser({ ...base(admin), userId: second.id, decision: "suspend", version: 0 });
    expect(done.ok).toBe(true);
    if (done.ok) expect(decideUser({ ...base(admin), userId: second.id, decision: "reinstate", version: done.decisionId }).ok).toBe(true);
  });
});
