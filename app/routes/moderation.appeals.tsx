// /moderation/appeals: the decisions under appeal (DSA art. 20), one item per appealed
// decision, the one appealed longest ago first, by keyset pagination. Each item opens the
// case page, where the appeal is decided by a moderator other than the one who took the
// decision (an admin may decide any).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { decisionLabel } from "~/components/moderation-labels";
import { QueueExplanations, QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { reasonLabel } from "~/lib/moderation-reasons";
import { loadQueueList } from "~/lib/queue-list.server";
import { listAppealQueue, type AppealQueueItem } from "~/models/appeals.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.appeals.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listAppealQueue);
}

function AppealEntry({ item, now }: { item: AppealQueueItem; now: number }) {
  const { t, tp, locale, date } = useT();
  const waited = useWaited(now);
  const label = decisionLabel(item.decision.logged);
  const more = item.appealCount - item.explanations.length;
  return (
    <QueueItem
      headingId={`appeal-item-${item.decisionId}`}
      href={`/moderation/reviews/${item.reviewId}#decide-${item.target}`}
      title={t(`moderation.flags.item.${item.target}`, { title: item.review.title, company: item.review.companyName })}
      badge={<span className="badge">{t(`moderation.target.${item.target}`)}</span>}
      waiting={
        <>
          {t("moderation.appeals.waiting", { age: waited(item.oldestAt) })} ·{" "}
          {item.side === "author" ? t("moderation.appeals.byAuthor") : tp("moderation.appeals.byReporters", item.appealCount)}
        </>
      }
      openLabel={t("moderation.appeals.open")}
    >
      <p className="queue-item__facts">
        <Stars value={item.review.stars} />
      </p>
      <p>
        {t("moderation.appeals.decision", {
          id: String(item.decisionId),
          decision: label ? t(label) : item.decision.logged,
          reason: reasonLabel(item.decision.reason, locale),
          date: date(item.decision.createdAt, "medium"),
          by:
            item.decision.automated || !item.decision.actorName
              ? t("moderation.case.decision.automatic")
              : t("moderation.case.decision.by", { name: item.decision.actorName }),
        })}
      </p>
      {item.yours ? <p className="notice notice--warn">{t("moderation.appeals.yours")}</p> : null}
      <QueueExplanations
        heading={t("moderation.appeals.said")}
        explanations={item.explanations}
        more={more > 0 ? tp("moderation.appeals.more", more) : null}
      />
    </QueueItem>
  );
}

export default function AppealQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <QueueListPage
      title={t("moderation.appeals.title")}
      intro={t("moderation.appeals.intro")}
      empty={t("moderation.appeals.empty")}
      page={page}
      nextLabel={t("moderation.appeals.next")}
      firstLabel={t("moderation.appeals.first")}
    >
      {(item) => <AppealEntry key={item.decisionId} item={item} now={now} />}
    </QueueListPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
