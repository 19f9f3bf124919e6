import { getDb } from "#db/client.server";

/** Ids per sitemap file, so at most this many URLs in it (the protocol allows 50 000). */
export const SITEMAP_PAGE_SIZE = 40_000;

/** The kinds of public page listed by the sitemaps, one series of files each. */
export const SITEMAP_KINDS = ["companies", "subjects", "reviews", "users"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export function isSitemapKind(value: unknown): value is SitemapKind {
  return typeof value === "string" && (SITEMAP_KINDS as readonly string[]).includes(value);
}

/** One URL of a sitemap file: the page's path and when it last changed (ms), if known. */
export interface SitemapEntry {
  path: string;
  lastmod: number | null;
}

const TABLES: Record<SitemapKind, string> = { companies: "companies", subjects: "subjects", reviews: "reviews", users: "users" };

/** File n of a kind covers the ids ((n − 1) × SITEMAP_PAGE_SIZE, n × SITEMAP_PAGE_SIZE]: a
 *  range scan of the primary key, never OFFSET, each file built on its own. */
export function countSitemapPages(kind: SitemapKind = "companies"): number {
  const { maxId } = getDb().$client.prepare<[], { maxId: number }>(`SELECT coalesce(max(id), 0) AS maxId FROM ${TABLES[kind]}`).get()!;
  return Math.max(1, Math.ceil(maxId / SITEMAP_PAGE_SIZE));
}

type Range = [fromId: number, toId: number];

// Only what a visitor may read and a search engine may index: listed companies (not the
// ones a reviewer added and no moderator checked yet, nor refused ones), their active
// subjects, their published reviews, and the profiles of members with a published review.
const QUERIES: Record<Exclude<SitemapKind, "companies">, string> = {
  subjects: `SELECT '/companies/' || c.slug || '/' || s.slug AS path,
                    (SELECT r.published_at FROM reviews r WHERE r.subject_id = s.id AND r.status = 'published'
                     ORDER BY r.published_at DESC LIMIT 1) AS lastmod
             FROM subjects s JOIN companies c ON c.id = s.company_id
             WHERE s.id > ? AND s.id <= ? AND s.state = 'active' AND c.listing = 'listed' ORDER BY s.id`,
  reviews: `SELECT '/reviews/' || r.id AS path,
                   max(r.published_at, coalesce(r.edited_at, 0), coalesce(r.replied_at, 0)) AS lastmod
            FROM reviews r JOIN companies c ON c.id = r.company_id
            WHERE r.id > ? AND r.id <= ? AND r.status = 'published' AND c.listing = 'listed' ORDER BY r.id`,
  users: `SELECT '/users/' || u.id AS path,
                 (SELECT max(r.published_at) FROM reviews r WHERE r.author_id = u.id AND r.status = 'published') AS lastmod
          FROM users u
          WHERE u.id > ? AND u.id <= ? AND u.deleted_at IS NULL AND u.review_count > 0 ORDER BY u.id`,
};

/** The URLs of file `page` of a kind (see countSitemapPages). */
export function sitemapEntries(kind: SitemapKind, page: number): SitemapEntry[] {
  const range: Range = [(page - 1) * SITEMAP_PAGE_SIZE, page * SITEMAP_PAGE_SIZE];
  if (kind === "companies") {
    return sitemapCompanies(page).map((c) => ({ path: `/companies/${encodeURIComponent(c.slug)}`, lastmod: c.lastReviewAt }));
  }
  const rows = getDb()
    .$client.prepare<Range, SitemapEntry>(QUERIES[kind])
    .all(...range);
  return rows.map((row) => ({ ...row, path: encodeURI(row.path) }));
}

/** Page n lists the companies whose ids fall in its block: a range scan, no OFFSET. Not the
 *  ones added by a reviewer and not yet checked, nor refused ones (companies.listing). */
export function sitemapCompanies(page: number): { slug: string; lastReviewAt: number | null }[] {
  return getDb()
    .$client.prepare<[fromId: number, toId: number], { slug: string; lastReviewAt: number | null }>(
      `SELECT slug, last_review_at AS lastReviewAt FROM companies WHERE id > ? AND id <= ? AND listing = 'listed' ORDER BY id`,
    )
    .all((page - 1) * SITEMAP_PAGE_SIZE, page * SITEMAP_PAGE_SIZE);
}
