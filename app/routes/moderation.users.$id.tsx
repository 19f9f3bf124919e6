// /moderation/users/:id: an account's case — its facts, open sessions, latest reviews, the
// reports it filed, and the decisions on it — and the decision: suspend it (every session
// ends; it can no longer sign in, write, reply, flag or vote) or reinstate it, with a reason
// from the published list and a statement to the account. Staff accounts are suspended by
// an admin only; nobody decides on their own account.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { statusLabel } from "~/components/moderation-labels";
import { CaseListSection } from "~/components/CaseListSection";
import { QueueCasePage } from "~/components/QueueCase";
import type { DecisionChoice } from "~/components/QueueDecisionForm";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { userDecisionSchema } from "~/lib/moderation-queues";
import { reasonLabel } from "~/lib/moderation-reasons";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideUser, getUserCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "queues.users.title", "queues.users.description", { name: data?.case.user.displayName ?? "—" });

export const loader = async ({ request, params }: LoaderFunctionArgs) => loadQueueCase(request, params.id, getUserCase);

export const action = async ({ request, params }: ActionFunctionArgs) =>
  decideQueueCase(
    request,
    params.id,
    userDecisionSchema,
    ({ id, value, ...rest }) => decideUser({ ...rest, userId: id, ...value }),
    (id) => `/moderation/users/${id}`,
  );

const CHOICES: Record<"suspend" | "reinstate", DecisionChoice> = {
  suspend: { value: "suspend", label: "queues.users.decide.suspend", hint: "queues.users.decide.suspendHint" },
  reinstate: { value: "reinstate", label: "queues.users.decide.reinstate", hint: "queues.users.decide.reinstateHint" },
};

export default function UserCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <QueueCasePage
      back="/moderation"
      backLabel={t("moderation.nav.dashboard")}
      title={t("queues.users.title", { name: view.user.displayName })}
      view={view}
      decide={{
        title: t("queues.users.decide.title"),
        schema: userDecisionSchema,
        nothing: view.allowed.length === 0 ? t("queues.users.decide.nothing") : null,
        choices: view.allowed.map((d) => CHOICES[d]),
      }}
    >
      <UserFacts view={view} />
      <UserReviews reviews={view.reviews} />
    </QueueCasePage>
  );
}

type UserCase = ReturnType<typeof useLoaderData<typeof loader>>["case"];

function UserFacts({ view }: { view: UserCase }) {
  const { t, tp, date, locale } = useT();
  const u = view.user;
  return (
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
  );
}

function UserReviews({ reviews }: { reviews: UserCase["reviews"] }) {
  const { t } = useT();
  return (
    <CaseListSection id="user-reviews" title={t("queues.users.reviews")} empty={t("queues.users.noReviews")} list="ul" items={reviews}>
      {(r) => (
        <li key={r.id}>
          <Link to={`/moderation/reviews/${r.id}`}>
            {t("queues.users.review", { title: r.title, company: r.companyName, stars: r.stars, status: t(statusLabel(r.status)) })}
          </Link>
        </li>
      )}
    </CaseListSection>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
