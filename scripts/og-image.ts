// Draws the site's share card, public/og-image.png (1200 × 630, the size Open Graph and
// Twitter's summary_large_image expect), named by app/lib/seo.ts for og:image and
// twitter:image. The PNG is committed; run again after changing the design:
//
//   npx tsx scripts/og-image.ts
import path from "node:path";
import sharp from "sharp";
import { SHARE_IMAGE } from "../app/lib/seo";

const { width, height } = SHARE_IMAGE;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#f7f6f2"/>
  <rect x="0" y="0" width="24" height="${height}" fill="#0b5c4b"/>
  <rect x="96" y="150" width="150" height="150" rx="32" fill="#0b5c4b"/>
  <text x="171" y="262" font-family="DejaVu Serif, Georgia, serif" font-size="110" font-weight="700" text-anchor="middle" fill="#ffffff">R</text>
  <text x="286" y="262" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="104" font-weight="700" fill="#1d1f1e">Réplique</text>
  <text x="96" y="408" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="46" fill="#1d1f1e">Des avis avec droit de réponse</text>
  <text x="96" y="474" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="46" fill="#55605c">Reviews with a right of reply</text>
  <rect x="96" y="530" width="300" height="6" fill="#1f4e8c"/>
</svg>`;

const out = path.join(process.cwd(), "public", "og-image.png");
await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(out);
console.log(`wrote ${out}`);
