import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/i18n";
import { getLocale } from "~/lib/locale.server";
import { getCompanyBySlug } from "~/models/companies.server";
import { listReviews } from "~/models/reviews.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// The latest reviews of a company, each entry carrying the company's reply with it.
export function loader({ request, params }: LoaderFunctionArgs) {
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company) throw notFound();
  const locale = getLocale(request);
  const origin = requestSiteOrigin(request);
  const { reviews } = listReviews({ companyId: company.id }, { limit: 30 });
  const published = reviews.filter((r) => r.status === "published");
  const updated = Math.max(0, ...published.map((r) => Math.max(r.editedAt ?? 0, r.reply?.publishedAt ?? 0, r.publishedAt ?? 0)));
  const entries = published.map((r) => {
    const link = `${origin}/reviews/${r.id}`;
    const entryUpdated = Math.max(r.editedAt ?? 0, r.reply?.editedAt ?? 0, r.reply?.publishedAt ?? 0, r.publishedAt ?? 0);
    const reply =
      r.reply && r.reply.status === "published"
        ? `<h3>${escapeXml(translate(locale, "reply.by", { name: company.name }))}</h3>${r.reply.bodyHtml}`
        : "";
    const content = `<p>${"★".repeat(r.stars)}${"☆".repeat(5 - r.stars)}</p>${r.bodyHtml}${reply}`;
    return `  <entry>
    <id>${link}</id>
    <title>${escapeXml(`${r.stars}★ ${r.title}`)}</title>
    <link href="${link}"/>
    <author><name>${escapeXml(r.author?.displayName ?? translate(locale, "review.anonymous"))}</name></author>
    <published>${new Date(r.publishedAt!).toISOString()}</published>
    <updated>${new Date(entryUpdated).toISOString()}</updated>
    <content type="html">${escapeXml(content)}</content>
  </entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">
  <id>${origin}/companies/${company.slug}</id>
  <title>${escapeXml(`${company.name} — Réplique`)}</title>
  <link href="${origin}/companies/${company.slug}"/>
  <link rel="self" href="${origin}/companies/${company.slug}/feed.atom"/>
  <updated>${new Date(updated || Date.now()).toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
