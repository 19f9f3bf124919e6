// Companies a reviewer adds (/write-a-review/new): a company the site does not list, added
// with what was experienced there and the review, in one transaction.
//
//   addCompanyWithReview  the review-submission path of a suggested subject
//                         (createReviewWithSuggestedSubject), whose company is written inside
//                         the same BEGIN IMMEDIATE transaction: unclaimed, `listing` 'pending',
//                         `suggested_by` the reviewer, a unique slug, its category, a
//                         company_created event. The subject is pending and the review waits
//                         with it (status 'pending'), so the company waits in the moderators'
//                         suggestions queue (app/models/moderation-queues.server.ts: the first
//                         subject of a company a reviewer added is the company's case).
//                         Refused, nothing is written: a company already listed (or waiting)
//                         with the same domain, or the same normalised name (slugify) with a
//                         subject in the same city; past the daily limit per reviewer; or when
//                         an automatic check refuses the review.
//   addedCompanyFacts     what a moderator sees of such a company on its case page.
//
// A moderator's acceptance lists it (and publishes the review); a refusal hides it from every
// public page, and the review is not published (decideSuggestion).
import { and, asc, eq, gte, inArray, isNotNull, lt, ne, or } from "drizzle-orm";
import { getDb, type Db } from "#db/client.server";
import { categories, companies, companyCategories, companyEvents, reviews, subjects, type COMPANY_LISTINGS } from "#db/schema";
import type { AddCompanyInput } from "~/lib/add-company-form";
import { companyDomainFrom } from "~/lib/company-domain";
import type { ReviewInput, SuggestionInput } from "~/lib/review-schema";
import { slugify } from "~/lib/slug";
import { uniqueCompanySlug, websiteUrl } from "./company-claims.server";
import { hit, type RateLimit } from "./rate-limit.server";
import { createReviewWithSuggestedSubject, type CreateReviewArgs, type WriteFailure, type WriteSuccess } from "./review-submission.server";

const DAY = 24 * 60 * 60_000;

/** Companies one reviewer adds per day. Only an addition that is written counts: a duplicate,
 *  a refused review or a wrong category gives the attempt back (the count is in the same
 *  transaction, rolled back with it). */
export const ADD_COMPANY_LIMITS = {
  perUser: { limit: 3, windowMs: DAY },
} as const satisfies Record<string, RateLimit>;

const SUBJECT_NAME_MAX_LENGTH = 120;

type Listing = (typeof COMPANY_LISTINGS)[number];

/** A company that is already there: listed, or added by a reviewer and waiting. */
export interface ExistingCompany {
  slug: string;
  name: string;
  listing: Listing;
  createdAt: number;
  /** How it matched: the same domain, or the same normalised name with a subject in the same city. */
  match: "domain" | "name_city";
  /** When the reviewer added it themselves and their review waits with it: that review. */
  ownReviewId: number | null;
}

export type AddCompanyResult =
  | (WriteSuccess & { companyId: number; slug: string })
  | { ok: false; kind: "duplicate"; company: ExistingCompany }
  | { ok: false; kind: "unknown_category" }
  | { ok: false; kind: "website"; problem: "invalid" | "free_mail" }
  | { ok: false; kind: "rate_limited"; retryAfter: number }
  | WriteFailure;

type Refusal = Extract<AddCompanyResult, { kind: "duplicate" | "unknown_category" | "rate_limited" }>;

/** Thrown inside the transaction: nothing is written, the caller gets `result`. */
class AddCompanyRefused extends Error {
  constructor(public result: Refusal) {
    super("company not added");
  }
}

export interface AddCompanyArgs extends Omit<CreateReviewArgs, "subjectId" | "input"> {
  company: AddCompanyInput;
  input: ReviewInput;
}

