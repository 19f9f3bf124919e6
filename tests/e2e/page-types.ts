// Every page type of the site, for the checks that run over all of them (the Nu HTML
// Checker in html.spec.ts, axe in axe-all.spec.ts): the paths of the demo data they need,
// read from the pages themselves, and the pages each kind of visitor sees.
import type { APIRequestContext, Browser } from "@playwright/test";
import { logIn } from "./helpers";

export type Who = "anonymous" | "reader" | "brand" | "moderator";

export async function requestAs(
  browser: Browser,
  who: Who,
  lang: "fr" | "en",
): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: lang === "en" ? "en-GB" : "fr-FR", extraHTTPHeaders: { "Accept-Language": lang } });
  if (who !== "anonymous") await (await logIn(context, `${who}@example.com`)).close();
  return { request: context.request, close: () => context.close() };
}

export type PageTypes = Awaited<ReturnType<typeof discover>>;

/** Paths of the demo data the page types need, read from the pages themselves. */
export async function discover(request: APIRequestContext) {
  const first = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];
  const company = await (await request.get("/companies/maison-lumiere")).text();
  const review = first(company, /href="(\/reviews\/\d+)"/)!;
  const subject = first(company, /href="(\/companies\/maison-lumiere\/[a-z0-9-]+)"/)!;
  const next = first(company, /href="(\/companies\/maison-lumiere\?[^"]*before=[^"]+)"/)?.replace(/&amp;/g, "&");
  const home = await (await request.get("/")).text();
  const category = first(home, /href="(\/categories\/[a-z0-9-]+)"/)!;
  const permalink = await (await request.get(review)).text();
  const profile = first(permalink, /href="(\/users\/\d+)"/)!;
  return { review, subject, next, category, profile, reviewId: review.split("/").at(-1)! };
}

export function pagesFor(who: Who, d: Awaited<ReturnType<typeof discover>>): string[] {
  const common = [
    "/",
    "/search?q=maison",
    d.category,
    "/companies/maison-lumiere",
    d.subject,
    d.review,
    d.profile,
    "/transparency",
    "/for-companies",
    "/api",
  ];
  if (d.next) common.push(d.next);
  switch (who) {
    case "anonymous":
      return [
        ...common,
        "/login",
        "/signup",
        "/forgot-password",
        "/report",
        "/widget/maison-lumiere",
        "/no-such-page",
        "/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      ];
    case "reader":
      return [...common, "/account", "/notifications", "/write-a-review", `${d.review}/flag`, "/companies/new"];
    case "brand":
      return [
        "/brand",
        "/brand/maison-lumiere",
        `/brand/maison-lumiere/reviews/${d.reviewId}`,
        "/brand/maison-lumiere/members",
        "/brand/maison-lumiere/metrics",
        "/brand/maison-lumiere/alerts",
        "/brand/maison-lumiere/webhooks",
        "/brand/maison-lumiere/subjects",
        "/brand/maison-lumiere/invitations",
        "/brand/maison-lumiere/flags",
      ];
    case "moderator":
      return [
        "/moderation",
        "/moderation/flags",
        "/moderation/held",
        "/moderation/appeals",
        "/moderation/proofs",
        "/moderation/suggestions",
        "/moderation/conduct",
        "/moderation/claims",
        `/moderation/reviews/${d.reviewId}`,
      ];
  }
}
