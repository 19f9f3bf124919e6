// /moderation/suggestions: the subjects (stores, websites, products, services) that reviewers
// suggested with their review, the oldest first, by keyset pagination; each opens its case
// page (/moderation/suggestions/:id), where it is accepted or refused.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Pagination } from "~/components/Pagination";
import { formatDuration } from "~/components/Scorecard";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { listSuggestionQueue } from "~/models/moderation-queues.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.suggestions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: listSuggestionQueue({ after }), now: Date.now() };
}

export default function SuggestionQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const tt = useT();
  const { t, tp } = tt;
  return (
    <div className="page moderation-page queue-page">
      <h1>{t("queues.suggestions.title")}</h1>
      <p className="lead">{t("queues.suggestions.intro")}</p>
      {page.items.length === 0 ? <p className="card">{t("queues.suggestions.empty")}</p> : null}
      <ol className="queue-list">
        {page.items.map((item) => {
          const headingId = `suggestion-${item.id}`;
          const title = t("queues.suggestions.item", { name: item.name, company: item.company.name });
          return (
            <li key={item.id} className="card queue-item">
              <article aria-labelledby={headingId}>
                <p className="queue-item__kind">
                  <span className="badge">{t(`subjectKind.${item.kind}` as MessageKey)}</span>{" "}
                  <span className="muted">{t("queues.waitingSince", { age: formatDuration(tt, Math.max(0, now - item.createdAt)) })}</span>
                </p>
                <h2 className="queue-item__title" id={headingId}>
                  <Link to={`/moderation/suggestions/${item.id}`}>{title}</Link>
                </h2>
                <p className="queue-item__facts muted">
                  {[item.address, item.postalCode, item.city, item.url].filter(Boolean).join(" · ")}
                </p>
                <p className="muted">
                  {t("queues.suggestions.by", { author: item.suggestedBy?.name ?? t("queues.anonymous") })} ·{" "}
                  {tp("queues.suggestions.waiting", item.waitingReviews)}
                </p>
                <p>
                  <Link to={`/moderation/suggestions/${item.id}`} className="button button--small">
                    {t("queues.openCase")}
                    <span className="visually-hidden">: {title}</span>
                  </Link>
                </p>
              </article>
            </li>
          );
        })}
      </ol>
      <Pagination nextCursor={page.nextCursor} param="after" nextLabel={t("queues.next")} firstLabel={t("queues.first")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
