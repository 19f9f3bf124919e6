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
  /** Bytes held (the pieces). */
  bytes: number;
  /** The length every separator must have, when the segments refer back across the cuts. */
  separatorLength: number | null;
}

/** The most a deflate back-reference reaches (RFC 1951: a 32 KB window). */
const WINDOW = 32 * 1024;

/** Compresses the segments in libuv's thread pool: each on its own, or with
 *  `separatorLength` (the length of every separator gzipJoined will put between them), each
 *  referring back to what precedes it. With a separator length (or one segment), the answer
 *  is laid out once here, and the pieces are views into that layout: no byte is held twice. */
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
  const parts: GzipParts = {
    pieces,
    crcs: segments.map((s) => zlib.crc32(s)),
    lengths: segments.map((s) => s.length),
    bytes: pieces.reduce((n, p) => n + p.length, 0),
    separatorLength: separatorLength ?? null,
  };
  if (separatorLength != null || pieces.length === 1) {
    const layout = layoutOf(parts, separatorLength ?? 0);
    parts.pieces = layout.pieceOffsets.map((offset, i) => layout.template.subarray(offset, offset + pieces[i]!.length));
  }
  return parts;
}

// Member header: magic, deflate, no flags, no mtime, no extra flags, OS unknown.
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
// An empty final block with fixed codes: BFINAL=1, BTYPE=01, end-of-block (7 zero bits).
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/**
 * An answer laid out for separators of one length: the whole gzip member with zero bytes
 * where each separator goes (in a stored block: BFINAL=0, BTYPE=00, then LEN and NLEN),
 * its length in the trailer, and what its CRC needs. CRC-32 is linear over GF(2) once its
 * constant part is set aside: CRC(M ⊕ D) = CRC(M) ⊕ raw(D) for messages of one length,
 * where raw is the CRC without its initial value and final XOR. With M the whole with zero
 * separators and D the separators alone, raw(D) = raw(separator) × Σ x^(8 × bytes after
 * each separator), modulo the polynomial: one multiplication per answer, whatever the
 * number of separators.
 */
interface Layout {
  template: Buffer;
  pieceOffsets: number[];
  separatorOffsets: number[];
  /** CRC-32 of the whole with zero bytes for the separators. */
  crcOfZeros: number;
  /** Σ x^(8 × bytes after each separator), modulo the polynomial. */
  shiftSum: number;
  /** CRC-32 of as many zero bytes as a separator has: raw(s) = CRC-32(s) ⊕ it. */
  zerosCrc: number;
}

const layouts = new WeakMap<GzipParts, Map<number, Layout>>();

function layoutOf(parts: GzipParts, separatorLength: number): Layout {
  let byLength = layouts.get(parts);
  if (!byLength) layouts.set(parts, (byLength = new Map()));
  const key = parts.pieces.length === 1 ? 0 : separatorLength;
  let layout = byLength.get(key);
  if (!layout) {
    // Any separator length (segments compressed on their own): the last few are kept.
    if (byLength.size >= 4) byLength.clear();
    byLength.set(key, (layout = buildLayout(parts, key)));
  }
  return layout;
}

function buildLayout(parts: GzipParts, separatorLength: number): Layout {
  const { pieces, crcs, lengths } = parts;
  const separators = pieces.length - 1;
  const total = HEADER.length + parts.bytes + separators * (5 + separatorLength) + FINAL_BLOCK.length + 8;
  const template = Buffer.alloc(total);
  HEADER.copy(template, 0);
  const pieceOffsets: number[] = [];
  const separatorOffsets: number[] = [];
  const zeros = Buffer.alloc(separatorLength);
  const zerosCrc = zlib.crc32(zeros);
  const zerosShift = crcShift(separatorLength);
  let at = HEADER.length;
  let crcOfZeros = 0;
  let size = 0;
  pieces.forEach((piece, i) => {
    if (i > 0) {
      template.writeUInt16LE(separatorLength, at + 1);
      template.writeUInt16LE(~separatorLength & 0xffff, at + 3);
      separatorOffsets.push(at + 5);
      at += 5 + separatorLength;
      crcOfZeros = crc32Shifted(crcOfZeros, zerosCrc, zerosShift);
      size += separatorLength;
    }
    pieceOffsets.push(at);
    at += piece.copy(template, at);
    crcOfZeros = crc32Shifted(crcOfZeros, crcs[i]!, crcShift(lengths[i]!));
    size += lengths[i]!;
  });
  FINAL_BLOCK.copy(template, at);
  template.writeUInt32LE(crcOfZeros >>> 0, total - 8);
  template.writeUInt32LE(size >>> 0, total - 4);
  let shiftSum = 0;
  let after = 0;
  for (let i = pieces.length - 1; i > 0; i--) {
    after += lengths[i]!;
    shiftSum ^= crcShift(after);
    after += separatorLength;
  }
  return { template, pieceOffsets, separatorOffsets, crcOfZeros: crcOfZeros >>> 0, shiftSum: shiftSum >>> 0, zerosCrc };
}

/** The gzip member of the segments joined with `separator` between each two. */
export function gzipJoined(parts: GzipParts, separator: Buffer): Buffer {
  if (separator.length > 0xffff) throw new RangeError("separator too long for one stored block");
  if (parts.separatorLength != null && parts.pieces.length > 1 && separator.length !== parts.separatorLength) {
    throw new RangeError(`the segments were compressed for separators of ${parts.separatorLength} bytes`);
  }
  const layout = layoutOf(parts, separator.length);
  // One segment: nothing to put in, the stored member is the answer.
  if (layout.separatorOffsets.length === 0) return layout.template;
  const answer = Buffer.allocUnsafe(layout.template.length);
  layout.template.copy(answer, 0);
  for (const offset of layout.separatorOffsets) separator.copy(answer, offset);
  let crc = layout.crcOfZeros;
  if (layout.shiftSum !== 0) crc ^= multModP(layout.shiftSum, (zlib.crc32(separator) ^ layout.zerosCrc) >>> 0);
  answer.writeUInt32LE(crc >>> 0, answer.length - 8);
  return answer;
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
