// Decisions on the case page: keep, remove, restore, on a review, its reply and its
// follow-up. One transaction each: the log row, the new state, the counters, the reports'
// outcome and every statement of reasons (author and reporters, on the site and by mail
// in their language). Conflicts of interest are refused; the second of two concurrent
// decisions writes nothing; the queue and the tombstone show the result.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { decide, getCase, getDashboard, getStatement, listFlagQueue, type DecideInput } from "~/models/moderation.server";
import { listNotifications } from "~/models/notifications.server";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { action as caseAction, loader as caseLoader } from "~/routes/moderation.reviews.$id";
import { loader as queueLoader } from "~/routes/moderation.flags";
import { loader as statementLoader } from "~/routes/statements.$id";
import { loader as permalinkLoader } from "~/routes/reviews.$id";
import {
  account,
  type Account,
  addMember,
  callAction,
  callLoader,
  caseState,
  expectCountersMatch,
  flagAs,
  getRequest,
  outboxFor,
  postRequest,
  storedCounters,
  thread,
} from "../support/fixtures";
import { flashKeyOf } from "../support/flash";

const STATEMENT = "Le texte insulte nommément un vendeur : c'est contraire à nos règles sur les injures.";

let moderator: Account;
let second: Account;
let author: Account;
let reader: Account;
let staff: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Une" });
  second = await account({ role: "moderator", name: "Modérateur Deux" });
  author = await account({ locale: "fr", name: "Auteur FR" });
  reader = await account({ locale: "en", name: "Reader EN" });
  staff = await account({ locale: "en", name: "Staff" });
});

function input(who: Account, reviewId: number, over: Partial<DecideInput> = {}): DecideInput {
  const target = over.target ?? "review";
  return {
    actor: { id: who.id, role: who.role },
    reviewId,
    target,
    decision: "remove",
    reason: "offensive",
    statement: STATEMENT,
    ...caseState(reviewId, target),
    origin: "http://localhost",
    ...over,
  };
}

const client = () => getDb().$client;
const reviewRow = (id: number) =>
  client()
    .prepare(
      `SELECT status, removed_at AS removedAt, removal_reason AS removalReason, under_review_since AS underReviewSince FROM reviews WHERE id = ?`,
    )
    .get(id) as {
    status: string;
    removedAt: number | null;
    removalReason: string | null;
    underReviewSince: number | null;
  };
const decisionsOn = (type: string, id: number) =>
  client().prepare(`SELECT * FROM moderation_decisions WHERE target_type = ? AND target_id = ? ORDER BY id`).all(type, id) as {
    id: number;
    actor_id: number;
    automated: number;
    decision: string;
    reason: string;
    statement: string;
  }[];
const notificationsOf = (userId: number) =>
  client().prepare(`SELECT kind, data, link FROM notifications WHERE user_id = ? ORDER BY id`).all(userId) as {
    kind: string;
    data: string;
    link: string;
  }[];
