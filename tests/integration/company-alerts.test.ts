// A member's alert mails (app/models/company-alerts.server.ts, /brand/:slug/alerts) against a
// real SQLite database: each member sets their own; a new review mails those who asked for
// every review, a negative one those who asked for negative ones too, each in the language of
// their account, in the transaction that published it; a spike of negative reviews is detected
// as app/lib/spike.ts says, once per 24 h, mailed and sent to the webhooks; steady growth is not.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { SPIKE_RULE } from "~/lib/spike";
import { checkNegativeSpike, getAlertSettings, saveAlertSettings } from "~/models/company-alerts.server";
import { decideHeld } from "~/models/held-reviews.server";
import { createReview } from "~/models/review-submission.server";
import { addWebhook } from "~/models/webhooks.server";
import { action, loader } from "~/routes/brand.$slug.alerts";
import { MODERATION_REASON_IDS } from "~/lib/moderation-reasons";
import {
  account,
  addMember,
  getRequest,
  heldCaseState,
  holdReview,
  makeCompany,
  makeReview,
  makeUser,
  outboxFor,
  outcome,
  postRequest,
  reviewInput,
  type Account,
} from "../support/fixtures";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const client = () => getDb().$client;

let n = 0;
async function world() {
  const slug = `maison-alertes-${++n}`;
  const c = makeCompany({ name: `Maison Alertes ${n}`, slug });
  const owner = await account({ locale: "fr", name: `Odile ${n}` });
  const agent = await account({ locale: "en", name: `Alan ${n}` });
  const quiet = await account({ locale: "en", name: `Quentin ${n}` });
  const watcher = await account({ locale: "en", name: `Wanda ${n}` });
  addMember(c.id, owner.id, "owner");
  for (const a of [agent, quiet, watcher]) addMember(c.id, a.id, "agent");
  return { company: { id: c.id, slug, subjectId: c.subjectId }, owner, agent, quiet, watcher };
}

