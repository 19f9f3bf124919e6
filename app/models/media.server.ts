// Photos and proofs attached to reviews.
//
// Every upload goes through sharp: the type is read from the bytes (JPEG, PNG and
// WebP only, whatever the file name or the browser says), the image is decoded and
// re-encoded, which drops every metadata block (EXIF with GPS, XMP, IPTC, comments),
// resized to at most MEDIA_MAX_DIMENSION px with a THUMB_DIMENSION px thumbnail, and
// stored with a random key, first as a pending upload under `${DATA_DIR}/tmp/` (a
// pending_uploads row names its owner), then, when the review is saved, moved to
// `${DATA_DIR}/media/` (outside public/) in the review's transaction. The route
// app/routes/media.$key.ts serves it after canViewMedia() says yes; pending uploads
// are never served. sweepUploads() removes what no saved review took.
import crypto from "node:crypto";
import fsSync from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { and, eq, inArray, lt } from "drizzle-orm";
import sharp, { type Sharp, type SharpOptions } from "sharp";
import { getDb, type Db } from "#db/client.server";
import { pendingUploads, type ROLES } from "#db/schema";
import type { MessageKey } from "~/i18n";
import { env } from "~/env.server";

export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
export const MEDIA_MAX_DIMENSION = 1600;
export const THUMB_DIMENSION = 400;
export const MAX_PHOTOS = 4;
/** Decoding more pixels than this is refused (a small file can hide a huge image). */
export const MEDIA_MAX_PIXELS = 50_000_000;

export type MediaFormat = "jpeg" | "png" | "webp";
const MIME: Record<MediaFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };
const EXT: Record<MediaFormat, string> = { jpeg: "jpg", png: "png", webp: "webp" };

/** A refused upload; `code` is the message shown next to the field. */
export class MediaError extends Error {
  constructor(public code: MessageKey & `media.error.${string}`) {
    super(code);
    this.name = "MediaError";
  }
}

export function mediaDir() {
  return path.resolve(env().DATA_DIR, "media");
}

/** Where uploads wait for their review: beside mediaDir (one filesystem, so that
 *  attaching is a rename). */
export function pendingDir() {
  return path.resolve(env().DATA_DIR, "tmp");
}

/** The format, read from the first bytes; null for anything else. */
export function sniffImage(bytes: Uint8Array): MediaFormat | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  )
    return "png";
  if (b.length >= 12 && String.fromCharCode(b[0], b[1], b[2], b[3]) === "RIFF" && String.fromCharCode(b[8], b[9], b[10], b[11]) === "WEBP")
    return "webp";
  return null;
}

export interface ProcessedImage {
  format: MediaFormat;
  mime: string;
  width: number;
  height: number;
  image: Buffer;
  thumbnail: Buffer;
  thumbWidth: number;
  thumbHeight: number;
}

function encode(pipeline: Sharp, format: MediaFormat) {
  switch (format) {
    case "jpeg":
      return pipeline.jpeg({ quality: 82, mozjpeg: true });
    case "png":
      return pipeline.png({ compressionLevel: 9 });
    case "webp":
      return pipeline.webp({ quality: 82 });
  }
}

/** Checks and re-encodes one upload. Throws MediaError with a message key. */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) throw new MediaError("media.error.empty");
  if (bytes.byteLength > MEDIA_MAX_BYTES) throw new MediaError("media.error.tooLarge");
  const format = sniffImage(bytes);
  if (!format) throw new MediaError("media.error.type");
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const options: SharpOptions = { limitInputPixels: MEDIA_MAX_PIXELS, failOn: "error", pages: 1 };
  try {
    // rotate() applies the EXIF orientation before the metadata goes; sharp keeps no
    // metadata in its output unless asked to (we never call keepExif/withMetadata).
    const base = () =>
      sharp(input, options).rotate().resize({
        width: MEDIA_MAX_DIMENSION,
        height: MEDIA_MAX_DIMENSION,
        fit: "inside",
        withoutEnlargement: true,
      });
    const { data: image, info } = await encode(base(), format).toBuffer({ resolveWithObject: true });
    const { data: thumbnail, info: thumbInfo } = await encode(
      sharp(image).resize({ width: THUMB_DIMENSION, height: THUMB_DIMENSION, fit: "inside", withoutEnlargement: true }),
      format,
    ).toBuffer({ resolveWithObject: true });
    return {
      format,
      mime: MIME[format],
      width: info.width,
      height: info.height,
      image,
      thumbnail,
      thumbWidth: thumbInfo.width,
      thumbHeight: thumbInfo.height,
    };
  } catch (error) {
    if (error instanceof MediaError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw new MediaError("media.error.dimensions");
    throw new MediaError("media.error.unreadable");
  }
}

/** A random storage key: 128 bits, URL-safe. */
export function newStorageKey() {
  return crypto.randomBytes(16).toString("base64url");
}

