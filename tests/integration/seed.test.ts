// The demo seed: quantities, consistency of the counters and texts, the demo
// accounts, search, and that two runs give the same content.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, migrateDatabase, openDatabase, type Db } from "#db/client.server";
import { APPEAL_WINDOW_DAYS } from "~/lib/appeal-form";
import { renderMarkdown } from "~/lib/markdown.server";
import { verifyPassword } from "~/models/password.server";
import {
  BRAND_COMPANY_SLUG,
  BlockRenderer,
  CATEGORIES,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  REFERENCE_NOW,
  Rng,
  channelFor,
  composeReply,
  composeReview,
  makeSigner,
  seedDemo,
  seedIfEmpty,
  type SubjectKind,
} from "../../scripts/seed";
import { seedLarge } from "../../scripts/seed-large";
import { DEMO_WARNING_STATEMENT } from "../../scripts/seed-warnings";
import { loader as dashboardLoader } from "~/routes/moderation._index";
import { loader as companyLoader } from "~/routes/companies.$slug._index";
import { callLoader, getRequest, sessionCookie } from "../support/fixtures";

const YEAR = 365.25 * 86_400_000;
let db: Db;

const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;

beforeAll(async () => {
  db = getDb();
  const seeded = await seedIfEmpty(db);
  expect(seeded).toBe(true);
}, 120_000);

