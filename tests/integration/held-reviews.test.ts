// Reviews held at submission (app/models/held-reviews.server.ts): the queue, oldest first
// by keyset, with the check that held each and its evidence; publish and refuse in one
// transaction (log, state, counters equal to a recomputation, statement to the author on
// the site and by mail in their language); guards; a second concurrent decision writes
// nothing; and the publication deadline job, on a fake clock, publishes a review held
// longer than the published delay and not one held for less.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { PUBLICATION_DEADLINE_MS } from "~/lib/held-review";
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import {
  decideHeld,
  getHeldCase,
  getHeldSummary,
  getPublicationStatement,
  listHeldQueue,
  matchedPassages,
  publishOverdueHeldReviews,
  type HeldDecideInput,
} from "~/models/held-reviews.server";
import { checkPhone } from "~/models/review-checks.server";
import { createReview, editReview } from "~/models/review-submission.server";
import { action as caseAction, loader as caseLoader } from "~/routes/moderation.held_.$id";
import { loader as queueLoader } from "~/routes/moderation.held";
import { loader as statementLoader } from "~/routes/statements.publication.$id";
import {
  account,
  type Account,
  addMember,
  callAction,
  callLoader,
  expectCountersMatch,
  getRequest,
  heldCaseState,
  holdReview,
  makeCompany,
  makeReview,
  outboxFor,
  postRequest,
  reviewInput,
  storedCounters,
} from "../support/fixtures";

const HOUR = 3_600_000;
const STATEMENT = "Le numéro cité est celui du standard de l'entreprise, pas celui d'une personne : rien ne s'oppose à la publication.";

let moderator: Account;
let second: Account;
let admin: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Held" });
  second = await account({ role: "moderator", name: "Second Held" });
  admin = await account({ role: "admin", name: "Admin Held" });
});

const client = () => getDb().$client;
const row = (id: number) =>
  client()
    .prepare(
      `SELECT status, published_at AS publishedAt, removed_at AS removedAt, removal_reason AS removalReason, held_check AS heldCheck FROM reviews WHERE id = ?`,
    )
    .get(id) as {
    status: string;
    publishedAt: number | null;
    removedAt: number | null;
    removalReason: string | null;
    heldCheck: string | null;
  };
const decisionsOn = (id: number) =>
  client().prepare(`SELECT * FROM moderation_decisions WHERE target_type = 'review' AND target_id = ? ORDER BY id`).all(id) as {
    id: number;
    actor_id: number | null;
    automated: number;
    decision: string;
    reason: string;
    statement: string;
    created_at: number;
  }[];
const notificationsOf = (userId: number) =>
  client().prepare(`SELECT kind, data, link FROM notifications WHERE user_id = ? ORDER BY id`).all(userId) as {
    kind: string;
    data: string;
    link: string;
  }[];

function input(who: Account, reviewId: number, over: Partial<HeldDecideInput> = {}): HeldDecideInput {
  return {
    actor: { id: who.id, role: who.role },
    reviewId,
    decision: "publish",
    reason: "personal_data",
    statement: STATEMENT,
    ...heldCaseState(reviewId),
    origin: "http://localhost",
    ...over,
  };
}

/** A company with one published review (so its counters exist) and a held one by `author`. */
async function heldOn(author: Account, options: { now?: number; body?: string } = {}) {
  const company = makeCompany();
  const other = await account();
  const published = createReview({
    actor: { id: other.id, role: "member" },
    subjectId: company.subjectId,
    input: reviewInput({ stars: 4, body: "Accueil aimable, conseils précis et un échange sans difficulté le lendemain." }),
    locale: "fr",
    ipHash: null,
  });
  expect(published.ok && published.status).toBe("published");
  const reviewId = holdReview({
    authorId: author.id,
    subjectId: company.subjectId,
    now: options.now,
    input: options.body ? { body: options.body } : {},
  });
  return { ...company, reviewId };
}

