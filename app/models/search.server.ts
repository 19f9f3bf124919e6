// Search over companies, subjects and review text (SQLite FTS5, accent- and
// case-insensitive), at a cost bounded whatever the query (SQLite calls are synchronous:
// a slow search holds every other request of the process):
// - the query: words of one character are ignored, words shorter than MIN_PREFIX_LENGTH
//   match a whole token, at most MAX_WORDS words; a longer last word is a prefix in the
//   names (companies, subjects: what one types a name into) but not in the review text,
//   where a prefix of four characters or more is the costliest part of a search (below);
// - one statement per kind, which scans search_fts once (it is the outer loop, CROSS JOIN
//   keeps it there) in rowid order, newest first, and stops after a fixed number of
//   candidates: FTS5 walks its doclists in rowid order, so nothing reads or sorts every
//   match. The candidates are ranked here (rankName, rankReview). bm25() is not used:
//   to weigh its terms it reads the whole doclist of every phrase of the query on its
//   first call, whatever the LIMIT (100–250 ms per statement for a common word on 2 M
//   reviews, which no row check can interrupt);
// - a hard time budget, SEARCH_BUDGET_MS: search_deadline(), evaluated for every
//   candidate row, throws once the deadline has passed, which aborts the statement, and
//   no statement starts after it; the search then returns what it has, with `timedOut`
//   (better-sqlite3 12 has neither a progress handler nor interrupt()). What no row check
//   can interrupt, so a search may overrun by one statement's worth of it: FTS5's work
//   before a row comes out, mostly the set-up of a prefix of four characters or more
//   (FTS5 merges the doclists of every matching token; ≈ 40–70 ms for "serv" or "comm" on
//   2 M reviews; the table has prefix indexes for 2 and 3 characters only), and the few
//   lookups by id after the scans.
import { getDb, type Db } from "#db/client.server";
import type { SUBJECT_KINDS } from "#db/schema";
import { getCompanyListItems, type CompanyListItem } from "./companies.server";
import { getPublishedReviews, type ReviewView } from "./reviews.server";

/** Hard time budget of one search (every statement it runs), in milliseconds. */
export const SEARCH_BUDGET_MS = 250;
/** Shorter words are ignored ("a", "à", the "l" of "l'atelier"): they match nearly everything. */
export const MIN_WORD_LENGTH = 2;
/** Shorter words match a whole token only, never as a prefix. */
export const MIN_PREFIX_LENGTH = 3;
/** Further words are dropped: each one is one more doclist for FTS5 to walk. */
export const MAX_WORDS = 6;
/** Rows read from search_fts per kind, newest first, before ranking. */
const CANDIDATES = { company: 200, subject: 400, review: 200 };
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
  const words = [...new Set(tokens(input).filter((w) => length(w) >= MIN_WORD_LENGTH))].slice(0, MAX_WORDS);
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
  return {
    get timedOut() {
      return state.timedOut;
    },
    /** The rows, or none once the budget has run out (before or during this statement). */
    all<Row>(sql: string, match: string, ...params: unknown[]): Row[] {
      if (state.timedOut || Date.now() >= deadline) {
        state.timedOut = true;
        return [];
      }
      try {
        return client.prepare<unknown[], Row>(sql).all(match, deadline, ...params);
      } catch (error) {
        // Matched by message: the server and the Remix bundle each hold a copy of this module.
        if (!(error instanceof Error && error.message === TIMED_OUT)) throw error;
        state.timedOut = true;
        return [];
      }
    },
  };
}
type Run = ReturnType<typeof budgeted>;

