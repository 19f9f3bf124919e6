// /moderation/held: the reviews an automatic check held at submission, the one held
// longest ago (the nearest publication deadline) first, by keyset pagination. Each shows
// the check that held it and its evidence, and the time left before the deadline job
// publishes it; the case page (/moderation/held/:id) is where it is published or refused.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Deadline, HeldWhy } from "~/components/HeldEvidence";
import { Pagination } from "~/components/Pagination";
import { formatDuration } from "~/components/Scorecard";
import { Stars } from "~/components/Stars";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import type { HeldItem } from "~/lib/held-review";
import { MAX_PUBLICATION_DELAY_HOURS } from "~/lib/policy";
import { listHeldQueue } from "~/models/held-reviews.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "held.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireModerator(request);
  const after = new URL(request.url).searchParams.get("after");
  return { page: listHeldQueue({ after }), now: Date.now() };
}

const EXCERPT = 280;

function Entry({ item, now }: { item: HeldItem; now: number }) {
  const tt = useT();
  const { t } = tt;
  const headingId = `held-item-${item.id}`;
  const title = t("held.item.title", { title: item.title, company: item.company.name });
  const excerpt = item.body.length > EXCERPT ? `${item.body.slice(0, EXCERPT)}…` : item.body;
  return (
    <li className="card queue-item">
      <article aria-labelledby={headingId}>
        <p className="queue-item__kind">
          <Deadline deadlineAt={item.deadlineAt} now={now} />{" "}
          <span className="muted">
            {t("held.item.heldAgo", { age: formatDuration(tt, Math.max(0, now - item.heldAt)) })}
            {item.editedAt != null ? ` · ${t("held.item.edited")}` : ""}
          </span>
        </p>
        <h2 className="queue-item__title" id={headingId}>
          <Link to={`/moderation/held/${item.id}`}>{title}</Link>
        </h2>
        <p className="queue-item__facts">
          <Stars value={item.stars} />
          <span className="muted">
            {t("held.item.about", { subject: item.subject.name, author: item.author?.name ?? t("held.item.anonymous") })}
          </span>
        </p>
        <blockquote lang={item.language} className="case-text">
          {excerpt}
        </blockquote>
        <HeldWhy check={item.check} evidence={item.evidence} alsoFound={item.alsoFound} />
        <p>
          <Link to={`/moderation/held/${item.id}`} className="button button--small">
            {t("held.item.open")}
            <span className="visually-hidden">: {title}</span>
          </Link>
        </p>
      </article>
    </li>
  );
}

export default function HeldQueue() {
  const { page, now } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page moderation-page queue-page">
      <h1>{t("held.title")}</h1>
      <p className="lead">{t("held.intro", { hours: MAX_PUBLICATION_DELAY_HOURS })}</p>
      {page.items.length === 0 ? <p className="card">{t("held.empty")}</p> : null}
      <ol className="queue-list">
        {page.items.map((item) => (
          <Entry key={item.id} item={item} now={now} />
        ))}
      </ol>
      <Pagination nextCursor={page.nextCursor} param="after" nextLabel={t("held.next")} firstLabel={t("held.first")} />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
