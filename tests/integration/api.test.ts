// The free JSON API (/api/companies/:slug) and its documentation page (/api): a company
// not yet checked by a moderator says so, a refused one is a 404; the keyset cursor walks
// every review once, filters and limit kept; CORS, the OPTIONS preflight, the ETag; every
// field of a real answer is documented (app/lib/open-data.ts) and nothing else is; the
// page's example is what the API answers now.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { API_FIELDS, API_GROUPS, apiFields, type ApiGroup } from "~/lib/open-data";
import { hasMessage } from "~/i18n";
import { setWarning } from "~/models/company-warnings.server";
import { decide } from "~/models/moderation.server";
import { loader as apiLoader } from "~/routes/api.companies.$slug";
import { loader as docsLoader } from "~/routes/api._index";
import {
  account,
  type Account,
  callLoader,
  caseState,
  getRequest,
  makeCompany,
  makeFollowUp,
  makeReply,
  makeReview,
  makeUser,
} from "../support/fixtures";

const client = () => getDb().$client;
const DAY = 86_400_000;
const slugOf = (companyId: number) =>
  client().prepare<[number], { slug: string }>(`SELECT slug FROM companies WHERE id = ?`).get(companyId)!.slug;

function api(slug: string, query = "", headers: Record<string, string> = {}) {
  return callLoader(apiLoader, getRequest(`/api/companies/${slug}${query}`, { headers }), { slug });
}

/** The JSON of an answer, read without a cast: a value of unknown shape. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);
function object(v: unknown): { [key: string]: Json } {
  if (!isObject(v)) throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v;
}
function list(v: unknown): Json[] {
  if (!Array.isArray(v)) throw new Error(`not an array: ${JSON.stringify(v)}`);
  return v;
}

let moderator: Account;
beforeAll(async () => {
  moderator = await account({ role: "moderator" });
});

describe("a review's facts", () => {
  it("says when its author marked it resolved by the company", async () => {
    const c = makeCompany();
    const author = makeUser();
    const resolved = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author, stars: 2, publishedAt: Date.now() - 2 * DAY });
    makeReply(resolved, "Nous vous remboursons aujourd’hui.", Date.now() - DAY);
    const at = Date.now() - 3_600_000;
    client().prepare(`UPDATE reviews SET resolved_at = ? WHERE id = ?`).run(at, resolved);
    const open = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: makeUser(), publishedAt: Date.now() - 3 * DAY });
    const answer = await api(slugOf(c.id));
    const reviews = list(object(answer.data).reviews).map(object);
    expect(reviews.find((r) => r.id === resolved)!.resolved_at).toBe(new Date(at).toISOString());
    expect(reviews.find((r) => r.id === open)!.resolved_at).toBeNull();
  });
});

describe("a company's listing", () => {
  it("answers a listed company with listing 'listed', its state, CORS and a short public cache", async () => {
    const c = makeCompany({ state: "claimed" });
    const answer = await api(slugOf(c.id));
    expect(answer.status).toBe(200);
    expect(object(object(answer.data).company)).toMatchObject({ slug: slugOf(c.id), state: "claimed", listing: "listed" });
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(answer.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(answer.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  });

  it("says so of a company a reviewer added and no moderator checked yet, and is a 404 for a refused one", async () => {
    const pending = makeCompany({ state: "unclaimed" });
    client().prepare(`UPDATE companies SET listing = 'pending' WHERE id = ?`).run(pending.id);
    const answer = await api(slugOf(pending.id));
    expect(answer.status).toBe(200);
    expect(object(object(answer.data).company)).toMatchObject({ listing: "pending", state: "unclaimed" });

    const refused = makeCompany({ state: "unclaimed" });
    client().prepare(`UPDATE companies SET listing = 'refused' WHERE id = ?`).run(refused.id);
    const gone = await api(slugOf(refused.id));
    expect(gone.status).toBe(404);
    expect(gone.data).toEqual({ error: "not_found" });
    expect((await api("no-such-company")).status).toBe(404);
  });
});

describe("the review cursor", () => {
  it("walks every review once, newest first, keeping the filters and the limit, at the site's origin", async () => {
    const c = makeCompany();
    const author = makeUser();
    const base = Date.now() - 40 * DAY;
    // 24 four-star reviews and 4 two-star ones; three at a time share a publication time (ties by id).
    const ids = Array.from({ length: 28 }, (_, i) =>
      makeReview({
        companyId: c.id,
        subjectId: c.subjectId,
        authorId: author,
        stars: i % 6 === 5 ? 2 : 4,
        publishedAt: base + Math.floor(i / 3) * DAY,
      }),
    );
    const fourStars = ids.filter((_, i) => i % 6 !== 5).reverse();
    const slug = slugOf(c.id);
    const seen: number[] = [];
    let url: string | null = `http://localhost/api/companies/${slug}?stars=4&limit=10`;
    let pages = 0;
    while (url) {
      const next = new URL(url);
      const answer = await callLoader(apiLoader, getRequest(`${next.pathname}${next.search}`), { slug });
      const body = object(answer.data);
      seen.push(...list(body.reviews).map((r) => Number(object(r).id)));
      expect(list(body.reviews).every((r) => object(r).stars === 4)).toBe(true);
      url = body.next === null ? null : String(body.next);
      if (pages === 0) {
        // A review published while the client reads shifts nothing.
        makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author, stars: 4 });
        const link = new URL(String(body.next));
        expect(link.origin).toBe("http://localhost");
        expect(link.searchParams.getAll("stars")).toEqual(["4"]);
        expect(link.searchParams.get("limit")).toBe("10");
        expect(link.searchParams.get("before")).toMatch(/^\d+_\d+$/);
      }
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(fourStars);
  });

  it("reads limit as 1 to 50, 20 unless told", async () => {
    const c = makeCompany();
    for (let i = 0; i < 55; i++)
      makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: null, publishedAt: Date.now() - i * 1000 });
    const count = async (query: string) => list(object((await api(slugOf(c.id), query)).data).reviews).length;
    expect(await count("")).toBe(20);
    expect(await count("?limit=3")).toBe(3);
    expect(await count("?limit=500")).toBe(50);
    expect(await count("?limit=0")).toBe(20);
    expect(await count("?limit=abc")).toBe(20);
  });
});

describe("HTTP", () => {
  it("answers the CORS preflight (Remix gives OPTIONS to the loader)", async () => {
    const c = makeCompany();
    const slug = slugOf(c.id);
    const answer = await callLoader(
      apiLoader,
      new Request(`http://localhost/api/companies/${slug}`, {
        method: "OPTIONS",
        headers: {
          Origin: "https://elsewhere.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "if-none-match",
        },
      }),
      { slug },
    );
    expect(answer.status).toBe(204);
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(answer.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
    expect(answer.headers.get("Access-Control-Allow-Headers")).toContain("If-None-Match");
    expect(answer.headers.get("Access-Control-Max-Age")).toBe("86400");
  });

  it("sends an ETag, answers 304 while nothing changed, and the new answer once a reply is written", async () => {
    const c = makeCompany();
    const review = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: null });
    const slug = slugOf(c.id);
    const first = await api(slug);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("Access-Control-Expose-Headers")).toBe("ETag");
    const again = await api(slug, "", { "If-None-Match": etag! });
    expect(again.status).toBe(304);
    expect(again.data).toBe("");
    makeReply(review, "Merci, nous vous rappelons demain.");
    const changed = await api(slug, "", { "If-None-Match": etag! });
    expect(changed.status).toBe(200);
    expect(object(object(list(object(changed.data).reviews)[0]).reply).body_html).toContain("nous vous rappelons");
  });
});

/** A company whose answer has one of everything: a warning, a removed review, a review
 *  with a reply and a follow-up. */
