// Appeals (DSA art. 20): the side a decision went against appeals it from the statement's
// page within the published window (APPEAL_WINDOW_DAYS, fake clock), once per person and
// per decision; a moderator other than the one who decided (an admin may decide any)
// upholds or overturns it in one transaction with its log row, the counters, the appeals'
// outcome and every notice, in each recipient's language; the second of two concurrent
// decisions writes nothing; the queue pages by keyset; /transparency counts them.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { APPEAL_WINDOW_DAYS, appealDeadline } from "~/lib/appeal-form";
import { statementText } from "~/lib/statement";
import {
  decideAppeal,
  fileAppeal,
  getAppealRight,
  getCaseAppeals,
  getRemovalAppeal,
  listAppealQueue,
  type DecideAppealInput,
} from "~/models/appeals.server";
import { decide, getDashboard, getStatement, type DecideInput } from "~/models/moderation.server";
import { listNotifications } from "~/models/notifications.server";
import { getTransparencyStats } from "~/models/transparency.server";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { action as caseAction, loader as caseLoader } from "~/routes/moderation.reviews.$id";
import { loader as queueLoader } from "~/routes/moderation.appeals";
import { loader as permalinkLoader } from "~/routes/reviews.$id";
import { action as statementAction, loader as statementLoader } from "~/routes/statements.$id";
import {
  account,
  type Account,
  callAction,
  callLoader,
  caseState,
  createTestUser,
  flagAs,
  getRequest,
  outboxFor,
  postRequest,
  recomputedCounters,
  storedCounters,
  thread,
} from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

const DAY = 86_400_000;
const REMOVAL = "Le texte insulte nommément un vendeur : c'est contraire à nos règles sur les injures.";
const KEEP = "Le texte décrit une expérience réelle, sans injure ni donnée personnelle : il reste publié.";
const OVERTURN = "Relu en appel : le mot en cause vise le service, pas une personne. L'avis revient en ligne.";
const UPHOLD = "Relu en appel : l'avis nomme bien un salarié et l'insulte. Le retrait est maintenu.";
const WHY = "Je n'insulte personne : je décris ce qui s'est passé au magasin ce jour-là.";

let moderator: Account;
let second: Account;
let admin: Account;
let author: Account;
let reader: Account;
let staff: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Une" });
  second = await account({ role: "moderator", name: "Modérateur Deux" });
  admin = await account({ role: "admin", name: "Admin" });
  author = await account({ locale: "fr", name: "Auteur FR" });
  staff = await account({ locale: "en", name: "Staff" });
});

// A reporter of their own per group of tests: one account may file only so many flags a
// day (FLAGS_PER_DAY_PER_ACCOUNT), and the tests file many.
const freshReader = async () => {
  reader = await account({ locale: "en", name: "Reader EN" });
};
beforeAll(freshReader);