/** Adds the company, its first subject and the review (see the top of this file). */
export function addCompanyWithReview(args: AddCompanyArgs): AddCompanyResult {
  const now = args.now ?? Date.now();
  const { company, ...review } = args;
  let domain: string | null = null;
  if (company.website) {
    const parsed = companyDomainFrom(company.website);
    if ("problem" in parsed) return { ok: false, kind: "website", problem: parsed.problem };
    domain = parsed.domain;
  }
  const website = company.website && domain ? websiteUrl(company.website, domain) : null;
  const made: { company?: { id: number; slug: string } } = {};
  try {
    const result = createReviewWithSuggestedSubject({
      ...review,
      now,
      suggestion: firstSubject(company, domain, website),
      companyId: (db, at) => {
        made.company = insertCompany(db, { actorId: args.actor.id, company, domain, website }, at);
        return made.company.id;
      },
    });
    if (!result.ok) return result;
    if (!made.company) throw new Error("addCompanyWithReview: the company was not written");
    return { ...result, companyId: made.company.id, slug: made.company.slug };
  } catch (error) {
    if (error instanceof AddCompanyRefused) return error.result;
    throw error;
  }
}

/** What is reviewed: named by the reviewer, or after the company (and its city, for a
 *  store; the domain, for a website). */
function firstSubject(c: AddCompanyInput, domain: string | null, website: string | null): SuggestionInput {
  const fallback = c.kind === "website" && domain ? domain : c.kind === "store" && c.city ? `${c.companyName} — ${c.city}` : c.companyName;
  return {
    kind: c.kind,
    name: (c.name ?? fallback).slice(0, SUBJECT_NAME_MAX_LENGTH),
    city: c.city,
    address: c.kind === "store" ? c.address : undefined,
    url: c.kind === "website" && website ? website : undefined,
  };
}

/** The company's writes, inside the review's transaction; throws AddCompanyRefused. */
function insertCompany(
  db: Db,
  args: { actorId: number; company: AddCompanyInput; domain: string | null; website: string | null },
  now: number,
): { id: number; slug: string } {
  const { company, domain } = args;
  // Under the write lock: a second request at the same time finds the first one's company.
  const existing = findExistingCompany(db, { domain, name: company.companyName, city: company.city ?? null }, args.actorId);
  if (existing) throw new AddCompanyRefused({ ok: false, kind: "duplicate", company: existing });
  const limit = hit(`company-add:user:${args.actorId}`, ADD_COMPANY_LIMITS.perUser, now, db);
  if (!limit.allowed) throw new AddCompanyRefused({ ok: false, kind: "rate_limited", retryAfter: limit.retryAfter });
  const category = db.select({ id: categories.id }).from(categories).where(eq(categories.id, company.category)).get();
  if (!category) throw new AddCompanyRefused({ ok: false, kind: "unknown_category" });

  const slug = uniqueCompanySlug(db, company.companyName, domain ?? "");
  const { id } = db
    .insert(companies)
    .values({
      slug,
      name: company.companyName,
      domain,
      website: args.website,
      state: "unclaimed",
      listing: "pending",
      suggestedBy: args.actorId,
      createdAt: now,
    })
    .returning({ id: companies.id })
    .get();
  db.insert(companyCategories).values({ companyId: id, categoryId: category.id }).run();
  db.insert(companyEvents)
    .values({
      companyId: id,
      actorId: args.actorId,
      kind: "company_created",
      detail: JSON.stringify({ via: "review", domain, categoryId: category.id }),
      createdAt: now,
    })
    .run();
  return { id, slug };
}

/** slugify(name) and the slugs made from it by uniqueCompanySlug ("name", "name-2"…), as an
 *  index range: "name" and everything from "name-" up to (not including) "name." */
function slugFamily(base: string) {
  return or(eq(companies.slug, base), and(gte(companies.slug, `${base}-`), lt(companies.slug, `${base}.`)));
}

/**
 * A company that is already there (listed, or waiting for a moderator; a refused one is not
 * in the way): the same domain (or its www. form), or the same normalised name (slugify) with
 * a store or other subject in the same city (also normalised). `actorId`: whose own waiting
 * review to point to when they added that company themselves.
 */
