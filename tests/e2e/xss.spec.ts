// X1 in the browser: the XSS corpus, rendered by the same renderer as reviews, replies
// and follow-ups, is loaded in Chromium without any CSP; nothing in it may run.
// A control payload (raw HTML that does run) proves the detector works.
import { expect, test, type Page } from "@playwright/test";
import { renderMarkdown } from "../../app/lib/markdown.server";
import { XSS_CORPUS } from "../support/xss-corpus";

const HARNESS = `<!doctype html><html><head><meta charset="utf-8"><title>XSS corpus</title>
<script>
  window.__ran = [];
  window.__xss = function (n) { window.__ran.push(String(n)); };
  window.alert = window.confirm = window.prompt = function (m) { window.__ran.push("dialog:" + m); };
</script></head><body>`;

async function load(page: Page, sections: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.setContent(`${HARNESS}${sections.join("\n")}</body></html>`, { waitUntil: "load" });
  // Give handlers a chance: hover and focus every element, wait for timers and loads.
  await page.evaluate(() => {
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      for (const type of ["mouseover", "mouseenter", "focus", "click", "animationstart", "toggle"]) {
        // Links would navigate away on click: their href is checked separately.
        if (type === "click" && el.closest("a")) continue;
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
    }
  });
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => (window as unknown as { __ran: string[] }).__ran);
  return { ran, dialogs };
}

test("none of the rendered XSS payloads runs in Chromium", async ({ page }) => {
  expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30);
  const sections = XSS_CORPUS.map((p, i) => `<section data-i="${i}">${renderMarkdown(p.source)}</section>`);
  const { ran, dialogs } = await load(page, sections);
  expect(ran, "no payload called __xss or a dialog").toEqual([]);
  expect(dialogs).toEqual([]);
  // Every link left points to the web or a mail address, with rel="nofollow ugc noopener".
  const links = await page
    .locator("a")
    .evaluateAll((as) =>
      as.map((a) => ({ protocol: (a as HTMLAnchorElement).protocol, href: a.getAttribute("href"), rel: a.getAttribute("rel") })),
    );
  for (const link of links) {
    if (link.href != null) expect(["http:", "https:", "mailto:"]).toContain(link.protocol);
    expect(link.rel).toBe("nofollow ugc noopener");
  }
  // No element the allow-list does not know.
  const tags = await page.evaluate(() => [...new Set(Array.from(document.querySelectorAll("section *")).map((e) => e.localName))]);
  for (const tag of tags) expect(["p", "br", "em", "strong", "del", "ul", "ol", "li", "blockquote", "a", "code", "pre"]).toContain(tag);
});

test("the detector catches a payload that does run (control)", async ({ page }) => {
  const { ran } = await load(page, ['<img src="data:," onerror="__xss(\'control\')">']);
  expect(ran).toContain("control");
});
