// /report, the public notice form, called as Remix calls it (real Requests, real SQLite):
// a valid report stores one flag and queues one receipt in the same transaction; each bad
// field gets its own error and the other values are kept; the honeypot stores nothing;
// the per-IP limit answers 429; signed-in reporters are prefilled; French and English.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import type { SubmissionResult } from "@conform-to/react";
import { conformError, conformErrors } from "~/lib/conform";
import { reportMessageVars, reportNameVars } from "~/lib/report-limits";
import { parseReviewLink, REPORT_LIMIT } from "~/models/reports.server";
import * as reportRoute from "~/routes/report";
import {
  account,
  callAction,
  callLoader,
  clearRateLimits,
  getRequest,
  makeCompany,
  makeFollowUp,
  makeReply,
  makeReview,
  makeUser,
  ORIGIN,
  outboxFor,
  postRequest,
} from "../support/fixtures";

const raw = () => getDb().$client;

let companyId: number;
let subjectId: number;
let reviewId: number;
let answeredId: number;
let heldId: number;
let authorId: number;

beforeAll(() => {
  ({ id: companyId, subjectId } = makeCompany({ name: "Boulangerie Dupain" }));
  authorId = makeUser();
  reviewId = makeReview({ subjectId, companyId, authorId, title: "Pain rassis" });
  answeredId = makeReview({ subjectId, companyId, authorId: makeUser(), title: "Great croissants" });
  makeReply(answeredId, "Thanks");
  makeFollowUp(answeredId, "Update");
  heldId = makeReview({ subjectId, companyId, authorId, status: "held", title: "Held one" });
});

beforeEach(() => clearRateLimits());

let ipSeq = 0;
const nextIp = () => `192.0.2.${++ipSeq}`;

const valid = (overrides: Record<string, string> = {}) => ({
  url: `${ORIGIN}/reviews/${reviewId}`,
  target: "review",
  reason: "offensive",
  explanation: "The review insults a named employee of the bakery.",
  name: "Camille Martin",
  email: `camille${++ipSeq}@example.test`,
  goodFaith: "on",
  website: "",
  ...overrides,
});

function post(fields: Record<string, string>, opts: { lang?: "fr" | "en"; cookie?: string; ip?: string } = {}) {
  return callAction(
    reportRoute.action,
    postRequest("/report", fields, { cookie: opts.cookie, headers: { "Accept-Language": opts.lang ?? "en" } }),
    opts.ip ?? nextIp(),
  );
}

type Failed = { values: Record<string, unknown>; errors: Record<string, string>; formError: string | null };

/** A refused report as the page shows it: Conform's message keys translated the way the
 *  form translates them (app/lib/conform.ts), with the report's variables. */
function failed(res: { data?: unknown }, lang: "fr" | "en" = "en"): Failed {
  const { result, minutes } = res.data as { result: SubmissionResult<string[]>; minutes?: number };
  const vars = reportMessageVars(ORIGIN);
  const errors: Record<string, string> = {};
  for (const [field, keys] of Object.entries(result.error ?? {})) {
    if (field === "" || !keys?.length) continue;
    errors[field] = conformError(lang, keys, field === "name" ? reportNameVars(vars) : vars)!;
  }
  const formErrors = conformErrors(lang, result.error?.[""] ?? undefined, { ...vars, minutes: minutes ?? 1 });
  return { values: (result.initialValue ?? {}) as Record<string, unknown>, errors, formError: formErrors[0] ?? null };
}
type Done = { done: true; flagId: number; reviewId: number; target: string; email: string };

function flagsFor(email: string) {
  return raw().prepare(`SELECT * FROM flags WHERE reporter_email = ? ORDER BY id`).all(email.toLowerCase()) as Record<string, unknown>[];
}

