// A company's subjects (app/models/company-subjects.server.ts, /brand/:slug/subjects) against
// real SQLite: an owner adds a store (address and city required) or a website (URL required),
// renames one (its slug and its old address stay), closes it — its page and reviews stay and
// say "closed", /write-a-review no longer offers it and the review model refuses a new review
// — reopens it, and deletes one only when it never had a review. Every change is logged;
// agents read but change nothing, another company's staff get a 403, and the model checks
// again whatever the route let through. The list's review counts equal SQL's.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import {
  addSubject,
  deleteSubject,
  listCompanySubjects,
  listSubjectChoices,
  setSubjectClosed,
  updateSubject,
} from "~/models/company-subjects.server";
import { createReview } from "~/models/review-submission.server";
import { findReviewTargets, getCompanyTargets } from "~/models/review-targets.server";
import * as subjectPage from "~/routes/companies.$slug.$subject";
import * as subjectsRoute from "~/routes/brand.$slug.subjects";
import * as writeRoute from "~/routes/write-a-review.$subjectId";
import { flashKeyOf } from "../support/flash";
import {
  makeCompany,
  makeSubject,
  makeReview,
  makeUser,
  addMember,
  account,
  type Account,
  getRequest,
  postRequest,
  outcome,
  reviewInput,
  shownAnswer,
} from "../support/fixtures";

const client = () => getDb().$client;
const context = { clientIp: "198.51.100.7" };

interface Team {
  id: number;
  slug: string;
  storeId: number;
  owner: Account;
  agent: Account;
}

let n = 0;
async function team(state: "verified" | "claimed" = "verified"): Promise<Team> {
  const slug = `maison-sujets-${++n}`;
  const c = makeCompany({ name: `Maison Sujets ${n}`, slug, state });
  const owner = await account({ locale: "en" });
  const agent = await account();
  addMember(c.id, owner.id, "owner");
  addMember(c.id, agent.id, "agent");
  return { id: c.id, slug, storeId: c.subjectId, owner, agent };
}

const subjectRow = (id: number) =>
  client().prepare(`SELECT id, company_id AS companyId, slug, name, kind, address, city, url, state FROM subjects WHERE id = ?`).get(id) as
    | {
        id: number;
        companyId: number;
        slug: string;
        name: string;
        kind: string;
        address: string | null;
        city: string | null;
        url: string | null;
        state: string;
      }
    | undefined;
const slugOf = (id: number) => subjectRow(id)!.slug;
const eventsOf = (companyId: number) =>
  (
    client().prepare(`SELECT kind, actor_id AS actorId, detail FROM company_events WHERE company_id = ? ORDER BY id`).all(companyId) as {
      kind: string;
      actorId: number;
      detail: string;
    }[]
  ).map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
const everything = () => ({
  subjects: client().prepare(`SELECT * FROM subjects ORDER BY id`).all(),
  events: client().prepare(`SELECT count(*) AS n FROM company_events`).get(),
});

const onSubjects = (t: Team, who: Account | null, form: Record<string, string>, search = "") =>
  outcome(() =>
    subjectsRoute.action({
      request: postRequest(`/brand/${t.slug}/subjects${search}`, form, { cookie: who?.cookie }),
      params: { slug: t.slug },
      context,
    }),
  );
const readSubjects = (t: Team, who: Account | null, search = "") =>
  outcome(() =>
    subjectsRoute.loader({
      request: getRequest(`/brand/${t.slug}/subjects${search}`, { cookie: who?.cookie }),
      params: { slug: t.slug },
      context,
    }),
  );
const publicPage = (t: Team, subjectSlug: string) =>
  outcome(() =>
    subjectPage.loader({
      request: getRequest(`/companies/${t.slug}/${subjectSlug}`),
      params: { slug: t.slug, subject: subjectSlug },
      context,
    }),
  );

const STORE = {
  intent: "add",
  kind: "store",
  name: "Maison Sujets — Lyon",
  address: "3 rue de la République",
  postalCode: "69001",
  city: "Lyon",
};

let reviewerId: number;
beforeAll(() => {
  reviewerId = makeUser();
});

