// A member's public profile: display name, review count, and their published reviews,
// each with its reply and follow-up (equal prominence), newest first, by keyset.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Thread } from "~/components/Thread";
import { translate } from "~/i18n";
import { useT } from "~/i18n/react";
import { getLocale } from "~/lib/locale.server";
import { PUBLIC_PAGE_CACHE, seoMeta } from "~/lib/seo";
import { getPublicProfile } from "~/models/account-data.server";
import { listAuthorReviews } from "~/models/reviews.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { notFound } from "~/lib/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  const profile = Number.isSafeInteger(id) && id > 0 ? getPublicProfile(id) : null;
  if (!profile) throw notFound();
  const url = new URL(request.url);
  const page = listAuthorReviews(profile.id, { before: url.searchParams.get("before") });
  return { profile, ...page, locale: getLocale(request), canonical: `${requestSiteOrigin(request)}/users/${profile.id}` };
}

export const headers = () => PUBLIC_PAGE_CACHE;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  if (!data) return []; // the error boundary sets a localized title
  const { profile, locale, canonical } = data;
  return seoMeta({
    title: `${translate(locale, "profile.title", { name: profile.displayName })} — ${translate(locale, "site.name")}`,
    description: translate(locale, "profile.description", { name: profile.displayName }),
    url: canonical,
    search: location.search,
    locale,
    type: "profile",
  });
};

export default function ProfilePage() {
  const { profile, reviews, nextCursor } = useLoaderData<typeof loader>();
  const { t, tp, date } = useT();
  return (
    <div className="page page--narrow">
      <h1>{profile.displayName}</h1>
      <p className="muted">
        {tp("review.authorCount", profile.reviewCount)} · {t("profile.memberSince", { date: date(profile.createdAt) })}
      </p>
      {reviews.length === 0 ? <p>{t("profile.empty")}</p> : null}
      {reviews.map((r) => (
        <Thread key={r.id} review={r} headingLevel={2} showCompany />
      ))}
      {nextCursor ? (
        <p>
          <Link to={`?before=${encodeURIComponent(nextCursor)}`} rel="next">
            {t("profile.more")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
