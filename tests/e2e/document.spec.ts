// The bytes of every kind of page, as the built server sends them: no U+0000 anywhere (React
// 18.3's Node renderer wrote one whenever a multi-byte character fell across its buffer;
// app/entry.server.tsx uses the web-streams renderer), and nothing after `</html>` (the
// loader data's scripts are moved before `</body>`). Both languages; the pages are found by
// following links, so every company, subject, review and profile page type is reached.
import { expect, test, type APIRequestContext } from "@playwright/test";

const PAGE_TYPES: { name: string; pattern: RegExp }[] = [
  { name: "company", pattern: /^\/companies\/[^/?#]+$/ },
  { name: "subject", pattern: /^\/companies\/[^/?#]+\/[^/?#]+$/ },
  { name: "review", pattern: /^\/reviews\/\d+$/ },
  { name: "profile", pattern: /^\/users\/\d+$/ },
  { name: "category", pattern: /^\/categories\/[^/?#]+$/ },
];

function linksIn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

async function fetchDocument(request: APIRequestContext, path: string, lang: string) {
  const response = await request.get(path, { headers: { "Accept-Language": lang }, maxRedirects: 0 });
  return { status: response.status(), type: response.headers()["content-type"] ?? "", body: await response.body() };
}

for (const lang of ["fr", "en"]) {
  test(`every kind of page is one clean document, without NUL bytes (${lang})`, async ({ request }) => {
    test.setTimeout(120_000);
    const fixed = [
      "/",
      "/companies",
      "/search?q=service",
      "/search?q=caf%C3%A9",
      "/transparency",
      "/for-companies",
      "/login",
      "/signup",
      "/write-a-review",
      "/companies/does-not-exist",
      "/report",
    ];
    const seen = new Map<string, number>();
    const queue = [...fixed];
    const found = new Map<string, string[]>(PAGE_TYPES.map((t) => [t.name, []]));
    let checked = 0;
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      const page = await fetchDocument(request, path, lang);
      seen.set(path, page.status);
      if (!page.type.startsWith("text/html")) continue;
      checked++;
      const nul = page.body.indexOf(0);
      expect(nul, `a NUL byte in ${path} near «${page.body.subarray(Math.max(0, nul - 40), nul + 10).toString("utf8")}»`).toBe(-1);
      const html = page.body.toString("utf8");
      expect(
        html.trimEnd().endsWith("</html>"),
        `${path} ends after </html>: «${html.slice(html.lastIndexOf("</html>"), html.lastIndexOf("</html>") + 80)}»`,
      ).toBe(true);
      expect(html.match(/<\/html>/g)?.length, path).toBe(1);
      // Up to 6 pages of each type, reached from the pages seen so far.
      for (const link of linksIn(html)) {
        const type = PAGE_TYPES.find((t) => t.pattern.test(link));
        const ofType = type ? found.get(type.name)! : null;
        if (ofType && ofType.length < 6 && !ofType.includes(link)) {
          ofType.push(link);
          queue.push(link);
        }
      }
    }
    for (const [type, pages] of found) expect(pages.length, `pages of type ${type} reached`).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(30);
  });
}
