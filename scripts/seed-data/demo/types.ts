// The records the demo data is built from (scripts/seed-data/demo/build.ts), before they
// become rows, and the world that the build steps share.
import type { CategoryDef, CompanySpec, SubjectSpec } from "../catalog";
import type { Lang, Person } from "../people";
import type { Rng, WeightedTable } from "../random";
import type { Channel, ComposedReview, Signer } from "../text";

export type Row = Record<string, string | number | null>;

export interface DemoData {
  tables: Array<{ table: string; rows: Row[] }>;
  counts: Record<string, number>;
}

/** Tables whose ids the demo numbers itself, after those already in the database. */
export const ID_TABLES = [
  "categories",
  "users",
  "companies",
  "subjects",
  "reviews",
  "review_revisions",
  "replies",
  "reply_revisions",
  "follow_ups",
  "flags",
  "moderation_decisions",
  "appeals",
  "conduct_reports",
  "company_claims",
] as const;
export type IdBase = Record<(typeof ID_TABLES)[number], number>;
export const ZERO_IDS = Object.fromEntries(ID_TABLES.map((t) => [t, 0])) as IdBase;

export interface UserRec {
  id: number;
  person: Person;
  email: string;
  displayName: string;
  role: "member" | "moderator" | "admin";
  locale: Lang;
  passwordHash: string | null;
  createdAt: number;
  weight: number;
}

export interface MemberRec {
  user: UserRec;
  role: "owner" | "agent";
  signer: Signer;
}

export interface CompanyRec {
  id: number;
  spec: CompanySpec;
  category: CategoryDef;
  popularity: number;
  quality: number;
  slope: number;
  state: "unclaimed" | "claimed" | "verified";
  replyRate: number;
  createdAt: number;
  claimedAt: number | null;
  verifiedAt: number | null;
  members: MemberRec[];
  subjects: SubjectRec[];
  subjectTable: WeightedTable;
  reviewCount: number;
}

export interface SubjectRec {
  id: number;
  companyId: number;
  spec: SubjectSpec;
  state: "active" | "pending";
  suggestedBy: number | null;
  createdAt: number;
}

export interface ReviewRec {
  id: number;
  company: CompanyRec;
  subject: SubjectRec;
  author: UserRec;
  stars: number;
  title: string;
  body: string;
  composed: ComposedReview | null;
  staff: string;
  language: Lang;
  experienceDate: string;
  channel: Channel;
  recommend: 0 | 1 | null;
  origin: "organic" | "invited" | "verified";
  status: "published" | "held" | "removed" | "deleted" | "pending";
  heldCheck: string | null;
  at: number;
  editedAt: number | null;
  removedAt: number | null;
  removalReason: string | null;
  deletedAt: number | null;
  underReviewSince: number | null;
  repliedAt: number | null;
  resolvedAt: number | null;
  helpfulCount: number;
  /** Earlier versions (oldest first), when the review was edited. */
  previous: Array<{ stars: number; title: string; body: string; recommend: 0 | 1 | null; at: number }>;
  /** Forced by the scenario: always / never answered. */
  forceReply?: boolean;
  noReply?: boolean;
}

/** The next ids to hand out, shared by the steps that create users and subjects. */
export interface Sequences {
  user: number;
  company: number;
  subject: number;
}

/** The demo accounts of the spec, as records. */
export interface DemoAccountRecs {
  reader: UserRec;
  brandOwner: UserRec;
  moderator: UserRec;
  admin: UserRec;
}

/** What every step after the reviewers reads (and some of them extend). */
export interface DemoWorld {
  root: Rng;
  ids: IdBase;
  seq: Sequences;
  /** Start of the three years of reviews. */
  start: number;
  /** The moment of seeding: the held reviews are placed relative to it. */
  seedNow: number;
  users: UserRec[];
  emailsUsed: Set<string>;
  accounts: DemoAccountRecs;
  companies: CompanyRec[];
  brand: CompanyRec;
  /** Every company but the brand, most popular first. */
  byPopularity: CompanyRec[];
  subjects: SubjectRec[];
  reviewers: UserRec[];
  reviews: ReviewRec[];
}

/** Creates a review record (see reviews.ts): the one generator every scenario uses. */
export type MakeReview = (
  rng: Rng,
  c: CompanyRec,
  at: number,
  opts?: { author?: UserRec; subject?: SubjectRec; stars?: number; status?: ReviewRec["status"]; origin?: ReviewRec["origin"] },
) => ReviewRec;
