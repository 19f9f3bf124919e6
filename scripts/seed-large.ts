// The large data set for benchmarks: ≥ 100 000 companies with their subjects and
// ≥ 2 000 000 reviews with replies (≥ 40 % answered), built in bulk transactions.
//
//   npm run seed:large
//
// Environment:
//   DATABASE_URL      target file (default ./data/large.db); it is DELETED first.
//   LARGE_COMPANIES   number of companies (default 100000)
//   LARGE_REVIEWS     number of reviews (default 2050000)
//   LARGE_USERS       number of reviewers (default 300000)
//   LARGE_WORKER=0    generate the texts on the main thread (slower; same data)
//
// How it stays within a few minutes on two cores:
// - the texts come from the demo's generators (scripts/seed-data) in their "light"
//   form, whose Markdown blocks repeat and are rendered once each (BlockRenderer);
// - a worker thread composes the reviews, replies and votes of the next batch of
//   50 000 reviews while the main thread writes the current one;
// - during the load the search triggers and the secondary indexes are dropped; the
//   indexes are recreated from their exact SQL (read from sqlite_master), search_fts
//   is filled batch by batch with INSERT … SELECT (rowid id*4+2 for reviews, id*4 for
//   companies, id*4+1 for subjects, as the triggers do), and the triggers are
//   recreated as they were;
// - journal_mode=OFF, synchronous=OFF, a 1 GB cache, foreign keys off, a 64 MB
//   FTS5 buffer with lazier merging, then the usual settings (WAL, NORMAL, foreign
//   keys on, FTS5 defaults) at the end; the indexes are sorted on both cores.
// It ends with rebuildAllStats() and ANALYZE, and prints the time, the counts and
// the slug of the largest company (the deep company page of the benchmark).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { migrateDatabase, openDatabase } from "../db/client.server";
import { hashPassword } from "../app/models/password.server";
import { rebuildAllStats } from "../app/models/stats.server";
import {
  BlockRenderer,
  CATEGORIES,
  DAY,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  HOUR,
  REFERENCE_NOW,
  Rng,
  WeightedTable,
  channelFor,
  composeFollowUp,
  composeReply,
  composeReview,
  displayNameOf,
  drawExperienceDelay,
  drawRecommend,
  drawReplyDelay,
  drawStars,
  flagExplanation,
  generatedCompanyName,
  isoDate,
  makeCompany,
  makeSigner,
  randomPerson,
  reasonsFor,
  removalStatement,
  replyProbability,
  slugify,
  type CategoryDef,
  type Lang,
  type Signer,
  type SubjectKind,
} from "./seed";

export interface LargeOptions {
  file: string;
  companies: number;
  reviews: number;
  users: number;
  /** Compose the texts in a worker thread (default true). */
  worker?: boolean;
  log?: (line: string) => void;
}

const KINDS: SubjectKind[] = ["store", "website", "product", "service"];
const KIND_CODE: Record<SubjectKind, number> = { store: 0, website: 1, product: 2, service: 3 };
const BATCH = 50_000;
const SPAN = 4 * 365 * DAY;
const START = REFERENCE_NOW - SPAN;
const LARGEST_REVIEWS = 60_000;
const STEP = 7_919; // prime: author (offset + j·STEP) mod n is distinct for j < n
const VOTE_STEP = 104_729; // prime too
const STAFF = ["Nadia", "Karim", "Julie", "Thomas", "Sophie", "Mehdi", "Claire", "Lucas"];
const HELD_CHECKS = ["links", "banned_words", "burst", "personal_data", "duplicate"];

// ─── What the review generator needs (sent to the worker) ─────────────────────