const client = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) =>
  (
    client()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;
const reviewStatus = (id: number) => (client().prepare(`SELECT status FROM reviews WHERE id = ?`).get(id) as { status: string }).status;
const decisionRows = (reviewId: number) =>
  client().prepare(`SELECT * FROM moderation_decisions WHERE target_type = 'review' AND target_id = ? ORDER BY id`).all(reviewId) as {
    id: number;
    actor_id: number;
    decision: string;
    reason: string;
    statement: string;
    created_at: number;
  }[];
const appealRows = (decisionId: number) =>
  client().prepare(`SELECT * FROM appeals WHERE decision_id = ? ORDER BY id`).all(decisionId) as {
    id: number;
    appellant_user_id: number;
    body: string;
    status: string;
    outcome_decision_id: number | null;
    decided_by: number | null;
    decided_at: number | null;
  }[];
const everything = () => ({
  decisions: count(`SELECT count(*) AS n FROM moderation_decisions`),
  appeals: count(`SELECT count(*) AS n FROM appeals WHERE status = 'pending'`),
  notifications: count(`SELECT count(*) AS n FROM notifications`),
  outbox: count(`SELECT count(*) AS n FROM outbox`),
});

/** The subject's counters, stored: the thread's company has one subject, so they equal the company's recomputation. */
function storedSubjectCounters(companyId: number) {
  return client()
    .prepare(
      `SELECT s.origin, s.review_count AS reviewCount, s.star1, s.star2, s.star3, s.star4, s.star5, s.star_sum AS starSum
       FROM rating_stats s JOIN companies c ON c.id = ? JOIN subjects j ON j.company_id = c.id
       WHERE s.scope = 'subject' AND s.scope_id = j.id AND s.review_count > 0 ORDER BY s.origin`,
    )
    .all(companyId) as Record<string, number | string>[];
}

function expectCountersMatch(companyId: number) {
  const expected = recomputedCounters(companyId);
  const subject = storedSubjectCounters(companyId);
  expect(subject.map((r) => r.origin)).toEqual([...expected.keys()].sort());
  for (const row of subject) {
    const e = expected.get(String(row.origin))!;
    expect(row).toEqual({
      origin: row.origin,
      reviewCount: e.reviewCount,
      star1: e.star1,
      star2: e.star2,
      star3: e.star3,
      star4: e.star4,
      star5: e.star5,
      starSum: e.starSum,
    });
  }
  const actual = storedCounters(companyId);
  expect(actual.map((r) => r.origin).sort()).toEqual([...expected.keys()].sort());
  for (const { origin, weightedStarSum, weightSum, ...counts } of actual) {
    const { weightedStarSum: ew, weightSum: es, ...e } = expected.get(origin)!;
    expect(counts).toEqual(e);
    expect(weightedStarSum).toBeCloseTo(ew, 6);
    expect(weightSum).toBeCloseTo(es, 6);
  }
}

/** A decision by `who` on a fresh thread (reported by `reader`): a removal or a keep. */
function decided(who: Account, decision: "remove" | "keep", options: { now?: number; stars?: number } = {}) {
  const world = thread(author.id, staff.id, { stars: options.stars ?? 1 });
  const flagId = flagAs({ id: reader.id, role: "member" }, world.reviewId);
  const input: DecideInput = {
    actor: { id: who.id, role: who.role },
    reviewId: world.reviewId,
    target: "review",
    decision,
    reason: "offensive",
    statement: decision === "remove" ? REMOVAL : KEEP,
    ...caseState(world.reviewId),
    origin: "http://localhost",
    now: options.now,
  };
  const result = decide(input);
  if (!result.ok) throw new Error(`decide refused: ${result.kind}`);
  return { ...world, flagId, decisionId: result.decisionId };
}

const viewer = (who: Account) => ({ id: who.id, role: who.role, email: who.email, emailVerifiedAt: Date.now() });

function appeal(who: Account, decisionId: number, now?: number) {
  return fileAppeal({ viewer: viewer(who), decisionId, explanation: WHY, origin: "http://localhost", now });
}

function appealInput(who: Account, d: { reviewId: number; decisionId: number }, over: Partial<DecideAppealInput> = {}): DecideAppealInput {
  const [a] = getCaseAppeals(d.reviewId, { id: who.id, role: who.role });
  return {
    actor: { id: who.id, role: who.role },
    reviewId: d.reviewId,
    target: "review",
    appealed: d.decisionId,
    outcome: "overturn",
    reason: "offensive",
    statement: OVERTURN,
    seenAppeal: a?.seenAppeal ?? 0,
    editedAt: a?.editedAt ?? 0,
    origin: "http://localhost",
    ...over,
  };
}

describe("the appeal window (published: APPEAL_WINDOW_DAYS after the decision)", () => {
  beforeAll(freshReader);
  it("is open until the deadline and closed one moment after, on a fake clock", () => {
    const t0 = Date.now() - 10 * DAY;
    const d = decided(moderator, "remove", { now: t0 });
    const deadline = appealDeadline(t0);
    expect(deadline - t0).toBe(APPEAL_WINDOW_DAYS * DAY);
    expect(APPEAL_WINDOW_DAYS).toBeGreaterThanOrEqual(182); // six months, as SPEC.md and /transparency say
    expect(getAppealRight(d.decisionId, viewer(author), deadline + 1)).toEqual({ kind: "closed", deadline });
    expect(appeal(author, d.decisionId, deadline + 1)).toEqual({ ok: false, kind: "closed" });
    expect(appealRows(d.decisionId)).toHaveLength(0);
    expect(getAppealRight(d.decisionId, viewer(author), deadline)).toEqual({ kind: "open", deadline, side: "author" });
    expect(appeal(author, d.decisionId, deadline)).toMatchObject({ ok: true });
  });

  it("the statement says until when, with the link, and the other side's says they may appeal", () => {
    const t0 = Date.UTC(2026, 0, 10, 12);
    const input = {
      decisionId: 7,
      decision: "remove" as const,
      target: "review" as const,
      reason: "offensive",
      statement: REMOVAL,
      automated: false,
      decidedAt: t0,
      reviewId: 3,
      reviewTitle: "Titre",
      companyName: "Maison",
      reportCount: 1,
    };
    const fr = statementText("fr", { ...input, role: "author" });
    // 10 January + 183 days.
    expect(fr.contest).toContain(`jusqu’au 12 juillet 2026 (${APPEAL_WINDOW_DAYS} jours après elle)`);
    expect(fr.appealPath).toBe("/statements/7#appeal");
    const en = statementText("en", { ...input, role: "reporter" });
    expect(en.contest).toMatch(/^The author of this content may appeal this decision within Réplique until 12 July 2026/);
    expect(en.appealPath).toBeNull();
    const kept = statementText("en", { ...input, decision: "keep", role: "reporter" });
    expect(kept.contest).toMatch(/^You may appeal this decision within Réplique until 12 July 2026/);
    const noAccount = statementText("fr", { ...input, decision: "keep", role: "reporter", noAccount: true });
    expect(noAccount.contest).toContain("créez un compte, avec l’adresse à laquelle ce message a été envoyé");
  });
});

describe("who may appeal, and only once", () => {
  beforeAll(freshReader);
  it("one appeal per person per decision: a second one is refused, by the model and by SQLite", () => {
    const d = decided(moderator, "remove");
    expect(appeal(author, d.decisionId)).toMatchObject({ ok: true });
    expect(appeal(author, d.decisionId)).toEqual({ ok: false, kind: "already_appealed" });
    expect(() =>
      client().prepare(`INSERT INTO appeals (decision_id, appellant_user_id, body) VALUES (?, ?, 'encore')`).run(d.decisionId, author.id),
    ).toThrow(/UNIQUE/);
    expect(appealRows(d.decisionId)).toHaveLength(1);
    expect(getAppealRight(d.decisionId, viewer(author))).toMatchObject({ kind: "appealed", appeal: { status: "pending" } });
  });

  it("the side the decision went against: the author of a removal, the reporters of a keep; nobody else", () => {
    const removal = decided(moderator, "remove");
    expect(appeal(reader, removal.decisionId)).toEqual({ ok: false, kind: "not_entitled" });
    expect(appeal(second, removal.decisionId)).toEqual({ ok: false, kind: "not_entitled" });
    const keep = decided(moderator, "keep");
    expect(appeal(author, keep.decisionId)).toEqual({ ok: false, kind: "not_entitled" });
    expect(appeal(reader, keep.decisionId)).toMatchObject({ ok: true });
  });

  it("a notifier who reported without an account appeals once signed in with the same, verified, address", async () => {
    const world = thread(author.id, staff.id);
    const email = `notifier-${Date.now()}@example.test`;
    flagAs(null, world.reviewId, { contact: { name: "Camille", email }, locale: "fr" });
    const kept = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "review",
      decision: "keep",
      reason: "offensive",
      statement: KEEP,
      ...caseState(world.reviewId),
      origin: "http://localhost",
    });
    if (!kept.ok) throw new Error(kept.kind);
    // The mail tells them how, with the link.
    const mail = outboxFor(email).find((m) => m.template === "statement_reporter")!;
    expect(mail.text).toContain("connectez-vous, ou créez un compte, avec l’adresse");
    expect(mail.text).toContain(`http://localhost/statements/${kept.decisionId}#appeal`);
    const unverified = await createTestUser({ email: `other-${email}`, verified: false });
    expect(getStatement(kept.decisionId, { id: unverified.id, role: "member", email, emailVerifiedAt: null })).toBeNull();
    const user = await createTestUser({ email });
    const who = { id: user.id, role: "member" as const, email, emailVerifiedAt: Date.now() };
    expect(getStatement(kept.decisionId, who)).toMatchObject({ role: "reporter" });
    expect(fileAppeal({ viewer: who, decisionId: kept.decisionId, explanation: WHY })).toMatchObject({ ok: true });
  });

  it("while an appeal waits, the content is decided only through it", () => {
    const d = decided(moderator, "remove");
    appeal(author, d.decisionId);
    const restore = decide({
      actor: { id: second.id, role: "moderator" },
      reviewId: d.reviewId,
      target: "review",
      decision: "restore",
      reason: "offensive",
      statement: OVERTURN,
      ...caseState(d.reviewId),
    });
    expect(restore).toEqual({ ok: false, kind: "appeal_pending" });
    expect(reviewStatus(d.reviewId)).toBe("removed");
  });
});

