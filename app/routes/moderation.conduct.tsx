// /moderation/conduct: the conduct reports ("the company offered me something to change or
// delete my review", and extortion reports) waiting for a moderator, the oldest first, by
// keyset pagination; each opens its case page (/moderation/conduct/:id).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Pagination } from "~/components/Pagination";
import { formatDuration } from "~/components/Scorecard";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { listConductQueue } from "~/models/moderation-queues.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.conduct.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: listConductQueue({ after }), now: Date.now() };
}

const EXCERPT = 280;

export default function ConductQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const tt = useT();
  const { t } = tt;
  return (
    <div className="page moderation-page queue-page">
      <h1>{t("queues.conduct.title")}</h1>
      <p className="lead">{t("queues.conduct.intro")}</p>
      {page.items.length === 0 ? <p className="card">{t("queues.conduct.empty")}</p> : null}
      <ol className="queue-list">
        {page.items.map((item) => {
          const headingId = `conduct-${item.id}`;
          const title = t("queues.conduct.item", { id: String(item.id), company: item.company.name });
          return (
            <li key={item.id} className="card queue-item">
              <article aria-labelledby={headingId}>
                <p className="queue-item__kind">
                  <span className="badge badge--warn">{t(`queues.conduct.kind.${item.kind}`)}</span>{" "}
                  <span className="muted">{t("queues.waitingSince", { age: formatDuration(tt, Math.max(0, now - item.createdAt)) })}</span>
                </p>
                <h2 className="queue-item__title" id={headingId}>
                  <Link to={`/moderation/conduct/${item.id}`}>{title}</Link>
                </h2>
                <p className="muted">
                  {t("queues.conduct.by", { reporter: item.reporter?.name ?? t("queues.anonymous") })}
                  {item.review ? ` · ${t("queues.conduct.about", { title: item.review.title })}` : ""}
                </p>
                <blockquote className="case-text">{item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body}</blockquote>
                <p>
                  <Link to={`/moderation/conduct/${item.id}`} className="button button--small">
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
