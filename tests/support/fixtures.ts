// Small, explicit test data built through the same counter functions the app uses.
import { getDb } from "#db/client.server";
import { countReply, countReview, type CountedReview } from "~/models/stats.server";

let sequence = 0;
const next = () => ++sequence;

export function makeUser(overrides: { email?: string; displayName?: string; role?: "member" | "moderator" | "admin" } = {}) {
  const n = next();
  const row = getDb()
    .$client.prepare(`INSERT INTO users (email, display_name, role, email_verified_at) VALUES (?, ?, ?, ?) RETURNING id`)
    .get(overrides.email ?? `user${n}@example.test`, overrides.displayName ?? `User ${n}`, overrides.role ?? "member", Date.now()) as {
    id: number;
  };
  return row.id;
}

export function makeCompany(
  overrides: { name?: string; slug?: string; state?: "unclaimed" | "claimed" | "verified"; domain?: string } = {},
) {
  const n = next();
  const client = getDb().$client;
  const name = overrides.name ?? `Company ${n}`;
  const { id } = client
    .prepare(`INSERT INTO companies (slug, name, state, domain) VALUES (?, ?, ?, ?) RETURNING id`)
    .get(overrides.slug ?? `company-${n}`, name, overrides.state ?? "verified", overrides.domain ?? null) as { id: number };
  const subjectId = makeSubject(id, { name: `${name} — Paris` });
  return { id, subjectId };
}

export function makeSubject(
  companyId: number,
  overrides: { name?: string; kind?: "store" | "website" | "product" | "service"; city?: string } = {},
) {
  const n = next();
  return (
    getDb()
      .$client.prepare(`INSERT INTO subjects (company_id, kind, slug, name, city) VALUES (?, ?, ?, ?, ?) RETURNING id`)
      .get(companyId, overrides.kind ?? "store", `subject-${n}`, overrides.name ?? `Subject ${n}`, overrides.city ?? "Paris") as {
      id: number;
    }
  ).id;
}

export interface ReviewFixture {
  companyId: number;
  subjectId: number;
  authorId: number | null;
  stars: number;
  title?: string;
  body?: string;
  status?: "published" | "held" | "removed" | "deleted";
  origin?: "organic" | "invited" | "verified";
  recommend?: boolean | null;
  publishedAt?: number;
  channel?: string;
  language?: "fr" | "en";
}

/** Inserts a review and, when published, counts it, as the write model does. */
export function makeReview(r: ReviewFixture) {
  const client = getDb().$client;
  const status = r.status ?? "published";
  const publishedAt = status === "held" ? null : (r.publishedAt ?? Date.now());
  const title = r.title ?? `Review ${next()}`;
  const body = r.body ?? "Une expérience correcte, rien à signaler.";
  return getDb().transaction(() => {
    const { id } = client
      .prepare(
        `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language,
           experience_date, channel, recommend, origin, status, published_at, removed_at, removal_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        r.subjectId,
        r.companyId,
        r.authorId,
        r.stars,
        title,
        body,
        `<p>${body}</p>`,
        r.language ?? "fr",
        new Date((publishedAt ?? Date.now()) - 3 * 86_400_000).toISOString().slice(0, 10),
        r.channel ?? "store",
        r.recommend == null ? null : r.recommend ? 1 : 0,
        r.origin ?? "organic",
        status,
        publishedAt,
        status === "removed" ? Date.now() : null,
        status === "removed" ? "offensive" : null,
      ) as { id: number };
    if (status === "published") countReview(getDb(), countedFacts(r, publishedAt!), 1);
    return id;
  });
}

function countedFacts(r: ReviewFixture, publishedAt: number): CountedReview {
  return {
    companyId: r.companyId,
    subjectId: r.subjectId,
    authorId: r.authorId,
    origin: r.origin ?? "organic",
    stars: r.stars,
    recommend: r.recommend ?? null,
    publishedAt,
    replyPublishedAt: null,
    resolvedAt: null,
  };
}

/** Publishes a company reply on a published review and counts it. */
export function makeReply(reviewId: number, body = "Merci pour votre retour, nous regardons cela.", publishedAt = Date.now()) {
  const client = getDb().$client;
  const review = client
    .prepare(
      `SELECT company_id AS companyId, subject_id AS subjectId, author_id AS authorId, origin, stars, recommend,
              published_at AS publishedAt, resolved_at AS resolvedAt FROM reviews WHERE id = ?`,
    )
    .get(reviewId) as CountedReview & { recommend: number | null };
  return getDb().transaction(() => {
    const { id } = client
      .prepare(`INSERT INTO replies (review_id, company_id, body, body_html, published_at) VALUES (?, ?, ?, ?, ?) RETURNING id`)
      .get(reviewId, review.companyId, body, `<p>${body}</p>`, publishedAt) as { id: number };
    client.prepare(`UPDATE reviews SET replied_at = ? WHERE id = ?`).run(publishedAt, reviewId);
    countReply(getDb(), { ...review, recommend: review.recommend == null ? null : review.recommend === 1 }, publishedAt, 1);
    return id;
  });
}
