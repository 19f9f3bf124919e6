// Gzip once, answer many times with a fresh nonce: the page cache (page-cache.server.ts)
// keeps a document cut where its CSP nonce was; each segment is compressed once, when the
// copy is stored, into raw deflate that ends byte-aligned and is not final (Z_SYNC_FLUSH).
// A segment may refer back to the ones before it (a preset dictionary: what precedes it,
// with each cut filled by as many NUL bytes as a nonce has): a back-reference can never
// reach into a nonce, since the segment would then hold NUL bytes, and a segment that
// does is compressed on its own. So the page compresses about as well as in one piece,
// whatever nonce each answer carries, provided it has that length. An answer is then one gzip member
// (RFC 1952) made of the stored pieces with each answer's nonce between them as a stored
// (uncompressed) deflate block (RFC 1951 §3.2.4), an empty final block, and the trailer:
// the CRC-32 of the whole, combined from the pieces' CRCs without reading them again
// (crc32Combine, zlib's crc32_combine), and the length. No byte is compressed per answer.
import { promisify } from "node:util";
import zlib from "node:zlib";

const deflateRaw = promisify(zlib.deflateRaw);

export interface GzipParts {
  /** Raw deflate of each segment, byte-aligned, none final. */
  pieces: Buffer[];
  /** CRC-32 and length of each segment, uncompressed. */
  crcs: number[];
  lengths: number[];
  /** x^(8 × length) modulo the CRC polynomial, per segment: what crc32Combine works out
   *  from a length, done once here rather than for every answer. */
  shifts: number[];
  /** Bytes held (the pieces). */
  bytes: number;
  /** The length every separator must have, when the segments refer back across the cuts. */
  separatorLength: number | null;
}

/** The most a deflate back-reference reaches (RFC 1951: a 32 KB window). */
const WINDOW = 32 * 1024;

/** Compresses the segments in libuv's thread pool: each on its own, or with
 *  `separatorLength` (the length of every separator gzipJoined will put between them), each
 *  referring back to what precedes it. */
export async function compressSegments(segments: Buffer[], options: { level?: number; separatorLength?: number } = {}): Promise<GzipParts> {
  const { level = 9, separatorLength } = options;
  const filler = separatorLength != null ? Buffer.alloc(separatorLength) : null;
  let before = Buffer.alloc(0);
  const dictionaries = segments.map((segment) => {
    const dictionary = filler && before.length > 0 && !segment.includes(0) ? before : undefined;
    if (filler) before = Buffer.concat([before, segment, filler]).subarray(-WINDOW);
    return dictionary;
  });
  const pieces = await Promise.all(
    segments.map((s, i) => deflateRaw(s, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH, dictionary: dictionaries[i] })),
  );
  return {
    pieces,
    crcs: segments.map((s) => zlib.crc32(s)),
    lengths: segments.map((s) => s.length),
    shifts: segments.map((s) => crcShift(s.length)),
    bytes: pieces.reduce((n, p) => n + p.length, 0),
    separatorLength: separatorLength ?? null,
  };
}

// Member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown.
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
// An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block (7 zero bits).
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** `data` (at most 65 535 bytes) as a stored block, after a byte-aligned piece. */
function storedBlock(data: Buffer): Buffer {
  const block = Buffer.alloc(5 + data.length);
  block[0] = 0; // BFINAL=0, BTYPE=00, then padding to the byte
  block.writeUInt16LE(data.length, 1);
  block.writeUInt16LE(~data.length & 0xffff, 3);
  data.copy(block, 5);
  return block;
}

/** The gzip member of the segments joined with `separator` between each two. */
export function gzipJoined(parts: GzipParts, separator: Buffer): Buffer {
  if (separator.length > 0xffff) throw new RangeError("separator too long for one stored block");
  if (parts.separatorLength != null && parts.pieces.length > 1 && separator.length !== parts.separatorLength) {
    throw new RangeError(`the segments were compressed for separators of ${parts.separatorLength} bytes`);
  }
  const separatorCrc = zlib.crc32(separator);
  const separatorShift = crcShift(separator.length);
  const separatorBlock = storedBlock(separator);
  const chunks: Buffer[] = [HEADER];
  let crc = 0;
  let size = 0;
  parts.pieces.forEach((piece, i) => {
    if (i > 0) {
      chunks.push(separatorBlock);
      crc = crc32Shifted(crc, separatorCrc, separatorShift);
      size += separator.length;
    }
    chunks.push(piece);
    crc = crc32Shifted(crc, parts.crcs[i]!, parts.shifts[i]!);
    size += parts.lengths[i]!;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(FINAL_BLOCK, trailer);
  return Buffer.concat(chunks);
}

// ─── CRC-32 combination (zlib's crc32_combine: multiplication modulo the polynomial) ──

const POLY = 0xedb88320;

/** a × b modulo the CRC polynomial (reflected bit order, as CRC-32 values are). */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0…31. */
const X2N: number[] = [0x40000000];
for (let k = 1; k < 32; k++) X2N.push(multModP(X2N[k - 1]!, X2N[k - 1]!));

/** x^(n × 2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n & 1) p = multModP(X2N[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** The CRC-32 of A followed by B, from CRC(A), CRC(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return crc32Shifted(crcA, crcB, crcShift(lengthB));
}

/** What a length of B contributes to crc32Combine (x^(8 × length) modulo the polynomial);
 *  the last lengths asked are remembered (a nonce always has the same length). */
function crcShift(length: number): number {
  let shift = shifts.get(length);
  if (shift === undefined) {
    shift = x2nModP(length, 3);
    if (shifts.size >= 64) shifts.clear();
    shifts.set(length, shift);
  }
  return shift;
}
const shifts = new Map<number, number>();

function crc32Shifted(crcA: number, crcB: number, shift: number): number {
  return (multModP(shift, crcA >>> 0) ^ crcB) >>> 0;
}
