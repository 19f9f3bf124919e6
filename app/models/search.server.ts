// Search over companies, subjects and review text (SQLite FTS5, accent- and
// case-insensitive), at a cost bounded whatever the query (SQLite calls are synchronous:
// a slow search holds every other request of the process):
// - the query: words of one character are ignored, words shorter than MIN_PREFIX_LENGTH
//   match a whole token, at most MAX_WORDS words of MAX_WORD_LENGTH characters; a longer
//   last word is a prefix in the names (what one types a name into) but not in the review
//   text. So a one- or two-letter prefix never expands to the vocabulary;
// - names (companies and their active subjects) come from names_fts (migration 0019), a
//   small index of its own: one statement reads the companies and the subjects of a query
//   together (rowid = company id × 2^32 + subject id, newest companies first), and a prefix
//   costs at most the merge of doclists of 500 000 short names (prefixes of 3 and 4
//   characters read its prefix indexes, in rowid order);
// - review text comes from search_fts (reviews only since migration 0019), whole words
//   only, newest first, in one statement cut by its LIMIT: FTS5 walks its doclists in rowid
//   order, so nothing reads or sorts every match. What no LIMIT bounds is an AND of common
//   words that rarely meet: FTS5 walks their doclists without a row coming out (35 ms for
//   "the pour", 160 ms for six such words on 2 M reviews; no row check can stop it, and a
//   rowid bound does not stop it either). So, with two words or more, each word's frequency
//   is measured first (reviewFrequency: a walk of PROBE entries at most); FTS5 ANDs the
//   rarest words while that AND's worst case stays under AND_LIMIT_MS (andCostMs), and the
//   other, common, words are intersected with its SCAN_LIMIT newest matches, each through
//   its own newest documents, as many as reach as far down (REST_LIMIT at most);
// - the candidates are ranked here (rankName, rankReview) and cut into pages; every page of
//   a query costs the same (the same candidates). bm25() is not used: to weigh its terms it
//   reads the whole doclist of every phrase of the query on its first call, whatever the
//   LIMIT (100–250 ms per statement for a common word on 2 M reviews);
// - a hard time budget, SEARCH_BUDGET_MS: search_deadline(), evaluated for every candidate
//   row of the names and the reviews, throws once the deadline has passed, which aborts the
//   statement, and no statement starts after it; the search then returns what it has, with
//   `timedOut` (better-sqlite3 12 has neither a progress handler nor interrupt()). A LIMIT
//   that cut an intersection short says `timedOut` too: the results may be partial.
//
// On the large data set (2 M reviews) the slowest query of `npm run bench`'s mix (common
// words, prefixes, rare words, names, accents, FTS syntax) takes 10–30 ms here.
import { getDb, type Db } from "#db/client.server";
import type { SUBJECT_KINDS } from "#db/schema";
import { getCompanyListItems, type CompanyListItem } from "./companies.server";
import { getPublishedReviews, type ReviewView } from "./reviews.server";

/** Hard time budget of one search (every statement it runs), in milliseconds. */
export const SEARCH_BUDGET_MS = 60;
/** Shorter words are ignored ("a", "à", the "l" of "l'atelier"): they match nearly everything. */
export const MIN_WORD_LENGTH = 2;
/** Shorter words match a whole token only, never as a prefix. */
export const MIN_PREFIX_LENGTH = 3;
/** Further words are dropped: each one is one more doclist for FTS5 to walk. */
export const MAX_WORDS = 6;
/** Longer words are cut (no token of the index is that long). */
export const MAX_WORD_LENGTH = 40;
/** Results per page of /search, and the pages a query has at most. */
export const SEARCH_PAGE_SIZE = { companies: 20, reviews: 10 };
export const MAX_SEARCH_PAGE = 20;
/** Rows read from names_fts (companies and subjects together) and review candidates. */
const NAME_CANDIDATES = 600;
const REVIEW_CANDIDATES = SEARCH_PAGE_SIZE.reviews * MAX_SEARCH_PAGE;
/** A word's frequency is estimated from its PROBE-th newest document. */
const PROBE = 20_000;
/** What FTS5's AND of the review words may cost at worst (andCostMs); further words are
 *  checked on the candidates, SCAN_LIMIT of them at most. */