describe("the queue", () => {
  it("lists held reviews oldest first by keyset pages, each with its check and its evidence", async () => {
    const author = await account();
    const now = Date.now();
    const ids = [
      (await heldOn(author, { now: now - 30 * HOUR })).reviewId,
      (await heldOn(author, { now: now - 20 * HOUR, body: "Tout est expliqué sur https://www.bonnes-affaires.example/promo, allez voir." }))
        .reviewId,
      (await heldOn(author, { now: now - 10 * HOUR, body: "Écrivez directement à jean.dupont@gmail.com, il répond plus vite." })).reviewId,
    ];
    const all = listHeldQueue({ limit: 500 }).items;
    const order = all.map((i) => i.heldAt);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const mine = all.filter((i) => ids.includes(i.id));
    expect(mine.map((i) => i.id)).toEqual(ids);
    expect(mine.map((i) => i.check)).toEqual(["phone", "links", "email"]);
    expect(mine[0]!.evidence).toEqual({ check: "phone", found: ["06 12 34 56 78"] });
    expect(mine[1]!.evidence).toEqual({ check: "links", found: ["https://www.bonnes-affaires.example/promo"] });
    expect(mine[2]!.evidence).toEqual({ check: "email", found: ["jean.dupont@gmail.com"] });
    expect(mine[0]!.deadlineAt - mine[0]!.heldAt).toBe(MAX_PUBLICATION_DELAY_HOURS * HOUR);
    expect(mine[0]!.suggestedReason).toBe("personal_data");

    // Keyset: pages of one, following the cursor, give the same order with nothing twice.
    const walked: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 500; i++) {
      const page = listHeldQueue({ after, limit: 2 });
      walked.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(walked).toEqual(all.map((i) => i.id));

    const summary = getHeldSummary();
    expect(summary.count).toBe(all.length);
    expect(summary.oldestAt).toBe(all[0]!.heldAt);
    expect(summary.nextDeadlineAt).toBe(all[0]!.heldAt + PUBLICATION_DEADLINE_MS);
  });

  it("shows what the database checks found: the near-duplicate, the same network, the company's domain, the burst", async () => {
    const text = "Livraison rapide, emballage soigné et un service client qui rappelle le jour même quand il y a un souci.";
    // A near-duplicate of another account's review.
    const a = await account();
    const b = await account();
    const company = makeCompany();
    const first = createReview({
      actor: { id: a.id, role: "member" },
      subjectId: company.subjectId,
      input: reviewInput({ stars: 5, body: text }),
      locale: "fr",
      ipHash: null,
    });
    expect(first.ok && first.status).toBe("published");
    const copy = holdReview({ authorId: b.id, subjectId: company.subjectId, input: { stars: 5, body: text } });

    // Two accounts from one network on one company.
    const c = await account();
    const d = await account();
    const company2 = makeCompany();
    const firstOfNetwork = createReview({
      actor: { id: c.id, role: "member" },
      subjectId: company2.subjectId,
      input: reviewInput({ stars: 5 }),
      locale: "fr",
      ipHash: "network-hash-1",
    });
    expect(firstOfNetwork.ok && firstOfNetwork.status).toBe("published");
    const sameNetwork = holdReview({
      authorId: d.id,
      subjectId: company2.subjectId,
      input: { stars: 5, body: "Très bon accueil et des conseils utiles, je recommande cette boutique." },
      ipHash: "network-hash-1",
    });

    // An address at the company's domain.
    const domain = `held-domain-${Date.now()}.example`;
    const company3 = makeCompany({ domain });
    const insider = await account();
    client().prepare(`UPDATE users SET email = ? WHERE id = ?`).run(`paul@${domain}`, insider.id);
    const fromInside = holdReview({
      authorId: insider.id,
      subjectId: company3.subjectId,
      input: { stars: 5, body: "Une équipe formidable et des prix honnêtes, je reviendrai avec plaisir." },
    });

    // A burst: four negative reviews in the last hours, then a fifth.
    const company4 = makeCompany();
    for (let k = 0; k < 4; k++) {
      const who = await account();
      makeReview({
        subjectId: company4.subjectId,
        companyId: company4.id,
        authorId: who.id,
        stars: 1,
        status: "published",
        createdAt: Date.now() - (k + 1) * 20 * 60_000,
      });
    }
    const bomber = await account();
    const inBurst = holdReview({
      authorId: bomber.id,
      subjectId: company4.subjectId,
      input: { stars: 1, body: "Très déçu par cette enseigne, je ne recommande à personne." },
    });

    const items = listHeldQueue({ limit: 500 }).items;
    const item = (id: number) => items.find((i) => i.id === id)!;
    expect(item(copy).check).toBe("near_duplicate");
    expect(item(copy).evidence).toMatchObject({
      check: "near_duplicate",
      threshold: 70,
      match: { id: first.ok ? first.reviewId : 0, similarity: 100, sameAuthor: false, status: "published" },
    });
    expect(item(sameNetwork).evidence).toMatchObject({ check: "network_cluster", accounts: 2, windowDays: 7 });
    expect(JSON.stringify(item(sameNetwork).evidence)).not.toContain("network-hash-1");
    expect(item(fromInside).evidence).toEqual({ check: "conflict_domain", domain, companyDomain: domain });
    expect(item(inBurst).evidence).toMatchObject({ check: "negative_burst", recent: 5, baseline: 0, windowHours: 6, baselineDays: 60 });
    expect((item(inBurst).evidence as { reviews: unknown[] }).reviews).toHaveLength(4);
  });

  it("shows a whole international phone number, though the check's shortest match is shorter", async () => {
    const author = await account();
    const world = await heldOn(author, { body: "Appelez plutôt le +33 6 98 76 54 32, la direction répond le samedi matin." });
    const item = listHeldQueue({ limit: 500 }).items.find((i) => i.id === world.reviewId)!;
    expect(item.evidence).toEqual({ check: "phone", found: ["+33 6 98 76 54 32"] });
  });

  it("finds a check's passages with the check itself, as written", () => {
    const text = "Bonjour, appelez le 06.12.34.56.78 ou bien le +33 6 98 76 54 32, merci.";
    const phone = (s: string) => checkPhone(s) != null;
    // The shortest match of the second stops at "54": the passage goes on to the last group.
    expect(matchedPassages(text, phone)).toEqual(["06.12.34.56.78", "+33 6 98 76 54"]);
    expect(matchedPassages(text, phone, { continues: (p, next) => /^\d+,?$/.test(next) && p.length < 40 })).toEqual([
      "06.12.34.56.78",
      "+33 6 98 76 54 32",
    ]);
    expect(matchedPassages("rien à signaler", phone)).toEqual([]);
  });

  it("the queue page answers moderators with the first page", async () => {
    const res = await callLoader(queueLoader, getRequest("/moderation/held", { cookie: moderator.cookie }));
    expect(res.status).toBe(200);
    const data = res.data as { page: { items: { id: number }[] } };
    expect(data.page.items.length).toBeGreaterThan(0);
  });
});

