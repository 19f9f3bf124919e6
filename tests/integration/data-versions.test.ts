// The data versions of the page cache (db/migrations/0015_page_cache_versions.sql): every
// insert, update and delete on a table a public page shows bumps the site's version and the
// version of the company the row belongs to, in the writing transaction; the other
// companies' versions do not move; tables no public page shows bump nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { pageVersion } from "~/models/data-versions.server";
import { makeCompany, makeReview, makeUser } from "../support/fixtures";

const client = () => getDb().$client;
const run = (sql: string, ...params: unknown[]) =>
  client()
    .prepare(sql)
    .run(...params);
const id = (sql: string, ...params: unknown[]) => {
  const row = client()
    .prepare<unknown[], { id: number }>(sql)
    .get(...params);
  if (!row) throw new Error(`no row: ${sql}`);
  return row.id;
};

function versions(): Map<number, number> {
  return new Map(
    client()
      .prepare<[], { scope: number; version: number }>(`SELECT scope, version FROM data_versions`)
      .all()
      .map((r) => [r.scope, r.version]),
  );
}

let world: {
  a: ReturnType<typeof makeCompany>;
  b: ReturnType<typeof makeCompany>;
  author: number;
  reader: number;
  reviewA: number;
  moderator: number;
};

beforeEach(() => {
  const a = makeCompany();
  const b = makeCompany();
  const author = makeUser();
  const reader = makeUser();
  const moderator = makeUser({ role: "moderator" });
  const reviewA = makeReview({ companyId: a.id, subjectId: a.subjectId, authorId: author, stars: 4 });
  makeReview({ companyId: b.id, subjectId: b.subjectId, authorId: reader, stars: 2 });
  world = { a, b, author, reader, reviewA, moderator };
});

/** Runs `write` and says which scopes moved: the site, company A, company B. */
function bumps(write: () => void) {
  const before = versions();
  write();
  const after = versions();
  const moved = (scope: number) => (after.get(scope) ?? 0) > (before.get(scope) ?? 0);
  return { site: moved(0), a: moved(world.a.id), b: moved(world.b.id) };
}

const A_ONLY = { site: true, a: true, b: false };
const SITE_ONLY = { site: true, a: false, b: false };

function decision(target: string, targetId: number) {
  return id(
    `INSERT INTO moderation_decisions (actor_id, target_type, target_id, decision, reason, statement) VALUES (?, ?, ?, 'remove', 'offensive', 'Statement.') RETURNING id`,
    world.moderator,
    target,
    targetId,
  );
}

