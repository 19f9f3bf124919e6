import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { anchoredWeight } from "~/lib/trustscore";
import { isoDate, reviewSchema, type ReviewInput } from "~/lib/review-schema";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import { addFollowUp, flagContent, reportIncentive, setResolved, undoHelpful, voteHelpful } from "~/models/review-actions.server";
import {
  createReview,
  createReviewWithSuggestedSubject,
  deleteReview,
  editReview,
  getReviewForEdit,
  listRevisions,
  releasePendingReviews,
  RESUBMISSION_WINDOW_MS,
  setReviewOrigin,
  type Actor,
} from "~/models/review-submission.server";
import { unreadCount } from "~/models/notifications.server";
import { addMember, makeCompany, makeReply, makeSubject, makeUser } from "../support/fixtures";

const DAY = 86_400_000;
const today = isoDate(Date.now());
const daysAgo = (n: number) => isoDate(Date.now() - n * DAY);

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return Object.fromEntries(fd);
}

const validForm = {
  stars: "4",
  title: "Friendly staff, slow checkout",
  body: "The staff helped me find the right size, but the queue at the checkout took twenty minutes.",
  experienceDate: daysAgo(3),
  channel: "store",
  recommend: "yes",
  attestation: "on",
};

function input(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return { ...(reviewSchema.parse(form(validForm)) as ReviewInput), ...overrides };
}

let author: Actor;
let companyId: number;
let subjectId: number;

beforeEach(() => {
  author = { id: makeUser(), role: "member" };
  ({ id: companyId, subjectId } = makeCompany());
});

function reviewRow(id: number) {
  return getDb().$client.prepare(`SELECT * FROM reviews WHERE id = ?`).get(id) as Record<string, unknown>;
}

function stats(scope: "company" | "subject", id: number) {
  return getDb().$client.prepare(`SELECT * FROM rating_stats WHERE scope = ? AND scope_id = ? AND origin = 'organic'`).get(scope, id) as
    Record<string, number> | undefined;
}

describe("the review schema (shared with the form)", () => {
  it("accepts a valid review and coerces the form's strings", () => {
    const parsed = reviewSchema.parse(form(validForm));
    expect(parsed).toMatchObject({ stars: 4, recommend: true, attestation: true, channel: "store" });
  });

  it.each([
    ["no stars", { stars: "" }, "stars", "reviewForm.error.stars"],
    ["stars=6", { stars: "6" }, "stars", "reviewForm.error.stars"],
    ["stars=0", { stars: "0" }, "stars", "reviewForm.error.stars"],
    ["stars=3.5", { stars: "3.5" }, "stars", "reviewForm.error.stars"],
    ["a future date", { experienceDate: isoDate(Date.now() + 3 * DAY) }, "experienceDate", "reviewForm.error.dateFuture"],
    ["a date over 3 years old", { experienceDate: daysAgo(3 * 366 + 2) }, "experienceDate", "reviewForm.error.dateOld"],
    ["no date", { experienceDate: "" }, "experienceDate", "reviewForm.error.dateRequired"],
    ["an impossible date", { experienceDate: "2025-02-30" }, "experienceDate", "reviewForm.error.dateInvalid"],
    ["5 001 characters", { body: "a".repeat(MARKDOWN_MAX_LENGTH + 1) }, "body", "reviewForm.error.bodyLong"],
    ["no attestation", { attestation: "" }, "attestation", "reviewForm.error.attestation"],
    ["an unknown channel", { channel: "carrier-pigeon" }, "channel", "reviewForm.error.channel"],
    ["no recommendation", { recommend: "" }, "recommend", "reviewForm.error.recommend"],
    ["an empty title", { title: "   " }, "title", "reviewForm.error.titleRequired"],
  ])("refuses %s with a message on its field", (_name, override, field, key) => {
    const result = reviewSchema.safeParse(form({ ...validForm, ...override }));
    expect(result.success).toBe(false);
    // One field refused, with its message key first (the key Conform shows next to it).
    const firstMessageByField = Object.fromEntries(
      [...result.error!.issues].reverse().map((issue) => [String(issue.path[0]), issue.message]),
    );
    expect(firstMessageByField).toEqual({ [field]: key });
  });

  it("accepts exactly 5 000 characters and today's date", () => {
    const body = "b".repeat(MARKDOWN_MAX_LENGTH);
    expect(reviewSchema.safeParse(form({ ...validForm, body, experienceDate: today })).success).toBe(true);
  });

  it("Z3: extra posted fields are not part of the input", () => {
    const parsed = reviewSchema.parse(form({ ...validForm, authorId: "999", status: "published", companyId: "12345", origin: "verified" }));
    expect(Object.keys(parsed)).not.toContain("authorId");
    expect(Object.keys(parsed)).not.toContain("status");
    expect(Object.keys(parsed)).not.toContain("companyId");
    expect(Object.keys(parsed)).not.toContain("origin");
  });
});