describe("adding a subject", () => {
  it("adds a store with its address: active at once, a slug from its name, logged", async () => {
    const t = await team();
    const res = await onSubjects(t, t.owner, STORE);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/brand/${t.slug}/subjects`);
    expect(await flashKeyOf(res)).toBe("flash.subjectAdded");
    const [added] = eventsOf(t.id);
    expect(added).toMatchObject({ kind: "subject_added", actorId: t.owner.id, detail: { kind: "store", name: STORE.name } });
    const subject = subjectRow(added.detail.subjectId as number)!;
    expect(subject).toMatchObject({ companyId: t.id, slug: "maison-sujets-lyon", state: "active", city: "Lyon", address: STORE.address });
    // The same name again: a slug of its own.
    await onSubjects(t, t.owner, STORE);
    expect(eventsOf(t.id)[1].detail.slug).toBe("maison-sujets-lyon-2");
    // Reviewers can choose it now.
    expect(getCompanyTargets(t.slug)!.subjects.map((s) => s.id)).toContain(subject.id);
  });

  it("refuses a store without address or city, a website without a URL: errors next to the fields, what was typed kept", async () => {
    const t = await team();
    const before = everything();
    const store = await onSubjects(t, t.owner, { intent: "add", kind: "store", name: "Boutique du port", address: " ", city: "" });
    expect(store.status).toBe(400);
    const shown = shownAnswer(store.data, "en");
    expect(shown.errors).toMatchObject({ address: "Give the store's street address.", city: "Give the store's city." });
    expect(shown.values).toMatchObject({ kind: "store", name: "Boutique du port" });
    const site = await onSubjects(t, t.owner, { intent: "add", kind: "website", name: "La boutique en ligne", url: "boutique.example" });
    expect(shownAnswer(site.data, "en").errors).toMatchObject({ url: expect.stringContaining("http") });
    const noUrl = await onSubjects(t, t.owner, { intent: "add", kind: "website", name: "La boutique en ligne" });
    expect(shownAnswer(noUrl.data, "en").errors.url).toBe("Give the website's address, starting with http:// or https://.");
    const noKind = await onSubjects(t, t.owner, { intent: "add", kind: "shop", name: "x" });
    expect(Object.keys(shownAnswer(noKind.data, "en").errors).sort()).toEqual(["kind", "name"]);
    expect(everything()).toEqual(before);
    const ok = await onSubjects(t, t.owner, {
      intent: "add",
      kind: "website",
      name: "La boutique en ligne",
      url: "https://boutique.example",
    });
    expect(ok.status).toBe(302);
    const product = await onSubjects(t, t.owner, { intent: "add", kind: "product", name: "Carte cadeau" });
    expect(product.status).toBe(302);
  });
});

describe("who may change the subjects", () => {
  it("lets agents read the list but change nothing; another company's staff get a 403; anonymous visitors log in", async () => {
    const t = await team();
    const other = await team();
    expect((await readSubjects(t, t.agent)).status).toBe(200);
    expect((await readSubjects(t, other.owner)).status).toBe(403);
    expect((await readSubjects(t, null)).location).toMatch(/^\/login/);
    const before = everything();
    const forms: Record<string, string>[] = [
      STORE,
      { intent: "edit", subjectId: String(t.storeId), kind: "store", name: "Renommé", address: "1 rue", city: "Paris" },
      { intent: "close", subjectId: String(t.storeId) },
      { intent: "delete", subjectId: String(t.storeId) },
    ];
    for (const who of [t.agent, other.owner, other.agent]) {
      for (const form of forms) {
        expect((await onSubjects(t, who, form)).status).toBe(403);
      }
    }
    expect((await onSubjects(t, null, STORE)).location).toMatch(/^\/login/);
    expect(everything()).toEqual(before);
  });

  it("checks again in the model: not an owner, another company's subject, an unverified company", async () => {
    const t = await team();
    const other = await team();
    const details = { kind: "product" as const, name: "Coffret" };
    expect(addSubject({ companyId: t.id, actorId: t.agent.id, details })).toEqual({ ok: false, kind: "not_owner" });
    expect(addSubject({ companyId: t.id, actorId: other.owner.id, details })).toEqual({ ok: false, kind: "not_owner" });
    // Company B's owner, acting for B on A's subject: not B's.
    expect(setSubjectClosed({ companyId: other.id, actorId: other.owner.id, subjectId: t.storeId, closed: true })).toEqual({
      ok: false,
      kind: "not_found",
    });
    expect(deleteSubject({ companyId: other.id, actorId: other.owner.id, subjectId: t.storeId })).toEqual({ ok: false, kind: "not_found" });
    const claimed = await team("claimed");
    expect(addSubject({ companyId: claimed.id, actorId: claimed.owner.id, details })).toEqual({ ok: false, kind: "not_verified" });
    expect(subjectRow(t.storeId)!.state).toBe("active");
    expect(eventsOf(t.id)).toEqual([]);
  });
});

describe("renaming a subject", () => {
  it("keeps its slug, so its old address still opens its page under the new name; logs what changed", async () => {
    const t = await team();
    const oldSlug = slugOf(t.storeId);
    const res = await onSubjects(
      t,
      t.owner,
      {
        intent: "edit",
        subjectId: String(t.storeId),
        kind: "store",
        name: "Maison Sujets — Paris Bastille",
        address: "8 place de la Bastille",
        city: "Paris",
      },
      `?edit=${t.storeId}`,
    );
    expect(res.status).toBe(302);
    expect(subjectRow(t.storeId)).toMatchObject({
      slug: oldSlug,
      name: "Maison Sujets — Paris Bastille",
      address: "8 place de la Bastille",
    });
    const page = await publicPage(t, oldSlug);
    expect(page.status).toBe(200);
    expect((page.data as { subject: { name: string; closed: boolean } }).subject).toMatchObject({
      name: "Maison Sujets — Paris Bastille",
      closed: false,
    });
    const [event] = eventsOf(t.id);
    expect(event).toMatchObject({ kind: "subject_updated", detail: { subjectId: t.storeId } });
    expect(Object.keys(event.detail.changes as object).sort()).toEqual(["address", "name"]);
  });

  it("opens the edit form at ?edit=, and answers an invalid edit with the errors and the text kept", async () => {
    const t = await team();
    const page = await readSubjects(t, t.owner, `?edit=${t.storeId}`);
    expect((page.data as { editing: { id: number } | null }).editing?.id).toBe(t.storeId);
    expect(((await readSubjects(t, t.agent, `?edit=${t.storeId}`)).data as { editing: unknown }).editing).toBeNull();
    const res = await onSubjects(
      t,
      t.owner,
      { intent: "edit", subjectId: String(t.storeId), kind: "store", name: "P", city: "Paris" },
      `?edit=${t.storeId}`,
    );
    expect(res.status).toBe(400);
    const shown = shownAnswer(res.data, "en");
    expect(Object.keys(shown.errors).sort()).toEqual(["address", "name"]);
    expect(shown.values).toMatchObject({ name: "P", city: "Paris" });
    // A kind that is not the subject's: a stale page, refused.
    const stale = await onSubjects(t, t.owner, { intent: "edit", subjectId: String(t.storeId), kind: "product", name: "Produit" });
    expect(stale.status).toBe(409);
    expect(shownAnswer(stale.data, "en").formError).toContain("out of date");
    expect(eventsOf(t.id)).toEqual([]);
  });
});

describe("closing a subject", () => {
  it("keeps its page and reviews (shown closed), offers it nowhere, and the review model refuses a new review; reopening undoes it", async () => {
    const t = await team();
    const reviewId = makeReview({ companyId: t.id, subjectId: t.storeId, authorId: reviewerId });
    const offered = () => findReviewTargets(`Maison Sujets ${n}`).flatMap((c) => c.subjects.map((s) => s.id));
    expect(offered()).toContain(t.storeId);
    const closed = await onSubjects(t, t.owner, { intent: "close", subjectId: String(t.storeId) });
    expect(closed.status).toBe(302);
    expect(await flashKeyOf(closed)).toBe("flash.subjectClosed");
    expect(subjectRow(t.storeId)!.state).toBe("closed");

    const page = await publicPage(t, slugOf(t.storeId));
    expect(page.status).toBe(200);
    const data = page.data as { subject: { closed: boolean }; page: { reviews: { id: number }[] } };
    expect(data.subject.closed).toBe(true);
    expect(data.page.reviews.map((r) => r.id)).toEqual([reviewId]);

    expect(getCompanyTargets(t.slug)!.subjects.map((s) => s.id)).not.toContain(t.storeId);
    expect(offered()).not.toContain(t.storeId);
    expect(listSubjectChoices(t.id)).toContainEqual(expect.objectContaining({ id: t.storeId, closed: true }));

    const writer = await account();
    const reviewsBefore = client().prepare(`SELECT count(*) FROM reviews`).pluck().get();
    const write = () =>
      createReview({ actor: { id: writer.id, role: "member" }, subjectId: t.storeId, input: reviewInput(), locale: "fr", ipHash: null });
    const refused = write();
    expect(refused).toEqual({ ok: false, kind: "closed" });
    expect(client().prepare(`SELECT count(*) FROM reviews`).pluck().get()).toBe(reviewsBefore);
    const form = await outcome(() =>
      writeRoute.loader({
        request: getRequest(`/write-a-review/${t.storeId}`, { cookie: writer.cookie }),
        params: { subjectId: String(t.storeId) },
        context,
      }),
    );
    expect(form.status).toBe(404);

    // Closing twice is refused; reopening brings it back.
    expect((await onSubjects(t, t.owner, { intent: "close", subjectId: String(t.storeId) })).status).toBe(409);
    expect((await onSubjects(t, t.owner, { intent: "reopen", subjectId: String(t.storeId) })).status).toBe(302);
    expect(subjectRow(t.storeId)!.state).toBe("active");
    const accepted = write();
    expect(accepted.ok).toBe(true);
    expect(eventsOf(t.id).map((e) => e.kind)).toEqual(["subject_closed", "subject_reopened"]);
  });

  it("leaves reviewers' suggestions to the moderators", async () => {
    const t = await team();
    const suggested = makeSubject(t.id, { state: "pending" });
    expect(setSubjectClosed({ companyId: t.id, actorId: t.owner.id, subjectId: suggested, closed: true })).toEqual({
      ok: false,
      kind: "not_allowed",
    });
    expect(deleteSubject({ companyId: t.id, actorId: t.owner.id, subjectId: suggested })).toEqual({ ok: false, kind: "not_allowed" });
    expect(subjectRow(suggested)!.state).toBe("pending");
  });
});

describe("deleting a subject", () => {
  it("never deletes one that has reviews (of any status); deletes one that never had any, and logs it", async () => {
    const t = await team();
    makeReview({ companyId: t.id, subjectId: t.storeId, authorId: reviewerId, status: "removed" });
    const refused = await onSubjects(t, t.owner, { intent: "delete", subjectId: String(t.storeId) });
    expect(refused.status).toBe(409);
    expect(shownAnswer(refused.data, "en").formError).toBe("This subject has reviews: it can be closed, never deleted.");
    expect(subjectRow(t.storeId)).toBeDefined();

    const empty = makeSubject(t.id, { kind: "service", name: "Livraison" });
    const res = await onSubjects(t, t.owner, { intent: "delete", subjectId: String(empty) });
    expect(res.status).toBe(302);
    expect(subjectRow(empty)).toBeUndefined();
    expect(eventsOf(t.id)).toEqual([
      expect.objectContaining({ kind: "subject_deleted", detail: expect.objectContaining({ subjectId: empty, name: "Livraison" }) }),
    ]);
  });
});

describe("the list", () => {
  it("shows each subject's state and published reviews, equal to SQL's counts, over keyset pages", async () => {
    const t = await team();
    const site = makeSubject(t.id, { kind: "website", name: "Site" });
    const pending = makeSubject(t.id, { name: "Proposé", state: "pending" });
    makeSubject(t.id, { name: "Refusé" });
    client().prepare(`UPDATE subjects SET state = 'rejected' WHERE company_id = ? AND name = 'Refusé'`).run(t.id);
    for (let i = 0; i < 3; i++) makeReview({ companyId: t.id, subjectId: t.storeId, authorId: makeUser() });
    makeReview({ companyId: t.id, subjectId: t.storeId, authorId: makeUser(), status: "held" });
    makeReview({ companyId: t.id, subjectId: site, authorId: makeUser(), status: "removed" });
    makeReview({ companyId: t.id, subjectId: site, authorId: makeUser() });

    const seen: { id: number; state: string; reviewCount: number; hasReviews: boolean }[] = [];
    let after: string | null = null;
    do {
      const page = listCompanySubjects(t.id, { after, limit: 2 });
      seen.push(...page.subjects);
      after = page.nextCursor;
    } while (after);
    const sql = client()
      .prepare(
        `SELECT s.id, s.state, (SELECT count(*) FROM reviews r WHERE r.subject_id = s.id AND r.status = 'published') AS reviewCount,
                (SELECT count(*) FROM reviews r WHERE r.subject_id = s.id) > 0 AS hasReviews
         FROM subjects s WHERE s.company_id = ? AND s.state != 'rejected' ORDER BY s.slug`,
      )
      .all(t.id) as { id: number; state: string; reviewCount: number; hasReviews: number }[];
    expect(seen.map(({ id, state, reviewCount, hasReviews }) => ({ id, state, reviewCount, hasReviews }))).toEqual(
      sql.map((r) => ({ ...r, hasReviews: r.hasReviews === 1 })),
    );
    expect(seen.find((s) => s.id === t.storeId)).toMatchObject({ reviewCount: 3, hasReviews: true });
    expect(seen.find((s) => s.id === pending)).toMatchObject({ state: "pending", reviewCount: 0, hasReviews: false });

    const loaded = await readSubjects(t, t.agent);
    expect((loaded.data as { subjects: { id: number }[] }).subjects.map((s) => s.id)).toEqual(sql.map((r) => r.id));
  });

  it("updates only the fields given and logs nothing when nothing changed", async () => {
    const t = await team();
    const site = addSubject({
      companyId: t.id,
      actorId: t.owner.id,
      details: { kind: "website", name: "Le site", url: "https://a.example" },
    });
    expect(site.ok).toBe(true);
    const id = site.ok ? site.subjectId : 0;
    const same = updateSubject({
      companyId: t.id,
      actorId: t.owner.id,
      subjectId: id,
      details: { kind: "website", name: "Le site", url: "https://a.example" },
    });
    expect(same).toEqual({ ok: true, subjectId: id });
    expect(eventsOf(t.id).map((e) => e.kind)).toEqual(["subject_added"]);
  });
});
