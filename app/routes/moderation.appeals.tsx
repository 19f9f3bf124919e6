// /moderation/appeals: the decisions under appeal (DSA art. 20), one item per appealed
// decision, the one appealed longest ago first, by keyset pagination: decisions on reviews,
// replies and follow-ups, and those of the other queues (proofs, suggestions, conduct
// reports, suspensions, claims), each with its kind. Each item opens its case page — the
// review's (/moderation/reviews/:id), or the appeal's (/moderation/appeals/:id) — where the
// appeal is decided by a moderator other than the one who took the decision (an admin may
// decide any).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { decisionLabel, threadItemTitle } from "~/components/moderation-labels";
import { QueueExplanations, QueueItem, QueueListPage, useWaited } from "~/components/QueueList";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { decisionAppealCasePath } from "~/lib/decision-appeal";
import { queueDecisionLabel } from "~/lib/moderation-queues";
import { reasonLabel } from "~/lib/moderation-reasons";
import { loadQueueList } from "~/lib/queue-list.server";
import { listAppealQueue, type AppealQueueItem, type ContentAppealQueueItem, type DecisionAppealQueueItem } from "~/models/appeals.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.appeals.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return loadQueueList(request, listAppealQueue);
}

/** What the moderator sees first of any appeal: the appealed decision, who decided it, and
 *  what the appellants say. */
function AppealFacts({ item }: { item: AppealQueueItem }) {
  const { t, tp, locale, date } = useT();
  const label = queueDecisionLabel(item.decision.logged) ?? decisionLabel(item.decision.logged);
  const more = item.appealCount - item.explanations.length;
  return (
    <>
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
    </>
  );
}

function ContentAppealEntry({ item, now }: { item: ContentAppealQueueItem; now: number }) {
  const { t, tp } = useT();
  const waited = useWaited(now);
  return (
    <QueueItem
      headingId={`appeal-item-${item.decisionId}`}
      href={`/moderation/reviews/${item.reviewId}#decide-${item.target}`}
      title={threadItemTitle(t, item)}
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
      <AppealFacts item={item} />
    </QueueItem>
  );
}

function DecisionAppealEntry({ item, now }: { item: DecisionAppealQueueItem; now: number }) {
  const { t, tp } = useT();
  const waited = useWaited(now);
  const vars = {
    title: item.title ?? "—",
    company: item.company ?? "—",
    subject: item.subject ?? "—",
    name: item.name ?? t("queues.anonymous"),
  };
  return (
    <QueueItem
      headingId={`appeal-item-${item.decisionId}`}
      href={decisionAppealCasePath(item.decisionId)}
      title={t(`decisionAppeal.item.${item.kind}`, vars)}
      badge={<span className="badge">{t(`decisionAppeal.kind.${item.kind}`)}</span>}
      waiting={
        <>
          {t("moderation.appeals.waiting", { age: waited(item.oldestAt) })} ·{" "}
          {item.side === "company" ? tp("decisionAppeal.by.company", item.appealCount) : t(`decisionAppeal.by.${item.side}`)}
        </>
      }
      openLabel={t("moderation.appeals.open")}
    >
      <AppealFacts item={item} />
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
      {(item) =>
        item.kind === "content" ? (
          <ContentAppealEntry key={item.decisionId} item={item} now={now} />
        ) : (
          <DecisionAppealEntry key={item.decisionId} item={item} now={now} />
        )
      }
    </QueueListPage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
