// Appeals (DSA art. 20) against the decisions of the queues other than content: a refused
// proof, a refused suggestion, a conduct report dismissed (the reporter appeals) or upheld
// (the reported company's owners appeal), a suspension (its holder, who cannot sign in,
// through the key of the statement's mail link) and a refused claim. For each kind: only
// the person the decision went against may appeal, within APPEAL_WINDOW_DAYS (fake clock),
// once, from the statement's page (/statements/decision/:id); the moderator who decided may
// not decide the appeal (an admin may), another one does at /moderation/appeals/:id;
// overturning reverses the effect through the opposite decision's code, with a new row of
// the log, the appeals' outcome and the notices in one transaction; upholding keeps it; the
// appellant (and the other side of a conduct report) is told on the site and by mail in
// their language; the second of two moderators writes nothing; the routes refuse
// anonymous visitors, members and company staff.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { APPEAL_WINDOW_DAYS } from "~/lib/appeal-form";
import { queueStatementText } from "~/lib/moderation-queues";
import { isoDate, reviewSchema } from "~/lib/review-schema";
import { listAppealQueue } from "~/models/appeals.server";
import { decideClaim } from "~/models/claim-queue.server";
import { requestEvidenceClaim } from "~/models/company-claims.server";
import {
  decideDecisionAppeal,
  fileDecisionAppeal,
  getDecisionAppealCase,
  type DecisionStatementPage,
} from "~/models/decision-appeals.server";
import { linksIn } from "~/models/mail.server";
import { getDashboard } from "~/models/moderation.server";
import { decideConduct, decideProof, decideSuggestion, decideUser } from "~/models/moderation-queues.server";
import { createReviewWithSuggestedSubject } from "~/models/review-submission.server";
import { getPublicReview } from "~/models/reviews.server";
import { action as caseAction, loader as caseLoader } from "~/routes/moderation.appeals_.$id";
import { loader as queueLoader } from "~/routes/moderation.appeals";
import { action as statementAction, loader as statementLoader } from "~/routes/statements.decision.$id";
import {
  account,
  type Account,
  callLoader,
  expectCountersMatch,
  getRequest,
  makeCompany,
  outboxFor,
  outcome,
  postRequest,
  storedCounters,
  thread,
} from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

const DAY = 86_400_000;
const DECIDED = "Le document envoyé ne permet pas de relier l’achat à l’expérience décrite.";
const WHY = "Le ticket montre bien la date et le magasin : je vous renvoie à la ligne du haut.";
const OVERTURN = "Relu en appel : le document montre l’achat à la date de l’expérience ; la décision est infirmée.";
const UPHOLD = "Relu en appel : rien de neuf dans l’appel, les faits examinés restent les mêmes ; la décision est maintenue.";

const client = () => getDb().$client;
const one = <T>(sql: string, ...args: unknown[]) =>
  client()
    .prepare(sql)
    .get(...args) as T;
const count = (sql: string, ...args: unknown[]) => one<{ n: number }>(sql, ...args).n;
const appealRows = (decisionId: number) =>
  client()
    .prepare(
      `SELECT id, status, appellant_user_id AS appellant, outcome_decision_id AS outcome FROM appeals WHERE decision_id = ? ORDER BY id`,
    )
    .all(decisionId) as {
    id: number;
    status: string;
    appellant: number;
    outcome: number | null;
  }[];
const decisionRow = (id: number) =>
  one<{ actor_id: number; target_type: string; target_id: number; decision: string; reason: string; statement: string }>(
    `SELECT * FROM moderation_decisions WHERE id = ?`,
    id,
  );
const lastNotice = (userId: number) =>
  one<{ kind: string; link: string } | undefined>(`SELECT kind, link FROM notifications WHERE user_id = ? ORDER BY id DESC`, userId);

/** Everything a decision writes, to show that a refused one wrote nothing. */
const writes = () => ({
  decisions: count(`SELECT count(*) AS n FROM moderation_decisions`),
  appeals: client().prepare(`SELECT id, status, outcome_decision_id FROM appeals ORDER BY id`).all(),
  notifications: count(`SELECT count(*) AS n FROM notifications`),
  mails: count(`SELECT count(*) AS n FROM outbox`),
  media: client().prepare(`SELECT id, proof_status FROM review_media ORDER BY id`).all(),
  subjects: client().prepare(`SELECT id, state FROM subjects ORDER BY id`).all(),
  reports: client().prepare(`SELECT id, status FROM conduct_reports ORDER BY id`).all(),
  users: client().prepare(`SELECT id, suspended_at FROM users ORDER BY id`).all(),
  claims: client().prepare(`SELECT id, status FROM company_claims ORDER BY id`).all(),
  stats: client().prepare(`SELECT * FROM rating_stats ORDER BY scope, scope_id, origin`).all(),
});

// ─── The routes, called as a browser would ───────────────────────────────────

const statementPath = (id: number, key?: string) => `/statements/decision/${id}${key ? `?${new URLSearchParams({ key })}` : ""}`;

