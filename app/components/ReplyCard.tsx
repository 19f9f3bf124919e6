import { Link } from "@remix-run/react";
import type { CSSProperties } from "react";
import { useT } from "~/i18n/react";
import { Day } from "./Day";
import type { PostView, ReviewView } from "~/models/reviews.server";
import { PostBody, RemovedPost, reviewRef, UnderReview, type Truncation } from "./ReviewCard";
import { postHtmlKey } from "~/lib/document-html";

/**
 * The company's reply. It mirrors ReviewCard: same block, same width, same body font
 * and truncation; the company's name and verified badge are as visible as the
 * reviewer's name. Only a label and the accent border tell them apart.
 */
export function ReplyCard({
  reply,
  review,
  truncation = "clamped",
}: {
  reply: PostView;
  /** The review it answers (its company, and its title and date for the label). */
  review: Pick<ReviewView, "id" | "company" | "title" | "status" | "publishedAt">;
  truncation?: Truncation;
}) {
  const tt = useT();
  const { t } = tt;
  const company = review.company;
  const style = company.color ? ({ "--company-color": company.color } as CSSProperties) : undefined;
  return (
    <section className="post post--reply" style={style} aria-label={t("reply.labelFor", { name: company.name, ...reviewRef(tt, review) })}>
      <header className="post__header">
        <Link to={`/companies/${company.slug}`} className="post__author">
          {company.name}
        </Link>
        <span className="post__role">{t("reply.role")}</span>
        {company.verified ? (
          <Link to="/transparency#verified-companies" className="badge badge--verified">
            ✓ {t("company.verified")}
          </Link>
        ) : null}
        <UnderReview since={reply.underReviewSince} />
      </header>
      <ul className="post__facts">
        <li>
          {t("reply.published")} <Day at={reply.publishedAt} />
        </li>
        {reply.editedAt ? (
          <li>
            {t("review.edited")} <Day at={reply.editedAt} /> (
            <Link to={`/reviews/${review.id}/history#history-reply`}>{t("review.editedLink")}</Link>)
          </li>
        ) : null}
      </ul>
      {reply.status === "removed" ? (
        <RemovedPost post={reply} kind="reply" />
      ) : (
        <PostBody html={reply.bodyHtml} truncation={truncation} htmlKey={postHtmlKey("reply", reply.id)} />
      )}
    </section>
  );
}

/** The reviewer's one follow-up after the company's reply. */
export function FollowUpCard({
  followUp,
  review,
  truncation = "clamped",
}: {
  followUp: PostView;
  review: ReviewView;
  truncation?: Truncation;
}) {
  const tt = useT();
  const { t } = tt;
  const author = review.author?.displayName ?? t("review.anonymous");
  return (
    <section className="post post--followup" aria-label={t("followUp.labelFor", { name: author, ...reviewRef(tt, review) })}>
      <header className="post__header">
        <span className="post__author">{author}</span>
        <span className="post__role">{t("followUp.label")}</span>
        <span className="muted">
          <Day at={followUp.publishedAt} />
        </span>
      </header>
      {followUp.status === "removed" ? (
        <RemovedPost post={followUp} kind="followUp" />
      ) : (
        <PostBody html={followUp.bodyHtml} truncation={truncation} lang={review.language} htmlKey={postHtmlKey("follow-up", followUp.id)} />
      )}
    </section>
  );
}
