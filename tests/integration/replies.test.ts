// The company's replies, through the brand routes as Remix calls them (real Requests,
// real SQLite): the dashboard, the inbox order and its keyset pages, publishing and
// editing a reply (revisions, replied_at, counters, the reviewer's notice and mail), the
// form's errors, the "this looks scripted" nudge, and the guards on every action.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import { listInbox, saveReply } from "~/models/replies.server";
import { rebuildAllStats } from "~/models/stats.server";
import * as brandHome from "~/routes/brand._index";
import * as inboxRoute from "~/routes/brand.$slug._index";
import * as replyRoute from "~/routes/brand.$slug.reviews.$id";
import {
  account,
  type Account,
  addMember,
  getRequest,
  makeCompany,
  makeReview,
  makeSubject,
  outboxFor,
  outcome,
  postRequest,
} from "../support/fixtures";

const client = () => getDb().$client;

const slugOf = (companyId: number) => (client().prepare(`SELECT slug FROM companies WHERE id = ?`).get(companyId) as { slug: string }).slug;

const run = (fn: (args: never) => unknown, request: Request, params: Record<string, string>) =>
  outcome(() => (fn as (a: unknown) => unknown)({ request, params, context: { clientIp: "198.51.100.7" } }));

function postReply(companyId: number, reviewId: number, fields: Record<string, string>, cookie: string, slug = slugOf(companyId)) {
  const path = `/brand/${slug}/reviews/${reviewId}`;
  return run(
    replyRoute.action,
    postRequest(
      path,
      { companyId: String(companyId), reviewId: String(reviewId), intent: "publish", ...fields },
      { cookie, headers: { "Accept-Language": "en" } },
    ),
    { slug, id: String(reviewId) },
  );
}

const replyOf = (reviewId: number) =>
  client().prepare(`SELECT * FROM replies WHERE review_id = ?`).all(reviewId) as {
    id: number;
    body: string;
    body_html: string;
    edited_at: number | null;
    published_at: number;
    author_id: number;
  }[];
const revisionsOf = (replyId: number) =>
  client().prepare(`SELECT body FROM reply_revisions WHERE reply_id = ? ORDER BY id`).all(replyId) as { body: string }[];
const repliedAt = (reviewId: number) =>
  (client().prepare(`SELECT replied_at AS v FROM reviews WHERE id = ?`).get(reviewId) as { v: number | null }).v;
const statsSnapshot = () =>
  client()
    .prepare(
      `SELECT scope, scope_id, origin, reply_count, reply_delay_sum, review_count FROM rating_stats ORDER BY scope, scope_id, origin`,
    )
    .all();

let owner: Account;
let reviewer: Account;
let companyId: number;
let subjectId: number;
let otherSubjectId: number;

beforeEach(async () => {
  owner = await account();
  reviewer = await account();
  ({ id: companyId, subjectId } = makeCompany());
  otherSubjectId = makeSubject(companyId, { kind: "website" });
  addMember(companyId, owner.id, "owner");
});

describe("/brand", () => {
  it("lists the member's companies with the number of reviews awaiting a reply", async () => {
    makeReview({ subjectId, companyId, authorId: reviewer.id });
    makeReview({ subjectId: otherSubjectId, companyId, authorId: reviewer.id });
    const notMine = makeCompany().id;
    const res = await run(brandHome.loader, getRequest("/brand", { cookie: owner.cookie }), {});
    const companies = (res.data as { companies: { id: number; awaiting: number; role: string }[] }).companies;
    expect(companies.map((c) => c.id)).toEqual([companyId]);
    expect(companies[0]).toMatchObject({ awaiting: 2, role: "owner" });
    expect(companies.some((c) => c.id === notMine)).toBe(false);
  });

  it("shows a non-member no company, and sends an anonymous visitor to log in", async () => {
    const stranger = await account();
    const res = await run(brandHome.loader, getRequest("/brand", { cookie: stranger.cookie }), {});
    expect((res.data as { companies: unknown[] }).companies).toEqual([]);
    const anon = await run(brandHome.loader, getRequest("/brand"), {});
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/login\?redirectTo=%2Fbrand/);
  });
});