const AND_LIMIT_MS = 15;
const SCAN_LIMIT = 3_000;
const REST_LIMIT = 25_000;
const ENTRY_NS = 34;
const SEEK_NS = 2_400;
/** The tokens of search_fts's `kind` column: a word that is one needs the column filter. */
const KIND_TOKENS = new Set(["company", "subject", "review"]);
const TIMED_OUT = "search: time budget exceeded";

type Client = Db["$client"];
type SubjectKind = (typeof SUBJECT_KINDS)[number];

export interface ParsedQuery {
  /** Lower case, without accents, as the FTS5 tokenizer (unicode61 remove_diacritics 2) stores them. */
  words: string[];
  /** Whether the last word matches as a prefix. */
  prefix: boolean;
}

const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "");
const tokens = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const length = (word: string) => [...word].length;

/** The words worth searching for, or null when none is long enough (a query too short). */
export function parseQuery(input: string): ParsedQuery | null {
  const words = [
    ...new Set(
      tokens(input.slice(0, 1000))
        .filter((w) => length(w) >= MIN_WORD_LENGTH)
        .map((w) => [...w].slice(0, MAX_WORD_LENGTH).join("")),
    ),
  ].slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return { words, prefix: length(words[words.length - 1]!) >= MIN_PREFIX_LENGTH };
}

/** The FTS5 query: every word must match, the last as a prefix when it is long enough. */
export function toFtsQuery(q: ParsedQuery): string {
  return q.words.map((w, i) => `"${w}"${q.prefix && i === q.words.length - 1 ? "*" : ""}`).join(" ");
}

/** Whether the text holds every word of the query (the last as a prefix when it is one). */
function holdsAll(text: string, q: ParsedQuery) {
  const have = tokens(text);
  return q.words.every((w, i) => have.some((t) => t === w || (q.prefix && i === q.words.length - 1 && t.startsWith(w))));
}
/** Lower is better: a name that holds every word, then the shortest name ("Fnac" before "Fnac Lyon Part-Dieu"). */
const rankName = (name: string, q: ParsedQuery) => (holdsAll(name, q) ? 0 : 1000) + Math.min(tokens(name).length, 999);
/** A review whose title holds every word first; otherwise newest first (the candidates' order). */
const rankReview = (title: string, q: ParsedQuery) => (holdsAll(title, q) ? 0 : 1);

const withDeadline = new WeakSet<Client>();

/** Runs the statements of one search under one deadline. Each statement's SQL must call
 *  search_deadline(?) right after its MATCH ?, so that the deadline is its second parameter. */
function budgeted(client: Client, budgetMs: number) {
  if (!withDeadline.has(client)) {
    // Not deterministic, so SQLite evaluates it for every row instead of once.
    client.function("search_deadline", { deterministic: false }, (deadline) => {
      if (Date.now() >= Number(deadline)) throw new Error(TIMED_OUT);
      return 1;
    });
    withDeadline.add(client);
  }
  const deadline = Date.now() + budgetMs;
  const state = { timedOut: false };
  /** Whether the budget is spent (no statement starts then). */
  const spent = () => {
    if (!state.timedOut && Date.now() >= deadline) state.timedOut = true;
    return state.timedOut;
  };
  return {
    get timedOut() {
      return state.timedOut;
    },
    spent,
    /** The rows, or none once the budget has run out (before or during this statement). */
    all<Row>(sql: string, match: string, ...params: unknown[]): Row[] {
      if (spent()) return [];
      try {
        return client.prepare<unknown[], Row>(sql).all(match, deadline, ...params);
      } catch (error) {
        // Matched by message: the server and the Remix bundle each hold a copy of this module.
        if (!(error instanceof Error && error.message === TIMED_OUT)) throw error;
        state.timedOut = true;
        return [];
      }
    },
    /** Marks the results partial (a scan stopped by its LIMIT before it had enough). */
    partial() {
      state.timedOut = true;
    },
  };
}
type Run = ReturnType<typeof budgeted>;

