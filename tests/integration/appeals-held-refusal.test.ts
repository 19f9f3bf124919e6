// Appeals (DSA art. 20) against the refusal of a review held at submission: its author
// appeals from the refusal's statement (/statements/publication/:id), within
// APPEAL_WINDOW_DAYS (fake clock), once; the appeal waits in /moderation/appeals with the
// others; the moderator who refused may not decide it (an admin may); another one
// overturns it — the review is published, counted in the counters and the score, logged
// as a new "publish" row, the author told on the site and by mail — or upholds it, and
// nothing changes. A publication, which went the author's way, cannot be appealed.
// The promise of /transparency#appeals that names "the author of a review held at submission
// and then refused by a moderator" is kept here.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { APPEAL_WINDOW_DAYS } from "~/lib/appeal-form";
import { publicationStatementText } from "~/lib/held-statement";
import { listAppealQueue } from "~/models/appeals.server";
import { fileDecisionAppeal, getDecisionAppealCase, type DecisionStatementPage } from "~/models/decision-appeals.server";
import { decideHeld, getPublicationStatement } from "~/models/held-reviews.server";
import { getPublicReview } from "~/models/reviews.server";
import { action as caseAction, loader as caseLoader } from "~/routes/moderation.appeals_.$id";
import { loader as decisionStatementLoader } from "~/routes/statements.decision.$id";
import { action as statementAction, loader as statementLoader } from "~/routes/statements.publication.$id";
import {
  account,
  type Account,
  callLoader,
  expectCountersMatch,
  getRequest,
  heldCaseState,
  holdReview,
  makeCompany,
  outboxFor,
  outcome,
  postRequest,
  storedCounters,
} from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

const DAY = 86_400_000;
const REFUSED = "Le texte donne un numéro de téléphone personnel : nos règles ne permettent pas de le publier.";
const WHY = "Ce numéro est celui du standard public du magasin, affiché sur sa vitrine et sur son site.";
const OVERTURN = "Relu en appel : le numéro est celui du standard public du magasin ; la décision est infirmée, l’avis est publié.";
const UPHOLD = "Relu en appel : le numéro reste celui d’une personne ; la décision est maintenue et l’avis n’est pas publié.";

const client = () => getDb().$client;
const row = <T>(sql: string, ...args: unknown[]) =>
  client()
    .prepare(sql)
    .get(...args) as T;
const reviewState = (id: number) =>
  row<{ status: string; published_at: number | null; removed_at: number | null }>(
    `SELECT status, published_at, removed_at FROM reviews WHERE id = ?`,
    id,
  );
const appealRows = (decisionId: number) =>
  client().prepare(`SELECT id, status, outcome_decision_id AS outcome FROM appeals WHERE decision_id = ? ORDER BY id`).all(decisionId) as {
    id: number;
    status: string;
    outcome: number | null;
  }[];
const decisionRow = (id: number) =>
  row<{ actor_id: number; target_type: string; target_id: number; decision: string; statement: string }>(
    `SELECT * FROM moderation_decisions WHERE id = ?`,
    id,
  );
const lastNotice = (userId: number) =>
  row<{ kind: string; link: string } | undefined>(`SELECT kind, link FROM notifications WHERE user_id = ? ORDER BY id DESC`, userId);
const writes = () => ({
  decisions: row<{ n: number }>(`SELECT count(*) AS n FROM moderation_decisions`).n,
  appeals: client().prepare(`SELECT id, status, outcome_decision_id FROM appeals ORDER BY id`).all(),
  reviews: client().prepare(`SELECT id, status, published_at FROM reviews ORDER BY id`).all(),
  stats: client().prepare(`SELECT * FROM rating_stats ORDER BY scope, scope_id, origin`).all(),
  notifications: row<{ n: number }>(`SELECT count(*) AS n FROM notifications`).n,
  mails: row<{ n: number }>(`SELECT count(*) AS n FROM outbox`).n,
});

// ─── The routes, called as a browser would ───────────────────────────────────

const statementPath = (id: number) => `/statements/publication/${id}`;
type StatementData = { statement: { decisionId: number; decision: string }; right: { kind: string } | null };

