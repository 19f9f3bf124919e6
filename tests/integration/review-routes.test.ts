// The reviewer's routes, called as Remix calls them (real Requests, real SQLite, real
// sharp): the review form with photos, bad input kept, Z3 (posted fields that name the
// author, status, stars or company change nothing), 403 on others' reviews, the media
// route, the preview route, the data download and the account deletion.
import sharp from "sharp";
import { formAnswer } from "../support/form-answer";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { isoDate } from "~/lib/review-schema";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import * as writeRoute from "~/routes/write-a-review.$subjectId";
import * as editRoute from "~/routes/reviews.$id_.edit";
import * as deleteRoute from "~/routes/reviews.$id_.delete";
import * as mediaRoute from "~/routes/media.$key";
import * as previewRoute from "~/routes/markdown-preview";
import * as dataRoute from "~/routes/account.data[.]json";
import * as accountDeleteRoute from "~/routes/account.delete";
import * as permalinkRoute from "~/routes/reviews.$id";
import { account, createTestUser, getRequest, makeCompany, makeSubject, ORIGIN, outcome } from "../support/fixtures";

const DAY = 86_400_000;

const member = () => account();

function multipart(
  path: string,
  fields: Record<string, string | string[]>,
  files: { field: string; name: string; type: string; bytes: Buffer }[],
  cookie?: string,
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  for (const f of files) fd.append(f.field, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: fd,
    headers: { "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

// Each call from its own network: several accounts reviewing one company from one
// address would (rightly) be held by the network-cluster check.
let network = 0;
const ctx = { clientIp: "203.0.113.9" };
const call = (fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}) =>
  outcome(() =>
    (fn as (a: unknown) => unknown)({ request, params, context: { clientIp: `198.18.${Math.floor(++network / 250)}.${network % 250}` } }),
  );

let jpegWithGps: Buffer;
let png: Buffer;
const textAsJpeg = Buffer.from("Dear diary, this is not a photo.\n");

const valid = () => ({
  stars: "4",
  title: "Helpful staff",
  body: "The staff helped me **choose** a coat.\n\n- quick fitting\n- fair price",
  experienceDate: isoDate(Date.now() - 5 * DAY),
  channel: "store",
  recommend: "yes",
  language: "en",
  attestation: "on",
});

let companyId: number;
let otherCompanyId: number;

beforeAll(async () => {
  jpegWithGps = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: "#884422" } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Secret Person" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100" } })
    .toBuffer();
  png = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#2255aa" } })
    .png()
    .toBuffer();
  companyId = makeCompany().id;
  otherCompanyId = makeCompany().id;
});

function reviewRow(id: number) {
  return getDb().$client.prepare(`SELECT * FROM reviews WHERE id = ?`).get(id) as Record<string, unknown>;
}

