// Demo data: categories, ~160 invented companies with their stores, websites,
// products and services, ~1 500 reviewers, ~6 000 reviews over three years with
// replies, follow-ups, votes, flags and moderation decisions, and the four demo
// accounts of the spec. Deterministic: a fixed-seed PRNG and dates relative to
// REFERENCE_NOW, so two runs give the same content.
//
//   npm run seed              seeds DATABASE_URL (default ./data/replique.db) if it has no company
//   npm run seed -- --force   deletes the database file first, then seeds
//
// server.ts calls seedIfEmpty() at start-up (unless SEED_DEMO=0).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type Database from "better-sqlite3";
import sharp from "sharp";
import { closeDb, databaseFile, getDb, type Db } from "../db/client.server";
import { renderMarkdown } from "../app/lib/markdown.server";
import { hashPassword } from "../app/models/password.server";
import { rebuildAllStats } from "../app/models/stats.server";
import { seedFlagLifecycle } from "./seed-flags";
import { seedWarning } from "./seed-warnings";
import { fileNames, mediaDir, THUMB_DIMENSION } from "../app/models/media.server";
import { CATEGORIES, CATEGORY_BY_SLUG, makeCompany, type CategoryDef, type CompanySpec, type SubjectSpec } from "./seed-data/catalog";
import {
  DAY,
  HOUR,
  REFERENCE_NOW,
  drawExperienceDelay,
  drawRecommend,
  drawReplyDelay,
  drawStars,
  isoDate,
  replyProbability,
  timeOfDay,
} from "./seed-data/generate";
import { displayNameOf, emailOf, randomFirstName, randomPerson, slugify, type Lang, type Person } from "./seed-data/people";
import { Rng, WeightedTable } from "./seed-data/random";
import {
  SIGNER_ROLE_COUNT,
  channelFor,
  composeFollowUp,
  composeReply,
  composeReview,
  composeUpdate,
  dismissalStatement,
  flagExplanation,
  heldText,
  makeSigner,
  reasonsFor,
  removalStatement,
  type Channel,
  type ComposedReview,
  type FlagReason,
  type Signer,
} from "./seed-data/text";

// The content generators, for seed-large.ts and anyone else.
export * from "./seed-data/catalog";
export * from "./seed-data/generate";
export * from "./seed-data/people";
export * from "./seed-data/random";
export * from "./seed-data/text";

export const DEMO_PASSWORD = "replique-demo";
export const DEMO_ACCOUNTS = [
  { email: "reader@example.com", role: "member", displayName: "Léa Martin", what: "consumer with reviews" },
  { email: "brand@example.com", role: "member", displayName: "Hugo Bernard", what: "owner of Maison Lumière (verified)" },
  { email: "moderator@example.com", role: "moderator", displayName: "Sophie Laurent", what: "moderator" },
  { email: "admin@example.com", role: "admin", displayName: "Thomas Girard", what: "administrator" },
] as const;
/** The verified company that brand@example.com owns. */
export const BRAND_COMPANY_SLUG = "maison-lumiere";

const SEED = "replique-demo-2026";
const YEAR = 365 * DAY;
const SPAN = 3 * YEAR;
const REVIEWER_COUNT = 1_520;
const TARGET_REVIEWS = 6_000;
const BRAND_REVIEWS = 330;

type Row = Record<string, string | number | null>;

