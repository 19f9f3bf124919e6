// Search over companies, subjects and review text (SQLite FTS5, accent- and
// case-insensitive, ranked by bm25 with the name weighing most).
import { getDb } from "#db/client.server";
import type { SUBJECT_KINDS } from "#db/schema";
import { getCompanyListItems, type CompanyListItem } from "./companies.server";
import { getPublishedReviews, type ReviewView } from "./reviews.server";

/** Turns what a visitor typed into an FTS5 query: every word must match, the last as a prefix. */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize("NFC")
    .match(/[\p{L}\p{N}]+/gu)
    ?.slice(0, 8);
  if (!words || words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? "*" : ""}`).join(" ");
}

export interface SearchResult {
  companies: (CompanyListItem & { subjects: { name: string; slug: string; kind: string }[] })[];
  reviews: ReviewView[];
}

export function search(
  input: string,
  options: { category?: string; kind?: (typeof SUBJECT_KINDS)[number]; limit?: number } = {},
): SearchResult {
  const terms = toFtsQuery(input);
  if (!terms) return { companies: [], reviews: [] };
  const client = getDb().$client;
  const limit = options.limit ?? 20;
  const inKind = (kind: string) => `kind:${kind} AND {title body}:(${terms})`;
  // Weights: kind 0, title 10, body 1.
  const rank = "bm25(search_fts, 0.0, 10.0, 1.0)";

  const categoryFilter = options.category
    ? `AND c.id IN (SELECT company_id FROM company_categories cc JOIN categories k ON k.id = cc.category_id WHERE k.slug = ?)`
    : "";
  const categoryArgs = options.category ? [options.category] : [];

  const companyHits = options.kind
    ? []
    : (client
        .prepare(
          `SELECT c.id, m.score FROM (
             SELECT rowid / 4 AS id, ${rank} AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score LIMIT 100
           ) m JOIN companies c ON c.id = m.id WHERE 1 ${categoryFilter}`,
        )
        .all(inKind("company"), ...categoryArgs) as { id: number; score: number }[]);

  const subjectHits = client
    .prepare(
      `SELECT s.company_id AS companyId, s.name, s.slug, s.kind, m.score FROM (
         SELECT (rowid - 1) / 4 AS id, ${rank} AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score LIMIT 200
       ) m JOIN subjects s ON s.id = m.id JOIN companies c ON c.id = s.company_id
       WHERE s.state = 'active' ${options.kind ? "AND s.kind = ?" : ""} ${categoryFilter}`,
    )
    .all(inKind("subject"), ...(options.kind ? [options.kind] : []), ...categoryArgs) as {
    companyId: number;
    name: string;
    slug: string;
    kind: string;
    score: number;
  }[];

  // A company ranks by its best hit, its own name or one of its subjects'.
  const best = new Map<number, number>();
  for (const h of companyHits) best.set(h.id, Math.min(best.get(h.id) ?? 0, h.score));
  const subjectsByCompany = new Map<number, SearchResult["companies"][number]["subjects"]>();
  for (const h of subjectHits) {
    best.set(h.companyId, Math.min(best.get(h.companyId) ?? 0, h.score));
    const list = subjectsByCompany.get(h.companyId) ?? [];
    if (list.length < 5) list.push({ name: h.name, slug: h.slug, kind: h.kind });
    subjectsByCompany.set(h.companyId, list);
  }
  const companyIds = [...best.entries()].sort((a, b) => a[1] - b[1]).slice(0, limit).map(([id]) => id);
  const companies = getCompanyListItems(companyIds).map((c) => ({ ...c, subjects: subjectsByCompany.get(c.id) ?? [] }));

  const reviewIds = options.kind
    ? []
    : (
        client
          .prepare(
            `SELECT m.id FROM (
               SELECT (rowid - 2) / 4 AS id, ${rank} AS score FROM search_fts WHERE search_fts MATCH ? ORDER BY score LIMIT 50
             ) m JOIN reviews r ON r.id = m.id JOIN companies c ON c.id = r.company_id
             WHERE r.status = 'published' ${categoryFilter} ORDER BY m.score LIMIT 10`,
          )
          .all(inKind("review"), ...categoryArgs) as { id: number }[]
      ).map((r) => r.id);

  return { companies, reviews: getPublishedReviews(reviewIds) };
}