describe("writing a review through the form", () => {
  it("publishes it with two photos, stripped of EXIF, served with nosniff and long caching", async () => {
    const user = await member();
    const subjectId = makeSubject(companyId);
    const res = await call(
      writeRoute.action,
      multipart(
        `/write-a-review/${subjectId}`,
        valid(),
        [
          { field: "photos", name: "a.jpg", type: "image/jpeg", bytes: jpegWithGps },
          { field: "photos", name: "b.png", type: "image/png", bytes: png },
        ],
        user.cookie,
      ),
      { subjectId: String(subjectId) },
    );
    expect(res.status).toBe(302);
    const id = Number(res.location!.match(/^\/reviews\/(\d+)$/)![1]);
    expect(reviewRow(id)).toMatchObject({ author_id: user.id, company_id: companyId, status: "published", stars: 4 });
    expect(reviewRow(id).body_html).toContain("<strong>choose</strong>");
    const media = getDb()
      .$client.prepare(`SELECT storage_key, mime, width, height FROM review_media WHERE review_id = ? ORDER BY position`)
      .all(id) as {
      storage_key: string;
      mime: string;
      width: number;
    }[];
    expect(media.map((m) => m.mime)).toEqual(["image/jpeg", "image/png"]);
    expect(media[0].width).toBe(1600);

    const served = await call(mediaRoute.loader, getRequest(`/media/${media[0].storage_key}`), { key: media[0].storage_key });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/jpeg");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const raw = await mediaRoute.loader({
      request: getRequest(`/media/${media[0].storage_key}`),
      params: { key: media[0].storage_key },
      context: ctx,
    });
    const bytes = Buffer.from(await (raw as Response).arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(bytes.includes(Buffer.from("Secret Person"))).toBe(false);
    const thumb = await mediaRoute.loader({
      request: getRequest(`/media/${media[0].storage_key}?size=thumb`),
      params: { key: media[0].storage_key },
      context: ctx,
    });
    expect((await sharp(Buffer.from(await (thumb as Response).arrayBuffer())).metadata()).width).toBe(400);

    // A second attempt at the same subject opens the first review's edit page.
    const again = await call(writeRoute.loader, getRequest(`/write-a-review/${subjectId}`, { cookie: user.cookie }), {
      subjectId: String(subjectId),
    });
    expect(again.status).toBe(302);
    expect(again.location).toBe(`/reviews/${id}/edit`);
  });

  it("answers bad input with an error next to each field and keeps everything else, photos included", async () => {
    const user = await member();
    const subjectId = makeSubject(companyId);
    const fields = { ...valid(), stars: "", experienceDate: isoDate(Date.now() + 3 * DAY), body: "x".repeat(MARKDOWN_MAX_LENGTH + 1) };
    const res = await call(
      writeRoute.action,
      multipart(
        `/write-a-review/${subjectId}`,
        fields,
        [
          { field: "photos", name: "ok.png", type: "image/png", bytes: png },
          { field: "photos", name: "holiday.jpg", type: "image/jpeg", bytes: textAsJpeg },
        ],
        user.cookie,
      ),
      { subjectId: String(subjectId) },
    );
    expect(res.status).toBe(400);
    const data = { ...formAnswer(res.data), keptPhotos: (res.data as { keptPhotos: { token: string }[] }).keptPhotos };
    expect(Object.keys(data.errors).sort()).toEqual(["body", "experienceDate", "photos", "stars"]);
    expect(data.errors.photos).toBe("This file is not a JPEG, PNG or WebP image. Choose a photo in one of these formats.");
    expect(data.errors.experienceDate).toMatch(/future/);
    expect(data.errors.body).toMatch(/5,000/);
    expect(data.values).toMatchObject({ title: "Helpful staff", channel: "store", recommend: "yes", attestation: "on" });
    expect(data.values.body).toHaveLength(MARKDOWN_MAX_LENGTH + 1);
    // The valid photo is kept (a signed token), so the author need not choose it again.
    expect(data.keptPhotos).toHaveLength(1);
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE author_id = ?`).get(user.id)).toEqual({ n: 0 });

    // Sent again with the fixes and the kept token: published with that photo.
    const fixed = await call(
      writeRoute.action,
      multipart(`/write-a-review/${subjectId}`, { ...valid(), keptPhoto: data.keptPhotos[0].token }, [], user.cookie),
      { subjectId: String(subjectId) },
    );
    expect(fixed.status).toBe(302);
    const id = Number(fixed.location!.split("/").pop());
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM review_media WHERE review_id = ?`).get(id)).toEqual({ n: 1 });
  });

  it("refuses another member's kept-photo token", async () => {
    const alice = await member();
    const bob = await member();
    const subjectId = makeSubject(companyId);
    const first = await call(
      writeRoute.action,
      multipart(
        `/write-a-review/${subjectId}`,
        { ...valid(), stars: "" },
        [{ field: "photos", name: "ok.png", type: "image/png", bytes: png }],
        alice.cookie,
      ),
      { subjectId: String(subjectId) },
    );
    const token = (first.data as { keptPhotos: { token: string }[] }).keptPhotos[0].token;
    const stolen = await call(
      writeRoute.action,
      multipart(`/write-a-review/${subjectId}`, { ...valid(), keptPhoto: token }, [], bob.cookie),
      {
        subjectId: String(subjectId),
      },
    );
    expect(stolen.status).toBe(302);
    const id = Number(stolen.location!.split("/").pop());
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM review_media WHERE review_id = ?`).get(id)).toEqual({ n: 0 });
  });

  it("the preview button renders the Markdown and writes nothing", async () => {
    const user = await member();
    const subjectId = makeSubject(companyId);
    const res = await call(
      writeRoute.action,
      multipart(`/write-a-review/${subjectId}`, { ...valid(), intent: "preview" }, [], user.cookie),
      {
        subjectId: String(subjectId),
      },
    );
    expect(res.status).toBe(200);
    expect((res.data as { previewHtml: string }).previewHtml).toContain("<li>quick fitting</li>");
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE author_id = ?`).get(user.id)).toEqual({ n: 0 });
  });

  it("sends anonymous visitors to the log-in page", async () => {
    const subjectId = makeSubject(companyId);
    const res = await call(writeRoute.loader, getRequest(`/write-a-review/${subjectId}`), { subjectId: String(subjectId) });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?redirectTo=%2Fwrite-a-review%2F${subjectId}`);
  });
});

describe("Z3: posted fields that name the author, status, stars or company change nothing", () => {
  it("stars=6 is refused; authorId, status, companyId and origin are ignored", async () => {
    const user = await member();
    const victim = await createTestUser();
    const subjectId = makeSubject(companyId);
    const extra = { authorId: String(victim.id), status: "held", companyId: String(otherCompanyId), origin: "verified", publishedAt: "1" };
    const six = await call(
      writeRoute.action,
      multipart(`/write-a-review/${subjectId}`, { ...valid(), ...extra, stars: "6" }, [], user.cookie),
      {
        subjectId: String(subjectId),
      },
    );
    expect(six.status).toBe(400);
    expect(Object.keys(formAnswer(six.data).errors)).toEqual(["stars"]);

    const res = await call(writeRoute.action, multipart(`/write-a-review/${subjectId}`, { ...valid(), ...extra }, [], user.cookie), {
      subjectId: String(subjectId),
    });
    expect(res.status).toBe(302);
    const id = Number(res.location!.split("/").pop());
    expect(reviewRow(id)).toMatchObject({ author_id: user.id, company_id: companyId, status: "published", origin: "organic", stars: 4 });
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE company_id = ?`).get(otherCompanyId)).toEqual({ n: 0 });
    expect(getDb().$client.prepare(`SELECT count(*) AS n FROM reviews WHERE author_id = ?`).get(victim.id)).toEqual({ n: 0 });
  });

  it("editing or deleting someone else's review is 403, and changes nothing", async () => {
    const author = await member();
    const intruder = await member();
    const subjectId = makeSubject(companyId);
    const created = await call(writeRoute.action, multipart(`/write-a-review/${subjectId}`, valid(), [], author.cookie), {
      subjectId: String(subjectId),
    });
    const id = String(created.location!.split("/").pop());
    const before = reviewRow(Number(id));

    expect((await call(editRoute.loader, getRequest(`/reviews/${id}/edit`, { cookie: intruder.cookie }), { id })).status).toBe(403);
    const edit = await call(
      editRoute.action,
      multipart(`/reviews/${id}/edit`, { ...valid(), stars: "1", title: "Hacked" }, [], intruder.cookie),
      { id },
    );
    expect(edit.status).toBe(403);
    expect((await call(deleteRoute.loader, getRequest(`/reviews/${id}/delete`, { cookie: intruder.cookie }), { id })).status).toBe(403);
    const del = await call(deleteRoute.action, multipart(`/reviews/${id}/delete`, {}, [], intruder.cookie), { id });
    expect(del.status).toBe(403);
    expect(reviewRow(Number(id))).toEqual(before);

    // The author can.
    const own = await call(
      editRoute.action,
      multipart(`/reviews/${id}/edit`, { ...valid(), stars: "2", title: "Second thoughts" }, [], author.cookie),
      { id },
    );
    expect(own.status).toBe(302);
    expect(reviewRow(Number(id))).toMatchObject({ stars: 2, title: "Second thoughts" });
    expect(reviewRow(Number(id)).edited_at).toBeTypeOf("number");
    const gone = await call(deleteRoute.action, multipart(`/reviews/${id}/delete`, {}, [], author.cookie), { id });
    expect(gone.status).toBe(302);
    expect(reviewRow(Number(id)).status).toBe("deleted");
  });
});