function readStatement(who: Account | null, id: number, key?: string) {
  return callLoader(statementLoader, getRequest(statementPath(id, key), { cookie: who?.cookie }), { id: String(id) });
}

function appealAs(who: Account | null, id: number, explanation = WHY, key?: string) {
  return outcome(() =>
    statementAction({
      request: postRequest(statementPath(id, key), { explanation }, { cookie: who?.cookie }),
      params: { id: String(id) },
      context: {},
    } as ActionFunctionArgs),
  );
}

function decideAs(who: Account | null, id: number, form: Record<string, string>) {
  return outcome(() =>
    caseAction({
      request: postRequest(`/moderation/appeals/${id}`, form, { cookie: who?.cookie }),
      params: { id: String(id) },
      context: {},
    } as ActionFunctionArgs),
  );
}

function openCase(who: Account | null, id: number) {
  return outcome(() =>
    caseLoader({
      request: getRequest(`/moderation/appeals/${id}`, { cookie: who?.cookie }),
      params: { id: String(id) },
      context: {},
    } as LoaderFunctionArgs),
  );
}

/** The form the case page sends, with the newest appeal it showed. */
function decisionForm(id: number, outcomeValue: "uphold" | "overturn", reason: string, statement: string) {
  const seen =
    appealRows(id)
      .filter((a) => a.status === "pending")
      .at(-1)?.id ?? 0;
  return { outcome: outcomeValue, reason, statement, seenAppeal: String(seen) };
}

type PageData = { page: DecisionStatementPage };

// ─── The world ────────────────────────────────────────────────────────────────

let moderator: Account;
let second: Account;
let admin: Account;
let author: Account;
let owner: Account;
let outsider: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Première" });
  second = await account({ role: "moderator", name: "Modérateur Second" });
  admin = await account({ role: "admin", name: "Admin Appels" });
  author = await account({ locale: "fr", name: "Autrice Appel" });
  owner = await account({ locale: "en", name: "Owner Appeals" });
  outsider = await account({ locale: "en", name: "Someone Else" });
});

const by = (who: Account) => ({ actor: { id: who.id, role: who.role }, origin: "http://localhost" });

let proofSeq = 0;
/** A refused proof on a published review by `author` (the thread's company: owner's). */
function refusedProof() {
  const world = thread(author.id, owner.id, { stars: 4 });
  const mediaId = client()
    .prepare(
      `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, proof_status, created_at)
       VALUES (?, 'proof', ?, 'image/png', 10, 10, 16, 'pending', ?) RETURNING id`,
    )
    .pluck()
    .get(world.reviewId, `appealproof${String(++proofSeq).padStart(11, "0")}`, Date.now() - 1000) as number;
  const decided = decideProof({
    ...by(moderator),
    mediaId,
    decision: "refuse",
    reason: "not_an_experience",
    statement: DECIDED,
    version: 0,
  });
  if (!decided.ok) throw new Error(`proof: ${decided.kind}`);
  return { ...world, mediaId, decisionId: decided.decisionId };
}

const BODIES = [
  "Le vendeur a pris le temps de me conseiller, sans insister, et le produit me convient.",
  "Rayons bien rangés, prix affichés clairement ; la caisse automatique était en panne ce jour-là.",
  "Commande retirée en dix minutes, emballage soigné, et une employée souriante à l'accueil.",
  "Parking difficile le samedi, mais l'équipe connaît ses produits et répond aux questions techniques.",
];
let suggestionSeq = 0;
/** A subject `who` suggested with their review, refused without a subject to move it to. */
async function refusedSuggestion() {
  const who = await account({ locale: "fr", name: `Suggestion ${++suggestionSeq}` });
  const company = makeCompany({ name: `Maison Suggérée ${suggestionSeq}`, slug: `maison-suggeree-${suggestionSeq}-${Date.now()}` });
  const made = createReviewWithSuggestedSubject({
    actor: { id: who.id, role: "member" },
    companyId: company.id,
    suggestion: { kind: "store", name: `Boutique ${suggestionSeq}`, city: "Nantes" },
    input: reviewSchema.parse({
      stars: "4",
      title: `Accueil chaleureux ${suggestionSeq}`,
      body: BODIES[(suggestionSeq - 1) % BODIES.length]!,
      experienceDate: isoDate(Date.now() - 5 * DAY),
      channel: "store",
      recommend: "yes",
      language: "fr",
      attestation: "on",
    }),
    locale: "fr",
    ipHash: null,
  });
  if (!made.ok || made.subjectId == null) throw new Error(`suggestion: ${made.ok ? "" : made.kind}`);
  const decided = decideSuggestion({
    ...by(moderator),
    subjectId: made.subjectId,
    decision: "refuse",
    reason: "not_an_experience",
    statement: DECIDED,
    version: 0,
  });
  if (!decided.ok) throw new Error(`suggestion decision: ${decided.kind}`);
  return { who, companyId: company.id, subjectId: made.subjectId, reviewId: made.reviewId, decisionId: decided.decisionId };
}

/** A report by `reporter` that the company of a thread (owned by `owner`) offered a reward
 *  for changing the review, decided by the first moderator. */
