// The retention purge (app/models/retention.server.ts), run by the site's job runner on a
// fake clock: removed and deleted content is erased after the published retention period
// and not a minute before; the decision log and the tombstone stay; photo and proof files
// are deleted with their rows; the revision histories stay append-only otherwise.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "#db/client.server";
import { REMOVED_CONTENT_RETENTION_DAYS } from "~/lib/policy";
import { createJobRunner, SITE_JOBS } from "~/models/jobs.server";
import { fileNames, mediaDir, newStorageKey } from "~/models/media.server";
import { decide } from "~/models/moderation.server";
import { eraseExpiredContent, RETENTION_MS } from "~/models/retention.server";
import { account, caseState, thread } from "../support/fixtures";

const DAY = 86_400_000;
const client = () => getDb().$client;
const STATEMENT = "Ce texte insulte nommément un vendeur : il est retiré.";

function addMedia(reviewId: number, kind: "photo" | "proof") {
  const key = newStorageKey();
  const names = fileNames(key, "png");
  fs.mkdirSync(mediaDir(), { recursive: true });
  for (const name of [names.image, names.thumbnail]) fs.writeFileSync(path.join(mediaDir(), name), Buffer.from("png"));
  client()
    .prepare(
      `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, proof_status) VALUES (?, ?, ?, 'image/png', 10, 10, 3, ?)`,
    )
    .run(reviewId, kind, key, kind === "proof" ? "pending" : null);
  return names;
}

const exists = (names: { image: string; thumbnail: string }) =>
  [names.image, names.thumbnail].map((n) => fs.existsSync(path.join(mediaDir(), n)));

function review(id: number) {
  return client()
    .prepare(
      `SELECT status, title, body, body_html AS bodyHtml, removed_at AS removedAt, removal_reason AS removalReason, content_erased_at AS erasedAt FROM reviews WHERE id = ?`,
    )
    .get(id) as {
    status: string;
    title: string;
    body: string;
    bodyHtml: string;
    removedAt: number;
    removalReason: string;
    erasedAt: number | null;
  };
}

async function removedThread(removedAt: number) {
  const moderator = await account({ role: "moderator" });
  const author = await account();
  const member = await account();
  const t = thread(author.id, member.id);
  const photo = addMedia(t.reviewId, "photo");
  const proof = addMedia(t.reviewId, "proof");
  const r = decide({
    actor: moderator,
    reviewId: t.reviewId,
    target: "review",
    decision: "remove",
    reason: "offensive",
    statement: STATEMENT,
    ...caseState(t.reviewId),
    now: removedAt,
  });
  if (!r.ok) throw new Error(r.kind);
  const reply = decide({
    actor: moderator,
    reviewId: t.reviewId,
    target: "reply",
    decision: "remove",
    reason: "offensive",
    statement: STATEMENT,
    ...caseState(t.reviewId, "reply"),
    now: removedAt,
  });
  if (!reply.ok) throw new Error(reply.kind);
  return { ...t, photo, proof, decisionIds: [r.decisionId, reply.decisionId] };
}

