// The data versions the page cache checks before it serves a copy (app/lib/page-cache.server.ts).
// They live in SQLite (table data_versions, db/migrations/0015_page_cache_versions.sql) and
// are bumped by triggers in the same statement as every write a public page shows, in
// whichever process wrote: scope 0 is the site, scope N company N. Read here, never written.
import { getDb, type Db } from "#db/client.server";
import type { PageScope } from "~/lib/page-cache-routes";

type Client = Db["$client"];

function statements(client: Client) {
  return {
    site: client.prepare<[], { site: number }>(`SELECT coalesce((SELECT version FROM data_versions WHERE scope = 0), 0) AS site`),
    company: client.prepare<[string], { site: number; companyId: number | null; version: number }>(
      `SELECT coalesce((SELECT version FROM data_versions WHERE scope = 0), 0) AS site, c.id AS companyId,
              coalesce(v.version, 0) AS version
       FROM (SELECT 1) LEFT JOIN companies c ON c.slug = ? LEFT JOIN data_versions v ON v.scope = c.id`,
    ),
    review: client.prepare<[number], { site: number; companyId: number | null; version: number }>(
      `SELECT coalesce((SELECT version FROM data_versions WHERE scope = 0), 0) AS site, r.company_id AS companyId,
              coalesce(v.version, 0) AS version
       FROM (SELECT 1) LEFT JOIN reviews r ON r.id = ? LEFT JOIN data_versions v ON v.scope = r.company_id`,
    ),
  };
}

// Prepared once per connection: this runs on every anonymous request.
const prepared = new WeakMap<Client, ReturnType<typeof statements>>();

/**
 * A token that changes whenever a write may have changed the page: `c<company>.<version>`
 * for a page of one company (its company, subject and review pages), `s<version>` for every
 * other page, and for a company or review that does not exist (the site's version moves with
 * every write, a company's included). One read, by primary key or unique index.
 */
export function pageVersion(scope: PageScope, db: Db = getDb()): string {
  let s = prepared.get(db.$client);
  if (!s) {
    s = statements(db.$client);
    prepared.set(db.$client, s);
  }
  if (scope.kind === "site") return `s${s.site.get()?.site ?? 0}`;
  const row = scope.kind === "company" ? s.company.get(scope.slug) : s.review.get(scope.id);
  if (!row) return `s${s.site.get()?.site ?? 0}`;
  return row.companyId == null ? `s${row.site}` : `c${row.companyId}.${row.version}`;
}
