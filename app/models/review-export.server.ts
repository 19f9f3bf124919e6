// The CSV export of a company's reviews and replies (/brand/:slug/export.csv), for its
// members. Streamed: the body is a ReadableStream that reads one keyset page of reviews
// (by published_at, id, newest first, on reviews_company_feed_idx) each time the client
// has taken the previous one, so a company of 60,000 reviews is sent without holding them
// all in memory. RFC 4180 (quoted when needed, CRLF), UTF-8 with a BOM so that Excel reads
// the accents, one header row. What the company's public page shows, and no more: published
// reviews and the placeholders of removed ones (their texts and reply left out, as there);
// never held, pending or deleted ones.
import { getDb, type Db } from "#db/client.server";
import type { CHANNELS, ORIGINS } from "#db/schema";

export const EXPORT_PAGE_SIZE = 500;

export const EXPORT_COLUMNS = [
  "review_id",
  "permalink",
  "published_at",
  "subject",
  "channel",
  "stars",
  "title",
  "body",
  "author",
  "origin",
  "status",
  "reply_body",
  "reply_published_at",
  "reply_status",
  "resolved_at",
] as const;

/** One review of the export, as the page query reads it. */
export interface ExportRow {
  id: number;
  publishedAt: number;
  subject: string;
  channel: (typeof CHANNELS)[number];
  stars: number;
  /** The Markdown source; empty for a removed review. */
  title: string;
  body: string;
  /** Null once the author's account is gone (anonymised). */
  author: string | null;
  origin: (typeof ORIGINS)[number];
  status: "published" | "removed";
  /** Null without a reply, and for a removed review; the body is null for a removed reply. */
  replyBody: string | null;
  replyPublishedAt: number | null;
  replyStatus: "published" | "removed" | null;
  resolvedAt: number | null;
}

/** Where a page starts: after this review (in newest-first order). */
export interface ExportCursor {
  publishedAt: number;
  id: number;
}

type Client = Db["$client"];

function preparePage(client: Client) {
  return client.prepare<[companyId: number, publishedAt: number, id: number, limit: number], ExportRow>(
    `SELECT r.id, r.published_at AS publishedAt, s.name AS subject, r.channel, r.stars,
            CASE WHEN r.status = 'removed' THEN '' ELSE r.title END AS title,
            CASE WHEN r.status = 'removed' THEN '' ELSE r.body END AS body,
            CASE WHEN u.deleted_at IS NULL THEN u.display_name END AS author,
            r.origin, r.status,
            CASE WHEN r.status = 'removed' OR p.status = 'removed' THEN NULL ELSE p.body END AS replyBody,
            CASE WHEN r.status = 'removed' THEN NULL ELSE p.published_at END AS replyPublishedAt,
            CASE WHEN r.status = 'removed' THEN NULL ELSE p.status END AS replyStatus,
            r.resolved_at AS resolvedAt
     FROM reviews r
     JOIN subjects s ON s.id = r.subject_id
     LEFT JOIN users u ON u.id = r.author_id
     LEFT JOIN replies p ON p.review_id = r.id
     WHERE r.company_id = ? AND r.status IN ('published', 'removed') AND r.published_at IS NOT NULL
       AND (r.published_at, r.id) < (?, ?)
     ORDER BY r.published_at DESC, r.id DESC
     LIMIT ?`,
  );
}

const prepared = new WeakMap<Client, ReturnType<typeof preparePage>>();

/** One page of the export: up to `limit` reviews after `after` (from the newest when null). */
export function readExportPage(companyId: number, after: ExportCursor | null, limit = EXPORT_PAGE_SIZE): ExportRow[] {
  const client = getDb().$client;
  let statement = prepared.get(client);
  if (!statement) {
    statement = preparePage(client);
    prepared.set(client, statement);
  }
  const from = after ?? { publishedAt: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
  return statement.all(companyId, from.publishedAt, from.id, limit);
}

// ─── CSV ──────────────────────────────────────────────────────────────────────

/** What a spreadsheet would run as a formula (CSV injection): such a cell gets a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  if (value == null) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended by CRLF. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/** A row's cells, in the order of EXPORT_COLUMNS. */
export function exportCells(row: ExportRow, origin: string): (string | number | null)[] {
  return [
    row.id,
    `${origin}/reviews/${row.id}`,
    iso(row.publishedAt),
    row.subject,
    row.channel,
    row.stars,
    row.title,
    row.body,
    row.author,
    row.origin,
    row.status,
    row.replyBody,
    iso(row.replyPublishedAt),
    row.replyStatus,
    iso(row.resolvedAt),
  ];
}

/** The file name: ASCII only, so that Content-Disposition needs no encoding. */
export function exportFileName(slug: string, now = Date.now()): string {
  const safe =
    slug
      .replace(/[^A-Za-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "company";
  return `replique-${safe}-reviews-${new Date(now).toISOString().slice(0, 10)}.csv`;
}

export interface ExportOptions {
  /** The site's origin, for the permalinks. */
  origin: string;
  pageSize?: number;
  /** The page reader (tests count the pages it reads). */
  readPage?: typeof readExportPage;
}

/**
 * The CSV of every review of the company, as a stream: the BOM and the header row first,
 * then one chunk per keyset page. Nothing is read before the client asks (highWaterMark 0):
 * each pull reads the next page, so at most one page is held at a time.
 */
export function reviewExportStream(companyId: number, options: ExportOptions): ReadableStream<Uint8Array> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const readPage = options.readPage ?? readExportPage;
  const encoder = new TextEncoder();
  let cursor: ExportCursor | null = null;
  let headerSent = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine(EXPORT_COLUMNS)}`));
          return;
        }
        const rows = readPage(companyId, cursor, pageSize);
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => csvLine(exportCells(row, options.origin))).join("")));
        const last = rows.at(-1);
        if (!last || rows.length < pageSize) controller.close();
        else cursor = { publishedAt: last.publishedAt, id: last.id };
      },
    },
    { highWaterMark: 0 },
  );
}