describe("createReview", () => {
  it("publishes, renders the body once, keeps the first revision and moves the counters", () => {
    const result = createReview({
      actor: author,
      subjectId,
      input: input({ body: "Good **service** overall, I will come back soon." }),
      locale: "fr",
      ipHash: null,
    });
    expect(result).toMatchObject({ ok: true, status: "published" });
    if (!result.ok) throw new Error();
    const row = reviewRow(result.reviewId);
    expect(row).toMatchObject({
      author_id: author.id,
      company_id: companyId,
      subject_id: subjectId,
      status: "published",
      origin: "organic",
    });
    expect(row.body_html).toBe("<p>Good <strong>service</strong> overall, I will come back soon.</p>");
    expect(row.published_at).toBeTypeOf("number");
    expect(listRevisions(result.reviewId)).toHaveLength(1);
    expect(stats("company", companyId)).toMatchObject({ review_count: 1, star4: 1, star_sum: 4, recommend_yes: 1 });
    expect(stats("subject", subjectId)).toMatchObject({ review_count: 1 });
    expect(
      (getDb().$client.prepare(`SELECT review_count FROM users WHERE id = ?`).get(author.id) as { review_count: number }).review_count,
    ).toBe(1);
  });

  it("a second review of the same subject within 12 months returns the first one's id", () => {
    const first = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null });
    const second = createReview({ actor: author, subjectId, input: input({ stars: 1, title: "Another try" }), locale: "fr", ipHash: null });
    expect(second).toEqual({ ok: false, kind: "existing", reviewId: first.ok && first.reviewId });
    expect(stats("company", companyId)).toMatchObject({ review_count: 1 });
  });

  it("the same form sent twice (a double click, a browser retry) gives the first review, not a second one", () => {
    const now = Date.now();
    const first = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null, now });
    if (!first.ok) throw new Error();
    const again = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null, now: now + 1_000 });
    expect(again).toEqual({ ok: false, kind: "resubmitted", reviewId: first.reviewId, status: "published" });
    expect(stats("company", companyId)).toMatchObject({ review_count: 1 });
    // Sent again long after, it is a second review of the same subject: edit the first.
    const later = createReview({
      actor: author,
      subjectId,
      input: input(),
      locale: "fr",
      ipHash: null,
      now: now + RESUBMISSION_WINDOW_MS + 1,
    });
    expect(later).toEqual({ ok: false, kind: "existing", reviewId: first.reviewId });
  });

  it("holds a review with a phone number: visible to nobody else, not counted, author notified", () => {
    const result = createReview({
      actor: author,
      subjectId,
      input: input({ body: "Call the manager on 06 12 34 56 78, he is rude." }),
      locale: "fr",
      ipHash: null,
    });
    expect(result).toMatchObject({ ok: true, status: "held" });
    if (!result.ok) throw new Error();
    expect(reviewRow(result.reviewId)).toMatchObject({ status: "held", held_check: "phone", published_at: null });
    expect(reviewRow(result.reviewId).held_at).toBeTypeOf("number");
    expect(stats("company", companyId)).toBeUndefined();
    expect(unreadCount(getDb(), author.id)).toBe(1);
  });

  it("writes nothing when a check refuses", () => {
    addMember(companyId, author.id);
    const before = (getDb().$client.prepare(`SELECT count(*) AS n FROM review_revisions`).get() as { n: number }).n;
    const result = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null });
    expect(result).toMatchObject({ ok: false, kind: "refused", check: { code: "conflict_member", outcome: "refuse" } });
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE author_id = ?`).get(author.id)).toEqual({ n: 0 });
    expect((getDb().$client.prepare(`SELECT count(*) AS n FROM review_revisions`).get() as { n: number }).n).toBe(before);
  });

  it("Z3: the author, company and status come from the server, not from the form", () => {
    const other = makeCompany().id;
    const posted = form({ ...validForm, authorId: "1", status: "held", companyId: String(other), origin: "verified" });
    const result = createReview({ actor: author, subjectId, input: reviewSchema.parse(posted), locale: "en", ipHash: null });
    if (!result.ok) throw new Error("not written");
    expect(reviewRow(result.reviewId)).toMatchObject({
      author_id: author.id,
      company_id: companyId,
      status: "published",
      origin: "organic",
    });
    expect(stats("company", other)).toBeUndefined();
  });

  it("refuses suspended authors and unknown or pending subjects", () => {
    const suspended = makeUser({ suspended: true });
    expect(createReview({ actor: { id: suspended, role: "member" }, subjectId, input: input(), locale: "fr", ipHash: null })).toEqual({
      ok: false,
      kind: "forbidden",
    });
    expect(createReview({ actor: author, subjectId: 9_999_999, input: input(), locale: "fr", ipHash: null })).toEqual({
      ok: false,
      kind: "not_found",
    });
    const pending = makeSubject(companyId, { state: "pending" });
    expect(createReview({ actor: author, subjectId: pending, input: input(), locale: "fr", ipHash: null })).toEqual({
      ok: false,
      kind: "not_found",
    });
  });
});

describe("suggested subjects", () => {
  it("creates a pending subject and a pending review, published once the subject is accepted", () => {
    const result = createReviewWithSuggestedSubject({
      actor: author,
      companyId,
      suggestion: { kind: "store", name: "Boutique Gare de Lyon", city: "Paris" },
      input: input(),
      locale: "fr",
      ipHash: null,
    });
    expect(result).toMatchObject({ ok: true, status: "pending" });
    if (!result.ok) throw new Error();
    const subject = getDb().$client.prepare(`SELECT * FROM subjects WHERE id = ?`).get(result.subjectId) as Record<string, unknown>;
    expect(subject).toMatchObject({ state: "pending", suggested_by: author.id, slug: "boutique-gare-de-lyon", company_id: companyId });
    expect(stats("company", companyId)).toBeUndefined();
    getDb().$client.transaction(() => {
      getDb().$client.prepare(`UPDATE subjects SET state = 'active' WHERE id = ?`).run(result.subjectId);
      releasePendingReviews(getDb(), result.subjectId!);
    })();
    expect(reviewRow(result.reviewId)).toMatchObject({ status: "published" });
    expect(stats("company", companyId)).toMatchObject({ review_count: 1 });
  });

  it("leaves no subject behind when the review is refused", () => {
    addMember(companyId, author.id);
    const result = createReviewWithSuggestedSubject({
      actor: author,
      companyId,
      suggestion: { kind: "website", name: "Refused site" },
      input: input(),
      locale: "fr",
      ipHash: null,
    });
    expect(result).toMatchObject({ ok: false, kind: "refused" });
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM subjects WHERE name = 'Refused site'`).get()).toEqual({ n: 0 });
  });
});

