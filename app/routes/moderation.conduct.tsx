// /moderation/conduct: the conduct reports ("the company offered me something to change or
// delete my review", and extortion reports) waiting for a moderator, the oldest first, by
// keyset pagination; each opens its case page (/moderation/conduct/:id).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { loadQueueList } from "~/lib/queue-list.server";
import { listConductQueue } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.conduct.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listConductQueue);
}

const EXCERPT = 280;

export default function ConductQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  const waited = useWaited(now);
  return (
    <QueueListPage title={t("queues.conduct.title")} intro={t("queues.conduct.intro")} empty={t("queues.conduct.empty")} page={page}>
      {(item) => (
        <QueueItem
          key={item.id}
          headingId={`conduct-${item.id}`}
          href={`/moderation/conduct/${item.id}`}
          title={t("queues.conduct.item", { id: String(item.id), company: item.company.name })}
          badge={<span className="badge badge--warn">{t(`queues.conduct.kind.${item.kind}`)}</span>}
          waiting={t("queues.waitingSince", { age: waited(item.createdAt) })}
        >
          <p className="muted">
            {t("queues.conduct.by", { reporter: item.reporter?.name ?? t("queues.anonymous") })}
            {item.review ? ` · ${t("queues.conduct.about", { title: item.review.title })}` : ""}
          </p>
          <blockquote className="case-text">{item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body}</blockquote>
        </QueueItem>
      )}
    </QueueListPage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
