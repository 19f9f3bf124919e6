// What a moderator reads about a case, the same on every case page (reported content,
// held reviews): one decision of the log, and the author's account facts.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { reasonLabel } from "~/lib/moderation-reasons";
import type { CaseDecision, CaseView } from "~/models/moderation.server";
import { decisionLabel } from "./moderation-labels";
import { Stars } from "./Stars";

export function DecisionItem({ d }: { d: CaseDecision }) {
  const { t, date, locale } = useT();
  const label = decisionLabel(d.decision);
  return (
    <li className="case-decision">
      <p className="case-decision__meta">
        <span className="badge">{t(`moderation.target.${d.target}`)}</span> <strong>{label ? t(label) : d.decision}</strong> ·{" "}
        {reasonLabel(d.reason, locale)} · <time dateTime={new Date(d.createdAt).toISOString()}>{date(d.createdAt, "medium")}</time> ·{" "}
        {d.automated || !d.actorName ? t("moderation.case.decision.automatic") : t("moderation.case.decision.by", { name: d.actorName })}
        {d.onAppeal ? (
          <>
            {" "}
            <span className="badge">{t("moderation.case.decision.onAppeal")}</span>
          </>
        ) : null}
        {d.appealed ? (
          <>
            {" "}
            <span className="badge badge--warn">{t("moderation.case.decision.appealed")}</span>
          </>
        ) : null}
      </p>
      <blockquote>{d.statement}</blockquote>
    </li>
  );
}

export function AuthorCard({ author }: { author: CaseView["author"] }) {
  const { t, tp, date } = useT();
  return (
    <section className="card case-author" aria-labelledby="case-author">
      <h2 id="case-author">{t("moderation.author.title")}</h2>
      {!author ? (
        <p>{t("moderation.author.none")}</p>
      ) : (
        <>
          <p className="case-author__name">
            <Link to={`/users/${author.id}`}>{author.displayName}</Link>
          </p>
          <ul className="case-author__facts">
            <li>{t("moderation.author.since", { date: date(author.createdAt) })}</li>
            <li>{t(author.emailVerified ? "moderation.author.verified" : "moderation.author.unverified")}</li>
            {author.role !== "member" ? <li>{t("moderation.author.staff", { role: author.role })}</li> : null}
            {author.suspended ? <li className="case-author__warn">{t("moderation.author.suspended")}</li> : null}
            {author.deleted ? <li className="case-author__warn">{t("moderation.author.deleted")}</li> : null}
            <li>{tp("moderation.author.published", author.publishedReviews)}</li>
            <li>{tp("moderation.author.others", author.otherReviews)}</li>
            <li>{tp("moderation.author.decisions", author.decisions.total, { removals: author.decisions.removals })}</li>
          </ul>
          {/* Suspend or reinstate the account (app/routes/moderation.users.$id.tsx). */}
          <p>
            <Link to={`/moderation/users/${author.id}`}>{t("queues.users.open")}</Link>
          </p>
          {author.decisions.latest.length > 0 ? (
            <>
              <h3>{t("moderation.author.latest")}</h3>
              <ol className="case-decisions case-decisions--compact">
                {author.decisions.latest.map((d) => (
                  <DecisionItem key={d.id} d={d} />
                ))}
              </ol>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** A held review's text as its author wrote it: the stars, the title and the body, in the
 *  review's language. */
export function HeldReviewText({ review }: { review: { stars: number; title: string; body: string; language: string } }) {
  return (
    <>
      <p>
        <Stars value={review.stars} /> <strong lang={review.language}>{review.title}</strong>
      </p>
      <pre className="case-text" lang={review.language}>
        {review.body}
      </pre>
    </>
  );
}
