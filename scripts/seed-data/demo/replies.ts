// The verified companies' replies (signed by one of their members), the reviewers'
// follow-ups to them, reviews marked resolved by the company, and reviews edited after a
// good follow-up (their first version stays in review_revisions).
import { renderMarkdown } from "../../../app/lib/markdown.server";
import { DAY, HOUR, REFERENCE_NOW, drawReplyDelay, replyProbability } from "../generate";
import type { Rng } from "../random";
import { composeFollowUp, composeReply, composeUpdate } from "../text";
import type { DemoWorld, MemberRec, ReviewRec, Row } from "./types";

export interface Conversations {
  replies: Row[];
  replyRevisions: Row[];
  followUps: Row[];
}

/** The replies being written, and their next ids. */
interface ReplyLog extends Conversations {
  w: DemoWorld;
  rng: Rng;
  replyId: number;
  replyRevisionId: number;
  followUpId: number;
  /** Reviews to edit once every reply is written. */
  edited: ReviewRec[];
}

export function answerReviews(w: DemoWorld): Conversations {
  const log: ReplyLog = {
    w,
    rng: w.root.fork("replies"),
    replies: [],
    replyRevisions: [],
    followUps: [],
    replyId: w.ids.replies,
    replyRevisionId: w.ids.reply_revisions,
    followUpId: w.ids.follow_ups,
    edited: [],
  };
  for (const r of w.reviews) {
    const answered = reply(log, r);
    // The reviewer's follow-up, and sometimes "resolved by the company".
    if (answered && r.status === "published") followUp(log, r, answered.at, answered.member);
  }
  editReviews(log.rng, log.edited);
  return { replies: log.replies, replyRevisions: log.replyRevisions, followUps: log.followUps };
}

/** The company's reply to a review, if it answers (and has answered by REFERENCE_NOW). */
function reply(log: ReplyLog, r: ReviewRec): { at: number; member: MemberRec } | null {
  const rprng = log.rng;
  if (r.status !== "published" && r.status !== "removed" && r.status !== "deleted") return null;
  if (r.company.state !== "verified" || r.noReply || !r.composed) return null;
  if (r.status !== "published" && !rprng.chance(0.4)) return null;
  if (!r.forceReply && !rprng.chance(replyProbability(r.company.replyRate, r.stars))) return null;
  let at = r.at + drawReplyDelay(rprng);
  if (at > REFERENCE_NOW - HOUR) {
    if (!r.forceReply) return null; // still awaiting a reply
    at = r.at + 3 * HOUR;
  }
  const members = r.company.members;
  const member = members.length > 1 && rprng.chance(0.45) ? members[rprng.int(1, members.length - 1)]! : members[0]!;
  const composed = composeReply(rprng, {
    lang: r.language,
    stars: r.stars,
    reviewerFirst: r.author.person.first,
    companyName: r.company.spec.name,
    category: r.company.category.slug,
    kind: r.subject.spec.kind,
    city: r.subject.spec.city,
    theme: r.composed.theme,
    pos: r.composed.pos,
    neg: r.composed.neg,
    staff: r.composed.mentionsStaff ? r.staff : null,
    signer: member.signer,
    email: `avis@${r.company.spec.domain}`,
  });
  log.replies.push({
    id: ++log.replyId,
    review_id: r.id,
    company_id: r.company.id,
    author_id: member.user.id,
    body: composed.body,
    body_html: renderMarkdown(composed.body),
    status: "published",
    published_at: at,
    edited_at: null,
    removed_at: null,
    removal_reason: null,
    under_review_since: null,
    created_at: at,
  });
  log.replyRevisions.push({
    id: ++log.replyRevisionId,
    reply_id: log.replyId,
    body: composed.body,
    author_id: member.user.id,
    created_at: at,
  });
  r.repliedAt = at;
  return { at, member };
}

/** The reviewer's follow-up to the reply (Léa Martin follows up on her low ratings, and
 *  is satisfied), or the company marking the review resolved without one. */
function followUp(log: ReplyLog, r: ReviewRec, at: number, member: MemberRec) {
  const rprng = log.rng;
  const isReader = r.author === log.w.accounts.reader;
  if (r.stars <= 3 && (isReader ? r.stars <= 2 : rprng.chance(0.22))) {
    const outcome = isReader ? "good" : rprng.weighted(["good", "bad", "neutral"] as const, [50, 35, 15]);
    const fAt = at + rprng.int(6, 120) * HOUR;
    if (fAt < REFERENCE_NOW) {
      const body = composeFollowUp(rprng, r.language, r.author.person.gender, outcome, member.signer.first);
      log.followUps.push({
        id: ++log.followUpId,
        review_id: r.id,
        body,
        body_html: renderMarkdown(body),
        status: "published",
        published_at: fAt,
        edited_at: null,
        removed_at: null,
        removal_reason: null,
        created_at: fAt,
      });
      if (outcome === "good" && (isReader || rprng.chance(0.7))) r.resolvedAt = fAt;
      if (outcome === "good" && !isReader && r.stars <= 2 && rprng.chance(0.3) && fAt + DAY < REFERENCE_NOW) log.edited.push(r);
    }
  } else if (r.stars <= 2 && rprng.chance(0.08)) {
    const resolvedAt = at + rprng.int(12, 240) * HOUR;
    if (resolvedAt < REFERENCE_NOW) r.resolvedAt = resolvedAt;
  }
}

/** Edited reviews: the first version stays in review_revisions. */
function editReviews(rprng: Rng, edited: ReviewRec[]) {
  for (const r of edited) {
    r.previous.push({ stars: r.stars, title: r.title, body: r.body, recommend: r.recommend, at: r.at });
    r.stars = Math.min(5, r.stars + rprng.int(1, 2));
    r.body = `${r.body}\n\n${composeUpdate(rprng, r.language, r.author.person.gender)}`;
    r.recommend = r.stars >= 4 ? 1 : r.recommend;
    r.editedAt = Math.min(REFERENCE_NOW - HOUR, (r.resolvedAt ?? r.repliedAt ?? r.at) + rprng.int(2, 30) * HOUR);
  }
}
