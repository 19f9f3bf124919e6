// Uploads from the review form are pending until a review is saved: a preview, a form
// with an error or a refused review leaves them under DATA_DIR/tmp with a row naming
// their owner; saving attaches them (DATA_DIR/media, a review_media row); the sweep
// removes what no review took after PENDING_UPLOAD_MAX_AGE_MS, and files with no row.
// Previews and stored files are rate-limited per member.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { formAnswer } from "../support/form-answer";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { isoDate } from "~/lib/review-schema";
import { claimPendingUploads, mediaDir, PENDING_UPLOAD_MAX_AGE_MS, pendingDir, sweepUploads } from "~/models/media.server";
import { UPLOAD_LIMITS } from "~/models/review-form.server";
import * as mediaRoute from "~/routes/media.$key";
import * as editRoute from "~/routes/reviews.$id_.edit";
import * as writeRoute from "~/routes/write-a-review.$subjectId";
import { account, clearRateLimits, getRequest, makeCompany, makeSubject, ORIGIN, outcome } from "../support/fixtures";

const DAY = 86_400_000;
const LATER = () => Date.now() + PENDING_UPLOAD_MAX_AGE_MS + 60_000;

function multipart(url: string, fields: Record<string, string | string[]>, files: { field: string; bytes: Buffer }[], cookie: string) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  for (const f of files) fd.append(f.field, new File([new Uint8Array(f.bytes)], "photo.png", { type: "image/png" }));
  return new Request(`${ORIGIN}${url}`, { method: "POST", body: fd, headers: { "Accept-Language": "en", Cookie: cookie } });
}

let network = 0;
const call = (fn: (args: never) => unknown, request: Request, params: Record<string, string>) =>
  outcome(() =>
    (fn as (a: unknown) => unknown)({ request, params, context: { clientIp: `198.19.${Math.floor(++network / 250)}.${network % 250}` } }),
  );

const valid = (body = "The staff helped me choose a coat, and the fitting was quick.") => ({
  stars: "4",
  title: "Helpful staff",
  body,
  experienceDate: isoDate(Date.now() - 5 * DAY),
  channel: "store",
  recommend: "yes",
  language: "en",
  attestation: "on",
});

type Answer = { keptPhotos: { token: string }[]; keptProof: { token: string } | null; formError: string | null };

let png: Buffer;
let companyId: number;
beforeAll(async () => {
  png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2255aa" } })
    .png()
    .toBuffer();
  companyId = makeCompany().id;
});

const files = (dir: string, key: string) => [`${key}.png`, `${key}.thumb.png`].map((n) => fs.existsSync(path.join(dir, n)));
const pendingRow = (key: string) =>
  getDb().$client.prepare(`SELECT owner_id AS ownerId FROM pending_uploads WHERE storage_key = ?`).get(key);
const mediaRows = (key: string) =>
  (getDb().$client.prepare(`SELECT count(*) AS n FROM review_media WHERE storage_key = ?`).get(key) as { n: number }).n;

async function write(user: { cookie: string }, subjectId: number, fields: Record<string, string | string[]>, photos = 0, proof = false) {
  const parts = [
    ...Array.from({ length: photos }, () => ({ field: "photos", bytes: png })),
    ...(proof ? [{ field: "proof", bytes: png }] : []),
  ];
  return call(writeRoute.action, multipart(`/write-a-review/${subjectId}`, fields, parts, user.cookie), { subjectId: String(subjectId) });
}

