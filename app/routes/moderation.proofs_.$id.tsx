// /moderation/proofs/:id: the case of one proof of experience — the image (moderators and
// the review's author only), the review as the public sees it, the review's other proofs,
// the author's facts and the earlier decisions — and the decision: accept it (the review is
// labelled "verified experience") or refuse it (the review stays, unverified), with a reason
// from the published list and a statement to the author.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { PersonCard, QueueDecisions } from "~/components/QueueCase";
import { QueueDecisionForm } from "~/components/QueueDecisionForm";
import { Thread } from "~/components/Thread";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { proofDecisionSchema } from "~/lib/moderation-queues";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideProof, getProofCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "queues.proofs.case.title", "queues.proofs.case.description", { id: String(data?.case.item.id ?? "—") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadQueueCase(request, params.id, getProofCase);
}

export async function action({ request, params }: ActionFunctionArgs) {
  return decideQueueCase(
    request,
    params.id,
    proofDecisionSchema,
    ({ id, value, ...rest }) => decideProof({ ...rest, mediaId: id, ...value }),
    "/moderation/proofs",
  );
}

export default function ProofCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date } = useT();
  const item = view.item;
  const pending = view.proofStatus === "pending";
  const status = t(
    `queues.proofs.status.${view.proofStatus === "accepted" ? "accepted" : view.proofStatus === "rejected" ? "rejected" : "pending"}`,
  );
  return (
    <div className="page case-page">
      <p>
        <Link to="/moderation/proofs">← {t("queues.back")}</Link>
      </p>
      <h1>{t("queues.proofs.case.title", { id: String(item.id) })}</h1>
      <p className="case-page__status">
        <span className={pending ? "badge badge--warn" : "badge"}>{status}</span>{" "}
        <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link> · {item.subject.name}
      </p>
      <div className="case-layout">
        <div className="case-main">
          <section className="section case-section" aria-labelledby="proof-image">
            <h2 id="proof-image">{t("queues.proofs.case.image")}</h2>
            <p className="muted">{t("queues.proofs.case.imageHint")}</p>
            <a href={view.imageUrl}>
              <img
                src={view.imageUrl}
                alt={t("queues.proofs.case.imageAlt", { title: item.review.title, width: view.width, height: view.height })}
                width={view.width}
                height={view.height}
                style={{ maxWidth: "100%", height: "auto" }}
              />
            </a>
          </section>
          {view.review ? (
            <section className="section case-section" aria-labelledby="proof-review">
              <h2 id="proof-review">{t("queues.proofs.case.review")}</h2>
              <Thread review={view.review} truncation="full" headingLevel={3} showCompany />
            </section>
          ) : null}
          {view.otherProofs.length > 0 ? (
            <section className="section case-section" aria-labelledby="proof-others">
              <h2 id="proof-others">{t("queues.proofs.case.others")}</h2>
              <ul>
                {view.otherProofs.map((p) => (
                  <li key={p.id}>
                    <Link to={`/moderation/proofs/${p.id}`}>
                      {t("queues.proofs.case.other", {
                        id: String(p.id),
                        date: date(p.createdAt),
                        status: t(
                          `queues.proofs.status.${p.status === "accepted" ? "accepted" : p.status === "rejected" ? "rejected" : "pending"}`,
                        ),
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <QueueDecisions decisions={view.decisions} />
        </div>
        <aside className="case-side" aria-label={t("queues.proofs.decide.title")}>
          <QueueDecisionForm
            id="decide"
            title={t("queues.proofs.decide.title")}
            schema={proofDecisionSchema}
            version={view.version}
            lastResult={answer?.result}
            refusal={view.refusal ? t(`queues.refusal.${view.refusal}`) : null}
            nothing={pending ? null : t("queues.caseDecided", { status })}
            choices={[
              { value: "accept", label: "queues.proofs.decide.accept", hint: "queues.proofs.decide.acceptHint" },
              { value: "refuse", label: "queues.proofs.decide.refuse", hint: "queues.proofs.decide.refuseHint" },
            ]}
          />
          <PersonCard title={t("moderation.author.title")} person={view.author} />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
