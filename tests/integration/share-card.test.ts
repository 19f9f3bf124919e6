// A company's share card (/companies/:slug/share.png, app/lib/share-card.ts): a 1200 × 630
// PNG with its name, TrustScore and count, in the visitor's language, with an ETag; its page
// names it as og:image and twitter:image; nothing for a company no moderator checked yet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { getDb } from "#db/client.server";
import { nameLines, shareCardSvg } from "~/lib/share-card";
import { loader } from "~/routes/companies.$slug.share[.]png";
import { getRequest, makeCompany, makeReview, makeUser, outcome } from "../support/fixtures";

const card = (slug: string, headers: Record<string, string> = {}) =>
  loader({
    request: getRequest(`/companies/${slug}/share.png`, { headers }),
    params: { slug },
    context: {},
  } as LoaderFunctionArgs) as Promise<Response>;

describe("the share card", () => {
  it("is a 1200 × 630 PNG with an ETag, answered 304 while nothing changed", async () => {
    const c = makeCompany({ name: "Maison Partage", slug: "maison-partage" });
    for (const stars of [5, 4, 2]) makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: makeUser(), stars });
    const answer = await card("maison-partage");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Type")).toBe("image/png");
    const png = Buffer.from(await answer.arrayBuffer());
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 1200, height: 630 });
    const etag = answer.headers.get("ETag")!;
    expect((await card("maison-partage", { "If-None-Match": etag })).status).toBe(304);
    makeReview({ companyId: c.id, subjectId: c.subjectId, authorId: makeUser(), stars: 1 });
    expect((await card("maison-partage", { "If-None-Match": etag })).status).toBe(200);
  });

  it("draws the name, the TrustScore and the count in the card's language", () => {
    const svg = shareCardSvg({
      name: "Café & Co <Lyon>",
      score: "3,8 / 5",
      count: "344 avis",
      scoreLabel: "TrustScore",
      tagline: "Des avis avec droit de réponse",
    });
    expect(svg).toContain("Café &amp; Co &lt;Lyon&gt;");
    expect(svg).toContain("TrustScore 3,8 / 5");
    expect(svg).toContain("344 avis");
    expect(nameLines("Prévoyance Familiale de Montreuil et de ses environs proches")).toEqual([
      "Prévoyance Familiale de",
      "Montreuil et de ses env…",
    ]);
  });

  it("is a 404 for a company no moderator checked yet", async () => {
    makeCompany({ slug: "maison-en-attente" });
    getDb().$client.prepare(`UPDATE companies SET listing = 'pending' WHERE slug = 'maison-en-attente'`).run();
    expect((await outcome(() => card("maison-en-attente"))).status).toBe(404);
  });
});