describe("the appeal form on /statements/:id (Conform, without JavaScript)", () => {
  beforeAll(freshReader);
  it("answers 400 with the message key and what was typed; then records the appeal, its receipt, and shows it", async () => {
    const d = decided(moderator, "remove");
    const path = `/statements/${d.decisionId}`;
    const params = { id: String(d.decisionId) };
    const page = await callLoader(statementLoader, getRequest(path, { cookie: author.cookie }), params);
    expect(page.data).toMatchObject({ appeal: { kind: "open", side: "author" } });
    const post = (explanation: string, who = author) =>
      callAction((args) => statementAction({ ...args, params }), postRequest(path, { explanation }, { cookie: who.cookie }));
    const short = await post("Non.");
    expect(short.status).toBe(400);
    expect(short.data).toMatchObject({ result: { error: { explanation: ["appeal.error.short"] }, initialValue: { explanation: "Non." } } });
    expect((await post("   ")).data).toMatchObject({
      result: { error: { explanation: expect.arrayContaining(["appeal.error.required"]) } },
    });
    expect(appealRows(d.decisionId)).toHaveLength(0);

    const sent = await post(WHY);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`${path}#appeal`);
    expect(await flashKeyOf(sent)).toBe("flash.appealSent");
    expect(appealRows(d.decisionId)).toMatchObject([{ appellant_user_id: author.id, body: WHY, status: "pending" }]);
    // The receipt, on the site and by mail, in the author's language.
    expect(listNotifications(author.id, "fr")[0]).toMatchObject({ title: "Votre appel a bien été reçu", link: path });
    expect(outboxFor(author.email).at(-1)!.template).toBe("notice_appeal_received");
    expect((await callLoader(statementLoader, getRequest(path, { cookie: author.cookie }), params)).data).toMatchObject({
      appeal: { kind: "appealed", appeal: { status: "pending" } },
    });
    // Twice: 409 with the reason, nothing written.
    const again = await post(WHY);
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ result: { error: { "": ["appeal.refusal.already_appealed"] } } });
    expect(appealRows(d.decisionId)).toHaveLength(1);
    // The side it went for may read the statement, not appeal it.
    expect((await post(WHY, reader)).status).toBe(403);
  });

  it("the permalink of a removed review tells its author how to appeal, with the link", async () => {
    const d = decided(moderator, "remove");
    const res = await callLoader(permalinkLoader, getRequest(`/reviews/${d.reviewId}`, { cookie: author.cookie }), {
      id: String(d.reviewId),
    });
    expect(res.data).toMatchObject({ removal: { decisionId: d.decisionId, right: { kind: "open" } } });
    const anonymous = await callLoader(permalinkLoader, getRequest(`/reviews/${d.reviewId}`), { id: String(d.reviewId) });
    expect(anonymous.data).toMatchObject({ removal: null });
    expect(getRemovalAppeal(d.reviewId, viewer(reader))).toBeNull();
  });
});

