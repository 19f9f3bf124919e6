// /moderation/flags: the reported contents waiting for a decision, one item per content
// (a review, a company's reply or a follow-up), the nearest decision deadline first, by
// keyset pagination. Each item opens the case page, where the decision is taken.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { reporterLabel, threadItemTitle } from "~/components/moderation-labels";
import { QueueExplanations, QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { reasonLabel } from "~/lib/moderation-reasons";
import { loadQueueList } from "~/lib/queue-list.server";
import { listFlagQueue, type QueueItem as FlagQueueItem } from "~/models/moderation.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.flags.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listFlagQueue);
}

function QueueEntry({ item, now }: { item: FlagQueueItem; now: number }) {
  const { t, tp, locale, date } = useT();
  const waited = useWaited(now);
  const more = item.reportCount - item.explanations.length;
  return (
    <QueueItem
      headingId={`queue-item-${item.target}-${item.reviewId}`}
      href={`/moderation/reviews/${item.reviewId}#decide-${item.target}`}
      title={threadItemTitle(t, item)}
      badge={<span className="badge">{t(`moderation.target.${item.target}`)}</span>}
      waiting={
        <>
          {t("moderation.flags.waiting", { age: waited(item.oldestAt) })} ·{" "}
          <strong>
            {t(item.deadlineAt < now ? "moderation.flags.overdue" : "moderation.flags.deadline", { date: date(item.deadlineAt, "medium") })}
          </strong>{" "}
          · {tp("moderation.queue.reports", item.reportCount)} {tp("moderation.flags.reporters", item.reporterCount)}
        </>
      }
      openLabel={t("moderation.flags.open")}
    >
      <p className="queue-item__facts">
        <Stars value={item.review.stars} />
        {item.review.status === "removed" ? <span className="badge badge--warn">{t("moderation.flags.removed")}</span> : null}
        {item.review.status === "held" ? <span className="badge badge--warn">{t("moderation.status.heldByFlag")}</span> : null}
        {item.answered ? <span className="badge">{t("moderation.flags.answered")}</span> : null}
      </p>
      <dl className="queue-item__tally">
        <div>
          <dt>{t("moderation.flags.who")}</dt>
          <dd>{item.reporterTypes.map((r) => `${t(reporterLabel(r.type))} (${r.count})`).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("moderation.flags.reasons")}</dt>
          <dd>{item.reasons.map((r) => `${reasonLabel(r.reason, locale)} (${r.count})`).join(", ")}</dd>
        </div>
      </dl>
      <QueueExplanations
        heading={t("moderation.flags.said")}
        explanations={item.explanations}
        about={(e) => (
          <>
            {t(reporterLabel(e.reporterType))} · {reasonLabel(e.reason, locale)} ·{" "}
          </>
        )}
        more={more > 0 ? tp("moderation.flags.more", more) : null}
      />
    </QueueItem>
  );
}

export default function FlagQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <QueueListPage
      title={t("moderation.flags.title")}
      intro={t("moderation.flags.intro")}
      empty={t("moderation.flags.empty")}
      page={page}
      nextLabel={t("moderation.flags.next")}
      firstLabel={t("moderation.flags.first")}
    >
      {(item) => <QueueEntry key={`${item.target}-${item.reviewId}`} item={item} now={now} />}
    </QueueListPage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
