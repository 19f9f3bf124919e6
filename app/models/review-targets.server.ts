// What a reviewer can review: companies and their active subjects, found by name as they
// type (/write-a-review), or one company's list (from its page's "write a review").
// Only active subjects are offered: not a store its company closed, nor a suggestion still
// waiting for a moderator (createReview, review-submission.server.ts, refuses them again).
import { getDb, type Db } from "#db/client.server";
import { findNames } from "./search.server";

export interface TargetSubject {
  id: number;
  name: string;
  kind: string;
  city: string | null;
}

export interface TargetCompany {
  id: number;
  slug: string;
  name: string;
  domain: string | null;
  subjects: TargetSubject[];
}

const SUBJECTS_PER_COMPANY = 12;

function subjectsOf(db: Db, companyIds: number[]): Map<number, TargetSubject[]> {
  const out = new Map<number, TargetSubject[]>();
  if (companyIds.length === 0) return out;
  const rows = db.$client
    .prepare<[companyIdsJson: string], TargetSubject & { companyId: number }>(
      `SELECT id, company_id AS companyId, name, kind, city FROM subjects
       WHERE state = 'active' AND company_id IN (SELECT value FROM json_each(?))
       ORDER BY company_id, kind, name`,
    )
    .all(JSON.stringify(companyIds));
  for (const { companyId, ...s } of rows) {
    const list = out.get(companyId) ?? [];
    list.push(s);
    out.set(companyId, list);
  }
  return out;
}

/** Companies matching what was typed (their name, or one of their subjects'), best first,
 *  each with its subjects (the matching ones first). */
export function findReviewTargets(query: string, limit = 8): TargetCompany[] {
  const db = getDb();
  // Same matching, ranking and time budget as /search (a partial list when it runs out).
  const hits = findNames(db, query);
  const matchedSubjects = new Set(hits.subjects.map((s) => s.id));
  const ids = hits.companyIds.slice(0, limit);
  if (ids.length === 0) return [];
  const companies = db.$client
    .prepare<[companyIdsJson: string], Omit<TargetCompany, "subjects">>(
      `SELECT id, slug, name, domain FROM companies WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  const byId = new Map(companies.map((c) => [c.id, c]));
  const subjects = subjectsOf(db, ids);
  return ids
    .map((id) => byId.get(id))
    .filter((c): c is Omit<TargetCompany, "subjects"> => c != null)
    .map((c) => {
      const all = subjects.get(c.id) ?? [];
      const sorted = [...all.filter((s) => matchedSubjects.has(s.id)), ...all.filter((s) => !matchedSubjects.has(s.id))];
      return { ...c, subjects: sorted.slice(0, SUBJECTS_PER_COMPANY) };
    });
}

/** One listed company and all its active subjects (a company a reviewer added is reviewed
 *  through its own first subject until a moderator lists it). */
export function getCompanyTargets(slug: string): TargetCompany | null {
  const db = getDb();
  const company = db.$client
    .prepare<[slug: string], Omit<TargetCompany, "subjects">>(
      `SELECT id, slug, name, domain FROM companies WHERE slug = ? AND listing = 'listed'`,
    )
    .get(slug);
  if (!company) return null;
  const subjects = db.$client
    .prepare<[companyId: number], TargetSubject>(
      `SELECT id, name, kind, city FROM subjects WHERE company_id = ? AND state = 'active' ORDER BY kind, name`,
    )
    .all(company.id);
  return { ...company, subjects };
}
