// A company's inbox: every published review across its subjects, those awaiting a reply
// first, each with its reply (the same Thread as the public pages). Members only.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Pagination } from "~/components/Pagination";
import { Thread } from "~/components/Thread";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { requireCompanyMember } from "~/models/permissions.server";
import { getBrandCompany, listInbox } from "~/models/replies.server";
import brandStyles from "~/styles/brand.css?url";
import { notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: brandStyles }];

// Private pages: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "brand.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const company = getBrandCompany(params.slug ?? "");
  if (!company) throw notFound();
  const { memberRole } = requireCompanyMember(request, company.id);
  const before = new URL(request.url).searchParams.get("before");
  const page = listInbox(company.id, { before });
  return { company, memberRole, ...page, firstPage: !before };
}

export default function BrandInbox() {
  const { company, reviews, nextCursor, awaitingCount } = useLoaderData<typeof loader>();
  const { t, tp } = useT();
  let lastGroup: "awaiting" | "answered" | null = null;
  return (
    <div className="page brand-page brand-inbox">
      <p>
        <Link to="/brand">← {t("brand.title")}</Link>
      </p>
      <h1>{t("brand.inbox.title", { company: company.name })}</h1>
      <p>{t("brand.inbox.intro", { company: company.name })}</p>
      <p className="brand-inbox__count">
        <strong>{tp("brand.awaiting", awaitingCount)}</strong> ·{" "}
        <Link to={`/companies/${company.slug}`}>{t("brand.inbox.publicPage")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/members`}>{t("members.link")}</Link> ·{" "}
        <Link to={`/brand/${company.slug}/metrics`}>{t("metrics.title")}</Link>
      </p>
      <p className="brand-inbox__export">
        <a href={`/brand/${company.slug}/export.csv`} download>
          {t("openData.export.link")}
        </a>{" "}
        · <Link to="/api">{t("openData.export.docs")}</Link>
      </p>
      {!company.verified ? <p className="notice">{t("brand.notVerified", { company: company.name })}</p> : null}
      {reviews.length === 0 ? <p className="muted">{t("brand.inbox.empty")}</p> : null}
      <ol className="brand-inbox__list">
        {reviews.map((review) => {
          const group = review.reply ? "answered" : "awaiting";
          const heading = group !== lastGroup ? group : null;
          lastGroup = group;
          return (
            <li key={review.id} className={`brand-inbox__item brand-inbox__item--${group}`} data-review-id={review.id}>
              {heading ? (
                <h2 className="brand-inbox__group">{t(heading === "awaiting" ? "brand.inbox.awaiting" : "brand.inbox.answered")}</h2>
              ) : null}
              <Thread review={review} headingLevel={3} />
              {company.verified && review.reply?.status !== "removed" ? (
                <p className="brand-inbox__actions">
                  <Link to={`/brand/${company.slug}/reviews/${review.id}`} className={review.reply ? "button button--ghost" : "button"}>
                    {t(review.reply ? "brand.inbox.editReply" : "brand.inbox.reply")}
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Pagination nextCursor={nextCursor} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