async function decidedReport(decision: "uphold" | "dismiss") {
  const reporter = await account({ locale: "fr", name: "Autrice Signalement" });
  const world = thread(reporter.id, owner.id, { title: "Un bon d’achat contre mon avis" });
  const reportId = client()
    .prepare(
      `INSERT INTO conduct_reports (kind, company_id, review_id, reporter_user_id, body) VALUES ('incentive', ?, ?, ?, ?) RETURNING id`,
    )
    .pluck()
    .get(world.companyId, world.reviewId, reporter.id, "On m’a proposé un bon d’achat de 50 € pour retirer mon avis.") as number;
  const decided = decideConduct({ ...by(moderator), reportId, decision, reason: "not_an_experience", statement: DECIDED, version: 0 });
  if (!decided.ok) throw new Error(`conduct: ${decided.kind}`);
  return { reporter, ...world, reportId, decisionId: decided.decisionId };
}

/** A member suspended by the first moderator: their sessions end, and the mail's link has the key. */
async function suspended() {
  const member = await account({ locale: "fr", name: "Membre Suspendu" });
  const decided = decideUser({ ...by(moderator), userId: member.id, decision: "suspend", reason: "spam", statement: DECIDED, version: 0 });
  if (!decided.ok) throw new Error(`suspend: ${decided.kind}`);
  const mail = outboxFor(member.email).find((m) => m.template === "statement_suspend")!;
  const link = linksIn(mail.text).find((l) => l.includes(`/statements/decision/${decided.decisionId}`))!;
  return { member, decisionId: decided.decisionId, key: new URL(link).searchParams.get("key")! };
}

let claimSeq = 0;
/** A claim with evidence by a fresh claimant on a claimed company, refused by the first moderator. */
async function refusedClaim() {
  const claimant = await account({ locale: "fr", name: `Gérante ${++claimSeq}` });
  const slug = `maison-revendiquee-${claimSeq}-${Date.now()}`;
  const company = makeCompany({ slug, name: `Maison Revendiquée ${claimSeq}`, state: "claimed", domain: `revendiquee-${claimSeq}.fr` });
  const filed = requestEvidenceClaim({
    userId: claimant.id,
    slug,
    explanation:
      "Je suis la gérante de la boutique depuis 2019 ; les mentions légales du site me nomment comme directrice de la publication.",
    evidenceUrl: `https://revendiquee-${claimSeq}.fr/mentions-legales`,
  });
  if (!filed.ok) throw new Error(`claim: ${filed.kind}`);
  const decided = decideClaim({
    ...by(moderator),
    claimId: filed.claimId,
    decision: "refuse",
    reason: "claim_role_not_shown",
    statement: DECIDED,
    version: 0,
  });
  if (!decided.ok) throw new Error(`claim decision: ${decided.kind}`);
  return { claimant, companyId: company.id, claimId: filed.claimId, decisionId: decided.decisionId };
}

// ─── The statements say how to appeal ────────────────────────────────────────

describe("the statements of the queues' decisions", () => {
  it("no longer say that an appeal cannot be filed: they give the deadline, and the suspension's says it needs no sign-in", () => {
    for (const locale of ["fr", "en"] as const) {
      const base = {
        decisionId: 1,
        reason: "spam",
        statement: DECIDED,
        decidedAt: Date.UTC(2026, 0, 10),
        reviewTitle: "T",
        companyName: "C",
        subjectName: "S",
        reportedAt: null,
        movedTo: null,
      };
      for (const decision of ["proof_refuse", "subject_refuse", "conduct_dismissed", "claim_refuse"] as const) {
        const s = queueStatementText(locale, { ...base, decision });
        expect(s.contest).not.toMatch(/cannot be filed|ne peut pas encore/);
        expect(s.contest).toContain(String(APPEAL_WINDOW_DAYS));
      }
      expect(queueStatementText(locale, { ...base, decision: "suspend" }).contest).toMatch(
        locale === "fr" ? /sans vous connecter/ : /without signing in/,
      );
      // The company's owners read an upheld report without the reporter or the review.
      const owners = queueStatementText(locale, { ...base, decision: "conduct_upheld", reviewTitle: "Titre secret", audience: "company" });
      expect(owners.contest).toContain(String(APPEAL_WINDOW_DAYS));
      expect(`${owners.subject} ${owners.decided} ${owners.summary}`).not.toContain("Titre secret");
    }
  });
});

// ─── Proofs ───────────────────────────────────────────────────────────────────