interface NameFilters {
  category?: string;
  kind?: SubjectKind;
}
interface ReviewFilters extends NameFilters {
  /** AND_LIMIT_MS, for tests and the bench (0: every word past the rarest is intersected). */
  andLimitMs?: number;
}
export interface SubjectHit {
  id: number;
  companyId: number;
  name: string;
  slug: string;
  kind: string;
}

function inCategory(filters: NameFilters) {
  return filters.category
    ? {
        sql: `AND c.id IN (SELECT cc.company_id FROM company_categories cc JOIN categories k ON k.id = cc.category_id WHERE k.slug = ?)`,
        args: [filters.category],
      }
    : { sql: "", args: [] };
}

interface NameRow {
  companyId: number;
  companyName: string;
  subjectId: number;
  name: string | null;
  slug: string | null;
  kind: string | null;
}

/** Companies matching by their own name or text or by one of their active subjects', best
 *  first, and the matching subjects, best first. A subject kind leaves companies out. */
function matchNames(run: Run, q: ParsedQuery, filters: NameFilters) {
  const category = inCategory(filters);
  // One scan of names_fts: a company's own row (subject id 0) and its subjects' rows.
  const rows = run.all<NameRow>(
    `SELECT n.rowid >> 32 AS companyId, c.name AS companyName, n.rowid & 4294967295 AS subjectId, s.name, s.slug, s.kind
     FROM names_fts n CROSS JOIN companies c ON c.id = n.rowid >> 32 LEFT JOIN subjects s ON s.id = (n.rowid & 4294967295)
     WHERE names_fts MATCH ? AND search_deadline(?)
       AND ${filters.kind ? "s.kind = ?" : "(s.id IS NULL OR s.state = 'active')"} ${category.sql}
     ORDER BY n.rowid DESC LIMIT ?`,
    toFtsQuery(q),
    ...(filters.kind ? [filters.kind] : []),
    ...category.args,
    NAME_CANDIDATES,
  );
  const subjects: (SubjectHit & { rank: number })[] = [];
  // A company ranks by its best hit: its own name, or one of its subjects'.
  const best = new Map<number, number>();
  const better = (companyId: number, rank: number) => best.set(companyId, Math.min(best.get(companyId) ?? Infinity, rank));
  for (const row of rows) {
    if (row.subjectId === 0 || row.name == null || row.slug == null || row.kind == null) {
      better(row.companyId, rankName(row.companyName, q));
      continue;
    }
    const rank = rankName(row.name, q);
    subjects.push({ id: row.subjectId, companyId: row.companyId, name: row.name, slug: row.slug, kind: row.kind, rank });
    better(row.companyId, rank);
  }
  subjects.sort((a, b) => a.rank - b.rank);
  const companyIds = [...best].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  return { companyIds, subjects };
}

/** Documents of a word in search_fts: exact below PROBE, else estimated from the rowid of
 *  its PROBE-th newest (either way a walk of PROBE entries at most). */