describe("publish", () => {
  it("one transaction: the state, the counters (as a recomputation says), the log, the statement on the site and by mail in French", async () => {
    const author = await account({ locale: "fr", name: "Autrice FR" });
    const world = await heldOn(author);
    expectCountersMatch(world.id);
    const before = Date.now();
    const result = decideHeld(input(moderator, world.reviewId));
    expect(result).toMatchObject({ ok: true, status: "published" });
    if (!result.ok) return;
    const r = row(world.reviewId);
    expect(r.status).toBe("published");
    expect(r.publishedAt).toBeGreaterThanOrEqual(before);
    expectCountersMatch(world.id);
    expect(decisionsOn(world.reviewId)).toMatchObject([
      { id: result.decisionId, actor_id: moderator.id, automated: 0, decision: "publish", reason: "personal_data", statement: STATEMENT },
    ]);
    const notice = notificationsOf(author.id).at(-1)!;
    expect(notice.kind).toBe("held_published");
    expect(notice.link).toBe(`/statements/publication/${result.decisionId}`);
    const mail = outboxFor(author.email).at(-1)!;
    expect(mail.template).toBe("statement_publication");
    expect(mail.subject).toBe("Exposé des motifs\u202F: votre avis est publié");
    expect(mail.text).toContain("Un numéro de téléphone dans le texte");
    expect(mail.text).toContain("standard de l'entreprise");
    expect(mail.text).toContain("Une personne l’a ensuite examiné");
    expect(mail.text).toContain(`/statements/publication/${result.decisionId}`);
  });

  it("the statement page: the author and moderators read it, nobody else", async () => {
    const author = await account({ locale: "en" });
    const stranger = await account();
    const world = await heldOn(author);
    const result = decideHeld(input(moderator, world.reviewId));
    if (!result.ok) throw new Error(result.kind);
    const path = `/statements/publication/${result.decisionId}`;
    const params = { id: String(result.decisionId) };
    expect((await callLoader(statementLoader, getRequest(path, { cookie: author.cookie }), params)).status).toBe(200);
    expect((await callLoader(statementLoader, getRequest(path, { cookie: moderator.cookie }), params)).status).toBe(200);
    expect((await callLoader(statementLoader, getRequest(path, { cookie: stranger.cookie }), params)).status).toBe(404);
    expect((await callLoader(statementLoader, getRequest(path), params)).status).toBe(302);
    expect(getPublicationStatement(result.decisionId, { id: author.id, role: "member" })).toMatchObject({
      decision: "publish",
      automated: false,
      check: "phone",
    });
    // Another kind of decision is not a publication statement.
    expect(getPublicationStatement(result.decisionId + 1000, { id: moderator.id, role: "moderator" })).toBeNull();
  });
});

