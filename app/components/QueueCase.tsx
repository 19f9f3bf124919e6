// What the moderation queues' case pages share: the earlier decisions of the log, and the
// account facts of the person concerned (with the way to their account's case page).
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { queueDecisionLabel, type PersonFacts, type QueueDecisionView } from "~/lib/moderation-queues";
import { reasonLabel } from "~/lib/moderation-reasons";
import { decisionLabel } from "./moderation-labels";

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

export function PersonCard({ title, person, id = "queue-person" }: { title: string; person: PersonCardFacts | null; id?: string }) {
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
          </ul>
          <p>
            <Link to={`/moderation/users/${person.id}`}>{t("queues.users.open")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