// Each table: how to insert a row of company A, update it and delete it.
const tables: {
  table: string;
  insert: () => number;
  update: (rowId: number) => void;
  remove: (rowId: number) => void;
  expected?: typeof A_ONLY;
}[] = [
  {
    table: "reviews",
    // By a member with no other review: their review count shows beside their reviews elsewhere.
    insert: () => makeReview({ companyId: world.a.id, subjectId: world.a.subjectId, authorId: makeUser(), stars: 5 }),
    update: (r) => run(`UPDATE reviews SET title = 'Edited' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM reviews WHERE id = ?`, r),
  },
  {
    table: "replies",
    insert: () =>
      id(
        `INSERT INTO replies (review_id, company_id, body, body_html, published_at) VALUES (?, ?, 'Merci', '<p>Merci</p>', 1) RETURNING id`,
        world.reviewA,
        world.a.id,
      ),
    update: (r) => run(`UPDATE replies SET body_html = '<p>Merci !</p>' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM replies WHERE id = ?`, r),
  },
  {
    table: "follow_ups",
    insert: () =>
      id(
        `INSERT INTO follow_ups (review_id, body, body_html, published_at) VALUES (?, 'Suite', '<p>Suite</p>', 1) RETURNING id`,
        world.reviewA,
      ),
    update: (r) => run(`UPDATE follow_ups SET status = 'removed' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM follow_ups WHERE id = ?`, r),
  },
  {
    table: "helpful_votes",
    insert: () => {
      run(`INSERT INTO helpful_votes (review_id, user_id) VALUES (?, ?)`, world.reviewA, world.reader);
      return world.reader;
    },
    update: (u) => run(`UPDATE helpful_votes SET created_at = created_at + 1 WHERE review_id = ? AND user_id = ?`, world.reviewA, u),
    remove: (u) => run(`DELETE FROM helpful_votes WHERE review_id = ? AND user_id = ?`, world.reviewA, u),
  },
  {
    table: "review_media",
    insert: () =>
      id(
        `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes) VALUES (?, 'photo', 'k', 'image/webp', 10, 10, 100) RETURNING id`,
        world.reviewA,
      ),
    update: (r) => run(`UPDATE review_media SET position = 1 WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM review_media WHERE id = ?`, r),
  },
  {
    table: "flags",
    insert: () =>
      id(
        `INSERT INTO flags (target_type, review_id, reason, explanation, reporter_type) VALUES ('review', ?, 'offensive', 'Insultant.', 'consumer') RETURNING id`,
        world.reviewA,
      ),
    update: (r) => run(`UPDATE flags SET status = 'dismissed' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM flags WHERE id = ?`, r),
  },
  {
    table: "conduct_reports",
    insert: () =>
      id(`INSERT INTO conduct_reports (kind, company_id, body) VALUES ('incentive', ?, 'Offered a voucher.') RETURNING id`, world.a.id),
    update: (r) => run(`UPDATE conduct_reports SET status = 'founded' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM conduct_reports WHERE id = ?`, r),
  },
  {
    table: "company_categories",
    insert: () => {
      const category = id(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('c-' || abs(random()), 'Cat', 'Cat') RETURNING id`);
      run(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`, world.a.id, category);
      return category;
    },
    update: (c) => run(`UPDATE company_categories SET category_id = category_id WHERE category_id = ?`, c),
    remove: (c) => run(`DELETE FROM company_categories WHERE category_id = ?`, c),
  },
  {
    table: "company_claims",
    insert: () =>
      id(`INSERT INTO company_claims (company_id, user_id, method) VALUES (?, ?, 'evidence') RETURNING id`, world.a.id, world.reader),
    update: (r) => run(`UPDATE company_claims SET status = 'approved' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM company_claims WHERE id = ?`, r),
  },
  {
    table: "company_members",
    insert: () => {
      run(`INSERT INTO company_members (company_id, user_id, role) VALUES (?, ?, 'agent')`, world.a.id, world.reader);
      return world.reader;
    },
    update: (u) => run(`UPDATE company_members SET role = 'owner' WHERE company_id = ? AND user_id = ?`, world.a.id, u),
    remove: (u) => run(`DELETE FROM company_members WHERE company_id = ? AND user_id = ?`, world.a.id, u),
  },
  {
    table: "company_warnings",
    insert: () => {
      const d = decision("user", world.author); // bumps the site only: what bumps A is the warning
      return id(
        `INSERT INTO company_warnings (company_id, reason, statement, language, starts_at, expires_at, decision_id) VALUES (?, 'review_manipulation', 'Avis suspects.', 'fr', 1, 9999999999999, ?) RETURNING id`,
        world.a.id,
        d,
      );
    },
    update: (r) => run(`UPDATE company_warnings SET lifted_at = 2 WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM company_warnings WHERE id = ?`, r),
  },
  {
    table: "subjects",
    insert: () =>
      id(
        `INSERT INTO subjects (company_id, kind, slug, name) VALUES (?, 'website', 's-' || abs(random()), 'Site') RETURNING id`,
        world.a.id,
      ),
    update: (r) => run(`UPDATE subjects SET name = 'Site web' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM subjects WHERE id = ?`, r),
  },
  {
    table: "rating_stats (company scope)",
    insert: () => {
      run(`INSERT INTO rating_stats (scope, scope_id, origin) VALUES ('company', ?, 'verified')`, world.a.id);
      return world.a.id;
    },
    update: (s) =>
      run(`UPDATE rating_stats SET review_count = review_count + 1 WHERE scope = 'company' AND scope_id = ? AND origin = 'verified'`, s),
    remove: (s) => run(`DELETE FROM rating_stats WHERE scope = 'company' AND scope_id = ? AND origin = 'verified'`, s),
  },
  {
    table: "rating_stats (subject scope)",
    insert: () => {
      run(`INSERT INTO rating_stats (scope, scope_id, origin) VALUES ('subject', ?, 'verified')`, world.a.subjectId);
      return world.a.subjectId;
    },
    update: (s) =>
      run(`UPDATE rating_stats SET review_count = review_count + 1 WHERE scope = 'subject' AND scope_id = ? AND origin = 'verified'`, s),
    remove: (s) => run(`DELETE FROM rating_stats WHERE scope = 'subject' AND scope_id = ? AND origin = 'verified'`, s),
  },
  {
    table: "appeals",
    // On a decision about a member (no company): the appeal alone bumps the site only.
    insert: () =>
      id(
        `INSERT INTO appeals (decision_id, appellant_user_id, body) VALUES (?, ?, 'Je conteste.') RETURNING id`,
        decision("user", world.author),
        world.author,
      ),
    update: (r) => run(`UPDATE appeals SET status = 'upheld' WHERE id = ?`, r),
    remove: (r) => run(`DELETE FROM appeals WHERE id = ?`, r),
    expected: SITE_ONLY,
  },
  {
    table: "companies",
    insert: () => world.a.id,
    update: (c) => run(`UPDATE companies SET name = 'Renamed' WHERE id = ?`, c),
    remove: () => {},
  },
];

