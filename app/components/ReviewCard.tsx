import { Link } from "@remix-run/react";
import { useT, type T } from "~/i18n/react";
import { Day } from "./Day";
import { reasonLabel } from "~/lib/moderation-reasons";
import type { PostView, ReviewView } from "~/models/reviews.server";
import { OriginLabel } from "./OriginLabel";
import { Stars } from "./Stars";
import { HALF_LIFE_DAYS } from "~/lib/trustscore";
import { HelpfulVote } from "./HelpfulVote";
import { postHtmlKey, useDocumentHtml } from "~/lib/document-html";

export type Truncation = "clamped" | "full";

/** The body of a review, reply or follow-up: one font, size, width and truncation rule.
 *  `htmlKey`: a listed post, whose body a document request may carry in the HTML only
 *  (app/lib/document-html.ts). */
export function PostBody({ html, truncation, lang, htmlKey }: { html: string; truncation: Truncation; lang?: string; htmlKey?: string }) {
  const body = useDocumentHtml(htmlKey, html);
  return (
    <div
      className={truncation === "clamped" ? "post__body post__body--clamped" : "post__body"}
      lang={lang}
      data-html={htmlKey}
      // Rendered from Markdown and sanitised with the allow-list at write time.
      dangerouslySetInnerHTML={{ __html: body }}
    />
  );
}

/** How the reply and follow-up of a review name it in their labels: its title (or "Review"
 *  once removed) and its date, so that no two threads of a page share a label. */
export function reviewRef({ t, date }: Pick<T, "t" | "date">, review: Pick<ReviewView, "title" | "status" | "publishedAt">) {
  return {
    title: review.status !== "removed" && review.title ? review.title : t("review.role"),
    date: review.publishedAt ? date(review.publishedAt) : "—",
  };
}

/** A review as every page shows it. Its reply is shown by ReplyCard, which mirrors it. Not a
 *  section of its own: its heading is the heading of the thread (the article around it). */
export function ReviewCard({
  review,
  truncation = "clamped",
  headingLevel = 3,
  showCompany = false,
}: {
  review: ReviewView;
  truncation?: Truncation;
  headingLevel?: 2 | 3;
  showCompany?: boolean;
}) {
  const { t, tp, date, monthYear, n } = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (review.status === "removed") return <Tombstone review={review} />;
  return (
    <div className="post post--review">
      <header className="post__header">
        {review.author ? (
          <Link to={`/users/${review.author.id}`} className="post__author">
            {review.author.displayName}
          </Link>
        ) : (
          <span className="post__author">{t("review.anonymous")}</span>
        )}
        <span className="post__role">{t("review.role")}</span>
        {review.author ? <span className="muted">{tp("review.authorCount", review.author.reviewCount)}</span> : null}
      </header>
      <div className="post__header">
        <Stars value={review.stars} />
        <OriginLabel origin={review.origin} />
        <UnderReview since={review.underReviewSince} />
        {review.resolvedAt ? (
          <span className="badge badge--verified">{t("review.resolved", { date: date(review.resolvedAt) })}</span>
        ) : null}
      </div>
      <Heading className="post__title">
        <Link to={`/reviews/${review.id}`}>{review.title}</Link>
      </Heading>
      <ul className="post__facts">
        {showCompany ? (
          <li>
            <Link to={`/companies/${review.company.slug}`}>{review.company.name}</Link>
          </li>
        ) : null}
        <li>{`${t(`subjectKind.${review.subject.kind}`)} · ${review.subject.name}`}</li>
        <li>{t(`channel.${review.channel}`)}</li>
        <li>{t("review.experienced", { date: monthYear(review.experienceDate) })}</li>
        {review.publishedAt ? (
          <li>
            {`${t("review.published")} `}
            <Day at={review.publishedAt} />
          </li>
        ) : null}
        {review.scoreWeight != null ? (
          <li>
            <Link to="/transparency#trustscore" title={t("review.weightHint", { days: HALF_LIFE_DAYS })}>
              {t("review.weight", { weight: n(review.scoreWeight, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}
            </Link>
          </li>
        ) : null}
        {review.editedAt ? (
          <li>
            {t("review.edited")} <Day at={review.editedAt} /> (<Link to={`/reviews/${review.id}/history`}>{t("review.editedLink")}</Link>)
          </li>
        ) : null}
      </ul>
      <PostBody html={review.bodyHtml} truncation={truncation} lang={review.language} htmlKey={postHtmlKey("review", review.id)} />
      {review.photos.length > 0 ? (
        <ul className="post__photos">
          {review.photos.map((p) => (
            <li key={p.id}>
              <a href={`/media/${p.storageKey}`}>
                <img
                  src={`/media/${p.storageKey}?size=thumb`}
                  alt={t("review.photoAlt")}
                  loading="lazy"
                  width={160}
                  height={Math.round((160 * p.height) / p.width)}
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <footer className="post__footer">
        {review.recommend != null ? <span>{review.recommend ? t("review.recommends") : t("review.doesNotRecommend")}</span> : null}
        {review.helpfulCount > 0 ? <span>{tp("review.helpfulCount", review.helpfulCount)}</span> : null}
        <HelpfulVote review={review} />
        {truncation === "clamped" ? <Link to={`/reviews/${review.id}`}>{t("review.readThread")}</Link> : null}
      </footer>
    </div>
  );
}

/** The neutral line of content with an open flag (its rule: app/models/reviews.server.ts). */
export function UnderReview({ since }: { since: number | null }) {
  const { t, date } = useT();
  if (since == null) return null;
  return (
    <span className="badge" data-testid="under-review">
      {t("review.underReviewSince", { date: date(since) })}
    </span>
  );
}

/** A removed review leaves a placeholder with the date, the reason and the decision date. */
export function Tombstone({ review }: { review: ReviewView }) {
  const { t, date, locale } = useT();
  return (
    <div className="post post--review tombstone">
      <p>
        {t("review.removed", {
          published: review.publishedAt ? date(review.publishedAt) : "—",
          removed: review.removedAt ? date(review.removedAt) : "—",
        })}{" "}
        {review.removalReason ? t("review.removedReason", { reason: reasonLabel(review.removalReason, locale) }) : null}{" "}
        <Link to="/transparency#removals">{t("review.removedWhy")}</Link>
      </p>
    </div>
  );
}

export function RemovedPost({ post, kind }: { post: PostView; kind: "reply" | "followUp" }) {
  const { t, date, locale } = useT();
  return (
    <p className="post__body muted">
      {t(kind === "reply" ? "reply.removed" : "followUp.removed", { date: post.removedAt ? date(post.removedAt) : "—" })}
      {post.removalReason ? ` ${t("review.removedReason", { reason: reasonLabel(post.removalReason, locale) })}` : null}
    </p>
  );
}
