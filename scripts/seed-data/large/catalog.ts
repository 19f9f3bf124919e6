// The companies, subjects, reviewers and company members of the large data set, built in
// memory first (as rows, and as the arrays the review generator reads) so that the worker
// can start composing reviews while the database is prepared.
import { hashPassword } from "../../../app/models/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../demo/accounts";
import { CATEGORIES, generatedCompanyName, makeCompany, type CategoryDef } from "../catalog";
import { DAY, HOUR } from "../generate";
import { displayNameOf, randomPerson, slugify, type Lang } from "../people";
import { Rng } from "../random";
import { makeSigner } from "../text";
import { KIND_CODE, LARGEST_REVIEWS, LARGE_SEED, START, type GeneratorInput, type LargeOptions, type Value } from "./types";

const STATES = ["unclaimed", "claimed", "verified"] as const;

export interface LargeCatalog {
  g: GeneratorInput;
  companyRows: Value[][];
  subjectRows: Value[][];
  userRows: Value[][];
  memberRows: Value[][];
  /** Every user: reviewers, demo accounts, members. */
  userCount: number;
  /** The company with the most reviews (the deep company page of the benchmark). */
  largestSlug: string;
}

export async function buildCatalog(o: LargeOptions): Promise<LargeCatalog> {
  const root = new Rng(LARGE_SEED);
  const crng = root.fork("companies");
  const weight = companyWeights(crng, o);
  const g = generatorInput(o, weight, companyStates(crng, weight));
  const { companyRows, subjectRows, largestSlug } = companies(crng, g);
  const urng = root.fork("users");
  const userRows = reviewers(urng, g);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { memberRows, userCount } = accountsAndMembers(urng, g, userRows, passwordHash);
  return { g, companyRows, subjectRows, userRows, memberRows, userCount, largestSlug };
}

/** How often each company is reviewed: a long tail, and the largest with about 60 000
 *  reviews (at least half the reviews of a small run). */
function companyWeights(crng: Rng, o: LargeOptions): Float64Array {
  const N = o.companies;
  const weight = new Float64Array(N);
  let others = 0;
  for (let i = 1; i < N; i++) {
    weight[i] = Math.min(4_000, (1 - crng.next()) ** (-1 / 1.15)); // a long tail
    others += weight[i]!;
  }
  const share = Math.min(0.5, Math.max(LARGEST_REVIEWS / o.reviews, 50_500 / o.reviews));
  weight[0] = (share / (1 - share)) * others;
  for (let i = 1; i < N; i++) weight[i] = Math.min(weight[i]!, weight[0]! * 0.3);
  return weight;
}

/** About a quarter verified, mostly among the most reviewed: 0 unclaimed, 1 claimed, 2 verified. */
function companyStates(crng: Rng, weight: Float64Array): Uint8Array {
  const N = weight.length;
  const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => weight[b]! - weight[a]!);
  const state = new Uint8Array(N);
  order.forEach((c, rank) => {
    state[c] = c === 0 || crng.chance(rank < N * 0.12 ? 0.85 : 0.17) ? 2 : crng.chance(0.06) ? 1 : 0;
  });
  return state;
}

function generatorInput(o: LargeOptions, weight: Float64Array, state: Uint8Array): GeneratorInput {
  const N = o.companies;
  return {
    reviews: o.reviews,
    users: o.users,
    weight,
    state,
    quality: new Float32Array(N),
    slope: new Float32Array(N),
    replyRate: new Float32Array(N),
    companyLang: new Uint8Array(N),
    companyCat: new Uint8Array(N),
    companyName: new Array(N),
    companyDomain: new Array(N),
    subjStart: new Int32Array(N),
    subjCount: new Int32Array(N),
    subjKind: new Uint8Array(0),
    subjName: [],
    subjCity: [],
    userFirst: new Array(o.users),
    userGender: new Uint8Array(o.users),
    frIds: new Int32Array(0),
    enIds: new Int32Array(0),
    memberId: new Int32Array(N),
    signers: new Array(N).fill(null),
    moderatorId: 0,
  };
}