const count = (sql: string, ...args: unknown[]) =>
  (
    client()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;

describe("removing a reported review, then restoring it", () => {
  let world: ReturnType<typeof thread>;
  let notifierEmail: string;
  let flags: number[];

  beforeAll(async () => {
    world = thread(author.id, staff.id, { stars: 1 });
    // A second published review of the same company, so that its counters do not vanish.
    thread(reader.id, staff.id);
    notifierEmail = `notifier-${Date.now()}@example.test`;
    flags = [
      flagAs({ id: reader.id, role: "member" }, world.reviewId, { reason: "offensive" }),
      flagAs({ id: staff.id, role: "member" }, world.reviewId, { reason: "personal_data" }),
      flagAs(null, world.reviewId, { contact: { name: "Camille Notifier", email: notifierEmail }, locale: "fr" }),
    ];
  });

  it("the queue shows the review once, with its reporters, their kinds and reasons, oldest first", () => {
    const { items } = listFlagQueue({ limit: 200 });
    const item = items.find((i) => i.reviewId === world.reviewId && i.target === "review")!;
    expect(item).toBeTruthy();
    expect(item.reportCount).toBe(3);
    expect(item.reporterCount).toBe(3);
    expect(item.reporterTypes.map((r) => r.type).sort()).toEqual(["company", "consumer", "notifier"]);
    expect(item.reasons.map((r) => r.reason).sort()).toEqual(["offensive", "personal_data"]);
    expect(item.explanations).toHaveLength(3);
    const oldest = items.map((i) => i.oldestAt);
    expect([...oldest].sort((a, b) => a - b)).toEqual(oldest);
    expect(getDashboard().flags.count).toBeGreaterThanOrEqual(1);
  });

  it("the case shows the thread, its history, every report, the author's facts", () => {
    const view = getCase(world.reviewId, { id: moderator.id, role: "moderator" })!;
    expect(view.review.status).toBe("published");
    expect(view.review.reply).not.toBeNull();
    expect(view.review.followUp).not.toBeNull();
    expect(view.flags.map((f) => f.id)).toEqual(flags);
    expect(view.history.review).toHaveLength(1);
    expect(view.history.reply).toHaveLength(1);
    expect(view.author).toMatchObject({ id: author.id, emailVerified: true, otherReviews: 0 });
    const review = view.parts.find((p) => p.target === "review")!;
    expect(review).toMatchObject({ pendingFlags: 3, allowed: ["keep", "remove"], refusal: null, seenFlag: flags[2] });
  });

  it("remove: one transaction writes the log, the state, the counters, the reports' outcome and every notice", () => {
    const before = count(`SELECT count(*) AS n FROM reviews WHERE company_id = ? AND status = 'published'`, world.companyId);
    const result = decide(input(moderator, world.reviewId));
    expect(result.ok).toBe(true);
    const [decision] = decisionsOn("review", world.reviewId);
    expect(decision).toMatchObject({ actor_id: moderator.id, automated: 0, decision: "remove", reason: "offensive", statement: STATEMENT });
    expect(reviewRow(world.reviewId)).toMatchObject({ status: "removed", removalReason: "offensive", underReviewSince: null });
    expect(count(`SELECT count(*) AS n FROM reviews WHERE company_id = ? AND status = 'published'`, world.companyId)).toBe(before - 1);
    expectCountersMatch(world.companyId);
    expect(
      count(`SELECT count(*) AS n FROM flags WHERE review_id = ? AND status = 'upheld' AND decision_id = ?`, world.reviewId, decision.id),
    ).toBe(3);
    expect(count(`SELECT review_count AS n FROM users WHERE id = ?`, author.id)).toBe(0);
  });

  it("the author gets the statement on the site and by mail, in French", () => {
    const notice = notificationsOf(author.id).find((n) => n.kind === "moderation_decision")!;
    expect(notice.link).toMatch(/^\/statements\/\d+$/);
    // The bell's list says what was decided and why, in the author's language.
    const [listed] = listNotifications(author.id, "fr");
    expect(listed).toMatchObject({ title: "Exposé des motifs\u202F: votre avis a été retiré", link: notice.link });
    expect(listed!.body).toContain("Motif\u202F: Injures, haine ou menaces.");
    const mail = outboxFor(author.email).find((m) => m.template === "statement_author")!;
    expect(mail.subject).toBe("Exposé des motifs\u202F: votre avis a été retiré");
    expect(mail.text).toContain(STATEMENT.replace(" :", "\u202F:").slice(0, 20));
    expect(mail.text).toContain("Aucun moyen automatisé");
    expect(mail.text).toContain("Injures, haine ou menaces");
    expect(mail.text).toContain("http://localhost/transparency#reason-offensive");
    expect(mail.text).toContain("règlement extrajudiciaire");
    expect(mail.text).toContain("http://localhost/statements/");
    // How to appeal, within the published window, with the link to the appeal form.
    expect(mail.text).toContain("Vous pouvez faire appel de cette décision sur Réplique jusqu’au");
    expect(mail.text).toMatch(/http:\/\/localhost\/statements\/\d+#appeal/);
  });

  it("every reporter is told: the reader and the company member in English on the site and by mail, the notifier by mail in French", () => {
    for (const who of [reader, staff]) {
      expect(notificationsOf(who.id).some((n) => n.kind === "moderation_decision" && JSON.parse(n.data).role === "reporter")).toBe(true);
      const mail = outboxFor(who.email).find((m) => m.template === "statement_reporter")!;
      expect(mail.subject).toMatch(/^Decision on your report no\. \d+$/);
      expect(mail.text).toMatch(/You reported the review “.+” of .+ on .+ \(report no\. \d+\)\. On .+, a moderator removed this content\./);
      expect(mail.text).toContain("No automated means were used");
      expect(mail.text).toContain("Insults, hate or threats");
    }
    const mail = outboxFor(notifierEmail).find((m) => m.template === "statement_reporter")!;
    expect(mail.subject).toBe(`Décision sur votre signalement n° ${flags[2]}`);
    expect(mail.text).toContain("Camille Notifier");
    expect(mail.text).toContain(`http://localhost/reviews/${world.reviewId}`);
    expect(mail.text).not.toContain("/statements/");
  });

  it("the statement page opens for the author and the reporters, not for others", async () => {
    const [decision] = decisionsOn("review", world.reviewId);
    const path = `/statements/${decision.id}`;
    expect((await callLoader(statementLoader, getRequest(path, { cookie: author.cookie }), { id: String(decision.id) })).status).toBe(200);
    const asReader = await callLoader(statementLoader, getRequest(path, { cookie: reader.cookie }), { id: String(decision.id) });
    expect(asReader.status).toBe(200);
    expect(asReader.data).toMatchObject({ statement: { role: "reporter", report: { id: flags[0] } } });
    const stranger = await account();
    expect((await callLoader(statementLoader, getRequest(path, { cookie: stranger.cookie }), { id: String(decision.id) })).status).toBe(
      404,
    );
    expect((await callLoader(statementLoader, getRequest(path), { id: String(decision.id) })).status).toBe(302);
    expect(getStatement(decision.id, { id: second.id, role: "moderator" })?.reportCount).toBe(3);
  });

  it("the tombstone renders on the permalink and the company page: publication date, reason, decision date", async () => {
    const permalink = await callLoader(permalinkLoader, getRequest(`/reviews/${world.reviewId}`), { id: String(world.reviewId) });
    expect(permalink.status).toBe(200);
    const review = (
      permalink.data as {
        review: { status: string; title: string; publishedAt: number; removedAt: number; removalReason: string; reply: unknown };
      }
    ).review;
    expect(review).toMatchObject({ status: "removed", title: "", removalReason: "offensive", reply: null });
    expect(review.removedAt).toBeGreaterThan(review.publishedAt);

    // The placeholder's rendering is tested in moderation-tombstone.test.tsx.

    const slug = client().prepare(`SELECT slug FROM companies WHERE id = ?`).get(world.companyId) as { slug: string };
    const page = await callLoader(companyLoader, getRequest(`/companies/${slug.slug}`), { slug: slug.slug });
    const data = page.data as {
      page: { reviews: { id: number; status: string }[] };
      summary: { reviewCount: number; histogram: number[] };
    };
    expect(data.page.reviews.find((r) => r.id === world.reviewId)?.status).toBe("removed");
    // Its company had only this review: the score and the histogram no longer count it.
    expect(data.summary.reviewCount).toBe(0);
    expect(data.summary.histogram[0]).toBe(0);
  });

  it("the queue no longer shows it; restore puts it back in the counters and tells the author and the reporters", () => {
    expect(listFlagQueue({ limit: 500 }).items.some((i) => i.reviewId === world.reviewId && i.target === "review")).toBe(false);
    const result = decide(
      input(second, world.reviewId, {
        decision: "restore",
        statement: "Après un nouvel examen, le texte décrit une expérience sans injure.",
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(reviewRow(world.reviewId)).toMatchObject({ status: "published", removedAt: null, removalReason: null });
    expectCountersMatch(world.companyId);
    expect(count(`SELECT review_count AS n FROM users WHERE id = ?`, author.id)).toBe(1);
    expect(
      outboxFor(author.email)
        .filter((m) => m.template === "statement_author")
        .at(-1)!.subject,
    ).toBe("Exposé des motifs\u202F: votre avis est de nouveau en ligne");
    expect(outboxFor(notifierEmail).filter((m) => m.template === "statement_reporter")).toHaveLength(2);
    expect(
      outboxFor(reader.email)
        .filter((m) => m.template === "statement_reporter")
        .at(-1)!.subject,
    ).toBe("Decision on content you reported");
    // The log keeps both decisions; it is append-only.
    expect(decisionsOn("review", world.reviewId).map((d) => d.decision)).toEqual(["remove", "restore"]);
    expect(() => client().prepare(`UPDATE moderation_decisions SET statement = 'x'`).run()).toThrow(/append-only/);
  });
});

describe("keep: the reports are dismissed, the content stays", () => {
  it("dismisses the reports the moderator saw, leaves a later one waiting, and the review stays counted", () => {
    const world = thread(author.id, staff.id, { stars: 3 });
    const first = flagAs({ id: reader.id, role: "member" }, world.reviewId);
    const state = caseState(world.reviewId);
    const later = flagAs({ id: staff.id, role: "member" }, world.reviewId, { reason: "spam" });
    const result = decide({ ...input(moderator, world.reviewId, { decision: "keep", reason: "offensive" }), ...state });
    expect(result.ok).toBe(true);
    expect(client().prepare(`SELECT id, status FROM flags WHERE review_id = ? ORDER BY id`).all(world.reviewId)).toEqual([
      { id: first, status: "dismissed" },
      { id: later, status: "pending" },
    ]);
    expect(reviewRow(world.reviewId)).toMatchObject({ status: "published" });
    expect(reviewRow(world.reviewId).underReviewSince).not.toBeNull();
    expectCountersMatch(world.companyId);
    expect(decisionsOn("review", world.reviewId)[0]!.decision).toBe("dismiss_flag");
    expect(outboxFor(reader.email).at(-1)!.text).toContain("kept it online");
  });
});

describe("the reply and the follow-up are decided like the review", () => {
  it("removing the company's reply takes it out of the reply counters and tells its author; restore brings it back", () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: author.id, role: "member" }, world.reviewId, { target: "reply" });
    expect(decide(input(moderator, world.reviewId, { target: "reply" })).ok).toBe(true);
    expect(client().prepare(`SELECT status FROM replies WHERE id = ?`).get(world.replyId)).toEqual({ status: "removed" });
    expectCountersMatch(world.companyId);
    expect(outboxFor(staff.email).at(-1)!.subject).toBe("Statement of reasons: your reply was removed");
    expect(outboxFor(author.email).at(-1)!.subject).toMatch(/^Décision sur votre signalement n°/);
    expect(decide(input(moderator, world.reviewId, { target: "reply", decision: "restore" })).ok).toBe(true);
    expectCountersMatch(world.companyId);
  });

  it("a follow-up is removed and restored; the review's counters do not move", () => {
    const world = thread(author.id, staff.id);
    const before = storedCounters(world.companyId);
    expect(decide(input(moderator, world.reviewId, { target: "follow_up", reason: "spam" })).ok).toBe(true);
    expect(client().prepare(`SELECT status, removal_reason AS r FROM follow_ups WHERE id = ?`).get(world.followUpId)).toEqual({
      status: "removed",
      r: "spam",
    });
    expect(storedCounters(world.companyId)).toEqual(before);
    expect(outboxFor(author.email).at(-1)!.subject).toBe("Exposé des motifs\u202F: votre complément a été retiré");
  });
});

describe("conflicts of interest are refused, and nothing is written", () => {
  it("a moderator cannot decide on their own review", async () => {
    const world = thread(moderator.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    expect(decide(input(moderator, world.reviewId))).toEqual({ ok: false, kind: "own_content" });
    expect(decisionsOn("review", world.reviewId)).toHaveLength(0);
    expect(reviewRow(world.reviewId).status).toBe("published");
    // The case page says so instead of showing the form, and the action refuses with 403.
    expect(getCase(world.reviewId, { id: moderator.id, role: "moderator" })!.parts[0]!.refusal).toBe("own_content");
    const res = await callAction(
      (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
      postRequest(`/moderation/reviews/${world.reviewId}`, form(world.reviewId), { cookie: moderator.cookie }),
    );
    expect(res.status).toBe(403);
    expect(res.data).toMatchObject({ target: "review", result: { error: { "": ["moderation.refusal.own_content"] } } });
    // Another moderator may.
    expect(decide(input(second, world.reviewId)).ok).toBe(true);
  });

  it("a moderator cannot decide on a review they reported", () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: second.id, role: "moderator" }, world.reviewId);
    expect(decide(input(second, world.reviewId))).toEqual({ ok: false, kind: "flagged_it" });
    expect(decisionsOn("review", world.reviewId)).toHaveLength(0);
    expect(count(`SELECT count(*) AS n FROM flags WHERE review_id = ? AND status = 'pending'`, world.reviewId)).toBe(1);
  });

  it("a moderator who is a member of the company cannot decide on its reviews", async () => {
    const world = thread(author.id, staff.id);
    addMember(world.companyId, second.id);
    expect(decide(input(second, world.reviewId))).toEqual({ ok: false, kind: "company_member" });
  });
});

function form(reviewId: number, over: Record<string, string> = {}) {
  const state = caseState(reviewId);
  return {
    target: "review",
    decision: "remove",
    reason: "offensive",
    statement: STATEMENT,
    version: String(state.version),
    seenFlag: String(state.seenFlag),
    editedAt: String(state.editedAt),
    ...over,
  };
}

describe("two moderators deciding the same review at once", () => {
  it("the second is told it was already decided, and nothing of theirs is written", async () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    // Both opened the case before either decided: the same form state.
    const opened = form(world.reviewId);
    const post = (who: Account, fields: Record<string, string>) =>
      callAction(
        (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
        postRequest(`/moderation/reviews/${world.reviewId}`, fields, { cookie: who.cookie }),
      );
    const counters = () => ({
      decisions: count(`SELECT count(*) AS n FROM moderation_decisions`),
      notifications: count(`SELECT count(*) AS n FROM notifications`),
      outbox: count(`SELECT count(*) AS n FROM outbox`),
    });
    const first = await post(moderator, opened);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/moderation/reviews/${world.reviewId}`);
    expect(await flashKeyOf(first)).toBe("flash.decisionRecorded");
    const after = counters();
    const stats = storedCounters(world.companyId);

    const late = await post(second, { ...opened, decision: "keep", statement: "Rien d'injurieux dans ce texte, je le laisse en ligne." });
    expect(late.status).toBe(409);
    expect(late.data).toMatchObject({ target: "review", result: { error: { "": ["moderation.error.already_decided"] } } });
    // What they typed comes back to the form.
    expect(late.data).toMatchObject({ result: { initialValue: { statement: "Rien d'injurieux dans ce texte, je le laisse en ligne." } } });
    expect(counters()).toEqual(after);
    expect(storedCounters(world.companyId)).toEqual(stats);
    expect(decisionsOn("review", world.reviewId)).toHaveLength(1);

    // Even a second remove with the same stale form writes nothing twice.
    expect((await post(second, opened)).status).toBe(409);
    expect(counters()).toEqual(after);
    // The conditional UPDATE itself refuses a stale version (without the model's pre-checks).
    expect(decide(input(second, world.reviewId, { decision: "restore", version: 0 }))).toEqual({ ok: false, kind: "already_decided" });
  });

  it("an edit by the author after the case was opened stops the decision", () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    const opened = input(moderator, world.reviewId);
    client().prepare(`UPDATE reviews SET edited_at = ? WHERE id = ?`).run(Date.now(), world.reviewId);
    expect(decide(opened)).toEqual({ ok: false, kind: "edited" });
    expect(reviewRow(world.reviewId).status).toBe("published");
  });
});

describe("the decision form (Conform, one zod schema with the UI)", () => {
  it("answers 400 with i18n keys next to each field and keeps what was typed", async () => {
    const world = thread(author.id, staff.id);
    flagAs({ id: reader.id, role: "member" }, world.reviewId);
    const res = await callAction(
      (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
      postRequest(
        `/moderation/reviews/${world.reviewId}`,
        form(world.reviewId, { decision: "", reason: "not-a-reason", statement: "Trop court" }),
        {
          cookie: moderator.cookie,
        },
      ),
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({
      target: "review",
      result: {
        status: "error",
        error: {
          decision: ["moderation.error.decision"],
          reason: ["moderation.error.reason"],
          statement: ["moderation.error.statementShort"],
        },
        initialValue: { statement: "Trop court", reason: "not-a-reason" },
      },
    });
    const empty = await callAction(
      (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
      postRequest(`/moderation/reviews/${world.reviewId}`, form(world.reviewId, { statement: "   " }), { cookie: moderator.cookie }),
    );
    expect(empty.data).toMatchObject({ result: { error: { statement: expect.arrayContaining(["moderation.error.statementRequired"]) } } });
    const long = await callAction(
      (args) => caseAction({ ...args, params: { id: String(world.reviewId) } }),
      postRequest(`/moderation/reviews/${world.reviewId}`, form(world.reviewId, { statement: "a".repeat(2001) }), {
        cookie: moderator.cookie,
      }),
    );
    expect(long.data).toMatchObject({ result: { error: { statement: ["moderation.error.statementLong"] } } });
    expect(decisionsOn("review", world.reviewId)).toHaveLength(0);
  });

  it("the loaders answer 404 for a review that does not exist or a malformed id", async () => {
    for (const id of ["999999", "abc", "0"]) {
      const res = await callLoader(caseLoader, getRequest(`/moderation/reviews/${id}`, { cookie: moderator.cookie }), { id });
      expect(res.status).toBe(404);
    }
    const res = await callLoader(queueLoader, getRequest(`/moderation/flags?after=garbage`, { cookie: moderator.cookie }));
    expect(res.status).toBe(200);
  });
});

describe("the flags queue pages by keyset", () => {
  it("walks every reported content once, oldest first, whatever the page size", () => {
    const all = listFlagQueue({ limit: 1000 }).items.map((i) => `${i.target}:${i.reviewId}`);
    const walked: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page = listFlagQueue({ after, limit: 2 });
      walked.push(...page.items.map((i) => `${i.target}:${i.reviewId}`));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
  });
});