describe("a refused proof", () => {
  it("only the review's author may appeal it, once, within the window; they get a receipt", async () => {
    const p = refusedProof();
    const page = await readStatement(author, p.decisionId);
    expect(page.status).toBe(200);
    expect((page.data as PageData).page).toMatchObject({ kind: "decision", right: { kind: "open" } });
    // Someone else cannot even read it; a moderator reads it but has nothing to appeal.
    expect((await readStatement(outsider, p.decisionId)).status).toBe(404);
    expect((await appealAs(outsider, p.decisionId)).status).toBe(404);
    expect((await appealAs(second, p.decisionId)).status).toBe(403);
    // Anonymous: the log-in page.
    const anonymous = await appealAs(null, p.decisionId);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    // Too short: the field's error, what was typed kept, nothing written.
    const short = await appealAs(author, p.decisionId, "Non.");
    expect(short.status).toBe(400);
    expect(appealRows(p.decisionId)).toEqual([]);
    // Past the window (fake clock): closed.
    const late = fileDecisionAppeal({
      viewer: { id: author.id, role: "member" },
      decisionId: p.decisionId,
      explanation: WHY,
      now: Date.now() + (APPEAL_WINDOW_DAYS + 1) * DAY,
    });
    expect(late).toEqual({ ok: false, kind: "closed" });
    const sent = await appealAs(author, p.decisionId);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/statements/decision/${p.decisionId}#appeal`);
    expect(await flashKeyOf(sent)).toBe("flash.appealSent");
    expect(lastNotice(author.id)).toEqual({ kind: "decision_appeal_received", link: `/statements/decision/${p.decisionId}` });
    expect(outboxFor(author.email).at(-1)?.template).toBe("notice_decision_appeal_received");
    // One appeal per person and per decision.
    const again = await appealAs(author, p.decisionId);
    expect(again.status).toBe(409);
    expect(appealRows(p.decisionId)).toHaveLength(1);
    expect(((await readStatement(author, p.decisionId)).data as PageData).page).toMatchObject({
      right: { kind: "appealed", appeal: { status: "pending" } },
    });
  });

  it("the moderator who refused it cannot decide the appeal; another overturns it: the review is verified, counters and all, logged and told", async () => {
    const p = refusedProof();
    fileOk(author, p.decisionId);
    const before = writes();
    const own = await decideAs(moderator, p.decisionId, decisionForm(p.decisionId, "overturn", "not_an_experience", OVERTURN));
    expect(own.status).toBe(403);
    expect(writes()).toEqual(before);
    const mails = outboxFor(author.email).length;
    const done = await decideAs(second, p.decisionId, decisionForm(p.decisionId, "overturn", "not_an_experience", OVERTURN));
    expect(done.status).toBe(302);
    expect(done.location).toBe("/moderation/appeals");
    expect(one<{ s: string }>(`SELECT proof_status AS s FROM review_media WHERE id = ?`, p.mediaId).s).toBe("accepted");
    expect(getPublicReview(p.reviewId)?.origin).toBe("verified");
    expectCountersMatch(p.companyId);
    const [appeal] = appealRows(p.decisionId);
    expect(appeal).toMatchObject({ status: "overturned" });
    expect(decisionRow(appeal!.outcome!)).toMatchObject({
      actor_id: second.id,
      target_type: "media",
      target_id: p.mediaId,
      decision: "proof_accept",
      statement: OVERTURN,
    });
    // The appealed decision is never changed.
    expect(decisionRow(p.decisionId)).toMatchObject({ decision: "proof_refuse", statement: DECIDED, actor_id: moderator.id });
    // The author is told, on the site and by mail, in French; the outcome's page is theirs.
    expect(lastNotice(author.id)).toEqual({ kind: "decision_appeal_decided", link: `/statements/decision/${appeal!.outcome}` });
    const mail = outboxFor(author.email).slice(mails);
    expect(mail.map((m) => m.template)).toEqual(["statement_appeal_overturned"]);
    expect(mail[0]!.subject).toMatch(/Issue de votre appel/);
    expect(mail[0]!.text).toContain(OVERTURN);
    const outcomePage = (await readStatement(author, appeal!.outcome!)).data as PageData;
    expect(outcomePage.page).toMatchObject({
      kind: "outcome",
      statement: { outcome: "overturned", audience: "concerned", appealed: { id: p.decisionId } },
    });
    expect((await readStatement(outsider, appeal!.outcome!)).status).toBe(404);
    // The outcome is final.
    expect(fileDecisionAppeal({ viewer: { id: author.id, role: "member" }, decisionId: appeal!.outcome!, explanation: WHY })).toEqual({
      ok: false,
      kind: "not_found",
    });
  });

  it("upheld, nothing changes; the second of two moderators deciding at once writes nothing", async () => {
    const p = refusedProof();
    fileOk(author, p.decisionId);
    const stats = writes().stats;
    const form = decisionForm(p.decisionId, "uphold", "not_an_experience", UPHOLD);
    expect((await decideAs(second, p.decisionId, form)).status).toBe(302);
    expect(one<{ s: string }>(`SELECT proof_status AS s FROM review_media WHERE id = ?`, p.mediaId).s).toBe("rejected");
    expect(getPublicReview(p.reviewId)?.origin).toBe("organic");
    expect(writes().stats).toEqual(stats);
    const [appeal] = appealRows(p.decisionId);
    expect(appeal).toMatchObject({ status: "upheld" });
    expect(decisionRow(appeal!.outcome!)).toMatchObject({ decision: "appeal_upheld", target_type: "media", target_id: p.mediaId });
    expect(outboxFor(author.email).at(-1)?.template).toBe("statement_appeal_upheld");
    const before = writes();
    const late = await decideAs(admin, p.decisionId, form);
    expect(late.status).toBe(409);
    expect(writes()).toEqual(before);
  });
});