describe("refuse", () => {
  it("removes it with the reason, leaves the counters as a recomputation says, and tells the author in English", async () => {
    const author = await account({ locale: "en", name: "Author EN" });
    const world = await heldOn(author);
    const countersBefore = storedCounters(world.id);
    const statement = "The text gives the personal phone number of a named employee, which our rules forbid.";
    const result = decideHeld(input(second, world.reviewId, { decision: "refuse", statement }));
    expect(result).toMatchObject({ ok: true, status: "removed" });
    if (!result.ok) return;
    const r = row(world.reviewId);
    expect(r).toMatchObject({ status: "removed", removalReason: "personal_data", publishedAt: null, heldCheck: "phone" });
    expect(storedCounters(world.id)).toEqual(countersBefore);
    expectCountersMatch(world.id);
    expect(decisionsOn(world.reviewId)).toMatchObject([{ actor_id: second.id, automated: 0, decision: "refuse", reason: "personal_data" }]);
    expect(notificationsOf(author.id).at(-1)!.kind).toBe("held_refused");
    const mail = outboxFor(author.email).at(-1)!;
    expect(mail.subject).toBe("Statement of reasons: your review was not published");
    expect(mail.text).toContain(statement);
    expect(mail.text).toContain("Ground: our rule “Personal data”");
    // How to contest: the appeal within Réplique (decision-appeals.server.ts), then the outside ways.
    expect(mail.text).toContain("You may appeal this decision within Réplique until");
    expect(mail.text).toContain("out-of-court dispute settlement body");
    expect(mail.text).toContain("/transparency#reason-personal_data");
  });
});

