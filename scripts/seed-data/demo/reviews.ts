// The demo's reviews: one generator (reviewMaker) for every scenario, then three years of
// reviews for every company, the brand's busy inbox, and the reviews of the demo reader.
import { DAY, HOUR, REFERENCE_NOW, drawExperienceDelay, drawRecommend, drawStars, isoDate, timeOfDay } from "../generate";
import { randomFirstName, type Lang } from "../people";
import { WeightedTable, type Rng } from "../random";
import { channelFor, composeReview } from "../text";
import { SPAN } from "./constants";
import type { CompanyRec, DemoWorld, MakeReview, ReviewRec, SubjectRec, UserRec } from "./types";

function makePool(users: UserRec[]) {
  return { users, table: new WeightedTable(users.map((u) => u.weight)) };
}

/** The review generator: an author who has not yet reviewed the subject (in the
 *  company's main language more often), stars from the company's quality at that date,
 *  and a text composed for the subject, the channel and the stars. */
export function reviewMaker(reviewers: UserRec[], start: number): MakeReview {
  const byLang: Record<Lang, { users: UserRec[]; table: WeightedTable }> = {
    fr: makePool(reviewers.filter((u) => u.locale === "fr")),
    en: makePool(reviewers.filter((u) => u.locale === "en")),
  };
  const reviewed = new Set<string>(); // "user:subject": one review per subject per author

  const pickAuthor = (c: CompanyRec, s: SubjectRec, rng: Rng): UserRec => {
    const lang: Lang = rng.chance(c.spec.lang === "en" ? 0.7 : 0.24) ? "en" : "fr";
    const pool = byLang[lang];
    for (let tries = 0; ; tries++) {
      const u = pool.users[pool.table.index(rng)]!;
      if (!reviewed.has(`${u.id}:${s.id}`) || tries > 40) {
        reviewed.add(`${u.id}:${s.id}`);
        return u;
      }
    }
  };

  return (rng, c, at, opts = {}) => {
    const subject = opts.subject ?? c.subjects[c.subjectTable.index(rng)]!;
    const author = opts.author ?? pickAuthor(c, subject, rng);
    const frac = (at - start) / SPAN;
    let origin: ReviewRec["origin"] = opts.origin ?? "organic";
    if (!opts.origin) {
      if (c.state === "verified" && rng.chance(0.28)) origin = "invited";
      else if (rng.chance(0.07)) origin = "verified";
    }
    const quality = c.quality + c.slope * (frac - 0.5) + (origin === "invited" ? 0.12 : 0);
    const stars = opts.stars ?? drawStars(rng, quality);
    const channel = channelFor(rng, subject.spec.kind);
    // Products are reviewed after some use; visits and calls soon after.
    const delay = subject.spec.kind === "product" ? 12 + Math.round(drawExperienceDelay(rng) * 1.5) : drawExperienceDelay(rng);
    const experience = at - delay * DAY - rng.int(0, 12) * HOUR;
    const lang = author.locale;
    const staff = randomFirstName(rng, "fr");
    const composed = composeReview(rng, {
      lang,
      gender: author.person.gender,
      stars,
      category: c.category,
      kind: subject.spec.kind,
      channel,
      subjectName: subject.spec.name,
      companyName: c.spec.name,
      city: subject.spec.city,
      delayDays: delay,
      experienceMonth: new Date(experience).getUTCMonth(),
      staff,
    });
    return {
      id: 0,
      company: c,
      subject,
      author,
      stars,
      title: composed.title,
      body: composed.body,
      composed,
      staff,
      language: lang,
      experienceDate: isoDate(experience),
      channel,
      recommend: drawRecommend(rng, stars),
      origin,
      status: opts.status ?? "published",
      heldCheck: null,
      at,
      editedAt: null,
      removedAt: null,
      removalReason: null,
      deletedAt: null,
      underReviewSince: null,
      repliedAt: null,
      resolvedAt: null,
      helpfulCount: 0,
      previous: [],
    };
  };
}

/** Every company's reviews over three years, denser towards REFERENCE_NOW (the site grows). */
export function ordinaryReviews(w: DemoWorld, makeReview: MakeReview) {
  const rrng = w.root.fork("reviews");
  for (const c of w.companies) {
    for (let k = 0; k < c.reviewCount; k++) {
      const age = SPAN * (1 - Math.sqrt(rrng.next()));
      const at = Math.min(REFERENCE_NOW - HOUR, timeOfDay(rrng, REFERENCE_NOW - age));
      w.reviews.push(makeReview(rrng, c, at));
    }
  }
}

/** The brand's inbox: a busy last fortnight, mostly still awaiting a reply. */
export function brandInbox(w: DemoWorld, makeReview: MakeReview) {
  const brng = w.root.fork("brand");
  for (let k = 0; k < 14; k++) {
    const at = Math.min(REFERENCE_NOW - HOUR, timeOfDay(brng, REFERENCE_NOW - brng.float(0, 13) * DAY));
    const r = makeReview(brng, w.brand, at, { stars: brng.weighted([1, 2, 3, 4, 5], [4, 2, 2, 2, 4]) });
    r.noReply = brng.chance(0.85);
    w.reviews.push(r);
  }
}

/** Verified companies other than the brand (the reader's and the conduct reports'). */
export const verifiedOthers = (w: DemoWorld) => w.companies.filter((c) => c.state === "verified" && c !== w.brand);

/** Léa Martin, the demo reader: six reviews, three of verified companies that answered. */
export function readerReviews(w: DemoWorld, makeReview: MakeReview) {
  const lrng = w.root.fork("reader");
  const others = w.companies.filter((c) => c.state !== "verified");
  const readerCompanies = [...lrng.sample(verifiedOthers(w), 3), ...lrng.sample(others, 3)];
  const readerStars = [2, 5, 1, 4, 5, 3];
  readerCompanies.forEach((c, i) => {
    const at = timeOfDay(lrng, REFERENCE_NOW - (40 + i * 95 + lrng.int(0, 30)) * DAY);
    const r = makeReview(lrng, c, at, { author: w.accounts.reader, stars: readerStars[i], origin: "organic" });
    r.forceReply = i < 3;
    w.reviews.push(r);
  });
}

/** Chronological ids, once every review is written. */
export function numberReviews(w: DemoWorld) {
  w.reviews.sort((a, b) => a.at - b.at);
  w.reviews.forEach((r, i) => (r.id = w.ids.reviews + i + 1));
}

/** The reviews published at this point of the build (removals and deletions come later). */
export const published = (reviews: ReviewRec[]) => reviews.filter((r) => r.status === "published");
