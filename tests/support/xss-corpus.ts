// XSS payloads for the Markdown renderer (issue 4, X1). Every payload tries to run
// `window.__xss(n)` or alert(); tests/e2e/xss.spec.ts loads the rendered corpus in
// Chromium and checks that nothing ran. Each entry says what it attacks.
export interface XssPayload {
  name: string;
  source: string;
}

const run = "__xss(1)";

export const XSS_CORPUS: XssPayload[] = [
  // Script tags
  { name: "script tag", source: `<script>${run}</script>` },
  { name: "script tag inside a paragraph", source: `Hello <script>${run}</script> world` },
  { name: "script with src", source: `<script src="data:text/javascript,${run}"></script>` },
  { name: "uppercase split script", source: `<SCRIPT>${run}</SCRIPT >` },
  { name: "script broken by a newline", source: `<scr\nipt>${run}</script>` },
  { name: "script in a list item", source: `- <script>${run}</script>` },
  // Event handlers
  { name: "img onerror", source: `<img src=x onerror="${run}">` },
  { name: "body onload", source: `<body onload="${run}">` },
  { name: "div onmouseover", source: `<div onmouseover="${run}" style="position:fixed;inset:0">hover</div>` },
  { name: "details ontoggle", source: `<details open ontoggle="${run}">x</details>` },
  { name: "input autofocus onfocus", source: `<input autofocus onfocus="${run}">` },
  { name: "inline tag with handler mid-sentence", source: `text <b onclick="${run}">bold</b> text` },
  { name: "handler smuggled in a link title", source: `[x](https://example.com "a\\" onmouseover=\\"${run}")` },
  // javascript: and entity-encoded schemes
  { name: "javascript: link", source: `[click](javascript:${run})` },
  { name: "JavaScript: mixed case", source: `[click](JaVaScRiPt:${run})` },
  { name: "entity-encoded scheme (hex)", source: `[click](jav&#x61;script:${run})` },
  { name: "entity-encoded scheme (decimal)", source: `[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${run})` },
  { name: "entity-encoded colon", source: `[click](javascript&colon;${run})` },
  { name: "tab inside the scheme", source: `[click](java\tscript:${run})` },
  { name: "leading spaces and control chars", source: `[click](  \u0001javascript:${run})` },
  { name: "raw anchor with javascript:", source: `<a href="javascript:${run}">x</a>` },
  { name: "vbscript link", source: `[click](vbscript:msgbox(1))` },
  // data: URLs
  { name: "data: text/html link", source: `[x](data:text/html;base64,PHNjcmlwdD5fX3hzcygxKTwvc2NyaXB0Pg==)` },
  { name: "data: image", source: `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9Il9feHNzKDEpIi8+)` },
  { name: "markdown image with onerror-ish alt", source: `![" onerror="${run}](x)` },
  // SVG and MathML
  { name: "svg onload", source: `<svg onload="${run}"></svg>` },
  { name: "svg script", source: `<svg><script>${run}</script></svg>` },
  { name: "svg animate href", source: `<svg><a><animate attributeName="href" values="javascript:${run}"/><text y="20">x</text></a></svg>` },
  { name: "math with xlink", source: `<math><mtext><a xlink:href="javascript:${run}">x</a></mtext></math>` },
  // iframes, objects, embeds, forms
  { name: "iframe srcdoc", source: `<iframe srcdoc="<script>parent.${run}</script>"></iframe>` },
  { name: "iframe javascript src", source: `<iframe src="javascript:parent.${run}"></iframe>` },
  { name: "object data", source: `<object data="javascript:${run}"></object>` },
  { name: "embed", source: `<embed src="javascript:${run}">` },
  { name: "form action", source: `<form action="javascript:${run}"><button>go</button></form>` },
  { name: "meta refresh", source: `<meta http-equiv="refresh" content="0;url=javascript:${run}">` },
  { name: "base href", source: `<base href="javascript:${run}//">` },
  // style attributes and tags
  { name: "style attribute", source: `<p style="background:url(javascript:${run})">x</p>` },
  { name: "style tag", source: `<style>@import "javascript:${run}";</style>` },
  { name: "link stylesheet", source: `<link rel="stylesheet" href="javascript:${run}">` },
  // Raw HTML blocks
  { name: "raw HTML block", source: `<div>\n<script>${run}</script>\n</div>\n\nafter` },
  { name: "HTML comment hiding a script", source: `<!-- --><script>${run}</script><!-- -->` },
  { name: "CDATA", source: `<![CDATA[<script>${run}</script>]]>` },
  { name: "noscript parsing differential", source: `<noscript><p title="</noscript><img src=x onerror=${run}>">` },
  { name: "template", source: `<template><img src=x onerror="${run}"></template>` },
  { name: "textarea break-out", source: `<textarea></textarea><img src=x onerror="${run}">` },
  // Reference links and autolinks
  { name: "reference link to javascript:", source: `[click][evil]\n\n[evil]: javascript:${run}` },
  { name: "reference link with entity scheme", source: `[click][evil]\n\n[evil]: &#106;avascript:${run}` },
  { name: "autolink javascript:", source: `<javascript:${run}>` },
  { name: "autolink with quote", source: `<https://example.com/"onmouseover="${run}>` },
  { name: "bare URL with quote", source: `https://example.com/"><img src=x onerror=${run}>` },
  { name: "mail autolink with markup", source: `<a@b.c"><img src=x onerror=${run}>>` },
  // Markdown structures around HTML
  { name: "HTML inside code span", source: "`<img src=x onerror=" + run + ">`" },
  { name: "HTML inside a fenced block", source: "```html\n<script>" + run + "</script>\n```" },
  { name: "HTML inside a blockquote", source: `> <img src=x onerror="${run}">` },
  { name: "HTML inside a heading", source: `# <img src=x onerror="${run}">` },
  { name: "HTML in a table cell", source: `| a |\n|---|\n| <img src=x onerror=${run}> |` },
  { name: "link text with HTML", source: `[<img src=x onerror=${run}>](https://example.com)` },
  { name: "unclosed attribute across lines", source: `<img src="x\n" onerror="${run}">` },
];
