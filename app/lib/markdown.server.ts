import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/** Longest Markdown body accepted for a review, reply or follow-up. */
export const MARKDOWN_MAX_LENGTH = 5_000;

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Raw HTML in the source is shown as text; images are not allowed (photos are uploads).
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text || "");
    },
  },
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "del", "ul", "ol", "li", "blockquote", "a", "code"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Anything not allowed is dropped but its text kept (headings become plain text).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template"],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "nofollow ugc noopener" },
    }),
  },
};

/** Sanitises HTML with the allow-list shared by every user-written text. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** Renders user Markdown to safe HTML. Called once at write time; the result is stored. */
export function renderMarkdown(source: string): string {
  const input = source.slice(0, MARKDOWN_MAX_LENGTH * 2);
  return sanitize(marked.parse(input, { async: false }) as string).trim();
}
