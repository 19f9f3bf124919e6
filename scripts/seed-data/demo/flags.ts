// Flags and moderation decisions of the demo: reviews removed after an upheld flag (and
// three on a moderator's own reading), flags dismissed (mostly companies flagging genuine
// negative reviews), flags still pending (the reviews stay visible, under review), and a
// few reviews deleted by their authors.
import { DAY, HOUR, REFERENCE_NOW } from "../generate";
import { emailOf, randomPerson, type Lang } from "../people";
import type { Rng } from "../random";
import { dismissalStatement, flagExplanation, reasonsFor, removalStatement, type FlagReason } from "../text";
import { published } from "./reviews";
import type { DemoWorld, ReviewRec, Row } from "./types";

type Reporter = "company" | "consumer" | "notifier";

/** What a removed review said, by the reason it was removed for. */
const REMOVED_TEXT: Partial<Record<FlagReason, Record<Lang, string>>> = {
  offensive: {
    fr: "Le vendeur est un incapable doublé d'un menteur, et toute l'équipe avec lui.",
    en: "The salesman is an incompetent liar, and so is the rest of the team.",
  },
  personal_data: {
    fr: "Demandez Mme Carole Besson, elle habite juste à côté du magasin, au 14 rue des Lilas.",
    en: "Ask for Mrs Carole Besson, she lives right next to the shop at 14 Lilac Road.",
  },
  spam: {
    fr: "Bien meilleurs prix sur https://promo-imbattable.example, code REDUC50.",
    en: "Much better prices at https://unbeatable-deals.example, use code SAVE50.",
  },
  conflict_of_interest: {
    fr: "J'ai travaillé six ans dans cette entreprise et je sais comment la direction traite ses clients.",
    en: "I worked at this company for six years and I know how management treats customers.",
  },
  illegal: {
    fr: "Le gérant détourne de l'argent, tout le monde le sait dans le quartier.",
    en: "The manager is embezzling money, everyone round here knows it.",
  },
  not_an_experience: {
    fr: "Je n'ai jamais acheté chez eux mais vu les autres avis, je mets une étoile.",
    en: "Never bought from them but judging by the other reviews, one star.",
  },
};

/** The flags and decisions being written, and their next ids. */
interface ModerationLog {
  w: DemoWorld;
  rng: Rng;
  flags: Row[];
  decisions: Row[];
  flagId: number;
  decisionId: number;
}

export function moderate(w: DemoWorld): { flags: Row[]; decisions: Row[] } {
  const log: ModerationLog = {
    w,
    rng: w.root.fork("flags"),
    flags: [],
    decisions: [],
    flagId: w.ids.flags,
    decisionId: w.ids.moderation_decisions,
  };
  const older = published(w.reviews).filter((r) => r.at < REFERENCE_NOW - 60 * DAY && r.author !== w.accounts.reader);
  removeReviews(log, older);
  dismissFlags(log, older);
  openFlags(log);
  // A few reviews deleted by their authors.
  for (const r of log.rng.sample(
    older.filter((x) => x.status === "published" && !x.underReviewSince),
    4,
  )) {
    r.status = "deleted";
    r.deletedAt = r.at + log.rng.int(5, 200) * DAY;
  }
  return { flags: log.flags, decisions: log.decisions };
}

/** A reviewer other than the review's author. */
function consumerReporter({ w, rng }: ModerationLog, r: ReviewRec) {
  let u = w.reviewers[rng.int(0, w.reviewers.length - 1)]!;
  while (u === r.author) u = w.reviewers[rng.int(0, w.reviewers.length - 1)]!;
  return u;
}

function addFlag(
  log: ModerationLog,
  r: ReviewRec,
  reporter: Reporter,
  reason: FlagReason,
  at: number,
  status: string,
  decision: number | null,
  decidedAt: number | null,
) {
  const frng = log.rng;
  const member = reporter === "company" ? frng.pick(r.company.members) : null;
  const user = reporter === "consumer" ? consumerReporter(log, r) : null;
  const person = reporter === "notifier" ? randomPerson(frng, "fr") : null;
  log.flags.push({
    id: ++log.flagId,
    target_type: "review",
    review_id: r.id,
    reply_id: null,
    follow_up_id: null,
    reason,
    explanation: flagExplanation(frng, reporter === "company" ? "company" : "consumer", reason),
    reporter_type: reporter,
    reporter_user_id: member?.user.id ?? user?.id ?? null,
    reporter_company_id: reporter === "company" ? r.company.id : null,
    reporter_name: person ? `${person.first} ${person.last}` : null,
    reporter_email: person ? emailOf(person, frng.int(1, 99), "example.org") : null,
    good_faith: reporter === "notifier" ? 1 : 0,
    status,
    decision_id: decision,
    decided_at: decidedAt,
    created_at: at,
  });
}

