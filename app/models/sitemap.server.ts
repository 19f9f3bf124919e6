import { getDb } from "#db/client.server";

/** Company ids per sitemap file (the protocol allows 50 000 URLs per file). */
export const SITEMAP_PAGE_SIZE = 40_000;

export function countSitemapPages(): number {
  const { maxId } = getDb().$client.prepare<[], { maxId: number }>(`SELECT coalesce(max(id), 0) AS maxId FROM companies`).get()!;
  return Math.max(1, Math.ceil(maxId / SITEMAP_PAGE_SIZE));
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
