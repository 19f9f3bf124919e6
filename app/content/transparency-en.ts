// /transparency in English (the shape and how the page loads it: ./transparency.ts).
import { formatNumber } from "~/i18n";
import * as flagPolicy from "~/lib/flag-policy";
import { MANIFESTLY_ILLEGAL_REASONS, reasonLabel } from "~/lib/moderation-reasons";
import * as policy from "~/lib/policy";
import * as invitation from "~/lib/invitation-policy";
import { INVITED_GAP } from "~/lib/invitation-gap";
import { HALF_LIFE_DAYS, PRIOR_COUNT, PRIOR_MEAN } from "~/lib/trustscore";
import type { TransparencyContent } from "./transparency";

const abusiveShare = `${formatNumber("en", flagPolicy.FLAG_ABUSE_DISMISSED_SHARE * 100)} %`;

/** The manifestly illegal reasons, named. Read when the page renders, not on import: in the
 *  browser this module runs before entry.client.tsx registers the page's messages, where
 *  the reasons' labels are (hence the getters below). */
const illegal = () => MANIFESTLY_ILLEGAL_REASONS.map((r) => reasonLabel(r, "en")).join("; ");

export const content: TransparencyContent = {
  title: "How reviews work on Réplique",
  description: "How reviews are collected, checked, moderated and displayed; how the TrustScore is computed; live moderation statistics.",
  lead: "Réplique follows the NF ISO 20488 standard on online reviews and French consumer law (article L111-7-2 of the Code de la consommation). This page says everything we do with reviews, without exception.",

  checks: {
    title: "Are reviews checked?",
    intro: "Yes, at three moments:",
    moments: [
      {
        strong: "At collection",
        text: `: an account with a verified email address, the statement "I had this experience myself", a required date of experience (not in the future, not older than ${policy.MAX_EXPERIENCE_AGE_YEARS} years), one review per store, site or product and per author every ${policy.ONE_REVIEW_PER_MONTHS} months.`,
      },
      {
        strong: "Before publication",
        text: ", automatic checks: how many reviews one account or one network posts, links, email addresses and phone numbers in the text, banned words, duplicates, staff of the reviewed company (conflict of interest), a sudden burst of negative reviews. A check may hold the review for a moderator, or refuse it with a clear message. No silent filtering: the author always sees where their review stands.",
      },
      {
        strong: "After publication",
        text: ", when reported: anyone can report a review or a reply; a human moderator decides, giving a reason from the list below.",
      },
    ],
  },

  delay: {
    title: "Publication delay",
    paragraphs: [
      `Most reviews are published at once. A review held by a check is examined by a moderator; if nobody has decided within ${policy.MAX_PUBLICATION_DELAY_HOURS} hours, it is published automatically and the moderation log says so.`,
    ],
  },

  noReward: {
    title: "No reward",
    paragraphs: [
      "Nobody is paid or rewarded for writing a review, and companies pay neither to reply, nor to invite their customers, nor to have a review removed. A company can never hide, edit or reorder a review. If a company offers you something to change or withdraw your review, report it: it is a ground for removing the reviews it solicited.",
    ],
  },

  labels: {
    title: "Review labels",
    terms: {
      organic: { term: "Organic", definition: "Written on the author's own initiative, without an invitation." },
      invited: {
        term: "Invited",
        definition:
          "Written after an invitation sent by the company. The company must invite all its customers the same way, whatever their satisfaction (no gating).",
      },
      verified: {
        term: "Verified experience",
        definition: "The author sent a proof (receipt, order confirmation), seen only by moderators, and a moderator accepted it.",
      },
    },
    dates: "Each review also shows the date of the experience, the publication date and, when it was edited, the date of the last edit.",
  },

  invitations: {
    title: "Invitations",
    paragraphs: [
      `A verified company may invite its customers to write a review: with a link it shares, or by a mail we send for it, one by one or from a file of addresses. The mail is ours and the same for everyone: it says which company asks, about what, that the review is published as written whatever its stars with the label "Invited", that the company can answer but never change or remove it, and it links these rules. The company gives no rating and no satisfaction score with an address: nothing lets it invite only the customers it expects to be happy.`,
      `An address receives one reminder at most, ${invitation.REMINDER_AFTER_DAYS} days after the invitation, and is not invited again by the same company for ${invitation.REINVITE_AFTER_DAYS} days. Every invitation ends with a link to stop invitations from that company or from every company; we then keep only a fingerprint of the address (its SHA-256) and never mail it again. We erase the address, the name and the order reference of an invitation ${invitation.INVITATION_ADDRESS_DAYS} days after it was sent, and never give them to anyone.`,
      `When a company's invited reviews are much more positive than its organic ones, its page says so, with both averages. We show this notice when each kind has at least ${INVITED_GAP.minReviews} published reviews, the invited average is at least ${formatNumber("en", INVITED_GAP.minStars)} star higher, and Welch's test finds the difference clear (z ≥ ${formatNumber("en", INVITED_GAP.minZ)}, that is p < 0.001).`,
    ],
  },

  editing: {
    title: "Editing, deleting, being contacted",
    paragraphs: [
      "Authors can edit their review at any time; every version is kept and the date of the last edit is shown. They can delete it. Authors are only contacted by Réplique, for moderation (for example to ask for a proof), never by third parties: their address is never given to companies. A reported review stays editable by its author while it is assessed, and stays online until a decision is made.",
    ],
  },

  removals: {
    title: "Reasons for refusal and removal",
    intro:
      "A review, a reply or a follow-up is refused or removed only for one of these reasons. Each decision is notified to the author and to whoever reported it, with the facts, the reason, whether automatic means were used, and how to contest it. A removed review leaves in its place the date and the reason.",
    closing:
      "Each decision is taken by a person and written to the moderation log. A reported review stays visible while it is assessed. Moderators never edit the text of a review or a reply.",
  },

  flags: {
    title: "The life of a report",
    points: {
      delay: {
        strong: `Every report is decided within ${flagPolicy.FLAG_DECISION_DAYS} days`,
        text: `, and within ${flagPolicy.MANIFESTLY_ILLEGAL_DECISION_HOURS} hours when it is about manifestly illegal content. The moderators' queue is ordered by deadline, the nearest first.`,
      },
      visible: {
        text: 'A reported review stays online with the neutral line "under review since …", while a report on it is open and at most until that report\'s deadline: a report nobody decided in time does not mark a review indefinitely (it stays first in the queue).',
      },
      notice: {
        strong: "The author of a reported review is told",
        text: `, on the site and by email, at most once per review every ${flagPolicy.FLAG_NOTICE_INTERVAL_HOURS} hours. For ${flagPolicy.FLAG_RESPONSE_DAYS} days they can edit the review or send the moderators their side and their evidence, which the moderators read before deciding.`,
      },
      hold: {
        strong: "Manifestly illegal content",
        get text() {
          return ` (${illegal()}): the review is hidden at once when a moderator reports it so, or at least ${flagPolicy.FLAG_HOLD_MIN_REPORTERS} independent accounts do (verified address, account older than ${flagPolicy.FLAG_HOLD_MIN_ACCOUNT_AGE_DAYS} days, no tie to the reviewed company, no warning for abusive reporting). A company's report, or a single anonymous one, never hides a review: it stays online until the decision.`;
        },
      },
      limits: {
        text: `One account may file at most ${flagPolicy.FLAGS_PER_DAY_PER_ACCOUNT} reports a day, and one company (all its members together) at most ${flagPolicy.FLAGS_PER_DAY_PER_COMPANY}.`,
      },
      abuse: {
        strong: "Abusive reporting",
        get text() {
          return ` (article 23 of the EU Digital Services Act): when, over ${flagPolicy.FLAG_ABUSE_PERIOD_DAYS} days, at least ${flagPolicy.FLAG_ABUSE_MIN_DECIDED} reports of an account or a company were decided and at least ${abusiveShare} of them were dismissed, it is warned; if more reports filed after the warning are dismissed, its new reports are refused for ${flagPolicy.FLAG_SUSPENSION_DAYS} days. The warning and the suspension are written to the moderation log under the reason "${reasonLabel("abusive_flagging", "en")}". On each company page, the right-of-reply scorecard shows the reports it filed and the share upheld.`;
        },
      },
    },
  },

  appeals: {
    title: "Appealing a decision",
    paragraphs: [
      `A decision can be appealed within Réplique for ${policy.APPEAL_WINDOW_DAYS} days (six months) after it, by the side it went against: the author of removed content; the people who reported content that was kept or put back online; the author of a review held at submission and then refused by a moderator; the author of a review whose proof of experience was refused; the reviewer whose suggested store, site, product or company was not added; the person who reported a company's conduct, when the report is dismissed, and the company's owners, when it is upheld (they are never told who reported it, nor which review it is about); the holder of a suspended account, who can do it without signing in, from the link in the email; the person whose request to manage a company was refused. A few words saying why are enough, from the page of the statement of reasons (linked from the email and the notification) or, for a removed review, from the review's page. One appeal per person and per decision.`,
      "The appeal is decided by a moderator other than the one who took the decision (or by an administrator). It upholds the decision or overturns it: a review removed wrongly comes back online and into the TrustScore; a review kept wrongly is removed; a review refused at submission is published and counts from that day; a refused proof, subject or claim is accepted, with everything an acceptance does; a suspended account is reinstated; a conduct report is upheld or dismissed. The outcome is a new decision, written to the log beside the first one, which is never changed; its statement of reasons goes to the appellant and to the other side, on the site and by email. It is final within Réplique.",
      "Any decision, the outcome of an appeal included, can also be brought before a certified out-of-court dispute settlement body (article 21 of the EU Digital Services Act) or before the courts.",
    ],
  },

  retention: {
    title: "Retention",
    paragraphs: [
      `Published reviews stay online until their author deletes them. Removed or deleted content is kept offline for at least ${policy.REMOVED_CONTENT_RETENTION_DAYS} days, for appeals and requests from the authorities. When an account is deleted, its reviews are anonymised or deleted, as its holder chooses.`,
    ],
  },

  trustscore: {
    title: "The TrustScore",
    paragraphs: [
      `The TrustScore is a Bayesian average: we start as if the company already had ${PRIOR_COUNT} reviews of ${formatNumber("en", PRIOR_MEAN)} stars, so that one or two reviews cannot make an extreme score. Recent reviews count more: a review's weight halves every ${HALF_LIFE_DAYS} days. The score is shown out of 5 with one decimal, never rounded up, beside the plain mean of the stars. You can choose its basis: all reviews, verified experiences, invited reviews or organic reviews. Held, removed and deleted reviews never count. Each review shows, beside its dates, what it counts today: 1× when just published, 0.5× ${HALF_LIFE_DAYS} days later.`,
    ],
  },

  ranking: {
    title: "Order of display",
    paragraphs: [
      'By default, reviews are ordered newest first, by publication date. Readers may sort them by helpfulness (number of "helpful" votes, then date) and filter them. Neither the company nor any payment changes this order. The company\'s reply is always shown under the review, in a block of the same size.',
    ],
  },

  verifiedCompanies: {
    title: "Verified companies",
    paragraphs: [
      'A company is "verified" when someone proved they represent it: by a code sent to an address at its domain, or with documents examined by a moderator. Only its verified members reply in its name. Replying is free.',
    ],
  },

  scorecard: {
    title: "The right-of-reply scorecard",
    paragraphs: [
      "On each company page, for the last 12 months: the share of 1–2 star reviews that were answered, the median time to reply, how many reviews the company reported and the share of its reports upheld by moderation.",
    ],
  },
};