/** A moderator@example.com decision on a review; returns its id. */
function decide(
  log: ModerationLog,
  r: ReviewRec,
  decision: "remove" | "dismiss_flag",
  reason: FlagReason,
  statement: string,
  at: number,
): number {
  log.decisions.push({
    id: ++log.decisionId,
    actor_id: log.w.accounts.moderator.id,
    automated: 0,
    target_type: "review",
    target_id: r.id,
    decision,
    reason,
    statement,
    created_at: at,
  });
  return log.decisionId;
}

/** Removed after an upheld flag (and three removed on a moderator's own reading). */
function removeReviews(log: ModerationLog, older: ReviewRec[]) {
  const frng = log.rng;
  const removedPool = frng.sample(
    older.filter((r) => r.stars <= 2),
    15,
  );
  removedPool.forEach((r, i) => {
    const reason = frng.pick(Object.keys(REMOVED_TEXT) as FlagReason[]);
    const flaggedAt = r.at + frng.int(2, 120) * HOUR;
    const decidedAt = flaggedAt + frng.int(3, 70) * HOUR;
    r.status = "removed";
    r.body = `${r.body}\n\n${REMOVED_TEXT[reason]![r.language]}`;
    r.removedAt = decidedAt;
    r.removalReason = reason;
    const flagged = i >= 3;
    const decisionId = decide(log, r, "remove", reason, removalStatement(reason, flagged), decidedAt);
    if (flagged) {
      const reporter =
        r.company.state === "verified" && frng.chance(0.5) && reasonsFor("company").includes(reason) ? "company" : "consumer";
      addFlag(log, r, reporter, reason, flaggedAt, "upheld", decisionId, decidedAt);
    }
  });
}

/** Flags that were dismissed: mostly companies flagging genuine negative reviews. */
function dismissFlags(log: ModerationLog, older: ReviewRec[]) {
  const frng = log.rng;
  const dismissPool = frng.sample(
    older.filter((r) => r.status === "published" && r.stars <= 3),
    26,
  );
  for (const r of dismissPool) {
    const byCompany = r.company.state === "verified" && frng.chance(0.75);
    const reason = frng.pick(reasonsFor(byCompany ? "company" : "consumer"));
    const flaggedAt = r.at + frng.int(2, 200) * HOUR;
    const decidedAt = flaggedAt + frng.int(4, 96) * HOUR;
    const decisionId = decide(log, r, "dismiss_flag", reason, dismissalStatement(reason), decidedAt);
    addFlag(log, r, byCompany ? "company" : "consumer", reason, flaggedAt, "dismissed", decisionId, decidedAt);
  }
}

/** Pending flags: the reviews stay visible, marked as under review. */
function openFlags(log: ModerationLog) {
  const { w, rng: frng } = log;
  const recentPublished = published(w.reviews).filter((r) => r.at > REFERENCE_NOW - 45 * DAY && r.author !== w.accounts.reader);
  const brandNegatives = recentPublished.filter((r) => r.company === w.brand && r.stars <= 2);
  const pendingPool = [
    ...brandNegatives.slice(0, 3),
    ...frng.sample(
      recentPublished.filter((r) => r.company !== w.brand),
      30,
    ),
  ];
  for (const r of pendingPool) {
    const n = frng.weighted([1, 2, 3], [70, 20, 10]);
    let first = Infinity;
    for (let k = 0; k < n; k++) {
      const byCompany = k === 0 && r.company.state === "verified" && (r.company === w.brand || frng.chance(0.4));
      const reporter = byCompany ? "company" : frng.chance(0.12) ? "notifier" : "consumer";
      const reason = frng.pick(reasonsFor(byCompany ? "company" : "consumer"));
      const at = Math.min(REFERENCE_NOW - HOUR, r.at + frng.int(1, 20 * 24) * HOUR);
      first = Math.min(first, at);
      addFlag(log, r, reporter, reason, at, "pending", null, null);
    }
    r.underReviewSince = first;
  }
}
