// A company's share card (/companies/:slug/share.png, its og:image and twitter:image): the
// site's mark, the company's name, its TrustScore and review count, drawn as SVG here and
// turned into a 1200 × 630 PNG on the server (app/models/share-card.server.ts), the size Open
// Graph and Twitter's large card expect. Pure: the same text as the page.
import { SHARE_IMAGE } from "./seo";
import { escapeXml } from "./xml";

export interface ShareCardText {
  name: string;
  /** "3,8 / 5", or null before the first review. */
  score: string | null;
  /** "344 reviews" in the card's language. */
  count: string;
  /** "TrustScore", and the line under the name ("Reviews with a right of reply"). */
  scoreLabel: string;
  tagline: string;
}

/** The name on one or two lines of at most `max` characters, cut between words when it
 *  can; what does not fit ends with "…". */
export function nameLines(name: string, max = 24): string[] {
  const chars = (s: string) => [...s].length;
  const clip = (s: string) => (chars(s) > max ? `${[...s].slice(0, max - 1).join("")}…` : s);
  const lines: string[] = [""];
  const words = name.trim().split(/\s+/);
  let i = 0;
  for (; i < words.length; i++) {
    const current = lines[lines.length - 1]!;
    const next = current ? `${current} ${words[i]}` : words[i]!;
    if (chars(next) <= max || !current) lines[lines.length - 1] = next;
    else if (lines.length < 2) lines.push(words[i]!);
    else break;
  }
  const shown = lines.map(clip);
  if (i < words.length) shown[shown.length - 1] = clip(`${shown[shown.length - 1]!} ${words.slice(i).join(" ")}`.slice(0, max + 1) + "…");
  return shown;
}

export function shareCardSvg(card: ShareCardText): string {
  const { width, height } = SHARE_IMAGE;
  const lines = nameLines(card.name);
  const sans = "DejaVu Sans, Helvetica, Arial, sans-serif";
  const name = lines
    .map(
      (l, i) =>
        `<text x="96" y="${250 + i * 88}" font-family="${sans}" font-size="68" font-weight="700" fill="#1d1f1e">${escapeXml(l)}</text>`,
    )
    .join("\n  ");
  const figuresY = lines.length > 1 ? 470 : 390;
  const figures = card.score
    ? `<text x="96" y="${figuresY}" font-family="${sans}" font-size="52" fill="#1d1f1e"><tspan font-weight="700" fill="#0b5c4b">${escapeXml(card.scoreLabel)} ${escapeXml(card.score)}</tspan> · ${escapeXml(card.count)}</text>`
    : `<text x="96" y="${figuresY}" font-family="${sans}" font-size="52" fill="#1d1f1e">${escapeXml(card.count)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="${width}" height="${height}" fill="#f7f6f2"/>
  <rect x="0" y="0" width="24" height="${height}" fill="#0b5c4b"/>
  <rect x="96" y="64" width="72" height="72" rx="16" fill="#0b5c4b"/>
  <text x="132" y="118" font-family="DejaVu Serif, Georgia, serif" font-size="54" font-weight="700" text-anchor="middle" fill="#ffffff">R</text>
  <text x="188" y="118" font-family="${sans}" font-size="48" font-weight="700" fill="#1d1f1e">Réplique</text>
  ${name}
  ${figures}
  <text x="96" y="572" font-family="${sans}" font-size="36" fill="#55605c">${escapeXml(card.tagline)}</text>
</svg>`;
}
