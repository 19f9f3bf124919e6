// /moderation/proofs: the proofs of experience waiting for a moderator, the oldest first, by
// keyset pagination; each opens its case page (/moderation/proofs/:id), where it is accepted
// or refused. The thumbnails come from /media/:key, which shows proofs to moderators and the
// review's author only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { loadQueueList } from "~/lib/queue-list.server";
import { listProofQueue } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.proofs.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listProofQueue);
}

export default function ProofQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const waited = useWaited(now);
  return (
    <QueueListPage title={t("queues.proofs.title")} intro={t("queues.proofs.intro")} empty={t("queues.proofs.empty")} page={page}>
      {(item) => (
        <QueueItem
          key={item.id}
          headingId={`proof-${item.id}`}
          href={`/moderation/proofs/${item.id}`}
          title={t("queues.proofs.item", { title: item.review.title, company: item.company.name })}
          waiting={t("queues.waitingSince", { age: waited(item.createdAt) })}
        >
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
        </QueueItem>
      )}
    </QueueListPage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