describe("the inbox", () => {
  it("puts the reviews awaiting a reply first, newest first, and pages by keyset without gaps or repeats", async () => {
    const t0 = Date.now() - 10 * 86_400_000;
    const ids: number[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        makeReview({ subjectId: i % 2 ? subjectId : otherSubjectId, companyId, authorId: reviewer.id, createdAt: t0 + i * 3_600_000 }),
      );
    // Three answered (the newest, the oldest and one in the middle), a held one and another company's.
    for (const id of [ids[6], ids[0], ids[3]]) {
      expect(saveReply({ actor: { id: owner.id, role: "member" }, companyId, reviewId: id, body: `Reply to ${id}` }).ok).toBe(true);
    }
    makeReview({ subjectId, companyId, authorId: reviewer.id, status: "held" });
    const other = makeCompany().id;
    makeReview({ subjectId: makeSubject(other), companyId: other, authorId: reviewer.id });

    const expected = [ids[5], ids[4], ids[2], ids[1], ids[6], ids[3], ids[0]];
    const seen: number[] = [];
    let before: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = listInbox(companyId, { before, limit: 3 });
      seen.push(...result.reviews.map((r) => r.id));
      expect(result.awaitingCount).toBe(4);
      before = result.nextCursor;
      if (!before) break;
    }
    expect(seen).toEqual(expected);

    const res = await run(inboxRoute.loader, getRequest(`/brand/${slugOf(companyId)}`, { cookie: owner.cookie }), {
      slug: slugOf(companyId),
    });
    const data = res.data as { reviews: { id: number; reply: unknown }[] };
    expect(data.reviews.map((r) => r.id)).toEqual(expected);
    expect(data.reviews.filter((r) => r.reply).map((r) => r.id)).toEqual([ids[6], ids[3], ids[0]]);
  });

  it("walks the partial index for the awaiting reviews (no OFFSET, no full scan)", () => {
    const plan = client()
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id, published_at FROM reviews
         WHERE company_id = ? AND status = 'published' AND published_at IS NOT NULL AND replied_at IS NULL
           AND (published_at, id) < (?, ?) ORDER BY published_at DESC, id DESC LIMIT ?`,
      )
      .all(companyId, Date.now(), 1_000_000, 21) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toContain("reviews_company_awaiting_idx");
  });

  it("is closed to non-members (403), anonymous visitors (log in) and unknown companies (404)", async () => {
    const stranger = await account();
    const slug = slugOf(companyId);
    expect((await run(inboxRoute.loader, getRequest(`/brand/${slug}`, { cookie: stranger.cookie }), { slug })).status).toBe(403);
    expect((await run(inboxRoute.loader, getRequest(`/brand/${slug}`), { slug })).status).toBe(302);
    expect((await run(inboxRoute.loader, getRequest(`/brand/nope`, { cookie: owner.cookie }), { slug: "nope" })).status).toBe(404);
  });
});

describe("replying", () => {
  it("publishes a reply in one transaction: revision, replied_at, counters, notice and mail to the reviewer", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id, stars: 2 });
    rebuildAllStats(getDb());
    const res = await postReply(companyId, reviewId, { body: "Hello, we **found** your parcel: it leaves today." }, owner.cookie);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/brand/${slugOf(companyId)}/reviews/${reviewId}`);
    const [reply] = replyOf(reviewId);
    expect(reply.body).toBe("Hello, we **found** your parcel: it leaves today.");
    expect(reply.body_html).toContain("<strong>found</strong>");
    expect(reply.author_id).toBe(owner.id);
    expect(reply.edited_at).toBeNull();
    expect(revisionsOf(reply.id).map((r) => r.body)).toEqual([reply.body]);
    expect(repliedAt(reviewId)).toBe(reply.published_at);

    // The counters moved exactly as a recomputation from the rows says they should.
    const incremental = statsSnapshot();
    const mine = incremental.filter((r) => {
      const row = r as { scope: string; scope_id: number; reply_count: number };
      return (row.scope === "company" && row.scope_id === companyId) || (row.scope === "subject" && row.scope_id === subjectId);
    });
    expect(mine.map((r) => (r as { reply_count: number }).reply_count)).toEqual([1, 1]);
    rebuildAllStats(getDb());
    expect(statsSnapshot()).toEqual(incremental);

    const notices = client().prepare(`SELECT kind, link FROM notifications WHERE user_id = ?`).all(reviewer.id);
    expect(notices).toEqual([{ kind: "review_replied", link: `/reviews/${reviewId}` }]);
    expect(outboxFor(reviewer.email).map((m) => m.template)).toEqual(["notice_review_replied"]);
  });

  it("edits on a second post: one reply, every version kept, edited_at set, counters unchanged, no second notice", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    rebuildAllStats(getDb());
    expect((await postReply(companyId, reviewId, { body: "First version of our answer." }, owner.cookie)).status).toBe(302);
    const afterFirst = statsSnapshot();
    const published = replyOf(reviewId)[0].published_at;
    const res = await postReply(companyId, reviewId, { body: "Second version, with the tracking number." }, owner.cookie);
    expect(res.status).toBe(302);
    const rows = replyOf(reviewId);
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toBe("Second version, with the tracking number.");
    expect(rows[0].edited_at).not.toBeNull();
    expect(rows[0].published_at).toBe(published);
    expect(revisionsOf(rows[0].id).map((r) => r.body)).toEqual([
      "First version of our answer.",
      "Second version, with the tracking number.",
    ]);
    expect(repliedAt(reviewId)).toBe(published);
    expect(statsSnapshot()).toEqual(afterFirst);
    expect(client().prepare(`SELECT count(*) AS n FROM notifications WHERE user_id = ?`).get(reviewer.id)).toEqual({ n: 1 });

    const page = await run(replyRoute.loader, getRequest(`/brand/${slugOf(companyId)}/reviews/${reviewId}`, { cookie: owner.cookie }), {
      slug: slugOf(companyId),
      id: String(reviewId),
    });
    const data = page.data as {
      reply: { body: string; revisions: number };
      review: { reply: { editedAt: number | null } };
      history: { body: string }[];
    };
    expect(data.reply).toMatchObject({ body: "Second version, with the tracking number.", revisions: 2 });
    expect(data.history.map((v) => v.body)).toEqual(["First version of our answer."]);
    expect(data.review.reply.editedAt).not.toBeNull();
  });

  it("answers an empty or too long body with an error next to the field, keeps the text, writes nothing", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const empty = await postReply(companyId, reviewId, { body: "   " }, owner.cookie);
    expect(empty.status).toBe(400);
    expect(resultOf(empty).error?.body).toEqual(["brand.reply.error.required"]);
    const long = "x".repeat(MARKDOWN_MAX_LENGTH + 1);
    const tooLong = await postReply(companyId, reviewId, { body: long }, owner.cookie);
    expect(tooLong.status).toBe(400);
    expect(resultOf(tooLong).error?.body).toEqual(["brand.reply.error.long"]);
    expect(resultOf(tooLong).initialValue?.body).toBe(long);
    expect(replyOf(reviewId)).toHaveLength(0);
    expect(repliedAt(reviewId)).toBeNull();
  });

  it("renders a preview without publishing", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const res = await postReply(companyId, reviewId, { body: "We are *sorry*.", intent: "preview" }, owner.cookie);
    expect(res.status).toBe(200);
    expect((res.data as { previewHtml: string }).previewHtml).toContain("<em>sorry</em>");
    expect(replyOf(reviewId)).toHaveLength(0);
    // An empty text is not an error yet when previewing.
    const empty = await postReply(companyId, reviewId, { body: "", intent: "preview" }, owner.cookie);
    expect(empty.status).toBe(200);
    expect(resultOf(empty).error ?? {}).toEqual({});
  });

  it("lists the same customer's other reviews of this company only", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const sameCustomer = makeReview({ subjectId: otherSubjectId, companyId, authorId: reviewer.id });
    const other = makeCompany().id;
    makeReview({ subjectId: makeSubject(other), companyId: other, authorId: reviewer.id });
    const someoneElse = await account();
    makeReview({ subjectId, companyId, authorId: someoneElse.id });
    const page = await run(replyRoute.loader, getRequest(`/brand/${slugOf(companyId)}/reviews/${reviewId}`, { cookie: owner.cookie }), {
      slug: slugOf(companyId),
      id: String(reviewId),
    });
    expect((page.data as { customer: { id: number }[] }).customer.map((r) => r.id)).toEqual([sameCustomer]);
  });
});