/** Files `who`'s appeal through the model (the route is checked above). */
function fileOk(who: Account, decisionId: number, now?: number) {
  const filed = fileDecisionAppeal({
    viewer: { id: who.id, role: who.role },
    decisionId,
    explanation: WHY,
    origin: "http://localhost",
    now,
  });
  if (!filed.ok) throw new Error(`appeal refused: ${filed.kind}`);
  return filed.appealId;
}

// ─── Suggested subjects ───────────────────────────────────────────────────────

describe("a refused suggestion", () => {
  it("only the suggester may appeal it; overturned by another moderator, the subject is added and the review published and counted", async () => {
    const s = await refusedSuggestion();
    expect(one<{ status: string }>(`SELECT status FROM reviews WHERE id = ?`, s.reviewId).status).toBe("removed");
    expect((await appealAs(outsider, s.decisionId)).status).toBe(404);
    expect(fileDecisionAppeal({ viewer: { id: outsider.id, role: "member" }, decisionId: s.decisionId, explanation: WHY })).toEqual({
      ok: false,
      kind: "not_entitled",
    });
    expect(
      fileDecisionAppeal({
        viewer: { id: s.who.id, role: "member" },
        decisionId: s.decisionId,
        explanation: WHY,
        now: Date.now() + (APPEAL_WINDOW_DAYS + 1) * DAY,
      }),
    ).toEqual({ ok: false, kind: "closed" });
    expect((await appealAs(s.who, s.decisionId)).status).toBe(302);
    expect((await appealAs(s.who, s.decisionId)).status).toBe(409);
    expect((await decideAs(moderator, s.decisionId, decisionForm(s.decisionId, "overturn", "not_an_experience", OVERTURN))).status).toBe(
      403,
    );
    expect((await decideAs(second, s.decisionId, decisionForm(s.decisionId, "overturn", "not_an_experience", OVERTURN))).status).toBe(302);
    expect(one<{ state: string }>(`SELECT state FROM subjects WHERE id = ?`, s.subjectId).state).toBe("active");
    expect(getPublicReview(s.reviewId)?.status).toBe("published");
    expectCountersMatch(s.companyId);
    expect(storedCounters(s.companyId).reduce((n, r) => n + r.reviewCount, 0)).toBe(1);
    const [appeal] = appealRows(s.decisionId);
    expect(decisionRow(appeal!.outcome!)).toMatchObject({
      decision: "subject_accept",
      target_type: "subject",
      target_id: s.subjectId,
      actor_id: second.id,
    });
    expect(lastNotice(s.who.id)?.kind).toBe("decision_appeal_decided");
    expect(outboxFor(s.who.email).at(-1)?.template).toBe("statement_appeal_overturned");
  });

  it("upheld, the subject stays refused and the review unpublished", async () => {
    const s = await refusedSuggestion();
    fileOk(s.who, s.decisionId);
    expect((await decideAs(admin, s.decisionId, decisionForm(s.decisionId, "uphold", "not_an_experience", UPHOLD))).status).toBe(302);
    expect(one<{ state: string }>(`SELECT state FROM subjects WHERE id = ?`, s.subjectId).state).toBe("rejected");
    expect(one<{ status: string }>(`SELECT status FROM reviews WHERE id = ?`, s.reviewId).status).toBe("removed");
    expectCountersMatch(s.companyId);
    expect(appealRows(s.decisionId)[0]).toMatchObject({ status: "upheld" });
  });
});

// ─── Conduct reports ──────────────────────────────────────────────────────────

