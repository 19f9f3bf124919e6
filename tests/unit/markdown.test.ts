import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARKDOWN_MAX_LENGTH, MarkdownTooLongError, renderMarkdown, sanitize } from "~/lib/markdown.server";
import { allowListViolations } from "../support/html-allowlist";
import { XSS_CORPUS } from "../support/xss-corpus";

describe("renderMarkdown: what readers see", () => {
  it("renders paragraphs, emphasis, lists, quotes and line breaks", () => {
    const html = renderMarkdown("Great **service**, _quick_ ~~slow~~.\nNew line.\n\n- one\n- two\n\n1. first\n\n> quoted");
    expect(html).toContain("<strong>service</strong>");
    expect(html).toContain("<em>quick</em>");
    expect(html).toContain("<del>slow</del>");
    expect(html).toContain("<br />New line.");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol>\s*<li>first<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<blockquote>\s*<p>quoted<\/p>\s*<\/blockquote>/);
  });

  it("gives every link rel=nofollow ugc noopener and no other attribute", () => {
    const html = renderMarkdown('[site](https://example.com "title") and <https://example.org/a?b=1&c=2>');
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">site</a>');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">');
    expect(html).not.toContain("title=");
  });

  it("shows raw HTML as the text that was typed", () => {
    expect(renderMarkdown("I <3 <b>this</b> shop")).toBe("<p>I &lt;3 &lt;b&gt;this&lt;/b&gt; shop</p>");
    expect(renderMarkdown("<div>block</div>")).toBe("<p>&lt;div&gt;block&lt;/div&gt;</p>");
  });

  it("drops images but keeps their alt text", () => {
    expect(renderMarkdown("![the receipt](https://example.com/r.png)")).toBe("<p>the receipt</p>");
  });

  it("renders headings harmlessly, as bold paragraphs", () => {
    expect(renderMarkdown("# Shouting\n\ntext")).toBe("<p><strong>Shouting</strong></p>\n<p>text</p>");
  });

  it("keeps the text of links to other schemes, without the link", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).toBe("<p>click</p>");
    expect(renderMarkdown("[rel](/account)")).toBe("<p>rel</p>");
  });

  it("keeps deep nesting bounded and readable", () => {
    const html = renderMarkdown("> ".repeat(2000) + "deep");
    expect(html.match(/<blockquote>/g)!.length).toBeLessThanOrEqual(8);
    expect(html).toContain("deep");
  });
});

describe("X1: an XSS corpus renders to allow-listed HTML only", () => {
  it("has at least 30 payloads", () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_CORPUS.map((p) => [p.name, p.source] as const))("%s", (_name, source) => {
    const html = renderMarkdown(source);
    expect(allowListViolations(html)).toEqual([]);
    // The same payloads given straight to the sanitizer (as if the renderer had let them through).
    expect(allowListViolations(sanitize(source))).toEqual([]);
  });

  it("the checker itself catches what it must (it can fail)", () => {
    expect(allowListViolations('<img src=x onerror="alert(1)">')).not.toEqual([]);
    expect(allowListViolations('<a href="javascript:alert(1)" rel="nofollow ugc noopener">x</a>')).not.toEqual([]);
    expect(allowListViolations('<a href="https://x.y">x</a>')).not.toEqual([]);
    expect(allowListViolations('<p style="color:red">x</p>')).not.toEqual([]);
    expect(allowListViolations("<svg><a>x</a></svg>")).not.toEqual([]);
    expect(allowListViolations('<p>ok <a href="https://x.y" rel="nofollow ugc noopener">x</a></p>')).toEqual([]);
  });
});

// Building blocks that make Markdown and HTML meaningful to both parsers.
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      "<",
      ">",
      "</",
      "/>",
      "<!--",
      "-->",
      "<![CDATA[",
      "]]>",
      "&",
      "&#",
      "&#x6a;",
      "&lt;",
      "&amp;",
      ";",
      '"',
      "'",
      "`",
      "```",
      "=",
      " ",
      "\n",
      "\n\n",
      "\t",
      "\u0000",
      "\u2028",
      "*",
      "**",
      "_",
      "~~",
      "#",
      "> ",
      "- ",
      "1. ",
      "[",
      "]",
      "(",
      ")",
      "![",
      "](",
      "[x]: ",
      "<http://",
      "https://a.b/",
      "www.",
      "mailto:",
      "javascript:",
      "jav&#x61;script:",
      "data:text/html,",
      "vbscript:",
      "script",
      "img",
      "svg",
      "math",
      "iframe",
      "style",
      "a",
      "p",
      "li",
      "ol",
      "ul",
      "blockquote",
      "pre",
      "code",
      "br",
      "textarea",
      "noscript",
      "template",
      "title",
      "xmp",
      "option",
      "select",
      "href",
      "src",
      "onerror",
      "onload",
      "style=",
      "rel",
      "start",
      "<script>",
      "</script>",
      '<a href="',
      "<img src=x onerror=",
      "<svg onload=",
      "<p ",
      '<ol start="',
      "<noscript>",
      "</noscript>",
    ),
  },
);
const messy = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(""));

describe("X2: properties over 10 000 generated inputs", () => {
  it("a dropped <script> that swallowed a closing tag still gives a fixed point (found by the property below)", () => {
    const html = renderMarkdown("<<script><http://\n\n<");
    expect(allowListViolations(html)).toEqual([]);
    expect(sanitize(html)).toBe(html);
  });

  it("renderMarkdown output passes the allow-list and is a fixed point of the sanitizer", () => {
    fc.assert(
      fc.property(messy, (source) => {
        const html = renderMarkdown(source);
        expect(allowListViolations(html)).toEqual([]);
        // Sanitizing the stored HTML again changes nothing.
        expect(sanitize(html)).toBe(html);
      }),
      { numRuns: 10_000 },
    );
  });

  it("sanitize: output passes the allow-list, and sanitize(sanitize(x)) === sanitize(x)", () => {
    fc.assert(
      fc.property(messy, (html) => {
        const once = sanitize(html);
        expect(allowListViolations(once)).toEqual([]);
        expect(sanitize(once)).toBe(once);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("X3: pathological input", () => {
  const N = 100_000;
  const pathological = {
    emphasis: "*a".repeat(N / 2),
    underscores: "_a".repeat(N / 2),
    quotes: "> ".repeat(N / 2),
    brackets: "[".repeat(N),
    lists: "1. ".repeat(N / 3),
  };

  it.each(Object.entries(pathological))("100 KB of %s is refused by length within 100 ms", (_name, source) => {
    expect(source.length).toBeGreaterThan(MARKDOWN_MAX_LENGTH);
    const start = performance.now();
    expect(() => renderMarkdown(source)).toThrow(MarkdownTooLongError);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it.each(Object.entries(pathological))("the longest allowed input of %s renders quickly", (_name, source) => {
    const capped = source.slice(0, MARKDOWN_MAX_LENGTH);
    renderMarkdown(capped); // warm up the JIT
    const start = performance.now();
    const html = renderMarkdown(capped);
    // Far below a second even on a slow machine; a super-linear blow-up would take seconds.
    expect(performance.now() - start).toBeLessThan(400);
    expect(allowListViolations(html)).toEqual([]);
  });
});
