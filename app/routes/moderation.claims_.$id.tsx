// /moderation/claims/:id: the case of one claim with evidence — the company (its domain,
// claimed or verified, its members), the claimant (account facts, their address's domain
// against the company's, their other claims), their explanation and link (plain text, and
// a link that passes nothing on: rel="nofollow noopener noreferrer"), the earlier decisions —
// and the decision: accept (the claimant becomes the owner, the company verified) or refuse,
// with a reason from the published list and a statement to the claimant
// (app/models/claim-queue.server.ts).
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { QueueCasePage } from "~/components/QueueCase";
import type { DecisionChoice } from "~/components/QueueDecisionForm";
import { useT } from "~/i18n/react";
import { queueCaseMeta } from "~/lib/auth-meta";
import { claimDecisionSchema } from "~/lib/moderation-queues";
import { CLAIM_REASONS } from "~/lib/moderation-reasons";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideClaim, getClaimCase } from "~/models/claim-queue.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = queueCaseMeta("claims.case");

export const loader = async ({ request, params }: LoaderFunctionArgs) => loadQueueCase(request, params.id, getClaimCase);

export const action = async ({ request, params }: ActionFunctionArgs) =>
  decideQueueCase(
    request,
    params.id,
    claimDecisionSchema,
    ({ id, value, ...rest }) => decideClaim({ ...rest, claimId: id, ...value }),
    "/moderation/claims",
  );

const CHOICES: DecisionChoice[] = [
  { value: "accept", label: "claims.decide.accept", hint: "claims.decide.acceptHint" },
  { value: "refuse", label: "claims.decide.refuse", hint: "claims.decide.refuseHint" },
];

export default function ClaimCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { item } = view;
  return (
    <QueueCasePage
      back="/moderation/claims"
      title={t("claims.case.title", { id: String(item.id) })}
      state={{
        label: t(`claims.status.${view.status}`),
        pending: view.status === "pending",
        about: t("claims.queue.item", { name: item.claimant.name, company: item.company.name }),
      }}
      view={view}
      decide={{
        title: t("claims.decide.title"),
        schema: claimDecisionSchema,
        reasons: CLAIM_REASONS,
        rulesPath: "/transparency#claims",
        choices: CHOICES,
      }}
      person={{ title: t("claims.case.claimant"), facts: view.claimant }}
    >
      <ClaimRequest view={view} />

      <ClaimCompany view={view} />

      <ClaimClaimant view={view} />
    </QueueCasePage>
  );
}

type ClaimCase = ReturnType<typeof useLoaderData<typeof loader>>["case"];

/** What the claimant wrote, and their link (never followed by search engines). */
function ClaimRequest({ view }: { view: ClaimCase }) {
  const { t, date } = useT();
  const { item, evidence } = view;
  const paragraphs = evidence.explanation.split(/\n+/).filter((p) => p.trim() !== "");
  return (
    <section className="section case-section" aria-labelledby="claim-request">
      <h2 id="claim-request">{t("claims.case.request")}</h2>
      <p className="muted">{t("claims.case.sentOn", { date: date(item.createdAt, "medium") })}</p>
      <h3>{t("claims.case.explanation")}</h3>
      <blockquote className="claim-explanation">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </blockquote>
      <h3>{t("claims.case.url")}</h3>
      {evidence.url ? (
        <>
          <p>
            <a href={evidence.url} rel="nofollow noopener noreferrer" target="_blank">
              {evidence.url}
              <span className="visually-hidden"> {t("claims.case.urlNewTab")}</span>
            </a>
          </p>
          {view.urlOnCompanyDomain != null ? (
            <p>
              {view.urlOnCompanyDomain
                ? t("claims.case.urlOnDomain", { domain: item.company.domain ?? "" })
                : t("claims.case.urlElsewhere")}
            </p>
          ) : null}
          <p className="muted">{t("claims.case.urlHint")}</p>
        </>
      ) : (
        <p>{t("claims.case.noUrl")}</p>
      )}
      <h3>{t("claims.case.document")}</h3>
      {evidence.document ? (
        <p>
          <a href={`/moderation/claims/${item.id}/document`} download={evidence.document.name}>
            {t("claims.case.documentLink", { name: evidence.document.name, kb: Math.max(1, Math.round(evidence.document.bytes / 1024)) })}
          </a>
        </p>
      ) : (
        <p>{t("claims.case.noDocument")}</p>
      )}
    </section>
  );
}

/** The claimant: their address's domain against the company's, and their other claims. */
function ClaimClaimant({ view }: { view: ClaimCase }) {
  const { t, date } = useT();
  const { item } = view;
  return (
    <section className="section case-section" aria-labelledby="claim-claimant">
      <h2 id="claim-claimant">{t("claims.case.claimant")}</h2>
      <p>{t(`claims.case.emailDomain.${view.emailMatch}`, { emailDomain: view.emailDomain ?? "", domain: item.company.domain ?? "" })}</p>
      <h3>{t("claims.case.earlier")}</h3>
      {view.otherClaims.length === 0 ? (
        <p className="muted">{t("claims.case.noEarlier")}</p>
      ) : (
        <ul>
          {view.otherClaims.map((c) => {
            const line = t("claims.case.earlierItem", {
              company: c.companyName,
              date: date(c.createdAt),
              method: t(`claims.method.${c.method}`),
              status: t(`claims.status.${c.status}`),
            });
            return <li key={c.id}>{c.method === "evidence" ? <Link to={`/moderation/claims/${c.id}`}>{line}</Link> : line}</li>;
          })}
        </ul>
      )}
    </section>
  );
}

/** The company as it stands: its domain, claimed or verified since when, its members. */
function ClaimCompany({ view }: { view: ClaimCase }) {
  const { t, date } = useT();
  const { item, company } = view;
  return (
    <section className="section case-section" aria-labelledby="claim-company">
      <h2 id="claim-company">{t("claims.case.company")}</h2>
      <p>
        <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
      </p>
      <ul>
        <li>{item.company.domain ? t("claims.case.domain", { domain: item.company.domain }) : t("claims.case.noDomain")}</li>
        <li>
          {item.company.state === "verified" && company.verifiedAt != null
            ? t("claims.case.state.verified", { date: date(company.verifiedAt) })
            : item.company.state !== "unclaimed" && company.claimedAt != null
              ? t("claims.case.state.claimed", { date: date(company.claimedAt) })
              : t("claims.case.state.unclaimed")}
        </li>
      </ul>
      <h3>{t("claims.case.members")}</h3>
      {company.members.length === 0 ? (
        <p className="muted">{t("claims.case.noMembers")}</p>
      ) : (
        <ul>
          {company.members.map((m) => (
            <li key={m.userId}>
              <Link to={`/moderation/users/${m.userId}`}>{m.name}</Link> ·{" "}
              {t("claims.case.member", { role: t(`claims.role.${m.role}`), date: date(m.since) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
