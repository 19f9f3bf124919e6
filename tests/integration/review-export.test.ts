// The CSV export of a company's reviews and replies (/brand/:slug/export.csv): who may
// download it, what it holds (RFC 4180, UTF-8 with a BOM, a header row, the columns, only
// what the company's public page shows), the defence against formulas, and the stream: one
// keyset page read per pull, in several chunks, the first sent before the last is read.
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import {
  csvCell,
  EXPORT_COLUMNS,
  exportFileName,
  readExportPage,
  reviewExportStream,
  type ExportCursor,
} from "~/models/review-export.server";
import { loader } from "~/routes/brand.$slug.export[.]csv";
import { account, addMember, callLoader, getRequest, makeCompany, makeReply, makeReview, makeUser } from "../support/fixtures";

const client = () => getDb().$client;
const DAY = 86_400_000;
const BOM = [0xef, 0xbb, 0xbf];

/** RFC 4180, as a spreadsheet reads it: records of fields, quotes doubled, CRLF between. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && c === "\r" && next === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  if (field !== "" || record.length > 0) throw new Error("the last record does not end with CRLF");
  return records;
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return chunks;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

const slugOf = (companyId: number) =>
  client().prepare<[number], { slug: string }>(`SELECT slug FROM companies WHERE id = ?`).get(companyId)!.slug;

function exportRequest(companyId: number, cookie?: string) {
  const slug = slugOf(companyId);
  return callLoader(loader, getRequest(`/brand/${slug}/export.csv`, { cookie }), { slug });
}

/** `count` published reviews of the company, seven at a time sharing one publication time
 *  (the keyset must break ties by id), written in one transaction. */
function manyReviews(companyId: number, subjectId: number, count: number) {
  const insert = client().prepare(
    `INSERT INTO reviews (subject_id, company_id, author_id, stars, title, body, body_html, language, experience_date, channel, status, published_at)
     VALUES (?, ?, NULL, 4, ?, 'Bien.', '<p>Bien.</p>', 'fr', '2026-01-01', 'store', 'published', ?)`,
  );
  const base = Date.UTC(2026, 0, 10);
  getDb().transaction(() => {
    for (let i = 0; i < count; i++) insert.run(subjectId, companyId, `Avis ${i}`, base + Math.floor(i / 7) * 60_000);
  });
}

describe("who may download a company's export", () => {
  it("members of the company get the CSV; anonymous visitors are sent to log in; anyone else gets a 403 and no data", async () => {
    const a = makeCompany({ name: "Maison Export" });
    const b = makeCompany();
    makeReview({ companyId: a.id, subjectId: a.subjectId, authorId: null, title: "Secret de Maison Export" });
    const member = await account();
    const staffB = await account();
    const moderator = await account({ role: "moderator" });
    addMember(a.id, member.id, "agent");
    addMember(b.id, staffB.id, "owner");

    const ok = await exportRequest(a.id, member.cookie);
    expect(ok.status).toBe(200);
    expect(String(ok.data)).toContain("Secret de Maison Export");

    const anonymous = await exportRequest(a.id);
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toBe(`/login?${new URLSearchParams({ redirectTo: `/brand/${slugOf(a.id)}/export.csv` })}`);

    for (const outsider of [staffB, moderator]) {
      const refused = await exportRequest(a.id, outsider.cookie);
      expect(refused.status).toBe(403);
      expect(String(refused.data)).not.toContain("Secret");
    }

    const missing = await callLoader(loader, getRequest(`/brand/no-such-company/export.csv`, { cookie: member.cookie }), {
      slug: "no-such-company",
    });
    expect(missing.status).toBe(404);
  });

  it("is an attachment with a safe file name, never cached", async () => {
    const a = makeCompany({ slug: `maison-fichier-${Date.now()}` });
    const member = await account();
    addMember(a.id, member.id);
    const answer = await exportRequest(a.id, member.cookie);
    expect(answer.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(answer.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="replique-maison-fichier-\d+-reviews-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
    expect(exportFileName('a"b/../c\r\nd é', Date.UTC(2026, 4, 2))).toBe("replique-a-b-c-d-reviews-2026-05-02.csv");
    expect(exportFileName("", Date.UTC(2026, 4, 2))).toBe("replique-company-reviews-2026-05-02.csv");
  });
});

describe("what the export holds", () => {
  it("is UTF-8 with a BOM, a header row, one RFC 4180 record per review, newest first, with its reply", async () => {
    const a = makeCompany({ name: "Maison Contenu" });
    const other = makeCompany();
    const author = makeUser({ displayName: "Élodie, « la cliente »" });
    const gone = makeUser({ displayName: "Compte supprimé" });
    const t0 = Date.now() - 10 * DAY;
    const answered = makeReview({
      companyId: a.id,
      subjectId: a.subjectId,
      authorId: author,
      stars: 2,
      title: 'Livraison "express", vraiment ?',
      body: "Première ligne.\nDeuxième ligne, avec une virgule.",
      channel: "delivery",
      origin: "verified",
      publishedAt: t0,
    });
    makeReply(answered, "Nous sommes désolés.\r\nUn geste part aujourd’hui.", t0 + DAY);
    client()
      .prepare(`UPDATE reviews SET resolved_at = ? WHERE id = ?`)
      .run(t0 + 2 * DAY, answered);
    const anonymised = makeReview({ companyId: a.id, subjectId: a.subjectId, authorId: gone, publishedAt: t0 + 3 * DAY });
    client().prepare(`UPDATE users SET deleted_at = ? WHERE id = ?`).run(Date.now(), gone);
    const removed = makeReview({ companyId: a.id, subjectId: a.subjectId, authorId: author, status: "removed", publishedAt: t0 + 4 * DAY });
    makeReview({ companyId: a.id, subjectId: a.subjectId, authorId: author, status: "held", title: "Retenu" });
    makeReview({ companyId: a.id, subjectId: a.subjectId, authorId: author, status: "deleted", title: "Supprimé", publishedAt: t0 });
    makeReview({ companyId: other.id, subjectId: other.subjectId, authorId: author, title: "Autre entreprise", publishedAt: t0 });

    const chunks = await readAll(reviewExportStream(a.id, { origin: "https://replique.example" }));
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const [header, ...rows] = parseCsv(text(chunks).slice(1));
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(rows.map((r) => Number(r[0]))).toEqual([removed, anonymised, answered]);
    const record = (id: number) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, rows.find((r) => Number(r[0]) === id)![i]]));

    expect(record(answered)).toEqual({
      review_id: String(answered),
      permalink: `https://replique.example/reviews/${answered}`,
      published_at: new Date(t0).toISOString(),
      subject: expect.stringContaining("Paris"),
      channel: "delivery",
      stars: "2",
      title: 'Livraison "express", vraiment ?',
      body: "Première ligne.\nDeuxième ligne, avec une virgule.",
      author: "Élodie, « la cliente »",
      origin: "verified",
      status: "published",
      reply_body: "Nous sommes désolés.\r\nUn geste part aujourd’hui.",
      reply_published_at: new Date(t0 + DAY).toISOString(),
      reply_status: "published",
      resolved_at: new Date(t0 + 2 * DAY).toISOString(),
    });
    // An account gone: the review stays, without a name; a removed review is a placeholder.
    expect(record(anonymised).author).toBe("");
    expect(record(removed)).toMatchObject({ status: "removed", title: "", body: "", reply_body: "", reply_status: "" });
  });

  it("defends against formulas: a cell starting with = + - @ tab or CR gets a leading apostrophe", async () => {
    expect(csvCell('=HYPERLINK("https://evil.example")')).toBe('"\'=HYPERLINK(""https://evil.example"")"');
    expect(csvCell("+33 6 12 34 56 78")).toBe("'+33 6 12 34 56 78");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("Très bien = parfait")).toBe("Très bien = parfait");
    expect(csvCell(4)).toBe("4");
    expect(csvCell(null)).toBe("");

    const a = makeCompany();
    const author = makeUser({ displayName: "@admin" });
    const id = makeReview({
      companyId: a.id,
      subjectId: a.subjectId,
      authorId: author,
      title: "=cmd|' /C calc'!A0",
      body: "+1 pour le service",
    });
    makeReply(id, "-10 % sur votre prochaine commande");
    const [, row] = parseCsv(text(await readAll(reviewExportStream(a.id, { origin: "http://localhost" }))).slice(1));
    const cell = (name: (typeof EXPORT_COLUMNS)[number]) => row[EXPORT_COLUMNS.indexOf(name)];
    expect(cell("title")).toBe("'=cmd|' /C calc'!A0");
    expect(cell("body")).toBe("'+1 pour le service");
    expect(cell("author")).toBe("'@admin");
    expect(cell("reply_body")).toBe("'-10 % sur votre prochaine commande");
  });
});