describe("demo seed: quantities", () => {
  it("has at least 150 companies in at least 10 categories, with every kind of subject", () => {
    expect(count(`SELECT count(*) AS n FROM companies`)).toBeGreaterThanOrEqual(150);
    expect(count(`SELECT count(*) AS n FROM categories`)).toBeGreaterThanOrEqual(10);
    expect(count(`SELECT count(DISTINCT category_id) AS n FROM company_categories`)).toBeGreaterThanOrEqual(10);
    expect(
      count(`SELECT count(*) AS n FROM companies c WHERE NOT EXISTS (SELECT 1 FROM company_categories x WHERE x.company_id = c.id)`),
    ).toBe(0);
    const kinds = all<{ kind: string }>(`SELECT DISTINCT kind FROM subjects`)
      .map((r) => r.kind)
      .sort();
    expect(kinds).toEqual(["product", "service", "store", "website"]);
    // Stores have an address; websites a URL; slugs are unique per company (index) and URL-safe.
    expect(
      count(
        `SELECT count(*) AS n FROM subjects WHERE kind = 'store' AND (address IS NULL OR postal_code NOT GLOB '[0-9][0-9][0-9][0-9][0-9]' OR city IS NULL)`,
      ),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM subjects WHERE kind = 'website' AND url NOT LIKE 'https://%'`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM subjects WHERE slug GLOB '*[^a-z0-9-]*'`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM companies WHERE slug GLOB '*[^a-z0-9-]*'`)).toBe(0);
  });

  it("mixes company states: most unclaimed, about a quarter verified, some claimed", () => {
    const total = count(`SELECT count(*) AS n FROM companies`);
    const verified = count(`SELECT count(*) AS n FROM companies WHERE state = 'verified'`);
    const claimed = count(`SELECT count(*) AS n FROM companies WHERE state = 'claimed'`);
    expect(verified / total).toBeGreaterThan(0.18);
    expect(verified / total).toBeLessThan(0.35);
    expect(claimed).toBeGreaterThan(0);
    expect(total - verified - claimed).toBeGreaterThan(total / 2);
  });

  it("has at least 5 000 reviews over at least 2.5 years, none in the future", () => {
    expect(count(`SELECT count(*) AS n FROM reviews`)).toBeGreaterThanOrEqual(5_000);
    const span = one<{ lo: number; hi: number }>(
      `SELECT min(published_at) AS lo, max(published_at) AS hi FROM reviews WHERE status = 'published'`,
    );
    expect(span.hi - span.lo).toBeGreaterThanOrEqual(2.5 * YEAR);
    expect(span.hi).toBeLessThanOrEqual(REFERENCE_NOW);
    const latest = one<{ t: number }>(
      `SELECT max(t) AS t FROM (SELECT max(coalesce(published_at, held_at, created_at)) AS t FROM reviews
         UNION ALL SELECT max(published_at) FROM replies UNION ALL SELECT max(published_at) FROM follow_ups
         UNION ALL SELECT max(created_at) FROM flags UNION ALL SELECT max(created_at) FROM helpful_votes)`,
    ).t;
    expect(latest).toBeLessThanOrEqual(Date.now());
  });

  it("has a J-shaped star distribution and companies with different scores", () => {
    const stars = Object.fromEntries(
      all<{ stars: number; n: number }>(`SELECT stars, count(*) AS n FROM reviews WHERE status = 'published' GROUP BY stars`).map((r) => [
        r.stars,
        r.n,
      ]),
    ) as Record<number, number>;
    expect(stars[5]).toBeGreaterThan(stars[4]!);
    expect(stars[1]).toBeGreaterThan(stars[2]!);
    expect(stars[1]).toBeGreaterThan(stars[3]!);
    expect(stars[4]).toBeGreaterThan(stars[3]!);
    const means = all<{ m: number }>(
      `SELECT avg(stars) AS m FROM reviews WHERE status = 'published' GROUP BY company_id HAVING count(*) >= 20`,
    ).map((r) => r.m);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(1.5);
  });

  it("is mostly French with about 30 % English, reviewers by about 1 500 members who cannot log in", () => {
    const en = count(`SELECT count(*) AS n FROM reviews WHERE language = 'en'`);
    const total = count(`SELECT count(*) AS n FROM reviews`);
    expect(en / total).toBeGreaterThan(0.2);
    expect(en / total).toBeLessThan(0.4);
    const authors = count(`SELECT count(DISTINCT author_id) AS n FROM reviews`);
    expect(authors).toBeGreaterThan(1_000);
    expect(authors).toBeLessThan(2_000);
    expect(count(`SELECT count(*) AS n FROM users WHERE email_verified_at IS NULL`)).toBe(0);
    const demo = DEMO_ACCOUNTS.map((a) => a.email);
    expect(
      count(`SELECT count(*) AS n FROM users WHERE password_hash IS NOT NULL AND email NOT IN (${demo.map(() => "?").join(",")})`, ...demo),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM users WHERE display_name NOT GLOB '* *'`)).toBe(0);
  });

  it("answers at least 40 % of published reviews, negative ones more often, only from verified companies", () => {
    const published = count(`SELECT count(*) AS n FROM reviews WHERE status = 'published'`);
    const answered = count(`SELECT count(*) AS n FROM reviews r JOIN replies p ON p.review_id = r.id WHERE r.status = 'published'`);
    expect(answered / published).toBeGreaterThanOrEqual(0.4);
    const rate = (where: string) =>
      one<{ r: number }>(
        `SELECT avg(p.id IS NOT NULL) AS r FROM reviews r JOIN companies c ON c.id = r.company_id
         LEFT JOIN replies p ON p.review_id = r.id WHERE r.status = 'published' AND c.state = 'verified' AND ${where}`,
      ).r;
    expect(rate("r.stars <= 2")).toBeGreaterThan(rate("r.stars >= 4"));
    expect(count(`SELECT count(*) AS n FROM replies p JOIN companies c ON c.id = p.company_id WHERE c.state <> 'verified'`)).toBe(0);
    // The reply's author is a member of the company, after the review, and replied_at matches.
    expect(
      count(
        `SELECT count(*) AS n FROM replies p LEFT JOIN company_members m ON m.company_id = p.company_id AND m.user_id = p.author_id WHERE m.user_id IS NULL`,
      ),
    ).toBe(0);
    expect(
      count(
        `SELECT count(*) AS n FROM replies p JOIN reviews r ON r.id = p.review_id WHERE p.published_at <= r.published_at OR r.replied_at IS NOT p.published_at OR p.company_id <> r.company_id`,
      ),
    ).toBe(0);
    expect(
      count(
        `SELECT count(*) AS n FROM reviews r WHERE r.replied_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM replies p WHERE p.review_id = r.id)`,
      ),
    ).toBe(0);
    // Replies are written in the review's language and are not all alike.
    const sample = all<{ language: string; body: string }>(`SELECT r.language, p.body FROM replies p JOIN reviews r ON r.id = p.review_id`);
    const distinct = new Set(sample.map((s) => s.body));
    expect(distinct.size / sample.length).toBeGreaterThan(0.95);
    for (const s of sample.slice(0, 400)) {
      if (s.language === "fr") expect(s.body).toMatch(/Bonjour|bonjour|Merci|merci|Toutes nos excuses|Nous sommes/);
      else expect(s.body).toMatch(/Hello|Hi |Dear|Thank|sorry|apologies/i);
    }
  });

  it("has follow-ups, resolutions, edits with every version kept, votes and counters that agree", () => {
    expect(count(`SELECT count(*) AS n FROM follow_ups`)).toBeGreaterThan(50);
    expect(
      count(`SELECT count(*) AS n FROM follow_ups f JOIN replies p ON p.review_id = f.review_id WHERE f.published_at <= p.published_at`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM follow_ups f WHERE NOT EXISTS (SELECT 1 FROM replies p WHERE p.review_id = f.review_id)`)).toBe(
      0,
    );
    expect(count(`SELECT count(*) AS n FROM reviews WHERE resolved_at IS NOT NULL`)).toBeGreaterThan(20);
    // Every review has its versions in review_revisions; edited ones have two or more.
    expect(count(`SELECT count(*) AS n FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM review_revisions v WHERE v.review_id = r.id)`)).toBe(
      0,
    );
    const edited = all<{ id: number; versions: number; last: string; body: string }>(
      `SELECT r.id, r.body, (SELECT count(*) FROM review_revisions v WHERE v.review_id = r.id) AS versions,
              (SELECT v.body FROM review_revisions v WHERE v.review_id = r.id ORDER BY v.id DESC LIMIT 1) AS last
       FROM reviews r WHERE r.edited_at IS NOT NULL`,
    );
    expect(edited.length).toBeGreaterThanOrEqual(2);
    for (const e of edited) {
      expect(e.versions).toBeGreaterThanOrEqual(2);
      expect(e.last).toBe(e.body);
    }
    // Helpful votes: the counter equals the rows, nobody votes for their own review.
    expect(count(`SELECT count(*) AS n FROM helpful_votes`)).toBeGreaterThan(1_000);
    expect(
      count(`SELECT count(*) AS n FROM reviews r WHERE r.helpful_count <> (SELECT count(*) FROM helpful_votes v WHERE v.review_id = r.id)`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM helpful_votes v JOIN reviews r ON r.id = v.review_id WHERE r.author_id = v.user_id`)).toBe(0);
    // rebuildAllStats ran: the counters match the published reviews.
    const stats = one<{ n: number; replies: number }>(
      `SELECT sum(review_count) AS n, sum(reply_count) AS replies FROM rating_stats WHERE scope = 'company'`,
    );
    expect(stats.n).toBe(count(`SELECT count(*) AS n FROM reviews WHERE status = 'published'`));
    expect(stats.replies).toBe(
      count(`SELECT count(*) AS n FROM reviews r JOIN replies p ON p.review_id = r.id WHERE r.status = 'published'`),
    );
    expect(
      count(
        `SELECT count(*) AS n FROM companies c WHERE c.last_review_at IS NOT (SELECT max(published_at) FROM reviews r WHERE r.company_id = c.id AND r.status = 'published')`,
      ),
    ).toBe(0);
  });

  it("stores reviews consistent with their subject, dates and stars", () => {
    const bad = all<{ kind: string; channel: string }>(
      `SELECT s.kind, r.channel FROM reviews r JOIN subjects s ON s.id = r.subject_id
       WHERE (s.kind = 'store' AND r.channel NOT IN ('store', 'phone', 'other'))
          OR (s.kind = 'website' AND r.channel NOT IN ('website', 'delivery', 'email', 'phone'))
          OR r.company_id <> s.company_id`,
    );
    expect(bad).toEqual([]);
    // The experience comes before the review, by days to weeks.
    const delays = all<{ d: number }>(
      `SELECT (coalesce(published_at, held_at, created_at) - unixepoch(experience_date) * 1000) / 86400000.0 AS d FROM reviews`,
    ).map((r) => r.d);
    expect(Math.min(...delays)).toBeGreaterThan(0);
    expect(Math.max(...delays)).toBeLessThan(180);
    // Recommendation mostly follows the stars.
    const inconsistent = count(`SELECT count(*) AS n FROM reviews WHERE (stars >= 4 AND recommend = 0) OR (stars <= 2 AND recommend = 1)`);
    expect(inconsistent / count(`SELECT count(*) AS n FROM reviews`)).toBeLessThan(0.05);
    const origins = all<{ origin: string }>(`SELECT DISTINCT origin FROM reviews`)
      .map((r) => r.origin)
      .sort();
    expect(origins).toEqual(["invited", "organic", "verified"]);
    expect(
      count(`SELECT count(*) AS n FROM reviews WHERE origin = 'organic'`) / count(`SELECT count(*) AS n FROM reviews`),
    ).toBeGreaterThan(0.6);
    // One review per subject per author.
    expect(count(`SELECT count(*) AS n FROM (SELECT 1 FROM reviews GROUP BY author_id, subject_id HAVING count(*) > 1)`)).toBe(0);
    // Markdown: some bold, some lists, some line breaks; body_html is the rendered body.
    expect(count(`SELECT count(*) AS n FROM reviews WHERE body_html LIKE '%<strong>%'`)).toBeGreaterThan(300);
    expect(count(`SELECT count(*) AS n FROM reviews WHERE body_html LIKE '%<ul>%'`)).toBeGreaterThan(200);
    expect(count(`SELECT count(*) AS n FROM reviews WHERE body_html LIKE '%<br%'`)).toBeGreaterThan(50);
    for (const r of all<{ body: string; body_html: string }>(`SELECT body, body_html FROM reviews WHERE id % 37 = 0`)) {
      expect(r.body_html).toBe(renderMarkdown(r.body));
    }
    for (const r of all<{ body: string; body_html: string }>(`SELECT body, body_html FROM replies WHERE id % 23 = 0`)) {
      expect(r.body_html).toBe(renderMarkdown(r.body));
    }
    // Titles and bodies vary.
    const titles = count(`SELECT count(DISTINCT title) AS n FROM reviews`);
    expect(titles).toBeGreaterThan(300);
    const bodies = count(`SELECT count(DISTINCT body) AS n FROM reviews`);
    expect(bodies / count(`SELECT count(*) AS n FROM reviews`)).toBeGreaterThan(0.97);
  });
});

