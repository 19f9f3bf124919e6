// The life of a flag (app/models/flags.server.ts, rules in app/lib/flag-policy.ts): the
// author's notice (once a day per review), their answer to the moderators within the
// window, the "under review since" line, the hold of manifestly illegal content, the queue
// ordered by deadline, abusive flagging (warning, suspension, lifted), the daily limits,
// and the company scorecard. Real SQLite; times through the models' `now` parameters.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import {
  FLAG_ABUSE_MIN_DECIDED,
  FLAG_ABUSE_PERIOD_DAYS,
  FLAG_DECISION_DAYS,
  FLAG_HOLD_CHECK,
  FLAG_NOTICE_INTERVAL_HOURS,
  FLAG_RESPONSE_DAYS,
  FLAG_SUSPENSION_DAYS,
  FLAGS_PER_DAY_PER_ACCOUNT,
  FLAGS_PER_DAY_PER_COMPANY,
  MANIFESTLY_ILLEGAL_DECISION_HOURS,
} from "~/lib/flag-policy";
import { isManifestlyIllegal, type ModerationReason } from "~/lib/moderation-reasons";
import { getScorecard } from "~/models/companies.server";
import { reporterStanding, submitFlagResponse } from "~/models/flags.server";
import { decide, getCase, listFlagQueue } from "~/models/moderation.server";
import { flagContent } from "~/models/review-actions.server";
import { getPublicReview, getReviewAnyStatus } from "~/models/reviews.server";
import { action as respondAction, loader as respondLoader } from "~/routes/reviews.$id_.respond";
import { loader as caseLoader } from "~/routes/moderation.reviews.$id";
import { callAction, callLoader, getRequest, outboxFor, postRequest } from "../support/auth";
import { makeCompany, makeReview } from "../support/fixtures";
import { account, caseState, recomputedCounters, storedCounters, thread, type Account } from "../support/moderation-fixtures";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const EXPLANATION = "Ce texte ne décrit pas une expérience réelle avec ce magasin.";

const client = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) => (client().prepare(sql).get(...args) as { n: number }).n;
const noticesOf = (userId: number, kind: string) =>
  client().prepare(`SELECT data, link, created_at AS at FROM notifications WHERE user_id = ? AND kind = ? ORDER BY id`).all(userId, kind) as {
    data: string;
    link: string;
    at: number;
  }[];

let moderator: Account;
let second: Account;
let author: Account;
let reader: Account;
let staff: Account;

beforeAll(async () => {
  moderator = await account({ role: "moderator", name: "Modératrice Flags" });
  second = await account({ role: "moderator", name: "Modérateur Flags" });
  author = await account({ locale: "fr", name: "Autrice Signalée" });
  reader = await account({ locale: "en", name: "Reader Flags" });
  staff = await account({ locale: "en", name: "Staff Flags" });
});

function flag(
  who: { id: number; role: "member" | "moderator" | "admin" } | null,
  reviewId: number,
  options: { reason?: ModerationReason; now?: number; contact?: { name: string; email: string } } = {},
) {
  return flagContent(getDb(), {
    actor: who,
    contact: options.contact,
    target: "review",
    reviewId,
    reason: options.reason ?? "not_an_experience",
    explanation: EXPLANATION,
    origin: "http://localhost",
    now: options.now,
  });
}

function keep(reviewId: number, now?: number, by: Account = moderator) {
  return decide({
    actor: { id: by.id, role: by.role },
    reviewId,
    target: "review",
    decision: "keep",
    reason: "not_an_experience",
    statement: "Cet avis décrit une expérience réelle : il reste en ligne.",
    ...caseState(reviewId),
    origin: "http://localhost",
    now,
  });
}

function expectCountersMatch(companyId: number) {
  const expected = recomputedCounters(companyId);
  const actual = storedCounters(companyId);
  expect(actual.map((r) => r.origin).sort()).toEqual([...expected.keys()].sort());
  for (const { origin, weightedStarSum, weightSum, ...counts } of actual) {
    const { weightedStarSum: ew, weightSum: es, ...e } = expected.get(origin)!;
    expect(counts).toEqual(e);
    expect(weightedStarSum).toBeCloseTo(ew, 6);
    expect(weightSum).toBeCloseTo(es, 6);
  }
}