describe("the stream", () => {
  it("reads one keyset page per pull, and sends the first rows before the last page is read", async () => {
    const a = makeCompany();
    manyReviews(a.id, a.subjectId, 1_234);
    const cursors: (ExportCursor | null)[] = [];
    const readPage: typeof readExportPage = (companyId, after, limit) => {
      cursors.push(after);
      return readExportPage(companyId, after, limit);
    };
    const reader = reviewExportStream(a.id, { origin: "http://localhost", pageSize: 100, readPage }).getReader();

    // Nothing is read before the client asks; the header row comes first, alone.
    expect(cursors).toHaveLength(0);
    const first = await reader.read();
    expect(cursors).toHaveLength(0);
    expect(Buffer.from(first.value!).toString("utf8")).toBe(`\uFEFF${EXPORT_COLUMNS.join(",")}\r\n`);
    // Then one page per chunk: the first rows are out while 12 pages are still unread.
    const second = await reader.read();
    expect(cursors).toEqual([null]);
    expect(parseCsv(Buffer.from(second.value!).toString("utf8"))).toHaveLength(100);

    const chunks = [first.value!, second.value!];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks).toHaveLength(1 + 13);
    expect(cursors).toHaveLength(13);
    const ids = parseCsv(text(chunks).slice(1))
      .slice(1)
      .map((r) => Number(r[0]));
    expect(ids).toHaveLength(1_234);
    expect(new Set(ids).size).toBe(1_234);
    // Each page starts after the last review of the one before (newest first, ties by id).
    const expected = client()
      .prepare<[number], { id: number }>(`SELECT id FROM reviews WHERE company_id = ? ORDER BY published_at DESC, id DESC`)
      .all(a.id)
      .map((r) => r.id);
    expect(ids).toEqual(expected);
    for (let page = 1; page < cursors.length; page++) expect(cursors[page]?.id).toBe(ids[page * 100 - 1]);
  });

  it("the route answers a stream of several chunks, 500 reviews each", async () => {
    const a = makeCompany();
    manyReviews(a.id, a.subjectId, 1_001);
    const member = await account();
    addMember(a.id, member.id);
    const slug = slugOf(a.id);
    const response = await loader({
      request: getRequest(`/brand/${slug}/export.csv`, { cookie: member.cookie }),
      params: { slug },
      context: {},
    });
    expect(response.body).toBeInstanceOf(ReadableStream);
    const chunks = await readAll(response.body!);
    expect(chunks).toHaveLength(1 + 3);
    expect(parseCsv(text(chunks).slice(1))).toHaveLength(1 + 1_001);
  });
});
