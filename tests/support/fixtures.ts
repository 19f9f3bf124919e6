// The test data, in one module: users and signed-in accounts, companies with their
// subjects and members, reviews (counted as the write model counts them), replies and
// follow-ups, a moderation thread, flags and what a moderator's form carries, reviews held
// at submission, the counters recomputed, and the Requests that call loaders and actions
// as Remix does. Rows are written with plain SQL, or through the app's own functions
// (createReview, flagContent, the counters) where that is what makes them real. Nothing
// here depends on the seed: each test file starts from an empty migrated database.
import { expect } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "#db/client.server";
import type { Locale } from "~/i18n";
import type { FormAnswer } from "~/lib/account-forms";
import { conformError, conformErrors } from "~/lib/conform";
import { isoDate, reviewSchema, type ReviewInput } from "~/lib/review-schema";
import { anchoredWeight } from "~/lib/trustscore";
import { hashPassword } from "~/models/auth.server";
import { linksIn } from "~/models/mail.server";
import { flagContent } from "~/models/review-actions.server";
import { createReview } from "~/models/review-submission.server";
import { createSession, sessionCookieName } from "~/models/session.server";
import { countReply, countReview, type CountedReview } from "~/models/stats.server";

const DAY = 86_400_000;
const client = () => getDb().$client;

let sequence = 0;
/** A number no other fixture of this test file has used (slugs, emails, names). */
const next = () => ++sequence;

type Role = "member" | "moderator" | "admin";

// ─── Users, accounts and sessions ─────────────────────────────────────────────

export interface UserFixture {
  email?: string;
  displayName?: string;
  role?: Role;
  locale?: "fr" | "en";
  /** false: an address never confirmed. */
  verified?: boolean;
  suspended?: boolean;
  passwordHash?: string | null;
}