/** The Conform result an answer carries: errors as message keys, and what was typed. */
function resultOf(answer: { data?: unknown }) {
  return (answer.data as { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } }).result;
}

describe("this looks scripted", () => {
  const canned =
    "Thank you for taking the time to share your feedback. We are sorry that your experience did not meet your expectations and we have passed your comments on to the team.";

  it("holds back a near-copy of an earlier reply once, showing the similarity and the earlier reply, then publishes on confirmation", async () => {
    const first = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const second = makeReview({ subjectId, companyId, authorId: reviewer.id });
    expect((await postReply(companyId, first, { body: canned }, owner.cookie)).status).toBe(302);

    const nearCopy = `${canned} Kind regards.`;
    const warned = await postReply(companyId, second, { body: nearCopy }, owner.cookie);
    expect(warned.status).toBe(409);
    const data = warned.data as { scripted: { similarity: number; reviewId: number; bodyHtml: string } };
    expect(data.scripted.similarity).toBeGreaterThanOrEqual(0.8);
    expect(data.scripted.similarity).toBeLessThan(1);
    expect(data.scripted.reviewId).toBe(first);
    expect(data.scripted.bodyHtml).toContain("Thank you for taking the time");
    expect(resultOf(warned).initialValue?.body).toBe(nearCopy);
    expect(replyOf(second)).toHaveLength(0);

    const confirmed = await postReply(companyId, second, { body: nearCopy, confirmScripted: "yes" }, owner.cookie);
    expect(confirmed.status).toBe(302);
    expect(replyOf(second)[0].body).toBe(nearCopy);
  });

  it("lets a specific reply through, and never compares a reply with its own earlier version or another company's replies", async () => {
    const first = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const second = makeReview({ subjectId, companyId, authorId: reviewer.id });
    expect((await postReply(companyId, first, { body: canned }, owner.cookie)).status).toBe(302);
    // Editing the same reply with a near-identical text is not "scripted".
    expect((await postReply(companyId, first, { body: `${canned} Thanks.` }, owner.cookie)).status).toBe(302);
    expect(
      (
        await postReply(
          companyId,
          second,
          { body: "Your order 4512 was split in two parcels; the second one arrives on Friday." },
          owner.cookie,
        )
      ).status,
    ).toBe(302);
    // Another company's identical reply does not count against this one.
    const other = makeCompany().id;
    const otherOwner = await account();
    addMember(other, otherOwner.id, "owner");
    const otherReview = makeReview({ subjectId: makeSubject(other), companyId: other, authorId: reviewer.id });
    expect((await postReply(other, otherReview, { body: canned }, otherOwner.cookie)).status).toBe(302);
  });
});

