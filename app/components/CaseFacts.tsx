// What a moderator reads about a case, the same on every case page (reported content,
// held reviews): the review as the public sees it, one decision of the log, and the
// author's account facts.
import type { ComponentProps } from "react";
import { useT } from "~/i18n/react";
import { reasonLabel } from "~/lib/moderation-reasons";
import type { CaseDecision, CaseView } from "~/models/moderation.server";
import { decisionLabel } from "./moderation-labels";
import { PersonCard } from "./QueueCase";
import { Stars } from "./Stars";
import { Thread } from "./Thread";

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
  const { t, tp } = useT();
  const facts = author ? (
    <>
      <li>{tp("moderation.author.others", author.otherReviews)}</li>
      <li>{tp("moderation.author.decisions", author.decisions.total, { removals: author.decisions.removals })}</li>
    </>
  ) : null;
  return (
    <PersonCard id="case-author" title={t("moderation.author.title")} person={author} facts={facts}>
      {author && author.decisions.latest.length > 0 ? (
        <>
          <h3>{t("moderation.author.latest")}</h3>
          <ol className="case-decisions case-decisions--compact">
            {author.decisions.latest.map((d) => (
              <DecisionItem key={d.id} d={d} />
            ))}
          </ol>
        </>
      ) : null}
    </PersonCard>
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

/** A section with the review as the public sees it, its thread in full (none: no section). */
export function CaseThreadSection({
  id,
  title,
  review,
}: {
  id: string;
  title: string;
  review: ComponentProps<typeof Thread>["review"] | null;
}) {
  if (!review) return null;
  return (
    <section className="section case-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <Thread review={review} truncation="full" headingLevel={3} showCompany />
    </section>
  );
}

/** A proof of experience's image (moderators and the review's author only), at its size,
 *  linked to itself. */
export function ProofImage({ proof }: { proof: { imageUrl: string; width: number; height: number; item: { review: { title: string } } } }) {
  const { t } = useT();
  return (
    <a href={proof.imageUrl}>
      <img
        src={proof.imageUrl}
        alt={t("queues.proofs.case.imageAlt", { title: proof.item.review.title, width: proof.width, height: proof.height })}
        width={proof.width}
        height={proof.height}
        style={{ maxWidth: "100%", height: "auto" }}
      />
    </a>
  );
}
