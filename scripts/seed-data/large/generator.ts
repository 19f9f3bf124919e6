// The reviews of the large data set, batch by batch: chronological, on companies drawn by
// weight, one review per subject per author, with the replies of verified companies,
// follow-ups, flags, removals and helpful votes. Deterministic: one PRNG, drawn in the same
// order on every run (and in the worker thread or not).
import { CATEGORIES, type CategoryDef, type SubjectKind } from "../catalog";
import {
  BlockRenderer,
  DAY,
  HOUR,
  REFERENCE_NOW,
  drawExperienceDelay,
  drawRecommend,
  drawReplyDelay,
  drawStars,
  isoDate,
  replyProbability,
} from "../generate";
import type { Lang } from "../people";
import { Rng, WeightedTable } from "../random";
import {
  channelFor,
  composeFollowUp,
  composeReply,
  composeReview,
  flagExplanation,
  reasonsFor,
  removalStatement,
  type ComposedReview,
} from "../text";
import { BATCH, KINDS, LARGE_SEED, SPAN, START, type Batch, type GeneratorInput } from "./types";

const STEP = 7_919; // prime: author (offset + j·STEP) mod n is distinct for j < n
const VOTE_STEP = 104_729; // prime too
const STAFF = ["Nadia", "Karim", "Julie", "Thomas", "Sophie", "Mehdi", "Claire", "Lucas"];
const HELD_CHECKS = ["links", "banned_words", "burst", "personal_data", "duplicate"];

/** The generator's state across batches. */
interface State {
  g: GeneratorInput;
  rng: Rng;
  renderer: BlockRenderer;
  companyTable: WeightedTable;
  subjOffset: Int32Array;
  subjSeen: Int32Array;
  byLang: Record<Lang, Int32Array>;
  next: { reply: number; followUp: number; flag: number; decision: number };
}

/** One review as drawn, before what hangs on it. */
interface Draw {
  id: number;
  at: number;
  /** Company and subject indexes (ids minus one). */
  c: number;
  s: number;
  kind: SubjectKind;
  lang: Lang;
  pool: Int32Array;
  authorId: number;
  gender: "f" | "m";
  verified: boolean;
  origin: "organic" | "invited" | "verified";
  stars: number;
  channel: string;
  experience: number;
  staff: string;
  category: CategoryDef;
  review: ComposedReview;
}

/** Yields the reviews (and what hangs on them) batch by batch, deterministically. */
export function* generateBatches(g: GeneratorInput): Generator<Batch> {
  const rng = new Rng(LARGE_SEED).fork("reviews");
  const subjects = g.subjKind.length;
  const subjOffset = new Int32Array(subjects);
  for (let s = 0; s < subjects; s++) subjOffset[s] = rng.int(0, 1 << 30);
  const st: State = {
    g,
    rng,
    renderer: new BlockRenderer(),
    companyTable: new WeightedTable(g.weight),
    subjOffset,
    subjSeen: new Int32Array(subjects),
    byLang: { fr: g.frIds, en: g.enIds },
    next: { reply: 0, followUp: 0, flag: 0, decision: 0 },
  };
  for (let from = 0; from < g.reviews; from += BATCH) {
    const to = Math.min(g.reviews, from + BATCH);
    const b: Batch = {
      from,
      to,
      reviews: [],
      replies: [],
      followUps: [],
      votes: [],
      flags: [],
      decisions: [],
      published: 0,
      answered: 0,
      held: 0,
      removed: 0,
      largest: 0,
      rendered: 0,
      reused: 0,
    };
    const hits0 = st.renderer.hits;
    const misses0 = st.renderer.misses;
    for (let i = from; i < to; i++) generateReview(st, b, i);
    b.rendered = st.renderer.misses - misses0;
    b.reused = st.renderer.hits - hits0;
    yield b;
  }
}