describe("who sees what", () => {
  it("a held review and its photos are visible to their author only", async () => {
    const author = await member();
    const other = await member();
    const subjectId = makeSubject(companyId);
    const res = await call(
      writeRoute.action,
      multipart(
        `/write-a-review/${subjectId}`,
        { ...valid(), body: "Call me on 06 12 34 56 78 about this coat." },
        [
          { field: "photos", name: "b.png", type: "image/png", bytes: png },
          { field: "proof", name: "receipt.png", type: "image/png", bytes: png },
        ],
        author.cookie,
      ),
      { subjectId: String(subjectId) },
    );
    const id = String(res.location!.split("/").pop());
    expect(reviewRow(Number(id))).toMatchObject({ status: "held", held_check: "phone" });
    expect((await call(permalinkRoute.loader, getRequest(`/reviews/${id}`), { id })).status).toBe(404);
    expect((await call(permalinkRoute.loader, getRequest(`/reviews/${id}`, { cookie: other.cookie }), { id })).status).toBe(404);
    const mine = await call(permalinkRoute.loader, getRequest(`/reviews/${id}`, { cookie: author.cookie }), { id });
    expect(mine.status).toBe(200);
    expect((mine.data as { awaiting: string }).awaiting).toBe("held");

    const keys = getDb().$client.prepare(`SELECT kind, storage_key AS key FROM review_media WHERE review_id = ?`).all(Number(id)) as {
      kind: string;
      key: string;
    }[];
    for (const { key } of keys) {
      expect((await call(mediaRoute.loader, getRequest(`/media/${key}`), { key })).status).toBe(404);
      expect((await call(mediaRoute.loader, getRequest(`/media/${key}`, { cookie: other.cookie }), { key })).status).toBe(404);
      const own = await call(mediaRoute.loader, getRequest(`/media/${key}`, { cookie: author.cookie }), { key });
      expect(own.status).toBe(200);
      expect(own.headers.get("Cache-Control")).toMatch(/^private/);
    }
  });

  it("a proof stays private once the review is published", async () => {
    const author = await member();
    const subjectId = makeSubject(companyId);
    const res = await call(
      writeRoute.action,
      multipart(
        `/write-a-review/${subjectId}`,
        valid(),
        [{ field: "proof", name: "receipt.png", type: "image/png", bytes: png }],
        author.cookie,
      ),
      { subjectId: String(subjectId) },
    );
    const id = Number(res.location!.split("/").pop());
    expect(reviewRow(id).status).toBe("published");
    const { key } = getDb()
      .$client.prepare(`SELECT storage_key AS key FROM review_media WHERE review_id = ? AND kind = 'proof'`)
      .get(id) as { key: string };
    expect((await call(mediaRoute.loader, getRequest(`/media/${key}`), { key })).status).toBe(404);
    expect((await call(mediaRoute.loader, getRequest(`/media/${key}`, { cookie: author.cookie }), { key })).status).toBe(200);
    const modCookie = (await account({ role: "moderator" })).cookie;
    expect((await call(mediaRoute.loader, getRequest(`/media/${key}`, { cookie: modCookie }), { key })).status).toBe(200);
  });
});