export function fileNames(storageKey: string, format: MediaFormat) {
  return { image: `${storageKey}.${EXT[format]}`, thumbnail: `${storageKey}.thumb.${EXT[format]}` };
}

export function formatOfMime(mime: string): MediaFormat | null {
  const entry = Object.entries(MIME).find(([, m]) => m === mime);
  return entry ? (entry[0] as MediaFormat) : null;
}

export interface StoredImage {
  storageKey: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

/** Names one pending upload: only its key is trusted, the rest is read from its row. */
export type UploadKey = Pick<StoredImage, "storageKey">;

/** A pending upload not attached to a review within this time is removed by the sweep
 *  (long enough to fix a form after a preview or an error; files with no row at all go
 *  after the same time). */
export const PENDING_UPLOAD_MAX_AGE_MS = 24 * 60 * 60_000;

/** Processes one upload and keeps it pending (files under pendingDir(), a row naming
 *  its owner) until a saved review attaches it. */
export async function storeImage(db: Db, ownerId: number, bytes: Uint8Array, now = Date.now()): Promise<StoredImage> {
  const processed = await processImage(bytes);
  const storageKey = newStorageKey();
  const names = fileNames(storageKey, processed.format);
  const dir = pendingDir();
  await fs.mkdir(dir, { recursive: true });
  // "wx": never overwrite (a key collision would be a bug, not a replacement).
  await fs.writeFile(path.join(dir, names.image), processed.image, { flag: "wx" });
  await fs.writeFile(path.join(dir, names.thumbnail), processed.thumbnail, { flag: "wx" });
  const image = { storageKey, mime: processed.mime, width: processed.width, height: processed.height, bytes: processed.image.byteLength };
  db.insert(pendingUploads)
    .values({ ...image, ownerId, createdAt: now })
    .run();
  return image;
}

/** The owner's pending uploads among `keys`, in their order; another member's key, or one
 *  already attached or swept, is not found. */
export function findPendingUploads(db: Db, ownerId: number, keys: string[]): StoredImage[] {
  if (keys.length === 0) return [];
  const rows = db
    .select({
      storageKey: pendingUploads.storageKey,
      mime: pendingUploads.mime,
      width: pendingUploads.width,
      height: pendingUploads.height,
      bytes: pendingUploads.bytes,
    })
    .from(pendingUploads)
    .where(and(eq(pendingUploads.ownerId, ownerId), inArray(pendingUploads.storageKey, keys)))
    .all();
  return keys.flatMap((k) => rows.filter((r) => r.storageKey === k));
}

/** Call inside the review's transaction: takes the owner's pending uploads (anything else
 *  is skipped) and moves their files to mediaDir(); the caller writes their review_media
 *  rows in the same transaction. A file is moved as the row goes, so a rollback after
 *  this leaves at worst a file in mediaDir() with no row, which the sweep removes. */
export function claimPendingUploads(db: Db, ownerId: number, uploads: UploadKey[]): StoredImage[] {
  const claimed: StoredImage[] = [];
  fsSync.mkdirSync(mediaDir(), { recursive: true });
  for (const { storageKey } of uploads) {
    const row = db
      .delete(pendingUploads)
      .where(and(eq(pendingUploads.storageKey, storageKey), eq(pendingUploads.ownerId, ownerId)))
      .returning({
        storageKey: pendingUploads.storageKey,
        mime: pendingUploads.mime,
        width: pendingUploads.width,
        height: pendingUploads.height,
        bytes: pendingUploads.bytes,
      })
      .get();
    const format = row && formatOfMime(row.mime);
    if (!row || !format) continue;
    const at = new Date();
    for (const name of Object.values(fileNames(row.storageKey, format))) {
      const to = path.join(mediaDir(), name);
      try {
        fsSync.renameSync(path.join(pendingDir(), name), to);
      } catch (error) {
        if (!fsSync.existsSync(to)) throw error; // already moved by a try that rolled back
      }
      // A fresh time: the sweep leaves young files alone while another process commits.
      fsSync.utimesSync(to, at, at);
    }
    claimed.push(row);
  }
  return claimed;
}

/** Removes the owner's pending uploads among `keys` now (taken off the form, or a form
 *  that will not be saved). */
export async function discardPendingUploads(ownerId: number, keys: string[]) {
  if (keys.length === 0) return;
  const rows = getDb()
    .delete(pendingUploads)
    .where(and(eq(pendingUploads.ownerId, ownerId), inArray(pendingUploads.storageKey, keys)))
    .returning({ storageKey: pendingUploads.storageKey, mime: pendingUploads.mime })
    .all();
  await removeFiles(pendingDir(), rows);
}

/** Removes stored files of a review (photos taken off, or their review purged). */
export async function discardImages(images: { storageKey: string; mime: string }[]) {
  await removeFiles(mediaDir(), images);
}

async function removeFiles(dir: string, images: { storageKey: string; mime: string }[]) {
  for (const img of images) {
    const format = formatOfMime(img.mime);
    if (!format) continue;
    const names = fileNames(img.storageKey, format);
    await fs.rm(path.join(dir, names.image), { force: true });
    await fs.rm(path.join(dir, names.thumbnail), { force: true });
  }
}

const FILE_NAME = /^([A-Za-z0-9_-]{22})(\.thumb)?\.(jpg|png|webp)$/;

/** The upload sweep (the background worker runs it every hour): removes pending uploads
 *  older than PENDING_UPLOAD_MAX_AGE_MS, rows and files, then the files older than that
 *  with no row: in pendingDir() no pending_uploads row, in mediaDir() no review_media row
 *  (a crash between file and row, rows deleted by a purge, previews stored before uploads
 *  were pending). Only names this module writes are touched. */
export async function sweepUploads(options: { now?: number; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const cutoff = (options.now ?? Date.now()) - PENDING_UPLOAD_MAX_AGE_MS;
  const expired = db
    .delete(pendingUploads)
    .where(lt(pendingUploads.createdAt, cutoff))
    .returning({ storageKey: pendingUploads.storageKey, mime: pendingUploads.mime })
    .all();
  await removeFiles(pendingDir(), expired);

  let orphans = 0;
  const hasRow = [
    [pendingDir(), db.$client.prepare(`SELECT 1 FROM pending_uploads WHERE storage_key = ?`)],
    [mediaDir(), db.$client.prepare(`SELECT 1 FROM review_media WHERE storage_key = ?`)],
  ] as const;
  for (const [dir, query] of hasRow) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const key = FILE_NAME.exec(name)?.[1];
      if (!key || query.get(key)) continue;
      const stat = await fs.stat(path.join(dir, name)).catch(() => null);
      if (!stat?.isFile() || stat.mtimeMs >= cutoff) continue;
      await fs.rm(path.join(dir, name), { force: true });
      orphans++;
    }
  }
  return { expired: expired.length, orphans };
}