describe("guards", () => {
  it("a moderator cannot decide on their own review, nor on a review of a company they work for", async () => {
    const ownWorld = await heldOn(moderator);
    expect(decideHeld(input(moderator, ownWorld.reviewId))).toEqual({ ok: false, kind: "own_content" });
    const author = await account();
    const world = await heldOn(author);
    addMember(world.id, second.id);
    expect(decideHeld(input(second, world.reviewId))).toEqual({ ok: false, kind: "company_member" });
    // Through the action: 403, and nothing written.
    const res = await callAction(
      (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
      postRequest(
        `/moderation/held/${world.reviewId}`,
        { decision: "publish", reason: "spam", statement: STATEMENT, ...strings(heldCaseState(world.reviewId)) },
        { cookie: second.cookie },
      ),
    );
    expect(res.status).toBe(403);
    expect(decisionsOn(world.reviewId)).toEqual([]);
    expect(decisionsOn(ownWorld.reviewId)).toEqual([]);
    const view = getHeldCase(world.reviewId, { id: second.id, role: "moderator" })!;
    expect(view.refusal).toBe("company_member");
    // A member is not a moderator, whatever the model is asked.
    const member = await account();
    expect(decideHeld(input(member, world.reviewId))).toEqual({ ok: false, kind: "not_moderator" });
  });

  it("anonymous visitors go to the log-in page and members get 403, for the queue, the case and the action", async () => {
    const author = await account();
    const world = await heldOn(author);
    const member = await account();
    const path = `/moderation/held/${world.reviewId}`;
    const params = { id: String(world.reviewId) };
    expect((await callLoader(queueLoader, getRequest("/moderation/held"))).status).toBe(302);
    expect((await callLoader(queueLoader, getRequest("/moderation/held", { cookie: member.cookie }))).status).toBe(403);
    expect((await callLoader(caseLoader, getRequest(path), params)).status).toBe(302);
    expect((await callLoader(caseLoader, getRequest(path, { cookie: member.cookie }), params)).status).toBe(403);
    expect((await callLoader(caseLoader, getRequest(path, { cookie: admin.cookie }), params)).status).toBe(200);
    const form = { decision: "publish", reason: "spam", statement: STATEMENT, ...strings(heldCaseState(world.reviewId)) };
    expect((await callAction((args) => caseAction({ ...args, params }), postRequest(path, form))).status).toBe(302);
    expect((await callAction((args) => caseAction({ ...args, params }), postRequest(path, form, { cookie: member.cookie }))).status).toBe(
      403,
    );
    expect(decisionsOn(world.reviewId)).toEqual([]);
    expect(row(world.reviewId).status).toBe("held");
  });
});

const strings = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));

