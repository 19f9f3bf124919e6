// A reviewer adds a company the site does not list (/write-a-review/new), called as Remix calls
// it (real multipart Requests, real SQLite, real sharp): the guards; errors next to each field
// with everything typed kept, photos included; one post writes the company (unclaimed, not yet
// listed), its first subject and the waiting review in one transaction; a company already
// there (same domain, or same name in the same city) is not added twice and the answer links
// to it; the daily limit; the company in the suggestions queue, and the moderator's acceptance
// (listed, review published) or refusal (hidden, review not published, reviewer told).
import type { ActionFunctionArgs } from "@remix-run/node";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { queueStatementText } from "~/lib/moderation-queues";
import { isoDate } from "~/lib/review-schema";
import { getCompanyBySlug, listCategoryCompanies } from "~/models/companies.server";
import { ADD_COMPANY_LIMITS } from "~/models/company-suggestions.server";
import { getQueueStatement, listSuggestionQueue } from "~/models/moderation-queues.server";
import { findReviewTargets } from "~/models/review-targets.server";
import { sitemapCompanies } from "~/models/sitemap.server";
import * as addRoute from "~/routes/write-a-review.new";
import * as indexRoute from "~/routes/write-a-review._index";
import * as suggestRoute from "~/routes/write-a-review.suggest.$slug";
import * as companyRoute from "~/routes/companies.$slug._index";
import * as caseRoute from "~/routes/moderation.suggestions_.$id";
import * as queueRoute from "~/routes/moderation.suggestions";
import { account, type Account, getRequest, makeCompany, makeSubject, ORIGIN, outcome, postRequest } from "../support/fixtures";
import { formAnswer } from "../support/form-answer";

const DAY = 86_400_000;
const client = () => getDb().$client;
const count = (sql: string, ...args: unknown[]) =>
  client()
    .prepare(sql)
    .pluck()
    .get(...args) as number;

// Each call from its own network: several accounts from one address would (rightly) be held.
let network = 0;
function call(fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}) {
  const ip = `198.19.${Math.floor(++network / 250)}.${network % 250}`;
  return outcome(() => (fn as (a: ActionFunctionArgs) => unknown)({ request, params, context: { clientIp: ip } }));
}