/** A user row (French, verified, no password unless given one); its id. */
export function makeUser(overrides: UserFixture = {}) {
  const n = next();
  const row = client()
    .prepare(
      `INSERT INTO users (email, display_name, password_hash, role, locale, email_verified_at, suspended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      overrides.email ?? `user${n}@example.test`,
      overrides.displayName ?? `User ${n}`,
      overrides.passwordHash ?? null,
      overrides.role ?? "member",
      overrides.locale ?? "fr",
      overrides.verified === false ? null : Date.now(),
      overrides.suspended ? Date.now() : null,
    ) as { id: number };
  return row.id;
}

/** A user who can log in: a real argon2 hash of `password`, English unless told. */
export async function createTestUser(overrides: Omit<UserFixture, "passwordHash"> & { password?: string } = {}) {
  const n = next();
  const email = overrides.email ?? `person${n}-${Date.now()}@example.test`;
  const password = overrides.password ?? "a long and unusual passphrase";
  const id = makeUser({
    email,
    displayName: overrides.displayName ?? `Person ${n}`,
    role: overrides.role,
    locale: overrides.locale ?? "en",
    verified: overrides.verified,
    suspended: overrides.suspended,
    passwordHash: await hashPassword(password),
  });
  return { id, email, password };
}

/** The Cookie header of a new session of `userId`: a request carrying it is signed in. */
export function sessionCookie(userId: number, options: Parameters<typeof createSession>[1] = {}) {
  return `${sessionCookieName()}=${createSession(userId, options).token}`;
}

/** A user who can log in, already signed in: `cookie` is their session. */
export async function account(options: { role?: Role; locale?: "fr" | "en"; name?: string; suspended?: boolean } = {}) {
  const user = await createTestUser({
    role: options.role,
    displayName: options.name,
    locale: options.locale,
    suspended: options.suspended,
  });
  return { ...user, role: options.role ?? "member", cookie: sessionCookie(user.id) };
}

export type Account = Awaited<ReturnType<typeof account>>;

// ─── Companies, subjects and members ──────────────────────────────────────────

export interface CompanyFixture {
  name?: string;
  slug?: string;
  state?: "unclaimed" | "claimed" | "verified";
  domain?: string | null;
}

/** A company (verified unless told) and its first subject, a store in Paris. */
export function makeCompany(overrides: CompanyFixture = {}) {
  const n = next();
  const name = overrides.name ?? `Company ${n}`;
  const { id } = client()
    .prepare(`INSERT INTO companies (slug, name, state, domain) VALUES (?, ?, ?, ?) RETURNING id`)
    .get(overrides.slug ?? `company-${n}`, name, overrides.state ?? "verified", overrides.domain ?? null) as { id: number };
  const subjectId = makeSubject(id, { name: `${name} — Paris` });
  return { id, subjectId };
}

export interface SubjectFixture {
  name?: string;
  kind?: "store" | "website" | "product" | "service";
  city?: string;
  state?: "active" | "pending";
}

/** Another subject of `companyId` (an active store in Paris unless told); its id. */
export function makeSubject(companyId: number, overrides: SubjectFixture = {}) {
  const n = next();
  const row = client()
    .prepare(`INSERT INTO subjects (company_id, kind, slug, name, city, state) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`)
    .get(
      companyId,
      overrides.kind ?? "store",
      `subject-${n}`,
      overrides.name ?? `Subject ${n}`,
      overrides.city ?? "Paris",
      overrides.state ?? "active",
    ) as { id: number };
  return row.id;
}

/** Makes `userId` a member of the company's team. */
export function addMember(companyId: number, userId: number, role: "owner" | "agent" = "agent") {
  client().prepare(`INSERT INTO company_members (company_id, user_id, role) VALUES (?, ?, ?)`).run(companyId, userId, role);
}

// ─── Reviews, replies and follow-ups ──────────────────────────────────────────

export interface ReviewFixture {
  companyId: number;
  subjectId: number;
  authorId: number | null;
  /** 4 unless told. */
  stars?: number;
  title?: string;
  body?: string;
  status?: "published" | "pending" | "held" | "removed" | "deleted";
  origin?: "organic" | "invited" | "verified";
  recommend?: boolean | null;
  /** When it was written (now unless told); also when it was published, unless `publishedAt` says. */
  createdAt?: number;
  publishedAt?: number;
  channel?: string;
  language?: "fr" | "en";
  ipHash?: string | null;
}

/** Inserts a review and, when published, counts it, as the write model does. */
export function makeReview(r: ReviewFixture) {
  const status = r.status ?? "published";
  const publishedAt = status === "held" || status === "pending" ? null : (r.publishedAt ?? r.createdAt ?? Date.now());
  const stars = r.stars ?? 4;
  const title = r.title ?? `Review ${next()}`;
  const body = r.body ?? "Une expérience correcte, rien à signaler.";
  return getDb().transaction(() => {
    const { id } = client()
      .prepare(
        `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language,
           experience_date, channel, recommend, origin, status, published_at, removed_at, removal_reason, ip_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, cast(unixepoch('subsec') * 1000 as integer)))
         RETURNING id`,
      )
      .get(
        r.subjectId,
        r.companyId,
        r.authorId,
        stars,
        title,
        body,
        `<p>${body}</p>`,
        r.language ?? "fr",
        new Date((publishedAt ?? r.createdAt ?? Date.now()) - 3 * DAY).toISOString().slice(0, 10),
        r.channel ?? "store",
        r.recommend == null ? null : r.recommend ? 1 : 0,
        r.origin ?? "organic",
        status,
        publishedAt,
        status === "removed" ? Date.now() : null,
        status === "removed" ? "offensive" : null,
        r.ipHash ?? null,
        r.createdAt ?? null,
      ) as { id: number };
    if (status === "published") countReview(getDb(), countedFacts({ ...r, stars }, publishedAt!), 1);
    return id;
  });
}

function countedFacts(r: ReviewFixture & { stars: number }, publishedAt: number): CountedReview {
  return {
    companyId: r.companyId,
    subjectId: r.subjectId,
    authorId: r.authorId,
    origin: r.origin ?? "organic",
    stars: r.stars,
    recommend: r.recommend ?? null,
    publishedAt,
    replyPublishedAt: null,
    resolvedAt: null,
  };
}

/** Publishes a company reply on a published review and counts it. */
export function makeReply(
  reviewId: number,
  body = "Merci pour votre retour, nous regardons cela.",
  publishedAt = Date.now(),
  options: { authorId?: number | null } = {},
) {
  const review = client()
    .prepare(
      `SELECT company_id AS companyId, subject_id AS subjectId, author_id AS authorId, origin, stars, recommend,
              published_at AS publishedAt, resolved_at AS resolvedAt FROM reviews WHERE id = ?`,
    )
    .get(reviewId) as CountedReview & { recommend: number | null };
  return getDb().transaction(() => {
    const { id } = client()
      .prepare(
        `INSERT INTO replies (review_id, company_id, author_id, body, body_html, published_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(reviewId, review.companyId, options.authorId ?? null, body, `<p>${body}</p>`, publishedAt) as { id: number };
    client().prepare(`UPDATE reviews SET replied_at = ? WHERE id = ?`).run(publishedAt, reviewId);
    countReply(getDb(), { ...review, recommend: review.recommend == null ? null : review.recommend === 1 }, publishedAt, 1);
    return id;
  });
}