describe("two decisions at once", () => {
  it("the second is told it was already decided (409) and nothing of it is written", async () => {
    const author = await account();
    const world = await heldOn(author);
    const path = `/moderation/held/${world.reviewId}`;
    const params = { id: String(world.reviewId) };
    // Both moderators opened the case before either decided: same version in both forms.
    const state = strings(heldCaseState(world.reviewId));
    const publish = await callAction(
      (args) => caseAction({ ...args, params }),
      postRequest(path, { decision: "publish", reason: "personal_data", statement: STATEMENT, ...state }, { cookie: moderator.cookie }),
    );
    expect(publish.status).toBe(302);
    expect(publish.location).toBe("/moderation/held");
    const refuse = await callAction(
      (args) => caseAction({ ...args, params }),
      postRequest(path, { decision: "refuse", reason: "personal_data", statement: STATEMENT, ...state }, { cookie: second.cookie }),
    );
    expect(refuse.status).toBe(409);
    expect(JSON.stringify(refuse.data)).toContain("held.error.already_decided");
    expect(decisionsOn(world.reviewId)).toHaveLength(1);
    expect(row(world.reviewId).status).toBe("published");
    expectCountersMatch(world.id);
    expect(notificationsOf(author.id).filter((n) => n.kind.startsWith("held_"))).toHaveLength(1);
  });

  it("a moderator deciding after the deadline job published it writes nothing either", async () => {
    const author = await account();
    const world = await heldOn(author, { now: Date.now() - PUBLICATION_DEADLINE_MS - HOUR });
    const state = heldCaseState(world.reviewId);
    expect(publishOverdueHeldReviews({ now: Date.now() })).toContain(world.reviewId);
    expect(decideHeld(input(moderator, world.reviewId, { ...state, decision: "refuse" }))).toEqual({ ok: false, kind: "already_decided" });
    expect(decisionsOn(world.reviewId)).toHaveLength(1);
  });

  it("a review its author edited since the case was opened is not decided on the old text (409)", async () => {
    const author = await account();
    const world = await heldOn(author);
    const state = heldCaseState(world.reviewId);
    const edited = editReview({
      actor: { id: author.id, role: "member" },
      reviewId: world.reviewId,
      input: reviewInput({ body: "Appelez le 06 12 34 56 78 : le gérant est le seul à répondre, le standard jamais." }),
      locale: "fr",
    });
    expect(edited.ok && edited.status).toBe("held");
    expect(decideHeld(input(moderator, world.reviewId, state))).toEqual({ ok: false, kind: "edited" });
    expect(decisionsOn(world.reviewId)).toEqual([]);
  });

  it("an invalid form is answered 400 with the fields' errors and changes nothing", async () => {
    const author = await account();
    const world = await heldOn(author);
    const res = await callAction(
      (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
      postRequest(
        `/moderation/held/${world.reviewId}`,
        { decision: "maybe", reason: "", statement: "court", ...strings(heldCaseState(world.reviewId)) },
        { cookie: moderator.cookie },
      ),
    );
    expect(res.status).toBe(400);
    const body = JSON.stringify(res.data);
    expect(body).toContain("held.error.decision");
    expect(body).toContain("held.error.reason");
    expect(body).toContain("held.error.statementShort");
    expect(row(world.reviewId).status).toBe("held");
  });
});

describe("the publication deadline job (fake clock)", () => {
  it("publishes a review held longer than the published delay, and not one held for less", async () => {
    const author = await account({ locale: "en", name: "Late Author" });
    const heldAt = Date.now() - 200 * HOUR; // a fixed moment in the past, far from any other test's reviews
    const early = await heldOn(author, { now: heldAt });
    const later = await heldOn(author, {
      now: heldAt + 2 * HOUR,
      body: "Le gérant m’a donné son portable, le 07 11 22 33 44, pour le service après-vente.",
    });
    const deadline = heldAt + MAX_PUBLICATION_DELAY_HOURS * HOUR;

    // One millisecond before the deadline: nothing.
    expect(publishOverdueHeldReviews({ now: deadline - 1 })).not.toContain(early.reviewId);
    expect(row(early.reviewId).status).toBe("held");

    // At the deadline: the first, not the second (held two hours later).
    const published = publishOverdueHeldReviews({ now: deadline });
    expect(published).toContain(early.reviewId);
    expect(published).not.toContain(later.reviewId);
    expect(row(early.reviewId)).toMatchObject({ status: "published", publishedAt: deadline });
    expect(row(later.reviewId).status).toBe("held");
    expectCountersMatch(early.id);

    // Logged as an automatic decision, with the rule its check was about.
    const [logged] = decisionsOn(early.reviewId);
    expect(logged).toMatchObject({ actor_id: null, automated: 1, decision: "publish", reason: "personal_data", created_at: deadline });
    // In the review's language (this one is in French).
    expect(logged!.statement).toContain(`${MAX_PUBLICATION_DELAY_HOURS} heures`);

    // The author's statement says that automated means were used.
    expect(notificationsOf(author.id).filter((n) => n.kind === "held_auto_published")).toHaveLength(1);
    const mail = outboxFor(author.email)
      .filter((m) => m.template === "statement_publication")
      .at(-1)!;
    expect(mail.subject).toBe("Statement of reasons: your review was published automatically");
    expect(mail.text).toContain("This decision was taken by automated means");
    expect(mail.text).toContain(`${MAX_PUBLICATION_DELAY_HOURS}-hour delay`);
    expect(mail.text).toContain("/transparency#delay");

    // A second run publishes nothing more; two hours later, the second review.
    expect(publishOverdueHeldReviews({ now: deadline })).not.toContain(early.reviewId);
    expect(decisionsOn(early.reviewId)).toHaveLength(1);
    expect(publishOverdueHeldReviews({ now: deadline + 2 * HOUR })).toContain(later.reviewId);
  });

  it("leaves reviews a check did not hold (no recorded check) to the moderators", async () => {
    const author = await account();
    const company = makeCompany();
    const id = makeReview({
      subjectId: company.subjectId,
      companyId: company.id,
      authorId: author.id,
      status: "held",
      createdAt: Date.now() - 400 * HOUR,
    });
    expect(publishOverdueHeldReviews({ now: Date.now() })).not.toContain(id);
    expect(row(id).status).toBe("held");
  });
});
