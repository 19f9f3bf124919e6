// /moderation/appeals: the decisions under appeal (DSA art. 20), one item per appealed
// decision, the one appealed longest ago first, by keyset pagination. Each item opens the
// case page, where the appeal is decided by a moderator other than the one who took the
// decision (an admin may decide any).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { decisionLabel } from "~/components/moderation-labels";
import { Pagination } from "~/components/Pagination";
import { formatDuration } from "~/components/Scorecard";
import { Stars } from "~/components/Stars";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import type { DecisionTarget } from "~/lib/moderation-form";
import { reasonLabel } from "~/lib/moderation-reasons";
import { listAppealQueue, type AppealQueueItem } from "~/models/appeals.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.appeals.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: listAppealQueue({ after, viewer: { id: user.id, role: user.role } }), now: Date.now() };
}

const ITEM_TITLE: Record<DecisionTarget, MessageKey> = {
  review: "moderation.flags.item.review",
  reply: "moderation.flags.item.reply",
  follow_up: "moderation.flags.item.follow_up",
};

function AppealEntry({ item, now }: { item: AppealQueueItem; now: number }) {
  const tt = useT();
  const { t, tp, locale, date } = tt;
  const headingId = `appeal-item-${item.decisionId}`;
  const title = t(ITEM_TITLE[item.target], { title: item.review.title, company: item.review.companyName });
  const label = decisionLabel(item.decision.logged);
  const more = item.appealCount - item.explanations.length;
  return (
    <li className="card queue-item">
      <article aria-labelledby={headingId}>
        <p className="queue-item__kind">
          <span className="badge">{t(`moderation.target.${item.target}`)}</span>{" "}
          <span className="muted">
            {t("moderation.appeals.waiting", { age: formatDuration(tt, Math.max(0, now - item.oldestAt)) })} ·{" "}
            {item.side === "author" ? t("moderation.appeals.byAuthor") : tp("moderation.appeals.byReporters", item.appealCount)}
          </span>
        </p>
        <h2 className="queue-item__title" id={headingId}>
          <Link to={`/moderation/reviews/${item.reviewId}#decide-${item.target}`}>{title}</Link>
        </h2>
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
        <h3 className="queue-item__said">{t("moderation.appeals.said")}</h3>
        <ul className="queue-item__explanations">
          {item.explanations.map((e) => (
            <li key={e.id}>
              <p className="muted">
                <time dateTime={new Date(e.createdAt).toISOString()}>{date(e.createdAt, "medium")}</time>
              </p>
              <blockquote>{e.explanation}</blockquote>
            </li>
          ))}
        </ul>
        {more > 0 ? <p className="muted">{tp("moderation.appeals.more", more)}</p> : null}
        <p>
          <Link to={`/moderation/reviews/${item.reviewId}#decide-${item.target}`} className="button button--small">
            {t("moderation.appeals.open")}
            <span className="visually-hidden">: {title}</span>
          </Link>
        </p>
      </article>
    </li>
  );
}

export default function AppealQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page moderation-page queue-page">
      <h1>{t("moderation.appeals.title")}</h1>
      <p className="lead">{t("moderation.appeals.intro")}</p>
      {page.items.length === 0 ? <p className="card">{t("moderation.appeals.empty")}</p> : null}
      <ol className="queue-list">
        {page.items.map((item) => (
          <AppealEntry key={item.decisionId} item={item} now={now} />
        ))}
      </ol>
      <Pagination
        nextCursor={page.nextCursor}
        param="after"
        nextLabel={t("moderation.appeals.next")}
        firstLabel={t("moderation.appeals.first")}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