function generateReview(st: State, b: Batch, i: number) {
  const { rng } = st;
  const d = drawReview(st, i);
  if (d.c === 0) b.largest++;
  // A small share waits for moderation or was removed.
  let status: "published" | "held" | "removed" = "published";
  if (d.at > REFERENCE_NOW - 10 * DAY && rng.chance(0.01)) status = "held";
  else if (d.stars <= 2 && rng.chance(0.001)) status = "removed";

  const { repliedAt, resolvedAt } = status !== "held" && d.verified ? answer(st, b, d, status) : { repliedAt: null, resolvedAt: null };
  const { underReview, removedAt, removalReason } = moderate(st, b, d, status, repliedAt);
  const helpful = status === "published" ? vote(st, b, d) : 0;
  const { id, at, stars, review } = d;
  b.reviews.push([
    id,
    d.s + 1,
    d.c + 1,
    d.authorId,
    stars,
    review.title,
    review.body,
    st.renderer.render(review.blocks),
    d.lang,
    isoDate(d.experience),
    d.channel,
    drawRecommend(rng, stars),
    d.origin,
    status,
    status === "held" ? rng.pick(HELD_CHECKS) : null,
    status === "held" ? at : null,
    status === "held" ? null : at,
    removedAt,
    removalReason,
    underReview,
    repliedAt,
    resolvedAt,
    helpful,
    at,
  ]);
}

function drawReview(st: State, i: number): Draw {
  const { g, rng } = st;
  const id = i + 1;
  // Chronological: the density of reviews rises over time (the site grows).
  const q = (i + rng.next()) / g.reviews;
  const a = -0.4 + Math.sqrt(0.16 + 1.8 * q);
  const at = Math.min(REFERENCE_NOW - HOUR, Math.floor(START + SPAN * a));
  const c = st.companyTable.index(rng);
  const s = g.subjStart[c]! + (rng.chance(0.35) ? 0 : rng.int(0, g.subjCount[c]! - 1));
  const kind = KINDS[g.subjKind[s]!]!;
  const lang: Lang = rng.chance(g.companyLang[c] ? 0.7 : 0.22) ? "en" : "fr";
  const pool = st.byLang[lang];
  // One review per subject per author: distinct authors along the subject's sequence.
  const authorId = pool[(st.subjOffset[s]! + st.subjSeen[s]! * STEP) % pool.length]!;
  st.subjSeen[s]!++;
  const gender = g.userGender[authorId - 1] ? "f" : "m";
  const verified = g.state[c] === 2;
  const origin = verified && rng.chance(0.28) ? "invited" : rng.chance(0.07) ? "verified" : "organic";
  const frac = (at - START) / SPAN;
  const stars = drawStars(rng, g.quality[c]! + g.slope[c]! * (frac - 0.5) + (origin === "invited" ? 0.12 : 0));
  const channel = channelFor(rng, kind);
  const delay = kind === "product" ? 12 + Math.round(drawExperienceDelay(rng) * 1.5) : drawExperienceDelay(rng);
  const experience = at - delay * DAY;
  const staff = rng.pick(STAFF);
  const category = CATEGORIES[g.companyCat[c]!]!;
  const review = composeReview(rng, {
    lang,
    gender,
    stars,
    category,
    kind,
    channel,
    subjectName: g.subjName[s]!,
    companyName: g.companyName[c]!,
    city: g.subjCity[s]!,
    delayDays: delay,
    experienceMonth: new Date(experience).getUTCMonth(),
    staff,
    light: true,
  });
  return { id, at, c, s, kind, lang, pool, authorId, gender, verified, origin, stars, channel, experience, staff, category, review };
}

/** The reply of a verified company (if it answers by REFERENCE_NOW), and sometimes the
 *  reviewer's follow-up that resolves it. */