function readStatement(who: Account | null, id: number) {
  return callLoader(statementLoader, getRequest(statementPath(id), { cookie: who?.cookie }), { id: String(id) });
}

function appealAs(who: Account | null, id: number, explanation = WHY) {
  return outcome(() =>
    statementAction({
      request: postRequest(statementPath(id), { explanation }, { cookie: who?.cookie }),
      params: { id: String(id) },
      context: {},
    } as ActionFunctionArgs),
  );
}

function openCase(who: Account, id: number) {
  return outcome(() =>
    caseLoader({
      request: getRequest(`/moderation/appeals/${id}`, { cookie: who.cookie }),
      params: { id: String(id) },
      context: {},
    } as LoaderFunctionArgs),
  );
}

function decideAs(who: Account, id: number, outcomeValue: "uphold" | "overturn", statement: string) {
  const seen =
    appealRows(id)
      .filter((a) => a.status === "pending")
      .at(-1)?.id ?? 0;
  const form = { outcome: outcomeValue, reason: "personal_data", statement, seenAppeal: String(seen) };
  return outcome(() =>
    caseAction({
      request: postRequest(`/moderation/appeals/${id}`, form, { cookie: who.cookie }),
      params: { id: String(id) },
      context: {},
    } as ActionFunctionArgs),
  );
}

// ─── The world ────────────────────────────────────────────────────────────────

let moderator: Account;
let second: Account;
let admin: Account;
/** The author of the newest refused review (one per review: the checks refuse a second same text). */
let author: Account;
let outsider: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Dépôt" });
  second = await account({ role: "moderator", name: "Modérateur Appel" });
  admin = await account({ role: "admin", name: "Admin Dépôt" });
  outsider = await account({ locale: "en", name: "Another Reader" });
});

let authors = 0;

/** A review held at submission (a phone number), by a new author, refused by `moderator`. */
async function refusedHeldReview(now = Date.now()) {
  author = await account({ locale: "fr", name: `Auteur Retenu ${++authors}` });
  const company = makeCompany();
  const reviewId = holdReview({ authorId: author.id, subjectId: company.subjectId, now });
  const decided = decideHeld({
    actor: { id: moderator.id, role: "moderator" },
    reviewId,
    decision: "refuse",
    reason: "personal_data",
    statement: REFUSED,
    ...heldCaseState(reviewId),
    origin: "http://localhost",
    now,
  });
  if (!decided.ok) throw new Error(`not refused: ${decided.kind}`);
  return { reviewId, companyId: company.id, decisionId: decided.decisionId };
}

function fileOk(decisionId: number) {
  const filed = fileDecisionAppeal({ viewer: { id: author.id, role: "member" }, decisionId, explanation: WHY, origin: "http://localhost" });
  if (!filed.ok) throw new Error(`appeal refused: ${filed.kind}`);
  return filed.appealId;
}