describe("every write a public page shows bumps the site's version and its company's", () => {
  for (const t of tables) {
    it(`${t.table}: insert, update and delete`, () => {
      let rowId = 0;
      const expected = t.expected ?? A_ONLY;
      if (t.table !== "companies") expect(bumps(() => (rowId = t.insert()))).toEqual(expected);
      else rowId = t.insert();
      expect(bumps(() => t.update(rowId))).toEqual(expected);
      if (t.table !== "companies") expect(bumps(() => t.remove(rowId))).toEqual(expected);
    });
  }

  it("companies: a new company and a deleted one bump their own version", () => {
    const before = versions();
    const c = id(`INSERT INTO companies (slug, name) VALUES ('brand-new', 'Brand new') RETURNING id`);
    const afterInsert = versions();
    expect(afterInsert.get(c)).toBe(1);
    expect(afterInsert.get(0)!).toBeGreaterThan(before.get(0)!);
    run(`DELETE FROM companies WHERE id = ?`, c);
    expect(versions().get(c)).toBe(2);
  });

  it("a new review bumps the other companies its author reviewed (their review count shows there)", () => {
    expect(bumps(() => makeReview({ companyId: world.a.id, subjectId: world.a.subjectId, authorId: world.reader, stars: 5 }))).toEqual({
      site: true,
      a: true,
      b: true,
    });
  });

  it("a review moved to another company bumps both", () => {
    expect(
      bumps(() => run(`UPDATE reviews SET company_id = ?, subject_id = ? WHERE id = ?`, world.b.id, world.b.subjectId, world.reviewA)),
    ).toEqual({
      site: true,
      a: true,
      b: true,
    });
  });

  it("a moderation decision bumps the company of its target, whatever the target", () => {
    const reply = id(
      `INSERT INTO replies (review_id, company_id, body, body_html, published_at) VALUES (?, ?, 'M', 'M', 1) RETURNING id`,
      world.reviewA,
      world.a.id,
    );
    const followUp = id(
      `INSERT INTO follow_ups (review_id, body, body_html, published_at) VALUES (?, 'F', 'F', 1) RETURNING id`,
      world.reviewA,
    );
    const media = id(
      `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes) VALUES (?, 'photo', 'm', 'image/webp', 1, 1, 1) RETURNING id`,
      world.reviewA,
    );
    const claim = id(
      `INSERT INTO company_claims (company_id, user_id, method) VALUES (?, ?, 'evidence') RETURNING id`,
      world.a.id,
      world.reader,
    );
    const category = id(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('decided', 'D', 'D') RETURNING id`);
    run(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`, world.a.id, category);
    for (const [target, targetId] of [
      ["review", world.reviewA],
      ["reply", reply],
      ["follow_up", followUp],
      ["company", world.a.id],
      ["subject", world.a.subjectId],
      ["claim", claim],
      ["media", media],
      ["category", category],
    ] as const) {
      expect(
        bumps(() => decision(target, targetId)),
        target,
      ).toEqual(A_ONLY);
    }
    expect(bumps(() => decision("user", world.author))).toEqual(SITE_ONLY);
  });

  it("a category's rename or deletion bumps each of its companies", () => {
    const category = id(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('shops', 'Boutiques', 'Shops') RETURNING id`);
    run(`INSERT INTO company_categories (company_id, category_id) VALUES (?, ?)`, world.a.id, category);
    expect(bumps(() => run(`UPDATE categories SET name_en = 'Stores' WHERE id = ?`, category))).toEqual(A_ONLY);
    expect(bumps(() => run(`DELETE FROM categories WHERE id = ?`, category))).toEqual(A_ONLY);
    expect(bumps(() => id(`INSERT INTO categories (slug, name_fr, name_en) VALUES ('empty', 'Vide', 'Empty') RETURNING id`))).toEqual(
      SITE_ONLY,
    );
  });

  it("a member's name, review count or deletion bumps every company they reviewed; other changes the site only", () => {
    expect(bumps(() => run(`UPDATE users SET display_name = 'Renamed' WHERE id = ?`, world.author))).toEqual(A_ONLY);
    expect(bumps(() => run(`UPDATE users SET review_count = review_count + 1 WHERE id = ?`, world.author))).toEqual(A_ONLY);
    expect(bumps(() => run(`UPDATE users SET deleted_at = 1 WHERE id = ?`, world.author))).toEqual(A_ONLY);
    expect(bumps(() => run(`UPDATE users SET locale = 'en' WHERE id = ?`, world.author))).toEqual(SITE_ONLY);
    expect(bumps(() => makeUser())).toEqual(SITE_ONLY);
    // Deleting the row: its reviews lose their author (ON DELETE SET NULL) on company A's page.
    expect(bumps(() => run(`DELETE FROM users WHERE id = ?`, world.author))).toEqual(A_ONLY);
  });

  it("tables no public page shows bump nothing", () => {
    const user = makeUser();
    const before = versions();
    run(`INSERT INTO sessions (id, secret_hash, user_id, last_seen_at, expires_at) VALUES ('s1', x'00', ?, 1, 2)`, user);
    run(`INSERT INTO notifications (user_id, kind) VALUES (?, 'x')`, user);
    run(`INSERT INTO rate_limits (key, count, window_ends_at) VALUES ('k', 1, 2)`);
    run(`INSERT INTO outbox ("to", subject, text, html, template) VALUES ('a@b.c', 's', 't', 'h', 'x')`);
    expect(versions()).toEqual(before);
  });

  it("the bump belongs to the write's transaction: a rolled back write bumps nothing", () => {
    const before = versions();
    expect(() =>
      client().transaction(() => {
        run(`UPDATE reviews SET title = 'Never' WHERE id = ?`, world.reviewA);
        throw new Error("rollback");
      })(),
    ).toThrow("rollback");
    expect(versions()).toEqual(before);
  });
});

describe("pageVersion", () => {
  it("names the company of a company, subject or review page, and the site otherwise", () => {
    const slug = client().prepare<[number], { slug: string }>(`SELECT slug FROM companies WHERE id = ?`).get(world.a.id)!.slug;
    const company = pageVersion({ kind: "company", slug });
    expect(company).toMatch(new RegExp(`^c${world.a.id}\\.\\d+$`));
    expect(pageVersion({ kind: "review", id: world.reviewA })).toBe(company);
    expect(pageVersion({ kind: "site" })).toMatch(/^s\d+$/);
    expect(pageVersion({ kind: "company", slug: "no-such-company" })).toBe(pageVersion({ kind: "site" }));
    expect(pageVersion({ kind: "review", id: 987_654_321 })).toBe(pageVersion({ kind: "site" }));

    const site = pageVersion({ kind: "site" });
    run(`UPDATE reviews SET title = 'Changed' WHERE id = ?`, world.reviewA);
    expect(pageVersion({ kind: "company", slug })).not.toBe(company);
    expect(pageVersion({ kind: "site" })).not.toBe(site);
  });

  it("reads with indexes only", () => {
    const plans = [
      `SELECT coalesce(v.version, 0) FROM (SELECT 1) LEFT JOIN companies c ON c.slug = 'x' LEFT JOIN data_versions v ON v.scope = c.id`,
      `SELECT coalesce(v.version, 0) FROM (SELECT 1) LEFT JOIN reviews r ON r.id = 1 LEFT JOIN data_versions v ON v.scope = r.company_id`,
    ].flatMap((sql) =>
      client()
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail),
    );
    expect(plans.filter((d) => /^SCAN (c|r|v)\b/.test(d))).toEqual([]);
  });
});