function answer(st: State, b: Batch, d: Draw, status: "published" | "removed") {
  const { g, rng, renderer } = st;
  let repliedAt: number | null = null;
  let resolvedAt: number | null = null;
  if (!rng.chance(replyProbability(g.replyRate[d.c]!, d.stars))) return { repliedAt, resolvedAt };
  const replyAt = d.at + drawReplyDelay(rng);
  if (replyAt >= REFERENCE_NOW) return { repliedAt, resolvedAt };
  const signer = g.signers[d.c]!;
  const reply = composeReply(rng, {
    lang: d.lang,
    stars: d.stars,
    reviewerFirst: g.userFirst[d.authorId - 1] ?? "",
    companyName: g.companyName[d.c]!,
    category: d.category.slug,
    kind: d.kind,
    city: g.subjCity[d.s]!,
    theme: d.review.theme,
    pos: d.review.pos,
    neg: d.review.neg,
    staff: d.review.mentionsStaff ? d.staff : null,
    signer,
    email: `avis@${g.companyDomain[d.c]}`,
    light: true,
  });
  b.replies.push([++st.next.reply, d.id, d.c + 1, g.memberId[d.c]!, reply.body, renderer.render(reply.blocks), replyAt, replyAt]);
  repliedAt = replyAt;
  if (d.stars <= 2 && status === "published" && rng.chance(0.05)) {
    const fAt = replyAt + rng.int(6, 96) * HOUR;
    if (fAt < REFERENCE_NOW) {
      const good = rng.chance(0.55);
      const body = composeFollowUp(rng, d.lang, d.gender, good ? "good" : "bad", signer.first);
      b.followUps.push([++st.next.followUp, d.id, body, renderer.render([body]), fAt, fAt]);
      if (good) resolvedAt = fAt;
    }
  }
  return { repliedAt, resolvedAt };
}

/** A few recent published reviews flagged (pending); the removed ones, with their upheld
 *  flag and the decision. Counts the review in the batch's tallies. */
function moderate(st: State, b: Batch, d: Draw, status: "published" | "held" | "removed", repliedAt: number | null) {
  const { g, rng } = st;
  let underReview: number | null = null;
  let removedAt: number | null = null;
  let removalReason: string | null = null;
  if (status === "published") {
    b.published++;
    if (repliedAt) b.answered++;
    if (d.at > REFERENCE_NOW - 30 * DAY && rng.chance(0.002)) {
      const reason = rng.pick(reasonsFor("consumer"));
      underReview = d.at + rng.int(1, 48) * HOUR;
      b.flags.push([
        ++st.next.flag,
        d.id,
        reason,
        flagExplanation(rng, "consumer", reason),
        "consumer",
        d.pool[rng.int(0, d.pool.length - 1)]!,
        "pending",
        null,
        null,
        underReview,
      ]);
    }
  } else if (status === "removed") {
    b.removed++;
    const reason = rng.pick(reasonsFor("consumer"));
    const flaggedAt = d.at + rng.int(1, 72) * HOUR;
    removedAt = flaggedAt + rng.int(2, 72) * HOUR;
    removalReason = reason;
    b.decisions.push([++st.next.decision, g.moderatorId, d.id, reason, removalStatement(reason, true), removedAt]);
    b.flags.push([
      ++st.next.flag,
      d.id,
      reason,
      flagExplanation(rng, "consumer", reason),
      "consumer",
      d.pool[rng.int(0, d.pool.length - 1)]!,
      "upheld",
      st.next.decision,
      removedAt,
      flaggedAt,
    ]);
  } else b.held++;
  return { underReview, removedAt, removalReason };
}

/** Helpful votes by other reviewers (never the author) on a published review; returns how many. */
function vote(st: State, b: Batch, d: Draw): number {
  const { g, rng } = st;
  let helpful = 0;
  if (!rng.chance(0.08)) return helpful;
  const wanted = 1 + Math.floor(rng.exponential(1.2));
  const base = rng.int(0, g.users - 1);
  for (let k = 0; k < wanted && k < g.users; k++) {
    const voter = ((base + k * VOTE_STEP) % g.users) + 1;
    if (voter === d.authorId) continue;
    b.votes.push([d.id, voter, d.at + Math.floor(rng.next() * (REFERENCE_NOW - d.at))]);
    helpful++;
  }
  return helpful;
}