describe("a conduct report", () => {
  it("dismissed: only its reporter may appeal; overturned, it is upheld and the owners are told without the reporter nor the review", async () => {
    const r = await decidedReport("dismiss");
    // The owners were not told of a dismissed report, and cannot read it.
    expect((await readStatement(owner, r.decisionId)).status).toBe(404);
    expect(fileDecisionAppeal({ viewer: { id: owner.id, role: "member" }, decisionId: r.decisionId, explanation: WHY })).toEqual({
      ok: false,
      kind: "not_entitled",
    });
    expect(
      fileDecisionAppeal({
        viewer: { id: r.reporter.id, role: "member" },
        decisionId: r.decisionId,
        explanation: WHY,
        now: Date.now() + (APPEAL_WINDOW_DAYS + 1) * DAY,
      }),
    ).toEqual({ ok: false, kind: "closed" });
    expect((await appealAs(r.reporter, r.decisionId)).status).toBe(302);
    expect((await appealAs(r.reporter, r.decisionId)).status).toBe(409);
    expect((await decideAs(moderator, r.decisionId, decisionForm(r.decisionId, "overturn", "not_an_experience", OVERTURN))).status).toBe(
      403,
    );
    const ownerMails = outboxFor(owner.email).length;
    expect((await decideAs(second, r.decisionId, decisionForm(r.decisionId, "overturn", "not_an_experience", OVERTURN))).status).toBe(302);
    expect(one<{ status: string }>(`SELECT status FROM conduct_reports WHERE id = ?`, r.reportId).status).toBe("founded");
    const [appeal] = appealRows(r.decisionId);
    expect(decisionRow(appeal!.outcome!)).toMatchObject({ decision: "conduct_upheld", target_type: "company", target_id: r.companyId });
    expect(lastNotice(r.reporter.id)?.kind).toBe("decision_appeal_decided");
    // The owner is told, in English, never who reported nor which review.
    const told = outboxFor(owner.email).slice(ownerMails);
    expect(told.map((m) => m.template)).toEqual(["statement_appeal_overturned"]);
    expect(told[0]!.text).toMatch(/is upheld/);
    expect(told[0]!.text).not.toContain("Autrice Signalement");
    expect(told[0]!.text).not.toContain("Un bon d’achat contre mon avis");
    const ownersPage = ((await readStatement(owner, appeal!.outcome!)).data as PageData).page;
    expect(ownersPage).toMatchObject({ kind: "outcome", statement: { audience: "company", reviewTitle: null, yoursAt: null } });
    // The statement of the first decision still reads as it did.
    expect(((await readStatement(r.reporter, r.decisionId)).data as PageData).page).toMatchObject({
      kind: "decision",
      statement: { decision: "conduct_dismissed" },
    });
  });

  it("upheld: the owners are told and may appeal, the reporter may not; overturned, it is dismissed and the reporter is told", async () => {
    const r = await decidedReport("uphold");
    expect(lastNotice(owner.id)).toEqual({ kind: "conduct_upheld_company", link: `/statements/decision/${r.decisionId}` });
    const mail = outboxFor(owner.email).at(-1)!;
    expect(mail.template).toBe("statement_conduct_upheld");
    expect(mail.text).not.toContain("Autrice Signalement");
    expect(mail.text).not.toContain("Un bon d’achat contre mon avis");
    const ownersView = ((await readStatement(owner, r.decisionId)).data as PageData).page;
    expect(ownersView).toMatchObject({ kind: "decision", statement: { audience: "company", reviewTitle: null }, right: { kind: "open" } });
    // The reporter reads it (it went their way) but has nothing to appeal.
    expect(((await readStatement(r.reporter, r.decisionId)).data as PageData).page).toMatchObject({ right: { kind: "not_entitled" } });
    expect((await appealAs(r.reporter, r.decisionId)).status).toBe(403);
    expect((await appealAs(outsider, r.decisionId)).status).toBe(404);
    expect((await appealAs(owner, r.decisionId)).status).toBe(302);
    expect((await appealAs(owner, r.decisionId)).status).toBe(409);
    // The moderator who upheld it may not decide the appeal.
    expect((await decideAs(moderator, r.decisionId, decisionForm(r.decisionId, "overturn", "not_an_experience", OVERTURN))).status).toBe(
      403,
    );
    const reporterMails = outboxFor(r.reporter.email).length;
    expect((await decideAs(second, r.decisionId, decisionForm(r.decisionId, "overturn", "not_an_experience", OVERTURN))).status).toBe(302);
    expect(one<{ status: string }>(`SELECT status FROM conduct_reports WHERE id = ?`, r.reportId).status).toBe("unfounded");
    const [appeal] = appealRows(r.decisionId);
    expect(decisionRow(appeal!.outcome!)).toMatchObject({ decision: "conduct_dismissed", target_type: "company", target_id: r.companyId });
    expect(outboxFor(owner.email).at(-1)?.template).toBe("statement_appeal_overturned");
    const toReporter = outboxFor(r.reporter.email).slice(reporterMails);
    expect(toReporter.map((m) => m.template)).toEqual(["statement_appeal_overturned"]);
    expect(toReporter[0]!.subject).toMatch(/Un appel a été tranché/);
  });

  it("upheld on appeal: the report stays upheld", async () => {
    const r = await decidedReport("uphold");
    fileOk(owner, r.decisionId);
    expect((await decideAs(second, r.decisionId, decisionForm(r.decisionId, "uphold", "not_an_experience", UPHOLD))).status).toBe(302);
    expect(one<{ status: string }>(`SELECT status FROM conduct_reports WHERE id = ?`, r.reportId).status).toBe("founded");
    expect(appealRows(r.decisionId)[0]).toMatchObject({ status: "upheld" });
    expect(outboxFor(owner.email).at(-1)?.template).toBe("statement_appeal_upheld");
    expect(outboxFor(r.reporter.email).at(-1)?.template).toBe("statement_appeal_upheld");
  });
});

// ─── Suspensions ──────────────────────────────────────────────────────────────

