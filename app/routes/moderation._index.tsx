// /moderation: the dashboard. For each queue, how many items wait and for how long the
// oldest has waited. Each queue opens from here.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDuration } from "~/components/Scorecard";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import { getHeldSummary } from "~/models/held-reviews.server";
import { getDashboard, type QueueSummary } from "~/models/moderation.server";
import { getQueuesSummary } from "~/models/moderation-queues.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  return { dashboard: getDashboard(), held: getHeldSummary(), queues: getQueuesSummary(), now: Date.now() };
}

function Waiting({ queue, now }: { queue: QueueSummary; now: number }) {
  const tt = useT();
  const { t, tp } = tt;
  if (queue.count === 0) return <p className="muted">{t("moderation.queue.empty")}</p>;
  return (
    <p className="queue-card__figures">
      <strong className="queue-card__count">{tp("moderation.queue.items", queue.count)}</strong>
      {queue.oldestAt != null ? (
        <span> · {t("moderation.queue.oldest", { age: formatDuration(tt, Math.max(0, now - queue.oldestAt)) })}</span>
      ) : null}
    </p>
  );
}

export default function ModerationDashboard() {
  const { dashboard, held, queues, now } = useLoaderData<typeof loader>();
  const tt = useT();
  const { t, tp } = tt;
  return (
    <div className="page moderation-page">
      <h1>{t("moderation.title")}</h1>
      <p className="lead">{t("moderation.intro")}</p>
      <ul className="queue-cards">
        <li className="card queue-card">
          <h2 id="queue-flags">{t("moderation.queue.flags")}</h2>
          <p className="muted">{t("moderation.queue.flagsHint")}</p>
          <Waiting queue={dashboard.flags} now={now} />
          {dashboard.flags.count > 0 ? <p className="muted">{tp("moderation.queue.reports", dashboard.flags.reports)}</p> : null}
          <p>
            <Link to="/moderation/flags" className="button">
              {t("moderation.queue.open")}
            </Link>
          </p>
        </li>
        {/* Reviews held by the automatic checks (app/routes/moderation.held.tsx). */}
        <li className="card queue-card">
          <h2 id="queue-held">{t("moderation.queue.held")}</h2>
          <p className="muted">{t("held.dashboard.hint", { hours: MAX_PUBLICATION_DELAY_HOURS })}</p>
          <Waiting queue={held} now={now} />
          {held.nextDeadlineAt != null ? (
            <p className="muted">
              {held.nextDeadlineAt > now
                ? t("held.dashboard.next", { time: formatDuration(tt, held.nextDeadlineAt - now) })
                : t("held.dashboard.overdue")}
            </p>
          ) : null}
          <p>
            <Link to="/moderation/held" className="button">
              {t("held.dashboard.open")}
            </Link>
          </p>
        </li>
        {/* Appeals against decisions (app/routes/moderation.appeals.tsx). */}
        <li className="card queue-card">
          <h2 id="queue-appeals">{t("moderation.queue.appeals")}</h2>
          <p className="muted">{t("moderation.queue.appealsHint")}</p>
          <Waiting queue={dashboard.appeals} now={now} />
          {dashboard.appeals.count > 0 ? <p className="muted">{tp("moderation.queue.appealCount", dashboard.appeals.appeals)}</p> : null}
          <p>
            <Link to="/moderation/appeals" className="button">
              {t("moderation.queue.open")}
              <span className="visually-hidden">: {t("moderation.queue.appeals")}</span>
            </Link>
          </p>
        </li>
        {/* Proofs, suggested subjects, conduct reports, claims with evidence (app/routes/moderation.proofs.tsx and siblings). */}
        {(
          [
            ["proofs", "queues.dashboard.proofs", "queues.dashboard.proofsHint"],
            ["suggestions", "queues.dashboard.suggestions", "queues.dashboard.suggestionsHint"],
            ["conduct", "queues.dashboard.conduct", "queues.dashboard.conductHint"],
            ["claims", "claims.dashboard.title", "claims.dashboard.hint"],
          ] as const
        ).map(([queue, title, hint]) => (
          <li key={queue} className="card queue-card">
            <h2 id={`queue-${queue}`}>{t(title)}</h2>
            <p className="muted">{t(hint)}</p>
            <Waiting queue={queues[queue]} now={now} />
            <p>
              <Link to={`/moderation/${queue}`} className="button">
                {t("queues.open")}
                <span className="visually-hidden">: {t(title)}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
