// Photos and proofs attached to reviews.
//
// Every upload goes through sharp: the type is read from the bytes (JPEG, PNG and
// WebP only, whatever the file name or the browser says), the image is decoded and
// re-encoded, which drops every metadata block (EXIF with GPS, XMP, IPTC, comments),
// resized to at most MEDIA_MAX_DIMENSION px with a THUMB_DIMENSION px thumbnail, and
// stored under `${DATA_DIR}/media/` (outside public/) with a random key. The route
// app/routes/media.$key.ts serves it after canViewMedia() says yes.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp, { type Sharp, type SharpOptions } from "sharp";
import type { Db } from "#db/client.server";
import type { MessageKey } from "~/i18n";
import type { ROLES } from "#db/schema";

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
  return path.resolve(process.env.DATA_DIR ?? "./data", "media");
}

/** The format, read from the first bytes; null for anything else. */
export function sniffImage(bytes: Uint8Array): MediaFormat | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    b.length >= 8 &&
    b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 &&
    b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a
  )
    return "png";
  if (
    b.length >= 12 &&
    String.fromCharCode(b[0], b[1], b[2], b[3]) === "RIFF" &&
    String.fromCharCode(b[8], b[9], b[10], b[11]) === "WEBP"
  )
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

/** Processes and writes one upload (image and thumbnail). */
export async function storeImage(bytes: Uint8Array): Promise<StoredImage> {
  const processed = await processImage(bytes);
  const storageKey = newStorageKey();
  const names = fileNames(storageKey, processed.format);
  const dir = mediaDir();
  await fs.mkdir(dir, { recursive: true });
  // "wx": never overwrite (a key collision would be a bug, not a replacement).
  await fs.writeFile(path.join(dir, names.image), processed.image, { flag: "wx" });
  await fs.writeFile(path.join(dir, names.thumbnail), processed.thumbnail, { flag: "wx" });
  return {
    storageKey,
    mime: processed.mime,
    width: processed.width,
    height: processed.height,
    bytes: processed.image.byteLength,
  };
}

/** Removes stored files (after a refused submission, or when their review is purged). */
export async function discardImages(images: { storageKey: string; mime: string }[]) {
  const dir = mediaDir();
  for (const img of images) {
    const format = formatOfMime(img.mime);
    if (!format) continue;
    const names = fileNames(img.storageKey, format);
    await fs.rm(path.join(dir, names.image), { force: true });
    await fs.rm(path.join(dir, names.thumbnail), { force: true });
  }
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

// ─── Uploads kept across a form error ─────────────────────────────────────────
// When a review form comes back with an error, the photos already processed are not
// lost: the form carries a signed token per stored image, valid for its uploader only.

function uploadSignature(userId: number, payload: string) {
  const secret = process.env.SECRET ?? "replique-development-secret";
  return crypto.createHmac("sha256", secret).update(`upload|${userId}|${payload}`).digest("base64url").slice(0, 27);
}

export function signUpload(userId: number, image: StoredImage): string {
  const format = formatOfMime(image.mime) ?? "jpeg";
  const payload = [image.storageKey, format, image.width, image.height, image.bytes].join(".");
  return `${payload}.${uploadSignature(userId, payload)}`;
}

export function verifyUpload(userId: number, token: string): StoredImage | null {
  const parts = token.split(".");
  if (parts.length !== 6) return null;
  const [storageKey, format, w, h, b, sig] = parts;
  const payload = parts.slice(0, 5).join(".");
  const expected = uploadSignature(userId, payload);
  if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return null;
  if (!/^[A-Za-z0-9_-]{22}$/.test(storageKey) || !(format in MIME)) return null;
  return { storageKey, mime: MIME[format as MediaFormat], width: Number(w), height: Number(h), bytes: Number(b) };
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

/** The stored image of this key with what decides who may see it. */
export function getMediaByKey(db: Db, storageKey: string): MediaRecord | null {
  const row = db.$client
    .prepare(
      `SELECT m.id, m.kind, m.storage_key AS storageKey, m.mime, r.status AS reviewStatus, r.author_id AS reviewAuthorId
       FROM review_media m JOIN reviews r ON r.id = m.review_id WHERE m.storage_key = ?`,
    )
    .get(storageKey) as MediaRecord | undefined;
  return row ?? null;
}