describe("who may reply", () => {
  it("refuses non-members (403) and anonymous visitors (log in), writing nothing", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const stranger = await account();
    expect((await postReply(companyId, reviewId, { body: "Not my company." }, stranger.cookie)).status).toBe(403);
    const anon = await postReply(companyId, reviewId, { body: "Anonymous." }, "");
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/login/);
    expect(replyOf(reviewId)).toHaveLength(0);
  });

  it("refuses another company's review: 404 under its own slug, 403 under the other company's slug", async () => {
    const other = makeCompany().id;
    const foreign = makeReview({ subjectId: makeSubject(other), companyId: other, authorId: reviewer.id });
    const viaMine = await postReply(companyId, foreign, { body: "Wrong company." }, owner.cookie, slugOf(companyId));
    expect(viaMine.status).toBe(404);
    const viaTheirs = await postReply(other, foreign, { body: "Wrong company." }, owner.cookie, slugOf(other));
    expect(viaTheirs.status).toBe(403);
    expect(replyOf(foreign)).toHaveLength(0);
    // The model itself refuses the mismatch too.
    expect(saveReply({ actor: { id: owner.id, role: "member" }, companyId, reviewId: foreign, body: "x" })).toEqual({
      ok: false,
      kind: "not_found",
    });
  });

  it("refuses posted companyId or reviewId that do not match the URL", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const otherReview = makeReview({ subjectId, companyId, authorId: reviewer.id });
    const other = makeCompany().id;
    addMember(other, owner.id, "owner");
    const slug = slugOf(companyId);
    const path = `/brand/${slug}/reviews/${reviewId}`;
    const params = { slug, id: String(reviewId) };
    const post = (fields: Record<string, string>) =>
      run(
        replyRoute.action,
        postRequest(path, { intent: "publish", body: "A perfectly fine reply.", ...fields }, { cookie: owner.cookie }),
        params,
      );
    expect((await post({ companyId: String(other), reviewId: String(reviewId) })).status).toBe(403);
    expect((await post({ companyId: String(companyId), reviewId: String(otherReview) })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect(replyOf(reviewId)).toHaveLength(0);
    expect(replyOf(otherReview)).toHaveLength(0);
    expect((await post({ companyId: String(companyId), reviewId: String(reviewId) })).status).toBe(302);
  });

  it("lets only a verified company's members reply", async () => {
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    client().prepare(`UPDATE companies SET state = 'claimed' WHERE id = ?`).run(companyId);
    expect((await postReply(companyId, reviewId, { body: "We are not verified yet." }, owner.cookie)).status).toBe(403);
    expect(saveReply({ actor: { id: owner.id, role: "member" }, companyId, reviewId, body: "x" })).toEqual({
      ok: false,
      kind: "not_verified",
    });
    expect(replyOf(reviewId)).toHaveLength(0);
    // The inbox still opens, read-only.
    const slug = slugOf(companyId);
    const inbox = await run(inboxRoute.loader, getRequest(`/brand/${slug}`, { cookie: owner.cookie }), { slug });
    expect((inbox.data as { company: { verified: boolean } }).company.verified).toBe(false);
  });

  it("refuses unpublished reviews (404) and a reply a moderator removed (409, locked)", async () => {
    const held = makeReview({ subjectId, companyId, authorId: reviewer.id, status: "held" });
    expect((await postReply(companyId, held, { body: "Too early." }, owner.cookie)).status).toBe(404);
    const reviewId = makeReview({ subjectId, companyId, authorId: reviewer.id });
    expect((await postReply(companyId, reviewId, { body: "A reply." }, owner.cookie)).status).toBe(302);
    client().prepare(`UPDATE replies SET status = 'removed', removed_at = ? WHERE review_id = ?`).run(Date.now(), reviewId);
    const res = await postReply(companyId, reviewId, { body: "Putting it back." }, owner.cookie);
    expect(res.status).toBe(409);
    expect(replyOf(reviewId)[0].body).toBe("A reply.");
  });
});

describe("caching", () => {
  it("marks every brand page private and not to be stored", () => {
    for (const route of [brandHome, inboxRoute, replyRoute]) {
      expect((route.headers as () => Record<string, string>)()["Cache-Control"]).toBe("private, no-store");
    }
  });
});
