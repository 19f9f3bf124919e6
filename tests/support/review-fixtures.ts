// Minimal rows for review tests, inserted with plain SQL (no dependency on the seed).
import { getDb } from "#db/client.server";

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export function db() {
  return getDb();
}

export function createUser(opts: { email?: string; displayName?: string; role?: "member" | "moderator" | "admin" } = {}) {
  const id = next();
  const row = getDb()
    .$client.prepare(`INSERT INTO users (email, display_name, role, email_verified_at) VALUES (?, ?, ?, ?) RETURNING id`)
    .get(opts.email ?? `user-${id}@example.net`, opts.displayName ?? `User ${id}`, opts.role ?? "member", Date.now()) as {
    id: number;
  };
  return row.id;
}

export function createCompany(opts: { name?: string; domain?: string | null } = {}) {
  const id = next();
  const row = getDb()
    .$client.prepare(`INSERT INTO companies (slug, name, domain, state) VALUES (?, ?, ?, 'verified') RETURNING id`)
    .get(`company-${id}`, opts.name ?? `Company ${id}`, opts.domain === undefined ? `company-${id}.example` : opts.domain) as {
    id: number;
  };
  return row.id;
}

export function createSubject(
  companyId: number,
  opts: { name?: string; kind?: "store" | "website" | "product" | "service"; state?: "active" | "pending" } = {},
) {
  const id = next();
  const row = getDb()
    .$client.prepare(`INSERT INTO subjects (company_id, kind, slug, name, state) VALUES (?, ?, ?, ?, ?) RETURNING id`)
    .get(companyId, opts.kind ?? "store", `subject-${id}`, opts.name ?? `Store ${id}`, opts.state ?? "active") as { id: number };
  return row.id;
}

export function addMember(companyId: number, userId: number, role: "owner" | "agent" = "agent") {
  getDb().$client.prepare(`INSERT INTO company_members (company_id, user_id, role) VALUES (?, ?, ?)`).run(companyId, userId, role);
}

/** A review row written directly (for checks that look at other reviews). */
export function insertReview(opts: {
  subjectId: number;
  companyId: number;
  authorId: number | null;
  stars?: number;
  title?: string;
  body?: string;
  status?: "pending" | "held" | "published" | "removed" | "deleted";
  createdAt?: number;
  ipHash?: string | null;
}) {
  const now = opts.createdAt ?? Date.now();
  const row = getDb()
    .$client.prepare(
      `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date,
         channel, status, published_at, ip_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '', 'fr', '2024-01-01', 'store', ?, ?, ?, ?) RETURNING id`,
    )
    .get(
      opts.subjectId,
      opts.companyId,
      opts.authorId,
      opts.stars ?? 4,
      opts.title ?? "A title",
      opts.body ?? "A body",
      opts.status ?? "published",
      (opts.status ?? "published") === "published" ? now : null,
      opts.ipHash ?? null,
      now,
    ) as { id: number };
  return row.id;
}