interface UserRec {
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

interface MemberRec {
  user: UserRec;
  role: "owner" | "agent";
  signer: Signer;
}

interface CompanyRec {
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

interface SubjectRec {
  id: number;
  companyId: number;
  spec: SubjectSpec;
  state: "active" | "pending";
  suggestedBy: number | null;
  createdAt: number;
}

interface ReviewRec {
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

export interface DemoData {
  tables: Array<{ table: string; rows: Row[] }>;
  counts: Record<string, number>;
}

/** Builds every row of the demo in memory (pure: no database access). Everything is
 *  dated relative to REFERENCE_NOW, except the held reviews, placed relative to `seedNow`
 *  (the moment of seeding) so that they wait within the publication delay. */
export function buildDemoData(passwordHash: string, ids: IdBase = ZERO_IDS, seedNow = Date.now()): DemoData {
  const root = new Rng(SEED);
  let userId = ids.users;
  let companyId = ids.companies;
  let subjectId = ids.subjects;
  const start = REFERENCE_NOW - SPAN;

  // ── Categories ──
  const categoryRows: Row[] = CATEGORIES.map((c, i) => ({
    id: ids.categories + i + 1,
    slug: c.slug,
    name_fr: c.nameFr,
    name_en: c.nameEn,
    position: i,
  }));
  const categoryId = new Map(CATEGORIES.map((c, i) => [c.slug, ids.categories + i + 1]));

  // ── Users: demo accounts first ──
  const users: UserRec[] = [];
  const demo = new Map<string, UserRec>();
  const demoPeople: Record<string, Person> = {
    "reader@example.com": { first: "Léa", last: "Martin", gender: "f", lang: "fr" },
    "brand@example.com": { first: "Hugo", last: "Bernard", gender: "m", lang: "fr" },
    "moderator@example.com": { first: "Sophie", last: "Laurent", gender: "f", lang: "fr" },
    "admin@example.com": { first: "Thomas", last: "Girard", gender: "m", lang: "fr" },
  };
  for (const a of DEMO_ACCOUNTS) {
    const u: UserRec = {
      id: ++userId,
      person: demoPeople[a.email]!,
      email: a.email,
      displayName: a.displayName,
      role: a.role,
      locale: "fr",
      passwordHash,
      createdAt: start - 120 * DAY,
      weight: 0,
    };
    users.push(u);
    demo.set(a.email, u);
  }
  const reader = demo.get("reader@example.com")!;
  const brandOwner = demo.get("brand@example.com")!;
  const moderator = demo.get("moderator@example.com")!;

  // ── Companies ──
  const crng = root.fork("companies");
  const companies: CompanyRec[] = [];
  const slugs = new Set<string>();
  const SECOND_CATEGORY: Record<string, string[]> = {
    "e-commerce": ["high-tech", "mode", "maison-bricolage"],
    supermarches: ["e-commerce"],
    "high-tech": ["e-commerce"],
    voyage: ["transport"],
    energie: ["services-domicile"],
    "sante-beaute": ["e-commerce"],
    "maison-bricolage": ["e-commerce"],
  };
  for (const cat of CATEGORIES) {
    const names: Array<[string, Lang]> = [
      ...cat.brands.map((b) => [b, "fr"] as [string, Lang]),
      ...cat.brandsEn.map((b) => [b, "en"] as [string, Lang]),
    ];
    for (const [name, lang] of names) {
      const isBrand = slugify(name) === BRAND_COMPANY_SLUG;
      let slug = slugify(name);
      for (let i = 2; slugs.has(slug); i++) slug = `${slugify(name)}-${i}`;
      slugs.add(slug);
      const seconds = SECOND_CATEGORY[cat.slug];
      const extra = seconds && crng.chance(0.2) ? CATEGORY_BY_SLUG.get(crng.pick(seconds)) : undefined;
      const spec = makeCompany(crng, { name, category: cat, lang, slug, storeScale: isBrand ? 1.6 : 1, extraCategory: extra });
      const popularity = isBrand ? 0 : Math.exp(crng.normal() * 1.05);
      companies.push({
        id: ++companyId,
        spec,
        category: cat,
        popularity,
        quality: isBrand ? 0.72 : 0.12 + 0.88 * crng.next() ** 0.75,
        slope: isBrand ? 0.12 : crng.float(-0.3, 0.3),
        state: isBrand ? "verified" : "unclaimed",
        replyRate: isBrand ? 0.9 : crng.float(0.72, 0.98),
        createdAt: start - crng.int(30, 400) * DAY,
        claimedAt: null,
        verifiedAt: null,
        members: [],
        subjects: [],
        subjectTable: new WeightedTable([1]),
        reviewCount: isBrand ? BRAND_REVIEWS : 0,
      });
    }
  }
  const brand = companies.find((c) => c.spec.slug === BRAND_COMPANY_SLUG)!;

  // State: popular companies claim their page more often; about a quarter are verified.
  const byPopularity = companies.filter((c) => c !== brand).sort((a, b) => b.popularity - a.popularity);
  byPopularity.forEach((c, rank) => {
    const pVerified = rank < 30 ? 0.8 : rank < 60 ? 0.3 : 0.06;
    if (crng.chance(pVerified)) c.state = "verified";
    else if (crng.chance(0.12)) c.state = "claimed";
  });
  for (const c of companies) {
    if (c.state === "verified") {
      c.claimedAt = c.createdAt + crng.int(2, 20) * DAY;
      c.verifiedAt = c.claimedAt + crng.int(0, 3) * DAY + crng.int(1, 20) * HOUR;
    } else if (c.state === "claimed") {
      c.claimedAt = REFERENCE_NOW - crng.int(3, 40) * DAY;
    }
  }

  // Review counts: by popularity; verified companies also invite their customers.
  const weightOf = (c: CompanyRec) => c.popularity * (c.state === "verified" ? 1.7 : 1);
  const totalWeight = companies.filter((c) => c !== brand).reduce((s, c) => s + weightOf(c), 0);
  for (const c of companies) {
    if (c === brand) continue;
    c.reviewCount = Math.max(4, Math.round((weightOf(c) / totalWeight) * (TARGET_REVIEWS - BRAND_REVIEWS)));
  }

  // ── Members of verified companies (they sign the replies) ──
  const mrng = root.fork("members");
  const emailsUsed = new Set(users.map((u) => u.email));
  for (const c of companies) {
    if (c.state !== "verified") continue;
    const agents = c === brand ? 1 : mrng.int(0, 2);
    for (let i = 0; i <= agents; i++) {
      const isBrandOwner = c === brand && i === 0;
      let user: UserRec;
      if (isBrandOwner) user = brandOwner;
      else {
        const person = c === brand ? { first: "Sarah", last: "Lefèvre", gender: "f" as const, lang: "fr" as const } : randomPerson(mrng, c.spec.lang);
        let email = `${slugify(person.first).replace(/-/g, "")}.${slugify(person.last).replace(/-/g, "")}@${c.spec.domain}`;
        if (emailsUsed.has(email)) email = email.replace("@", `${i}@`);
        emailsUsed.add(email);
        user = {
          id: ++userId,
          person,
          email,
          displayName: `${person.first} ${person.last}`,
          role: "member",
          locale: person.lang,
          passwordHash: null,
          createdAt: (c.claimedAt ?? c.createdAt) - DAY,
          weight: 0,
        };
        users.push(user);
      }
      const roleIndex = isBrandOwner ? 0 : i === 0 ? mrng.int(0, SIGNER_ROLE_COUNT - 1) : 1;
      c.members.push({ user, role: i === 0 ? "owner" : "agent", signer: makeSigner(user.person.first, user.person.gender, roleIndex) });
    }
  }

  // ── Subjects ──
  const subjects: SubjectRec[] = [];
  for (const c of companies) {
    for (const spec of c.spec.subjects) {
      const s: SubjectRec = { id: ++subjectId, companyId: c.id, spec, state: "active", suggestedBy: null, createdAt: c.createdAt };
      c.subjects.push(s);
      subjects.push(s);
    }
    c.subjectTable = new WeightedTable(
      c.subjects.map((s) => (s.spec.kind === "website" ? (s.spec.slug === "application" ? 1.2 : 3.5) : s.spec.kind === "store" ? 0.9 : 1.1)),
    );
  }

  // ── Reviewers ──
  const urng = root.fork("users");
  const reviewers: UserRec[] = [];
  for (let i = 0; i < REVIEWER_COUNT; i++) {
    const lang: Lang = urng.chance(0.3) ? "en" : "fr";
    const person = randomPerson(urng, lang);
    let email = emailOf(person, urng.int(1, 999));
    while (emailsUsed.has(email)) email = emailOf(person, urng.int(1, 9999));
    emailsUsed.add(email);
    const u: UserRec = {
      id: ++userId,
      person,
      email,
      displayName: displayNameOf(person, urng),
      role: "member",
      locale: lang,
      passwordHash: null,
      createdAt: 0,
      weight: Math.exp(urng.normal() * 0.9),
    };
    reviewers.push(u);
    users.push(u);
  }
  const byLang: Record<Lang, { users: UserRec[]; table: WeightedTable }> = {
    fr: makePool(reviewers.filter((u) => u.locale === "fr")),
    en: makePool(reviewers.filter((u) => u.locale === "en")),
  };
  const reviewed = new Set<string>(); // "user:subject": one review per subject per author

  // ── Reviews ──
  const rrng = root.fork("reviews");
  const reviews: ReviewRec[] = [];

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

  const makeReview = (
    rng: Rng,
    c: CompanyRec,
    at: number,
    opts: { author?: UserRec; subject?: SubjectRec; stars?: number; status?: ReviewRec["status"]; origin?: ReviewRec["origin"] } = {},
  ): ReviewRec => {
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

  for (const c of companies) {
    for (let k = 0; k < c.reviewCount; k++) {
      // More reviews recently (the site grows): density rises towards REFERENCE_NOW.
      const age = SPAN * (1 - Math.sqrt(rrng.next()));
      const at = Math.min(REFERENCE_NOW - HOUR, timeOfDay(rrng, REFERENCE_NOW - age));
      reviews.push(makeReview(rrng, c, at));
    }
  }

  // The brand's inbox: a busy last fortnight, mostly still awaiting a reply.
  const brng = root.fork("brand");
  for (let k = 0; k < 14; k++) {
    const at = Math.min(REFERENCE_NOW - HOUR, timeOfDay(brng, REFERENCE_NOW - brng.float(0, 13) * DAY));
    const r = makeReview(brng, brand, at, { stars: brng.weighted([1, 2, 3, 4, 5], [4, 2, 2, 2, 4]) });
    r.noReply = brng.chance(0.85);
    reviews.push(r);
  }

  // Léa Martin, the demo reader: six reviews, three of verified companies that answered.
  const lrng = root.fork("reader");
  const verifiedOthers = companies.filter((c) => c.state === "verified" && c !== brand);
  const others = companies.filter((c) => c.state !== "verified");
  const readerCompanies = [...lrng.sample(verifiedOthers, 3), ...lrng.sample(others, 3)];
  const readerStars = [2, 5, 1, 4, 5, 3];
  readerCompanies.forEach((c, i) => {
    const at = timeOfDay(lrng, REFERENCE_NOW - (40 + i * 95 + lrng.int(0, 30)) * DAY);
    const r = makeReview(lrng, c, at, { author: reader, stars: readerStars[i], origin: "organic" });
    r.forceReply = i < 3;
    reviews.push(r);
  });

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
  const hrng = root.fork("held");
  const held: ReviewRec[] = [];
  const recentAt = (rng: Rng, maxDays: number) => Math.min(REFERENCE_NOW - HOUR, timeOfDay(rng, REFERENCE_NOW - rng.float(0.2, maxDays) * DAY));
  const heldShift = Math.max(0, seedNow - REFERENCE_NOW);
  const shiftDays = Math.floor(heldShift / DAY);
  const heldAt = (hoursAgo: number) => REFERENCE_NOW - Math.round(hoursAgo * HOUR);
  const place = (r: ReviewRec) => {
    r.at += heldShift;
    r.experienceDate = isoDate(Date.parse(`${r.experienceDate}T12:00:00Z`) + shiftDays * DAY);
    held.push(r);
  };
  const heldCompanies = companies.filter((c) => c !== brand);
  for (const check of ["links", "links", "links", "phone", "phone", "phone", "banned_words", "banned_words", "banned_words"] as const) {
    const c = hrng.pick(heldCompanies);
    const r = makeReview(hrng, c, heldAt(hrng.float(2, 60)), { status: "held", origin: "organic", stars: check === "banned_words" ? 1 : undefined });
    r.heldCheck = check;
    r.body = `${r.body}\n\n${heldText(hrng, r.language, check)}`;
    place(r);
  }
  // The campaign: one text, with a link, posted by three accounts on one company.
  const campaignTarget = hrng.pick(heldCompanies.filter((c) => c.state !== "verified"));
  const campaignStart = 40 + hrng.float(0, 10);
  let campaign: ReviewRec | null = null;
  for (let k = 0; k < 3; k++) {
    const r = makeReview(hrng, campaignTarget, heldAt(campaignStart - k * hrng.float(1, 4)), { status: "held", stars: 5, origin: "organic" });
    if (!campaign) {
      r.heldCheck = "links";
      r.body = `${r.body}\n\n${heldText(hrng, r.language, "links")}`;
      campaign = r;
    } else {
      r.heldCheck = "near_duplicate";
      r.language = campaign.language;
      r.title = campaign.title;
      r.body = campaign.body;
    }
    place(r);
  }
  const burstTarget = byPopularity.find((c) => c.state === "unclaimed" && c !== campaignTarget)!;
  const burstStart = 20 + hrng.float(0, 4);
  let minutes = 0;
  for (let k = 0; k < 7; k++) {
    minutes += hrng.int(6, 18);
    const r = makeReview(hrng, burstTarget, heldAt(burstStart - minutes / 60), { status: "held", stars: 1, origin: "organic" });
    const check = k < 4 ? (k % 2 === 0 ? "banned_words" : "links") : "negative_burst";
    r.heldCheck = check;
    r.title = r.language === "fr" ? hrng.pick(["Nul", "À fuir", "Arnaque", "Zéro"]) : hrng.pick(["Terrible", "Avoid", "Rubbish"]);
    r.body = heldText(hrng, r.language, check === "negative_burst" ? "burst" : check);
    place(r);
  }
  reviews.push(...held);

  // Suggested subjects waiting for a moderator, each with its pending review.
  const prng = root.fork("pending");
  const pendingSubjects: SubjectRec[] = [];
  for (const c of prng.sample(companies.filter((x) => x.category.stores[1] > 0 && x !== brand), 3)) {
    const store = c.spec.subjects.find((s) => s.kind === "store");
    if (!store) continue;
    const author = reviewers[prng.int(0, reviewers.length - 1)]!;
    const city = prng.pick(["Lorient", "Colmar", "Niort", "Montauban", "Biarritz"]);
    const spec: SubjectSpec = {
      kind: "store",
      slug: slugify(`${city} suggestion`),
      name: `${c.spec.name} — ${city}`,
      address: `${prng.int(1, 90)} rue du Commerce`,
      postalCode: { Lorient: "56100", Colmar: "68000", Niort: "79000", Montauban: "82000", Biarritz: "64200" }[city]!,
      city,
      url: null,
    };
    const at = recentAt(prng, 5);
    const s: SubjectRec = { id: ++subjectId, companyId: c.id, spec, state: "pending", suggestedBy: author.id, createdAt: at };
    c.subjects.push(s);
    subjects.push(s);
    pendingSubjects.push(s);
    reviews.push(makeReview(prng, c, at, { author, subject: s, status: "pending", origin: "organic" }));
  }

  // Chronological ids.
  reviews.sort((a, b) => a.at - b.at);
  reviews.forEach((r, i) => (r.id = ids.reviews + i + 1));

  // ── Removals, deletions, flags, decisions ──
  const frng = root.fork("flags");
  const flags: Row[] = [];
  const decisions: Row[] = [];
  let flagId = ids.flags;
  let decisionId = ids.moderation_decisions;
  const published = () => reviews.filter((r) => r.status === "published");
  const older = published().filter((r) => r.at < REFERENCE_NOW - 60 * DAY && r.author !== reader);

  const consumerReporter = (r: ReviewRec) => {
    let u = reviewers[frng.int(0, reviewers.length - 1)]!;
    while (u === r.author) u = reviewers[frng.int(0, reviewers.length - 1)]!;
    return u;
  };
  const addFlag = (r: ReviewRec, reporter: "company" | "consumer" | "notifier", reason: FlagReason, at: number, status: string, decision: number | null, decidedAt: number | null) => {
    const member = reporter === "company" ? frng.pick(r.company.members) : null;
    const user = reporter === "consumer" ? consumerReporter(r) : null;
    const person = reporter === "notifier" ? randomPerson(frng, "fr") : null;
    flags.push({
      id: ++flagId,
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
  };

  // Removed after an upheld flag (and three removed on a moderator's own reading).
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
  const removedPool = frng.sample(older.filter((r) => r.stars <= 2), 15);
  removedPool.forEach((r, i) => {
    const reason = frng.pick(Object.keys(REMOVED_TEXT) as FlagReason[]);
    const flaggedAt = r.at + frng.int(2, 120) * HOUR;
    const decidedAt = flaggedAt + frng.int(3, 70) * HOUR;
    r.status = "removed";
    r.body = `${r.body}\n\n${REMOVED_TEXT[reason]![r.language]}`;
    r.removedAt = decidedAt;
    r.removalReason = reason;
    const flagged = i >= 3;
    decisions.push({
      id: ++decisionId,
      actor_id: moderator.id,
      automated: 0,
      target_type: "review",
      target_id: r.id,
      decision: "remove",
      reason,
      statement: removalStatement(reason, flagged),
      created_at: decidedAt,
    });
    if (flagged) {
      const reporter = r.company.state === "verified" && frng.chance(0.5) && reasonsFor("company").includes(reason) ? "company" : "consumer";
      addFlag(r, reporter, reason, flaggedAt, "upheld", decisionId, decidedAt);
    }
  });

  // Flags that were dismissed: mostly companies flagging genuine negative reviews.
  const dismissPool = frng.sample(older.filter((r) => r.status === "published" && r.stars <= 3), 26);
  for (const r of dismissPool) {
    const byCompany = r.company.state === "verified" && frng.chance(0.75);
    const reason = frng.pick(reasonsFor(byCompany ? "company" : "consumer"));
    const flaggedAt = r.at + frng.int(2, 200) * HOUR;
    const decidedAt = flaggedAt + frng.int(4, 96) * HOUR;
    decisions.push({
      id: ++decisionId,
      actor_id: moderator.id,
      automated: 0,
      target_type: "review",
      target_id: r.id,
      decision: "dismiss_flag",
      reason,
      statement: dismissalStatement(reason),
      created_at: decidedAt,
    });
    addFlag(r, byCompany ? "company" : "consumer", reason, flaggedAt, "dismissed", decisionId, decidedAt);
  }

  // Pending flags: the reviews stay visible, marked as under review.
  const recentPublished = published().filter((r) => r.at > REFERENCE_NOW - 45 * DAY && r.author !== reader);
  const brandNegatives = recentPublished.filter((r) => r.company === brand && r.stars <= 2);
  const pendingPool = [...brandNegatives.slice(0, 3), ...frng.sample(recentPublished.filter((r) => r.company !== brand), 30)];
  for (const r of pendingPool) {
    const n = frng.weighted([1, 2, 3], [70, 20, 10]);
    let first = Infinity;
    for (let k = 0; k < n; k++) {
      const byCompany = k === 0 && r.company.state === "verified" && (r.company === brand || frng.chance(0.4));
      const reporter = byCompany ? "company" : frng.chance(0.12) ? "notifier" : "consumer";
      const reason = frng.pick(reasonsFor(byCompany ? "company" : "consumer"));
      const at = Math.min(REFERENCE_NOW - HOUR, r.at + frng.int(1, 20 * 24) * HOUR);
      first = Math.min(first, at);
      addFlag(r, reporter, reason, at, "pending", null, null);
    }
    r.underReviewSince = first;
  }

  // A few reviews deleted by their authors.
  for (const r of frng.sample(older.filter((x) => x.status === "published" && !x.underReviewSince), 4)) {
    r.status = "deleted";
    r.deletedAt = r.at + frng.int(5, 200) * DAY;
  }

  // ── Replies, follow-ups, resolutions, edits ──
  const rprng = root.fork("replies");
  const replies: Row[] = [];
  const replyRevisions: Row[] = [];
  const followUps: Row[] = [];
  let replyId = ids.replies;
  let replyRevisionId = ids.reply_revisions;
  let followUpId = ids.follow_ups;
  const edited: ReviewRec[] = [];

  for (const r of reviews) {
    if (r.status !== "published" && r.status !== "removed" && r.status !== "deleted") continue;
    if (r.company.state !== "verified" || r.noReply || !r.composed) continue;
    if (r.status !== "published" && !rprng.chance(0.4)) continue;
    if (!r.forceReply && !rprng.chance(replyProbability(r.company.replyRate, r.stars))) continue;
    let at = r.at + drawReplyDelay(rprng);
    if (at > REFERENCE_NOW - HOUR) {
      if (!r.forceReply) continue; // still awaiting a reply
      at = r.at + 3 * HOUR;
    }
    const members = r.company.members;
    const member = members.length > 1 && rprng.chance(0.45) ? members[rprng.int(1, members.length - 1)]! : members[0]!;
    const reply = composeReply(rprng, {
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
    replies.push({
      id: ++replyId,
      review_id: r.id,
      company_id: r.company.id,
      author_id: member.user.id,
      body: reply.body,
      body_html: renderMarkdown(reply.body),
      status: "published",
      published_at: at,
      edited_at: null,
      removed_at: null,
      removal_reason: null,
      under_review_since: null,
      created_at: at,
    });
    replyRevisions.push({ id: ++replyRevisionId, reply_id: replyId, body: reply.body, author_id: member.user.id, created_at: at });
    r.repliedAt = at;

    // The reviewer's follow-up, and sometimes "resolved by the company".
    if (r.status !== "published") continue;
    const isReader = r.author === reader;
    if (r.stars <= 3 && (isReader ? r.stars <= 2 : rprng.chance(0.22))) {
      const outcome = isReader ? "good" : rprng.weighted(["good", "bad", "neutral"] as const, [50, 35, 15]);
      const fAt = at + rprng.int(6, 120) * HOUR;
      if (fAt < REFERENCE_NOW) {
        const body = composeFollowUp(rprng, r.language, r.author.person.gender, outcome, member.signer.first);
        followUps.push({
          id: ++followUpId,
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
        if (outcome === "good" && !isReader && r.stars <= 2 && rprng.chance(0.3) && fAt + DAY < REFERENCE_NOW) edited.push(r);
      }
    } else if (r.stars <= 2 && rprng.chance(0.08)) {
      const resolvedAt = at + rprng.int(12, 240) * HOUR;
      if (resolvedAt < REFERENCE_NOW) r.resolvedAt = resolvedAt;
    }
  }

  // Edited reviews: the first version stays in review_revisions.
  for (const r of edited) {
    r.previous.push({ stars: r.stars, title: r.title, body: r.body, recommend: r.recommend, at: r.at });
    r.stars = Math.min(5, r.stars + rprng.int(1, 2));
    r.body = `${r.body}\n\n${composeUpdate(rprng, r.language, r.author.person.gender)}`;
    r.recommend = r.stars >= 4 ? 1 : r.recommend;
    r.editedAt = Math.min(REFERENCE_NOW - HOUR, (r.resolvedAt ?? r.repliedAt ?? r.at) + rprng.int(2, 30) * HOUR);
  }

  // ── Helpful votes ──
  const vrng = root.fork("votes");
  const votes: Row[] = [];
  for (const r of reviews) {
    if (r.status !== "published") continue;
    const p = r.stars <= 2 || r.body.length > 420 ? 0.45 : 0.3;
    if (!vrng.chance(p)) continue;
    const k = Math.min(40, 1 + Math.floor(vrng.exponential(r.body.length > 420 ? 3.5 : 2)));
    const voters = new Set<number>();
    while (voters.size < k) {
      const u = reviewers[vrng.int(0, reviewers.length - 1)]!;
      if (u !== r.author) voters.add(u.id);
    }
    for (const uid of voters) {
      votes.push({ review_id: r.id, user_id: uid, created_at: r.at + Math.floor(vrng.next() * (REFERENCE_NOW - r.at)) });
    }
    r.helpfulCount = k;
  }
  // Léa votes too.
  for (const r of vrng.sample(published().filter((x) => x.author !== reader && x.at < REFERENCE_NOW - 10 * DAY), 12)) {
    votes.push({ review_id: r.id, user_id: reader.id, created_at: r.at + DAY });
    r.helpfulCount++;
  }

  // ── Appeals, conduct reports, claims ──
  const arng = root.fork("appeals");
  const appeals: Row[] = [];
  const removalDecisions = decisions.filter((d) => d.decision === "remove");
  const admin = demo.get("admin@example.com")!;
  for (const [i, d] of arng.sample(removalDecisions, 2).entries()) {
    const r = reviews.find((x) => x.id === d.target_id)!;
    // An appeal is decided by another moderator than the one who decided: the first of
    // these removals was the admin's, so that moderator@example.com can decide its appeal
    // (and sees, on the second, that they may not).
    if (i === 0) d.actor_id = admin.id;
    appeals.push({
      id: ids.appeals + appeals.length + 1,
      decision_id: d.id,
      appellant_user_id: r.author.id,
      appellant_email: null,
      body:
        r.language === "fr"
          ? "Je conteste ce retrait : mon avis décrit ce que j'ai vécu, j'ai seulement exprimé ma colère. Je peux retirer la phrase en cause."
          : "I contest this removal: my review describes what happened to me, I was just angry. I can remove the sentence in question.",
      status: "pending",
      outcome_decision_id: null,
      decided_by: null,
      decided_at: null,
      created_at: Math.min(REFERENCE_NOW - HOUR, (d.created_at as number) + arng.int(1, 10) * DAY),
    });
  }
  const brandNegative = reviews.find((r) => r.company === brand && r.stars === 1 && r.status === "published" && r.at > REFERENCE_NOW - 120 * DAY);
  const conductReports: Row[] = [
    {
      id: ids.conduct_reports + 1,
      kind: "extortion",
      company_id: brand.id,
      review_id: brandNegative?.id ?? null,
      reporter_user_id: brandOwner.id,
      body: "Un client nous a écrit qu'il publierait une série d'avis à une étoile si nous ne lui remboursions pas une lampe achetée il y a deux ans et utilisée depuis. Capture du message jointe.",
      evidence_key: null,
      status: "pending",
      decided_by: null,
      decided_at: null,
      created_at: REFERENCE_NOW - 4 * DAY,
    },
    {
      id: ids.conduct_reports + 2,
      kind: "incentive",
      company_id: verifiedOthers[0]!.id,
      review_id: null,
      reporter_user_id: reviewers[7]!.id,
      body: "Après mon avis à deux étoiles, le magasin m'a proposé un bon d'achat de 30 € si je le supprimais.",
      evidence_key: null,
      status: "pending",
      decided_by: null,
      decided_at: null,
      created_at: REFERENCE_NOW - 9 * DAY,
    },
  ];
  const claims: Row[] = [];
  const claimMembers: UserRec[] = [];
  for (const c of companies.filter((x) => x.state === "claimed")) {
    const person = randomPerson(arng, c.spec.lang);
    const email = `${slugify(person.first).replace(/-/g, "")}.${slugify(person.last).replace(/-/g, "")}@${c.spec.domain}`;
    if (emailsUsed.has(email)) continue;
    emailsUsed.add(email);
    const user: UserRec = {
      id: ++userId,
      person,
      email,
      displayName: `${person.first} ${person.last}`,
      role: "member",
      locale: person.lang,
      passwordHash: null,
      createdAt: c.claimedAt! - HOUR,
      weight: 0,
    };
    users.push(user);
    claimMembers.push(user);
    claims.push({
      id: ids.company_claims + claims.length + 1,
      company_id: c.id,
      user_id: user.id,
      method: "evidence",
      email: null,
      code_hash: null,
      evidence:
        person.lang === "fr"
          ? `Je suis ${arng.pick(["gérant", "responsable marketing", "directrice commerciale", "responsable du service client"])} de ${c.spec.name}. Extrait Kbis et justificatif de fonction joints.`
          : `I am the ${arng.pick(["managing director", "head of marketing", "customer service manager"])} of ${c.spec.name}. Company registration extract and proof of role attached.`,
      status: "pending",
      decided_by: null,
      decided_at: null,
      expires_at: null,
      created_at: c.claimedAt!,
    });
  }

  // Reviewers joined before their first review.
  const firstReview = new Map<number, number>();
  for (const r of reviews) firstReview.set(r.author.id, Math.min(firstReview.get(r.author.id) ?? Infinity, r.at));
  for (const u of reviewers) {
    const first = firstReview.get(u.id);
    u.createdAt = first !== undefined ? first - urng.int(0, 90) * DAY - urng.int(1, 600) * 60_000 : REFERENCE_NOW - urng.int(5, 900) * DAY;
  }

  // ── Rows ──
  const userRows: Row[] = users.map((u) => ({
    id: u.id,
    email: u.email,
    email_verified_at: u.createdAt + 10 * 60_000,
    display_name: u.displayName,
    password_hash: u.passwordHash,
    role: u.role,
    locale: u.locale,
    created_at: u.createdAt,
  }));
  const companyRows: Row[] = companies.map((c) => ({
    id: c.id,
    slug: c.spec.slug,
    name: c.spec.name,
    legal_name: c.spec.legalName,
    domain: c.spec.domain,
    website: c.spec.website,
    description_fr: c.spec.descriptionFr,
    description_en: c.spec.descriptionEn,
    country: c.spec.country,
    color: c.spec.color,
    state: c.state,
    claimed_at: c.claimedAt,
    verified_at: c.verifiedAt,
    created_at: c.createdAt,
  }));
  const companyCategoryRows: Row[] = companies.flatMap((c) =>
    c.spec.categories.map((cat) => ({ company_id: c.id, category_id: categoryId.get(cat.slug)! })),
  );
  const memberRows: Row[] = companies.flatMap((c) =>
    c.members.map((m) => ({ company_id: c.id, user_id: m.user.id, role: m.role, created_at: c.verifiedAt ?? c.createdAt })),
  );
  const subjectRows: Row[] = subjects.map((s) => ({
    id: s.id,
    company_id: s.companyId,
    kind: s.spec.kind,
    slug: s.spec.slug,
    name: s.spec.name,
    address: s.spec.address,
    postal_code: s.spec.postalCode,
    city: s.spec.city,
    url: s.spec.url,
    state: s.state,
    suggested_by: s.suggestedBy,
    created_at: s.createdAt,
  }));
  const reviewRows: Row[] = [];
  const revisionRows: Row[] = [];
  let revisionId = ids.review_revisions;
  for (const r of reviews) {
    const wasPublished = r.status === "published" || r.status === "removed" || r.status === "deleted";
    reviewRows.push({
      id: r.id,
      subject_id: r.subject.id,
      company_id: r.company.id,
      author_id: r.author.id,
      stars: r.stars,
      title: r.title,
      body: r.body,
      body_html: renderMarkdown(r.body),
      language: r.language,
      experience_date: r.experienceDate,
      channel: r.channel,
      recommend: r.recommend,
      origin: r.origin,
      status: r.status,
      held_check: r.heldCheck,
      held_at: r.status === "held" ? r.at : null,
      published_at: wasPublished ? r.at : null,
      edited_at: r.editedAt,
      removed_at: r.removedAt,
      removal_reason: r.removalReason,
      deleted_at: r.deletedAt,
      under_review_since: r.underReviewSince,
      replied_at: r.repliedAt,
      resolved_at: r.resolvedAt,
      helpful_count: r.helpfulCount,
      created_at: r.at,
    });
    for (const v of r.previous) {
      revisionRows.push({ id: ++revisionId, review_id: r.id, stars: v.stars, title: v.title, body: v.body, experience_date: r.experienceDate, channel: r.channel, recommend: v.recommend, created_at: v.at });
    }
    revisionRows.push({ id: ++revisionId, review_id: r.id, stars: r.stars, title: r.title, body: r.body, experience_date: r.experienceDate, channel: r.channel, recommend: r.recommend, created_at: r.editedAt ?? r.at });
  }
  replies.sort((a, b) => (a.published_at as number) - (b.published_at as number));

  const tables = [
    { table: "categories", rows: categoryRows },
    { table: "users", rows: userRows },
    { table: "companies", rows: companyRows },
    { table: "company_categories", rows: companyCategoryRows },
    { table: "company_members", rows: memberRows },
    { table: "company_claims", rows: claims },
    { table: "subjects", rows: subjectRows },
    { table: "reviews", rows: reviewRows },
    { table: "review_revisions", rows: revisionRows },
    { table: "replies", rows: replies },
    { table: "reply_revisions", rows: replyRevisions },
    { table: "follow_ups", rows: followUps },
    { table: "helpful_votes", rows: votes },
    { table: "moderation_decisions", rows: decisions },
    { table: "flags", rows: flags },
    { table: "appeals", rows: appeals },
    { table: "conduct_reports", rows: conductReports },
  ];
  const counts = Object.fromEntries(tables.map((t) => [t.table, t.rows.length]));
  void claimMembers;
  void pendingSubjects;
  return { tables, counts };
}

function makePool(users: UserRec[]) {
  return { users, table: new WeightedTable(users.map((u) => u.weight)) };
}

// ─── Database ─────────────────────────────────────────────────────────────────

const ID_TABLES = [
  "categories", "users", "companies", "subjects", "reviews", "review_revisions", "replies", "reply_revisions",
  "follow_ups", "flags", "moderation_decisions", "appeals", "conduct_reports", "company_claims",
] as const;
export type IdBase = Record<(typeof ID_TABLES)[number], number>;
const ZERO_IDS = Object.fromEntries(ID_TABLES.map((t) => [t, 0])) as IdBase;

/** Inserts rows (objects with the same keys) with one prepared statement. */
export function insertRows(client: Database.Database, table: string, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const stmt = client.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
  for (const row of rows) stmt.run(row);
}

function currentIds(client: Database.Database): IdBase {
  const out = { ...ZERO_IDS };
  for (const t of ID_TABLES) {
    out[t] = (client.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

/** Seeds the demo data. Expects a database without companies (see seedIfEmpty);
 *  users that already exist (a demo address signed up by hand) are kept as they are. */
export async function seedDemo(db: Db, options: { now?: number } = {}): Promise<Record<string, number>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const client = db.$client;
  const ids = currentIds(client);
  const data = buildDemoData(passwordHash, ids, options.now ?? Date.now());

  const existing = new Map<string, number>();
  for (const a of DEMO_ACCOUNTS) {
    const row = client.prepare(`SELECT id FROM users WHERE email = ?`).get(a.email) as { id: number } | undefined;
    if (row) existing.set(a.email, row.id);
  }

  client.transaction(() => {
    for (const { table, rows } of data.tables) {
      if (table === "users" && existing.size > 0) {
        // Keep hand-made accounts: point the demo rows at them instead.
        const remap = new Map<number, number>();
        const kept = rows.filter((r) => {
          const id = existing.get(r.email as string);
          if (id === undefined) return true;
          remap.set(r.id as number, id);
          return false;
        });
        insertRows(client, table, kept);
        remapUserIds(data, remap);
        continue;
      }
      insertRows(client, table, rows);
    }
  })();
  rebuildAllStats(db);
  seedFlagLifecycle(db, options.now ?? Date.now());
  seedWarning(db, options.now ?? Date.now());
  await seedProofs(db);
  return data.counts;
}

/** Proofs of experience waiting for moderator@example.com (/moderation/proofs): an order
 *  summary image on a few recent published reviews, stored as uploads are (DATA_DIR/media),
 *  with keys derived from the review so that two runs give the same rows. */
async function seedProofs(db: Db) {
  const client = db.$client;
  const picked = client
    .prepare(
      `SELECT r.id, r.title, r.published_at AS at FROM reviews r JOIN users u ON u.id = r.author_id
       WHERE r.status = 'published' AND r.origin = 'organic' AND u.role = 'member'
       ORDER BY r.published_at DESC, r.id DESC LIMIT 3`,
    )
    .all() as { id: number; title: string; at: number }[];
  if (picked.length === 0) return;
  const dir = mediaDir();
  fs.mkdirSync(dir, { recursive: true });
  const insert = client.prepare(
    `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, position, proof_status, created_at)
     VALUES (?, 'proof', ?, 'image/png', ?, ?, ?, 0, 'pending', ?)`,
  );
  for (const [i, r] of picked.entries()) {
    const key = crypto.createHash("sha256").update(`demo-proof-${r.id}`).digest().subarray(0, 16).toString("base64url");
    const width = 480;
    const height = 320;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/><text x="24" y="60" font-size="28" font-family="sans-serif">Commande n° ${100200 + r.id}</text><text x="24" y="120" font-size="20" font-family="sans-serif">Total : ${19 + (r.id % 60)},90 €</text></svg>`;
    const image = await sharp(Buffer.from(svg)).png().toBuffer();
    const thumbnail = await sharp(image).resize({ width: THUMB_DIMENSION, height: THUMB_DIMENSION, fit: "inside" }).png().toBuffer();
    const names = fileNames(key, "png");
    fs.writeFileSync(path.join(dir, names.image), image);
    fs.writeFileSync(path.join(dir, names.thumbnail), thumbnail);
    insert.run(r.id, key, width, height, image.byteLength, r.at + (i + 1) * 60_000);
  }
}

const USER_COLUMNS = ["author_id", "user_id", "reporter_user_id", "actor_id", "appellant_user_id", "suggested_by", "decided_by"];
function remapUserIds(data: DemoData, remap: Map<number, number>) {
  if (remap.size === 0) return;
  for (const { table, rows } of data.tables) {
    if (table === "users") continue;
    for (const row of rows) {
      for (const col of USER_COLUMNS) {
        const v = row[col];
        if (typeof v === "number" && remap.has(v)) row[col] = remap.get(v)!;
      }
    }
  }
}

/** Seeds the demo data when there is no company yet. Returns whether it seeded. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const { n } = db.$client.prepare(`SELECT count(*) AS n FROM companies`).get() as { n: number };
  if (n > 0) return false;
  const started = performance.now();
  const counts = await seedDemo(db);
  if (process.env.NODE_ENV !== "test") {
    console.log(`Seeded demo data: ${counts.companies} companies, ${counts.reviews} reviews, ${counts.replies} replies in ${Math.round(performance.now() - started)} ms.`);
    printAccounts();
  }
  return true;
}

export function printAccounts() {
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(24)} ${a.what}`);
}

// ─── Command line ─────────────────────────────────────────────────────────────

async function main() {
  const force = process.argv.includes("--force");
  const file = databaseFile();
  if (force && file !== ":memory:") {
    closeDb();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.resolve(file) + suffix, { force: true });
    console.log(`Deleted ${file}.`);
  }
  const db = getDb();
  const started = performance.now();
  const seeded = await seedIfEmpty(db);
  if (!seeded) {
    console.log(`${file} already has companies: nothing seeded (use --force to start again).`);
    printAccounts();
  } else {
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s (${file}).`);
  }
  closeDb();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