/** The author's published follow-up under the company's reply; its id. */
export function makeFollowUp(reviewId: number, body = "Toujours rien reçu.", publishedAt = Date.now()) {
  const row = client()
    .prepare(`INSERT INTO follow_ups (review_id, body, body_html, published_at) VALUES (?, ?, ?, ?) RETURNING id`)
    .get(reviewId, body, `<p>${body}</p>`, publishedAt) as { id: number };
  return row.id;
}

let threadSequence = 0;

/** A published review by `authorId` on a fresh verified company, with a reply by the
 *  company's member (its owner) and the author's follow-up. */
export function thread(authorId: number, memberId: number, options: { stars?: number; title?: string; language?: "fr" | "en" } = {}) {
  const k = ++threadSequence;
  const company = makeCompany({ name: `Maison Test ${k}`, slug: `maison-test-${k}-${Date.now()}` });
  addMember(company.id, memberId, "owner");
  const reviewId = makeReview({
    companyId: company.id,
    subjectId: company.subjectId,
    authorId,
    stars: options.stars ?? 2,
    title: options.title ?? `Service décevant ${k}`,
    recommend: false,
    language: options.language ?? "fr",
    publishedAt: Date.now() - 20 * DAY,
  });
  client()
    .prepare(
      `INSERT INTO review_revisions (review_id, stars, title, body, experience_date, channel, created_at) SELECT id, stars, title, body, experience_date, channel, published_at FROM reviews WHERE id = ?`,
    )
    .run(reviewId);
  const replyBody = "Merci pour votre retour, nous regardons cela.";
  const replyId = makeReply(reviewId, replyBody, Date.now() - 19 * DAY, { authorId: memberId });
  client()
    .prepare(`INSERT INTO reply_revisions (reply_id, body, author_id, created_at) VALUES (?, ?, ?, ?)`)
    .run(replyId, replyBody, memberId, Date.now() - 19 * DAY);
  const followUpId = makeFollowUp(reviewId, "Toujours rien reçu.", Date.now() - 18 * DAY);
  return { companyId: company.id, subjectId: company.subjectId, reviewId, replyId, followUpId };
}

// ─── Reviews held at submission ───────────────────────────────────────────────
// Written the way the site writes them: through createReview (review-submission.server.ts),
// whose automatic checks hold them and record the check.

/** A valid review form, parsed: two stars, written two days before `now`. */
export function reviewInput(overrides: Partial<ReviewInput> = {}, now = Date.now()): ReviewInput {
  const parsed = reviewSchema.parse({
    stars: "2",
    title: "Une visite décevante",
    body: "Le vendeur ne connaissait pas le produit et la caisse a pris vingt minutes ce samedi.",
    experienceDate: isoDate(Math.min(now, Date.now()) - 2 * DAY),
    channel: "store",
    recommend: "no",
    attestation: "on",
  });
  return { ...parsed, ...overrides };
}

/** A review of `subjectId` by `authorId` that a check holds (a phone number, unless the
 *  input says otherwise); fails the test otherwise. */