describe("deciding an appeal: a different moderator", () => {
  beforeAll(freshReader);
  it("the moderator who decided is refused with a clear message, and nothing is written", async () => {
    const d = decided(moderator, "remove");
    appeal(author, d.decisionId);
    expect(getCaseAppeals(d.reviewId, { id: moderator.id, role: "moderator" })[0]!.refusal).toBe("same_moderator");
    const before = everything();
    expect(decideAppeal(appealInput(moderator, d))).toEqual({ ok: false, kind: "same_moderator" });
    const res = await callAction(
      (args) => caseAction({ ...args, params: { id: String(d.reviewId) } }),
      postRequest(
        `/moderation/reviews/${d.reviewId}`,
        {
          intent: "appeal",
          target: "review",
          appealed: String(d.decisionId),
          outcome: "overturn",
          reason: "offensive",
          statement: OVERTURN,
          seenAppeal: String(appealRows(d.decisionId)[0]!.id),
          editedAt: "0",
        },
        { cookie: moderator.cookie },
      ),
    );
    expect(res.status).toBe(403);
    expect(res.data).toMatchObject({ form: "appeal", result: { error: { "": ["appeal.decide.refusal.same_moderator"] } } });
    expect(everything()).toEqual(before);
    expect(reviewStatus(d.reviewId)).toBe("removed");
    // Another moderator may.
    expect(getCaseAppeals(d.reviewId, { id: second.id, role: "moderator" })[0]!.refusal).toBeNull();
    expect(decideAppeal(appealInput(second, d))).toMatchObject({ ok: true });
  });

  it("an admin may decide an appeal on their own decision", () => {
    const d = decided(admin, "remove");
    appeal(author, d.decisionId);
    expect(getCaseAppeals(d.reviewId, { id: admin.id, role: "admin" })[0]!.refusal).toBeNull();
    expect(decideAppeal(appealInput(admin, d, { outcome: "uphold", statement: UPHOLD }))).toMatchObject({ ok: true });
  });

  it("the conflicts of interest of any decision apply too", () => {
    const world = thread(author.id, second.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    const removal = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "review",
      decision: "remove",
      reason: "offensive",
      statement: REMOVAL,
      ...caseState(world.reviewId),
    });
    if (!removal.ok) throw new Error(removal.kind);
    appeal(author, removal.decisionId);
    // `second` is a member of the reviewed company.
    expect(decideAppeal(appealInput(second, { reviewId: world.reviewId, decisionId: removal.decisionId }))).toEqual({
      ok: false,
      kind: "company_member",
    });
  });
});

