// /moderation/flags: the reported contents waiting for a decision, one item per content
// (a review, a company's reply or a follow-up), the nearest decision deadline first, by
// keyset pagination. Each item opens the case page, where the decision is taken.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { reporterLabel } from "~/components/moderation-labels";
import { Pagination } from "~/components/Pagination";
import { formatDuration } from "~/components/Scorecard";
import { Stars } from "~/components/Stars";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import type { DecisionTarget } from "~/lib/moderation-form";
import { reasonLabel } from "~/lib/moderation-reasons";
import { listFlagQueue, type QueueItem } from "~/models/moderation.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.flags.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: listFlagQueue({ after }), now: Date.now() };
}

const ITEM_TITLE: Record<DecisionTarget, MessageKey> = {
  review: "moderation.flags.item.review",
  reply: "moderation.flags.item.reply",
  follow_up: "moderation.flags.item.follow_up",
};

function QueueEntry({ item, now }: { item: QueueItem; now: number }) {
  const tt = useT();
  const { t, tp, locale, date } = tt;
  const headingId = `queue-item-${item.target}-${item.reviewId}`;
  const more = item.reportCount - item.explanations.length;
  return (
    <li className="card queue-item">
      <article aria-labelledby={headingId}>
        <p className="queue-item__kind">
          <span className="badge">{t(`moderation.target.${item.target}`)}</span>{" "}
          <span className="muted">
            {t("moderation.flags.waiting", { age: formatDuration(tt, Math.max(0, now - item.oldestAt)) })} ·{" "}
            <strong>
              {t(item.deadlineAt < now ? "moderation.flags.overdue" : "moderation.flags.deadline", { date: date(item.deadlineAt, "medium") })}
            </strong>{" "}
            ·{" "}
            {tp("moderation.queue.reports", item.reportCount)} {tp("moderation.flags.reporters", item.reporterCount)}
          </span>
        </p>
        <h2 className="queue-item__title" id={headingId}>
          <Link to={`/moderation/reviews/${item.reviewId}#decide-${item.target}`}>
            {t(ITEM_TITLE[item.target], { title: item.review.title, company: item.review.companyName })}
          </Link>
        </h2>
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
        <h3 className="queue-item__said">{t("moderation.flags.said")}</h3>
        <ul className="queue-item__explanations">
          {item.explanations.map((e) => (
            <li key={e.id}>
              <p className="muted">
                {t(reporterLabel(e.reporterType))} · {reasonLabel(e.reason, locale)} ·{" "}
                <time dateTime={new Date(e.createdAt).toISOString()}>{date(e.createdAt, "medium")}</time>
              </p>
              <blockquote>{e.explanation}</blockquote>
            </li>
          ))}
        </ul>
        {more > 0 ? <p className="muted">{tp("moderation.flags.more", more)}</p> : null}
        <p>
          <Link to={`/moderation/reviews/${item.reviewId}#decide-${item.target}`} className="button button--small">
            {t("moderation.flags.open")}
            <span className="visually-hidden">
              : {t(ITEM_TITLE[item.target], { title: item.review.title, company: item.review.companyName })}
            </span>
          </Link>
        </p>
      </article>
    </li>
  );
}

export default function FlagQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page moderation-page queue-page">
      <h1>{t("moderation.flags.title")}</h1>
      <p className="lead">{t("moderation.flags.intro")}</p>
      {page.items.length === 0 ? <p className="card">{t("moderation.flags.empty")}</p> : null}
      <ol className="queue-list">
        {page.items.map((item) => (
          <QueueEntry key={`${item.target}-${item.reviewId}`} item={item} now={now} />
        ))}
      </ol>
      <Pagination
        nextCursor={page.nextCursor}
        param="after"
        nextLabel={t("moderation.flags.next")}
        firstLabel={t("moderation.flags.first")}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
