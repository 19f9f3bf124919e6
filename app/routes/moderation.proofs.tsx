// /moderation/proofs: the proofs of experience waiting for a moderator, the oldest first, by
// keyset pagination; each opens its case page (/moderation/proofs/:id), where it is accepted
// or refused. The thumbnails come from /media/:key, which shows proofs to moderators and the
// review's author only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Pagination } from "~/components/Pagination";
import { formatDuration } from "~/components/Scorecard";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { listProofQueue } from "~/models/moderation-queues.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.proofs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: listProofQueue({ after }), now: Date.now() };
}

export default function ProofQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const tt = useT();
  const { t, date } = tt;
  return (
    <div className="page moderation-page queue-page">
      <h1>{t("queues.proofs.title")}</h1>
      <p className="lead">{t("queues.proofs.intro")}</p>
      {page.items.length === 0 ? <p className="card">{t("queues.proofs.empty")}</p> : null}
      <ol className="queue-list">
        {page.items.map((item) => {
          const headingId = `proof-${item.id}`;
          const title = t("queues.proofs.item", { title: item.review.title, company: item.company.name });
          return (
            <li key={item.id} className="card queue-item">
              <article aria-labelledby={headingId}>
                <p className="queue-item__kind muted">{t("queues.waitingSince", { age: formatDuration(tt, Math.max(0, now - item.createdAt)) })}</p>
                <h2 className="queue-item__title" id={headingId}>
                  <Link to={`/moderation/proofs/${item.id}`}>{title}</Link>
                </h2>
                <p className="queue-item__facts">
                  <Stars value={item.review.stars} />{" "}
                  <span className="muted">
                    {t("queues.proofs.about", {
                      subject: item.subject.name,
                      author: item.author?.name ?? t("queues.anonymous"),
                      date: date(new Date(`${item.review.experienceDate}T12:00:00Z`).getTime()),
                    })}
                  </span>
                </p>
                <img src={item.thumbnailUrl} alt={t("queues.proofs.thumbnail", { title: item.review.title })} width={160} loading="lazy" />
                <p>
                  <Link to={`/moderation/proofs/${item.id}`} className="button button--small">
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