describe("overturning a removal restores the review, its counters and score; the log only grows", () => {
  beforeAll(freshReader);
  let d: ReturnType<typeof decided>;
  let original: ReturnType<typeof decisionRows>[number];
  let outcomeId: number;

  beforeAll(() => {
    d = decided(moderator, "remove");
    original = decisionRows(d.reviewId)[0]!;
    appeal(author, d.decisionId);
  });

  it("is one transaction: the state, the counters equal to a recomputation, the log row, the appeal's outcome", async () => {
    expectCountersMatch(d.companyId);
    const slug = (client().prepare(`SELECT slug FROM companies WHERE id = ?`).get(d.companyId) as { slug: string }).slug;
    const company = async () =>
      (await callLoader(companyLoader, getRequest(`/companies/${slug}`), { slug })).data as {
        summary: { reviewCount: number; histogram: number[] };
      };
    // Its company had only this review: removed, nothing counted.
    expect((await company()).summary.reviewCount).toBe(0);
    const result = decideAppeal(appealInput(second, d));
    expect(result).toMatchObject({ ok: true, appeals: 1 });
    if (!result.ok) return;
    outcomeId = result.decisionId;
    expect(reviewStatus(d.reviewId)).toBe("published");
    expectCountersMatch(d.companyId);
    const after = await company();
    expect(after.summary.reviewCount).toBe(1);
    expect(after.summary.histogram[0]).toBe(1); // the 1★ review counts again
    expect(count(`SELECT review_count AS n FROM users WHERE id = ?`, author.id)).toBeGreaterThan(0);
    // Append-only: the original decision is untouched, the outcome is a new row.
    const rows = decisionRows(d.reviewId);
    expect(rows[0]).toEqual(original);
    expect(rows.map((r) => r.decision)).toEqual(["remove", "restore"]);
    expect(rows[1]).toMatchObject({ id: outcomeId, actor_id: second.id, statement: OVERTURN });
    expect(appealRows(d.decisionId)).toMatchObject([
      { status: "overturned", outcome_decision_id: outcomeId, decided_by: second.id, decided_at: expect.any(Number) },
    ]);
    expect(getDashboard().appeals.count).toBe(count(`SELECT count(DISTINCT decision_id) AS n FROM appeals WHERE status = 'pending'`));
  });

  it("the appellant (French) and the reporter (English) get the statement of the outcome, on the site and by mail", () => {
    const mail = outboxFor(author.email)
      .filter((m) => m.template === "statement_author")
      .at(-1)!;
    expect(mail.subject).toBe(`Issue de votre appel\u202F: la décision n° ${d.decisionId} est infirmée`);
    expect(mail.text).toContain("un autre modérateur que celui qui avait décidé a examiné l’appel que vous avez formé le");
    expect(mail.text).toContain("est de nouveau en ligne");
    expect(mail.text).toContain("définitive sur Réplique");
    expect(mail.text).toContain(`http://localhost/statements/${outcomeId}`);
    expect(mail.text).not.toContain("#appeal");
    const [notice] = listNotifications(author.id, "fr");
    expect(notice).toMatchObject({ title: mail.subject, link: `/statements/${outcomeId}` });
    const other = outboxFor(reader.email)
      .filter((m) => m.template === "statement_reporter")
      .at(-1)!;
    expect(other.subject).toBe(`An appeal was decided: decision no. ${d.decisionId} is reversed`);
    expect(other.text).toContain("is back online");
    expect(listNotifications(reader.id, "en")[0]).toMatchObject({ title: other.subject });
  });

  it("the outcome's page opens for both sides; it is final", async () => {
    const params = { id: String(outcomeId) };
    const mine = await callLoader(statementLoader, getRequest(`/statements/${outcomeId}`, { cookie: author.cookie }), params);
    expect(mine.data).toMatchObject({
      statement: { decision: "restore", appeal: { outcome: "overturned", appealedDecisionId: d.decisionId, yoursAt: expect.any(Number) } },
      appeal: { kind: "final" },
    });
    const theirs = await callLoader(statementLoader, getRequest(`/statements/${outcomeId}`, { cookie: reader.cookie }), params);
    expect(theirs.data).toMatchObject({ statement: { role: "reporter", appeal: { yoursAt: null } }, appeal: { kind: "final" } });
    // The appellant's page of the appealed decision links to the outcome.
    expect(getAppealRight(d.decisionId, viewer(author))).toMatchObject({
      kind: "appealed",
      appeal: { status: "overturned", outcomeDecisionId: outcomeId },
    });
  });
});