describe("pending uploads", () => {
  it("a preview with a photo leaves a pending file, which the sweep removes after a day", async () => {
    const user = await account();
    const res = await write(user, makeSubject(companyId), { ...valid(), intent: "preview" }, 1);
    expect(res.status).toBe(200);
    const key = (res.data as Answer).keptPhotos[0].token;
    expect(pendingRow(key)).toEqual({ ownerId: user.id });
    expect(files(pendingDir(), key)).toEqual([true, true]);
    expect(files(mediaDir(), key)).toEqual([false, false]);
    // Not served while pending, not even to its owner.
    expect((await call(mediaRoute.loader, getRequest(`/media/${key}`, { cookie: user.cookie }), { key })).status).toBe(404);

    // Within the day it stays; after it, row and files go.
    await sweepUploads({ now: Date.now() + PENDING_UPLOAD_MAX_AGE_MS - 60_000 });
    expect(pendingRow(key)).toBeDefined();
    expect(files(pendingDir(), key)).toEqual([true, true]);
    const swept = await sweepUploads({ now: LATER() });
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect(pendingRow(key)).toBeUndefined();
    expect(files(pendingDir(), key)).toEqual([false, false]);
  });

  it("a form with an error, or a refused review, leaves only pending files", async () => {
    const user = await account();
    const bad = await write(user, makeSubject(companyId), { ...valid(), stars: "" }, 2, true);
    expect(bad.status).toBe(400);
    const answer = bad.data as Answer;
    const keys = [...answer.keptPhotos.map((p) => p.token), answer.keptProof!.token];
    expect(keys).toHaveLength(3);

    // Refused by an automatic check (the same text as the author's other review).
    const body = "Exactly the same words that I already posted about another store of theirs.";
    expect((await write(user, makeSubject(companyId), valid(body))).status).toBe(302);
    const refused = await write(user, makeSubject(companyId), valid(body), 1);
    expect(refused.status).toBe(422);
    keys.push((refused.data as Answer).keptPhotos[0].token);

    for (const key of keys) {
      expect(pendingRow(key)).toEqual({ ownerId: user.id });
      expect(files(pendingDir(), key)).toEqual([true, true]);
      expect(files(mediaDir(), key)).toEqual([false, false]);
      expect(mediaRows(key)).toBe(0);
    }
    await sweepUploads({ now: LATER() });
    for (const key of keys) expect(files(pendingDir(), key)).toEqual([false, false]);
  });

  it("saving the review attaches the kept and the new photos: permanent, served, and kept by the sweep", async () => {
    const user = await account();
    const subjectId = makeSubject(companyId);
    const preview = await write(user, subjectId, { ...valid(), intent: "preview" }, 1, true);
    const kept = preview.data as Answer;
    const saved = await write(user, subjectId, { ...valid(), keptPhoto: kept.keptPhotos[0].token, keptProof: kept.keptProof!.token }, 1);
    expect(saved.status).toBe(302);
    const reviewId = Number(saved.location!.split("/").pop());
    const media = getDb()
      .$client.prepare(`SELECT kind, storage_key AS key FROM review_media WHERE review_id = ? ORDER BY kind, position`)
      .all(reviewId) as { kind: string; key: string }[];
    expect(media.map((m) => m.kind)).toEqual(["photo", "photo", "proof"]);
    expect(media[0].key).toBe(kept.keptPhotos[0].token);
    expect(media[2].key).toBe(kept.keptProof!.token);

    await sweepUploads({ now: LATER() });
    for (const { key } of media) {
      expect(pendingRow(key)).toBeUndefined();
      expect(files(pendingDir(), key)).toEqual([false, false]);
      expect(files(mediaDir(), key)).toEqual([true, true]);
    }
    expect((await call(mediaRoute.loader, getRequest(`/media/${media[0].key}`), { key: media[0].key })).status).toBe(200);

    // Edit: a photo previewed on the edit form is attached too, after the existing ones.
    const editPreview = await call(
      editRoute.action,
      multipart(`/reviews/${reviewId}/edit`, { ...valid(), intent: "preview" }, [{ field: "photos", bytes: png }], user.cookie),
      { id: String(reviewId) },
    );
    const editKey = (editPreview.data as Answer).keptPhotos[0].token;
    expect(files(pendingDir(), editKey)).toEqual([true, true]);
    const edited = await call(
      editRoute.action,
      multipart(`/reviews/${reviewId}/edit`, { ...valid(), keptPhoto: editKey }, [], user.cookie),
      {
        id: String(reviewId),
      },
    );
    expect(edited.status).toBe(302);
    expect(getDb().$client.prepare(`SELECT position FROM review_media WHERE storage_key = ?`).get(editKey)).toEqual({ position: 2 });
    await sweepUploads({ now: LATER() });
    expect(files(mediaDir(), editKey)).toEqual([true, true]);
  });

  it("another member cannot attach someone else's pending key", async () => {
    const alice = await account();
    const bob = await account();
    const preview = await write(alice, makeSubject(companyId), { ...valid(), intent: "preview" }, 1, true);
    const { keptPhotos, keptProof } = preview.data as Answer;
    const key = keptPhotos[0].token;

    const stolen = await write(bob, makeSubject(companyId), { ...valid(), keptPhoto: key, keptProof: keptProof!.token });
    expect(stolen.status).toBe(302);
    const bobReview = Number(stolen.location!.split("/").pop());
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM review_media WHERE review_id = ?`).get(bobReview)).toEqual({ n: 0 });
    // Bob cannot take it off Alice's form either, nor claim it in a transaction.
    await write(bob, makeSubject(companyId), { ...valid(), intent: "preview", removeKept: key });
    expect(getDb().$client.transaction(() => claimPendingUploads(getDb(), bob.id, [{ storageKey: key }]))()).toEqual([]);
    expect(pendingRow(key)).toEqual({ ownerId: alice.id });
    expect(files(pendingDir(), key)).toEqual([true, true]);

    // Alice still can.
    const mine = await write(alice, makeSubject(companyId), { ...valid(), keptPhoto: key });
    expect(mine.status).toBe(302);
    expect(mediaRows(key)).toBe(1);
  });

  it("the sweep removes old files that have no row, and nothing else", async () => {
    const old = new Date(Date.now() - 2 * DAY);
    const stray = (dir: string, name: string) => {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, name), png);
      fs.utimesSync(path.join(dir, name), old, old);
      return path.join(dir, name);
    };
    const orphanMedia = stray(mediaDir(), "AAAAAAAAAAAAAAAAAAAAAA.png");
    const orphanThumb = stray(mediaDir(), "AAAAAAAAAAAAAAAAAAAAAA.thumb.png");
    const orphanTmp = stray(pendingDir(), "BBBBBBBBBBBBBBBBBBBBBB.jpg");
    const notOurs = stray(mediaDir(), "README.txt");
    const result = await sweepUploads();
    expect(result.orphans).toBeGreaterThanOrEqual(3);
    for (const f of [orphanMedia, orphanThumb, orphanTmp]) expect(fs.existsSync(f)).toBe(false);
    expect(fs.existsSync(notOurs)).toBe(true);
  });
});

describe("rate limits on previews and uploads", () => {
  it("answers 429 past the preview limit, with the message for the form and nothing stored", async () => {
    clearRateLimits();
    const user = await account();
    const subjectId = makeSubject(companyId);
    const { limit } = UPLOAD_LIMITS.previewPerUser;
    for (let i = 0; i < limit; i++) expect((await write(user, subjectId, { ...valid(), intent: "preview" })).status).toBe(200);
    const pendingBefore = (
      getDb().$client.prepare(`SELECT count(*) AS n FROM pending_uploads WHERE owner_id = ?`).get(user.id) as { n: number }
    ).n;
    const over = await write(user, subjectId, { ...valid(), intent: "preview" }, 1);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
    const data = { ...(over.data as Answer), ...formAnswer(over.data) };
    expect(data.formError).toMatch(/too many/i);
    expect(data.values.title).toBe("Helpful staff");
    expect(data.keptPhotos).toEqual([]);
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM pending_uploads WHERE owner_id = ?`).get(user.id)).toEqual({
      n: pendingBefore,
    });
    // Another member is not affected.
    expect((await write(await account(), subjectId, { ...valid(), intent: "preview" })).status).toBe(200);
  });

  it("answers 429 past the stored-files limit, whatever the button", async () => {
    clearRateLimits();
    const user = await account();
    const { limit } = UPLOAD_LIMITS.filesPerUser;
    getDb()
      .$client.prepare(`INSERT INTO rate_limits (key, count, window_ends_at) VALUES (?, ?, ?)`)
      .run(`review-upload:${user.id}`, limit, Date.now() + 60_000);
    const subjectId = makeSubject(companyId);
    const res = await write(user, subjectId, valid(), 1);
    expect(res.status).toBe(429);
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE author_id = ?`).get(user.id)).toEqual({ n: 0 });
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM pending_uploads WHERE owner_id = ?`).get(user.id)).toEqual({ n: 0 });
    // Without a file, the review is saved.
    expect((await write(user, subjectId, valid())).status).toBe(302);
  });
});
