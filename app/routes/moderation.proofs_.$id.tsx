// /moderation/proofs/:id: the case of one proof of experience — the image (moderators and
// the review's author only), the review as the public sees it, the review's other proofs,
// the author's facts and the earlier decisions — and the decision: accept it (the review is
// labelled "verified experience") or refuse it (the review stays, unverified), with a reason
// from the published list and a statement to the author.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseThreadSection, ProofImage } from "~/components/CaseFacts";
import { proofStatusLabel } from "~/components/moderation-labels";
import { QueueCasePage } from "~/components/QueueCase";
import type { DecisionChoice } from "~/components/QueueDecisionForm";
import { useT } from "~/i18n/react";
import { queueCaseMeta } from "~/lib/auth-meta";
import { proofDecisionSchema } from "~/lib/moderation-queues";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideProof, getProofCase, type ProofCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = queueCaseMeta("queues.proofs.case");

export const loader = async ({ request, params }: LoaderFunctionArgs) => loadQueueCase(request, params.id, getProofCase);

export const action = async ({ request, params }: ActionFunctionArgs) =>
  decideQueueCase(
    request,
    params.id,
    proofDecisionSchema,
    ({ id, value, ...rest }) => decideProof({ ...rest, mediaId: id, ...value }),
    "/moderation/proofs",
  );

const CHOICES: DecisionChoice[] = [
  { value: "accept", label: "queues.proofs.decide.accept", hint: "queues.proofs.decide.acceptHint" },
  { value: "refuse", label: "queues.proofs.decide.refuse", hint: "queues.proofs.decide.refuseHint" },
];

export default function ProofCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const { t } = useT();
  const item = view.item;
  return (
    <QueueCasePage
      back="/moderation/proofs"
      title={t("queues.proofs.case.title", { id: String(item.id) })}
      state={{
        label: t(proofStatusLabel(view.proofStatus)),
        pending: view.proofStatus === "pending",
        about: (
          <>
            <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link> · {item.subject.name}
          </>
        ),
      }}
      view={view}
      decide={{ title: t("queues.proofs.decide.title"), schema: proofDecisionSchema, choices: CHOICES }}
      person={{ title: t("moderation.author.title"), facts: view.author }}
    >
      <section className="section case-section" aria-labelledby="proof-image">
        <h2 id="proof-image">{t("queues.proofs.case.image")}</h2>
        <p className="muted">{t("queues.proofs.case.imageHint")}</p>
        <ProofImage proof={view} />
      </section>
      <CaseThreadSection id="proof-review" title={t("queues.proofs.case.review")} review={view.review} />
      <OtherProofs proofs={view.otherProofs} />
    </QueueCasePage>
  );
}

/** The review's other proofs, each with its case. */
function OtherProofs({ proofs }: { proofs: ProofCase["otherProofs"] }) {
  const { t, date } = useT();
  if (proofs.length === 0) return null;
  return (
    <section className="section case-section" aria-labelledby="proof-others">
      <h2 id="proof-others">{t("queues.proofs.case.others")}</h2>
      <ul>
        {proofs.map((p) => (
          <li key={p.id}>
            <Link to={`/moderation/proofs/${p.id}`}>
              {t("queues.proofs.case.other", { id: String(p.id), date: date(p.createdAt), status: t(proofStatusLabel(p.status)) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