describe("demo seed: moderation", () => {
  it("has held reviews waiting, with the check that held them and no publication date", () => {
    const held = all<{ held_check: string | null; held_at: number | null; published_at: number | null }>(
      `SELECT held_check, held_at, published_at FROM reviews WHERE status = 'held'`,
    );
    expect(held.length).toBeGreaterThanOrEqual(10);
    for (const h of held) {
      expect(h.held_check).toBeTruthy();
      expect(h.held_at).toBeGreaterThan(0);
      expect(h.published_at).toBeNull();
    }
    expect(new Set(held.map((h) => h.held_check)).size).toBeGreaterThanOrEqual(3);
  });

  it("has pending flags, by consumers and companies, on reviews marked under review", () => {
    const pending = all<{ review_id: number; reporter_type: string; reason: string; explanation: string; under: number | null }>(
      `SELECT f.review_id, f.reporter_type, f.reason, f.explanation, r.under_review_since AS under
       FROM flags f JOIN reviews r ON r.id = f.review_id WHERE f.status = 'pending'`,
    );
    expect(pending.length).toBeGreaterThanOrEqual(10);
    expect(pending.some((p) => p.reporter_type === "consumer")).toBe(true);
    expect(pending.some((p) => p.reporter_type === "company")).toBe(true);
    const reasons = ["not_an_experience", "offensive", "personal_data", "conflict_of_interest", "spam", "illegal"];
    for (const p of pending) {
      expect(reasons).toContain(p.reason);
      expect(p.explanation.length).toBeGreaterThan(10);
      expect(p.under).toBeGreaterThan(0);
    }
    // Company flags come from a member, in the name of the company of the review.
    expect(
      count(`SELECT count(*) AS n FROM flags f JOIN reviews r ON r.id = f.review_id
             LEFT JOIN company_members m ON m.company_id = f.reporter_company_id AND m.user_id = f.reporter_user_id
             WHERE f.reporter_type = 'company' AND (f.reporter_company_id <> r.company_id OR m.user_id IS NULL)`),
    ).toBe(0);
    // Reviews under review without a pending flag: none.
    expect(
      count(
        `SELECT count(*) AS n FROM reviews r WHERE r.under_review_since IS NOT NULL AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.review_id = r.id AND f.status = 'pending')`,
      ),
    ).toBe(0);
  });

  it("removes a few reviews, each with a reasoned decision in French, and logs dismissed flags", () => {
    const removed = all<{ id: number; removed_at: number; removal_reason: string }>(
      // (Not the review refused at submission: scripts/seed-appeals.ts's, checked below.)
      `SELECT id, removed_at, removal_reason FROM reviews WHERE status = 'removed' AND held_check IS NULL`,
    );
    expect(removed.length).toBeGreaterThanOrEqual(3);
    for (const r of removed) {
      const d = one<{ decision: string; reason: string; statement: string; created_at: number; actor_id: number } | undefined>(
        `SELECT decision, reason, statement, created_at, actor_id FROM moderation_decisions WHERE target_type = 'review' AND target_id = ? AND decision = 'remove'`,
        r.id,
      );
      expect(d).toBeDefined();
      expect(d!.reason).toBe(r.removal_reason);
      expect(d!.created_at).toBe(r.removed_at);
      expect(d!.statement).toMatch(/Décision/);
      expect(d!.statement).toMatch(/contester/);
    }
    expect(count(`SELECT count(*) AS n FROM flags WHERE status = 'upheld' AND decision_id IS NOT NULL`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM flags WHERE status = 'dismissed' AND decision_id IS NOT NULL`)).toBeGreaterThan(5);
    expect(
      count(
        `SELECT count(*) AS n FROM flags f LEFT JOIN moderation_decisions d ON d.id = f.decision_id WHERE f.status <> 'pending' AND d.id IS NULL`,
      ),
    ).toBe(0);
  });
});

describe("demo seed: moderator@example.com's queues and a public warning", () => {
  it("every queue on the dashboard has items on a fresh seed", async () => {
    const moderator = one<{ id: number }>(`SELECT id FROM users WHERE email = 'moderator@example.com'`);
    const cookie = sessionCookie(moderator.id);
    const res = await callLoader(dashboardLoader, getRequest("/moderation", { cookie }));
    expect(res.status).toBe(200);
    // Every queue the dashboard shows is an object with a count: a new queue is checked too.
    const queues: Record<string, number> = {};
    const walk = (value: unknown, path: string) => {
      if (!value || typeof value !== "object") return;
      if ("count" in value && typeof value.count === "number") queues[path] = value.count;
      else for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    };
    walk(res.data, "");
    for (const queue of ["dashboard.flags", "dashboard.appeals", "held", "queues.proofs", "queues.suggestions", "queues.conduct"]) {
      expect(Object.keys(queues)).toContain(queue);
    }
    const empty = Object.entries(queues)
      .filter(([, n]) => n <= 0)
      .map(([queue]) => queue);
    expect(empty, "queues without items for moderator@example.com").toEqual([]);
  });

  it("has appeals of several kinds waiting a few days, filed within the window, that moderator@example.com may decide", () => {
    const now = Date.now();
    const rows = all<{
      decision: string;
      targetType: string;
      actor: string;
      decidedAt: number;
      filedAt: number;
      appellant: number;
      author: number;
    }>(
      `SELECT d.decision, d.target_type AS targetType, u.email AS actor, d.created_at AS decidedAt, a.created_at AS filedAt,
              a.appellant_user_id AS appellant,
              coalesce(r.author_id, (SELECT mr.author_id FROM review_media m JOIN reviews mr ON mr.id = m.review_id WHERE m.id = d.target_id)) AS author
       FROM appeals a JOIN moderation_decisions d ON d.id = a.decision_id JOIN users u ON u.id = d.actor_id
       LEFT JOIN reviews r ON d.target_type = 'review' AND r.id = d.target_id
       WHERE a.status = 'pending'`,
    );
    expect(new Set(rows.map((r) => r.decision))).toEqual(new Set(["remove", "refuse", "proof_refuse"]));
    for (const r of rows) {
      // Filed by the person the decision went against, after it and within the window, and
      // waiting days, not months.
      expect(r.appellant).toBe(r.author);
      expect(r.filedAt).toBeGreaterThan(r.decidedAt);
      expect(r.filedAt - r.decidedAt).toBeLessThan(APPEAL_WINDOW_DAYS * 86_400_000);
      expect(now - r.filedAt).toBeLessThan(30 * 86_400_000);
      expect(r.filedAt).toBeLessThan(now);
    }
    // The refusal at submission and the refused proof are the admin's: moderator@example.com decides them.
    expect(rows.filter((r) => r.decision !== "remove").map((r) => r.actor)).toEqual(["admin@example.com", "admin@example.com"]);
    expect(rows.some((r) => r.actor === "admin@example.com" && r.decision === "remove")).toBe(true);
  });

  it("shows one active public warning on a company page, set by moderator@example.com and logged", async () => {
    const rows = all<{ companyId: number; slug: string; reason: string; createdBy: number; decisionId: number }>(
      `SELECT w.company_id AS companyId, c.slug, w.reason, w.created_by AS createdBy, w.decision_id AS decisionId FROM company_warnings w
       JOIN companies c ON c.id = w.company_id WHERE w.lifted_at IS NULL AND w.starts_at <= ? AND w.expires_at > ?`,
      Date.now(),
      Date.now(),
    );
    expect(rows).toHaveLength(1);
    const warning = rows[0]!;
    expect(warning.createdBy).toBe(one<{ id: number }>(`SELECT id FROM users WHERE email = 'moderator@example.com'`).id);
    expect(
      one<{ decision: string; target_type: string; target_id: number }>(
        `SELECT decision, target_type, target_id FROM moderation_decisions WHERE id = ?`,
        warning.decisionId,
      ),
    ).toEqual({
      decision: "warn",
      target_type: "company",
      target_id: warning.companyId,
    });
    const page = await callLoader(
      (args) => companyLoader({ ...args, params: { slug: warning.slug } }),
      getRequest(`/companies/${warning.slug}`),
    );
    expect(page.status).toBe(200);
    const shown = (page.data as { warnings: { reason: string; statement: string }[] }).warnings;
    expect(shown).toEqual([expect.objectContaining({ reason: "fake_reviews_removed", statement: DEMO_WARNING_STATEMENT })]);
    // The company did have reviews removed as not describing a real experience.
    expect(
      count(
        `SELECT count(*) AS n FROM reviews r JOIN moderation_decisions d ON d.target_type = 'review' AND d.target_id = r.id AND d.decision = 'remove'
         WHERE r.company_id = ? AND r.status = 'removed' AND d.reason IN ('not_an_experience', 'conflict_of_interest')`,
        warning.companyId,
      ),
    ).toBeGreaterThan(0);
  });
});

describe("demo seed: accounts", () => {
  it("creates the four demo accounts with the right roles and the demo password", async () => {
    const expected = {
      "reader@example.com": "member",
      "brand@example.com": "member",
      "moderator@example.com": "moderator",
      "admin@example.com": "admin",
    };
    for (const [email, role] of Object.entries(expected)) {
      const u = one<{ role: string; password_hash: string; email_verified_at: number | null } | undefined>(
        `SELECT role, password_hash, email_verified_at FROM users WHERE email = ?`,
        email,
      );
      expect(u, email).toBeDefined();
      expect(u!.role).toBe(role);
      expect(u!.email_verified_at).not.toBeNull();
      expect(await verifyPassword(u!.password_hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(u!.password_hash, "wrong-password")).toBe(false);
    }
  });

  it("gives Léa Martin several published reviews of various companies, some answered", () => {
    const lea = one<{ id: number; display_name: string; review_count: number }>(
      `SELECT id, display_name, review_count FROM users WHERE email = 'reader@example.com'`,
    );
    expect(lea.display_name).toBe("Léa Martin");
    const reviews = all<{ company_id: number; replied: number }>(
      `SELECT r.company_id, p.id IS NOT NULL AS replied FROM reviews r LEFT JOIN replies p ON p.review_id = r.id WHERE r.author_id = ? AND r.status = 'published'`,
      lea.id,
    );
    expect(reviews.length).toBeGreaterThanOrEqual(5);
    expect(lea.review_count).toBe(reviews.length);
    expect(new Set(reviews.map((r) => r.company_id)).size).toBe(reviews.length);
    expect(reviews.filter((r) => r.replied).length).toBeGreaterThanOrEqual(2);
  });

  it("makes Hugo Bernard the owner of a verified company with many reviews, several awaiting a reply", () => {
    const company = one<{ id: number; slug: string; state: string } | undefined>(
      `SELECT c.id, c.slug, c.state FROM company_members m JOIN users u ON u.id = m.user_id JOIN companies c ON c.id = m.company_id
       WHERE u.email = 'brand@example.com' AND m.role = 'owner'`,
    );
    expect(company).toBeDefined();
    expect(company!.slug).toBe(BRAND_COMPANY_SLUG);
    expect(company!.state).toBe("verified");
    expect(count(`SELECT count(*) AS n FROM reviews WHERE company_id = ? AND status = 'published'`, company!.id)).toBeGreaterThanOrEqual(
      200,
    );
    const awaiting = count(
      `SELECT count(*) AS n FROM reviews WHERE company_id = ? AND status = 'published' AND replied_at IS NULL`,
      company!.id,
    );
    expect(awaiting).toBeGreaterThanOrEqual(5);
    expect(
      count(
        `SELECT count(*) AS n FROM reviews WHERE company_id = ? AND status = 'published' AND replied_at IS NULL AND published_at > ?`,
        company!.id,
        REFERENCE_NOW - 14 * 86_400_000,
      ),
    ).toBeGreaterThanOrEqual(5);
    expect(
      count(`SELECT count(*) AS n FROM replies p JOIN users u ON u.id = p.author_id WHERE u.email = 'brand@example.com'`),
    ).toBeGreaterThan(10);
  });
});

describe("demo seed: search and determinism", () => {
  it("finds accented names with unaccented queries (FTS5 filled by the triggers)", () => {
    const lumiere = one<{ id: number }>(`SELECT id FROM companies WHERE slug = ?`, BRAND_COMPANY_SLUG);
    // Names in names_fts (rowid company id × 2^32 + subject id, 0 for the company itself).
    const companyHits = (match: string) =>
      all<{ id: number }>(`SELECT rowid >> 32 AS id FROM names_fts WHERE names_fts MATCH ? AND rowid & 4294967295 = 0`, match).map(
        (r) => r.id,
      );
    expect(companyHits("maison lumiere")).toContain(lumiere.id);
    const energie = one<{ id: number }>(`SELECT id FROM companies WHERE name = 'Énergie Claire'`);
    expect(companyHits("energie")).toContain(energie.id);
    // Subjects too; reviews in search_fts (published reviews only).
    const reviewHits = count(`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'livraison' AND rowid % 4 = 2`);
    expect(reviewHits).toBeGreaterThan(50);
    const held = one<{ id: number }>(`SELECT id FROM reviews WHERE status = 'held' LIMIT 1`);
    expect(count(`SELECT count(*) AS n FROM search_fts WHERE rowid = ?`, held.id * 4 + 2)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM names_fts WHERE names_fts MATCH 'part dieu' AND rowid & 4294967295 != 0`)).toBeGreaterThan(0);
  });

  it("does not seed again a database that has companies", async () => {
    expect(await seedIfEmpty(db)).toBe(false);
  });

  it("produces the same content on a second run", async () => {
    const file = path.join(os.tmpdir(), "replique-tests", `${crypto.randomUUID()}-again.db`);
    const other = openDatabase(file);
    try {
      migrateDatabase(other);
      await seedDemo(other);
      const snapshot = (d: Db) => ({
        companies: d.$client.prepare(`SELECT slug, name, state, description_fr FROM companies ORDER BY id`).all() as object[],
        subjects: d.$client.prepare(`SELECT company_id, slug, name FROM subjects ORDER BY id`).all() as object[],
        reviews: d.$client.prepare(`SELECT title, stars, published_at, author_id FROM reviews ORDER BY id`).all() as object[],
        digest: crypto
          .createHash("sha256")
          .update(JSON.stringify(d.$client.prepare(`SELECT body FROM reviews ORDER BY id`).all()))
          .update(JSON.stringify(d.$client.prepare(`SELECT body, published_at FROM replies ORDER BY id`).all()))
          .digest("hex"),
      });
      const a = snapshot(db);
      const b = snapshot(other);
      expect(b.companies).toEqual(a.companies);
      expect(b.subjects).toEqual(a.subjects);
      expect(b.reviews).toEqual(a.reviews);
      expect(b.digest).toBe(a.digest);
    } finally {
      other.$client.close();
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    }
  }, 120_000);
});

