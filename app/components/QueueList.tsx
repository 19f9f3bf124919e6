// What the moderation queues' list pages share (/moderation/flags, /appeals, /proofs,
// /suggestions, /conduct): the page with its items and keyset pagination, one item with the
// link to its case, and the reporters' or appellants' words that an item quotes.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { Pagination } from "./Pagination";
import { formatDuration } from "./Scorecard";

export function QueueListPage<T>({
  title,
  intro,
  empty,
  page,
  nextLabel,
  firstLabel,
  children: renderItem,
}: {
  title: string;
  intro: string;
  /** Shown when nothing waits (already translated). */
  empty: string;
  page: { items: readonly T[]; nextCursor: string | null };
  /** The pagination's words (default: the queues'). */
  nextLabel?: string;
  firstLabel?: string;
  /** One item, as a QueueItem with its key. */
  children: (item: T) => ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="page moderation-page queue-page">
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {page.items.length === 0 ? <p className="card">{empty}</p> : null}
      <ol className="queue-list">{page.items.map(renderItem)}</ol>
      <Pagination
        nextCursor={page.nextCursor}
        param="after"
        nextLabel={nextLabel ?? t("queues.next")}
        firstLabel={firstLabel ?? t("queues.first")}
      />
    </div>
  );
}

/** One item of a queue: what it is and how long it has waited, its title linking to its
 *  case, what the moderator needs to see first, and the button that opens the case. */
export function QueueItem({
  headingId,
  href,
  title,
  badge,
  waiting,
  openLabel,
  children,
}: {
  headingId: string;
  /** Its case page. */
  href: string;
  title: string;
  /** Before the waiting time: what kind of item it is. */
  badge?: ReactNode;
  waiting: ReactNode;
  /** The button's words (default: the queues'). */
  openLabel?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <li className="card queue-item">
      <article aria-labelledby={headingId}>
        {badge ? (
          <p className="queue-item__kind">
            {badge} <span className="muted">{waiting}</span>
          </p>
        ) : (
          <p className="queue-item__kind muted">{waiting}</p>
        )}
        <h2 className="queue-item__title" id={headingId}>
          <Link to={href}>{title}</Link>
        </h2>
        {children}
        <p>
          <Link to={href} className="button button--small">
            {openLabel ?? t("queues.openCase")}
            <span className="visually-hidden">: {title}</span>
          </Link>
        </p>
      </article>
    </li>
  );
}

/** How long something has waited since `since`, in words ("3 hours"). */
export function useWaited(now: number) {
  const tt = useT();
  return (since: number) => formatDuration(tt, Math.max(0, now - since));
}

/** The words of the people who reported or appealed, the first ones, and how many more. */
export function QueueExplanations<E extends { id: number; explanation: string; createdAt: number }>({
  heading,
  explanations,
  about,
  more,
}: {
  heading: string;
  explanations: readonly E[];
  /** Who said it and why, before the date (optional). */
  about?: (explanation: E) => ReactNode;
  /** "and 3 more" (already translated), or null. */
  more: string | null;
}) {
  const { date } = useT();
  return (
    <>
      <h3 className="queue-item__said">{heading}</h3>
      <ul className="queue-item__explanations">
        {explanations.map((e) => (
          <li key={e.id}>
            <p className="muted">
              {about ? about(e) : null}
              <time dateTime={new Date(e.createdAt).toISOString()}>{date(e.createdAt, "medium")}</time>
            </p>
            <blockquote>{e.explanation}</blockquote>
          </li>
        ))}
      </ul>
      {more ? <p className="muted">{more}</p> : null}
    </>
  );
}