interface GeneratorInput {
  reviews: number;
  users: number;
  weight: Float64Array;
  state: Uint8Array;
  quality: Float32Array;
  slope: Float32Array;
  replyRate: Float32Array;
  companyLang: Uint8Array;
  companyCat: Uint8Array;
  companyName: string[];
  companyDomain: string[];
  subjStart: Int32Array;
  subjCount: Int32Array;
  subjKind: Uint8Array;
  subjName: string[];
  subjCity: Array<string | null>;
  userFirst: string[];
  userGender: Uint8Array;
  frIds: Int32Array;
  enIds: Int32Array;
  memberId: Int32Array;
  signers: Array<Signer | null>;
  moderatorId: number;
}

type Value = string | number | null;
interface Batch {
  from: number;
  to: number;
  reviews: Value[][];
  replies: Value[][];
  followUps: Value[][];
  votes: Value[][];
  flags: Value[][];
  decisions: Value[][];
  published: number;
  answered: number;
  held: number;
  removed: number;
  largest: number;
  rendered: number;
  reused: number;
}

/** Yields the reviews (and what hangs on them) batch by batch, deterministically. */
function* generateBatches(g: GeneratorInput): Generator<Batch> {
  const rng = new Rng("replique-large-2026").fork("reviews");
  const renderer = new BlockRenderer();
  const companyTable = new WeightedTable(g.weight);
  const subjects = g.subjKind.length;
  const subjOffset = new Int32Array(subjects);
  for (let s = 0; s < subjects; s++) subjOffset[s] = rng.int(0, 1 << 30);
  const subjSeen = new Int32Array(subjects);
  const byLang: Record<Lang, Int32Array> = { fr: g.frIds, en: g.enIds };
  let replyId = 0;
  let followUpId = 0;
  let flagId = 0;
  let decisionId = 0;

  for (let from = 0; from < g.reviews; from += BATCH) {
    const to = Math.min(g.reviews, from + BATCH);
    const b: Batch = { from, to, reviews: [], replies: [], followUps: [], votes: [], flags: [], decisions: [], published: 0, answered: 0, held: 0, removed: 0, largest: 0, rendered: 0, reused: 0 };
    const hits0 = renderer.hits;
    const misses0 = renderer.misses;
    for (let i = from; i < to; i++) {
      const id = i + 1;
      // Chronological: the density of reviews rises over time (the site grows).
      const q = (i + rng.next()) / g.reviews;
      const a = -0.4 + Math.sqrt(0.16 + 1.8 * q);
      const at = Math.min(REFERENCE_NOW - HOUR, Math.floor(START + SPAN * a));
      const c = companyTable.index(rng);
      if (c === 0) b.largest++;
      const s = g.subjStart[c]! + (rng.chance(0.35) ? 0 : rng.int(0, g.subjCount[c]! - 1));
      const kind = KINDS[g.subjKind[s]!]!;
      const lang: Lang = rng.chance(g.companyLang[c] ? 0.7 : 0.22) ? "en" : "fr";
      const pool = byLang[lang];
      // One review per subject per author: distinct authors along the subject's sequence.
      const authorId = pool[(subjOffset[s]! + subjSeen[s]! * STEP) % pool.length]!;
      subjSeen[s]!++;
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

      // A small share waits for moderation or was removed.
      let status: "published" | "held" | "removed" = "published";
      if (at > REFERENCE_NOW - 10 * DAY && rng.chance(0.01)) status = "held";
      else if (stars <= 2 && rng.chance(0.001)) status = "removed";

      let repliedAt: number | null = null;
      let resolvedAt: number | null = null;
      let underReview: number | null = null;
      let removedAt: number | null = null;
      let removalReason: string | null = null;
      if (status !== "held" && verified && rng.chance(replyProbability(g.replyRate[c]!, stars))) {
        const replyAt = at + drawReplyDelay(rng);
        if (replyAt < REFERENCE_NOW) {
          const signer = g.signers[c]!;
          const reply = composeReply(rng, {
            lang,
            stars,
            reviewerFirst: g.userFirst[authorId - 1] ?? "",
            companyName: g.companyName[c]!,
            category: category.slug,
            kind,
            city: g.subjCity[s]!,
            theme: review.theme,
            pos: review.pos,
            neg: review.neg,
            staff: review.mentionsStaff ? staff : null,
            signer,
            email: `avis@${g.companyDomain[c]}`,
            light: true,
          });
          b.replies.push([++replyId, id, c + 1, g.memberId[c]!, reply.body, renderer.render(reply.blocks), replyAt, replyAt]);
          repliedAt = replyAt;
          if (stars <= 2 && status === "published" && rng.chance(0.05)) {
            const fAt = replyAt + rng.int(6, 96) * HOUR;
            if (fAt < REFERENCE_NOW) {
              const good = rng.chance(0.55);
              const body = composeFollowUp(rng, lang, gender, good ? "good" : "bad", signer.first);
              b.followUps.push([++followUpId, id, body, renderer.render([body]), fAt, fAt]);
              if (good) resolvedAt = fAt;
            }
          }
        }
      }
      if (status === "published") {
        b.published++;
        if (repliedAt) b.answered++;
        if (at > REFERENCE_NOW - 30 * DAY && rng.chance(0.002)) {
          const reason = rng.pick(reasonsFor("consumer"));
          underReview = at + rng.int(1, 48) * HOUR;
          b.flags.push([++flagId, id, reason, flagExplanation(rng, "consumer", reason), "consumer", pool[rng.int(0, pool.length - 1)]!, "pending", null, null, underReview]);
        }
      } else if (status === "removed") {
        b.removed++;
        const reason = rng.pick(reasonsFor("consumer"));
        const flaggedAt = at + rng.int(1, 72) * HOUR;
        removedAt = flaggedAt + rng.int(2, 72) * HOUR;
        removalReason = reason;
        b.decisions.push([++decisionId, g.moderatorId, id, reason, removalStatement(reason, true), removedAt]);
        b.flags.push([++flagId, id, reason, flagExplanation(rng, "consumer", reason), "consumer", pool[rng.int(0, pool.length - 1)]!, "upheld", decisionId, removedAt, flaggedAt]);
      } else b.held++;

      // Helpful votes by other reviewers (never the author).
      let helpful = 0;
      if (status === "published" && rng.chance(0.08)) {
        const wanted = 1 + Math.floor(rng.exponential(1.2));
        const base = rng.int(0, g.users - 1);
        for (let k = 0; k < wanted && k < g.users; k++) {
          const voter = ((base + k * VOTE_STEP) % g.users) + 1;
          if (voter === authorId) continue;
          b.votes.push([id, voter, at + Math.floor(rng.next() * (REFERENCE_NOW - at))]);
          helpful++;
        }
      }

      b.reviews.push([
        id, s + 1, c + 1, authorId, stars, review.title, review.body, renderer.render(review.blocks), lang, isoDate(experience), channel,
        drawRecommend(rng, stars), origin, status,
        status === "held" ? rng.pick(HELD_CHECKS) : null,
        status === "held" ? at : null,
        status === "held" ? null : at,
        removedAt, removalReason, underReview, repliedAt, resolvedAt, helpful, at,
      ]);
    }
    b.rendered = renderer.misses - misses0;
    b.reused = renderer.hits - hits0;
    yield b;
  }
}

