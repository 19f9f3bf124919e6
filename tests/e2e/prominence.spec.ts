// Equal prominence (SPEC.md, "the right of reply"): wherever a review is shown with its
// company reply, the reply block is as wide as the review block and the reply body is set
// exactly like the review body (font size, line height, font, width, truncation); the
// company's name is as visible as the reviewer's. Measured in the browser, at desktop and
// mobile widths, for every answered review on the page.
import { expect, test, type Page } from "@playwright/test";
import { findCompanyWithReplies, findReviewWithReply } from "./helpers";

type Box = { width: number; height: number };
type Type = { fontSize: string; lineHeight: string; fontFamily: string; fontWeight: string; lineClamp: string };
type Measure = {
  id: string;
  review: Box & { body: Box & Type; author: Type | null };
  reply: Box & { body: Box & Type; author: Type | null; visible: boolean; hiddenAncestor: string | null };
};

async function measureThreads(page: Page): Promise<Measure[]> {
  return page.locator("article.thread").evaluateAll((threads) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { width: Math.round(r.width * 100) / 100, height: Math.round(r.height * 100) / 100 };
    };
    const type = (el: Element | null) => {
      if (!el) return null;
      const s = getComputedStyle(el);
      return {
        fontSize: s.fontSize,
        lineHeight: s.lineHeight,
        fontFamily: s.fontFamily,
        fontWeight: s.fontWeight,
        lineClamp: s.getPropertyValue("-webkit-line-clamp"),
      };
    };
    // Anything between the reply and the thread that hides it or folds it away.
    const hiddenAncestor = (el: Element, stop: Element) => {
      for (let n: Element | null = el; n && n !== stop; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) < 1) return n.className || n.tagName;
        if (n.getAttribute("aria-hidden") === "true" || n.hasAttribute("hidden")) return n.className || n.tagName;
        if (n.tagName === "DETAILS" && !(n as HTMLDetailsElement).open) return "details (closed)";
      }
      return null;
    };
    return threads.flatMap((thread) => {
      const review = thread.querySelector(":scope > .post.post--review");
      const reply = thread.querySelector(":scope > .post.post--reply");
      if (!review || !reply) return [];
      const reviewBody = review.querySelector(".post__body");
      const replyBody = reply.querySelector(".post__body");
      if (!reviewBody || !replyBody) throw new Error(`thread ${thread.id}: a post without .post__body`);
      return [
        {
          id: thread.id || "(no id)",
          review: {
            ...box(review),
            body: { ...box(reviewBody), ...type(reviewBody)! },
            author: type(review.querySelector(".post__author")),
          },
          reply: {
            ...box(reply),
            body: { ...box(replyBody), ...type(replyBody)! },
            author: type(reply.querySelector(".post__author")),
            visible: reply.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
            hiddenAncestor: hiddenAncestor(reply, thread),
          },
        },
      ];
    });
  });
}

/** Every way a reply is less prominent than its review, as readable sentences. */
function prominenceProblems(threads: Measure[]): string[] {
  const problems: string[] = [];
  const same = (what: string, id: string, reply: unknown, review: unknown) => {
    if (reply !== review) problems.push(`${id}: ${what} differs (reply ${String(reply)}, review ${String(review)})`);
  };
  for (const t of threads) {
    const id = t.id;
    if (!t.reply.visible) problems.push(`${id}: the reply is not visible`);
    if (t.reply.hiddenAncestor) problems.push(`${id}: the reply is folded or hidden by ${t.reply.hiddenAncestor}`);
    if (!(t.reply.height > 0) || !(t.reply.body.height > 0)) problems.push(`${id}: the reply or its body has no height`);
    if (Math.abs(t.reply.width - t.review.width) > 0.5) same("block width", id, t.reply.width, t.review.width);
    if (Math.abs(t.reply.body.width - t.review.body.width) > 0.5) same("body width", id, t.reply.body.width, t.review.body.width);
    same("body font-size", id, t.reply.body.fontSize, t.review.body.fontSize);
    same("body line-height", id, t.reply.body.lineHeight, t.review.body.lineHeight);
    same("body font-family", id, t.reply.body.fontFamily, t.review.body.fontFamily);
    same("body font-weight", id, t.reply.body.fontWeight, t.review.body.fontWeight);
    same("body truncation (line clamp)", id, t.reply.body.lineClamp, t.review.body.lineClamp);
    // The company's name is as visible as the reviewer's.
    if (!t.reply.author) problems.push(`${id}: the reply does not name the company (.post__author)`);
    else if (t.review.author) {
      same("author name font-size", id, t.reply.author.fontSize, t.review.author.fontSize);
      same("author name font-weight", id, t.reply.author.fontWeight, t.review.author.fontWeight);
    }
  }
  return problems;
}

const viewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 390, height: 844 },
];

for (const viewport of viewports) {
  test.describe(`equal prominence at ${viewport.width} px (${viewport.name})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("on a company page, every reply is as wide and as large as its review", async ({ page }) => {
      const company = await findCompanyWithReplies(page);
      await page.goto(company);
      const threads = await measureThreads(page);
      // A test that cannot fail is worthless: there must be replies to measure.
      expect(threads.length, `answered reviews on ${company}`).toBeGreaterThan(0);
      expect(await page.locator("article.thread .post.post--reply").count()).toBe(threads.length);
      test.info().annotations.push({ type: "measured", description: `${threads.length} answered reviews on ${company}` });
      expect(prominenceProblems(threads)).toEqual([]);
      // Sanity of the measure itself: at this width the blocks are not collapsed.
      for (const t of threads) expect.soft(t.review.width, `${t.id}: review block width`).toBeGreaterThan(viewport.width / 2);
    });

    test("on a review permalink, the reply is as wide and as large as the review", async ({ page }) => {
      const permalink = await findReviewWithReply(page);
      await page.goto(permalink);
      const threads = await measureThreads(page);
      expect(threads.length, `the thread on ${permalink} has its reply`).toBeGreaterThan(0);
      expect(prominenceProblems(threads)).toEqual([]);
    });
  });
}

// The measure must be able to fail: a reply set smaller, narrower or folded is caught.
test("the measure catches a reply with less prominence", async ({ page }) => {
  const post = (kind: string, style: string, body: string) =>
    `<section class="post post--${kind}" style="${style}"><span class="post__author">x</span>
       <div class="post__body" style="font-size:17px;line-height:1.6">${body}</div></section>`;
  await page.setContent(`<!doctype html><html lang="en"><body style="width:800px">
    <article class="thread" id="equal">${post("review", "", "a")}${post("reply", "", "b")}</article>
    <article class="thread" id="narrow">${post("review", "", "a")}${post("reply", "width:70%", "b")}</article>
    <article class="thread" id="small">${post("review", "", "a")}${post("reply", "font-size:14px", "<span>b</span>")}</article>
    <article class="thread" id="folded">${post("review", "", "a")}<details class="post post--reply"><summary>Reply</summary><div class="post__body">b</div></details></article>
  </body></html>`);
  await page.addStyleTag({ content: "#small .post--reply .post__body { font-size: 14px !important; line-height: 1.2 !important }" });
  const problems = prominenceProblems(await measureThreads(page));
  expect(problems.filter((p) => p.startsWith("equal:"))).toEqual([]);
  expect(problems.some((p) => p.startsWith("narrow: block width"))).toBe(true);
  expect(problems.some((p) => p.startsWith("small: body font-size"))).toBe(true);
  expect(problems.some((p) => p.startsWith("small: body line-height"))).toBe(true);
  expect(problems.some((p) => p.startsWith("folded:"))).toBe(true);
});