describe("overturning a keep removes the review; upholding changes nothing but the log", () => {
  beforeAll(freshReader);
  it("a keep overturned on the reporter's appeal: removed, counters recomputed, pending reports upheld, the author told in French", () => {
    const d = decided(moderator, "keep", { stars: 2 });
    expect(appeal(reader, d.decisionId)).toMatchObject({ ok: true });
    const later = flagAs({ id: staff.id, role: "member" }, d.reviewId, { reason: "spam" });
    const result = decideAppeal(appealInput(second, d, { statement: "Relu en appel : le texte insulte bien le vendeur, il est retiré." }));
    expect(result).toMatchObject({ ok: true });
    expect(reviewStatus(d.reviewId)).toBe("removed");
    expectCountersMatch(d.companyId);
    expect(client().prepare(`SELECT status FROM flags WHERE id = ?`).get(later)).toEqual({ status: "upheld" });
    expect(decisionRows(d.reviewId).map((r) => r.decision)).toEqual(["dismiss_flag", "remove"]);
    expect(
      outboxFor(reader.email)
        .filter((m) => m.template === "statement_reporter")
        .at(-1)!.subject,
    ).toBe(`Outcome of your appeal: decision no. ${d.decisionId} is reversed`);
    const toAuthor = outboxFor(author.email)
      .filter((m) => m.template === "statement_author")
      .at(-1)!;
    expect(toAuthor.subject).toBe(`Un appel a été tranché\u202F: la décision n° ${d.decisionId} est infirmée`);
    expect(toAuthor.text).toContain("est retiré");
    // The tombstone gives the reason of the appeal's decision.
    expect(client().prepare(`SELECT removal_reason AS r FROM reviews WHERE id = ?`).get(d.reviewId)).toEqual({ r: "offensive" });
  });

  it("upheld: the review stays removed, the counters do not move, one appeal_upheld row, both sides told", () => {
    const d = decided(moderator, "remove");
    appeal(author, d.decisionId);
    const stats = storedCounters(d.companyId);
    const result = decideAppeal(appealInput(second, d, { outcome: "uphold", statement: UPHOLD }));
    expect(result).toMatchObject({ ok: true });
    expect(reviewStatus(d.reviewId)).toBe("removed");
    expect(storedCounters(d.companyId)).toEqual(stats);
    expect(decisionRows(d.reviewId).map((r) => r.decision)).toEqual(["remove", "appeal_upheld"]);
    expect(appealRows(d.decisionId)[0]).toMatchObject({ status: "upheld" });
    const mail = outboxFor(author.email)
      .filter((m) => m.template === "statement_author")
      .at(-1)!;
    expect(mail.subject).toBe(`Issue de votre appel\u202F: la décision n° ${d.decisionId} est maintenue`);
    expect(mail.text).toContain("reste retiré");
    expect(outboxFor(reader.email).at(-1)!.subject).toBe(`An appeal was decided: decision no. ${d.decisionId} stands`);
    // A confirmed decision is not appealed again by the same person, and its outcome is final.
    expect(appeal(author, d.decisionId)).toEqual({ ok: false, kind: "already_appealed" });
    if (result.ok) expect(getAppealRight(result.decisionId, viewer(author))).toEqual({ kind: "final" });
  });
});

