// Companies, their subjects, categories and the figures their public pages show.
import { getDb } from "#db/client.server";
import type { COMPANY_LISTINGS, COMPANY_STATES, ORIGINS, SUBJECT_KINDS } from "#db/schema";
import { computeScore, sumInputs, type Score, type ScoreBasis, type ScoreInputs } from "~/lib/trustscore";
import { invitedGap, type InvitedGap } from "~/lib/invitation-gap";
import { SIDEBAR_SUBJECTS } from "~/lib/company-page";

export { SCORE_BASES, type ScoreBasis } from "~/lib/trustscore";

export interface CompanyView {
  id: number;
  slug: string;
  name: string;
  domain: string | null;
  website: string | null;
  descriptionFr: string | null;
  descriptionEn: string | null;
  country: string;
  color: string | null;
  state: (typeof COMPANY_STATES)[number];
  claimedAt: number | null;
  verifiedAt: number | null;
  /** 'pending': added by a reviewer, not yet checked by a moderator (its page says so);
   *  getCompanyBySlug always says, a view made by hand may leave it out (listed). */
  listing?: Exclude<(typeof COMPANY_LISTINGS)[number], "refused">;
  createdAt?: number;
  categories: { slug: string; nameFr: string; nameEn: string }[];
}

export interface RatingSummary extends Score {
  histogram: [number, number, number, number, number];
  recommendRate: number | null;
  replyCount: number;
  resolvedCount: number;
  /** Mean time to reply over every answered review, in ms. */
  meanReplyDelay: number | null;
}

interface StatsRow extends ScoreInputs {
  origin: (typeof ORIGINS)[number];
  star1: number;
  star2: number;
  star3: number;
  star4: number;
  star5: number;
  recommendYes: number;
  recommendNo: number;
  replyCount: number;
  replyDelaySum: number;
  resolvedCount: number;
}

/** The company at `slug` with its categories; null when there is none, or when a moderator
 *  refused it (a company a reviewer added: hidden from every page). */
export function getCompanyBySlug(slug: string): CompanyView | null {
  const client = getDb().$client;
  const company = client
    .prepare<[slug: string], Omit<CompanyView, "categories">>(
      `SELECT id, slug, name, domain, website, description_fr AS descriptionFr, description_en AS descriptionEn,
              country, color, state, claimed_at AS claimedAt, verified_at AS verifiedAt, listing, created_at AS createdAt
       FROM companies WHERE slug = ? AND listing <> 'refused'`,
    )
    .get(slug);
  if (!company) return null;
  const categories = client
    .prepare<[companyId: number], CompanyView["categories"][number]>(
      `SELECT c.slug, c.name_fr AS nameFr, c.name_en AS nameEn FROM company_categories cc
       JOIN categories c ON c.id = cc.category_id WHERE cc.company_id = ? ORDER BY c.position, c.slug`,
    )
    .all(company.id);
  return { ...company, categories };
}

function readStats(scope: "company" | "subject", scopeId: number): StatsRow[] {
  return getDb()
    .$client.prepare<[scope: "company" | "subject", scopeId: number], StatsRow>(
      `SELECT origin, review_count AS reviewCount, star1, star2, star3, star4, star5, star_sum AS starSum,
              weighted_star_sum AS weightedStarSum, weight_sum AS weightSum, recommend_yes AS recommendYes,
              recommend_no AS recommendNo, reply_count AS replyCount, reply_delay_sum AS replyDelaySum,
              resolved_count AS resolvedCount
       FROM rating_stats WHERE scope = ? AND scope_id = ?`,
    )
    .all(scope, scopeId);
}

export function summarise(rows: StatsRow[], basis: ScoreBasis, now = Date.now()): RatingSummary {
  const chosen = basis === "all" ? rows : rows.filter((r) => r.origin === basis);
  const add = (key: keyof StatsRow) => chosen.reduce((s, r) => s + (r[key] as number), 0);
  const score = computeScore(sumInputs(chosen), now);
  const yes = add("recommendYes");
  const no = add("recommendNo");
  const replyCount = add("replyCount");
  return {
    ...score,
    histogram: [add("star1"), add("star2"), add("star3"), add("star4"), add("star5")],
    recommendRate: yes + no > 0 ? yes / (yes + no) : null,
    replyCount,
    resolvedCount: add("resolvedCount"),
    meanReplyDelay: replyCount > 0 ? add("replyDelaySum") / replyCount : null,
  };
}

