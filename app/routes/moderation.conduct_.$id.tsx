// /moderation/conduct/:id: the case of one conduct report — the report, the review it is
// about as the public sees it, the company's record, the reporter's facts and the decisions
// logged against the company — and the decision: uphold (logged against the company, for a
// public warning) or dismiss, with a reason from the published list and a statement to the
// reporter.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseThreadSection } from "~/components/CaseFacts";
import { conductStatusLabel } from "~/components/moderation-labels";
import { QueueCasePage } from "~/components/QueueCase";
import type { DecisionChoice } from "~/components/QueueDecisionForm";
import { useT } from "~/i18n/react";
import { queueCaseMeta } from "~/lib/auth-meta";
import { conductDecisionSchema } from "~/lib/moderation-queues";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideConduct, getConductCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = queueCaseMeta("queues.conduct.case");

export const loader = async ({ request, params }: LoaderFunctionArgs) => loadQueueCase(request, params.id, getConductCase);

export const action = async ({ request, params }: ActionFunctionArgs) =>
  decideQueueCase(
    request,
    params.id,
    conductDecisionSchema,
    ({ id, value, ...rest }) => decideConduct({ ...rest, reportId: id, ...value }),
    "/moderation/conduct",
  );

const CHOICES: DecisionChoice[] = [
  { value: "uphold", label: "queues.conduct.decide.uphold", hint: "queues.conduct.decide.upholdHint" },
  { value: "dismiss", label: "queues.conduct.decide.dismiss", hint: "queues.conduct.decide.dismissHint" },
];

export default function ConductCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const item = view.item;
  return (
    <QueueCasePage
      back="/moderation/conduct"
      title={t("queues.conduct.case.title", { id: String(item.id) })}
      state={{
        label: t(conductStatusLabel(view.status)),
        pending: view.status === "pending",
        about: (
          <>
            <span className="badge">{t(`queues.conduct.kind.${item.kind}`)}</span>{" "}
            <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
          </>
        ),
      }}
      view={view}
      decide={{ title: t("queues.conduct.decide.title"), schema: conductDecisionSchema, choices: CHOICES }}
      person={{ title: t("queues.conduct.case.reporter"), facts: view.reporter }}
    >
      <section className="section case-section" aria-labelledby="conduct-report">
        <h2 id="conduct-report">{t("queues.conduct.case.report")}</h2>
        <p className="muted">
          {t("queues.conduct.by", { reporter: item.reporter?.name ?? t("queues.anonymous") })} ·{" "}
          <time dateTime={new Date(item.createdAt).toISOString()}>{date(item.createdAt, "medium")}</time>
        </p>
        <blockquote className="case-text">{item.body}</blockquote>
      </section>
      <CaseThreadSection id="conduct-review" title={t("queues.conduct.case.review")} review={view.review} />
      <section className="section case-section" aria-labelledby="conduct-record">
        <h2 id="conduct-record">{t("queues.conduct.case.record")}</h2>
        <p>{t("queues.conduct.case.recordLine", view.record)}</p>
      </section>
    </QueueCasePage>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
