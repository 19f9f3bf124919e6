// /moderation/claims: the claims with evidence waiting for a moderator (people without an
// address at a company's domain who ask to manage it), the oldest first, by keyset
// pagination; each opens its case page (/moderation/claims/:id), where it is accepted or
// refused. The model is app/models/claim-queue.server.ts.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { loadQueueList } from "~/lib/queue-list.server";
import { listClaimQueue } from "~/models/claim-queue.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "claims.queue.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listClaimQueue);
}

/** The first words of an explanation, for the list (the case page shows it whole). */
function excerpt(text: string, max = 240) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export default function ClaimQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  const waited = useWaited(now);
  return (
    <QueueListPage title={t("claims.queue.title")} intro={t("claims.queue.intro")} empty={t("claims.queue.empty")} page={page}>
      {(item) => (
        <QueueItem
          key={item.id}
          headingId={`claim-${item.id}`}
          href={`/moderation/claims/${item.id}`}
          title={t("claims.queue.item", { name: item.claimant.name, company: item.company.name })}
          waiting={t("queues.waitingSince", { age: waited(item.createdAt) })}
        >
          <p className="queue-item__facts muted">
            {item.company.domain ?? t("claims.queue.noDomain")} · {t(`claims.state.${item.company.state}`)} ·{" "}
            {item.urlHost ? t("claims.queue.link", { host: item.urlHost }) : t("claims.queue.noLink")}
          </p>
          <p>{excerpt(item.explanation)}</p>
        </QueueItem>
      )}
    </QueueListPage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
