// The demo's companies (from the catalogue's brand names), their state (claimed,
// verified), how many reviews each gets, the members who sign their replies, and their
// subjects (stores, websites, products, services).
import { CATEGORIES, CATEGORY_BY_SLUG, makeCompany } from "../catalog";
import { DAY, HOUR, REFERENCE_NOW } from "../generate";
import { randomPerson, slugify, type Lang } from "../people";
import { WeightedTable, type Rng } from "../random";
import { SIGNER_ROLE_COUNT, makeSigner } from "../text";
import { BRAND_COMPANY_SLUG } from "./accounts";
import { BRAND_REVIEWS, TARGET_REVIEWS } from "./constants";
import type { CompanyRec, Sequences, SubjectRec, UserRec } from "./types";

/** Categories whose companies sometimes also belong to a second one. */
const SECOND_CATEGORY: Record<string, string[]> = {
  "e-commerce": ["high-tech", "mode", "maison-bricolage"],
  supermarches: ["e-commerce"],
  "high-tech": ["e-commerce"],
  voyage: ["transport"],
  energie: ["services-domicile"],
  "sante-beaute": ["e-commerce"],
  "maison-bricolage": ["e-commerce"],
};

export interface Companies {
  companies: CompanyRec[];
  brand: CompanyRec;
  /** Every company but the brand, most popular first. */
  byPopularity: CompanyRec[];
}

/** Every company of the catalogue, with its state and its number of reviews. */
export function createCompanies(crng: Rng, seq: Sequences, start: number): Companies {
  const companies = companyRecords(crng, seq, start);
  const brand = companies.find((c) => c.spec.slug === BRAND_COMPANY_SLUG)!;
  const byPopularity = companies.filter((c) => c !== brand).sort((a, b) => b.popularity - a.popularity);
  assignStates(crng, companies, byPopularity);
  assignReviewCounts(companies, brand);
  return { companies, brand, byPopularity };
}

function companyRecords(crng: Rng, seq: Sequences, start: number): CompanyRec[] {
  const companies: CompanyRec[] = [];
  const slugs = new Set<string>();
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
        id: ++seq.company,
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
  return companies;
}

/** Popular companies claim their page more often; about a quarter are verified. */
function assignStates(crng: Rng, companies: CompanyRec[], byPopularity: CompanyRec[]) {
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
}

/** Review counts: by popularity; verified companies also invite their customers. */
function assignReviewCounts(companies: CompanyRec[], brand: CompanyRec) {
  const weightOf = (c: CompanyRec) => c.popularity * (c.state === "verified" ? 1.7 : 1);
  const totalWeight = companies.filter((c) => c !== brand).reduce((s, c) => s + weightOf(c), 0);
  for (const c of companies) {
    if (c === brand) continue;
    c.reviewCount = Math.max(4, Math.round((weightOf(c) / totalWeight) * (TARGET_REVIEWS - BRAND_REVIEWS)));
  }
}

/** The members of verified companies (they sign the replies): brand@example.com owns the
 *  brand, with one agent; other verified companies have an owner and up to two agents. */
export function addMembers(
  mrng: Rng,
  { companies, brand }: Companies,
  brandOwner: UserRec,
  users: UserRec[],
  emailsUsed: Set<string>,
  seq: Sequences,
) {
  for (const c of companies) {
    if (c.state !== "verified") continue;
    const agents = c === brand ? 1 : mrng.int(0, 2);
    for (let i = 0; i <= agents; i++) {
      const isBrandOwner = c === brand && i === 0;
      let user: UserRec;
      if (isBrandOwner) user = brandOwner;
      else {
        const person =
          c === brand ? { first: "Sarah", last: "Lefèvre", gender: "f" as const, lang: "fr" as const } : randomPerson(mrng, c.spec.lang);
        let email = `${slugify(person.first).replace(/-/g, "")}.${slugify(person.last).replace(/-/g, "")}@${c.spec.domain}`;
        if (emailsUsed.has(email)) email = email.replace("@", `${i}@`);
        emailsUsed.add(email);
        user = {
          id: ++seq.user,
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
}

/** The subjects of every company, and how often each kind is reviewed. */
export function createSubjects(companies: CompanyRec[], seq: Sequences): SubjectRec[] {
  const subjects: SubjectRec[] = [];
  for (const c of companies) {
    for (const spec of c.spec.subjects) {
      const s: SubjectRec = { id: ++seq.subject, companyId: c.id, spec, state: "active", suggestedBy: null, createdAt: c.createdAt };
      c.subjects.push(s);
      subjects.push(s);
    }
    c.subjectTable = new WeightedTable(
      c.subjects.map((s) =>
        s.spec.kind === "website" ? (s.spec.slug === "application" ? 1.2 : 3.5) : s.spec.kind === "store" ? 0.9 : 1.1,
      ),
    );
  }
  return subjects;
}
