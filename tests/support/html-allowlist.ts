// Checks rendered user HTML against the allow-list, with a browser-grade parser (jsdom's parse5).
import { JSDOM } from "jsdom";
import { ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS, LINK_REL } from "~/lib/markdown.server";

const { window } = new JSDOM("<!doctype html><body></body>");
const tags = new Set<string>(ALLOWED_TAGS);
const schemes = new Set<string>(ALLOWED_SCHEMES.map((s) => `${s}:`));

/** Returns the violations found in `html` (empty when it passes). */
export function allowListViolations(html: string): string[] {
  const template = window.document.createElement("template");
  template.innerHTML = html;
  const problems: string[] = [];
  const walker = window.document.createTreeWalker(template.content, window.NodeFilter.SHOW_ELEMENT | window.NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === window.Node.COMMENT_NODE) {
      problems.push("comment");
      continue;
    }
    const el = node as Element;
    const tag = el.localName;
    if (!tags.has(tag) || el.namespaceURI !== "http://www.w3.org/1999/xhtml") problems.push(`tag <${tag}>`);
    const allowed = ALLOWED_ATTRIBUTES[tag] ?? [];
    for (const attr of Array.from(el.attributes)) {
      if (!allowed.includes(attr.name)) problems.push(`attribute ${attr.name} on <${tag}>`);
    }
    if (tag === "a") {
      if (el.getAttribute("rel") !== LINK_REL) problems.push(`rel="${el.getAttribute("rel")}"`);
      const href = el.getAttribute("href");
      if (href != null) {
        let scheme: string;
        try {
          scheme = new URL(href).protocol;
        } catch {
          scheme = "invalid";
        }
        if (!schemes.has(scheme)) problems.push(`href scheme ${scheme} (${href})`);
      }
    }
    if (tag === "ol" && el.hasAttribute("start") && !/^\d+$/.test(el.getAttribute("start")!)) problems.push("ol start");
  }
  return problems;
}