describe("the live preview route", () => {
  it("is POST only, for signed-in members, and uses the same renderer", async () => {
    const user = await member();
    expect((await call(previewRoute.loader, getRequest("/markdown-preview"))).status).toBe(405);
    const anon = await call(previewRoute.action, multipart("/markdown-preview", { body: "**x**" }, []));
    expect(anon.status).toBe(302);
    const res = await call(
      previewRoute.action,
      multipart("/markdown-preview", { body: "**x** <script>alert(1)</script>" }, [], user.cookie),
    );
    expect(res.status).toBe(200);
    expect((res.data as { html: string }).html).toBe("<p><strong>x</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>");
  });
});

describe("my data and my account", () => {
  it("downloads everything as JSON, without secrets", async () => {
    const user = await member();
    const subjectId = makeSubject(companyId);
    const created = await call(writeRoute.action, multipart(`/write-a-review/${subjectId}`, valid(), [], user.cookie), {
      subjectId: String(subjectId),
    });
    const id = String(created.location!.split("/").pop());
    await call(editRoute.action, multipart(`/reviews/${id}/edit`, { ...valid(), title: "Edited title" }, [], user.cookie), { id });
    const res = await dataRoute.loader({ request: getRequest("/account/data.json", { cookie: user.cookie }), params: {}, context: ctx });
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="replique-data-/);
    const text = await res.text();
    const payload = JSON.parse(text);
    expect(payload.account.email).toBe(user.email);
    expect(payload.reviews).toHaveLength(1);
    expect(payload.reviews[0].versions.map((v: { title: string }) => v.title)).toEqual(["Helpful staff", "Edited title"]);
    expect(text).not.toMatch(/password|secret_hash|token_hash|ip_hash/i);
  });

  it("deletes the account, anonymising or removing the reviews as chosen", async () => {
    for (const choice of ["anonymise", "remove"] as const) {
      const user = await member();
      const subjectId = makeSubject(companyId);
      const created = await call(writeRoute.action, multipart(`/write-a-review/${subjectId}`, valid(), [], user.cookie), {
        subjectId: String(subjectId),
      });
      const id = Number(created.location!.split("/").pop());
      const countBefore = (
        getDb()
          .$client.prepare(`SELECT review_count AS n FROM rating_stats WHERE scope = 'subject' AND scope_id = ? AND origin = 'organic'`)
          .get(subjectId) as { n: number }
      ).n;
      expect(countBefore).toBe(1);

      const wrong = await call(
        accountDeleteRoute.action,
        multipart("/account/delete", { reviews: choice, password: "not the password at all" }, [], user.cookie),
      );
      expect(wrong.status).toBe(400);
      const res = await call(
        accountDeleteRoute.action,
        multipart("/account/delete", { reviews: choice, password: user.password }, [], user.cookie),
      );
      expect(res.status).toBe(302);
      const row = reviewRow(id);
      expect(row.author_id).toBeNull();
      expect(row.status).toBe(choice === "remove" ? "deleted" : "published");
      const countAfter = (
        getDb()
          .$client.prepare(`SELECT review_count AS n FROM rating_stats WHERE scope = 'subject' AND scope_id = ? AND origin = 'organic'`)
          .get(subjectId) as { n: number }
      ).n;
      expect(countAfter).toBe(choice === "remove" ? 0 : 1);
      const account = getDb().$client.prepare(`SELECT email, deleted_at, password_hash FROM users WHERE id = ?`).get(user.id) as Record<
        string,
        unknown
      >;
      expect(account.email).not.toBe(user.email);
      expect(account.deleted_at).toBeTypeOf("number");
      expect(account.password_hash).toBeNull();
      // The session no longer works.
      expect((await call(editRoute.loader, getRequest(`/reviews/${id}/edit`, { cookie: user.cookie }), { id: String(id) })).status).toBe(
        302,
      );
    }
  });
});