export function getRatingSummary(scope: "company" | "subject", scopeId: number, basis: ScoreBasis = "all", now = Date.now()) {
  return summarise(readStats(scope, scopeId), basis, now);
}

/** The notice of invited reviews much more positive than organic ones (app/lib/invitation-gap.ts). */
export function getInvitedGap(companyId: number): InvitedGap | null {
  const rows = readStats("company", companyId);
  return invitedGap(summarise(rows, "invited").histogram, summarise(rows, "organic").histogram);
}

export interface SubjectView {
  id: number;
  slug: string;
  name: string;
  kind: (typeof SUBJECT_KINDS)[number];
  address: string | null;
  postalCode: string | null;
  city: string | null;
  url: string | null;
  reviewCount: number;
  trustScore: number | null;
  rawMean: number | null;
}

/** The company's active subjects with their own scores (one query). */
export function listSubjects(companyId: number, now = Date.now()): SubjectView[] {
  const rows = getDb()
    .$client.prepare<[companyId: number], Omit<SubjectView, "trustScore" | "rawMean"> & ScoreInputs>(
      `SELECT s.id, s.slug, s.name, s.kind, s.address, s.postal_code AS postalCode, s.city, s.url,
              coalesce(sum(st.review_count), 0) AS reviewCount, coalesce(sum(st.star_sum), 0) AS starSum,
              coalesce(sum(st.weighted_star_sum), 0) AS weightedStarSum, coalesce(sum(st.weight_sum), 0) AS weightSum
       FROM subjects s LEFT JOIN rating_stats st ON st.scope = 'subject' AND st.scope_id = s.id
       WHERE s.company_id = ? AND s.state = 'active'
       GROUP BY s.id ORDER BY s.kind, s.name`,
    )
    .all(companyId);
  return rows.map(({ starSum, weightedStarSum, weightSum, ...s }) => {
    const score = computeScore({ reviewCount: s.reviewCount, starSum, weightedStarSum, weightSum }, now);
    return { ...s, trustScore: score.trustScore, rawMean: score.rawMean };
  });
}

/** A subject in the company page's sidebar: its name, kind, place and score. */
export type SubjectSummary = Pick<SubjectView, "id" | "slug" | "name" | "kind" | "city" | "reviewCount" | "trustScore">;

/** The company page's subjects: for the sidebar the SIDEBAR_SUBJECTS most reviewed, most
 *  reviewed first, or with `all` every one in the list's order (kind, then name); as the
 *  review filter's choices (id and name, in the list's order) the same ones, and the one
 *  the filter has selected (`selected`) if it is not among them. */
export function companyPageSubjects(companyId: number, all: boolean, selected?: number) {
  const subjects = listSubjects(companyId);
  const summary = ({ id, slug, name, kind, city, reviewCount, trustScore }: SubjectView): SubjectSummary => ({
    id,
    slug,
    name,
    kind,
    city,
    reviewCount,
    trustScore,
  });
  const shown = all
    ? subjects
    : [...subjects].sort((a, b) => b.reviewCount - a.reviewCount || a.name.localeCompare(b.name)).slice(0, SIDEBAR_SUBJECTS);
  const offered = new Set(shown.map((s) => s.id));
  if (selected != null) offered.add(selected);
  return {
    choices: subjects.filter((s) => offered.has(s.id)).map(({ id, name }) => ({ id, name })),
    sidebar: shown.map(summary),
    total: subjects.length,
    all,
  };
}

export function getSubject(companyId: number, slug: string): SubjectView | null {
  return listSubjects(companyId).find((s) => s.slug === slug) ?? null;
}

export interface Scorecard {
  /** Reviews of 1–2★ published in the last 12 months, and how many were answered. */
  negativeCount: number;
  negativeAnswered: number;
  /** Median time between a review and its reply, over the last 12 months, in ms. */
  medianReplyDelay: number | null;
  /** Reviews the company flagged in the last 12 months, the flags it filed, and how many
   *  of them were decided and upheld. */
  flaggedCount: number;
  flagsFiled: number;
  flagsDecided: number;
  flagsUpheld: number;
}

const YEAR_MS = 365 * 86_400_000;