function reviewFrequency(client: Client, top: number, word: string): number {
  const row = client
    .prepare<[string, number], { n: number; last: number | null }>(
      `SELECT count(*) AS n, min(rowid) AS last FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
    )
    .get(`"${word}"`, PROBE);
  if (!row || row.n < PROBE || row.last == null) return row?.n ?? 0;
  return (PROBE * top) / Math.max(1, top - row.last);
}

/** What FTS5's AND of words with these frequencies costs, in ms, when they never meet in a
 *  document: every other word's doclist is walked to each rowid of the rarest (FTS5 seeks;
 *  a seek costs at most about a page). The ratios were measured on the large data set. */
function andCostMs(frequencies: number[]): number {
  const [rarest = 0, ...others] = [...frequencies].sort((a, b) => a - b);
  return others.reduce((ns, f) => ns + rarest * Math.min(SEEK_NS, (ENTRY_NS * f) / Math.max(1, rarest)), 0) / 1e6;
}

export interface ReviewWordPlan {
  /** Matched together by FTS5 (the rarest words, while their AND stays cheap). */
  fts: string[];
  /** The others, rarest first, with their frequencies: intersected with the newest candidates. */
  rest: { word: string; frequency: number }[];
}

/** Which words FTS5 matches together and which are intersected after (see the top). */
export function planReviewWords(words: string[], frequency: (word: string) => number, andLimitMs = AND_LIMIT_MS): ReviewWordPlan {
  if (words.length < 2) return { fts: words, rest: [] };
  const byFrequency = words.map((word) => ({ word, frequency: frequency(word) })).sort((a, b) => a.frequency - b.frequency);
  const fts = [byFrequency[0]!];
  const rest: ReviewWordPlan["rest"] = [];
  for (const w of byFrequency.slice(1)) {
    if (rest.length === 0 && andCostMs([...fts, w].map((x) => x.frequency)) <= andLimitMs) fts.push(w);
    else rest.push(w);
  }
  return { fts: fts.map((x) => x.word), rest };
}

const ftsWords = (words: string[]) => {
  const query = toFtsQuery({ words, prefix: false });
  // The column filter costs a position check per row: only for a word the kind column holds.
  return words.some((w) => KIND_TOKENS.has(w)) ? `{title body}:(${query})` : query;
};

/** The newest reviews matching the FTS words (SCAN_LIMIT candidates at most) that are also
 *  among the newest documents of each further word, as many of those as should reach as far
 *  down as the candidates (a LIMIT, not a rowid bound, is what stops FTS5 early; a rowid
 *  bound does not). Partial (timedOut) when a LIMIT cut the search before enough were found. */
function intersectNewest(run: Run, client: Client, top: number, plan: ReviewWordPlan, filters: NameFilters) {
  if (run.spent()) return [];
  const candidates = client
    .prepare<[string, number], number>(`SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?`)
    .pluck()
    .all(ftsWords(plan.fts), SCAN_LIMIT);
  const lowest = candidates.at(-1);
  if (lowest == null || run.spent()) return [];
  let partial = candidates.length === SCAN_LIMIT;
  const limits = plan.rest.map(({ frequency }) => {
    const needed = Math.ceil((1.25 * frequency * (top - lowest)) / Math.max(1, top)) + 64;
    if (needed > REST_LIMIT) partial = true;
    return Math.min(needed, REST_LIMIT);
  });
  const category = inCategory(filters);
  // The intersection on rowids first, then the reviews of its newest REVIEW_CANDIDATES only
  // (all of them with a category filter, which may leave most out): a review row read from
  // a cold file costs a disk read, and the candidates are SCAN_LIMIT. json_each reads the
  // candidates in their order, newest first, so the LIMIT keeps the newest without a sort.
  const rows = client
    .prepare<unknown[], { id: number; title: string }>(
      `SELECT r.id, r.title
       FROM (SELECT j.value AS rowid FROM json_each(?) j
             WHERE j.value % 4 = 2
             ${plan.rest.map(() => `AND j.value IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`).join(" ")}
             LIMIT ?) m
       CROSS JOIN reviews r ON r.id = m.rowid / 4 CROSS JOIN companies c ON c.id = r.company_id
       WHERE r.status = 'published' ${category.sql}`,
    )
    .all(
      JSON.stringify(candidates),
      ...plan.rest.flatMap(({ word }, k) => [ftsWords([word]), limits[k]]),
      category.sql ? -1 : REVIEW_CANDIDATES,
      ...category.args,
    );
  if (partial && rows.length < REVIEW_CANDIDATES) run.partial();
  return rows.sort((a, b) => b.id - a.id).slice(0, REVIEW_CANDIDATES);
}

/** Review candidates newest first, whole words only (see the top of this file). */
function matchReviews(run: Run, client: Client, q: ParsedQuery, filters: ReviewFilters): { id: number; title: string }[] {
  if (run.spent()) return [];
  const top = 4 * (client.prepare<[], { id: number | null }>(`SELECT max(id) AS id FROM reviews`).get()?.id ?? 0) + 2;
  const plan = planReviewWords(q.words, (w) => reviewFrequency(client, top, w), filters.andLimitMs);
  if (plan.rest.length > 0) return intersectNewest(run, client, top, plan, filters);
  const category = inCategory(filters);
  return run.all(
    `SELECT r.id, r.title
     FROM search_fts CROSS JOIN reviews r ON r.id = search_fts.rowid / 4 CROSS JOIN companies c ON c.id = r.company_id
     WHERE search_fts MATCH ? AND search_deadline(?) AND search_fts.rowid % 4 = 2 AND r.status = 'published' ${category.sql}
     ORDER BY search_fts.rowid DESC LIMIT ?`,
    ftsWords(plan.fts),
    ...category.args,
    REVIEW_CANDIDATES,
  );
}

/** For the write-a-review finder: the companies whose name, or whose active subjects' name
 *  or city, match what was typed, best first, and the matching subjects, best first. */
export function findNames(db: Db, input: string, budgetMs = SEARCH_BUDGET_MS) {
  const q = parseQuery(input);
  if (!q) return { companyIds: [], subjects: [], timedOut: false };
  const run = budgeted(db.$client, budgetMs);
  return { ...matchNames(run, q, {}), timedOut: run.timedOut };
}

export interface SearchResult {
  companies: (CompanyListItem & { subjects: { name: string; slug: string; kind: string }[] })[];
  reviews: ReviewView[];
  /** The page shown (1 = the first) and whether another one follows. */
  page: number;
  hasMore: boolean;
  /** No word long enough to search for (see MIN_WORD_LENGTH): nothing was searched. */
  tooShort: boolean;
  /** The time budget ran out: the results are partial (maybe empty). */
  timedOut: boolean;
}

export function search(input: string, options: ReviewFilters & { page?: number; budgetMs?: number } = {}): SearchResult {
  const page = Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.floor(options.page ?? 1)));
  const q = parseQuery(input);
  if (!q) return { companies: [], reviews: [], page, hasMore: false, tooShort: true, timedOut: false };
  const client = getDb().$client;
  const run = budgeted(client, options.budgetMs ?? SEARCH_BUDGET_MS);

  const names = matchNames(run, q, options);
  const subjectsByCompany = new Map<number, SearchResult["companies"][number]["subjects"]>();
  for (const s of names.subjects) {
    const list = subjectsByCompany.get(s.companyId) ?? [];
    if (list.length < 5) list.push({ name: s.name, slug: s.slug, kind: s.kind });
    subjectsByCompany.set(s.companyId, list);
  }
  const { companies: perCompanies, reviews: perReviews } = SEARCH_PAGE_SIZE;
  const companyIds = names.companyIds.slice((page - 1) * perCompanies, page * perCompanies);
  const companies = getCompanyListItems(companyIds).map((c) => ({ ...c, subjects: subjectsByCompany.get(c.id) ?? [] }));

  // A subject kind asks for subjects only.
  const ranked = options.kind
    ? []
    : matchReviews(run, client, q, options)
        .map((r, order) => ({ id: r.id, rank: rankReview(r.title, q), order }))
        .sort((a, b) => a.rank - b.rank || a.order - b.order);
  const reviewIds = ranked.slice((page - 1) * perReviews, page * perReviews).map((r) => r.id);
  const hasMore = page < MAX_SEARCH_PAGE && (names.companyIds.length > page * perCompanies || ranked.length > page * perReviews);
  return { companies, reviews: getPublishedReviews(reviewIds), page, hasMore, tooShort: false, timedOut: run.timedOut };
}