/** The companies and their subjects; the first is the largest, "Panier Doré". */
function companies(crng: Rng, g: GeneratorInput) {
  const companyRows: Value[][] = [];
  const subjectRows: Value[][] = [];
  const subjKind: number[] = [];
  let largestSlug = "";
  for (let i = 0; i < g.state.length; i++) {
    const id = i + 1;
    const largest = i === 0;
    const cat: CategoryDef = largest ? CATEGORIES[0]! : CATEGORIES[crng.int(0, CATEGORIES.length - 1)]!;
    const lang: Lang = largest ? "fr" : crng.chance(0.12) ? "en" : "fr";
    const name = largest
      ? "Panier Doré"
      : lang === "en" && crng.chance(0.3)
        ? `${crng.pick(cat.brandsEn)} ${crng.pick(["UK", "Europe", "Direct", "Online"])}`
        : generatedCompanyName(crng, cat);
    const slug = largest ? slugify(name) : `${slugify(name)}-${id}`;
    if (largest) largestSlug = slug;
    const spec = makeCompany(crng, { name, category: cat, lang, slug, compact: !largest, storeScale: largest ? 4 : 1 });
    const created = START - crng.int(20, 900) * DAY;
    const st = g.state[i]!;
    const claimedAt = st > 0 ? created + crng.int(2, 300) * DAY : null;
    companyRows.push([
      id,
      slug,
      name,
      spec.legalName,
      spec.domain,
      spec.website,
      spec.descriptionFr,
      spec.descriptionEn,
      spec.country,
      spec.color,
      STATES[st],
      claimedAt,
      st === 2 ? claimedAt! + crng.int(1, 72) * HOUR : null,
      created,
      CATEGORIES.indexOf(cat) + 1,
    ]);
    g.quality[i] = largest ? 0.7 : 0.12 + 0.88 * crng.next() ** 0.75;
    g.slope[i] = crng.float(-0.3, 0.3);
    g.replyRate[i] = largest ? 0.88 : crng.float(0.7, 0.98);
    g.companyLang[i] = lang === "en" ? 1 : 0;
    g.companyCat[i] = CATEGORIES.indexOf(cat);
    g.companyName[i] = name;
    g.companyDomain[i] = spec.domain;
    g.subjStart[i] = subjectRows.length;
    g.subjCount[i] = spec.subjects.length;
    for (const s of spec.subjects) {
      subjectRows.push([subjectRows.length + 1, id, s.kind, s.slug, s.name, s.address, s.postalCode, s.city, s.url, created]);
      subjKind.push(KIND_CODE[s.kind]);
      g.subjName.push(s.name);
      g.subjCity.push(s.city);
    }
  }
  g.subjKind = Uint8Array.from(subjKind);
  return { companyRows, subjectRows, largestSlug };
}

/** The reviewers (ids 1 to o.users), and the ids of each language's. */
function reviewers(urng: Rng, g: GeneratorInput): Value[][] {
  const userRows: Value[][] = [];
  const fr: number[] = [];
  const en: number[] = [];
  for (let i = 0; i < g.users; i++) {
    const lang: Lang = urng.chance(0.28) ? "en" : "fr";
    const p = randomPerson(urng, lang);
    const id = i + 1;
    const created = START - urng.int(1, 400) * DAY;
    userRows.push([
      id,
      `${slugify(p.first).replace(/-/g, "")}.${slugify(p.last).replace(/-/g, "")}.${id}@example.net`,
      created + 600_000,
      displayNameOf(p, urng),
      null,
      "member",
      lang,
      created,
    ]);
    g.userFirst[i] = p.first;
    g.userGender[i] = p.gender === "f" ? 1 : 0;
    (lang === "fr" ? fr : en).push(id);
  }
  g.frIds = Int32Array.from(fr);
  g.enIds = Int32Array.from(en);
  return userRows;
}

/** The demo accounts, then one member per verified company, who signs its replies;
 *  brand@example.com owns the largest. */
function accountsAndMembers(urng: Rng, g: GeneratorInput, userRows: Value[][], passwordHash: string) {
  let userId = g.users;
  const demoIds: Record<string, number> = {};
  for (const a of DEMO_ACCOUNTS) {
    demoIds[a.email] = ++userId;
    userRows.push([userId, a.email, START, a.displayName, passwordHash, a.role, "fr", START - DAY]);
  }
  g.moderatorId = demoIds["moderator@example.com"]!;
  const memberRows: Value[][] = [];
  for (let i = 0; i < g.state.length; i++) {
    if (g.state[i] !== 2) continue;
    if (i === 0) {
      g.memberId[i] = demoIds["brand@example.com"]!;
      g.signers[i] = makeSigner("Hugo", "m", 0);
    } else {
      const p = randomPerson(urng, g.companyLang[i] ? "en" : "fr");
      const id = ++userId;
      userRows.push([
        id,
        `${slugify(p.first).replace(/-/g, "")}.${slugify(p.last).replace(/-/g, "")}.${id}@${g.companyDomain[i]}`,
        START,
        `${p.first} ${p.last}`,
        null,
        "member",
        p.lang,
        START,
      ]);
      g.memberId[i] = id;
      g.signers[i] = makeSigner(p.first, p.gender, urng.int(0, 6));
    }
    memberRows.push([i + 1, g.memberId[i]!, "owner", START]);
  }
  return { memberRows, userCount: userId };
}