function multipart(fields: Record<string, string>, cookie?: string, files: { name: string; type: string; bytes: Buffer }[] = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append("photos", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return new Request(`${ORIGIN}/write-a-review/new`, {
    method: "POST",
    body: fd,
    headers: { "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

const BODIES = [
  "The baker took the time to explain which loaf keeps best, and the croissants were still warm.",
  "Delivery came two days late and nobody answered the phone, but the refund arrived within a week.",
  "Small shop, friendly staff, and the repair of my bicycle wheel was done while I waited outside.",
  "The website was easy to use; my order arrived well packed, with a handwritten thank-you note.",
  "Long queue at the counter on Saturday morning, though the cashier apologised and was quick.",
  "They fixed my phone screen in an hour for the price they quoted, with a six-month guarantee.",
  "The online booking worked, the room was clean, and breakfast had fresh fruit and local honey.",
  "I asked for advice on a gift and left with something perfect, wrapped for free at the till.",
  "The plumber came on time, explained the leak, cleaned up afterwards and sent a clear invoice.",
  "Prices are a little high but the quality of the fabric is excellent and the fitting was precise.",
];
let bodySeq = 0;
let domainSeq = 0;

/** A valid post: a store with its website, and the review. */
function valid(overrides: Record<string, string> = {}) {
  const n = ++domainSeq;
  return {
    companyName: `Boulangerie Test ${n}`,
    website: `https://www.Boulangerie-Test-${n}.fr/accueil`,
    category: String(categoryId),
    kind: "store",
    city: "Lyon",
    address: "3 rue des Fleurs",
    name: "",
    stars: "4",
    title: `Warm welcome ${n}`,
    body: BODIES[bodySeq++ % BODIES.length]!,
    experienceDate: isoDate(Date.now() - 5 * DAY),
    channel: "store",
    recommend: "yes",
    language: "en",
    attestation: "on",
    ...overrides,
  };
}

let categoryId: number;
let png: Buffer;
let moderator: Account;
let otherModerator: Account;

beforeAll(async () => {
  categoryId = client()
    .prepare(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('boulangeries-test', 'Boulangeries', 'Bakeries') RETURNING id`)
    .pluck()
    .get() as number;
  png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2255aa" } })
    .png()
    .toBuffer();
  moderator = await account({ role: "moderator", name: "Modératrice Entreprises" });
  otherModerator = await account({ role: "moderator", name: "Modérateur Second" });
});

const companiesCount = () => count(`SELECT count(*) FROM companies`);
const reviewsBy = (userId: number) => count(`SELECT count(*) FROM reviews WHERE author_id = ?`, userId);

async function addCompany(who: Account, overrides: Record<string, string> = {}) {
  const res = await call(addRoute.action, multipart(valid(overrides), who.cookie));
  if (res.status !== 302) throw new Error(`addCompany: ${res.status} ${JSON.stringify(res.data)}`);
  const reviewId = Number(res.location!.match(/^\/reviews\/(\d+)$/)![1]);
  const row = client()
    .prepare(
      `SELECT c.id, c.slug, s.id AS subjectId FROM reviews r JOIN companies c ON c.id = r.company_id JOIN subjects s ON s.id = r.subject_id WHERE r.id = ?`,
    )
    .get(reviewId) as { id: number; slug: string; subjectId: number };
  return { reviewId, companyId: row.id, slug: row.slug, subjectId: row.subjectId };
}

describe("the guards", () => {
  it("sends anonymous visitors to the log-in page, and their post writes nothing", async () => {
    const page = await call(addRoute.loader, getRequest("/write-a-review/new"));
    expect(page.status).toBe(302);
    expect(page.location).toBe(`/login?redirectTo=${encodeURIComponent("/write-a-review/new")}`);
    const before = companiesCount();
    const post = await call(addRoute.action, multipart(valid()));
    expect(post.status).toBe(302);
    expect(post.location).toMatch(/^\/login\?redirectTo=/);
    expect(companiesCount()).toBe(before);
  });

  it("gives a member the form with the categories and the name typed in the search", async () => {
    const who = await account();
    const page = await call(addRoute.loader, getRequest("/write-a-review/new?q=Chez%20Nous", { cookie: who.cookie }));
    expect(page.status).toBe(200);
    const data = page.data as { q: string; categories: { id: number }[] };
    expect(data.q).toBe("Chez Nous");
    expect(data.categories.map((c) => c.id)).toContain(categoryId);
  });

  it("/write-a-review offers to add the company when the search finds nothing", async () => {
    const page = await call(indexRoute.loader, getRequest("/write-a-review?q=Zzyzx%20Introuvable"));
    expect(page.status).toBe(200);
    expect((page.data as { results: unknown[] }).results).toEqual([]);
  });
});

describe("validation", () => {
  it("answers with an error next to each field and keeps everything typed, photos included", async () => {
    const who = await account();
    const before = companiesCount();
    const fields = valid({ companyName: " ", website: "not a domain", kind: "store", city: "", category: "", title: "ab" });
    const res = await call(addRoute.action, multipart(fields, who.cookie, [{ name: "shop.png", type: "image/png", bytes: png }]));
    expect(res.status).toBe(400);
    const answer = formAnswer(res.data);
    expect(Object.keys(answer.errors).sort()).toEqual(["category", "city", "companyName", "title", "website"]);
    expect(answer.errors.companyName).toBe("Enter the company's name.");
    expect(answer.errors.website).toMatch(/Enter a website/);
    expect(answer.errors.city).toBe("Enter the city of the store.");
    expect(answer.errors.category).toBe("Choose a category.");
    expect(answer.values).toMatchObject({
      website: "not a domain",
      kind: "store",
      address: "3 rue des Fleurs",
      body: fields.body,
      channel: "store",
      attestation: "on",
    });
    const kept = (res.data as { keptPhotos: { token: string }[] }).keptPhotos;
    expect(kept).toHaveLength(1);
    expect(companiesCount()).toBe(before);
    expect(reviewsBy(who.id)).toBe(0);

    // Sent again, fixed, with the kept photo: the company and the review, with that photo.
    const fixed = await call(addRoute.action, multipart({ ...valid(), keptPhoto: kept[0]!.token }, who.cookie));
    expect(fixed.status).toBe(302);
    const reviewId = Number(fixed.location!.split("/").pop());
    expect(count(`SELECT count(*) FROM review_media WHERE review_id = ? AND kind = 'photo'`, reviewId)).toBe(1);
  });

  it("a website needs its domain, a product its website or city; free-mail domains are refused", async () => {
    const who = await account();
    const website = await call(addRoute.action, multipart(valid({ kind: "website", website: "", city: "" }), who.cookie));
    expect(formAnswer(website.data).errors.website).toBe("Enter the website or the domain: a website or an app is known by it.");
    const product = await call(addRoute.action, multipart(valid({ kind: "product", website: "", city: "" }), who.cookie));
    expect(formAnswer(product.data).errors.website).toMatch(/website, or the city/);
    const free = await call(addRoute.action, multipart(valid({ website: "gmail.com" }), who.cookie));
    expect(free.status).toBe(400);
    expect(formAnswer(free.data).errors.website).toBe("Anyone can open an address at this domain: enter the company's own website.");
    expect(reviewsBy(who.id)).toBe(0);
  });

  it("a category that does not exist is an error next to the field", async () => {
    const who = await account();
    const res = await call(addRoute.action, multipart(valid({ category: "999999" }), who.cookie));
    expect(res.status).toBe(400);
    expect(formAnswer(res.data).errors.category).toBe("Choose a category.");
    expect(reviewsBy(who.id)).toBe(0);
  });
});

describe("adding a company with its review", () => {
  it("writes the company unclaimed and not yet listed, its first subject and the waiting review", async () => {
    const who = await account();
    const fields = valid({ companyName: "Fournil  du Parc", website: "https://www.Fournil-Du-Parc.fr/accueil?x=1" });
    const res = await call(addRoute.action, multipart(fields, who.cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toMatch(/^flash=/);
    const reviewId = Number(res.location!.match(/^\/reviews\/(\d+)$/)![1]);
    const review = client()
      .prepare(`SELECT company_id AS companyId, subject_id AS subjectId, status, author_id AS authorId FROM reviews WHERE id = ?`)
      .get(reviewId) as {
      companyId: number;
      subjectId: number;
      status: string;
      authorId: number;
    };
    expect(review).toMatchObject({ status: "pending", authorId: who.id });
    const company = client().prepare(`SELECT * FROM companies WHERE id = ?`).get(review.companyId) as Record<string, unknown>;
    expect(company).toMatchObject({
      name: "Fournil du Parc",
      slug: "fournil-du-parc",
      domain: "fournil-du-parc.fr",
      website: "https://www.fournil-du-parc.fr/accueil",
      state: "unclaimed",
      listing: "pending",
      suggested_by: who.id,
    });
    expect(count(`SELECT count(*) FROM company_categories WHERE company_id = ? AND category_id = ?`, review.companyId, categoryId)).toBe(1);
    expect(count(`SELECT count(*) FROM company_members WHERE company_id = ?`, review.companyId)).toBe(0);
    const subject = client()
      .prepare(`SELECT company_id AS companyId, kind, name, city, address, state, suggested_by AS suggestedBy FROM subjects WHERE id = ?`)
      .get(review.subjectId);
    expect(subject).toEqual({
      companyId: review.companyId,
      kind: "store",
      name: "Fournil du Parc — Lyon",
      city: "Lyon",
      address: "3 rue des Fleurs",
      state: "pending",
      suggestedBy: who.id,
    });
    const event = client()
      .prepare(`SELECT kind, actor_id AS actorId, detail FROM company_events WHERE company_id = ?`)
      .get(review.companyId) as { kind: string; actorId: number; detail: string };
    expect(event).toMatchObject({ kind: "company_created", actorId: who.id });
    expect(JSON.parse(event.detail)).toMatchObject({ via: "review", domain: "fournil-du-parc.fr" });

    // Until a moderator checks it: its page says so (and is not for search engines), it is
    // in no list, and nobody can review it through another subject.
    const page = await call(companyRoute.loader, getRequest("/companies/fournil-du-parc"), { slug: "fournil-du-parc" });
    expect(page.status).toBe(200);
    expect((page.data as { company: { listing: string } }).company.listing).toBe("pending");
    const meta = companyRoute.meta({ data: page.data, matches: [], params: {}, location: { pathname: "/" } } as never) as {
      name?: string;
      content?: string;
    }[];
    expect(meta).toContainEqual({ name: "robots", content: "noindex" });
    expect(findReviewTargets("Fournil du Parc").map((c) => c.slug)).not.toContain("fournil-du-parc");
    expect(listCategoryCompanies("boulangeries-test")!.companies.map((c) => c.slug)).not.toContain("fournil-du-parc");
    expect(sitemapCompanies(1).map((c) => c.slug)).not.toContain("fournil-du-parc");
    const other = await account();
    const targets = await call(indexRoute.loader, getRequest("/write-a-review?company=fournil-du-parc", { cookie: other.cookie }));
    expect(targets.status).toBe(404);
    const suggestion = await call(
      suggestRoute.action,
      new Request(`${ORIGIN}/write-a-review/suggest/fournil-du-parc`, {
        method: "POST",
        body: (() => {
          const fd = new FormData();
          for (const [k, v] of Object.entries({ ...valid(), kind: "product", name: "Pain aux noix" })) fd.append(k, v);
          return fd;
        })(),
        headers: { Cookie: other.cookie },
      }),
      { slug: "fournil-du-parc" },
    );
    expect(suggestion.status).toBe(404);
    expect(reviewsBy(other.id)).toBe(0);
  });

  it("adds a suffix to the slug when the name is taken", async () => {
    makeCompany({ slug: "maison-doublon", name: "Maison Doublon", domain: "maison-doublon-un.example" });
    const who = await account();
    const added = await addCompany(who, { companyName: "Maison Doublon", city: "Brest", website: "maison-doublon-deux.example" });
    expect(added.slug).toBe("maison-doublon-2");
  });

  it("names a website after its domain", async () => {
    const who = await account();
    const added = await addCompany(who, {
      companyName: "Boutique En Ligne",
      kind: "website",
      website: "https://shop.en-ligne-test.example/",
      city: "",
      address: "",
      channel: "website",
    });
    const subject = client().prepare(`SELECT kind, name, url, city, address FROM subjects WHERE id = ?`).get(added.subjectId);
    expect(subject).toEqual({
      kind: "website",
      name: "shop.en-ligne-test.example",
      url: "https://shop.en-ligne-test.example",
      city: null,
      address: null,
    });
  });
});

describe("a company already there", () => {
  it("the same domain: no duplicate, a link to the listed company's review page, what was typed kept", async () => {
    makeCompany({ slug: "cordonnerie-listee", name: "Cordonnerie Listée", domain: "cordonnerie-listee.fr" });
    const who = await account();
    const before = {
      companies: companiesCount(),
      limit: count(`SELECT count(*) FROM rate_limits WHERE key = ?`, `company-add:user:${who.id}`),
    };
    const fields = valid({ companyName: "La Cordonnerie", website: "http://WWW.cordonnerie-listee.fr/contact" });
    const res = await call(addRoute.action, multipart(fields, who.cookie));
    expect(res.status).toBe(409);
    const answer = formAnswer(res.data);
    expect(answer.formError).toMatch(/already on Réplique/);
    expect(answer.errors.website).toBe("A company with this domain is already on Réplique.");
    expect(answer.values).toMatchObject({ companyName: "La Cordonnerie", title: fields.title, body: fields.body });
    expect((res.data as { existing: unknown }).existing).toMatchObject({
      slug: "cordonnerie-listee",
      listing: "listed",
      match: "domain",
      ownReviewId: null,
    });
    expect(companiesCount()).toBe(before.companies);
    expect(reviewsBy(who.id)).toBe(0);
    // A duplicate does not count against the daily limit.
    expect(count(`SELECT count(*) FROM rate_limits WHERE key = ?`, `company-add:user:${who.id}`)).toBe(before.limit);
  });

  it("the same normalised name with a subject in the same city", async () => {
    const existing = makeCompany({ slug: "epicerie-elise", name: "Épicerie Élise" });
    makeSubject(existing.id, { name: "Épicerie Élise — Nantes", city: "Nantes" });
    const who = await account();
    const res = await call(addRoute.action, multipart(valid({ companyName: "epicerie  ELISE", website: "", city: "NANTES" }), who.cookie));
    expect(res.status).toBe(409);
    expect(formAnswer(res.data).errors.companyName).toBe("A company with this name is already on Réplique in this city.");
    expect((res.data as { existing: unknown }).existing).toMatchObject({ slug: "epicerie-elise", match: "name_city" });
    // Another city is another company.
    const elsewhere = await call(
      addRoute.action,
      multipart(valid({ companyName: "Épicerie Élise", website: "", city: "Rennes" }), who.cookie),
    );
    expect(elsewhere.status).toBe(302);
  });

  it("one the reviewer added and that waits: the link opens their waiting review", async () => {
    const who = await account();
    const first = await addCompany(who, { website: "atelier-attente.example" });
    const again = await call(addRoute.action, multipart(valid({ website: "https://atelier-attente.example" }), who.cookie));
    expect(again.status).toBe(409);
    expect((again.data as { existing: unknown }).existing).toMatchObject({
      slug: first.slug,
      listing: "pending",
      ownReviewId: first.reviewId,
    });
    // Someone else: the company's page, which says it is not yet checked.
    const other = await account();
    const theirs = await call(addRoute.action, multipart(valid({ website: "atelier-attente.example" }), other.cookie));
    expect((theirs.data as { existing: unknown }).existing).toMatchObject({ slug: first.slug, listing: "pending", ownReviewId: null });
  });
});

describe("the daily limit", () => {
  it(`refuses the addition past ${ADD_COMPANY_LIMITS.perUser.limit} a day, with Retry-After, and writes nothing`, async () => {
    const who = await account();
    for (let i = 0; i < ADD_COMPANY_LIMITS.perUser.limit; i++) await addCompany(who);
    const before = { companies: companiesCount(), reviews: reviewsBy(who.id) };
    const res = await call(addRoute.action, multipart(valid(), who.cookie));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(23 * 3600);
    expect(formAnswer(res.data).formError).toBe("You added several companies today. Please try again in 1,440 min.");
    expect(companiesCount()).toBe(before.companies);
    expect(reviewsBy(who.id)).toBe(before.reviews);
    // Another member is not concerned.
    await addCompany(await account());
  });
});

describe("the moderators' suggestions queue", () => {
  const decision = (value: string) => ({
    decision: value,
    reason: "not_an_experience",
    statement: "Le site et l’adresse indiqués correspondent bien à une entreprise réelle.",
    version: "0",
  });
  const decide = (who: Account, subjectId: number, value: string) =>
    call(caseRoute.action, postRequest(`/moderation/suggestions/${subjectId}`, decision(value), { cookie: who.cookie }), {
      id: String(subjectId),
    });

  it("lists the new company with who added it, and its case shows the company and the review", async () => {
    const who = await account({ name: "Rémi Reviewer" });
    const added = await addCompany(who, { companyName: "Torréfacteur Nouveau", website: "torrefacteur-nouveau.example" });
    let item;
    for (let after: string | null = null; ;) {
      const page = listSuggestionQueue({ after, limit: 50 });
      item = page.items.find((i) => i.id === added.subjectId);
      if (item || !page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(item).toMatchObject({
      company: { added: true, domain: "torrefacteur-nouveau.example", slug: added.slug },
      suggestedBy: { id: who.id, name: "Rémi Reviewer" },
      waitingReviews: 1,
    });
    expect((await call(queueRoute.loader, getRequest("/moderation/suggestions", { cookie: moderator.cookie }))).status).toBe(200);

    const page = await call(caseRoute.loader, getRequest(`/moderation/suggestions/${added.subjectId}`, { cookie: moderator.cookie }), {
      id: String(added.subjectId),
    });
    expect(page.status).toBe(200);
    const view = (page.data as { case: { addedCompany: Record<string, unknown>; reviews: { id: number }[]; suggester: { id: number } } })
      .case;
    expect(view.addedCompany).toMatchObject({
      name: "Torréfacteur Nouveau",
      domain: "torrefacteur-nouveau.example",
      listing: "pending",
      categories: [{ nameEn: "Bakeries" }],
    });
    expect(view.reviews.map((r) => r.id)).toEqual([added.reviewId]);
    expect(view.suggester.id).toBe(who.id);
    // A member does not see the queue.
    expect(
      (
        await call(caseRoute.loader, getRequest(`/moderation/suggestions/${added.subjectId}`, { cookie: who.cookie }), {
          id: String(added.subjectId),
        })
      ).status,
    ).toBe(403);
  });

  it("accepting lists the company and publishes the review; the second decision gets 409", async () => {
    const who = await account();
    const added = await addCompany(who, { companyName: "Fromagerie Acceptée", website: "fromagerie-acceptee.example" });
    const res = await decide(moderator, added.subjectId, "accept");
    expect(res.status).toBe(302);
    expect(client().prepare(`SELECT listing, state FROM companies WHERE id = ?`).get(added.companyId)).toEqual({
      listing: "listed",
      state: "unclaimed",
    });
    expect(client().prepare(`SELECT state FROM subjects WHERE id = ?`).pluck().get(added.subjectId)).toBe("active");
    expect(client().prepare(`SELECT status FROM reviews WHERE id = ?`).pluck().get(added.reviewId)).toBe("published");
    expect(count(`SELECT coalesce(sum(review_count), 0) FROM rating_stats WHERE scope = 'company' AND scope_id = ?`, added.companyId)).toBe(
      1,
    );
    expect(getCompanyBySlug(added.slug)?.listing).toBe("listed");
    expect(findReviewTargets("Fromagerie Acceptée").map((c) => c.slug)).toContain(added.slug);
    expect(listCategoryCompanies("boulangeries-test")!.companies.map((c) => c.slug)).toContain(added.slug);

    const decisionId = client()
      .prepare(`SELECT max(id) FROM moderation_decisions WHERE target_type = 'subject' AND target_id = ?`)
      .pluck()
      .get(added.subjectId) as number;
    const statement = getQueueStatement(decisionId, { id: who.id, role: "member" });
    expect(statement).toMatchObject({ decision: "subject_accept", companyAdded: true });
    const text = queueStatementText("en", statement!);
    expect(text.subject).toBe("The company you added is listed");
    expect(text.decided).toMatch(/checked Fromagerie Acceptée, which you added with your review, and listed it/);

    expect((await decide(otherModerator, added.subjectId, "refuse")).status).toBe(409);
    expect(client().prepare(`SELECT listing FROM companies WHERE id = ?`).pluck().get(added.companyId)).toBe("listed");
  });

  it("refusing hides the company and does not publish the review; the reviewer is told why", async () => {
    const who = await account({ locale: "fr" });
    const added = await addCompany(who, { companyName: "Entreprise Fictive", website: "entreprise-fictive.example" });
    const mails = count(`SELECT count(*) FROM outbox WHERE "to" = ?`, who.email);
    const res = await decide(moderator, added.subjectId, "refuse");
    expect(res.status).toBe(302);
    expect(client().prepare(`SELECT listing FROM companies WHERE id = ?`).pluck().get(added.companyId)).toBe("refused");
    expect(client().prepare(`SELECT status, removal_reason AS reason FROM reviews WHERE id = ?`).get(added.reviewId)).toEqual({
      status: "removed",
      reason: "not_an_experience",
    });
    expect(count(`SELECT count(*) FROM rating_stats WHERE scope = 'company' AND scope_id = ? AND review_count > 0`, added.companyId)).toBe(
      0,
    );
    // Hidden from every public page.
    expect(getCompanyBySlug(added.slug)).toBeNull();
    expect((await call(companyRoute.loader, getRequest(`/companies/${added.slug}`), { slug: added.slug })).status).toBe(404);
    expect(findReviewTargets("Entreprise Fictive").map((c) => c.slug)).not.toContain(added.slug);
    // Told: a notification opening the statement, and the statement by mail, in French.
    const note = client().prepare(`SELECT kind, link FROM notifications WHERE user_id = ? ORDER BY id DESC`).get(who.id) as {
      kind: string;
      link: string;
    };
    expect(note.kind).toBe("subject_refused");
    expect(count(`SELECT count(*) FROM outbox WHERE "to" = ?`, who.email)).toBe(mails + 1);
    const decisionId = Number(note.link.split("/").pop());
    const text = queueStatementText("fr", getQueueStatement(decisionId, { id: who.id, role: "member" })!);
    expect(text.decided).toMatch(/n’a pas répertorié Entreprise Fictive/);
    expect(text.decided).toMatch(/masquée/);
    // A refused company is not in the way of a later, genuine addition of the same domain.
    const again = await call(addRoute.action, multipart(valid({ website: "entreprise-fictive.example" }), (await account()).cookie));
    expect(again.status).toBe(302);
  });

  it("the reviewer who added it cannot decide on it, even as a moderator", async () => {
    const added = await addCompany(moderator, { website: "moderatrice-ajoute.example" });
    const before = count(`SELECT count(*) FROM moderation_decisions`);
    expect((await decide(moderator, added.subjectId, "accept")).status).toBe(403);
    expect(count(`SELECT count(*) FROM moderation_decisions`)).toBe(before);
    expect(client().prepare(`SELECT listing FROM companies WHERE id = ?`).pluck().get(added.companyId)).toBe("pending");
  });
});