async function oldAccount(name: string) {
  const a = await account({ name });
  client().prepare(`UPDATE users SET created_at = ? WHERE id = ?`).run(Date.now() - 90 * DAY, a.id);
  return a;
}

describe(`the author is told: “at most once per review every ${FLAG_NOTICE_INTERVAL_HOURS} hours”`, () => {
  it("one notice and one mail in the author's language for several flags in a day, another the next day", async () => {
    const world = thread(author.id, staff.id);
    const t0 = Date.now() - 3 * DAY;
    const other = await account({ name: "Second Reporter" });
    expect(flag({ id: reader.id, role: "member" }, world.reviewId, { now: t0 }).ok).toBe(true);
    expect(flag({ id: other.id, role: "member" }, world.reviewId, { now: t0 + 2 * HOUR }).ok).toBe(true);
    expect(flag(null, world.reviewId, { now: t0 + 3 * HOUR, contact: { name: "Camille", email: `n-${Date.now()}@example.test` } }).ok).toBe(true);
    const mine = () => noticesOf(author.id, "flag_received").filter((n) => JSON.parse(n.data).reviewId === world.reviewId);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.link).toBe(`/reviews/${world.reviewId}/respond`);
    const mails = () => outboxFor(author.email).filter((m) => m.template === "notice_flag_received" && m.text.includes(`/reviews/${world.reviewId}/respond`));
    expect(mails()).toHaveLength(1);
    expect(mails()[0]!.subject).toBe("Votre avis a été signalé");
    expect(mails()[0]!.text).toContain("en cours d’examen");
    // The next day, a new flag is a new notice.
    const fourth = await account({ name: "Third Reporter" });
    expect(flag({ id: fourth.id, role: "member" }, world.reviewId, { now: t0 + 25 * HOUR }).ok).toBe(true);
    expect(mine()).toHaveLength(2);
    expect(mails()).toHaveLength(2);
  });
});

