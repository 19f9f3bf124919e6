// /moderation: the dashboard. For each queue, how many items wait and for how long the
// oldest has waited. The flags queue opens from here; held reviews and appeals are
// counted so that nothing is forgotten, but are not decided from these pages yet.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { formatDuration } from "~/components/Scorecard";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { getDashboard, type QueueSummary } from "~/models/moderation.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "moderation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  return { dashboard: getDashboard(), now: Date.now() };
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
  const { dashboard, now } = useLoaderData<typeof loader>();
  const { t, tp } = useT();
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
      </ul>
      <section className="section" aria-labelledby="other-queues">
        <h2 id="other-queues">{t("moderation.other.title")}</h2>
        <p className="muted">{t("moderation.other.intro")}</p>
        <ul className="queue-cards">
          <li className="card queue-card">
            <h3 id="queue-held">{t("moderation.queue.held")}</h3>
            <Waiting queue={dashboard.held} now={now} />
          </li>
          <li className="card queue-card">
            <h3 id="queue-appeals">{t("moderation.queue.appeals")}</h3>
            <Waiting queue={dashboard.appeals} now={now} />
          </li>
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