export function holdReview(args: {
  authorId: number;
  subjectId: number;
  input?: Partial<ReviewInput>;
  now?: number;
  ipHash?: string | null;
  locale?: "fr" | "en";
}) {
  const now = args.now ?? Date.now();
  const result = createReview({
    actor: { id: args.authorId, role: "member" },
    subjectId: args.subjectId,
    input: reviewInput({ body: "Appelez le gérant au 06 12 34 56 78, le standard ne répond jamais le samedi.", ...args.input }, now),
    locale: args.locale ?? "fr",
    ipHash: args.ipHash ?? null,
    origin: "http://localhost",
    now,
  });
  if (!result.ok || result.status !== "held") throw new Error(`not held: ${JSON.stringify(result)}`);
  return result.reviewId;
}

// ─── Flags and the case a moderator opens ─────────────────────────────────────
// Flags are written by flagContent, the one place flags are inserted.

/** A flag on the review (or its reply, or its follow-up) by `reporter`, or by a notifier
 *  without an account (`contact`); its id. Fails the test when refused. */
export function flagAs(
  reporter: { id: number; role: Role } | null,
  reviewId: number,
  options: {
    target?: "review" | "reply" | "follow_up";
    reason?: "offensive" | "personal_data" | "spam";
    contact?: { name: string; email: string };
    locale?: "fr" | "en";
  } = {},
) {
  const result = flagContent({
    actor: reporter,
    contact: options.contact,
    target: options.target ?? "review",
    reviewId,
    reason: options.reason ?? "offensive",
    explanation: "Ce texte insulte nommément un vendeur du magasin.",
    locale: options.locale,
  });
  if (!result.ok) throw new Error(`flag refused: ${result.kind}`);
  return result.flagId;
}

/** What decide() needs from the case as a moderator opened it. */
export function caseState(reviewId: number, target: "review" | "reply" | "follow_up" = "review") {
  const table = target === "review" ? "reviews" : target === "reply" ? "replies" : "follow_ups";
  const targetId =
    target === "review" ? reviewId : (client().prepare(`SELECT id FROM ${table} WHERE review_id = ?`).get(reviewId) as { id: number }).id;
  const edited = client().prepare(`SELECT coalesce(edited_at, 0) AS e FROM ${table} WHERE id = ?`).get(targetId) as { e: number };
  const version = client()
    .prepare(`SELECT coalesce(max(id), 0) AS v FROM moderation_decisions WHERE target_type = ? AND target_id = ?`)
    .get(target, targetId) as { v: number };
  const seen = client()
    .prepare(`SELECT coalesce(max(id), 0) AS s FROM flags WHERE review_id = ? AND target_type = ? AND status = 'pending'`)
    .get(reviewId, target) as { s: number };
  return { version: version.v, seenFlag: seen.s, editedAt: edited.e };
}

/** What the held case page's form carries: the last decision on the review and its last edit. */
export function heldCaseState(reviewId: number) {
  const { version, editedAt } = caseState(reviewId);
  return { version, editedAt };
}

// ─── Counters ─────────────────────────────────────────────────────────────────

/** The counters of a company (or of a subject) recomputed from the reviews, one entry per
 *  origin, independently of stats.server.ts. */
export function recomputedCounters(scopeId: number, scope: "company" | "subject" = "company") {
  const column = scope === "company" ? "company_id" : "subject_id";
  const rows = client()
    .prepare(
      `SELECT r.origin, r.stars, r.recommend, r.published_at AS publishedAt, r.resolved_at AS resolvedAt, p.published_at AS replyAt
       FROM reviews r LEFT JOIN replies p ON p.review_id = r.id AND p.status = 'published'
       WHERE r.${column} = ? AND r.status = 'published'`,
    )
    .all(scopeId) as {
    origin: string;
    stars: number;
    recommend: number | null;
    publishedAt: number;
    resolvedAt: number | null;
    replyAt: number | null;
  }[];
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const s = out.get(r.origin) ?? {
      reviewCount: 0,
      star1: 0,
      star2: 0,
      star3: 0,
      star4: 0,
      star5: 0,
      starSum: 0,
      weightedStarSum: 0,
      weightSum: 0,
      recommendYes: 0,
      recommendNo: 0,
      replyCount: 0,
      replyDelaySum: 0,
      resolvedCount: 0,
    };
    s.reviewCount++;
    s[`star${r.stars}`]++;
    s.starSum += r.stars;
    s.weightedStarSum += r.stars * anchoredWeight(r.publishedAt);
    s.weightSum += anchoredWeight(r.publishedAt);
    if (r.recommend === 1) s.recommendYes++;
    if (r.recommend === 0) s.recommendNo++;
    if (r.replyAt != null) {
      s.replyCount++;
      s.replyDelaySum += Math.max(0, r.replyAt - r.publishedAt);
    }
    if (r.resolvedAt != null) s.resolvedCount++;
    out.set(r.origin, s);
  }
  return out;
}