describe("the refusal's statement", () => {
  it("tells its author until when to appeal it, on the page and in the mail", async () => {
    const r = await refusedHeldReview();
    const statement = getPublicationStatement(r.decisionId, { id: author.id, role: "member" })!;
    const fr = publicationStatementText("fr", statement);
    expect(fr.contest).toMatch(/faire appel de cette décision sur Réplique jusqu’au .+ \(183 jours après elle\)/);
    expect(publicationStatementText("en", statement).contest).toMatch(
      /appeal this decision within Réplique until .+ \(183 days after it\)/,
    );
    const mail = outboxFor(author.email).at(-1)!;
    expect(mail.template).toBe("statement_publication");
    expect(mail.text).toContain("faire appel de cette décision");
  });

  it("only its author may appeal it, once, within the window; they get a receipt", async () => {
    const r = await refusedHeldReview();
    const page = await readStatement(author, r.decisionId);
    expect(page.status).toBe(200);
    expect((page.data as StatementData).right).toMatchObject({ kind: "open" });
    // Someone else cannot even read it; a moderator reads it but has nothing to appeal.
    expect((await readStatement(outsider, r.decisionId)).status).toBe(404);
    expect((await appealAs(outsider, r.decisionId)).status).toBe(404);
    expect(((await readStatement(second, r.decisionId)).data as StatementData).right).toMatchObject({ kind: "not_entitled" });
    expect((await appealAs(second, r.decisionId)).status).toBe(403);
    const anonymous = await appealAs(null, r.decisionId);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
    // Too short: the field's error, nothing written.
    expect((await appealAs(author, r.decisionId, "Non.")).status).toBe(400);
    expect(appealRows(r.decisionId)).toEqual([]);
    // Past the window (fake clock): closed.
    const late = fileDecisionAppeal({
      viewer: { id: author.id, role: "member" },
      decisionId: r.decisionId,
      explanation: WHY,
      now: Date.now() + (APPEAL_WINDOW_DAYS + 1) * DAY,
    });
    expect(late).toEqual({ ok: false, kind: "closed" });

    const sent = await appealAs(author, r.decisionId);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/statements/publication/${r.decisionId}#appeal`);
    expect(await flashKeyOf(sent)).toBe("flash.appealSent");
    // The receipt opens the refusal's own statement.
    expect(lastNotice(author.id)).toEqual({ kind: "decision_appeal_received", link: `/statements/publication/${r.decisionId}` });
    expect(outboxFor(author.email).at(-1)?.template).toBe("notice_decision_appeal_received");
    expect((await appealAs(author, r.decisionId)).status).toBe(409);
    expect(appealRows(r.decisionId)).toHaveLength(1);
    expect(((await readStatement(author, r.decisionId)).data as StatementData).right).toMatchObject({
      kind: "appealed",
      appeal: { status: "pending" },
    });
  });

  it("a publication went the author's way: there is nothing to appeal", async () => {
    author = await account({ locale: "fr", name: `Auteur Retenu ${++authors}` });
    const company = makeCompany();
    const reviewId = holdReview({ authorId: author.id, subjectId: company.subjectId });
    const published = decideHeld({
      actor: { id: moderator.id, role: "moderator" },
      reviewId,
      decision: "publish",
      reason: "personal_data",
      statement: "Le numéro est celui du standard public du magasin : rien n’empêche la publication.",
      ...heldCaseState(reviewId),
    });
    if (!published.ok) throw new Error(published.kind);
    expect(((await readStatement(author, published.decisionId)).data as StatementData).right).toBeNull();
    expect((await appealAs(author, published.decisionId)).status).toBe(403);
    expect(fileDecisionAppeal({ viewer: { id: author.id, role: "member" }, decisionId: published.decisionId, explanation: WHY })).toEqual({
      ok: false,
      kind: "not_found",
    });
  });

  it("a review its author deleted since cannot be appealed", async () => {
    const r = await refusedHeldReview();
    client().prepare(`UPDATE reviews SET status = 'deleted' WHERE id = ?`).run(r.reviewId);
    expect(((await readStatement(author, r.decisionId)).data as StatementData).right).toMatchObject({ kind: "gone" });
  });
});

