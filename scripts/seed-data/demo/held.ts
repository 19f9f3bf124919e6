// Held by the automatic checks, each with the code of the check that held it
// (review-checks.server.ts CHECKS) and a text the check really finds: links, phone
// numbers, banned words, a copy-paste campaign (the first with a link, the copies
// near-duplicates of it), and a burst of one-star reviews on one company within two
// hours (the angriest first, held for their words and links; from the fifth on, for
// the burst itself).
//
// Unlike the rest of the demo, these wait in a live queue: their content is built as of
// REFERENCE_NOW, but their times are placed relative to the moment of seeding
// (`seedNow`), between 2 and 60 hours before it. A fresh start thus shows moderators a
// queue within the published 72-hour delay, and the deadline job publishes none of
// them at once: the first only if nobody decides within about half a day.
import { DAY, HOUR, REFERENCE_NOW, isoDate, timeOfDay } from "../generate";
import type { Rng } from "../random";
import { heldText } from "../text";
import type { CompanyRec, DemoWorld, MakeReview, ReviewRec } from "./types";

/** A time in the last `maxDays` days before REFERENCE_NOW (at least an hour before it). */
export const recentAt = (rng: Rng, maxDays: number) =>
  Math.min(REFERENCE_NOW - HOUR, timeOfDay(rng, REFERENCE_NOW - rng.float(0.2, maxDays) * DAY));

interface HeldQueue {
  rng: Rng;
  makeReview: MakeReview;
  companies: CompanyRec[];
  /** REFERENCE_NOW minus so many hours. */
  at: (hoursAgo: number) => number;
  /** Moves a held review to its place relative to the moment of seeding. */
  place: (r: ReviewRec) => void;
}

export function heldReviews(w: DemoWorld, makeReview: MakeReview) {
  const held: ReviewRec[] = [];
  const heldShift = Math.max(0, w.seedNow - REFERENCE_NOW);
  const shiftDays = Math.floor(heldShift / DAY);
  const q: HeldQueue = {
    rng: w.root.fork("held"),
    makeReview,
    companies: w.companies.filter((c) => c !== w.brand),
    at: (hoursAgo) => REFERENCE_NOW - Math.round(hoursAgo * HOUR),
    place: (r) => {
      r.at += heldShift;
      r.experienceDate = isoDate(Date.parse(`${r.experienceDate}T12:00:00Z`) + shiftDays * DAY);
      held.push(r);
    },
  };
  heldForTheirText(q);
  const campaignTarget = heldCampaign(q);
  heldBurst(
    q,
    w.byPopularity.find((c) => c.state === "unclaimed" && c !== campaignTarget)!,
  );
  w.reviews.push(...held);
}

function heldForTheirText({ rng, makeReview, companies, at, place }: HeldQueue) {
  for (const check of ["links", "links", "links", "phone", "phone", "phone", "banned_words", "banned_words", "banned_words"] as const) {
    const c = rng.pick(companies);
    const r = makeReview(rng, c, at(rng.float(2, 60)), {
      status: "held",
      origin: "organic",
      stars: check === "banned_words" ? 1 : undefined,
    });
    r.heldCheck = check;
    r.body = `${r.body}\n\n${heldText(rng, r.language, check)}`;
    place(r);
  }
}

/** The campaign: one text, with a link, posted by three accounts on one company. */
function heldCampaign({ rng, makeReview, companies, at, place }: HeldQueue): CompanyRec {
  const campaignTarget = rng.pick(companies.filter((c) => c.state !== "verified"));
  const campaignStart = 40 + rng.float(0, 10);
  let campaign: ReviewRec | null = null;
  for (let k = 0; k < 3; k++) {
    const r = makeReview(rng, campaignTarget, at(campaignStart - k * rng.float(1, 4)), { status: "held", stars: 5, origin: "organic" });
    if (!campaign) {
      r.heldCheck = "links";
      r.body = `${r.body}\n\n${heldText(rng, r.language, "links")}`;
      campaign = r;
    } else {
      r.heldCheck = "near_duplicate";
      r.language = campaign.language;
      r.title = campaign.title;
      r.body = campaign.body;
    }
    place(r);
  }
  return campaignTarget;
}

/** Seven one-star reviews on one unclaimed company, a few minutes apart. */
function heldBurst({ rng, makeReview, at, place }: HeldQueue, burstTarget: CompanyRec) {
  const burstStart = 20 + rng.float(0, 4);
  let minutes = 0;
  for (let k = 0; k < 7; k++) {
    minutes += rng.int(6, 18);
    const r = makeReview(rng, burstTarget, at(burstStart - minutes / 60), { status: "held", stars: 1, origin: "organic" });
    const check = k < 4 ? (k % 2 === 0 ? "banned_words" : "links") : "negative_burst";
    r.heldCheck = check;
    r.title = r.language === "fr" ? rng.pick(["Nul", "À fuir", "Arnaque", "Zéro"]) : rng.pick(["Terrible", "Avoid", "Rubbish"]);
    r.body = heldText(rng, r.language, check === "negative_burst" ? "burst" : check);
    place(r);
  }
}