/** The company's counters as stats.server.ts keeps them, one row per origin. */
export function storedCounters(companyId: number) {
  return client()
    .prepare(
      `SELECT origin, review_count AS reviewCount, star1, star2, star3, star4, star5, star_sum AS starSum,
              weighted_star_sum AS weightedStarSum, weight_sum AS weightSum, recommend_yes AS recommendYes,
              recommend_no AS recommendNo, reply_count AS replyCount, reply_delay_sum AS replyDelaySum, resolved_count AS resolvedCount
       FROM rating_stats WHERE scope = 'company' AND scope_id = ? AND review_count > 0`,
    )
    .all(companyId) as (Record<string, number> & { origin: string })[];
}

/** The stored counters of a company equal a recomputation from its reviews (sums of weights
 *  to six decimals). */
export function expectCountersMatch(companyId: number) {
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

// ─── Requests, and what loaders and actions answer ────────────────────────────
// Remix loaders and actions called directly with real Requests.

export const ORIGIN = "http://localhost";
const CLIENT_IP = "198.51.100.7";

type Fields = Record<string, string>;

export function postRequest(path: string, fields: Fields, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

export function getRequest(path: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

export type Outcome = { status: number; headers: Headers; data: unknown; location: string | null };

/** Normalises what a loader or action returned or threw: a Response, `data()`, or a plain object. */
export async function outcome(run: () => Promise<unknown> | unknown): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* text */
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: ResponseInit | null };
    return {
      status: d.init?.status ?? 200,
      headers: new Headers(d.init?.headers),
      data: d.data,
      location: null,
    };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

type Action = (args: ActionFunctionArgs) => Promise<unknown> | unknown;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown> | unknown;

export function callAction(action: Action, request: Request, ip = CLIENT_IP) {
  return outcome(() => action({ request, params: {}, context: { clientIp: ip } }));
}

export function callLoader(loader: Loader, request: Request, params: Record<string, string> = {}) {
  return outcome(() => loader({ request, params, context: { clientIp: CLIENT_IP } }));
}

/** The session cookie (name=value) set by a response, or null. */
export function sessionCookieFrom(headers: Headers): string | null {
  const name = sessionCookieName();
  for (const cookie of headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

/** A Conform form's answer (`{ result, vars }`) as its page shows it in `locale`: the
 *  form's own error, each field's first error, and what the form keeps of what was typed. */
export function shownAnswer(data: unknown, locale: Locale = "fr") {
  const { result, vars } = data as FormAnswer;
  const error = result.error ?? {};
  const formError = conformErrors(locale, error[""] ?? undefined, vars).join(" ");
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(error)) {
    const message = name === "" ? undefined : conformError(locale, messages ?? undefined, vars);
    if (message) errors[name] = message;
  }
  return { formError: formError || null, errors, values: result.initialValue ?? {} };
}

// ─── Mail and rate limits ─────────────────────────────────────────────────────

export function outboxFor(to: string) {
  return client()
    .prepare(`SELECT id, "to", subject, text, html, template FROM outbox WHERE "to" = ? ORDER BY id`)
    .all(to.toLowerCase()) as { id: number; to: string; subject: string; text: string; html: string; template: string }[];
}

/** The token in the latest mail of `template` to `to`. */
export function tokenFromMail(to: string, template: string): string {
  const mail = outboxFor(to)
    .filter((m) => m.template === template)
    .at(-1);
  if (!mail) throw new Error(`No ${template} mail to ${to}`);
  const link = linksIn(mail.text).find((l) => l.includes("token="));
  if (!link) throw new Error(`No token link in the ${template} mail`);
  return new URL(link).searchParams.get("token")!;
}

export function clearRateLimits() {
  client().prepare(`DELETE FROM rate_limits`).run();
}
