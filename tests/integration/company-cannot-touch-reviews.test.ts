// A company can never hide, edit, reorder or delete a review (SPEC, "Company"; promised on
// /transparency and on /brand/:slug/flags): every action of every route of app/routes is
// called by the company's owner and by one of its agents, with the review's id, the
// company's slug and forms that ask to delete, remove, hide, edit, re-rate, pin or reorder,
// and afterwards the company's reviews are what they were — status, stars, text, dates,
// helpful votes (which order the "most helpful" list) — and both public orders of its page
// are the same. What a company may do stays possible: flag in its name (the review stays
// published while it is assessed).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { invoke, rolledBack } from "../support/route-harness";
import { fillPath, loadRouteManifest, type RouteEntry } from "../support/route-manifest";
import { seedWorld, type World } from "../support/route-world";
import { account, addMember, makeReview, makeUser, type Account } from "../support/fixtures";

const client = () => getDb().$client;

let world: World;
let agent: Account;
let reviewIds: number[];

beforeAll(async () => {
  world = await seedWorld();
  agent = await account({ name: "Agent A" });
  addMember(world.companyA.id, agent.id, "agent");
  // More reviews of company A, so that an order exists to be changed.
  for (const [stars, days] of [
    [5, 3],
    [1, 5],
    [3, 7],
  ] as const) {
    makeReview({
      companyId: world.companyA.id,
      subjectId: world.companyA.subjectId,
      authorId: makeUser(),
      stars,
      publishedAt: Date.now() - days * 86_400_000,
    });
  }
  reviewIds = client().prepare(`SELECT id FROM reviews WHERE company_id = ? ORDER BY id`).pluck().all(world.companyA.id) as number[];
});

/** What a company must never change of its reviews. (`replied_at` and `under_review_since`
 *  change when it replies or flags, as they may.) */
function reviewsOfA() {
  return JSON.stringify({
    reviews: client()
      .prepare(
        `SELECT id, subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date, channel,
                recommend, origin, status, held_check, published_at, edited_at, removed_at, removal_reason, deleted_at,
                helpful_count, resolved_at
         FROM reviews WHERE company_id = ? ORDER BY id`,
      )
      .all(world.companyA.id),
    votes: client().prepare(`SELECT review_id, user_id FROM helpful_votes ORDER BY review_id, user_id`).all(),
    revisions: client().prepare(`SELECT review_id, count(*) AS n FROM review_revisions GROUP BY review_id ORDER BY review_id`).all(),
    media: client().prepare(`SELECT id, review_id, kind FROM review_media ORDER BY id`).all(),
  });
}

async function publicOrder(sort: "recent" | "helpful") {
  const slug = world.companyA.slug;
  const answer = await invoke(
    companyLoader as NonNullable<RouteEntry["loader"]>,
    new Request(`http://localhost/companies/${slug}?sort=${sort}`),
    { slug },
  );
  const data = JSON.parse(answer.body) as { page: { reviews: { id: number }[] } };
  return data.page.reviews.map((r) => r.id);
}

const HOSTILE_FORMS = (reviewId: number): Record<string, string>[] => [
  { intent: "delete" },
  { intent: "remove", reviewId: String(reviewId) },
  { intent: "hide", reviewId: String(reviewId) },
  {
    intent: "save",
    stars: "5",
    title: "Excellent magasin",
    body: "Tout était parfait du début à la fin, je recommande.",
    attestation: "on",
  },
  {
    decision: "remove",
    target: "review",
    reason: "offensive",
    statement: "Retiré à la demande de l’entreprise.",
    reviewId: String(reviewId),
  },
  { intent: "pin", position: "1", reviewId: String(reviewId) },
  { intent: "undo" },
  {},
];

function paramsFor(route: RouteEntry, reviewId: number): Record<string, string> {
  const values: Record<string, string> = {
    id: String(reviewId),
    reviewId: String(reviewId),
    slug: world.companyA.slug,
    subject: world.companyA.subjectSlug,
    subjectId: String(world.companyA.subjectId),
    token: "a".repeat(32),
    key: world.proofKey,
    kind: "reviews",
    page: "1",
    "*": "x",
  };
  return Object.fromEntries(route.params.map((p) => [p, values[p] ?? "1"]));
}

describe("a company can never hide, edit, reorder or delete a review", () => {
  it("whatever action its owner or agent calls, with whatever form", async () => {
    const before = reviewsOfA();
    const recent = await publicOrder("recent");
    const helpful = await publicOrder("helpful");
    expect(recent.length).toBeGreaterThan(1);
    const routes = (await loadRouteManifest()).filter((r) => r.action);
    expect(routes.length).toBeGreaterThan(30);
    let calls = 0;
    for (const who of [world.cookie("staffA"), agent.cookie]) {
      for (const route of routes) {
        for (const reviewId of reviewIds) {
          for (const form of HOSTILE_FORMS(reviewId)) {
            const params = paramsFor(route, reviewId);
            const request = new Request(`http://localhost${fillPath(route.path, params)}`, {
              method: "POST",
              body: new URLSearchParams(form),
              headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", Cookie: who },
            });
            // Each call on its own: what one call did never hides what another did.
            await rolledBack(async () => {
              await invoke(route.action!, request, params);
              expect(reviewsOfA(), `${route.file} ${JSON.stringify(form)} on review ${reviewId}`).toBe(before);
            });
            calls++;
          }
        }
      }
    }
    expect(calls).toBe(2 * routes.length * reviewIds.length * HOSTILE_FORMS(0).length);
    expect(await publicOrder("recent")).toEqual(recent);
    expect(await publicOrder("helpful")).toEqual(helpful);
  });

  it("what it may do still works: a flag in its name, with evidence, that leaves the review published", async () => {
    const routes = await loadRouteManifest();
    const flag = routes.find((r) => r.file === "reviews.$id_.flag.tsx")!;
    const reviewId = reviewIds.at(-1)!;
    const params = { id: String(reviewId) };
    const answer = await invoke(
      flag.action!,
      new Request(`http://localhost/reviews/${reviewId}/flag`, {
        method: "POST",
        body: new URLSearchParams({
          target: "review",
          reason: "spam",
          explanation: "Nous n’avons aucune trace de cette commande dans nos fichiers clients.",
          evidenceUrl: "https://maison-a.example/preuve.pdf",
        }),
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost", Cookie: agent.cookie },
      }),
      params,
    );
    expect(answer.status).toBe(302);
    const filed = client()
      .prepare(
        `SELECT reporter_type AS type, reporter_company_id AS companyId, explanation FROM flags WHERE review_id = ? ORDER BY id DESC`,
      )
      .get(reviewId) as { type: string; companyId: number; explanation: string };
    expect(filed).toMatchObject({ type: "company", companyId: world.companyA.id });
    expect(filed.explanation).toContain("https://maison-a.example/preuve.pdf");
    expect(client().prepare(`SELECT status FROM reviews WHERE id = ?`).pluck().get(reviewId)).toBe("published");
  });
});