describe("a valid report", () => {
  it("stores a notifier flag, marks the review under review and queues one receipt (English)", async () => {
    const fields = valid();
    const res = await post(fields);
    expect(res.status).toBe(200);
    const done = res.data as Done;
    expect(done.done).toBe(true);
    const flags = flagsFor(fields.email);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      id: done.flagId,
      target_type: "review",
      review_id: reviewId,
      reason: "offensive",
      explanation: fields.explanation,
      reporter_type: "notifier",
      reporter_user_id: null,
      reporter_name: "Camille Martin",
      good_faith: 1,
      status: "pending",
    });
    const review = raw().prepare(`SELECT under_review_since FROM reviews WHERE id = ?`).get(reviewId) as {
      under_review_since: number | null;
    };
    expect(review.under_review_since).toBeGreaterThan(0);
    const mails = outboxFor(fields.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe("report_received");
    expect(mails[0].subject).toBe(`We received your report no. ${done.flagId}`);
    expect(mails[0].text).toContain("Hello Camille Martin,");
    expect(mails[0].text).toContain("the review “Pain rassis” of Boulangerie Dupain");
    expect(mails[0].text).toContain("Insults, hate or threats");
    expect(mails[0].text).toContain(`${ORIGIN}/reviews/${reviewId}`);
    expect(mails[0].text).toContain("how to contest it");
    expect(mails[0].html).toContain("Pain rassis");
  });

  it("in French, the receipt and the answer are in French", async () => {
    const fields = valid({ reason: "personal_data" });
    const res = await post(fields, { lang: "fr" });
    expect(res.status).toBe(200);
    const [mail] = outboxFor(fields.email);
    expect(mail.subject).toMatch(/^Nous avons reçu votre signalement n° \d+$/);
    expect(mail.text).toContain("l’avis «\u202FPain rassis\u202F» sur Boulangerie Dupain");
    expect(mail.text).toContain("Données personnelles");
    expect(mail.text).toContain("contester");
  });

  it("accepts a relative link, a link without its scheme, and #reply / #follow-up fragments", async () => {
    const relative = valid({ url: `/reviews/${answeredId}#reply` });
    expect((await post(relative)).status).toBe(200);
    expect(flagsFor(relative.email)[0]).toMatchObject({ target_type: "reply", review_id: answeredId });
    const reply = raw().prepare(`SELECT under_review_since FROM replies WHERE review_id = ?`).get(answeredId) as {
      under_review_since: number | null;
    };
    expect(reply.under_review_since).toBeGreaterThan(0);

    const bare = valid({ url: `localhost/reviews/${answeredId}#follow-up` });
    expect((await post(bare)).status).toBe(200);
    expect(flagsFor(bare.email)[0]).toMatchObject({ target_type: "follow_up", review_id: answeredId });

    const chosen = valid({ url: `${ORIGIN}/reviews/${answeredId}`, target: "reply" });
    expect((await post(chosen)).status).toBe(200);
    expect(flagsFor(chosen.email)[0]).toMatchObject({ target_type: "reply" });
  });

  it("a signed-in reader is prefilled, may leave name and email empty, and flags as a consumer", async () => {
    const user = await account({ name: "Signed Reader" });
    const cookie = user.cookie;
    const page = await callLoader(reportRoute.loader, getRequest(`/report?review=${reviewId}`, { cookie }));
    expect(page.data).toMatchObject({
      prefill: { url: `${ORIGIN}/reviews/${reviewId}`, name: "Signed Reader", email: user.email },
      signedIn: true,
    });

    const res = await post(valid({ name: "", email: "" }), { cookie });
    expect(res.status).toBe(200);
    const flag = raw().prepare(`SELECT * FROM flags WHERE reporter_user_id = ?`).get(user.id) as Record<string, unknown>;
    expect(flag).toMatchObject({ reporter_type: "consumer", reporter_email: user.email.toLowerCase(), reporter_name: "Signed Reader" });
    expect(outboxFor(user.email).filter((m) => m.template === "report_received")).toHaveLength(1);

    const again = await post(valid({ name: "", email: "" }), { cookie });
    expect(again.status).toBe(409);
    expect(failed(again).formError).toContain("already reported");
  });

  it("the same notifier reporting the same review twice gets 'already reported' and no second mail", async () => {
    const fields = valid({ url: `${ORIGIN}/reviews/${answeredId}` });
    expect((await post(fields)).status).toBe(200);
    const again = await post(fields);
    expect(again.status).toBe(409);
    expect(flagsFor(fields.email)).toHaveLength(1);
    expect(outboxFor(fields.email)).toHaveLength(1);
  });

  it("an anonymous visitor sees the form with the review prefilled from ?review=", async () => {
    const page = await callLoader(reportRoute.loader, getRequest(`/report?review=${reviewId}&target=reply`));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      prefill: { url: `${ORIGIN}/reviews/${reviewId}`, target: "reply", name: "", email: "" },
      signedIn: false,
    });
  });
});