describe(`the author's side: “for ${FLAG_RESPONSE_DAYS} days they can edit the review or send the moderators their side”`, () => {
  let world: ReturnType<typeof thread>;
  beforeAll(() => {
    world = thread(author.id, staff.id);
    expect(flag({ id: reader.id, role: "member" }, world.reviewId).ok).toBe(true);
  });
  const post = (who: Account, body: string, reviewId = world.reviewId) =>
    callAction(
      (args) => respondAction({ ...args, params: { id: String(reviewId) } }),
      postRequest(`/reviews/${reviewId}/respond`, { body }, { cookie: who.cookie }),
    );

  it("the form answers 400 with the error next to the field and keeps what was typed", async () => {
    const page = await callLoader(respondLoader, getRequest(`/reviews/${world.reviewId}/respond`, { cookie: author.cookie }), { id: String(world.reviewId) });
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ openUntil: expect.any(Number), left: 3 });
    const res = await post(author, "Trop court");
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ result: { error: { body: ["flags.respond.error.short"] }, initialValue: { body: "Trop court" } } });
    const long = await post(author, "a".repeat(2001));
    expect(long.data).toMatchObject({ result: { error: { body: ["flags.respond.error.long"] } } });
    expect(count(`SELECT count(*) AS n FROM flag_responses WHERE review_id = ?`, world.reviewId)).toBe(0);
  });

  it("is saved, and the moderators see it on the case page", async () => {
    const body = "J’étais bien au magasin le 3 mars : mon ticket porte le numéro 4471, je peux l’envoyer.";
    const res = await post(author, body);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/reviews/${world.reviewId}`);
    expect(count(`SELECT count(*) AS n FROM flag_responses WHERE review_id = ? AND author_id = ?`, world.reviewId, author.id)).toBe(1);
    const view = await callLoader(caseLoader, getRequest(`/moderation/reviews/${world.reviewId}`, { cookie: moderator.cookie }), {
      id: String(world.reviewId),
    });
    expect(view.status).toBe(200);
    expect((view.data as { case: { responses: { body: string }[] } }).case.responses.map((r) => r.body)).toEqual([body]);
    expect(listFlagQueue({ limit: 500 }).items.find((i) => i.reviewId === world.reviewId)?.answered).toBe(true);
  });

  it("is refused for someone else's review (403) and after the window (closed)", async () => {
    const res = await post(reader, "Je réponds à la place de l’auteur, ce qui ne devrait pas marcher.");
    expect(res.status).toBe(403);
    const loader = await callLoader(respondLoader, getRequest(`/reviews/${world.reviewId}/respond`, { cookie: reader.cookie }), { id: String(world.reviewId) });
    expect(loader.status).toBe(403);
    const late = submitFlagResponse(getDb(), {
      userId: author.id,
      reviewId: world.reviewId,
      body: "Une réponse envoyée bien après la fin du délai publié.",
      now: Date.now() + (FLAG_RESPONSE_DAYS + 1) * DAY,
    });
    expect(late).toEqual({ ok: false, kind: "closed" });
    // And through the form once no flag is open any more.
    expect(keep(world.reviewId).ok).toBe(true);
    const closed = await post(author, "Une réponse envoyée une fois le signalement tranché.");
    expect(closed.status).toBe(409);
    expect(closed.data).toMatchObject({ result: { error: { "": ["flags.respond.closed"] } } });
  });
});

describe("the neutral line “under review since <date>”", () => {
  it("shows while a flag is open, on the public views, and goes with the decision", () => {
    const world = thread(author.id, staff.id);
    expect(getPublicReview(world.reviewId)!.underReviewSince).toBeNull();
    const at = Date.now() - 2 * HOUR;
    expect(flag({ id: reader.id, role: "member" }, world.reviewId, { now: at }).ok).toBe(true);
    const review = getPublicReview(world.reviewId)!;
    expect(review).toMatchObject({ status: "published", underReview: true, underReviewSince: at });
    expect(review.reply?.underReviewSince).toBeNull();
    expect(keep(world.reviewId).ok).toBe(true);
    expect(getPublicReview(world.reviewId)).toMatchObject({ underReview: false, underReviewSince: null });
  });

  it(`is not shown for a flag past its ${FLAG_DECISION_DAYS}-day decision deadline (the flag stays in the queue)`, () => {
    const world = thread(author.id, staff.id);
    expect(flag({ id: reader.id, role: "member" }, world.reviewId, { now: Date.now() - (FLAG_DECISION_DAYS + 1) * DAY }).ok).toBe(true);
    expect(getPublicReview(world.reviewId)!.underReviewSince).toBeNull();
    expect(listFlagQueue({ limit: 1000 }).items.some((i) => i.reviewId === world.reviewId)).toBe(true);
  });
});

describe("manifestly illegal content: “A company's report, or a single anonymous one, never hides a review”", () => {
  it("marks the right reasons manifestly illegal, and not defamation or insults", () => {
    expect(["violent_threats", "child_abuse", "terrorism"].every(isManifestlyIllegal)).toBe(true);
    expect(["illegal", "offensive", "personal_data", "spam"].some(isManifestlyIllegal)).toBe(false);
  });

  it("a single anonymous notifier, a single account, or the company itself: the review stays online", async () => {
    const world = thread(author.id, staff.id);
    const young = await account({ name: "Young Account" });
    expect(flag(null, world.reviewId, { reason: "terrorism", contact: { name: "Anon", email: `anon-${Date.now()}@example.test` } }).ok).toBe(true);
    expect(flag({ id: staff.id, role: "member" }, world.reviewId, { reason: "violent_threats" }).ok).toBe(true);
    expect(flag({ id: young.id, role: "member" }, world.reviewId, { reason: "child_abuse" }).ok).toBe(true);
    expect(getPublicReview(world.reviewId)?.status).toBe("published");
    expect(count(`SELECT count(*) AS n FROM moderation_decisions WHERE target_type = 'review' AND target_id = ?`, world.reviewId)).toBe(0);
  });

  it("a moderator's report holds it at once: out of the counters, logged, the author told; keep puts it back", () => {
    const world = thread(author.id, staff.id);
    thread(reader.id, staff.id);
    expect(flag({ id: second.id, role: "moderator" }, world.reviewId, { reason: "violent_threats" }).ok).toBe(true);
    const held = getReviewAnyStatus(world.reviewId)!;
    expect(held.status).toBe("held");
    expect(getPublicReview(world.reviewId)).toBeNull();
    expect(client().prepare(`SELECT held_check AS c FROM reviews WHERE id = ?`).get(world.reviewId)).toEqual({ c: FLAG_HOLD_CHECK });
    expectCountersMatch(world.companyId);
    const log = client()
      .prepare(`SELECT actor_id, automated, decision, reason FROM moderation_decisions WHERE target_type = 'review' AND target_id = ?`)
      .all(world.reviewId);
    expect(log).toEqual([{ actor_id: null, automated: 1, decision: "hold", reason: "violent_threats" }]);
    expect(noticesOf(author.id, "flag_hold").some((n) => JSON.parse(n.data).reviewId === world.reviewId)).toBe(true);
    // The queue puts it first among equals: 24-hour deadline, and the case offers keep or remove.
    const item = listFlagQueue({ limit: 1000 }).items.find((i) => i.reviewId === world.reviewId)!;
    expect(item.review.status).toBe("held");
    const part = getCase(world.reviewId, { id: moderator.id, role: "moderator" })!.parts.find((p) => p.target === "review")!;
    expect(part.allowed).toEqual(["keep", "remove"]);
    expect(keep(world.reviewId).ok).toBe(true);
    expect(getPublicReview(world.reviewId)?.status).toBe("published");
    expectCountersMatch(world.companyId);
  });

  it(`two independent accounts (verified, older than the minimum, not of the company) hold it`, async () => {
    const world = thread(author.id, staff.id);
    const a = await oldAccount("Old Reporter A");
    const b = await oldAccount("Old Reporter B");
    expect(flag({ id: a.id, role: "member" }, world.reviewId, { reason: "child_abuse" }).ok).toBe(true);
    expect(getPublicReview(world.reviewId)?.status).toBe("published");
    expect(flag({ id: b.id, role: "member" }, world.reviewId, { reason: "terrorism" }).ok).toBe(true);
    expect(getReviewAnyStatus(world.reviewId)?.status).toBe("held");
  });
});

describe(`the queue: “Every report is decided within ${FLAG_DECISION_DAYS} days, and within ${MANIFESTLY_ILLEGAL_DECISION_HOURS} hours when it is about manifestly illegal content”`, () => {
  it("orders reported contents by their nearest deadline, so a recent manifestly illegal report comes before an older one", async () => {
    const older = thread(author.id, staff.id);
    const urgent = thread(author.id, staff.id);
    const now = Date.now();
    expect(flag({ id: reader.id, role: "member" }, older.reviewId, { now: now - 3 * DAY }).ok).toBe(true);
    expect(flag(null, urgent.reviewId, { reason: "violent_threats", now: now - HOUR, contact: { name: "N", email: `u-${now}@example.test` } }).ok).toBe(true);
    const items = listFlagQueue({ limit: 1000 }).items;
    const deadlines = items.map((i) => i.deadlineAt);
    expect([...deadlines].sort((x, y) => x - y)).toEqual(deadlines);
    const at = (id: number) => items.findIndex((i) => i.reviewId === id && i.target === "review");
    expect(at(urgent.reviewId)).toBeLessThan(at(older.reviewId));
    expect(items[at(urgent.reviewId)]!.deadlineAt).toBe(now - HOUR + MANIFESTLY_ILLEGAL_DECISION_HOURS * HOUR);
    expect(items[at(older.reviewId)]!.deadlineAt).toBe(now - 3 * DAY + FLAG_DECISION_DAYS * DAY);
    // Paging by the deadline cursor walks every item once.
    const walked: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 500; guard++) {
      const page = listFlagQueue({ after, limit: 3 });
      walked.push(...page.items.map((i) => `${i.target}:${i.reviewId}`));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(walked).toEqual(items.map((i) => `${i.target}:${i.reviewId}`));
  });
});

describe(`abusive reporting: “at least ${FLAG_ABUSE_MIN_DECIDED} reports decided over ${FLAG_ABUSE_PERIOD_DAYS} days … warned; … refused for ${FLAG_SUSPENSION_DAYS} days”`, () => {
  it("warns, then refuses new flags, then lifts after the period (fake clock)", async () => {
    const abuser = await account({ locale: "en", name: "Serial Flagger" });
    const base = Date.now() - 60 * DAY;
    const worlds = Array.from({ length: FLAG_ABUSE_MIN_DECIDED + 2 }, () => thread(author.id, staff.id));
    const log = () =>
      client()
        .prepare(`SELECT decision, reason, automated, actor_id FROM moderation_decisions WHERE target_type = 'user' AND target_id = ? ORDER BY id`)
        .all(abuser.id) as { decision: string; reason: string; automated: number; actor_id: number | null }[];
    for (let i = 0; i < FLAG_ABUSE_MIN_DECIDED; i++) {
      const at = base + i * DAY;
      expect(flag({ id: abuser.id, role: "member" }, worlds[i]!.reviewId, { now: at }).ok).toBe(true);
      expect(keep(worlds[i]!.reviewId, at + HOUR).ok).toBe(true);
      if (i < FLAG_ABUSE_MIN_DECIDED - 1) expect(log()).toEqual([]);
    }
    expect(log()).toEqual([{ decision: "flagging_warning", reason: "abusive_flagging", automated: 1, actor_id: null }]);
    expect(noticesOf(abuser.id, "flagging_warning")).toHaveLength(1);
    expect(outboxFor(abuser.email).filter((m) => m.template === "notice_flagging_warning").at(-1)!.subject).toBe("A warning about your reports");

    // Warned, not suspended: the next flag is accepted; once it is dismissed too, suspended.
    const next = base + FLAG_ABUSE_MIN_DECIDED * DAY;
    expect(flag({ id: abuser.id, role: "member" }, worlds[FLAG_ABUSE_MIN_DECIDED]!.reviewId, { now: next }).ok).toBe(true);
    expect(keep(worlds[FLAG_ABUSE_MIN_DECIDED]!.reviewId, next + HOUR).ok).toBe(true);
    expect(log().map((d) => d.decision)).toEqual(["flagging_warning", "flagging_suspended"]);
    expect(noticesOf(abuser.id, "flagging_suspended")).toHaveLength(1);
    const standing = reporterStanding(getDb(), { kind: "user", id: abuser.id }, next + 2 * HOUR);
    expect(standing.suspendedUntil).toBe(next + HOUR + FLAG_SUSPENSION_DAYS * DAY);

    const last = worlds[FLAG_ABUSE_MIN_DECIDED + 1]!.reviewId;
    const before = count(`SELECT count(*) AS n FROM flags`);
    expect(flag({ id: abuser.id, role: "member" }, last, { now: next + 2 * DAY })).toEqual({
      ok: false,
      kind: "suspended",
      until: next + HOUR + FLAG_SUSPENSION_DAYS * DAY,
    });
    expect(count(`SELECT count(*) AS n FROM flags`)).toBe(before);
    // After the period, flagging is open again.
    expect(flag({ id: abuser.id, role: "member" }, last, { now: next + HOUR + FLAG_SUSPENSION_DAYS * DAY + 1 }).ok).toBe(true);
  });
});

describe(`the daily limits: “One account may file at most ${FLAGS_PER_DAY_PER_ACCOUNT} reports a day, and one company … at most ${FLAGS_PER_DAY_PER_COMPANY}”`, () => {
  it("refuses an account's flag past its daily limit, and accepts it the next day", async () => {
    const busy = await account({ name: "Busy Reporter" });
    const now = Date.now() - 10 * DAY;
    const worlds = Array.from({ length: FLAGS_PER_DAY_PER_ACCOUNT + 1 }, () => thread(author.id, staff.id));
    for (let i = 0; i < FLAGS_PER_DAY_PER_ACCOUNT; i++) expect(flag({ id: busy.id, role: "member" }, worlds[i]!.reviewId, { now: now + i * 60_000 }).ok).toBe(true);
    expect(flag({ id: busy.id, role: "member" }, worlds.at(-1)!.reviewId, { now: now + HOUR })).toEqual({ ok: false, kind: "rate_limited" });
    expect(flag({ id: busy.id, role: "member" }, worlds.at(-1)!.reviewId, { now: now + DAY + HOUR }).ok).toBe(true);
  });

  it(`a company cannot put more than ${FLAGS_PER_DAY_PER_COMPANY} “under review” lines a day on its reviews, whichever member flags`, async () => {
    const company = makeCompany({ name: "Maison Pressée", slug: `maison-pressee-${Date.now()}` });
    const members = [await account({ name: "Owner Pressée" }), await account({ name: "Agent Pressée" })];
    for (const m of members) client().prepare(`INSERT INTO company_members (company_id, user_id, role) VALUES (?, ?, 'owner')`).run(company.id, m.id);
    const ids = Array.from({ length: FLAGS_PER_DAY_PER_COMPANY + 2 }, (_, i) =>
      makeReview({ companyId: company.id, subjectId: company.subjectId, authorId: author.id, stars: 1, title: `Négatif ${i}`, publishedAt: Date.now() - 5 * DAY }),
    );
    for (let i = 0; i < FLAGS_PER_DAY_PER_COMPANY; i++) {
      expect(flag({ id: members[i % 2]!.id, role: "member" }, ids[i]!).ok).toBe(true);
    }
    expect(flag({ id: members[1]!.id, role: "member" }, ids[FLAGS_PER_DAY_PER_COMPANY]!)).toEqual({ ok: false, kind: "rate_limited" });
    expect(count(`SELECT count(*) AS n FROM flags WHERE reporter_company_id = ?`, company.id)).toBe(FLAGS_PER_DAY_PER_COMPANY);
    const lines = ids.map((id) => getPublicReview(id)!.underReviewSince).filter((s) => s != null);
    expect(lines).toHaveLength(FLAGS_PER_DAY_PER_COMPANY);
  });
});

describe("the company scorecard: flags filed and the share upheld", () => {
  it("equals an SQL recomputation over the flags of the last 12 months", () => {
    const world = thread(author.id, staff.id);
    const extra = makeReview({ companyId: world.companyId, subjectId: world.subjectId, authorId: reader.id, stars: 1, publishedAt: Date.now() - DAY });
    expect(flag({ id: staff.id, role: "member" }, world.reviewId).ok).toBe(true);
    expect(flag({ id: staff.id, role: "member" }, extra).ok).toBe(true);
    expect(keep(world.reviewId).ok).toBe(true);
    const card = getScorecard(world.companyId);
    const since = Date.now() - 365 * DAY;
    const sql = client()
      .prepare(
        `SELECT count(*) AS filed, count(DISTINCT review_id) AS reviews, sum(status IN ('upheld', 'dismissed')) AS decided,
                sum(status = 'upheld') AS upheld FROM flags WHERE reporter_company_id = ? AND created_at >= ?`,
      )
      .get(world.companyId, since) as { filed: number; reviews: number; decided: number; upheld: number };
    expect(card).toMatchObject({ flagsFiled: sql.filed, flaggedCount: sql.reviews, flagsDecided: sql.decided, flagsUpheld: sql.upheld });
    expect(card).toMatchObject({ flagsFiled: 2, flaggedCount: 2, flagsDecided: 1, flagsUpheld: 0 });
  });
});
