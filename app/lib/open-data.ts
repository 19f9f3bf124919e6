// The shape of the free JSON API (/api/companies/:slug) and the one list of its fields that
// its documentation page (/api) renders. The route builds a value of ApiCompanyDocument, so
// a field added, renamed or removed there fails the type check until FIELDS (below) and the
// descriptions (app/i18n/openData.ts, `openData.field.<group>.<field>`) say the same.
// Shared with the browser: types and plain data only.
import type { CHANNELS, COMPANY_STATES, LANGUAGES, ORIGINS, REVIEW_STATES, SUBJECT_KINDS } from "#db/enums";
import type { MessageKey } from "~/i18n";
import type { Scorecard } from "~/models/companies.server";
import type { ScoreBasis } from "./trustscore";

/** A reply or a reviewer's follow-up. */
export interface ApiPost {
  body_html: string;
  published_at: string;
  edited_at: string | null;
  status: "published" | "removed";
}

export interface ApiReview {
  id: number;
  url: string;
  status: (typeof REVIEW_STATES)[number];
  stars: number;
  title: string;
  body_html: string;
  language: (typeof LANGUAGES)[number];
  origin: (typeof ORIGINS)[number];
  channel: (typeof CHANNELS)[number];
  experience_date: string;
  published_at: string | null;
  edited_at: string | null;
  removed_at: string | null;
  removal_reason: string | null;
  /** When the author marked it "resolved by the company", or null. */
  resolved_at: string | null;
  author: string | null;
  subject: string;
  reply: ApiPost | null;
  follow_up: ApiPost | null;
}

export interface ApiCompany {
  slug: string;
  name: string;
  website: string | null;
  state: (typeof COMPANY_STATES)[number];
  /** "pending": added by a reviewer, not yet checked by a moderator. */
  listing: "listed" | "pending";
  categories: string[];
  url: string;
}

export interface ApiScore {
  trust_score: number | null;
  raw_mean: number | null;
  review_count: number;
  histogram: [number, number, number, number, number];
}

/** The right-of-reply scorecard, as app/models/companies.server.ts computes it: a field
 *  added there is one FIELDS must document (below). */
export type ApiScorecard = Scorecard;

export interface ApiWarning {
  reason: string;
  reason_label: { fr: string; en: string };
  statement: string;
  language: (typeof LANGUAGES)[number];
  since: string;
  until: string;
}

export interface ApiRemovedCount {
  reason: string;
  count: number;
}

export interface ApiSubject {
  slug: string;
  name: string;
  kind: (typeof SUBJECT_KINDS)[number];
  city: string | null;
  url: string | null;
  review_count: number;
  trust_score: number | null;
}

export interface ApiCompanyDocument {
  company: ApiCompany;
  scores: Record<ScoreBasis, ApiScore>;
  scorecard: ApiScorecard;
  warnings: ApiWarning[];
  removed_last_12_months: ApiRemovedCount[];
  subjects: ApiSubject[];
  reviews: ApiReview[];
  next: string | null;
}

/** Each field of an object of the API, with its JSON type as the documentation shows it. */
type FieldTypes<T> = { readonly [K in keyof T]-?: string };

const ISO = "string (ISO 8601)";
const post: FieldTypes<ApiPost> = {
  body_html: "string (HTML)",
  published_at: ISO,
  edited_at: `${ISO} | null`,
  status: '"published" | "removed"',
};

/** The API's objects, in the order the documentation lists them. */
export const API_FIELDS = {
  document: {
    company: "object (company)",
    scores: '{ "all" | "verified" | "invited" | "organic": score }',
    scorecard: "object (scorecard)",
    warnings: "array (warning)",
    removed_last_12_months: "array (removed)",
    subjects: "array (subject)",
    reviews: "array (review)",
    next: "string (URL) | null",
  } satisfies FieldTypes<ApiCompanyDocument>,
  company: {
    slug: "string",
    name: "string",
    website: "string (URL) | null",
    state: '"unclaimed" | "claimed" | "verified"',
    listing: '"listed" | "pending"',
    categories: "array (string)",
    url: "string (URL)",
  } satisfies FieldTypes<ApiCompany>,
  score: {
    trust_score: "number | null",
    raw_mean: "number | null",
    review_count: "integer",
    histogram: "[integer × 5]",
  } satisfies FieldTypes<ApiScore>,
  scorecard: {
    negativeCount: "integer",
    negativeAnswered: "integer",
    medianReplyDelay: "integer (ms) | null",
    flaggedCount: "integer",
    flagsFiled: "integer",
    flagsDecided: "integer",
    flagsUpheld: "integer",
  } satisfies FieldTypes<ApiScorecard>,
  warning: {
    reason: "string",
    reason_label: '{ "fr": string, "en": string }',
    statement: "string",
    language: '"fr" | "en"',
    since: ISO,
    until: ISO,
  } satisfies FieldTypes<ApiWarning>,
  removed: { reason: "string", count: "integer" } satisfies FieldTypes<ApiRemovedCount>,
  subject: {
    slug: "string",
    name: "string",
    kind: '"store" | "website" | "product" | "service"',
    city: "string | null",
    url: "string (URL) | null",
    review_count: "integer",
    trust_score: "number | null",
  } satisfies FieldTypes<ApiSubject>,
  review: {
    id: "integer",
    url: "string (URL)",
    status: '"published" | "removed"',
    stars: "integer (1–5)",
    title: "string",
    body_html: "string (HTML)",
    language: '"fr" | "en"',
    origin: '"verified" | "invited" | "organic"',
    channel: '"store" | "website" | "phone" | "email" | "delivery" | "other"',
    experience_date: "string (YYYY-MM-DD)",
    published_at: ISO,
    edited_at: `${ISO} | null`,
    removed_at: `${ISO} | null`,
    removal_reason: "string | null",
    resolved_at: `${ISO} | null`,
    author: "string | null",
    subject: "string",
    reply: "object (post) | null",
    follow_up: "object (post) | null",
  } satisfies FieldTypes<ApiReview>,
  post,
};

export type ApiGroup = keyof typeof API_FIELDS;
export const API_GROUPS: readonly ApiGroup[] = [
  "document",
  "company",
  "score",
  "scorecard",
  "warning",
  "removed",
  "subject",
  "review",
  "post",
];

/** The message that describes one field; every one must exist (checked below). */
type FieldMessage = { [G in ApiGroup]: `openData.field.${G}.${keyof (typeof API_FIELDS)[G] & string}` }[ApiGroup];
type Undescribed = Exclude<FieldMessage, MessageKey>;
// A field without its description in app/i18n/openData.ts fails here, naming the key.
export const EVERY_FIELD_DESCRIBED: [Undescribed] extends [never] ? true : Undescribed = true;

/** The fields of one object, with the key of their description. */
export function apiFields(group: ApiGroup): { name: string; type: string; message: string }[] {
  return Object.entries(API_FIELDS[group]).map(([name, type]) => ({ name, type, message: `openData.field.${group}.${name}` }));
}

/** How many reviews a page of the API holds: `?limit=`, 1 to 50, 20 unless told. */
export const API_PAGE_SIZE = { default: 20, max: 50 } as const;

export function apiPageSize(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, API_PAGE_SIZE.max) : API_PAGE_SIZE.default;
}
