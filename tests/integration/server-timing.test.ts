// Server-Timing through the real server (`node --import tsx server.ts`, sharing this test
// file's SQLite): every document says its time in SQLite with the number of statements, and
// its render time; the statements a company page runs do not grow with the reviews it shows
// (no query per review: replies, follow-ups, votes and authors are read in batches).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { makeCompany, makeFollowUp, makeReply, makeReview, makeUser, sessionCookie } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let small: string;
let large: string;

function companyWithReviews(name: string, count: number) {
  const slug = `${name.toLowerCase()}-${Date.now().toString(36)}`;
  const company = makeCompany({ name, slug });
  for (let i = 0; i < count; i++) {
    const authorId = makeUser({ displayName: `${name} reader ${i}` });
    const reviewId = makeReview({
      companyId: company.id,
      subjectId: company.subjectId,
      authorId,
      title: `${name} review ${i}`,
      body: `Review number ${i} of ${name}, with enough words to be a review.`,
      publishedAt: Date.now() - (count - i) * 60_000,
    });
    makeReply(reviewId, `${name} answers review ${i}.`);
    if (i % 2 === 0) makeFollowUp(reviewId, `Follow-up on review ${i}.`);
    if (i % 3 === 0) {
      const voter = makeUser();
      getDb()
        .$client.prepare(`INSERT INTO helpful_votes (review_id, user_id, created_at) VALUES (?, ?, ?)`)
        .run(reviewId, voter, Date.now());
    }
  }
  return slug;
}

beforeAll(async () => {
  server = await startServer({ PAGE_CACHE: "off", DATABASE_URL: process.env.DATABASE_URL! });
  small = companyWithReviews("Petite", 5);
  large = companyWithReviews("Grande", 60);
  // The first render compiles the app (Vite): once, before the measured requests.
  expect((await fetch(`${server.base}/companies/${small}`)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

interface Timing {
  statements: number;
  db: number;
  render: number;
}

async function timing(path: string, headers: Record<string, string> = {}): Promise<Timing & { body: string }> {
  const response = await fetch(server.base + path, { headers: { "Accept-Language": "en", ...headers } });
  expect(response.status).toBe(200);
  const header = response.headers.get("server-timing") ?? "";
  const m = header.match(/^db;dur=([\d.]+);desc="(\d+) statements?", render;dur=([\d.]+)$/);
  expect(m, header).not.toBeNull();
  return { db: Number(m![1]), statements: Number(m![2]), render: Number(m![3]), body: await response.text() };
}

describe("Server-Timing", () => {
  it("is on every document: the home page, a company page, a review, search, signed in or not", async () => {
    const reader = makeUser();
    for (const path of ["/", `/companies/${large}`, "/search?q=grande", "/transparency"]) {
      const anonymous = await timing(path);
      expect(anonymous.statements, path).toBeGreaterThan(0);
      const signedIn = await timing(path, { Cookie: sessionCookie(reader) });
      expect(signedIn.statements, path).toBeGreaterThan(0);
    }
  });

  it("a company page runs as many statements with 60 reviews (20 shown) as with 5", async () => {
    // Twice each: what the first render prepares or fills once is not the point.
    await timing(`/companies/${small}`);
    await timing(`/companies/${large}`);
    const few = await timing(`/companies/${small}`);
    const many = await timing(`/companies/${large}`);
    // Each reply shows in the HTML and in the loader data: count the distinct ones.
    const replies = (body: string) => new Set(body.match(/answers review \d+/g)).size;
    expect(replies(few.body)).toBe(5);
    expect(replies(many.body)).toBe(20);
    expect(many.statements).toBe(few.statements);
    // The next page too (keyset pagination): no more statements for a deeper page.
    const next = many.body.match(/href="[^"]*\?before=([^"&]+)"/)?.[1];
    expect(next).toBeTruthy();
    const deeper = await timing(`/companies/${large}?before=${next}`);
    expect(deeper.statements).toBeLessThanOrEqual(many.statements + 1);
  });
});