// The scorecard scans a year of a company's reviews (about 14 ms for the largest company
// of the 2 M-review benchmark). It is kept per company for a few minutes, and dropped as
// soon as the company's review or reply count moves, so a new reply shows at once.
const scorecardCache = new Map<string, { until: number; value: Scorecard }>();
const SCORECARD_TTL_MS = 5 * 60_000;
const SCORECARD_CACHE_SIZE = 2_000;

/** The scorecard, reused while `version` (e.g. review and reply counts) is unchanged. */
export function getCachedScorecard(companyId: number, version: string, now = Date.now()): Scorecard {
  const key = `${getDb().$client.name}:${companyId}:${version}`;
  const hit = scorecardCache.get(key);
  if (hit && hit.until > now) return hit.value;
  const value = getScorecard(companyId, now);
  if (scorecardCache.size >= SCORECARD_CACHE_SIZE) scorecardCache.delete(scorecardCache.keys().next().value!);
  scorecardCache.set(key, { until: now + SCORECARD_TTL_MS, value });
  return value;
}

/** The right-of-reply scorecard of the last 12 months (SPEC: company page), or of the
 *  reviews and flags since `since` (the metrics page of the brand dashboard). */
export function getScorecard(companyId: number, now = Date.now(), since = now - YEAR_MS): Scorecard {
  const client = getDb().$client;
  const negative = client
    .prepare<[companyId: number, since: number], { total: number; answered: number }>(
      `SELECT count(*) AS total, count(replied_at) AS answered FROM reviews
       WHERE company_id = ? AND published_at >= ? AND status = 'published' AND stars <= 2`,
    )
    .get(companyId, since)!;
  const medianReplyDelay = getMedianReplyDelay(companyId, since);
  const flagged = client
    .prepare<[companyId: number, since: number], { reviews: number; filed: number; decided: number | null; upheld: number | null }>(
      `SELECT count(DISTINCT review_id) AS reviews, count(*) AS filed,
              sum(status != 'pending') AS decided, sum(status = 'upheld') AS upheld
       FROM flags WHERE reporter_company_id = ? AND created_at >= ?`,
    )
    .get(companyId, since)!;
  return {
    negativeCount: negative.total,
    negativeAnswered: negative.answered,
    medianReplyDelay,
    flaggedCount: flagged.reviews,
    flagsFiled: flagged.filed,
    flagsDecided: flagged.decided ?? 0,
    flagsUpheld: flagged.upheld ?? 0,
  };
}

/** The median time between a review published since `since` and its reply, over the
 *  company's answered reviews of at most `maxStars` stars, in ms (the mean of the two middle
 *  delays when their number is even); null when none is answered. */
export function getMedianReplyDelay(companyId: number, since: number, maxStars = 5): number | null {
  const client = getDb().$client;
  const delays = client
    .prepare<[companyId: number, since: number, maxStars: number], { n: number }>(
      `SELECT count(*) AS n FROM reviews WHERE company_id = ? AND published_at >= ? AND status = 'published'
       AND stars <= ? AND replied_at IS NOT NULL`,
    )
    .get(companyId, since, maxStars)!;
  if (delays.n === 0) return null;
  const middle = client
    .prepare<[companyId: number, since: number, maxStars: number, limit: number, offset: number], { delay: number }>(
      `SELECT max(0, replied_at - published_at) AS delay FROM reviews
       WHERE company_id = ? AND published_at >= ? AND status = 'published' AND stars <= ? AND replied_at IS NOT NULL
       ORDER BY delay LIMIT ? OFFSET ?`,
    )
    .all(companyId, since, maxStars, 2 - (delays.n % 2), Math.floor((delays.n - 1) / 2));
  return middle.reduce((s, r) => s + r.delay, 0) / middle.length;
}

export interface CategoryView {
  id: number;
  slug: string;
  nameFr: string;
  nameEn: string;
  companyCount: number;
}

// Categories change only by an admin's hand and their company counts move slowly; one
// read a minute spares the home page a count over every company of every category.
let categoriesCache: { file: string; until: number; value: CategoryView[] } | undefined;
const CATEGORIES_TTL_MS = 60_000;