describe("a suspension", () => {
  it("its holder, without a session, reads and appeals it through the key of the mail's link; a wrong key does nothing", async () => {
    const s = await suspended();
    expect(count(`SELECT count(*) AS n FROM sessions WHERE user_id = ?`, s.member.id)).toBe(0);
    const page = await readStatement(null, s.decisionId, s.key);
    expect(page.status).toBe(200);
    expect((page.data as PageData).page).toMatchObject({ kind: "decision", statement: { decision: "suspend" }, right: { kind: "open" } });
    // A wrong key, or the key of another decision, is no key: the log-in page.
    const wrong = await readStatement(null, s.decisionId, `${s.key.slice(0, -2)}xx`);
    expect(wrong.status).toBe(302);
    expect(wrong.location).toMatch(/^\/login/);
    const other = await suspended();
    expect((await readStatement(null, s.decisionId, other.key)).status).toBe(302);
    expect((await appealAs(null, s.decisionId, WHY, other.key)).status).toBe(302);
    expect(appealRows(s.decisionId)).toEqual([]);
    // Past the window: closed.
    expect(
      fileDecisionAppeal({
        viewer: { id: s.member.id, role: "member" },
        decisionId: s.decisionId,
        explanation: WHY,
        now: Date.now() + (APPEAL_WINDOW_DAYS + 1) * DAY,
      }),
    ).toEqual({
      ok: false,
      kind: "closed",
    });
    const sent = await appealAs(null, s.decisionId, WHY, s.key);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`${statementPath(s.decisionId, s.key)}#appeal`);
    expect(appealRows(s.decisionId)).toEqual([expect.objectContaining({ appellant: s.member.id, status: "pending" })]);
    expect((await appealAs(null, s.decisionId, WHY, s.key)).status).toBe(409);
    // The receipt's mail has the key too: the holder still cannot sign in.
    const receipt = outboxFor(s.member.email).at(-1)!;
    expect(receipt.template).toBe("notice_decision_appeal_received");
    expect(linksIn(receipt.text).some((l) => l.includes(`key=${encodeURIComponent(s.key)}`) || l.includes(`key=${s.key}`))).toBe(true);
  });

  it("overturned by another moderator, the account is reinstated; the outcome's mail opens its page without a session", async () => {
    const s = await suspended();
    fileOk(s.member, s.decisionId);
    expect((await decideAs(moderator, s.decisionId, decisionForm(s.decisionId, "overturn", "spam", OVERTURN))).status).toBe(403);
    expect((await decideAs(second, s.decisionId, decisionForm(s.decisionId, "overturn", "spam", OVERTURN))).status).toBe(302);
    expect(one<{ s: number | null }>(`SELECT suspended_at AS s FROM users WHERE id = ?`, s.member.id).s).toBeNull();
    const [appeal] = appealRows(s.decisionId);
    expect(decisionRow(appeal!.outcome!)).toMatchObject({ decision: "reinstate", target_type: "user", target_id: s.member.id });
    const mail = outboxFor(s.member.email).at(-1)!;
    expect(mail.template).toBe("statement_appeal_overturned");
    const link = linksIn(mail.text).find((l) => l.includes(`/statements/decision/${appeal!.outcome}`))!;
    const key = new URL(link).searchParams.get("key")!;
    const page = await readStatement(null, appeal!.outcome!, key);
    expect(page.status).toBe(200);
    expect((page.data as PageData).page).toMatchObject({ kind: "outcome", statement: { outcome: "overturned" } });
  });

  it("upheld, the account stays suspended", async () => {
    const s = await suspended();
    fileOk(s.member, s.decisionId);
    expect((await decideAs(admin, s.decisionId, decisionForm(s.decisionId, "uphold", "spam", UPHOLD))).status).toBe(302);
    expect(one<{ s: number | null }>(`SELECT suspended_at AS s FROM users WHERE id = ?`, s.member.id).s).not.toBeNull();
    expect(appealRows(s.decisionId)[0]).toMatchObject({ status: "upheld" });
    expect(outboxFor(s.member.email).at(-1)?.template).toBe("statement_appeal_upheld");
  });
});

// ─── Claims ───────────────────────────────────────────────────────────────────