describe("content generators", () => {
  it("render block by block exactly as renderMarkdown renders the whole text", () => {
    const rng = new Rng("blocks");
    const renderer = new BlockRenderer();
    const kinds: SubjectKind[] = ["store", "website", "product", "service"];
    for (let i = 0; i < 400; i++) {
      const category = rng.pick(CATEGORIES);
      const kind = rng.pick(kinds);
      const channel = channelFor(rng, kind);
      const light = i % 2 === 0;
      const review = composeReview(rng, {
        lang: rng.chance(0.3) ? "en" : "fr",
        gender: rng.chance(0.5) ? "f" : "m",
        stars: rng.int(1, 5),
        category,
        kind,
        channel,
        subjectName:
          kind === "product"
            ? rng.pick(category.products.length ? category.products : ["Produit"])
            : kind === "service"
              ? rng.pick(category.services)[0]
              : "Lumière — Lyon Part-Dieu",
        companyName: "Maison Lumière",
        city: kind === "store" ? "Lyon" : null,
        delayDays: rng.int(1, 40),
        experienceMonth: rng.int(0, 11),
        staff: "Nadia",
        light,
      });
      expect(review.body).not.toMatch(/\{\w+\}/);
      expect(review.title).not.toMatch(/\{\w+\}/);
      expect(renderer.render(review.blocks)).toBe(renderMarkdown(review.body));
      const reply = composeReply(rng, {
        lang: rng.chance(0.3) ? "en" : "fr",
        stars: review.neg.length ? rng.int(1, 3) : 5,
        reviewerFirst: "Camille",
        companyName: "Maison Lumière",
        category: category.slug,
        kind,
        city: kind === "store" ? "Lyon" : null,
        theme: review.theme,
        pos: review.pos,
        neg: review.neg,
        staff: review.mentionsStaff ? "Nadia" : null,
        signer: makeSigner("Hugo", "m", i),
        email: "avis@maisonlumiere.fr",
        light,
      });
      expect(reply.body).not.toMatch(/\{\w+\}/);
      expect(renderer.render(reply.blocks)).toBe(renderMarkdown(reply.body));
    }
  });

  it("keeps French agreements with the author (déçu / déçue)", () => {
    const rng = new Rng("gender");
    const texts = { f: "", m: "" };
    for (const gender of ["f", "m"] as const) {
      for (let i = 0; i < 300; i++) {
        const r = composeReview(rng, {
          lang: "fr",
          gender,
          stars: rng.pick([1, 2, 4]),
          category: rng.pick(CATEGORIES),
          kind: "store",
          channel: "store",
          subjectName: "X — Lyon",
          companyName: "X",
          city: "Lyon",
          delayDays: 5,
          experienceMonth: 3,
          staff: "Nadia",
        });
        texts[gender] += `${r.title} ${r.body} `;
      }
    }
    // Whole words only (\b does not know accented letters).
    const word = (alternatives: string) => new RegExp(`(?<!\\p{L})(${alternatives})(?!\\p{L})`, "u");
    expect(texts.f).toMatch(word("déçue|passée|satisfaite|allée|conseillée|orientée"));
    expect(texts.m).not.toMatch(word("déçue|passée|allée|conseillée|orientée"));
    expect(texts.m).toMatch(word("déçu|passé|satisfait|allé|conseillé|orienté"));
  });
});

