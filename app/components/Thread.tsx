import type { ReviewView } from "~/models/reviews.server";
import { FollowUpCard, ReplyCard } from "./ReplyCard";
import { ReviewCard, type Truncation } from "./ReviewCard";

/** A review with its whole conversation, wherever a review is shown. The review's title is
 *  the article's heading; the reply and the follow-up are its labelled sections. */
export function Thread({
  review,
  truncation = "clamped",
  headingLevel,
  showCompany,
}: {
  review: ReviewView;
  truncation?: Truncation;
  headingLevel?: 2 | 3;
  showCompany?: boolean;
}) {
  return (
    <article className="thread" id={`review-${review.id}`}>
      <ReviewCard review={review} truncation={truncation} headingLevel={headingLevel} showCompany={showCompany} />
      {review.reply ? <ReplyCard reply={review.reply} review={review} truncation={truncation} /> : null}
      {review.followUp ? <FollowUpCard followUp={review.followUp} review={review} truncation={truncation} /> : null}
    </article>
  );
}