describe("a refused claim", () => {
  it("only the claimant may appeal; overturned (on the reason that the role is shown), the claimant owns the verified company", async () => {
    const c = await refusedClaim();
    expect((await appealAs(outsider, c.decisionId)).status).toBe(404);
    expect(
      fileDecisionAppeal({
        viewer: { id: c.claimant.id, role: "member" },
        decisionId: c.decisionId,
        explanation: WHY,
        now: Date.now() + (APPEAL_WINDOW_DAYS + 1) * DAY,
      }),
    ).toEqual({ ok: false, kind: "closed" });
    expect((await appealAs(c.claimant, c.decisionId)).status).toBe(302);
    expect((await appealAs(c.claimant, c.decisionId)).status).toBe(409);
    // Overturning a refusal takes the reason "role shown": the error is next to the field.
    const wrongReason = await decideAs(second, c.decisionId, decisionForm(c.decisionId, "overturn", "claim_role_not_shown", OVERTURN));
    expect(wrongReason.status).toBe(400);
    expect(JSON.stringify(wrongReason.data)).toContain("decisionAppeal.decide.reasonAccept");
    expect((await decideAs(moderator, c.decisionId, decisionForm(c.decisionId, "overturn", "claim_role_shown", OVERTURN))).status).toBe(
      403,
    );
    expect((await decideAs(second, c.decisionId, decisionForm(c.decisionId, "overturn", "claim_role_shown", OVERTURN))).status).toBe(302);
    expect(one<{ status: string }>(`SELECT status FROM company_claims WHERE id = ?`, c.claimId).status).toBe("approved");
    expect(one<{ state: string }>(`SELECT state FROM companies WHERE id = ?`, c.companyId).state).toBe("verified");
    expect(
      one<{ role: string }>(`SELECT role FROM company_members WHERE company_id = ? AND user_id = ?`, c.companyId, c.claimant.id).role,
    ).toBe("owner");
    const [appeal] = appealRows(c.decisionId);
    expect(decisionRow(appeal!.outcome!)).toMatchObject({
      decision: "claim_accept",
      target_type: "claim",
      target_id: c.claimId,
      reason: "claim_role_shown",
    });
    expect(count(`SELECT count(*) AS n FROM company_events WHERE company_id = ? AND kind = 'claim_verified'`, c.companyId)).toBe(1);
    expect(outboxFor(c.claimant.email).at(-1)?.template).toBe("statement_appeal_overturned");
  });

  it("upheld, the claim stays refused; an overturn after the company was verified by someone else writes nothing", async () => {
    const c = await refusedClaim();
    fileOk(c.claimant, c.decisionId);
    expect((await decideAs(second, c.decisionId, decisionForm(c.decisionId, "uphold", "claim_role_not_shown", UPHOLD))).status).toBe(302);
    expect(one<{ status: string }>(`SELECT status FROM company_claims WHERE id = ?`, c.claimId).status).toBe("rejected");
    expect(one<{ state: string }>(`SELECT state FROM companies WHERE id = ?`, c.companyId).state).toBe("claimed");

    const d = await refusedClaim();
    fileOk(d.claimant, d.decisionId);
    client().prepare(`UPDATE companies SET state = 'verified', verified_at = ? WHERE id = ?`).run(Date.now(), d.companyId);
    const page = getDecisionAppealCase(d.decisionId, { id: second.id, role: "moderator" });
    expect(page).toMatchObject({ canOverturn: false });
    const before = writes();
    const changed = decideDecisionAppeal({
      ...by(second),
      appealed: d.decisionId,
      outcome: "overturn",
      reason: "claim_role_shown",
      statement: OVERTURN,
      seenAppeal: appealRows(d.decisionId)[0]!.id,
    });
    expect(changed).toEqual({ ok: false, kind: "content_changed" });
    expect(writes()).toEqual(before);
  });
});

// ─── The queue, the case page, and their guards ───────────────────────────────

describe("the appeals queue and the case page", () => {
  it("list every kind of appeal with its kind, one item per decision, counted on the dashboard", async () => {
    const p = refusedProof();
    fileOk(author, p.decisionId);
    const s = await suspended();
    fileOk(s.member, s.decisionId);
    const all = listAppealQueue({ limit: 1000, viewer: { id: moderator.id, role: "moderator" } }).items;
    expect(all.find((i) => i.decisionId === p.decisionId)).toMatchObject({
      kind: "proof",
      side: "concerned",
      appealCount: 1,
      yours: true,
      explanations: [{ explanation: WHY }],
    });
    expect(all.find((i) => i.decisionId === s.decisionId)).toMatchObject({ kind: "user", name: "Membre Suspendu" });
    expect(getDashboard().appeals.count).toBe(all.length);
    const res = await callLoader(queueLoader, getRequest("/moderation/appeals", { cookie: second.cookie }));
    expect(res.status).toBe(200);
    const page = await openCase(second, p.decisionId);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ case: { kind: "proof", canOverturn: true, refusal: null, appeals: [{ explanation: WHY }] } });
    expect((await openCase(moderator, p.decisionId)).data).toMatchObject({ case: { refusal: "same_moderator" } });
    // A decision nobody appealed, and a content decision, have no such page.
    expect((await openCase(second, refusedProof().decisionId)).status).toBe(404);
  });

  it("refuse anonymous visitors (the log-in page), members and company staff (403), and write nothing", async () => {
    const p = refusedProof();
    fileOk(author, p.decisionId);
    const before = writes();
    const anonymous = await openCase(null, p.decisionId);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?${new URLSearchParams({ redirectTo: `/moderation/appeals/${p.decisionId}` })}`);
    const anonymousPost = await decideAs(null, p.decisionId, decisionForm(p.decisionId, "overturn", "not_an_experience", OVERTURN));
    expect(anonymousPost.status).toBe(302);
    // `owner` is the company's staff; `author` the appellant, a member.
    for (const who of [author, owner, outsider]) {
      expect((await openCase(who, p.decisionId)).status, who.email).toBe(403);
      expect(
        (await decideAs(who, p.decisionId, decisionForm(p.decisionId, "overturn", "not_an_experience", OVERTURN))).status,
        who.email,
      ).toBe(403);
    }
    expect(writes()).toEqual(before);
  });
});