async function fullCompany() {
  const c = makeCompany();
  const author = makeUser();
  const kept = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author, stars: 2, publishedAt: Date.now() - 2 * DAY });
  makeReply(kept, "Nous regardons cela.", Date.now() - DAY);
  makeFollowUp(kept, "Merci pour la réponse.");
  const removed = makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: author, publishedAt: Date.now() - 3 * DAY });
  const decision = decide({
    actor: { id: moderator.id, role: "moderator" },
    reviewId: removed,
    target: "review",
    decision: "remove",
    reason: "offensive",
    statement: "Ce texte insulte nommément un vendeur du magasin.",
    ...caseState(removed),
  });
  if (!decision.ok) throw new Error(decision.kind);
  const warned = setWarning({
    actor: { id: moderator.id, role: "moderator" },
    companyId: c.id,
    reason: "rewards_offered",
    statement: "L’entreprise a offert des bons d’achat en échange d’avis cinq étoiles.",
    language: "fr",
    expiresAt: Date.now() + 30 * DAY,
  });
  if (!warned.ok) throw new Error(warned.kind);
  return c;
}

/** The keys of each object of an answer, by the group the documentation lists it in. */
function keysByGroup(body: { [key: string]: Json }) {
  const keys = new Map<ApiGroup, Set<string>>();
  const add = (group: ApiGroup, value: Json) => {
    const set = keys.get(group) ?? new Set<string>();
    for (const k of Object.keys(object(value))) set.add(k);
    keys.set(group, set);
  };
  add("document", body);
  add("company", body.company);
  for (const score of Object.values(object(body.scores))) add("score", score);
  add("scorecard", body.scorecard);
  for (const w of list(body.warnings)) add("warning", w);
  for (const r of list(body.removed_last_12_months)) add("removed", r);
  for (const s of list(body.subjects)) add("subject", s);
  for (const r of list(body.reviews)) {
    add("review", r);
    const { reply, follow_up } = object(r);
    if (reply) add("post", reply);
    if (follow_up) add("post", follow_up);
  }
  return keys;
}

describe("the documentation (/api)", () => {
  it("documents every field of a real answer, in both languages, and no other", async () => {
    const c = await fullCompany();
    const body = object((await api(slugOf(c.id))).data);
    expect(Object.keys(object(body.scores))).toEqual(["all", "verified", "invited", "organic"]);
    const keys = keysByGroup(body);
    expect([...API_GROUPS].sort()).toEqual(Object.keys(API_FIELDS).sort());
    for (const group of API_GROUPS) {
      const documented = apiFields(group).map((f) => f.name);
      expect([...(keys.get(group) ?? [])].sort(), group).toEqual([...documented].sort());
      for (const f of apiFields(group)) {
        expect(hasMessage("fr", f.message) && hasMessage("en", f.message), f.message).toBe(true);
      }
    }
  });

  it("shows as its example what the API answers now for a real company (one review)", async () => {
    const c = await fullCompany();
    client()
      .prepare(`UPDATE companies SET last_review_at = ? WHERE id = ?`)
      .run(Date.now() + DAY, c.id);
    const page = await callLoader(docsLoader, getRequest("/api", { headers: { "Accept-Language": "en" } }));
    const data = object(JSON.parse(JSON.stringify(page.data)));
    const example = object(data.example);
    expect(object(example.company).slug).toBe(slugOf(c.id));
    expect(example.url).toBe(`http://localhost/api/companies/${slugOf(c.id)}?limit=1`);
    const live = await api(slugOf(c.id), "?limit=1");
    expect(JSON.parse(String(example.body))).toEqual(live.data);
    expect(list(object(live.data).reviews)).toHaveLength(1);
  });
});