describe("the retention period", () => {
  it(`"removed or deleted content is kept offline for at least ${REMOVED_CONTENT_RETENTION_DAYS} days", then erased by a scheduled job: the text, every earlier version, the photos and the proof`, async () => {
    expect(REMOVED_CONTENT_RETENTION_DAYS).toBe(365);
    const removedAt = Date.now() - 10 * DAY;
    const t = await removedThread(removedAt);
    const logBefore = client().prepare(`SELECT * FROM moderation_decisions ORDER BY id`).all();

    // The site's job runner, on a fake clock: a minute before the end of the period, nothing.
    client().prepare(`DELETE FROM job_leases WHERE name = 'retention-purge'`).run();
    let now = removedAt + RETENTION_MS - 60_000;
    const runner = createJobRunner({
      jobs: SITE_JOBS.filter((j) => j.name === "retention-purge"),
      holder: "retention-test",
      now: () => now,
    });
    expect(await runner.tick()).toEqual(["retention-purge"]);
    expect(review(t.reviewId)).toMatchObject({ status: "removed", erasedAt: null });
    expect(review(t.reviewId).body).not.toBe("");
    expect(exists(t.photo)).toEqual([true, true]);
    expect(exists(t.proof)).toEqual([true, true]);

    // At the end of the period (the next run, once the lease ran out): erased.
    now = removedAt + RETENTION_MS + 60 * 60_000;
    expect(await runner.tick()).toEqual(["retention-purge"]);
    await runner.stop();
    expect(review(t.reviewId)).toEqual({
      status: "removed",
      title: "",
      body: "",
      bodyHtml: "",
      removedAt,
      removalReason: "offensive",
      erasedAt: now,
    });
    const versions = client().prepare(`SELECT title, body, stars FROM review_revisions WHERE review_id = ?`).all(t.reviewId) as {
      title: string;
      body: string;
      stars: number;
    }[];
    expect(versions.length).toBeGreaterThan(0);
    expect(versions.every((v) => v.title === "" && v.body === "" && v.stars === 2)).toBe(true);
    expect(client().prepare(`SELECT count(*) AS n FROM review_media WHERE review_id = ?`).get(t.reviewId)).toEqual({ n: 0 });
    expect(exists(t.photo)).toEqual([false, false]);
    expect(exists(t.proof)).toEqual([false, false]);
    // The reply removed with it: its text and its versions' texts.
    expect(client().prepare(`SELECT status, body, body_html AS html FROM replies WHERE id = ?`).get(t.replyId)).toEqual({
      status: "removed",
      body: "",
      html: "",
    });
    expect(client().prepare(`SELECT body FROM reply_revisions WHERE reply_id = ?`).all(t.replyId)).toEqual([{ body: "" }]);
    // The log stays as it was, word for word.
    expect(client().prepare(`SELECT * FROM moderation_decisions ORDER BY id`).all()).toEqual(logBefore);
  });

  it("erases a review its author deleted, after the period, and leaves published content alone", async () => {
    const author = await account();
    const member = await account();
    const deleted = thread(author.id, member.id);
    const deletedAt = Date.now() - 400 * DAY;
    client().prepare(`UPDATE reviews SET status = 'deleted', deleted_at = ? WHERE id = ?`).run(deletedAt, deleted.reviewId);
    const kept = thread(author.id, member.id);
    const result = await eraseExpiredContent({ now: Date.now() });
    expect(result.reviews).toContain(deleted.reviewId);
    expect(review(deleted.reviewId)).toMatchObject({ status: "deleted", title: "", body: "" });
    expect(result.reviews).not.toContain(kept.reviewId);
    expect(review(kept.reviewId).body).not.toBe("");
    // The reply of a deleted review is the company's, and was not removed: it stays.
    expect(result.replies).not.toContain(deleted.replyId);
    // A second run finds nothing more to do.
    const again = await eraseExpiredContent({ now: Date.now() });
    expect(again.reviews).not.toContain(deleted.reviewId);
  });

  it("does not erase a review restored before the end of the period", async () => {
    const removedAt = Date.now() - 20 * DAY;
    const t = await removedThread(removedAt);
    const moderator = await account({ role: "moderator" });
    const restored = decide({
      actor: moderator,
      reviewId: t.reviewId,
      target: "review",
      decision: "restore",
      reason: "offensive",
      statement: STATEMENT,
      ...caseState(t.reviewId),
      now: removedAt + DAY,
    });
    expect(restored.ok).toBe(true);
    const result = await eraseExpiredContent({ now: removedAt + RETENTION_MS + DAY });
    expect(result.reviews).not.toContain(t.reviewId);
    expect(review(t.reviewId)).toMatchObject({ status: "published", erasedAt: null });
    expect(exists(t.photo)).toEqual([true, true]);
  });

  it("keeps the revision histories append-only otherwise", async () => {
    const author = await account();
    const member = await account();
    const t = thread(author.id, member.id);
    // Not erased: no update, even to blank the texts.
    expect(() => client().prepare(`UPDATE review_revisions SET title = '', body = '' WHERE review_id = ?`).run(t.reviewId)).toThrow(
      /append-only/,
    );
    expect(() => client().prepare(`UPDATE reply_revisions SET body = '' WHERE reply_id = ?`).run(t.replyId)).toThrow(/append-only/);
    // Erased: still no other change, and never a delete.
    client().prepare(`UPDATE reviews SET content_erased_at = 1 WHERE id = ?`).run(t.reviewId);
    expect(() =>
      client().prepare(`UPDATE review_revisions SET title = '', body = '', stars = 5 WHERE review_id = ?`).run(t.reviewId),
    ).toThrow(/append-only/);
    expect(() => client().prepare(`UPDATE review_revisions SET title = 'Autre' WHERE review_id = ?`).run(t.reviewId)).toThrow(
      /append-only/,
    );
    expect(() => client().prepare(`DELETE FROM review_revisions WHERE review_id = ?`).run(t.reviewId)).toThrow(/append-only/);
    expect(() => client().prepare(`DELETE FROM moderation_decisions`).run()).toThrow(/append-only/);
  });

  it("finds what is due through indexes, never by reading every review, reply or follow-up", async () => {
    // Every statement the purge runs, with the values it binds (a partial index is chosen by
    // the bound values: status = 'removed').
    const statement = Object.getPrototypeOf(client().prepare("SELECT 1")) as Record<"all" | "get" | "run", () => unknown>;
    const spies = (["all", "get", "run"] as const).map((method) => vi.spyOn(statement, method));
    let statements: { sql: string; params: unknown[] }[];
    try {
      await eraseExpiredContent({ now: Date.now() + RETENTION_MS + DAY });
    } finally {
      statements = spies.flatMap((spy) =>
        spy.mock.contexts.map((context, i) => ({ sql: (context as { source: string }).source, params: spy.mock.calls[i] as unknown[] })),
      );
      for (const spy of spies) spy.mockRestore();
    }
    // The reviews' and replies' selects, the follow-ups' update with its select, the erasures.
    const reads = statements.filter(({ sql }) => /^(select|update)\b/i.test(sql));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    const scans = reads.flatMap(({ sql, params }) =>
      client()
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .filter((detail) => /^SCAN (reviews|replies|follow_ups)\b/.test(detail)),
    );
    expect(scans).toEqual([]);
  });
});
