// What the moderation queues' case pages share: the page around the case, the earlier
// decisions of the log, and the account facts of the person concerned (with the way to
// their account's case page).
import type { SubmissionResult } from "@conform-to/react";
import { Link, useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { queueDecisionLabel, type PersonFacts, type QueueDecisionView, type QueueRefusal } from "~/lib/moderation-queues";
import { reasonLabel } from "~/lib/moderation-reasons";
import { decisionLabel } from "./moderation-labels";
import { QueueDecisionForm, type QueueDecisionFormProps } from "./QueueDecisionForm";

/** The frame of every moderation case page: the way back, the title, the case's state, a
 *  way straight to the forms (which a phone shows after the case), then the case and,
 *  beside it, what decides it. */
export function CaseLayout({
  back,
  title,
  status,
  jump,
  side,
  sideLabel,
  children,
}: {
  /** The line of links back. */
  back: ReactNode;
  title: string;
  status?: ReactNode;
  jump?: { href: string; label: string } | null;
  /** The decision forms and the person concerned, and what names them. */
  side: ReactNode;
  sideLabel: string;
  children: ReactNode;
}) {
  return (
    <div className="page case-page">
      <p>{back}</p>
      <h1>{title}</h1>
      {status ? <p className="case-page__status">{status}</p> : null}
      {jump ? (
        <p className="case-page__jump">
          <a href={jump.href}>{jump.label} ↓</a>
        </p>
      ) : null}
      <div className="case-layout">
        <div className="case-main">{children}</div>
        <aside className="case-side" aria-label={sideLabel}>
          {side}
        </aside>
      </div>
    </div>
  );
}

/** A case's state as a badge (a warning while it waits), and what follows it on the line. */
export function CaseStatus({ label, warn, children }: { label: string; warn: boolean; children?: ReactNode }) {
  return (
    <>
      <span className={warn ? "badge badge--warn" : "badge"}>{label}</span> {children}
    </>
  );
}

export interface QueueCasePageProps {
  /** The way back (to the queue by default, with its words). */
  back: string;
  backLabel?: string;
  title: string;
  /** The case's state as a badge, and what follows it on the line (the company…). */
  state?: { label: string; pending: boolean; about: ReactNode };
  /** What the case loader gave: the last decision, why this moderator may not decide, the log. */
  view: { version: number; refusal: QueueRefusal | null; decisions: QueueDecisionView[] };
  /** The decision form, which shows what the page's action answered (decideQueueCase's
   *  `{ result }`); `nothing` defaults to "already decided" once the state is no longer pending. */
  decide: Omit<QueueDecisionFormProps, "id" | "version" | "refusal" | "lastResult">;
  /** The person concerned, beside the form. */
  person?: { title: string; facts: PersonFacts | null };
  /** The case's sections, above the earlier decisions. */
  children: ReactNode;
}

/** A queue case's page: the case and its earlier decisions, and beside them the decision
 *  form and the person concerned. */
export function QueueCasePage({ back, backLabel, title, state, view, decide, person, children }: QueueCasePageProps) {
  const { t } = useT();
  const answer = useActionData<{ result?: SubmissionResult<string[]> }>();
  const decided = state && !state.pending ? t("queues.caseDecided", { status: state.label }) : null;
  const side = (
    <>
      <QueueDecisionForm
        id="decide"
        version={view.version}
        refusal={view.refusal ? t(`queues.refusal.${view.refusal}`) : null}
        nothing={decided}
        lastResult={answer?.result}
        {...decide}
      />
      {person ? <PersonCard title={person.title} person={person.facts} /> : null}
    </>
  );
  return (
    <CaseLayout
      back={<Link to={back}>← {backLabel ?? t("queues.back")}</Link>}
      title={title}
      status={
        state ? (
          <CaseStatus label={state.label} warn={state.pending}>
            {state.about}
          </CaseStatus>
        ) : null
      }
      side={side}
      sideLabel={decide.title}
    >
      {children}
      <QueueDecisions decisions={view.decisions} />
    </CaseLayout>
  );
}

export function QueueDecisions({ decisions, id = "queue-decisions" }: { decisions: QueueDecisionView[]; id?: string }) {
  const { t, date, locale } = useT();
  return (
    <section className="section case-section" aria-labelledby={id}>
      <h2 id={id}>{t("queues.decisions")}</h2>
      {decisions.length === 0 ? <p className="muted">{t("queues.decisions.none")}</p> : null}
      <ol className="case-decisions">
        {decisions.map((d) => {
          const label = queueDecisionLabel(d.logged) ?? decisionLabel(d.logged);
          return (
            <li key={d.id} className="case-decision">
              <p className="case-decision__meta">
                <strong>{label ? t(label) : d.logged}</strong> · {reasonLabel(d.reason, locale)} ·{" "}
                <time dateTime={new Date(d.createdAt).toISOString()}>{date(d.createdAt, "medium")}</time> ·{" "}
                {d.automated || !d.actorName ? t("queues.decision.automatic") : t("queues.decision.by", { name: d.actorName })}
              </p>
              <blockquote>{d.statement}</blockquote>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export type PersonCardFacts = PersonFacts;

/** The person's account facts; `facts` adds lines to them, `children` follow the way to
 *  their account's case page. */
export function PersonCard({
  title,
  person,
  id = "queue-person",
  facts,
  children,
}: {
  title: string;
  person: PersonCardFacts | null;
  id?: string;
  facts?: ReactNode;
  children?: ReactNode;
}) {
  const { t, tp, date } = useT();
  return (
    <section className="card case-author" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {!person ? (
        <p>{t("moderation.author.none")}</p>
      ) : (
        <>
          <p className="case-author__name">
            <Link to={`/users/${person.id}`}>{person.displayName}</Link>
          </p>
          <ul className="case-author__facts">
            <li>{t("moderation.author.since", { date: date(person.createdAt) })}</li>
            <li>{t(person.emailVerified ? "moderation.author.verified" : "moderation.author.unverified")}</li>
            {person.role !== "member" ? <li>{t("moderation.author.staff", { role: person.role })}</li> : null}
            {person.suspended ? <li className="case-author__warn">{t("moderation.author.suspended")}</li> : null}
            {person.deleted ? <li className="case-author__warn">{t("moderation.author.deleted")}</li> : null}
            <li>{tp("moderation.author.published", person.publishedReviews)}</li>
            {facts}
          </ul>
          {/* Suspend or reinstate the account (app/routes/moderation.users.$id.tsx). */}
          <p>
            <Link to={`/moderation/users/${person.id}`}>{t("queues.users.open")}</Link>
          </p>
          {children}
        </>
      )}
    </section>
  );
}