describe("large data set (small scale)", () => {
  it("builds a consistent database and puts back the indexes, triggers and settings exactly", async () => {
    const dir = path.join(os.tmpdir(), "replique-tests");
    const file = path.join(dir, `${crypto.randomUUID()}-large.db`);
    const fresh = openDatabase(path.join(dir, `${crypto.randomUUID()}-fresh.db`));
    try {
      migrateDatabase(fresh);
      const schema = (d: Db) =>
        d.$client
          .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name`)
          .all();
      const result = await seedLarge({ file, companies: 400, reviews: 8_000, users: 12_000, worker: false, log: () => {} });
      const large = openDatabase(file);
      try {
        const q = (sql: string) => (large.$client.prepare(sql).get() as { n: number }).n;
        expect(schema(large)).toEqual(schema(fresh));
        expect(large.$client.pragma("journal_mode", { simple: true })).toBe("wal");
        expect(q(`SELECT count(*) AS n FROM companies`)).toBe(400);
        expect(q(`SELECT count(*) AS n FROM reviews`)).toBe(8_000);
        expect(q(`SELECT count(*) AS n FROM review_revisions`)).toBe(8_000);
        expect(q(`SELECT count(*) AS n FROM reply_revisions`)).toBe(q(`SELECT count(*) AS n FROM replies`));
        const published = q(`SELECT count(*) AS n FROM reviews WHERE status = 'published'`);
        expect(
          q(`SELECT count(*) AS n FROM reviews r JOIN replies p ON p.review_id = r.id WHERE r.status = 'published'`) / published,
        ).toBeGreaterThanOrEqual(0.4);
        expect(q(`SELECT count(*) AS n FROM replies p JOIN companies c ON c.id = p.company_id WHERE c.state <> 'verified'`)).toBe(0);
        expect(
          q(`SELECT count(*) AS n FROM reviews r WHERE r.helpful_count <> (SELECT count(*) FROM helpful_votes v WHERE v.review_id = r.id)`),
        ).toBe(0);
        expect(q(`SELECT count(*) AS n FROM (SELECT 1 FROM reviews GROUP BY author_id, subject_id HAVING count(*) > 1)`)).toBe(0);
        expect(q(`SELECT count(*) AS n FROM reviews r JOIN subjects s ON s.id = r.subject_id WHERE s.company_id <> r.company_id`)).toBe(0);
        expect(q(`SELECT max(published_at) AS n FROM reviews`)).toBeLessThanOrEqual(REFERENCE_NOW);
        // Search: every published review, company and active subject is indexed (reviews in
        // search_fts, names in names_fts); accents do not matter.
        expect(q(`SELECT count(*) AS n FROM search_fts WHERE rowid % 4 = 2`)).toBe(published);
        expect(q(`SELECT count(*) AS n FROM search_fts WHERE rowid % 4 != 2`)).toBe(0);
        expect(q(`SELECT count(*) AS n FROM names_fts WHERE rowid & 4294967295 = 0`)).toBe(400);
        expect(q(`SELECT count(*) AS n FROM names_fts WHERE rowid & 4294967295 != 0`)).toBe(
          q(`SELECT count(*) AS n FROM subjects WHERE state = 'active'`),
        );
        expect(q(`SELECT count(*) AS n FROM names_fts WHERE names_fts MATCH 'panier dore'`)).toBeGreaterThan(0);
        // The counters were rebuilt; the largest company is the largest by far.
        expect(q(`SELECT sum(review_count) AS n FROM rating_stats WHERE scope = 'company'`)).toBe(published);
        expect(result.largest[0]!.slug).toBe("panier-dore");
        expect(result.largest[0]!.n).toBeGreaterThan(3 * result.largest[1]!.n);
        // The triggers work again: a new published review becomes searchable.
        const version = (scope: number) =>
          large.$client.prepare(`SELECT coalesce(max(version), 0) AS n FROM data_versions WHERE scope = ?`).get(scope) as { n: number };
        const before = { site: version(0).n, company: version(1).n };
        large.$client
          .prepare(
            `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date, channel, origin, status, published_at)
             VALUES (1, 1, 1, 5, 'Zythogramme exceptionnel', 'Texte', '<p>Texte</p>', 'fr', '2026-10-01', 'website', 'organic', 'published', 1)`,
          )
          .run();
        expect(q(`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'zythogramme'`)).toBe(1);
        // …and the page cache's data versions of its company and of the site move (migration 0015).
        expect(version(1).n).toBeGreaterThan(before.company);
        expect(version(0).n).toBeGreaterThan(before.site);
      } finally {
        large.$client.close();
      }
    } finally {
      fresh.$client.close();
      for (const f of [file, fresh.$client.name]) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(f + suffix, { force: true });
    }
  }, 120_000);
});