describe("editReview and deleteReview", () => {
  function write() {
    const r = createReview({ actor: author, subjectId, input: input({ stars: 5 }), locale: "fr", ipHash: null });
    if (!r.ok) throw new Error("not written");
    return r.reviewId;
  }

  it("keeps every version, sets edited_at, and moves the counters from old to new facts", () => {
    const id = write();
    const published = reviewRow(id).published_at;
    const result = editReview({
      actor: author,
      reviewId: id,
      input: input({ stars: 2, recommend: false, title: "Changed my mind" }),
      locale: "fr",
    });
    expect(result).toMatchObject({ ok: true, status: "published" });
    const row = reviewRow(id);
    expect(row).toMatchObject({ stars: 2, title: "Changed my mind", published_at: published });
    expect(row.edited_at).toBeTypeOf("number");
    const revisions = listRevisions(id);
    expect(revisions.map((r) => r.stars)).toEqual([5, 2]);
    expect(stats("company", companyId)).toMatchObject({
      review_count: 1,
      star5: 0,
      star2: 1,
      star_sum: 2,
      recommend_yes: 0,
      recommend_no: 1,
    });
  });

  it("re-runs the checks: an edit that adds a link holds the review and takes it out of the score", () => {
    const id = write();
    const held = editReview({
      actor: author,
      reviewId: id,
      input: input({ body: "Better prices on https://competitor.example than here." }),
      locale: "fr",
    });
    expect(held).toMatchObject({ ok: true, status: "held" });
    expect(reviewRow(id)).toMatchObject({ status: "held", held_check: "links" });
    expect(stats("company", companyId)).toMatchObject({ review_count: 0, star_sum: 0 });
    // Taking the link out publishes it again, with its first publication date.
    const back = editReview({ actor: author, reviewId: id, input: input({ stars: 3 }), locale: "fr" });
    expect(back).toMatchObject({ ok: true, status: "published" });
    expect(stats("company", companyId)).toMatchObject({ review_count: 1, star3: 1 });
    expect(listRevisions(id)).toHaveLength(3);
  });

  it("refuses to edit or delete someone else's review (403), and changes nothing", () => {
    const id = write();
    const intruder: Actor = { id: makeUser(), role: "member" };
    expect(editReview({ actor: intruder, reviewId: id, input: input({ stars: 1 }), locale: "fr" })).toEqual({
      ok: false,
      kind: "forbidden",
    });
    expect(deleteReview({ actor: intruder, reviewId: id })).toEqual({ ok: false, kind: "forbidden" });
    expect(getReviewForEdit(intruder, id)).toBe("forbidden");
    expect(reviewRow(id)).toMatchObject({ stars: 5, status: "published" });
    expect(listRevisions(id)).toHaveLength(1);
  });

  it("delete takes the review out of the page and the score, and keeps it internally", () => {
    const id = write();
    expect(deleteReview({ actor: author, reviewId: id })).toMatchObject({ ok: true, status: "deleted" });
    const row = reviewRow(id);
    expect(row.status).toBe("deleted");
    expect(row.deleted_at).toBeTypeOf("number");
    expect(row.body).toBe(input().body);
    expect(stats("company", companyId)).toMatchObject({ review_count: 0, star_sum: 0 });
    expect(editReview({ actor: author, reviewId: id, input: input(), locale: "fr" })).toEqual({
      ok: false,
      kind: "locked",
      status: "deleted",
    });
    // Once deleted, the author may write a new review of the subject.
    expect(createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null })).toMatchObject({ ok: true });
  });
});

