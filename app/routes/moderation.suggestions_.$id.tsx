// /moderation/suggestions/:id: the case of a subject a reviewer suggested — the suggestion,
// the reviews waiting for it as written, the company's subjects already listed (it may
// duplicate one), the suggester's facts and the earlier decisions — and the decision:
// accept it (it becomes active, its reviews are published and counted) or refuse it (its
// reviews move to a listed subject the moderator chooses, or are not published), with a
// reason from the published list and a statement to the suggester. When the reviewer added the
// company with it (/write-a-review/new), the company's facts come first, and the decision lists
// the company or hides it.
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseListSection } from "~/components/CaseListSection";
import { QueueCasePage, type QueueCasePageProps } from "~/components/QueueCase";
import type { DecisionChoice } from "~/components/QueueDecisionForm";
import { Stars } from "~/components/Stars";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { queueCaseMeta } from "~/lib/auth-meta";
import { suggestionDecisionSchema } from "~/lib/moderation-queues";
import { decideQueueCase, loadQueueCase } from "~/lib/queue-decision.server";
import { decideSuggestion, getSuggestionCase, type SuggestionCase } from "~/models/moderation-queues.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = queueCaseMeta("queues.suggestions.case");

export const loader = async ({ request, params }: LoaderFunctionArgs) => loadQueueCase(request, params.id, getSuggestionCase);

export const action = async ({ request, params }: ActionFunctionArgs) =>
  decideQueueCase(
    request,
    params.id,
    suggestionDecisionSchema,
    ({ id, value, ...rest }) => decideSuggestion({ ...rest, subjectId: id, ...value }),
    "/moderation/suggestions",
  );

export default function SuggestionCasePage() {
  const { case: view } = useLoaderData<typeof loader>();
  const { t } = useT();
  const item = view.item;
  const pending = view.state === "pending";
  const decide = useSuggestionDecision(view);
  return (
    <QueueCasePage
      back="/moderation/suggestions"
      title={t("queues.suggestions.case.title", { id: String(item.id) })}
      state={{
        label: t(`moderation.status.${pending ? "pending" : "published"}`),
        pending,
        about: <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>,
      }}
      view={view}
      decide={decide}
      person={{ title: t("moderation.author.title"), facts: view.suggester }}
    >
      {view.addedCompany ? <AddedCompanySection company={view.addedCompany} /> : null}
      <SuggestedSubjectSection item={item} />
      <WaitingReviewsSection reviews={view.reviews} />
      <ExistingSubjectsSection existing={view.existing} />
    </QueueCasePage>
  );
}

const subjectKind = (kind: string) => `subjectKind.${kind}` as MessageKey;

