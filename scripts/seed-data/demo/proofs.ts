// Proofs of experience waiting for moderator@example.com (/moderation/proofs): an order
// summary image on a few recent published reviews, stored as uploads are (DATA_DIR/media),
// with keys derived from the review so that two runs give the same rows.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { Db } from "../../../db/client.server";
import { fileNames, mediaDir, THUMB_DIMENSION } from "../../../app/models/media.server";

const WIDTH = 480;
const HEIGHT = 320;

export async function seedProofs(db: Db) {
  const client = db.$client;
  const picked = client
    .prepare(
      `SELECT r.id, r.title, r.published_at AS at FROM reviews r JOIN users u ON u.id = r.author_id
       WHERE r.status = 'published' AND r.origin = 'organic' AND u.role = 'member'
       ORDER BY r.published_at DESC, r.id DESC LIMIT 3`,
    )
    .all() as { id: number; title: string; at: number }[];
  if (picked.length === 0) return;
  const dir = mediaDir();
  fs.mkdirSync(dir, { recursive: true });
  const insert = client.prepare(
    `INSERT INTO review_media (review_id, kind, storage_key, mime, width, height, bytes, position, proof_status, created_at)
     VALUES (?, 'proof', ?, 'image/png', ?, ?, ?, 0, 'pending', ?)`,
  );
  for (const [i, r] of picked.entries()) {
    const key = crypto.createHash("sha256").update(`demo-proof-${r.id}`).digest().subarray(0, 16).toString("base64url");
    const { image, thumbnail } = await orderSummary(r.id);
    const names = fileNames(key, "png");
    fs.writeFileSync(path.join(dir, names.image), image);
    fs.writeFileSync(path.join(dir, names.thumbnail), thumbnail);
    insert.run(r.id, key, WIDTH, HEIGHT, image.byteLength, r.at + (i + 1) * 60_000);
  }
}

/** A PNG of an order summary for the review, and its thumbnail. */
async function orderSummary(reviewId: number) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#fff"/><text x="24" y="60" font-size="28" font-family="sans-serif">Commande n° ${100200 + reviewId}</text><text x="24" y="120" font-size="20" font-family="sans-serif">Total : ${19 + (reviewId % 60)},90 €</text></svg>`;
  const image = await sharp(Buffer.from(svg)).png().toBuffer();
  const thumbnail = await sharp(image).resize({ width: THUMB_DIMENSION, height: THUMB_DIMENSION, fit: "inside" }).png().toBuffer();
  return { image, thumbnail };
}