// ─── Counters equal an SQL recomputation after a mixed sequence ───────────────

function recomputed() {
  return getDb()
    .$client.prepare(
      `SELECT scope, scope_id, origin, count(*) AS review_count,
         sum(stars = 1) AS star1, sum(stars = 2) AS star2, sum(stars = 3) AS star3, sum(stars = 4) AS star4, sum(stars = 5) AS star5,
         sum(stars) AS star_sum, sum(recommend = 1) AS recommend_yes, sum(recommend = 0) AS recommend_no,
         sum(reply_at IS NOT NULL) AS reply_count, coalesce(sum(max(0, reply_at - published_at)), 0) AS reply_delay_sum,
         sum(resolved_at IS NOT NULL) AS resolved_count,
         group_concat(published_at) AS published
       FROM (
         SELECT 'company' AS scope, r.company_id AS scope_id, r.*, p.published_at AS reply_at
         FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published' WHERE r.status = 'published'
         UNION ALL
         SELECT 'subject', r.subject_id, r.*, p.published_at
         FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published' WHERE r.status = 'published'
       )
       GROUP BY scope, scope_id, origin ORDER BY scope, scope_id, origin`,
    )
    .all() as (Record<string, number> & { published: string; scope: string; origin: string })[];
}

function stored() {
  return getDb().$client.prepare(`SELECT * FROM rating_stats WHERE review_count <> 0 ORDER BY scope, scope_id, origin`).all() as Record<
    string,
    number
  >[];
}