/** The subject as the reviewer suggested it. */
function SuggestedSubjectSection({ item }: { item: SuggestionCase["item"] }) {
  const { t } = useT();
  return (
    <section className="section case-section" aria-labelledby="suggestion-subject">
      <h2 id="suggestion-subject">{t("queues.suggestions.case.subject")}</h2>
      <dl className="case-facts">
        <dt>{t("queues.suggestions.case.kind")}</dt>
        <dd>{t(subjectKind(item.kind))}</dd>
        <dt>{t("queues.suggestions.case.name")}</dt>
        <dd>{item.name}</dd>
        {item.address || item.city ? (
          <>
            <dt>{t("queues.suggestions.case.address")}</dt>
            <dd>{[item.address, item.postalCode, item.city].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        {item.url ? (
          <>
            <dt>{t("queues.suggestions.case.url")}</dt>
            <dd>{item.url}</dd>
          </>
        ) : null}
        <dt>{t("queues.suggestions.case.company")}</dt>
        <dd>
          <Link to={`/companies/${item.company.slug}`}>{item.company.name}</Link>
        </dd>
      </dl>
    </section>
  );
}

/** The reviews waiting for the subject, as written. */
function WaitingReviewsSection({ reviews }: { reviews: SuggestionCase["reviews"] }) {
  const { t, date } = useT();
  return (
    <section className="section case-section" aria-labelledby="suggestion-reviews">
      <h2 id="suggestion-reviews">{t("queues.suggestions.case.reviews")}</h2>
      {reviews.length === 0 ? <p className="muted">{t("queues.suggestions.case.noReviews")}</p> : null}
      {reviews.map((r) => (
        <article key={r.id} className="case-removed" aria-labelledby={`waiting-${r.id}`}>
          <h3 id={`waiting-${r.id}`} lang={r.language}>
            {r.title}
          </h3>
          <p>
            <Stars value={r.stars} />{" "}
            <span className="muted">{`${r.authorName ?? t("queues.anonymous")} · ${date(r.createdAt, "medium")}`}</span>
          </p>
          <pre className="case-text" lang={r.language}>
            {r.body}
          </pre>
        </article>
      ))}
    </section>
  );
}

/** The company's subjects already listed: the suggestion may duplicate one. */
function ExistingSubjectsSection({ existing }: { existing: SuggestionCase["existing"] }) {
  const { t } = useT();
  return (
    <CaseListSection
      id="suggestion-existing"
      title={t("queues.suggestions.case.existing")}
      empty={t("queues.suggestions.case.noExisting")}
      list="ul"
      items={existing}
    >
      {(s) => (
        <li key={s.id}>
          {t(subjectKind(s.kind))} · {s.name}
          {s.city ? ` · ${s.city}` : ""}
          {s.url ? ` · ${s.url}` : ""}
        </li>
      )}
    </CaseListSection>
  );
}

/** Deciding on a subject the reviewer suggested with the company they added decides on the company. */
const COMPANY_CHOICES: DecisionChoice[] = [
  { value: "accept", label: "queues.suggestions.company.accept", hint: "queues.suggestions.company.acceptHint" },
  { value: "refuse", label: "queues.suggestions.company.refuse", hint: "queues.suggestions.company.refuseHint" },
];
const SUBJECT_CHOICES: DecisionChoice[] = [
  { value: "accept", label: "queues.suggestions.decide.accept", hint: "queues.suggestions.decide.acceptHint" },
  { value: "refuse", label: "queues.suggestions.decide.refuse", hint: "queues.suggestions.decide.refuseHint" },
];

/** The decision: accept or refuse the subject (and the company the reviewer added with
 *  it), and where a refused subject's reviews go. */
function useSuggestionDecision(view: SuggestionCase): QueueCasePageProps["decide"] {
  const { t } = useT();
  return {
    title: t("queues.suggestions.decide.title"),
    schema: suggestionDecisionSchema,
    nothing:
      view.state === "pending"
        ? null
        : t("queues.caseDecided", {
            status: t(view.state === "active" ? "queues.logged.subject_accept" : "queues.logged.subject_refuse"),
          }),
    choices: view.addedCompany ? COMPANY_CHOICES : SUBJECT_CHOICES,
    select:
      view.existing.length > 0
        ? {
            name: "moveTo",
            label: t("queues.suggestions.decide.moveTo"),
            hint: t("queues.suggestions.decide.moveToHint"),
            emptyLabel: t("queues.suggestions.decide.moveNone"),
            options: view.existing.map((s) => ({ value: String(s.id), label: `${t(subjectKind(s.kind))} · ${s.name}` })),
          }
        : undefined,
  };
}

/** The company the reviewer added with the subject: its fields, where it stands, and the
 *  companies it may duplicate. */
function AddedCompanySection({ company }: { company: NonNullable<SuggestionCase["addedCompany"]> }) {
  const { t, date, locale } = useT();
  return (
    <section className="section case-section" aria-labelledby="suggestion-company">
      <h2 id="suggestion-company">{t("queues.suggestions.company.section")}</h2>
      <dl className="case-facts">
        <dt>{t("queues.suggestions.company.name")}</dt>
        <dd>{company.name}</dd>
        <dt>{t("queues.suggestions.company.domain")}</dt>
        <dd>{company.domain ?? "—"}</dd>
        {company.website ? (
          <>
            <dt>{t("queues.suggestions.company.website")}</dt>
            <dd>{company.website}</dd>
          </>
        ) : null}
        <dt>{t("queues.suggestions.company.categories")}</dt>
        <dd>{company.categories.map((c) => (locale === "fr" ? c.nameFr : c.nameEn)).join(", ") || "—"}</dd>
        <dt>{t("queues.suggestions.company.createdAt")}</dt>
        <dd>{date(company.createdAt, "medium")}</dd>
        <dt>{t("queues.suggestions.company.listing")}</dt>
        <dd>{t(`queues.suggestions.company.listing.${company.listing}`)}</dd>
      </dl>
      <h3>{t("queues.suggestions.company.similar")}</h3>
      {company.similar.length === 0 ? (
        <p className="muted">{t("queues.suggestions.company.noSimilar")}</p>
      ) : (
        <ul>
          {company.similar.map((c) => (
            <li key={c.slug}>
              {c.listing === "refused" ? c.name : <Link to={`/companies/${c.slug}`}>{c.name}</Link>}
              {c.domain ? ` · ${c.domain}` : ""} · {t(`queues.suggestions.company.listing.${c.listing}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
