// /transparency: how reviews are collected, checked, moderated and displayed, and the live
// moderation figures. The text is written once per language (app/content/transparency.ts);
// every number in it comes from the constants the code enforces.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TransparencyFigures } from "~/components/TransparencyFigures";
import { TransparencySections } from "~/components/TransparencySections";
import { transparencyContent } from "~/content/transparency";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { seoMeta } from "~/lib/seo";
import { getTransparencyReport } from "~/models/transparency.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { report: getTransparencyReport(), locale: getLocale(request), canonical: `${requestSiteOrigin(request)}/transparency` };
}

export const headers = () => ({ "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" });

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return [];
  const content = transparencyContent(data.locale);
  return seoMeta({
    title: `${content.title} — Réplique`,
    description: content.description,
    url: data.canonical,
    search: location.search,
    locale: data.locale,
  });
};

export default function Transparency() {
  const { report } = useLoaderData<typeof loader>();
  const content = transparencyContent(useT().locale);
  return (
    <div className="page page--narrow">
      <h1>{content.title}</h1>
      <p className="lead">{content.lead}</p>
      <TransparencySections content={content} />
      <TransparencyFigures report={report} />
    </div>
  );
}
