// User Markdown → safe HTML, for reviews, replies and follow-ups alike.
//
// Two layers: `marked` turns Markdown into HTML with our renderer overrides (raw HTML
// shown as text, no images, headings as bold paragraphs), then `sanitize-html` keeps
// only the allow-list below. The sanitizer alone is what makes the output safe; the
// renderer overrides only make the result read well.
//
// The body is rendered once at write time and stored (reviews.body_html,
// replies.body_html, follow_ups.body_html): reading never parses Markdown.
// Length is capped by the callers' zod schemas with MARKDOWN_MAX_LENGTH.
import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";
import { MARKDOWN_MAX_LENGTH } from "./markdown";

export { MARKDOWN_MAX_LENGTH };

/** Tags the sanitizer lets through, and their attributes. Tests check outputs against these. */
export const ALLOWED_TAGS = ["p", "br", "em", "strong", "del", "ul", "ol", "li", "blockquote", "a", "code", "pre"] as const;
export const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = { a: ["href", "rel"], ol: ["start"] };
export const ALLOWED_SCHEMES = ["http", "https", "mailto"] as const;
export const LINK_REL = "nofollow ugc noopener";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML is shown as the text the author typed.
    html(token: Tokens.HTML | Tokens.Tag) {
      const text = escapeHtml(token.text);
      return token.block ? `<p>${text.trim()}</p>\n` : text;
    },
    // Images are not allowed in text (photos are uploads): only the alt text remains.
    image(token: Tokens.Image) {
      return escapeHtml(token.text || "");
    },
    // A heading in a review would shout: it becomes a bold paragraph.
    heading(token: Tokens.Heading) {
      return `<p><strong>${this.parser.parseInline(token.tokens)}</strong></p>\n`;
    },
    // Links only to the web or to a mail address; anything else keeps its text only.
    link(token: Tokens.Link) {
      const inner = this.parser.parseInline(token.tokens);
      if (!/^(https?:\/\/|mailto:)/i.test(token.href.trim())) return inner;
      return `<a href="${escapeHtml(token.href.trim())}">${inner}</a>`;
    },
    hr() {
      return "";
    },
    // Tables become one paragraph per row, cells separated by " · ".
    table(token: Tokens.Table) {
      const row = (cells: Tokens.TableCell[]) => `<p>${cells.map((c) => this.parser.parseInline(c.tokens)).join(" · ")}</p>\n`;
      return row(token.header) + token.rows.map(row).join("");
    },
    // GFM task list checkboxes: a plain text marker instead of an <input>.
    checkbox({ checked }: Tokens.Checkbox) {
      return checked ? "[x] " : "[ ] ";
    },
  },
});

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s\u0000-\u001f]/i;
const SAFE_PROTOCOLS = new Set(ALLOWED_SCHEMES.map((s) => `${s}:`));

/** An absolute http(s) or mailto URL that a browser parses the same way (WHATWG URL). */
function isSafeHref(href: string) {
  if (!SAFE_HREF.test(href)) return false;
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([k, v]) => [k, [...v]])),
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: "discard",
  // Anything not allowed is dropped but its text kept; these tags lose their content too.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "select",
  ],
  transformTags: {
    // Only absolute web and mail links keep their href (no relative or other schemes).
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      return {
        tagName,
        attribs: { ...(href && isSafeHref(href) ? { href } : {}), rel: LINK_REL },
      };
    },
    // A numbered list may start at a number, nothing else.
    ol: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.start && /^\d{1,9}$/.test(attribs.start)) kept.start = attribs.start;
      return { tagName, attribs: kept };
    },
  },
};

/** Sanitises HTML with the allow-list shared by every user-written text. Idempotent:
 *  sanitize(sanitize(x)) === sanitize(x). One pass can leave markup that a browser (and the
 *  next pass) reads differently — a dropped <script> that swallowed a </p> leaves one <p>
 *  inside another — so it runs again until nothing changes (twice for ordinary text). */
export function sanitize(html: string): string {
  let out = sanitizeHtml(html, SANITIZE_OPTIONS);
  for (let pass = 0; pass < 4; pass++) {
    const again = sanitizeHtml(out, SANITIZE_OPTIONS);
    if (again === out) return out;
    out = again;
  }
  return out;
}

/** Thrown when a caller forgot to cap the length: Markdown beyond the cap is refused. */
export class MarkdownTooLongError extends RangeError {
  constructor(length: number) {
    super(`Markdown of ${length} characters exceeds the ${MARKDOWN_MAX_LENGTH}-character limit`);
    this.name = "MarkdownTooLongError";
  }
}

/** Deepest nesting of quotes and lists on one line; deeper markers are kept as text.
 *  (marked recurses once per level: thousands of "> " would exhaust the stack.) */
export const MAX_NESTING = 8;
const MARKER = String.raw`(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))`;
const TOO_DEEP = new RegExp(String.raw`^((?:[ \t]*${MARKER}){${MAX_NESTING}}[ \t]*)(\d*)(\S)`, "gm");

function limitNesting(source: string) {
  // The next marker gets a backslash before its punctuation ("\>", "\-", "1\."): text.
  return source.replace(TOO_DEEP, (whole, kept: string, digits: string, mark: string) =>
    /[>\-*+.)]/.test(mark) ? `${kept}${digits}\\${mark}` : whole,
  );
}

/** The source as plain escaped paragraphs: the fallback should the parser ever fail. */
function plainText(source: string) {
  return source
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br />")}</p>`)
    .join("\n");
}

/** Renders user Markdown to safe HTML. Called once at write time; the result is stored.
 *  Callers cap the length with MARKDOWN_MAX_LENGTH in their zod schema; longer input
 *  is refused here too (MarkdownTooLongError) rather than parsed. */
export function renderMarkdown(source: string): string {
  if (source.length > MARKDOWN_MAX_LENGTH) throw new MarkdownTooLongError(source.length);
  // eslint-disable-next-line no-control-regex -- NUL is replaced, as HTML parsers do
  const normalised = limitNesting(source.replace(/\r\n?/g, "\n").replace(/\u0000/g, "\uFFFD"));
  let html: string;
  try {
    html = marked.parse(normalised, { async: false }) as string;
  } catch {
    html = plainText(normalised);
  }
  return sanitize(html).trim();
}