// The worker: generates batches and keeps at most two ahead of the writer.
if (!isMainThread && (workerData as { role?: string } | null)?.role === "replique-large-generator") {
  const port = parentPort!;
  const input = (workerData as { input: GeneratorInput }).input;
  let credits = 2;
  let wake: (() => void) | null = null;
  port.on("message", () => {
    credits++;
    wake?.();
    wake = null;
  });
  (async () => {
    for (const batch of generateBatches(input)) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      port.postMessage(batch);
    }
    port.postMessage(null);
  })();
}

/** Batches from a worker thread (or, without one, from this thread). */
async function* batches(input: GeneratorInput, useWorker: boolean): AsyncGenerator<Batch> {
  if (!useWorker) {
    yield* generateBatches(input);
    return;
  }
  // This file is TypeScript: the worker registers tsx's loader, then imports it.
  const tsxApi = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { role: "replique-large-generator", input } });
  const queue: Array<Batch | null> = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  worker.on("message", (m: Batch | null) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (e) => {
    failure = e;
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const b = queue.shift()!;
      if (b === null) return;
      yield b;
      worker.postMessage("next");
    }
  } finally {
    await worker.terminate();
  }
}

// ─── The load ─────────────────────────────────────────────────────────────────

export async function seedLarge(o: LargeOptions) {
  const log = o.log ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const lap = (what: string) => log(`  ${what.padEnd(36)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
  const root = new Rng("replique-large-2026");

  // ── Companies and users in memory first, so that the worker can start ──
  const N = o.companies;
  const crng = root.fork("companies");
  const weight = new Float64Array(N);
  let others = 0;
  for (let i = 1; i < N; i++) {
    weight[i] = Math.min(4_000, (1 - crng.next()) ** (-1 / 1.15)); // a long tail
    others += weight[i]!;
  }
  // The largest company: about 60 000 reviews (at least half the reviews of a small run).
  const share = Math.min(0.5, Math.max(LARGEST_REVIEWS / o.reviews, 50_500 / o.reviews));
  weight[0] = (share / (1 - share)) * others;
  for (let i = 1; i < N; i++) weight[i] = Math.min(weight[i]!, weight[0]! * 0.3);

  // About a quarter verified, mostly among the most reviewed.
  const order = Array.from({ length: N }, (_, i) => i).sort((a, b) => weight[b]! - weight[a]!);
  const state = new Uint8Array(N); // 0 unclaimed, 1 claimed, 2 verified
  order.forEach((c, rank) => {
    state[c] = c === 0 || crng.chance(rank < N * 0.12 ? 0.85 : 0.17) ? 2 : crng.chance(0.06) ? 1 : 0;
  });

  const STATES = ["unclaimed", "claimed", "verified"] as const;
  const g: GeneratorInput = {
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
  const companyRows: Value[][] = [];
  const subjectRows: Value[][] = [];
  const subjKind: number[] = [];
  let largestSlug = "";
  for (let i = 0; i < N; i++) {
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
    const st = state[i]!;
    const claimedAt = st > 0 ? created + crng.int(2, 300) * DAY : null;
    companyRows.push([
      id, slug, name, spec.legalName, spec.domain, spec.website, spec.descriptionFr, spec.descriptionEn, spec.country, spec.color,
      STATES[st], claimedAt, st === 2 ? claimedAt! + crng.int(1, 72) * HOUR : null, created, CATEGORIES.indexOf(cat) + 1,
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

  const U = o.users;
  const urng = root.fork("users");
  const userRows: Value[][] = [];
  const fr: number[] = [];
  const en: number[] = [];
  for (let i = 0; i < U; i++) {
    const lang: Lang = urng.chance(0.28) ? "en" : "fr";
    const p = randomPerson(urng, lang);
    const id = i + 1;
    const created = START - urng.int(1, 400) * DAY;
    userRows.push([id, `${slugify(p.first).replace(/-/g, "")}.${slugify(p.last).replace(/-/g, "")}.${id}@example.net`, created + 600_000, displayNameOf(p, urng), null, "member", lang, created]);
    g.userFirst[i] = p.first;
    g.userGender[i] = p.gender === "f" ? 1 : 0;
    (lang === "fr" ? fr : en).push(id);
  }
  g.frIds = Int32Array.from(fr);
  g.enIds = Int32Array.from(en);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let userId = U;
  const demoIds: Record<string, number> = {};
  for (const a of DEMO_ACCOUNTS) {
    demoIds[a.email] = ++userId;
    userRows.push([userId, a.email, START, a.displayName, passwordHash, a.role, "fr", START - DAY]);
  }
  g.moderatorId = demoIds["moderator@example.com"]!;
  // One member per verified company signs its replies; brand@example.com owns the largest.
  const memberRows: Value[][] = [];
  for (let i = 0; i < N; i++) {
    if (state[i] !== 2) continue;
    if (i === 0) {
      g.memberId[i] = demoIds["brand@example.com"]!;
      g.signers[i] = makeSigner("Hugo", "m", 0);
    } else {
      const p = randomPerson(urng, g.companyLang[i] ? "en" : "fr");
      const id = ++userId;
      userRows.push([id, `${slugify(p.first).replace(/-/g, "")}.${slugify(p.last).replace(/-/g, "")}.${id}@${g.companyDomain[i]}`, START, `${p.first} ${p.last}`, null, "member", p.lang, START]);
      g.memberId[i] = id;
      g.signers[i] = makeSigner(p.first, p.gender, urng.int(0, 6));
    }
    memberRows.push([i + 1, g.memberId[i]!, "owner", START]);
  }
  lap("companies and users generated");

  const useWorker = o.worker ?? true;
  const stream = batches(g, useWorker);
  const first = stream.next(); // the worker starts on the first batch now

  // ── Database ──
  if (o.file !== ":memory:") {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.resolve(o.file) + suffix, { force: true });
  }
  const db = openDatabase(o.file);
  migrateDatabase(db);
  const client = db.$client;
  client.pragma("journal_mode = OFF");
  client.pragma("synchronous = OFF");
  client.pragma("foreign_keys = OFF");
  client.pragma("cache_size = -1000000");
  client.pragma("temp_store = MEMORY");
  client.pragma("locking_mode = EXCLUSIVE");

  // Search triggers and secondary indexes go during the load and come back as they were.
  const triggers = client.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_fts_*'`).all() as Array<{ name: string; sql: string }>;
  const BULK = ["reviews", "replies", "review_revisions", "reply_revisions", "helpful_votes", "follow_ups", "flags", "subjects", "company_categories", "company_members"];
  const indexes = client
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${BULK.map(() => "?").join(",")})`)
    .all(...BULK) as Array<{ name: string; sql: string }>;
  for (const t of triggers) client.exec(`DROP TRIGGER "${t.name}"`);
  for (const i of indexes) client.exec(`DROP INDEX "${i.name}"`);
  // FTS5: a 64 MB in-memory buffer and lazier merging while loading (defaults after).
  const ftsConfig = (settings: Record<string, number>) => {
    for (const [k, v] of Object.entries(settings)) client.exec(`INSERT INTO search_fts(search_fts, rank) VALUES ('${k}', ${v})`);
  };
  ftsConfig({ hashsize: 64 * 1024 * 1024, automerge: 16, crisismerge: 64 });

  const run = (sql: string, rows: Value[][]) => {
    const stmt = client.prepare(sql);
    for (const r of rows) stmt.run(r);
  };
  const inChunks = (rows: Value[][], fn: (chunk: Value[][]) => void) => {
    for (let k = 0; k < rows.length; k += BATCH) client.transaction(() => fn(rows.slice(k, k + BATCH)))();
  };

  const insertCategory = client.prepare(`INSERT INTO categories (id, slug, name_fr, name_en, position) VALUES (?, ?, ?, ?, ?)`);
  CATEGORIES.forEach((c, i) => insertCategory.run(i + 1, c.slug, c.nameFr, c.nameEn, i));
  inChunks(companyRows, (chunk) => {
    run(
      `INSERT INTO companies (id, slug, name, legal_name, domain, website, description_fr, description_en, country, color, state, claimed_at, verified_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      chunk.map((r) => r.slice(0, 14)),
    );
    run(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`, chunk.map((r) => [r[0]!, r[14]!]));
  });
  inChunks(subjectRows, (chunk) =>
    run(`INSERT INTO subjects (id, company_id, kind, slug, name, address, postal_code, city, url, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?)`, chunk),
  );
  inChunks(userRows, (chunk) =>
    run(`INSERT INTO users (id, email, email_verified_at, display_name, password_hash, role, locale, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, chunk),
  );
  inChunks(memberRows, (chunk) => run(`INSERT INTO company_members (company_id, user_id, role, created_at) VALUES (?, ?, ?, ?)`, chunk));
  client.exec(`INSERT INTO search_fts (rowid, kind, title, body)
               SELECT id * 4, 'company', name, coalesce(domain, '') || ' ' || coalesce(description_fr, '') || ' ' || coalesce(description_en, '') FROM companies`);
  client.exec(`INSERT INTO search_fts (rowid, kind, title, body)
               SELECT id * 4 + 1, 'subject', name, coalesce(city, '') || ' ' || coalesce(address, '') || ' ' || coalesce(url, '') FROM subjects WHERE state = 'active'`);
  lap(`${N} companies, ${subjectRows.length} subjects, ${userId} users`);
  companyRows.length = 0;
  subjectRows.length = 0;
  userRows.length = 0;

  // ── Reviews, batch by batch ──
  const st = {
    review: client.prepare(
      `INSERT INTO reviews (id, subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date, channel, recommend,
         origin, status, held_check, held_at, published_at, removed_at, removal_reason, under_review_since, replied_at, resolved_at, helpful_count, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    reply: client.prepare(`INSERT INTO replies (id, review_id, company_id, author_id, body, body_html, status, published_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?)`),
    followUp: client.prepare(`INSERT INTO follow_ups (id, review_id, body, body_html, status, published_at, created_at) VALUES (?, ?, ?, ?, 'published', ?, ?)`),
    vote: client.prepare(`INSERT INTO helpful_votes (review_id, user_id, created_at) VALUES (?, ?, ?)`),
    flag: client.prepare(
      `INSERT INTO flags (id, target_type, review_id, reason, explanation, reporter_type, reporter_user_id, good_faith, status, decision_id, decided_at, created_at)
       VALUES (?, 'review', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    ),
    decision: client.prepare(
      `INSERT INTO moderation_decisions (id, actor_id, automated, target_type, target_id, decision, reason, statement, created_at) VALUES (?, ?, 0, 'review', ?, 'remove', ?, ?, ?)`,
    ),
    // Every review and reply keeps its first version; published reviews are searchable.
    revisions: client.prepare(`INSERT INTO review_revisions (review_id, stars, title, body, experience_date, channel, recommend, created_at)
      SELECT id, stars, title, body, experience_date, channel, recommend, created_at FROM reviews WHERE id BETWEEN ? AND ?`),
    replyRevisions: client.prepare(`INSERT INTO reply_revisions (reply_id, body, author_id, created_at)
      SELECT id, body, author_id, published_at FROM replies WHERE id BETWEEN ? AND ?`),
    search: client.prepare(`INSERT INTO search_fts (rowid, kind, title, body) SELECT id * 4 + 2, 'review', title, body FROM reviews WHERE id BETWEEN ? AND ? AND status = 'published'`),
  };
  const totals = { published: 0, answered: 0, held: 0, removed: 0, largest: 0, rendered: 0, reused: 0, votes: 0 };
  const spent = { rows: 0, revisions: 0, search: 0, commit: 0 };
  let pending: Promise<IteratorResult<Batch>> | null = first;
  while (pending) {
    const next = await pending;
    if (next.done) break;
    const b = next.value;
    pending = stream.next(); // ask for the following batch before writing this one
    const w0 = performance.now();
    client.transaction(() => {
      for (const r of b.reviews) st.review.run(r);
      for (const r of b.replies) st.reply.run(r);
      for (const r of b.followUps) st.followUp.run(r);
      for (const r of b.votes) st.vote.run(r);
      for (const r of b.decisions) st.decision.run(r);
      for (const r of b.flags) st.flag.run(r);
      const w1 = performance.now();
      st.revisions.run(b.from + 1, b.to);
      if (b.replies.length) st.replyRevisions.run(b.replies[0]![0], b.replies[b.replies.length - 1]![0]);
      const w2 = performance.now();
      st.search.run(b.from + 1, b.to);
      const w3 = performance.now();
      spent.rows += w1 - w0;
      spent.revisions += w2 - w1;
      spent.search += w3 - w2;
    })();
    spent.commit += performance.now() - w0;
    for (const k of ["published", "answered", "held", "removed", "largest", "rendered", "reused"] as const) totals[k] += b[k];
    totals.votes += b.votes.length;
    if ((b.from / BATCH) % 8 === 7 || b.to === o.reviews) lap(`${b.to} reviews`);
  }
  log(`  markdown blocks rendered ${totals.rendered}, reused ${totals.reused}`);
  ftsConfig({ hashsize: 1024 * 1024, automerge: 4, crisismerge: 16 });
  const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  spent.commit -= spent.rows + spent.revisions + spent.search;
  log(`  writing: rows ${sec(spent.rows)}, revisions ${sec(spent.revisions)}, search ${sec(spent.search)}, commits ${sec(spent.commit)}`);

  // ── Indexes, triggers, counters, statistics ──
  // The generator is done: SQLite's sorter may use the second core to build the indexes.
  client.pragma("threads = 2");
  for (const i of indexes) client.exec(i.sql);
  lap("indexes");
  for (const t of triggers) client.exec(t.sql);
  rebuildAllStats(db);
  lap("rebuildAllStats");
  client.exec("ANALYZE");
  lap("ANALYZE");

  // Back to the settings of every connection (db/client.server.ts).
  client.pragma("threads = 0");
  client.pragma("locking_mode = NORMAL");
  client.pragma("foreign_keys = ON");
  client.pragma("synchronous = NORMAL");
  client.pragma("journal_mode = WAL");

  const counts: Record<string, number> = {};
  for (const t of ["categories", "companies", "subjects", "users", "reviews", "replies", "follow_ups", "helpful_votes", "flags", "moderation_decisions", "review_revisions", "reply_revisions", "search_fts"]) {
    counts[t] = (client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  const largest = client
    .prepare(`SELECT c.slug, count(*) AS n FROM reviews r JOIN companies c ON c.id = r.company_id GROUP BY r.company_id ORDER BY n DESC LIMIT 2`)
    .all() as Array<{ slug: string; n: number }>;
  client.close();
  return { seconds: (performance.now() - t0) / 1000, counts, totals, largest, largestSlug };
}

// ─── Command line ─────────────────────────────────────────────────────────────

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  return v ? Math.max(1, Math.floor(Number(v))) : fallback;
};

async function main() {
  const file = process.env.DATABASE_URL ?? "./data/large.db";
  const options: LargeOptions = {
    file,
    companies: env("LARGE_COMPANIES", 100_000),
    reviews: env("LARGE_REVIEWS", 2_050_000),
    users: env("LARGE_USERS", 300_000),
    worker: process.env.LARGE_WORKER !== "0",
  };
  console.log(`Building ${file}: ${options.companies} companies, ${options.reviews} reviews, ${options.users} reviewers (the file is replaced).`);
  const r = await seedLarge(options);
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  console.log(`\nDone in ${r.seconds.toFixed(1)} s — ${(size / 1e9).toFixed(2)} GB`);
  for (const [table, n] of Object.entries(r.counts)) console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en")}`);
  const t = r.totals;
  console.log(`  published reviews      ${t.published.toLocaleString("en")} (${((100 * t.answered) / t.published).toFixed(1)} % answered)`);
  console.log(`  held / removed         ${t.held} / ${t.removed}`);
  console.log(`Largest company: ${r.largest[0]!.slug} (${r.largest[0]!.n.toLocaleString("en")} reviews; next: ${r.largest[1]?.slug}, ${r.largest[1]?.n.toLocaleString("en")})`);
}

if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