describe("the appeal of a refusal", () => {
  it("waits in the appeals queue with its kind; its case page shows why the review was held", async () => {
    const r = await refusedHeldReview();
    fileOk(r.decisionId);
    const item = listAppealQueue({ limit: 500 }).items.find((i) => i.decisionId === r.decisionId);
    expect(item).toMatchObject({ kind: "publication", side: "concerned", title: "Une visite décevante" });
    const page = await openCase(second, r.decisionId);
    expect(page.status).toBe(200);
    const view = getDecisionAppealCase(r.decisionId, { id: second.id, role: "moderator" })!;
    expect(view).toMatchObject({ kind: "publication", reversal: "publish", canOverturn: true, refusal: null });
    expect(view.facts.kind === "publication" && view.facts.view.item.check).toBe("phone");
    expect(getDecisionAppealCase(r.decisionId, { id: moderator.id, role: "moderator" })?.refusal).toBe("same_moderator");
  });

  it("the moderator who refused cannot decide it; another overturns it: the review is published and counted, logged and told", async () => {
    const r = await refusedHeldReview();
    fileOk(r.decisionId);
    const before = writes();
    expect((await decideAs(moderator, r.decisionId, "overturn", OVERTURN)).status).toBe(403);
    expect(writes()).toEqual(before);
    expect(reviewState(r.reviewId)).toMatchObject({ status: "removed", published_at: null });

    const mails = outboxFor(author.email).length;
    const done = await decideAs(second, r.decisionId, "overturn", OVERTURN);
    expect(done.status).toBe(302);
    expect(done.location).toBe("/moderation/appeals");
    expect(reviewState(r.reviewId)).toMatchObject({ status: "published", removed_at: null });
    expect(reviewState(r.reviewId).published_at).toBeGreaterThan(0);
    expect(getPublicReview(r.reviewId)?.title).toBe("Une visite décevante");
    expectCountersMatch(r.companyId);
    expect(storedCounters(r.companyId)).toMatchObject([{ reviewCount: 1, star2: 1 }]);

    const [appeal] = appealRows(r.decisionId);
    expect(appeal).toMatchObject({ status: "overturned" });
    expect(decisionRow(appeal!.outcome!)).toMatchObject({
      actor_id: second.id,
      target_type: "review",
      target_id: r.reviewId,
      decision: "publish",
      statement: OVERTURN,
    });
    // The appealed decision is never changed.
    expect(decisionRow(r.decisionId)).toMatchObject({ decision: "refuse", statement: REFUSED, actor_id: moderator.id });
    // The author is told, on the site and by mail, in French; the outcome's statement is theirs.
    expect(lastNotice(author.id)).toEqual({ kind: "decision_appeal_decided", link: `/statements/decision/${appeal!.outcome}` });
    const mail = outboxFor(author.email).slice(mails);
    expect(mail.map((m) => m.template)).toEqual(["statement_appeal_overturned"]);
    expect(mail[0]!.subject).toMatch(/Issue de votre appel/);
    expect(mail[0]!.text).toContain(OVERTURN);
    expect(mail[0]!.text).toContain("est publié");
    const outcomePage = await callLoader(
      decisionStatementLoader,
      getRequest(`/statements/decision/${appeal!.outcome}`, { cookie: author.cookie }),
      { id: String(appeal!.outcome) },
    );
    expect((outcomePage.data as { page: DecisionStatementPage }).page).toMatchObject({
      kind: "outcome",
      statement: { outcome: "overturned", audience: "concerned", appealed: { id: r.decisionId, logged: "refuse" } },
    });
    // The outcome is read there, not as a moderator's publication; and it is final.
    expect((await readStatement(author, appeal!.outcome!)).status).toBe(404);
    expect(((await readStatement(author, r.decisionId)).data as StatementData).right).toMatchObject({
      kind: "appealed",
      appeal: { status: "overturned" },
    });
  });

  it("upheld, the review stays unpublished; the second of two moderators deciding at once writes nothing", async () => {
    const r = await refusedHeldReview();
    fileOk(r.decisionId);
    const stats = writes().stats;
    expect((await decideAs(second, r.decisionId, "uphold", UPHOLD)).status).toBe(302);
    expect(reviewState(r.reviewId)).toMatchObject({ status: "removed", published_at: null });
    expect(writes().stats).toEqual(stats);
    const [appeal] = appealRows(r.decisionId);
    expect(appeal).toMatchObject({ status: "upheld" });
    expect(decisionRow(appeal!.outcome!)).toMatchObject({ decision: "appeal_upheld", target_type: "review", target_id: r.reviewId });
    expect(outboxFor(author.email).at(-1)?.template).toBe("statement_appeal_upheld");
    const before = writes();
    expect((await decideAs(admin, r.decisionId, "uphold", UPHOLD)).status).toBe(409);
    expect(writes()).toEqual(before);
  });

  it("an admin may decide the appeal of a refusal they took", async () => {
    author = await account({ locale: "fr", name: `Auteur Retenu ${++authors}` });
    const company = makeCompany();
    const reviewId = holdReview({ authorId: author.id, subjectId: company.subjectId });
    const refused = decideHeld({
      actor: { id: admin.id, role: "admin" },
      reviewId,
      decision: "refuse",
      reason: "personal_data",
      statement: REFUSED,
      ...heldCaseState(reviewId),
    });
    if (!refused.ok) throw new Error(refused.kind);
    fileOk(refused.decisionId);
    expect((await decideAs(admin, refused.decisionId, "overturn", OVERTURN)).status).toBe(302);
    expect(reviewState(reviewId).status).toBe("published");
    expectCountersMatch(company.id);
  });
});
