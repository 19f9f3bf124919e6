// /moderation/conduct/:id: the case of one conduct report — the report, the review it is
// about as the public sees it, the company's record, the reporter's facts and the decisions
// logged against the company — and the decision: uphold (logged against the company, for a
// public warning) or dismiss, with a reason from the published list and a statement to the
// reporter.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { PersonCard, QueueDecisions } from "~/components/QueueCase";
import { QueueDecisionForm } from "~/components/QueueDecisionForm";
import { Thread } from "~/components/Thread";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { conductDecisionSchema } from "~/lib/moderation-queues";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideConduct, getConductCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "queues.conduct.case.title", "queues.conduct.case.description", { id: String(data?.case.item.id ?? "—") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadQueueCase(request, params.id, getConductCase);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return decideQueueCase(
    request,
    params.id,
    conductDecisionSchema,
    ({ id, value, ...rest }) => decideConduct({ ...rest, reportId: id, ...value }),
    "/moderation/conduct",
  );
}

export default function ConductCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date } = useT();
  const item = view.item;
  const pending = view.status === "pending";
  const status = t(
    `queues.conduct.status.${view.status === "founded" ? "founded" : view.status === "unfounded" ? "unfounded" : "pending"}`,
  );
  return (
    <div className="page case-page">
      <p>
        <Link to="/moderation/conduct">← {t("queues.back")}</Link>
      </p>
      <h1>{t("queues.conduct.case.title", { id: String(item.id) })}</h1>
      <p className="case-page__status">
        <span className={pending ? "badge badge--warn" : "badge"}>{status}</span>{" "}
        <span className="badge">{t(`queues.conduct.kind.${item.kind}`)}</span>{" "}
        <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
      </p>
      <div className="case-layout">
        <div className="case-main">
          <section className="section case-section" aria-labelledby="conduct-report">
            <h2 id="conduct-report">{t("queues.conduct.case.report")}</h2>
            <p className="muted">
              {t("queues.conduct.by", { reporter: item.reporter?.name ?? t("queues.anonymous") })} ·{" "}
              <time dateTime={new Date(item.createdAt).toISOString()}>{date(item.createdAt, "medium")}</time>
            </p>
            <blockquote className="case-text">{item.body}</blockquote>
          </section>
          {view.review ? (
            <section className="section case-section" aria-labelledby="conduct-review">
              <h2 id="conduct-review">{t("queues.conduct.case.review")}</h2>
              <Thread review={view.review} truncation="full" headingLevel={3} showCompany />
            </section>
          ) : null}
          <section className="section case-section" aria-labelledby="conduct-record">
            <h2 id="conduct-record">{t("queues.conduct.case.record")}</h2>
            <p>{t("queues.conduct.case.recordLine", view.record)}</p>
          </section>
          <QueueDecisions decisions={view.decisions} />
        </div>
        <aside className="case-side" aria-label={t("queues.conduct.decide.title")}>
          <QueueDecisionForm
            id="decide"
            title={t("queues.conduct.decide.title")}
            schema={conductDecisionSchema}
            version={view.version}
            lastResult={answer?.result}
            refusal={view.refusal ? t(`queues.refusal.${view.refusal}`) : null}
            nothing={pending ? null : t("queues.caseDecided", { status })}
            choices={[
              { value: "uphold", label: "queues.conduct.decide.uphold", hint: "queues.conduct.decide.upholdHint" },
              { value: "dismiss", label: "queues.conduct.decide.dismiss", hint: "queues.conduct.decide.dismissHint" },
            ]}
          />
          <PersonCard title={t("queues.conduct.case.reporter")} person={view.reporter} />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
