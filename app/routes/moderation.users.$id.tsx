// /moderation/users/:id: an account's case — its facts, open sessions, latest reviews, the
// reports it filed, and the decisions on it — and the decision: suspend it (every session
// ends; it can no longer sign in, write, reply, flag or vote) or reinstate it, with a reason
// from the published list and a statement to the account. Staff accounts are suspended by
// an admin only; nobody decides on their own account.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { statusLabel } from "~/components/moderation-labels";
import { QueueDecisions } from "~/components/QueueCase";
import { QueueDecisionForm, type DecisionChoice } from "~/components/QueueDecisionForm";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { userDecisionSchema } from "~/lib/moderation-queues";
import { reasonLabel } from "~/lib/moderation-reasons";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideUser, getUserCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "queues.users.title", "queues.users.description", { name: data?.case.user.displayName ?? "—" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadQueueCase(request, params.id, getUserCase);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return decideQueueCase(
    request,
    params.id,
    userDecisionSchema,
    ({ id, value, ...rest }) => decideUser({ ...rest, userId: id, ...value }),
    (id) => `/moderation/users/${id}`,
  );
}

const CHOICES: Record<"suspend" | "reinstate", DecisionChoice> = {
  suspend: { value: "suspend", label: "queues.users.decide.suspend", hint: "queues.users.decide.suspendHint" },
  reinstate: { value: "reinstate", label: "queues.users.decide.reinstate", hint: "queues.users.decide.reinstateHint" },
};

export default function UserCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, tp, date, locale } = useT();
  const u = view.user;
  return (
    <div className="page case-page">
      <p>
        <Link to="/moderation">← {t("moderation.nav.dashboard")}</Link>
      </p>
      <h1>{t("queues.users.title", { name: u.displayName })}</h1>
      <div className="case-layout">
        <div className="case-main">
          <section className="section case-section" aria-labelledby="user-facts">
            <h2 id="user-facts">{t("queues.users.facts")}</h2>
            <ul className="case-author__facts">
              <li>
                <Link to={`/users/${u.id}`}>{u.displayName}</Link>
              </li>
              <li>{t("queues.users.since", { date: date(u.createdAt) })}</li>
              <li>{t(u.emailVerified ? "moderation.author.verified" : "moderation.author.unverified")}</li>
              <li>{t("queues.users.role", { role: u.role })}</li>
              <li className={u.suspendedAt != null ? "case-author__warn" : undefined}>
                {u.deleted
                  ? t("queues.users.deleted")
                  : u.suspendedAt != null
                    ? t("queues.users.suspendedSince", { date: date(u.suspendedAt), reason: reasonLabel(u.suspendedReason ?? "", locale) })
                    : t("queues.users.active")}
              </li>
              <li>{tp("queues.users.sessions", view.sessions)}</li>
              <li>{tp("moderation.author.published", u.publishedReviews)}</li>
              <li>{t("queues.users.flags", { filed: view.flagsFiled, dismissed: view.flagsDismissed })}</li>
            </ul>
          </section>
          <section className="section case-section" aria-labelledby="user-reviews">
            <h2 id="user-reviews">{t("queues.users.reviews")}</h2>
            {view.reviews.length === 0 ? <p className="muted">{t("queues.users.noReviews")}</p> : null}
            <ul>
              {view.reviews.map((r) => (
                <li key={r.id}>
                  <Link to={`/moderation/reviews/${r.id}`}>
                    {t("queues.users.review", { title: r.title, company: r.companyName, stars: r.stars, status: t(statusLabel(r.status)) })}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <QueueDecisions decisions={view.decisions} />
        </div>
        <aside className="case-side" aria-label={t("queues.users.decide.title")}>
          <QueueDecisionForm
            id="decide"
            title={t("queues.users.decide.title")}
            schema={userDecisionSchema}
            version={view.version}
            lastResult={answer?.result}
            refusal={view.refusal ? t(`queues.refusal.${view.refusal}`) : null}
            nothing={view.allowed.length === 0 ? t("queues.users.decide.nothing") : null}
            choices={view.allowed.map((d) => CHOICES[d])}
          />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
