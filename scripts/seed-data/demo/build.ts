// Builds every row of the demo in memory, step by step in the data's own order: people,
// companies and subjects, reviews (ordinary, the brand's inbox, the reader's, held,
// suggested), flags and decisions, replies and follow-ups, votes, appeals and conduct
// reports, claims. Each step draws from its own fork of one seeded PRNG, in the same order
// on every run, so the same seed gives the same rows.
import { REFERENCE_NOW } from "../generate";
import { Rng } from "../random";
import { createDemoAccounts } from "./accounts";
import { appealRemovals, conductReports } from "./appeals";
import { pendingClaims } from "./claims";
import { addMembers, createCompanies, createSubjects } from "./companies";
import { SEED, SPAN } from "./constants";
import { moderate } from "./flags";
import { heldReviews } from "./held";
import { answerReviews } from "./replies";
import { createReviewers, dateReviewers } from "./reviewers";
import { brandInbox, numberReviews, ordinaryReviews, readerReviews, reviewMaker } from "./reviews";
import { categoryRows, companyTables, reviewTables, subjectRows, userRows } from "./rows";
import { suggestedSubjects } from "./suggestions";
import { ZERO_IDS, type DemoData, type DemoWorld, type IdBase, type Sequences } from "./types";
import { voteOnReviews } from "./votes";

/** Builds every row of the demo in memory (pure: no database access). Everything is
 *  dated relative to REFERENCE_NOW, except the live queues placed relative to `seedNow` (the
 *  moment of seeding): the held reviews, so that they wait within the publication delay, and
 *  the appealed removals, so that their appeals wait within the appeal window. */
export function buildDemoData(passwordHash: string, ids: IdBase = ZERO_IDS, seedNow = Date.now()): DemoData {
  const { w, urng } = buildWorld(passwordHash, ids, seedNow);
  writeReviews(w);
  const { flags, decisions } = moderate(w);
  const { replies, replyRevisions, followUps } = answerReviews(w);
  const votes = voteOnReviews(w);
  const arng = w.root.fork("appeals");
  const appeals = appealRemovals(w, arng, decisions, flags);
  const conduct = conductReports(w);
  const claims = pendingClaims(w, arng);
  dateReviewers(urng, w.reviewers, w.reviews);

  const { companyRows, companyCategoryRows, memberRows } = companyTables(w.companies, ids);
  const { reviewRows, revisionRows } = reviewTables(w);
  replies.sort((a, b) => (a.published_at as number) - (b.published_at as number));
  const tables = [
    { table: "categories", rows: categoryRows(ids) },
    { table: "users", rows: userRows(w.users) },
    { table: "companies", rows: companyRows },
    { table: "company_categories", rows: companyCategoryRows },
    { table: "company_members", rows: memberRows },
    { table: "company_claims", rows: claims },
    { table: "subjects", rows: subjectRows(w.subjects) },
    { table: "reviews", rows: reviewRows },
    { table: "review_revisions", rows: revisionRows },
    { table: "replies", rows: replies },
    { table: "reply_revisions", rows: replyRevisions },
    { table: "follow_ups", rows: followUps },
    { table: "helpful_votes", rows: votes },
    { table: "moderation_decisions", rows: decisions },
    { table: "flags", rows: flags },
    { table: "appeals", rows: appeals },
    { table: "conduct_reports", rows: conduct },
  ];
  const counts = Object.fromEntries(tables.map((t) => [t.table, t.rows.length]));
  return { tables, counts };
}

/** The people, the companies and their subjects, before any review; and the reviewers'
 *  generator, which dates their sign-up once their reviews are known. */
function buildWorld(passwordHash: string, ids: IdBase, seedNow: number): { w: DemoWorld; urng: Rng } {
  const root = new Rng(SEED);
  const seq: Sequences = { user: ids.users, company: ids.companies, subject: ids.subjects };
  const start = REFERENCE_NOW - SPAN;
  const { users, accounts } = createDemoAccounts(seq, passwordHash, start);
  const catalog = createCompanies(root.fork("companies"), seq, start);
  const emailsUsed = new Set(users.map((u) => u.email));
  addMembers(root.fork("members"), catalog, accounts.brandOwner, users, emailsUsed, seq);
  const subjects = createSubjects(catalog.companies, seq);
  const urng = root.fork("users");
  const reviewers = createReviewers(urng, users, emailsUsed, seq);
  const w: DemoWorld = { root, ids, seq, start, seedNow, users, emailsUsed, accounts, ...catalog, subjects, reviewers, reviews: [] };
  return { w, urng };
}

/** Every review, in chronological order of ids. */
function writeReviews(w: DemoWorld) {
  const makeReview = reviewMaker(w.reviewers, w.start);
  ordinaryReviews(w, makeReview);
  brandInbox(w, makeReview);
  readerReviews(w, makeReview);
  heldReviews(w, makeReview);
  suggestedSubjects(w, makeReview);
  numberReviews(w);
}