export function listCategories(now = Date.now()): CategoryView[] {
  const file = getDb().$client.name;
  if (categoriesCache && categoriesCache.file === file && categoriesCache.until > now) return categoriesCache.value;
  const value = readCategories();
  categoriesCache = { file, until: now + CATEGORIES_TTL_MS, value };
  return value;
}

/** Drops this process's copy after an admin changed the categories (category-admin.server.ts). */
export function forgetCategories() {
  categoriesCache = undefined;
}

function readCategories(): CategoryView[] {
  return getDb()
    .$client.prepare<[], CategoryView>(
      // Listed companies: all of a category's (its index) minus the few unlisted ones
      // (companies_unlisted_idx), rather than a join of every company.
      `SELECT c.id, c.slug, c.name_fr AS nameFr, c.name_en AS nameEn,
              (SELECT count(*) FROM company_categories cc WHERE cc.category_id = c.id)
              - (SELECT count(*) FROM companies k INDEXED BY companies_unlisted_idx
                 JOIN company_categories cc ON cc.company_id = k.id AND cc.category_id = c.id
                 WHERE k.listing <> 'listed') AS companyCount
       FROM categories c ORDER BY c.position, c.slug`,
    )
    .all();
}

export interface CompanyListItem {
  id: number;
  slug: string;
  name: string;
  state: (typeof COMPANY_STATES)[number];
  domain: string | null;
  reviewCount: number;
  trustScore: number | null;
  rawMean: number | null;
  lastReviewAt: number | null;
}

const COMPANY_LIST_SELECT = `
  SELECT c.id, c.slug, c.name, c.state, c.domain, c.last_review_at AS lastReviewAt,
         coalesce(sum(st.review_count), 0) AS reviewCount, coalesce(sum(st.star_sum), 0) AS starSum,
         coalesce(sum(st.weighted_star_sum), 0) AS weightedStarSum, coalesce(sum(st.weight_sum), 0) AS weightSum
  FROM companies c LEFT JOIN rating_stats st ON st.scope = 'company' AND st.scope_id = c.id`;

type CompanyListRow = Omit<CompanyListItem, "trustScore" | "rawMean"> & ScoreInputs;

function toListItems(rows: CompanyListRow[], now: number) {
  return rows.map(({ starSum, weightedStarSum, weightSum, ...c }) => {
    const score = computeScore({ reviewCount: c.reviewCount, starSum, weightedStarSum, weightSum }, now);
    return { ...c, trustScore: score.trustScore, rawMean: score.rawMean };
  });
}

/** Companies with the most recent reviews (home page). */
export function listRecentlyReviewedCompanies(limit = 8, now = Date.now()): CompanyListItem[] {
  const rows = getDb()
    .$client.prepare<[limit: number], CompanyListRow>(
      `${COMPANY_LIST_SELECT}
       WHERE c.id IN (SELECT id FROM companies WHERE last_review_at IS NOT NULL ORDER BY last_review_at DESC LIMIT ?)
       GROUP BY c.id ORDER BY c.last_review_at DESC`,
    )
    .all(limit);
  return toListItems(rows, now);
}

/** Companies by id, keeping the given order (search results). */
export function getCompanyListItems(ids: number[], now = Date.now()): CompanyListItem[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .$client.prepare<number[], CompanyListRow>(`${COMPANY_LIST_SELECT} WHERE c.id IN (${ids.map(() => "?").join(",")}) GROUP BY c.id`)
    .all(...ids);
  const byId = new Map(toListItems(rows, now).map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id)).filter((c): c is CompanyListItem => c != null);
}

/** A category's companies, most reviewed first. */
export function listCategoryCompanies(categorySlug: string, limit = 60, now = Date.now()) {
  const category = getDb()
    .$client.prepare<[slug: string], Omit<CategoryView, "companyCount">>(
      `SELECT id, slug, name_fr AS nameFr, name_en AS nameEn FROM categories WHERE slug = ?`,
    )
    .get(categorySlug);
  if (!category) return null;
  const rows = getDb()
    .$client.prepare<[categoryId: number, limit: number], CompanyListRow>(
      `${COMPANY_LIST_SELECT}
       WHERE c.id IN (SELECT company_id FROM company_categories WHERE category_id = ?) AND c.listing = 'listed'
       GROUP BY c.id ORDER BY reviewCount DESC, c.name LIMIT ?`,
    )
    .all(category.id, limit);
  return { category, companies: toListItems(rows, now) };
}