describe("invalid reports keep what was typed", () => {
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ["url", { url: "" }, "url", /Paste the link to a review/],
    ["url on another site", { url: "https://evil.example/reviews/1" }, "url", /Paste the link to a review/],
    ["url to another page", { url: `${ORIGIN}/companies/x` }, "url", /Paste the link to a review/],
    ["unknown review", { url: `${ORIGIN}/reviews/987654` }, "url", /no published review/],
    ["held review", { url: "HELD" }, "url", /no published review/],
    ["reply that does not exist", { target: "reply" }, "target", /no published company reply/],
    ["target", { target: "everything" }, "target", /Choose what you report/],
    ["reason", { reason: "" }, "reason", /Choose a reason/],
    ["unknown reason", { reason: "i_dont_like_it" }, "reason", /Choose a reason/],
    ["explanation too short", { explanation: "bad" }, "explanation", /at least 10 characters/],
    ["explanation too long", { explanation: "x".repeat(2001) }, "explanation", /at most 2,000 characters/],
    ["name", { name: "  " }, "name", /Give your name/],
    ["email", { email: "not-an-email" }, "email", /valid email address/],
    ["good faith", { goodFaith: "" }, "goodFaith", /good faith/],
  ];

  for (const [label, override, field, message] of cases) {
    it(`${label}: an error next to ${field}, nothing stored, the other values kept`, async () => {
      const fields = valid(override.url === "HELD" ? { url: `${ORIGIN}/reviews/${heldId}` } : override);
      const before = (raw().prepare(`SELECT count(*) AS n FROM flags`).get() as { n: number }).n;
      const res = await post(fields);
      expect(res.status).toBe(400);
      const answer = failed(res);
      expect(Object.keys(answer.errors)).toEqual([field]);
      expect(answer.errors[field]).toMatch(message);
      for (const other of ["url", "reason", "explanation", "name", "email"] as const) {
        if (other !== field) expect(answer.values[other]).toBe(fields[other]);
      }
      if (field !== "goodFaith") expect(answer.values.goodFaith).toBe("on");
      expect((raw().prepare(`SELECT count(*) AS n FROM flags`).get() as { n: number }).n).toBe(before);
      expect(outboxFor(fields.email)).toHaveLength(0);
    });
  }

  it("in French, the errors are in French", async () => {
    const res = await post(valid({ reason: "", email: "x", explanation: "" }), { lang: "fr" });
    expect(res.status).toBe(400);
    const { errors } = failed(res, "fr");
    expect(errors.reason).toBe("Choisissez un motif dans la liste.");
    expect(errors.email).toMatch(/^Indiquez une adresse e-mail valide/);
    expect(errors.explanation).toBe("Expliquez en au moins 10 caractères ce qui ne va pas.");
  });
});

describe("abuse", () => {
  it("a filled honeypot is answered like a person but stores and mails nothing", async () => {
    const fields = valid({ website: "https://spam.example" });
    const res = await post(fields);
    expect(res.status).toBe(200);
    expect((res.data as Done).done).toBe(true);
    expect(flagsFor(fields.email)).toHaveLength(0);
    expect(outboxFor(fields.email)).toHaveLength(0);
  });

  it(`past ${REPORT_LIMIT.limit} reports an hour from one IP address, the form answers 429`, async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < REPORT_LIMIT.limit; i++) {
      const res = await post(valid(), { ip });
      expect(res.status).toBe(200);
    }
    const fields = valid();
    const res = await post(fields, { ip });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(failed(res).formError).toMatch(/Too many reports/);
    expect(failed(res).values.explanation).toBe(fields.explanation);
    expect(flagsFor(fields.email)).toHaveLength(0);
    expect(outboxFor(fields.email)).toHaveLength(0);
    // Another address is not affected.
    expect((await post(valid(), { ip: "203.0.113.78" })).status).toBe(200);
  });

  it("the author cannot report their own review", async () => {
    const user = await account();
    const own = makeReview({ subjectId, companyId, authorId: user.id, title: "Mine" });
    const res = await post(valid({ url: `${ORIGIN}/reviews/${own}` }), { cookie: user.cookie });
    expect(res.status).toBe(409);
    expect(raw().prepare(`SELECT count(*) AS n FROM flags WHERE review_id = ?`).get(own)).toEqual({ n: 0 });
  });
});

describe("parseReviewLink", () => {
  const hosts = ["replique.example", "localhost:3000"];
  it("reads the review and the part a link points to", () => {
    expect(parseReviewLink("/reviews/42", hosts)).toEqual({ reviewId: 42, target: null });
    expect(parseReviewLink("https://replique.example/reviews/42/#reply", hosts)).toEqual({ reviewId: 42, target: "reply" });
    expect(parseReviewLink("http://localhost:3000/reviews/42?lang=en#follow-up", hosts)).toEqual({ reviewId: 42, target: "follow_up" });
    expect(parseReviewLink("  replique.example/reviews/7  ", hosts)).toEqual({ reviewId: 7, target: null });
  });
  it("refuses other sites, other pages and odd schemes", () => {
    for (const bad of [
      "https://other.example/reviews/42",
      "//other.example/reviews/42",
      "/reviews/abc",
      "/reviews/0",
      "/companies/42",
      "javascript:alert(1)",
      "ftp://replique.example/reviews/1",
      "",
    ]) {
      expect(parseReviewLink(bad, hosts), bad).toBeNull();
    }
  });
});
