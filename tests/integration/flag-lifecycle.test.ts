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
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import { getScorecard } from "~/models/companies.server";
import { FLAGGING_SUSPENSION_LIFTED, FLAGGING_WARNING_WITHDRAWN, reporterStanding, submitFlagResponse } from "~/models/flags.server";
import { decideHeld, getHeldCase, getHeldSummary, listHeldQueue, publishOverdueHeldReviews } from "~/models/held-reviews.server";
import { decideAppeal, fileAppeal, getCaseAppeals } from "~/models/appeals.server";
import { decide, getCase, listFlagQueue } from "~/models/moderation.server";
import { flagContent } from "~/models/review-actions.server";
import { getPublicReview, getReviewAnyStatus } from "~/models/reviews.server";
import { action as respondAction, loader as respondLoader } from "~/routes/reviews.$id_.respond";
import { loader as caseLoader } from "~/routes/moderation.reviews.$id";
import {
  account,
  type Account,
  addMember,
  callAction,
  callLoader,
  caseState,
  expectCountersMatch,
  getRequest,
  makeCompany,
  makeReview,
  outboxFor,
  postRequest,
  thread,
} from "../support/fixtures";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const EXPLANATION = "Ce texte ne décrit pas une expérience réelle avec ce magasin.";

const client = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) =>
  (
    client()
      .prepare(sql)
      .get(...args) as { n: number }
  ).n;
