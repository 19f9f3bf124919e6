// /moderation/suggestions: the subjects (stores, websites, products, services) that reviewers
// suggested with their review (with the company, when they added it too), the oldest first, by keyset pagination; each opens its case
// page (/moderation/suggestions/:id), where it is accepted or refused.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { loadQueueList } from "~/lib/queue-list.server";
import { listSuggestionQueue } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.suggestions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listSuggestionQueue);
}

export default function SuggestionQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t, tp } = useT();
  const waited = useWaited(now);
  return (
    <QueueListPage
      title={t("queues.suggestions.title")}
      intro={t("queues.suggestions.intro")}
      empty={t("queues.suggestions.empty")}
      page={page}
    >
      {(item) => (
        <QueueItem
          key={item.id}
          headingId={`suggestion-${item.id}`}
          href={`/moderation/suggestions/${item.id}`}
          title={t(item.company.added ? "queues.suggestions.company.item" : "queues.suggestions.item", {
            name: item.name,
            company: item.company.name,
          })}
          badge={
            <>
              {item.company.added ? <span className="badge badge--warn">{t("queues.suggestions.company.badge")}</span> : null}{" "}
              <span className="badge">{t(`subjectKind.${item.kind}` as MessageKey)}</span>
            </>
          }
          waiting={t("queues.waitingSince", { age: waited(item.createdAt) })}
        >
          <p className="queue-item__facts muted">
            {[item.company.added ? item.company.domain : null, item.address, item.postalCode, item.city, item.url]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="muted">
            {t("queues.suggestions.by", { author: item.suggestedBy?.name ?? t("queues.anonymous") })} ·{" "}
            {tp("queues.suggestions.waiting", item.waitingReviews)}
          </p>
        </QueueItem>
      )}
    </QueueListPage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
