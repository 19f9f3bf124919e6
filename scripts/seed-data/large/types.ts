// What the large data set (scripts/seed-large.ts) is built from: its options, its sizes,
// the arrays the review generator reads (sent to the worker thread), and a batch of rows.
import { DAY, REFERENCE_NOW } from "../generate";
import type { SubjectKind } from "../catalog";
import type { Signer } from "../text";

export interface LargeOptions {
  file: string;
  companies: number;
  reviews: number;
  users: number;
  /** Compose the texts in a worker thread (default true). */
  worker?: boolean;
  log?: (line: string) => void;
}

/** The seed of the large set's PRNG. */
export const LARGE_SEED = "replique-large-2026";
export const KINDS: SubjectKind[] = ["store", "website", "product", "service"];
export const KIND_CODE: Record<SubjectKind, number> = { store: 0, website: 1, product: 2, service: 3 };
/** Reviews per batch (and rows per transaction when loading the catalogue). */
export const BATCH = 50_000;
export const SPAN = 4 * 365 * DAY;
export const START = REFERENCE_NOW - SPAN;
export const LARGEST_REVIEWS = 60_000;

export type Value = string | number | null;

/** What the review generator needs (sent to the worker). */
export interface GeneratorInput {
  reviews: number;
  users: number;
  weight: Float64Array;
  state: Uint8Array;
  quality: Float32Array;
  slope: Float32Array;
  replyRate: Float32Array;
  companyLang: Uint8Array;
  companyCat: Uint8Array;
  companyName: string[];
  companyDomain: string[];
  subjStart: Int32Array;
  subjCount: Int32Array;
  subjKind: Uint8Array;
  subjName: string[];
  subjCity: Array<string | null>;
  userFirst: string[];
  userGender: Uint8Array;
  frIds: Int32Array;
  enIds: Int32Array;
  memberId: Int32Array;
  signers: Array<Signer | null>;
  moderatorId: number;
}

/** The rows of one batch of reviews (and what hangs on them), and its tallies. */
export interface Batch {
  from: number;
  to: number;
  reviews: Value[][];
  replies: Value[][];
  followUps: Value[][];
  votes: Value[][];
  flags: Value[][];
  decisions: Value[][];
  published: number;
  answered: number;
  held: number;
  removed: number;
  largest: number;
  rendered: number;
  reused: number;
}
