// The TrustScore badge (/companies/:slug/badge.svg): an SVG image other sites show. Its
// text is for everyone: role="img", labelled by its <title> and <desc>, in its language;
// what it draws is decoration (aria-hidden). Two boxes, the site's name and the figures,
// white on dark (contrast above 7:1), sized from the length of their text.
import { escapeXml } from "./xml";

export interface BadgeText {
  lang: "fr" | "en";
  /** What a screen reader says first: the company, the TrustScore. */
  title: string;
  /** Then: the review count, the raw mean… */
  desc: string;
  label: string;
  value: string;
}

/** About the width of `text` at 11 px in Verdana or DejaVu Sans, in pixels. */
const textWidth = (text: string) => Math.ceil([...text].length * 6.5);

export function badgeSvg(badge: BadgeText): string {
  const left = textWidth(badge.label) + 14;
  const right = textWidth(badge.value) + 14;
  const width = left + right;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="22" viewBox="0 0 ${width} 22" role="img" aria-labelledby="replique-badge-title replique-badge-desc" lang="${badge.lang}">
  <title id="replique-badge-title">${escapeXml(badge.title)}</title>
  <desc id="replique-badge-desc">${escapeXml(badge.desc)}</desc>
  <g aria-hidden="true">
    <rect width="${width}" height="22" rx="4" fill="#0b5c4b"/>
    <rect width="${left}" height="22" rx="4" fill="#1d1f1e"/>
    <rect x="${left - 4}" width="4" height="22" fill="#1d1f1e"/>
    <g fill="#ffffff" font-family="Verdana, 'DejaVu Sans', sans-serif" font-size="11">
      <text x="7" y="15">${escapeXml(badge.label)}</text>
      <text x="${left + 7}" y="15">${escapeXml(badge.value)}</text>
    </g>
  </g>
</svg>
`;
}