describe("counters equal an SQL recomputation", () => {
  it("after a mixed sequence of writes, edits, holds, deletes, replies and resolutions", () => {
    getDb().$client.exec(`DELETE FROM rating_stats`);
    getDb().$client.exec(`UPDATE reviews SET status = 'deleted' WHERE status <> 'deleted'`);
    getDb().$client.exec(`UPDATE users SET review_count = 0`);
    const companies = [makeCompany().id, makeCompany().id];
    const subjects = companies.flatMap((c) => [makeSubject(c), makeSubject(c)]);
    const authors: Actor[] = Array.from({ length: 6 }, () => ({ id: makeUser(), role: "member" }));
    const ids: { id: number; author: Actor }[] = [];
    let n = 0;
    for (const a of authors) {
      for (const s of subjects.slice(0, 3)) {
        n++;
        const r = createReview({
          actor: a,
          subjectId: s,
          input: input({
            stars: (n % 5) + 1,
            recommend: n % 3 !== 0,
            title: `Review ${n}`,
            body: `Experience number ${n}: ${"details ".repeat((n % 4) + 3)}`,
          }),
          locale: "fr",
          ipHash: null,
          now: Date.now() - (40 - n) * DAY,
        });
        if (r.ok) ids.push({ id: r.reviewId, author: a });
      }
    }
    expect(ids.length).toBe(18);
    // Replies on some reviews, as the company's reply model does: the reply row and
    // countReply in one transaction.
    const brand = makeUser();
    for (const { id } of ids.filter((_, i) => i % 3 === 0)) {
      makeReply(id, "Thanks", (reviewRow(id).published_at as number) + 3_600_000, { authorId: brand });
    }
    expect(stored().map(strip)).toEqual(recomputed().map(strip));

    // Now a mixed sequence through the write model.
    const [a0, a1, a2, a3] = ids;
    editReview({ actor: a0.author, reviewId: a0.id, input: input({ stars: 1, recommend: false }), locale: "fr" });
    editReview({
      actor: a1.author,
      reviewId: a1.id,
      input: input({ body: "See www.elsewhere.example for the real story of this shop." }),
      locale: "fr",
    });
    deleteReview({ actor: a2.author, reviewId: a2.id });
    setResolved({ actor: a3.author, reviewId: a3.id, resolved: true });
    setResolved({ actor: ids[6].author, reviewId: ids[6].id, resolved: true });
    setResolved({ actor: ids[6].author, reviewId: ids[6].id, resolved: false });
    setResolved({ actor: ids[9].author, reviewId: ids[9].id, resolved: true });
    editReview({ actor: ids[9].author, reviewId: ids[9].id, input: input({ stars: 2 }), locale: "fr" });
    deleteReview({ actor: ids[12].author, reviewId: ids[12].id });
    editReview({ actor: a1.author, reviewId: a1.id, input: input({ stars: 5 }), locale: "fr" });
    createReview({ actor: authors[0], subjectId: subjects[3], input: input({ stars: 3 }), locale: "en", ipHash: null });
    deleteReview({ actor: ids[4].author, reviewId: ids[4].id });
    // A moderator accepts a proof: the review moves to the "verified" basis.
    getDb().$client.transaction(() => setReviewOrigin(getDb(), ids[7].id, "verified"))();
    getDb().$client.transaction(() => setReviewOrigin(getDb(), ids[8].id, "verified"))();
    getDb().$client.transaction(() => setReviewOrigin(getDb(), ids[8].id, "organic"))();
    createReview({
      actor: ids[4].author,
      subjectId: reviewRow(ids[4].id).subject_id as number,
      input: input({ stars: 4 }),
      locale: "fr",
      ipHash: null,
    });

    expect(stored().map(strip)).toEqual(recomputed().map(strip));
    for (const a of authors) {
      const count = (
        getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE author_id = ? AND status = 'published'`).get(a.id) as { n: number }
      ).n;
      expect((getDb().$client.prepare(`SELECT review_count AS n FROM users WHERE id = ?`).get(a.id) as { n: number }).n).toBe(count);
    }
    // The recency-weighted sums too.
    for (const row of recomputed()) {
      const s = getDb()
        .$client.prepare(`SELECT weight_sum, weighted_star_sum FROM rating_stats WHERE scope = ? AND scope_id = ? AND origin = ?`)
        .get(row.scope, row.scope_id, row.origin) as { weight_sum: number; weighted_star_sum: number };
      const weights = row.published.split(",").map((p) => anchoredWeight(Number(p)));
      expect(s.weight_sum).toBeCloseTo(
        weights.reduce((x, y) => x + y, 0),
        6,
      );
    }
  });
});

function strip(row: Record<string, unknown>) {
  const { weighted_star_sum: _w, weight_sum: _s, published: _p, ...rest } = row;
  return rest;
}

// ─── Around the review ────────────────────────────────────────────────────────

describe("helpful votes", () => {
  it("counts one vote per reader, never the author's own, and can be undone", () => {
    const r = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null });
    if (!r.ok) throw new Error();
    const reader: Actor = { id: makeUser(), role: "member" };
    expect(voteHelpful({ actor: reader, reviewId: r.reviewId })).toEqual({ ok: true, helpfulCount: 1 });
    expect(voteHelpful({ actor: reader, reviewId: r.reviewId })).toEqual({ ok: true, helpfulCount: 1 });
    expect(voteHelpful({ actor: author, reviewId: r.reviewId })).toEqual({ ok: false, kind: "own_review" });
    expect(undoHelpful({ actor: reader, reviewId: r.reviewId })).toEqual({ ok: true, helpfulCount: 0 });
    expect(undoHelpful({ actor: reader, reviewId: r.reviewId })).toEqual({ ok: true, helpfulCount: 0 });
  });
});

describe("flags", () => {
  it("records a reader's flag with a reason, marks the review under review, once per reader", () => {
    const r = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null });
    if (!r.ok) throw new Error();
    const reader: Actor = { id: makeUser(), role: "member" };
    const flag = flagContent({ actor: reader, target: "review", reviewId: r.reviewId, reason: "spam", explanation: "This is an advert." });
    expect(flag).toMatchObject({ ok: true });
    expect(reviewRow(r.reviewId).under_review_since).toBeTypeOf("number");
    expect(flagContent({ actor: reader, target: "review", reviewId: r.reviewId, reason: "spam", explanation: "Again." })).toEqual({
      ok: false,
      kind: "already",
    });
    expect(flagContent({ actor: author, target: "review", reviewId: r.reviewId, reason: "spam", explanation: "My own" })).toEqual({
      ok: false,
      kind: "own_review",
    });
    expect(flagContent({ actor: reader, target: "reply", reviewId: r.reviewId, reason: "spam", explanation: "No reply" })).toEqual({
      ok: false,
      kind: "not_found",
    });
  });

  it("a company member flags in the company's name", () => {
    const r = createReview({ actor: author, subjectId, input: input(), locale: "fr", ipHash: null });
    if (!r.ok) throw new Error();
    const staff = makeUser();
    addMember(companyId, staff, "owner");
    const flag = flagContent({
      actor: { id: staff, role: "member" },
      target: "review",
      reviewId: r.reviewId,
      reason: "not_an_experience",
      explanation: "No such order in our system.",
    });
    if (!flag.ok) throw new Error();
    expect(getDb().$client.prepare(`SELECT reporter_type, reporter_company_id FROM flags WHERE id = ?`).get(flag.flagId)).toEqual({
      reporter_type: "company",
      reporter_company_id: companyId,
    });
  });
});

describe("follow-up, resolved and incentive report", () => {
  function replied() {
    const r = createReview({ actor: author, subjectId, input: input({ stars: 2 }), locale: "fr", ipHash: null });
    if (!r.ok) throw new Error();
    return r.reviewId;
  }
  function reply(reviewId: number) {
    makeReply(reviewId, "Sorry");
  }

  it("allows one follow-up, by the author, only after the company replied", () => {
    const id = replied();
    expect(addFollowUp({ actor: author, reviewId: id, body: "They called me back, thanks." })).toEqual({ ok: false, kind: "not_allowed" });
    reply(id);
    const other: Actor = { id: makeUser(), role: "member" };
    expect(addFollowUp({ actor: other, reviewId: id, body: "Not mine to add." })).toEqual({ ok: false, kind: "forbidden" });
    const added = addFollowUp({ actor: author, reviewId: id, body: "They called me back, **thanks**." });
    expect(added).toMatchObject({ ok: true });
    expect(getDb().$client.prepare(`SELECT body_html FROM follow_ups WHERE review_id = ?`).get(id)).toEqual({
      body_html: "<p>They called me back, <strong>thanks</strong>.</p>",
    });
    expect(addFollowUp({ actor: author, reviewId: id, body: "A second one." })).toEqual({ ok: false, kind: "already" });
  });

  it("marks resolved (with the date) only after a reply, and counts it", () => {
    const id = replied();
    expect(setResolved({ actor: author, reviewId: id, resolved: true })).toEqual({ ok: false, kind: "not_allowed" });
    reply(id);
    const res = setResolved({ actor: author, reviewId: id, resolved: true });
    expect(res).toMatchObject({ ok: true });
    expect(reviewRow(id).resolved_at).toBeTypeOf("number");
    expect(stats("company", companyId)).toMatchObject({ resolved_count: 1 });
    setResolved({ actor: author, reviewId: id, resolved: false });
    expect(stats("company", companyId)).toMatchObject({ resolved_count: 0 });
  });

  it("records an incentive report about the author's own review", () => {
    const id = replied();
    const report = reportIncentive({ actor: author, reviewId: id, body: "They offered a 50 € voucher if I deleted my review." });
    if (!report.ok) throw new Error();
    expect(
      getDb()
        .$client.prepare(`SELECT kind, company_id, review_id, reporter_user_id, status FROM conduct_reports WHERE id = ?`)
        .get(report.reportId),
    ).toEqual({
      kind: "incentive",
      company_id: companyId,
      review_id: id,
      reporter_user_id: author.id,
      status: "pending",
    });
    expect(reportIncentive({ actor: { id: makeUser(), role: "member" }, reviewId: id, body: "Not my review at all, though." })).toEqual({
      ok: false,
      kind: "forbidden",
    });
  });
});
