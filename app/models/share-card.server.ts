// The PNG of a company's share card (app/lib/share-card.ts draws its SVG): sharp renders it,
// and the last few hundred cards are kept by their text, so that a link shared widely (every
// preview fetches it) renders once.
import crypto from "node:crypto";
import sharp from "sharp";

const MAX_KEPT = 200;
const kept = new Map<string, Buffer>();

export function shareCardTag(svg: string): string {
  return crypto.createHash("sha256").update(svg).digest("base64url").slice(0, 22);
}

export async function shareCardPng(svg: string): Promise<Buffer> {
  const tag = shareCardTag(svg);
  const hit = kept.get(tag);
  if (hit) {
    kept.delete(tag);
    kept.set(tag, hit);
    return hit;
  }
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  kept.set(tag, png);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  return png;
}
