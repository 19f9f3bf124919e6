// The demo's records as table rows (column names as in db/schema.ts).
import { renderMarkdown } from "../../../app/lib/markdown.server";
import { CATEGORIES } from "../catalog";
import type { CompanyRec, DemoWorld, IdBase, Row, SubjectRec, UserRec } from "./types";

export function categoryRows(ids: IdBase): Row[] {
  return CATEGORIES.map((c, i) => ({
    id: ids.categories + i + 1,
    slug: c.slug,
    name_fr: c.nameFr,
    name_en: c.nameEn,
    position: i,
  }));
}

export const userRows = (users: UserRec[]): Row[] =>
  users.map((u) => ({
    id: u.id,
    email: u.email,
    email_verified_at: u.createdAt + 10 * 60_000,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    role: u.role,
    locale: u.locale,
    created_at: u.createdAt,
  }));

export function companyTables(companies: CompanyRec[], ids: IdBase) {
  const categoryId = new Map(CATEGORIES.map((c, i) => [c.slug, ids.categories + i + 1]));
  const companyRows: Row[] = companies.map((c) => ({
    id: c.id,
    slug: c.spec.slug,
    name: c.spec.name,
    legal_name: c.spec.legalName,
    domain: c.spec.domain,
    website: c.spec.website,
    description_fr: c.spec.descriptionFr,
    description_en: c.spec.descriptionEn,
    country: c.spec.country,
    color: c.spec.color,
    state: c.state,
    claimed_at: c.claimedAt,
    verified_at: c.verifiedAt,
    created_at: c.createdAt,
  }));
  const companyCategoryRows: Row[] = companies.flatMap((c) =>
    c.spec.categories.map((cat) => ({ company_id: c.id, category_id: categoryId.get(cat.slug)! })),
  );
  const memberRows: Row[] = companies.flatMap((c) =>
    c.members.map((m) => ({ company_id: c.id, user_id: m.user.id, role: m.role, created_at: c.verifiedAt ?? c.createdAt })),
  );
  return { companyRows, companyCategoryRows, memberRows };
}

export const subjectRows = (subjects: SubjectRec[]): Row[] =>
  subjects.map((s) => ({
    id: s.id,
    company_id: s.companyId,
    kind: s.spec.kind,
    slug: s.spec.slug,
    name: s.spec.name,
    address: s.spec.address,
    postal_code: s.spec.postalCode,
    city: s.spec.city,
    url: s.spec.url,
    state: s.state,
    suggested_by: s.suggestedBy,
    created_at: s.createdAt,
  }));

/** The reviews, and their versions: the earlier ones of an edited review, then the current one. */
export function reviewTables(w: DemoWorld) {
  const reviewRows: Row[] = [];
  const revisionRows: Row[] = [];
  let revisionId = w.ids.review_revisions;
  for (const r of w.reviews) {
    const wasPublished = r.status === "published" || r.status === "removed" || r.status === "deleted";
    reviewRows.push({
      id: r.id,
      subject_id: r.subject.id,
      company_id: r.company.id,
      author_id: r.author.id,
      stars: r.stars,
      title: r.title,
      body: r.body,
      body_html: renderMarkdown(r.body),
      language: r.language,
      experience_date: r.experienceDate,
      channel: r.channel,
      recommend: r.recommend,
      origin: r.origin,
      status: r.status,
      held_check: r.heldCheck,
      held_at: r.status === "held" ? r.at : null,
      published_at: wasPublished ? r.at : null,
      edited_at: r.editedAt,
      removed_at: r.removedAt,
      removal_reason: r.removalReason,
      deleted_at: r.deletedAt,
      under_review_since: r.underReviewSince,
      replied_at: r.repliedAt,
      resolved_at: r.resolvedAt,
      helpful_count: r.helpfulCount,
      created_at: r.at,
    });
    for (const v of r.previous) {
      revisionRows.push({
        id: ++revisionId,
        review_id: r.id,
        stars: v.stars,
        title: v.title,
        body: v.body,
        experience_date: r.experienceDate,
        channel: r.channel,
        recommend: v.recommend,
        created_at: v.at,
      });
    }
    revisionRows.push({
      id: ++revisionId,
      review_id: r.id,
      stars: r.stars,
      title: r.title,
      body: r.body,
      experience_date: r.experienceDate,
      channel: r.channel,
      recommend: r.recommend,
      created_at: r.editedAt ?? r.at,
    });
  }
  return { reviewRows, revisionRows };
}