describe("a company's reply is appealed like a review", () => {
  beforeAll(freshReader);
  it("its writer appeals the removal; overturned, the reply counts again in the reply counters", () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: author.id, role: "member" }, world.reviewId, { target: "reply" });
    const removal = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "reply",
      decision: "remove",
      reason: "offensive",
      statement: REMOVAL,
      ...caseState(world.reviewId, "reply"),
      origin: "http://localhost",
    });
    if (!removal.ok) throw new Error(removal.kind);
    expectCountersMatch(world.companyId);
    expect(appeal(author, removal.decisionId)).toEqual({ ok: false, kind: "not_entitled" });
    expect(appeal(staff, removal.decisionId)).toMatchObject({ ok: true });
    const [a] = getCaseAppeals(world.reviewId, { id: second.id, role: "moderator" });
    expect(a).toMatchObject({ target: "reply", reversal: "restore", canOverturn: true });
    const result = decideAppeal({
      actor: { id: second.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "reply",
      appealed: removal.decisionId,
      outcome: "overturn",
      reason: "offensive",
      statement: OVERTURN,
      seenAppeal: a!.seenAppeal,
      editedAt: a!.editedAt,
      origin: "http://localhost",
    });
    expect(result).toMatchObject({ ok: true });
    expect(client().prepare(`SELECT status FROM replies WHERE id = ?`).get(world.replyId)).toEqual({ status: "published" });
    expectCountersMatch(world.companyId);
    expect(
      outboxFor(staff.email)
        .filter((m) => m.template === "statement_author")
        .at(-1)!.subject,
    ).toBe(`Outcome of your appeal: decision no. ${removal.decisionId} is reversed`);
    // The reviewer, who reported the reply, is told in French.
    expect(
      outboxFor(author.email)
        .filter((m) => m.template === "statement_reporter")
        .at(-1)!.subject,
    ).toBe(`Un appel a été tranché\u202F: la décision n° ${removal.decisionId} est infirmée`);
  });
});