const noticesOf = (userId: number, kind: string) =>
  client()
    .prepare(`SELECT data, link, created_at AS at FROM notifications WHERE user_id = ? AND kind = ? ORDER BY id`)
    .all(userId, kind) as {
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
  return flagContent({
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

async function oldAccount(name: string) {
  const a = await account({ name });
  client()
    .prepare(`UPDATE users SET created_at = ? WHERE id = ?`)
    .run(Date.now() - 90 * DAY, a.id);
  return a;
}

describe(`the author is told: “at most once per review every ${FLAG_NOTICE_INTERVAL_HOURS} hours”`, () => {
  it("one notice and one mail in the author's language for several flags in a day, another the next day", async () => {
    const world = thread(author.id, staff.id);
    const t0 = Date.now() - 3 * DAY;
    const other = await account({ name: "Second Reporter" });
    expect(flag({ id: reader.id, role: "member" }, world.reviewId, { now: t0 }).ok).toBe(true);
    expect(flag({ id: other.id, role: "member" }, world.reviewId, { now: t0 + 2 * HOUR }).ok).toBe(true);
    expect(flag(null, world.reviewId, { now: t0 + 3 * HOUR, contact: { name: "Camille", email: `n-${Date.now()}@example.test` } }).ok).toBe(
      true,
    );
    const mine = () => noticesOf(author.id, "flag_received").filter((n) => JSON.parse(n.data).reviewId === world.reviewId);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.link).toBe(`/reviews/${world.reviewId}/respond`);
    const mails = () =>
      outboxFor(author.email).filter((m) => m.template === "notice_flag_received" && m.text.includes(`/reviews/${world.reviewId}/respond`));
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
    const page = await callLoader(respondLoader, getRequest(`/reviews/${world.reviewId}/respond`, { cookie: author.cookie }), {
      id: String(world.reviewId),
    });
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
    const loader = await callLoader(respondLoader, getRequest(`/reviews/${world.reviewId}/respond`, { cookie: reader.cookie }), {
      id: String(world.reviewId),
    });
    expect(loader.status).toBe(403);
    const late = submitFlagResponse({
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
    expect(
      flag(null, world.reviewId, { reason: "terrorism", contact: { name: "Anon", email: `anon-${Date.now()}@example.test` } }).ok,
    ).toBe(true);
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

  it(`a review held on a manifestly illegal flag is in the flags queue only: not in the held queue, its count, nor published after ${MAX_PUBLICATION_DELAY_HOURS} hours`, () => {
    const world = thread(author.id, staff.id);
    const heldAt = Date.now() - (MAX_PUBLICATION_DELAY_HOURS + 5) * HOUR;
    const before = getHeldSummary();
    expect(flag({ id: second.id, role: "moderator" }, world.reviewId, { reason: "terrorism", now: heldAt }).ok).toBe(true);
    expect(client().prepare(`SELECT status, held_check AS c FROM reviews WHERE id = ?`).get(world.reviewId)).toEqual({
      status: "held",
      c: FLAG_HOLD_CHECK,
    });
    // The flags queue has it…
    expect(listFlagQueue({ limit: 1000 }).items.some((i) => i.reviewId === world.reviewId && i.target === "review")).toBe(true);
    // …the held-at-submission queue, its dashboard line and its case page do not.
    expect(listHeldQueue({ limit: 1000 }).items.map((i) => i.id)).not.toContain(world.reviewId);
    expect(getHeldSummary()).toEqual(before);
    expect(getHeldCase(world.reviewId, { id: moderator.id, role: "moderator" })).toBeNull();
    expect(
      decideHeld({
        actor: { id: moderator.id, role: "moderator" },
        reviewId: world.reviewId,
        decision: "publish",
        reason: "illegal",
        statement: "Publié : rien d’illicite dans ce texte.",
        version: count(
          `SELECT coalesce(max(id), 0) AS n FROM moderation_decisions WHERE target_type = 'review' AND target_id = ?`,
          world.reviewId,
        ),
        editedAt: 0,
      }),
    ).toEqual({ ok: false, kind: "not_found" });
    // The publication deadline job, well past the delay, leaves it held and logs nothing.
    const published = publishOverdueHeldReviews({ now: Date.now() + 30 * DAY, limit: 10_000 });
    expect(published).not.toContain(world.reviewId);
    expect(getReviewAnyStatus(world.reviewId)?.status).toBe("held");
    expect(
      count(
        `SELECT count(*) AS n FROM moderation_decisions WHERE target_type = 'review' AND target_id = ? AND decision = 'publish'`,
        world.reviewId,
      ),
    ).toBe(0);
    // Decided from the flags queue: keep publishes it and dismisses the flag.
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
    expect(
      flag(null, urgent.reviewId, { reason: "violent_threats", now: now - HOUR, contact: { name: "N", email: `u-${now}@example.test` } })
        .ok,
    ).toBe(true);
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
        .prepare(
          `SELECT decision, reason, automated, actor_id FROM moderation_decisions WHERE target_type = 'user' AND target_id = ? ORDER BY id`,
        )
        .all(abuser.id) as { decision: string; reason: string; automated: number; actor_id: number | null }[];
    for (let i = 0; i < FLAG_ABUSE_MIN_DECIDED; i++) {
      const at = base + i * DAY;
      expect(flag({ id: abuser.id, role: "member" }, worlds[i]!.reviewId, { now: at }).ok).toBe(true);
      expect(keep(worlds[i]!.reviewId, at + HOUR).ok).toBe(true);
      if (i < FLAG_ABUSE_MIN_DECIDED - 1) expect(log()).toEqual([]);
    }
    expect(log()).toEqual([{ decision: "flagging_warning", reason: "abusive_flagging", automated: 1, actor_id: null }]);
    expect(noticesOf(abuser.id, "flagging_warning")).toHaveLength(1);
    expect(
      outboxFor(abuser.email)
        .filter((m) => m.template === "notice_flagging_warning")
        .at(-1)!.subject,
    ).toBe("A warning about your reports");

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

describe("abusive reporting counts each report as finally decided: an appeal that reverses a decision weighs its reporters again", () => {
  function remove(reviewId: number, now?: number) {
    return decide({
      actor: { id: moderator.id, role: moderator.role },
      reviewId,
      target: "review",
      decision: "remove",
      reason: "not_an_experience",
      statement: "Cet avis ne décrit pas une expérience réelle : il est retiré.",
      ...caseState(reviewId),
      origin: "http://localhost",
      now,
    });
  }
  /** `who` appeals decision `decisionId` on `reviewId`; `second` (who did not decide it) overturns it. */
  function overturn(who: Account, reviewId: number, decisionId: number) {
    const filed = fileAppeal({
      viewer: { id: who.id, role: who.role, email: who.email, emailVerifiedAt: Date.now() },
      decisionId,
      explanation: "La décision ne tient pas compte de ce que j’ai expliqué.",
      origin: "http://localhost",
    });
    expect(filed.ok).toBe(true);
    const [a] = getCaseAppeals(reviewId, { id: second.id, role: second.role });
    return decideAppeal({
      actor: { id: second.id, role: second.role },
      reviewId,
      target: "review",
      appealed: decisionId,
      outcome: "overturn",
      reason: "not_an_experience",
      statement: "Après réexamen en appel, la décision initiale est renversée.",
      seenAppeal: a!.seenAppeal,
      editedAt: a!.editedAt,
      origin: "http://localhost",
    });
  }
  const sanctionsOf = (userId: number) =>
    (
      client()
        .prepare(
          `SELECT decision FROM moderation_decisions WHERE target_type = 'user' AND target_id = ? AND reason = 'abusive_flagging' ORDER BY id`,
        )
        .all(userId) as { decision: string }[]
    ).map((r) => r.decision);
  const statusOf = (flagId: number) => (client().prepare(`SELECT status FROM flags WHERE id = ?`).get(flagId) as { status: string }).status;

  it("a keep overturned on appeal upholds the report after all: the share drops, the suspension it founded is lifted, then the warning", async () => {
    const abuser = await account({ locale: "fr", name: "Reporter Vindicated" });
    const base = Date.now() - 20 * DAY;
    const cases: { reviewId: number; companyId: number; flagId: number; keptBy: number }[] = [];
    for (let i = 0; i <= FLAG_ABUSE_MIN_DECIDED; i++) {
      const world = thread(author.id, staff.id);
      const at = base + i * DAY;
      const filed = flag({ id: abuser.id, role: "member" }, world.reviewId, { now: at });
      if (!filed.ok) throw new Error(filed.kind);
      const kept = keep(world.reviewId, at + 10 * 60_000);
      if (!kept.ok) throw new Error(kept.kind);
      cases.push({ reviewId: world.reviewId, companyId: world.companyId, flagId: filed.flagId, keptBy: kept.decisionId });
    }
    expect(sanctionsOf(abuser.id)).toEqual(["flagging_warning", "flagging_suspended"]);
    expect(reporterStanding(getDb(), { kind: "user", id: abuser.id }).suspendedUntil).not.toBeNull();

    // The report filed after the warning was upheld on appeal: the suspension has no ground left.
    const last = cases.at(-1)!;
    expect(overturn(abuser, last.reviewId, last.keptBy)).toMatchObject({ ok: true });
    expect(getReviewAnyStatus(last.reviewId)?.status).toBe("removed");
    expect(statusOf(last.flagId)).toBe("upheld");
    let standing = reporterStanding(getDb(), { kind: "user", id: abuser.id });
    expect(standing.figures).toEqual({ decided: FLAG_ABUSE_MIN_DECIDED + 1, upheld: 1, dismissed: FLAG_ABUSE_MIN_DECIDED });
    expect(standing.suspendedUntil).toBeNull();
    expect(standing.warnedAt).not.toBeNull();
    expect(sanctionsOf(abuser.id)).toEqual(["flagging_warning", "flagging_suspended", FLAGGING_SUSPENSION_LIFTED]);
    expect(noticesOf(abuser.id, "flagging_suspension_lifted")).toHaveLength(1);
    expect(
      outboxFor(abuser.email)
        .filter((m) => m.template === "notice_flagging_suspension_lifted")
        .map((m) => m.subject),
    ).toEqual(["Vous pouvez de nouveau signaler"]);
    const fresh = thread(author.id, staff.id);
    expect(flag({ id: abuser.id, role: "member" }, fresh.reviewId).ok).toBe(true);

    // Three earlier keeps overturned: 7 of the 10 reports the warning counted still dismissed, at the threshold.
    for (const c of cases.slice(0, 3)) expect(overturn(abuser, c.reviewId, c.keptBy)).toMatchObject({ ok: true });
    expect(sanctionsOf(abuser.id)).not.toContain(FLAGGING_WARNING_WITHDRAWN);
    // A fourth: 6 of 10, under it. The warning is withdrawn, and the log only grew.
    expect(overturn(abuser, cases[3]!.reviewId, cases[3]!.keptBy)).toMatchObject({ ok: true });
    standing = reporterStanding(getDb(), { kind: "user", id: abuser.id });
    expect(standing.figures).toEqual({ decided: FLAG_ABUSE_MIN_DECIDED + 1, upheld: 5, dismissed: FLAG_ABUSE_MIN_DECIDED - 4 });
    expect(standing.warnedAt).toBeNull();
    expect(sanctionsOf(abuser.id)).toEqual([
      "flagging_warning",
      "flagging_suspended",
      FLAGGING_SUSPENSION_LIFTED,
      FLAGGING_WARNING_WITHDRAWN,
    ]);
    expect(noticesOf(abuser.id, "flagging_warning_withdrawn")).toHaveLength(1);
    for (const c of cases.slice(0, 4)) expect(statusOf(c.flagId)).toBe("upheld");
    expectCountersMatch(cases[0]!.companyId);
  });

  it("a company's suspension founded on a report upheld on appeal is lifted, on its row too, and its members may report again", async () => {
    const company = makeCompany({ name: "Maison Réhabilitée", slug: `maison-rehabilitee-${Date.now()}` });
    const owner = await account({ locale: "fr", name: "Owner Réhabilitée" });
    addMember(company.id, owner.id, "owner");
    const base = Date.now() - 20 * DAY;
    const reviews = Array.from({ length: FLAG_ABUSE_MIN_DECIDED + 2 }, (_, i) =>
      makeReview({
        companyId: company.id,
        subjectId: company.subjectId,
        authorId: author.id,
        stars: 1,
        title: `Avis ${i}`,
        publishedAt: base - DAY,
      }),
    );
    let last = { reviewId: 0, keptBy: 0 };
    for (let i = 0; i <= FLAG_ABUSE_MIN_DECIDED; i++) {
      const at = base + i * DAY;
      expect(flag({ id: owner.id, role: "member" }, reviews[i]!, { now: at }).ok).toBe(true);
      const kept = keep(reviews[i]!, at + 10 * 60_000);
      if (!kept.ok) throw new Error(kept.kind);
      last = { reviewId: reviews[i]!, keptBy: kept.decisionId };
    }
    const companyLog = () =>
      (
        client()
          .prepare(`SELECT decision FROM moderation_decisions WHERE target_type = 'company' AND target_id = ? ORDER BY id`)
          .all(company.id) as { decision: string }[]
      ).map((r) => r.decision);
    const row = () =>
      client()
        .prepare(`SELECT flag_warning_at AS warnedAt, flagging_suspended_until AS until FROM companies WHERE id = ?`)
        .get(company.id) as { warnedAt: number | null; until: number | null };
    expect(companyLog()).toEqual(["flagging_warning", "flagging_suspended"]);
    expect(row().until).toBeGreaterThan(Date.now());
    expect(flag({ id: owner.id, role: "member" }, reviews.at(-1)!)).toMatchObject({ ok: false, kind: "suspended" });

    expect(overturn(owner, last.reviewId, last.keptBy)).toMatchObject({ ok: true });
    expect(companyLog()).toEqual(["flagging_warning", "flagging_suspended", FLAGGING_SUSPENSION_LIFTED]);
    expect(row()).toMatchObject({ until: null });
    expect(row().warnedAt).not.toBeNull();
    expect(noticesOf(owner.id, "flagging_suspension_lifted").map((n) => JSON.parse(n.data).forCompany)).toContain(true);
    expect(flag({ id: owner.id, role: "member" }, reviews.at(-1)!).ok).toBe(true);
  });

  it("a removal overturned on appeal dismisses its report after all: the share rises and the reporter is warned", async () => {
    const reporter = await account({ locale: "en", name: "Reporter Overruled" });
    const base = Date.now() - 20 * DAY;
    const removals: { reviewId: number; companyId: number; flagId: number; removedBy: number }[] = [];
    // Four reports upheld, then six dismissed: 6 of 10 dismissed, under the threshold.
    for (let i = 0; i < FLAG_ABUSE_MIN_DECIDED; i++) {
      const world = thread(author.id, staff.id);
      const at = base + i * DAY;
      const filed = flag({ id: reporter.id, role: "member" }, world.reviewId, { now: at });
      if (!filed.ok) throw new Error(filed.kind);
      if (i < 4) {
        const removed = remove(world.reviewId, at + 10 * 60_000);
        if (!removed.ok) throw new Error(removed.kind);
        removals.push({ reviewId: world.reviewId, companyId: world.companyId, flagId: filed.flagId, removedBy: removed.decisionId });
      } else {
        expect(keep(world.reviewId, at + 10 * 60_000).ok).toBe(true);
      }
    }
    expect(reporterStanding(getDb(), { kind: "user", id: reporter.id }).figures).toEqual({ decided: 10, upheld: 4, dismissed: 6 });
    expect(sanctionsOf(reporter.id)).toEqual([]);

    // The author appeals a removal and another moderator restores the review: that report was not founded.
    const r = removals[0]!;
    expect(overturn(author, r.reviewId, r.removedBy)).toMatchObject({ ok: true });
    expect(getPublicReview(r.reviewId)?.status).toBe("published");
    expect(statusOf(r.flagId)).toBe("dismissed");
    expect(reporterStanding(getDb(), { kind: "user", id: reporter.id }).figures).toEqual({ decided: 10, upheld: 3, dismissed: 7 });
    expect(sanctionsOf(reporter.id)).toEqual(["flagging_warning"]);
    expect(noticesOf(reporter.id, "flagging_warning")).toHaveLength(1);
    expect(
      outboxFor(reporter.email)
        .filter((m) => m.template === "notice_flagging_warning")
        .map((m) => m.subject),
    ).toEqual(["A warning about your reports"]);
    expectCountersMatch(r.companyId);
  });
});

describe(`the daily limits: “One account may file at most ${FLAGS_PER_DAY_PER_ACCOUNT} reports a day, and one company … at most ${FLAGS_PER_DAY_PER_COMPANY}”`, () => {
  it("refuses an account's flag past its daily limit, and accepts it the next day", async () => {
    const busy = await account({ name: "Busy Reporter" });
    const now = Date.now() - 10 * DAY;
    const worlds = Array.from({ length: FLAGS_PER_DAY_PER_ACCOUNT + 1 }, () => thread(author.id, staff.id));
    for (let i = 0; i < FLAGS_PER_DAY_PER_ACCOUNT; i++)
      expect(flag({ id: busy.id, role: "member" }, worlds[i]!.reviewId, { now: now + i * 60_000 }).ok).toBe(true);
    expect(flag({ id: busy.id, role: "member" }, worlds.at(-1)!.reviewId, { now: now + HOUR })).toEqual({
      ok: false,
      kind: "rate_limited",
    });
    expect(flag({ id: busy.id, role: "member" }, worlds.at(-1)!.reviewId, { now: now + DAY + HOUR }).ok).toBe(true);
  });

  it(`a company cannot put more than ${FLAGS_PER_DAY_PER_COMPANY} “under review” lines a day on its reviews, whichever member flags`, async () => {
    const company = makeCompany({ name: "Maison Pressée", slug: `maison-pressee-${Date.now()}` });
    const members = [await account({ name: "Owner Pressée" }), await account({ name: "Agent Pressée" })];
    for (const m of members) addMember(company.id, m.id, "owner");
    const ids = Array.from({ length: FLAGS_PER_DAY_PER_COMPANY + 2 }, (_, i) =>
      makeReview({
        companyId: company.id,
        subjectId: company.subjectId,
        authorId: author.id,
        stars: 1,
        title: `Négatif ${i}`,
        publishedAt: Date.now() - 5 * DAY,
      }),
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
    const extra = makeReview({
      companyId: world.companyId,
      subjectId: world.subjectId,
      authorId: reader.id,
      stars: 1,
      publishedAt: Date.now() - DAY,
    });
    expect(flag({ id: staff.id, role: "member" }, world.reviewId).ok).toBe(true);
    expect(flag({ id: staff.id, role: "member" }, extra).ok).toBe(true);
    expect(keep(world.reviewId).ok).toBe(true);
    // Reported again after the decision: three reports, on two reviews.
    expect(flag({ id: staff.id, role: "member" }, world.reviewId).ok).toBe(true);
    const card = getScorecard(world.companyId);
    const since = Date.now() - 365 * DAY;
    const sql = client()
      .prepare(
        `SELECT count(*) AS filed, count(DISTINCT review_id) AS reviews, sum(status IN ('upheld', 'dismissed')) AS decided,
                sum(status = 'upheld') AS upheld FROM flags WHERE reporter_company_id = ? AND created_at >= ?`,
      )
      .get(world.companyId, since) as { filed: number; reviews: number; decided: number; upheld: number };
    expect(card).toMatchObject({ flagsFiled: sql.filed, flaggedCount: sql.reviews, flagsDecided: sql.decided, flagsUpheld: sql.upheld });
    expect(card).toMatchObject({ flagsFiled: 3, flaggedCount: 2, flagsDecided: 1, flagsUpheld: 0 });
  });
});