interface NameFilters {
  category?: string;
  kind?: SubjectKind;
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

/** Companies matching by their own name or text or by one of their active subjects', best
 *  first, and the matching subjects, best first. A subject kind leaves companies out. */
function matchNames(run: Run, q: ParsedQuery, filters: NameFilters) {
  const terms = `{title body}:(${toFtsQuery(q)})`;
  const category = inCategory(filters);
  const companies = filters.kind
    ? []
    : run.all<{ id: number; name: string }>(
        `SELECT c.id, c.name FROM search_fts CROSS JOIN companies c ON c.id = search_fts.rowid / 4
         WHERE search_fts MATCH ? AND search_deadline(?) ${category.sql}
         ORDER BY search_fts.rowid DESC LIMIT ?`,
        `kind:company AND ${terms}`,
        ...category.args,
        CANDIDATES.company,
      );
  const subjects = run
    .all<SubjectHit>(
      `SELECT s.id, s.company_id AS companyId, s.name, s.slug, s.kind
       FROM search_fts CROSS JOIN subjects s ON s.id = search_fts.rowid / 4 CROSS JOIN companies c ON c.id = s.company_id
       WHERE search_fts MATCH ? AND search_deadline(?) AND s.state = 'active' ${filters.kind ? "AND s.kind = ?" : ""} ${category.sql}
       ORDER BY search_fts.rowid DESC LIMIT ?`,
      `kind:subject AND ${terms}`,
      ...(filters.kind ? [filters.kind] : []),
      ...category.args,
      CANDIDATES.subject,
    )
    .map((s) => ({ ...s, rank: rankName(s.name, q) }))
    .sort((a, b) => a.rank - b.rank);

  // A company ranks by its best hit: its own name, or one of its subjects'.
  const best = new Map<number, number>();
  for (const c of companies) best.set(c.id, rankName(c.name, q));
  for (const s of subjects) best.set(s.companyId, Math.min(best.get(s.companyId) ?? Infinity, s.rank));
  const companyIds = [...best].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  return { companyIds, subjects };
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
  /** No word long enough to search for (see MIN_WORD_LENGTH): nothing was searched. */
  tooShort: boolean;
  /** The time budget ran out: the results are partial (maybe empty). */
  timedOut: boolean;
}

export function search(input: string, options: NameFilters & { limit?: number; budgetMs?: number } = {}): SearchResult {
  const q = parseQuery(input);
  if (!q) return { companies: [], reviews: [], tooShort: true, timedOut: false };
  const client = getDb().$client;
  const run = budgeted(client, options.budgetMs ?? SEARCH_BUDGET_MS);
  const limit = options.limit ?? 20;

  const names = matchNames(run, q, options);
  const subjectsByCompany = new Map<number, SearchResult["companies"][number]["subjects"]>();
  for (const s of names.subjects) {
    const list = subjectsByCompany.get(s.companyId) ?? [];
    if (list.length < 5) list.push({ name: s.name, slug: s.slug, kind: s.kind });
    subjectsByCompany.set(s.companyId, list);
  }
  const companies = getCompanyListItems(names.companyIds.slice(0, limit)).map((c) => ({
    ...c,
    subjects: subjectsByCompany.get(c.id) ?? [],
  }));

  const category = inCategory(options);
  // Whole words only in the review text (see the top of this file).
  const reviewIds = options.kind
    ? []
    : run
        .all<{ id: number; title: string }>(
          `SELECT r.id, r.title
           FROM search_fts CROSS JOIN reviews r ON r.id = search_fts.rowid / 4 CROSS JOIN companies c ON c.id = r.company_id
           WHERE search_fts MATCH ? AND search_deadline(?) AND r.status = 'published' ${category.sql}
           ORDER BY search_fts.rowid DESC LIMIT ?`,
          `kind:review AND {title body}:(${toFtsQuery({ ...q, prefix: false })})`,
          ...category.args,
          CANDIDATES.review,
        )
        .map((r) => ({ id: r.id, rank: rankReview(r.title, q) }))
        .sort((a, b) => a.rank - b.rank)
        .slice(0, 10)
        .map((r) => r.id);

  return { companies, reviews: getPublishedReviews(reviewIds), tooShort: false, timedOut: run.timedOut };
}