const URL_NAME = /^([A-Za-z0-9_-]{22})(\.thumb)?$/;

/** Parses the last segment of a media URL: "<key>" (the image) or "<key>.thumb". */
export function parseMediaUrlName(name: string) {
  const match = URL_NAME.exec(name);
  if (!match) return null;
  return { storageKey: match[1], thumbnail: match[2] != null };
}

/** The public URL of a stored image or its thumbnail (the route finds its type in the
 *  database). "<key>?size=thumb" and "<key>.thumb" both name the thumbnail. */
export function mediaUrl(storageKey: string, variant: "image" | "thumbnail" = "image") {
  return `/media/${storageKey}${variant === "thumbnail" ? "?size=thumb" : ""}`;
}

/** Reads a stored file; null when it is missing. */
export async function readMediaFile(storageKey: string, mime: string, thumbnail: boolean) {
  const format = formatOfMime(mime);
  if (!format || !/^[A-Za-z0-9_-]{22}$/.test(storageKey)) return null;
  const names = fileNames(storageKey, format);
  try {
    return await fs.readFile(path.join(mediaDir(), thumbnail ? names.thumbnail : names.image));
  } catch {
    return null;
  }
}

export interface MediaViewer {
  id: number;
  role: (typeof ROLES)[number];
}

export interface MediaAccessFacts {
  kind: "photo" | "proof";
  reviewStatus: string;
  reviewAuthorId: number | null;
}

/** Photos: whoever may see the review (everyone once published; else its author and
 *  moderators). Proofs: only the review's author and moderators. */
export function canViewMedia(viewer: MediaViewer | null, media: MediaAccessFacts): boolean {
  const isModerator = viewer != null && (viewer.role === "moderator" || viewer.role === "admin");
  const isAuthor = viewer != null && media.reviewAuthorId != null && viewer.id === media.reviewAuthorId;
  if (isModerator || isAuthor) return true;
  return media.kind === "photo" && media.reviewStatus === "published";
}

export interface MediaRecord extends MediaAccessFacts {
  id: number;
  storageKey: string;
  mime: string;
}

type Client = Db["$client"];

function prepareMediaByKey(client: Client) {
  return client.prepare<[storageKey: string], MediaRecord>(
    `SELECT m.id, m.kind, m.storage_key AS storageKey, m.mime, r.status AS reviewStatus, r.author_id AS reviewAuthorId
     FROM review_media m JOIN reviews r ON r.id = m.review_id WHERE m.storage_key = ?`,
  );
}

// Prepared once per connection: every image of every page is served through it.
const mediaByKey = new WeakMap<Client, ReturnType<typeof prepareMediaByKey>>();

/** The stored image of this key with what decides who may see it. */
export function getMediaByKey(storageKey: string): MediaRecord | null {
  const client = getDb().$client;
  let statement = mediaByKey.get(client);
  if (!statement) {
    statement = prepareMediaByKey(client);
    mediaByKey.set(client, statement);
  }
  return statement.get(storageKey) ?? null;
}