export function findExistingCompany(
  db: Db,
  probe: { domain: string | null; name: string; city: string | null },
  actorId?: number,
): ExistingCompany | null {
  const columns = {
    id: companies.id,
    slug: companies.slug,
    name: companies.name,
    listing: companies.listing,
    createdAt: companies.createdAt,
    suggestedBy: companies.suggestedBy,
  };
  type Row = { id: number; slug: string; name: string; listing: Listing; createdAt: number; suggestedBy: number | null };
  let found: { row: Row; match: ExistingCompany["match"] } | null = null;
  if (probe.domain) {
    const sameDomain = db
      .select(columns)
      .from(companies)
      .where(and(or(eq(companies.domain, probe.domain), eq(companies.domain, `www.${probe.domain}`)), ne(companies.listing, "refused")))
      .orderBy(asc(companies.id))
      .get();
    if (sameDomain) found = { row: sameDomain, match: "domain" };
  }

  const base = slugify(probe.name);
  const city = probe.city ? slugify(probe.city) : "";
  if (!found && base && city) {
    const named = db
      .select(columns)
      .from(companies)
      .where(and(slugFamily(base), ne(companies.listing, "refused")))
      .orderBy(asc(companies.id))
      .limit(50)
      .all()
      .filter((c) => slugify(c.name) === base);
    if (named.length > 0) {
      const cities = db
        .select({ companyId: subjects.companyId, city: subjects.city })
        .from(subjects)
        .where(
          and(
            inArray(
              subjects.companyId,
              named.map((c) => c.id),
            ),
            isNotNull(subjects.city),
            ne(subjects.state, "rejected"),
          ),
        )
        .all();
      const same = named.find((c) => cities.some((s) => s.companyId === c.id && s.city != null && slugify(s.city) === city));
      if (same) found = { row: same, match: "name_city" };
    }
  }
  if (!found) return null;
  const { row, match } = found;
  const own =
    actorId != null && row.listing === "pending" && row.suggestedBy === actorId
      ? db
          .select({ id: reviews.id })
          .from(reviews)
          .where(and(eq(reviews.companyId, row.id), eq(reviews.authorId, actorId), ne(reviews.status, "deleted")))
          .orderBy(asc(reviews.id))
          .get()
      : undefined;
  return { slug: row.slug, name: row.name, listing: row.listing, createdAt: row.createdAt, match, ownReviewId: own?.id ?? null };
}

// ─── For the moderators ───────────────────────────────────────────────────────

export interface AddedCompanyFacts {
  id: number;
  slug: string;
  name: string;
  domain: string | null;
  website: string | null;
  listing: Listing;
  createdAt: number;
  categories: { nameFr: string; nameEn: string }[];
  /** Other companies it may duplicate: the same domain, or the same normalised name. */
  similar: { slug: string; name: string; domain: string | null; listing: Listing }[];
}

/** A company a reviewer added, as its case page shows it; null for any other company. */
export function addedCompanyFacts(companyId: number, db: Db = getDb()): AddedCompanyFacts | null {
  const c = db
    .select({
      id: companies.id,
      slug: companies.slug,
      name: companies.name,
      domain: companies.domain,
      website: companies.website,
      listing: companies.listing,
      createdAt: companies.createdAt,
      suggestedBy: companies.suggestedBy,
    })
    .from(companies)
    .where(eq(companies.id, companyId))
    .get();
  if (!c) return null;
  const cats = db
    .select({ nameFr: categories.nameFr, nameEn: categories.nameEn })
    .from(companyCategories)
    .innerJoin(categories, eq(categories.id, companyCategories.categoryId))
    .where(eq(companyCategories.companyId, c.id))
    .orderBy(asc(categories.position), asc(categories.slug))
    .all();
  const base = slugify(c.name);
  const alike = [
    base ? slugFamily(base) : undefined,
    c.domain ? or(eq(companies.domain, c.domain), eq(companies.domain, `www.${c.domain}`)) : undefined,
  ].filter((w) => w !== undefined);
  const similar =
    alike.length === 0
      ? []
      : db
          .select({ slug: companies.slug, name: companies.name, domain: companies.domain, listing: companies.listing })
          .from(companies)
          .where(and(ne(companies.id, c.id), or(...alike)))
          .orderBy(asc(companies.id))
          .limit(20)
          .all()
          .filter((o) => (c.domain != null && (o.domain === c.domain || o.domain === `www.${c.domain}`)) || slugify(o.name) === base)
          .slice(0, 10);
  const { suggestedBy: _s, ...facts } = c;
  return { ...facts, categories: cats, similar };
}