function publish(w: Awaited<ReturnType<typeof world>>, stars: number, now = Date.now()) {
  const author = makeUser();
  const result = createReview({
    actor: { id: author, role: "member" },
    subjectId: w.company.subjectId,
    input: reviewInput({ stars, title: `Passage ${author}`, body: `Visite numéro ${author} au magasin, racontée sans détour.` }, now),
    locale: "fr",
    ipHash: null,
    origin: "http://localhost",
    now,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

const alertMails = (who: Account) => outboxFor(who.email).filter((m) => m.template.startsWith("alert_"));

const post = (slug: string, who: Account, fields: Record<string, string>) =>
  outcome(() =>
    action({
      request: postRequest(`/brand/${slug}/alerts`, fields, { cookie: who.cookie }),
      params: { slug },
      context: {},
    } as ActionFunctionArgs),
  );
const get = (slug: string, who: Account) =>
  outcome(() =>
    loader({ request: getRequest(`/brand/${slug}/alerts`, { cookie: who.cookie }), params: { slug }, context: {} } as LoaderFunctionArgs),
  );

describe("each member's alerts", () => {
  it("are saved from the page by each member for themselves, nothing ticked until they tick it", async () => {
    const w = await world();
    expect(getAlertSettings(w.company.id, w.agent.id)).toEqual({ newReviews: false, negativeReviews: false, spikes: false });
    const saved = await post(w.company.slug, w.agent, { negativeReviews: "on", spikes: "on" });
    expect(saved.status).toBe(302);
    expect(getAlertSettings(w.company.id, w.agent.id)).toEqual({ newReviews: false, negativeReviews: true, spikes: true });
    expect(getAlertSettings(w.company.id, w.owner.id)).toEqual({ newReviews: false, negativeReviews: false, spikes: false });
    await post(w.company.slug, w.agent, { spikes: "on" });
    expect(getAlertSettings(w.company.id, w.agent.id)).toEqual({ newReviews: false, negativeReviews: false, spikes: true });
    const page = await get(w.company.slug, w.agent);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ settings: { spikes: true }, email: w.agent.email });
  });

  it("are out of reach of another company's staff (403, nothing written)", async () => {
    const w = await world();
    const other = await world();
    const before = client().prepare(`SELECT * FROM company_alert_settings ORDER BY company_id, user_id`).all();
    expect((await get(w.company.slug, other.owner)).status).toBe(403);
    expect((await post(w.company.slug, other.owner, { newReviews: "on" })).status).toBe(403);
    expect(
      saveAlertSettings({
        companyId: w.company.id,
        userId: other.owner.id,
        settings: { newReviews: true, negativeReviews: false, spikes: false },
      }),
    ).toEqual({
      ok: false,
      kind: "not_member",
    });
    expect(client().prepare(`SELECT * FROM company_alert_settings ORDER BY company_id, user_id`).all()).toEqual(before);
  });
});

describe("alert mails", () => {
  it("go to the members who asked, in their language, one per review", async () => {
    const w = await world();
    saveAlertSettings({
      companyId: w.company.id,
      userId: w.owner.id,
      settings: { newReviews: true, negativeReviews: true, spikes: false },
    });
    saveAlertSettings({
      companyId: w.company.id,
      userId: w.agent.id,
      settings: { newReviews: false, negativeReviews: true, spikes: false },
    });

    const happy = publish(w, 5);
    expect(alertMails(w.owner)).toHaveLength(1);
    expect(alertMails(w.owner)[0]!.subject).toMatch(/^Nouvel avis sur Maison Alertes \d+\s: 5\/5/);
    expect(alertMails(w.owner)[0]!.text).toContain(`/brand/${w.company.slug}/reviews/${happy.reviewId}`);
    expect(alertMails(w.agent)).toHaveLength(0);

    publish(w, 1);
    expect(alertMails(w.owner)).toHaveLength(2);
    expect(alertMails(w.owner)[1]!.subject).toMatch(/^Avis négatif sur/);
    expect(alertMails(w.owner)[1]!.text).toContain("Bonjour");
    expect(alertMails(w.agent)).toHaveLength(1);
    expect(alertMails(w.agent)[0]!).toMatchObject({ template: "alert_negative_review" });
    expect(alertMails(w.agent)[0]!.subject).toMatch(/^Negative review of Maison Alertes \d+: 1\/5/);
    expect(alertMails(w.agent)[0]!.text).toContain(`/brand/${w.company.slug}/alerts`);
    for (const who of [w.quiet, w.watcher]) expect(alertMails(who)).toHaveLength(0);
  });

  it("wait for publication: a held review mails when a moderator publishes it, not before", async () => {
    const w = await world();
    saveAlertSettings({
      companyId: w.company.id,
      userId: w.agent.id,
      settings: { newReviews: true, negativeReviews: false, spikes: false },
    });
    const reviewId = holdReview({ authorId: makeUser(), subjectId: w.company.subjectId });
    expect(alertMails(w.agent)).toHaveLength(0);
    const decided = decideHeld({
      actor: { id: makeUser({ role: "moderator" }), role: "moderator" },
      reviewId,
      decision: "publish",
      reason: MODERATION_REASON_IDS[0],
      statement: "Publié après vérification.",
      ...heldCaseState(reviewId),
    });
    expect(decided.ok).toBe(true);
    expect(alertMails(w.agent)).toHaveLength(1);
    expect(alertMails(w.agent)[0]!.subject).toMatch(/^Negative review of/);
  });

  it("stop for a member who left the company", async () => {
    const w = await world();
    saveAlertSettings({ companyId: w.company.id, userId: w.agent.id, settings: { newReviews: true, negativeReviews: true, spikes: true } });
    client().prepare(`DELETE FROM company_members WHERE company_id = ? AND user_id = ?`).run(w.company.id, w.agent.id);
    publish(w, 1);
    expect(alertMails(w.agent)).toHaveLength(0);
  });
});

// ─── The spike ────────────────────────────────────────────────────────────────

/** `perDay(d)` negative reviews (1★) d days before `now` (d from 28 down to 1), written as
 *  already published, and a 5★ review 60 days before: the company's history. */
function history(w: Awaited<ReturnType<typeof world>>, now: number, perDay: (daysAgo: number) => number) {
  makeReview({ companyId: w.company.id, subjectId: w.company.subjectId, authorId: makeUser(), stars: 5, publishedAt: now - 60 * DAY });
  for (let d = 28; d >= 1; d--)
    negativesAt(
      w,
      Array.from({ length: perDay(d) }, (_, i) => now - d * DAY - (i + 1) * HOUR),
    );
}

/** One 1★ review of the company published at each of `times`, as the fixtures write them
 *  (not through the write model: no hook runs). */
function negativesAt(w: Awaited<ReturnType<typeof world>>, times: number[]) {
  for (const publishedAt of times) {
    makeReview({ companyId: w.company.id, subjectId: w.company.subjectId, authorId: makeUser(), stars: 1, publishedAt });
  }
}

const spikes = (companyId: number) =>
  client().prepare(`SELECT detected_at AS detectedAt, count FROM negative_spikes WHERE company_id = ? ORDER BY id`).all(companyId) as {
    detectedAt: number;
    count: number;
  }[];

describe("the spike of negative reviews", () => {
  it("fires on a burst, in the transaction of the review that makes it, once per 24 h", async () => {
    const w = await world();
    saveAlertSettings({
      companyId: w.company.id,
      userId: w.watcher.id,
      settings: { newReviews: false, negativeReviews: false, spikes: true },
    });
    const hook = await addWebhook({
      companyId: w.company.id,
      actorId: w.owner.id,
      url: "https://93.184.215.14/hooks",
      events: ["spike.detected"],
    });
    expect(hook.ok).toBe(true);
    const now = Date.now();
    history(w, now, () => 0);
    // Two bad reviews earlier today, more than the 6 h of the review-bombing check apart.
    negativesAt(
      w,
      [20, 12].map((hoursAgo) => now - hoursAgo * HOUR),
    );
    expect(spikes(w.company.id)).toEqual([]);
    const third = publish(w, 1, now);
    expect(third.status).toBe("published");
    expect(spikes(w.company.id)).toEqual([{ detectedAt: now, count: SPIKE_RULE.minCount }]);
    const mails = alertMails(w.watcher);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Negative reviews are spiking for Maison Alertes ${n}`);
    expect(mails[0]!.text).toContain("3 reviews of 2 stars or fewer");
    const events = client().prepare(`SELECT event, payload FROM webhook_deliveries WHERE event = 'spike.detected'`).all() as {
      event: string;
      payload: string;
    }[];
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ type: "spike.detected", data: { spike: { count: 3, windowHours: 24 } } });

    // More of the same within 24 h: still one spike.
    publish(w, 2, now + 2 * HOUR);
    publish(w, 1, now + 20 * HOUR);
    expect(spikes(w.company.id)).toHaveLength(1);
    expect(alertMails(w.watcher)).toHaveLength(1);
    // A burst the next day is a new spike.
    negativesAt(
      w,
      [21, 22, 23, 24, 25, 26].map((h) => now + h * HOUR),
    );
    expect(checkNegativeSpike(getDb(), w.company.id, now + 27 * HOUR)?.count).toBe(7);
    expect(spikes(w.company.id)).toHaveLength(2);
  });

  it("does not fire on steady growth, nor on a company's first bad day", async () => {
    const w = await world();
    saveAlertSettings({
      companyId: w.company.id,
      userId: w.watcher.id,
      settings: { newReviews: false, negativeReviews: false, spikes: true },
    });
    const now = Date.now();
    // From one a day four weeks ago to three a day this week, and four today.
    history(w, now, (daysAgo) => 1 + Math.floor((28 - daysAgo) / 9));
    negativesAt(
      w,
      [22, 16, 9].map((hoursAgo) => now - hoursAgo * HOUR),
    );
    publish(w, 1, now);
    expect(checkNegativeSpike(getDb(), w.company.id, now)).toBeNull();
    expect(spikes(w.company.id)).toEqual([]);

    const fresh = await world();
    negativesAt(
      fresh,
      [20, 13].map((hoursAgo) => now - hoursAgo * HOUR),
    );
    publish(fresh, 1, now);
    expect(spikes(fresh.company.id)).toEqual([]);
    expect(alertMails(w.watcher)).toHaveLength(0);
  });
});
