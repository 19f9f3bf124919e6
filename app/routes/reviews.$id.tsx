import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Thread } from "~/components/Thread";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { reviewJsonLd } from "~/lib/json-ld";
import { getLocale } from "~/lib/locale.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { getPublicReview, getReviewAnyStatus } from "~/models/reviews.server";
import { ReviewActions } from "~/components/ReviewActions";
import { getUser } from "~/models/permissions.server";
import { getReviewViewer } from "~/models/review-viewers.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";
import { appealPath } from "~/lib/appeal-window";
import { getRemovalAppeal } from "~/models/appeals.server";
import { responseWindow } from "~/models/flags.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  let review = Number.isSafeInteger(id) && id > 0 ? getPublicReview(id) : null;
  // A held or pending review is shown to its author only, as "awaiting moderation".
  const user = getUser(request);
  let awaiting: "held" | "pending" | null = null;
  if (!review && user && Number.isSafeInteger(id) && id > 0) {
    const own = getReviewAnyStatus(id);
    if (own && (own.status === "held" || own.status === "pending") && own.author?.id === user.id) {
      review = own;
      awaiting = own.status;
    }
  }
  if (!review) throw notFound();
  const viewer = getReviewViewer(user, review);
  // The author of a removed review is told how to appeal the removal, from here.
  const removal = user && review.status === "removed" ? getRemovalAppeal(review.id, user) : null;
  // The author of a flagged review may answer the moderators, within the published window.
  const respondUntil = viewer.isAuthor && review.status !== "removed" ? responseWindow(review.id).openUntil : null;
  return {
    respondUntil,
    review,
    awaiting,
    viewer,
    removal,
    locale: getLocale(request),
    canonical: `${requestSiteOrigin(request)}/reviews/${review.id}`,
  };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return []; // the error boundary sets a localized title
  const { review, locale, canonical, awaiting } = data;
  if (awaiting) return [{ title: `${review.title} — ${translate(locale, "site.name")}` }, { name: "robots", content: "noindex" }];
  const title =
    review.status === "removed"
      ? `${translate(locale, "review.role")} — ${review.company.name}`
      : `${review.title} — ${translate(locale, "review.by", { name: review.author?.displayName ?? translate(locale, "review.anonymous") })} — ${review.company.name}`;
  const description = review.bodyHtml
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
  return seoMeta({
    title,
    description: description || translate(locale, "site.description"),
    url: canonical,
    search: location.search,
    locale,
    type: "article",
    jsonLd:
      review.status === "published"
        ? {
            "@context": "https://schema.org",
            ...reviewJsonLd(review),
            itemReviewed: { "@type": "Organization", name: review.company.name },
          }
        : undefined,
  });
};

export default function ReviewPermalink() {
  const { review, awaiting, viewer, removal, respondUntil } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/companies/${review.company.slug}`}>← {t("permalink.allReviews", { company: review.company.name })}</Link>
      </p>
      <h1 className="visually-hidden">{review.title || t("permalink.thread")}</h1>
      {awaiting ? (
        <p className="notice notice--warn" role="status">
          {t(awaiting === "held" ? "actions.awaiting" : "actions.pending")}
        </p>
      ) : null}
      <Thread review={review} truncation="full" headingLevel={2} showCompany />
      {removal ? (
        <div className="notice" id="appeal">
          {removal.right.kind === "open" ? (
            <p>{t("appeal.permalink.removed", { date: date(removal.decidedAt), deadline: date(removal.right.deadline) })}</p>
          ) : removal.right.kind === "appealed" && removal.right.appeal.status === "pending" ? (
            <p>{t("appeal.permalink.pending", { date: date(removal.right.appeal.createdAt) })}</p>
          ) : null}
          <p>
            <Link to={removal.right.kind === "open" ? appealPath(removal.decisionId) : `/statements/${removal.decisionId}`}>
              {t(removal.right.kind === "open" ? "appeal.permalink.link" : "appeal.permalink.read")}
            </Link>
          </p>
        </div>
      ) : null}
      {respondUntil != null ? (
        <div className="notice" id="respond">
          <p>{t("flags.respond.notice", { date: date(respondUntil) })}</p>
          <p>
            <Link to={`/reviews/${review.id}/respond`}>{t("flags.respond.link")}</Link>
          </p>
        </div>
      ) : null}
      {review.status !== "removed" ? <ReviewActions reviewId={review.id} viewer={viewer} awaiting={awaiting != null} /> : null}
      {review.status === "published" && !awaiting ? (
        <p>
          <Link to={`/report?review=${review.id}`}>{t("report.permalinkLink")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