describe("two moderators deciding the same appeal at once", () => {
  beforeAll(freshReader);
  it("the second gets 409 and nothing is written twice", async () => {
    const d = decided(moderator, "remove");
    appeal(author, d.decisionId);
    const [opened] = getCaseAppeals(d.reviewId, { id: second.id, role: "moderator" });
    const fields = (outcome: string, statement: string) => ({
      intent: "appeal",
      target: "review",
      appealed: String(d.decisionId),
      outcome,
      reason: "offensive",
      statement,
      seenAppeal: String(opened!.seenAppeal),
      editedAt: String(opened!.editedAt),
    });
    const post = (who: Account, form: Record<string, string>) =>
      callAction(
        (args) => caseAction({ ...args, params: { id: String(d.reviewId) } }),
        postRequest(`/moderation/reviews/${d.reviewId}`, form, { cookie: who.cookie }),
      );
    const first = await post(second, fields("overturn", OVERTURN));
    expect(first.status).toBe(302);
    expect(await flashKeyOf(first)).toBe("flash.appealDecided");
    const after = everything();
    const stats = storedCounters(d.companyId);
    const late = await post(admin, fields("uphold", UPHOLD));
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({
      form: "appeal",
      result: { error: { "": ["appeal.decide.error.already_decided"] }, initialValue: { statement: UPHOLD } },
    });
    expect((await post(admin, fields("overturn", OVERTURN))).status).toBe(409);
    expect(everything()).toEqual(after);
    expect(storedCounters(d.companyId)).toEqual(stats);
    expect(decisionRows(d.reviewId)).toHaveLength(2);
  });

  it("an appeal that arrived after the case was opened stops the form (409), nothing written", () => {
    // Two readers reported; the review was kept; both may appeal.
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    flagAs({ id: staff.id, role: "member" }, world.reviewId);
    const kept = decide({
      actor: { id: moderator.id, role: "moderator" },
      reviewId: world.reviewId,
      target: "review",
      decision: "keep",
      reason: "offensive",
      statement: KEEP,
      ...caseState(world.reviewId),
    });
    if (!kept.ok) throw new Error(kept.kind);
    const d = { ...world, decisionId: kept.decisionId };
    appeal(reader, d.decisionId);
    const opened = appealInput(second, d);
    expect(appeal(staff, d.decisionId)).toMatchObject({ ok: true });
    const before = everything();
    expect(decideAppeal(opened)).toEqual({ ok: false, kind: "new_appeal" });
    expect(everything()).toEqual(before);
    expect(reviewStatus(d.reviewId)).toBe("published");
    // Reloaded, both are decided at once, and each appellant is told once.
    const result = decideAppeal(appealInput(second, d, { outcome: "uphold", statement: KEEP }));
    expect(result).toMatchObject({ ok: true, appeals: 2 });
    expect(appealRows(d.decisionId).map((a) => a.status)).toEqual(["upheld", "upheld"]);
  });

  it("the form is Conform's: 400 with keys next to each field", async () => {
    const d = decided(moderator, "remove");
    appeal(author, d.decisionId);
    const res = await callAction(
      (args) => caseAction({ ...args, params: { id: String(d.reviewId) } }),
      postRequest(
        `/moderation/reviews/${d.reviewId}`,
        {
          intent: "appeal",
          target: "review",
          appealed: String(d.decisionId),
          outcome: "",
          reason: "nope",
          statement: "court",
          seenAppeal: "1",
          editedAt: "0",
        },
        { cookie: second.cookie },
      ),
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({
      form: "appeal",
      result: {
        error: {
          outcome: ["appeal.decide.error.outcome"],
          reason: ["moderation.error.reason"],
          statement: ["moderation.error.statementShort"],
        },
        initialValue: { statement: "court" },
      },
    });
  });
});

describe("the appeals queue", () => {
  beforeAll(freshReader);
  it("lists each appealed decision once, oldest first, and walks every page by keyset", async () => {
    const all = listAppealQueue({ limit: 1000 }).items;
    expect(all.length).toBeGreaterThan(0);
    const oldest = all.map((i) => i.oldestAt);
    expect([...oldest].sort((a, b) => a - b)).toEqual(oldest);
    const walked: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page = listAppealQueue({ after, limit: 2 });
      walked.push(...page.items.map((i) => i.decisionId));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(walked).toEqual(all.map((i) => i.decisionId));
    expect(new Set(walked).size).toBe(walked.length);
    const dashboard = getDashboard();
    expect(dashboard.appeals).toMatchObject({
      count: all.length,
      appeals: count(`SELECT count(*) AS n FROM appeals WHERE status = 'pending'`),
      oldestAt: oldest[0],
    });
    // The decider sees that another moderator must decide.
    const d = decided(moderator, "remove");
    appeal(author, d.decisionId);
    const mine = listAppealQueue({ limit: 1000, viewer: { id: moderator.id, role: "moderator" } }).items.find(
      (i) => i.decisionId === d.decisionId,
    )!;
    expect(mine).toMatchObject({ yours: true, side: "author", appealCount: 1, reviewId: d.reviewId, explanations: [{ explanation: WHY }] });
    const res = await callLoader(queueLoader, getRequest(`/moderation/appeals?after=garbage`, { cookie: moderator.cookie }));
    expect(res.status).toBe(200);
    const page = await callLoader(caseLoader, getRequest(`/moderation/reviews/${d.reviewId}`, { cookie: second.cookie }), {
      id: String(d.reviewId),
    });
    expect(page.data).toMatchObject({ appeals: [{ decision: { id: d.decisionId }, appeals: [{ explanation: WHY }], canOverturn: true }] });
  });
});

describe("/transparency counts the appeals", () => {
  beforeAll(freshReader);
  it("equal to SQL over the appeals table", () => {
    const since = Date.now() - 365 * DAY;
    const sql = client()
      .prepare(
        `SELECT count(*) AS received, sum(status = 'upheld') AS upheld, sum(status = 'overturned') AS overturned, sum(status = 'pending') AS pending
         FROM appeals WHERE created_at >= ?`,
      )
      .get(since);
    expect(getTransparencyStats().appeals).toEqual(sql);
  });
});
