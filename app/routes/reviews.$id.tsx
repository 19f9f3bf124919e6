import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Thread } from "~/components/Thread";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { reviewJsonLd } from "~/lib/json-ld";
import { getLocale } from "~/lib/locale.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { getPublicReview } from "~/models/reviews.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const review = Number.isSafeInteger(id) && id > 0 ? getPublicReview(id) : null;
  if (!review) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  return { review, locale: getLocale(request), canonical: `${url.origin}/reviews/${review.id}` };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Réplique" }];
  const { review, locale, canonical } = data;
  const title =
    review.status === "removed"
      ? `${translate(locale, "review.role")} — ${review.company.name}`
      : `${review.title} — ${translate(locale, "review.by", { name: review.author?.displayName ?? translate(locale, "review.anonymous") })} — ${review.company.name}`;
  const description = review.bodyHtml.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 160);
  return seoMeta({
    title,
    description: description || translate(locale, "site.description"),
    url: canonical,
    locale,
    type: "article",
    jsonLd:
      review.status === "published"
        ? { "@context": "https://schema.org", ...reviewJsonLd(review), itemReviewed: { "@type": "Organization", name: review.company.name } }
        : undefined,
  });
};

export default function ReviewPermalink() {
  const { review } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/companies/${review.company.slug}`}>← {t("permalink.allReviews", { company: review.company.name })}</Link>
      </p>
      <h1 className="visually-hidden">{review.title || t("permalink.thread")}</h1>
      <Thread review={review} truncation="full" headingLevel={2} showCompany />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
