import type { ReviewView } from "~/models/reviews.server";
import { FollowUpCard, ReplyCard } from "./ReplyCard";
import { ReviewCard, type Truncation } from "./ReviewCard";

/** A review with its whole conversation, wherever a review is shown. */
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
      {review.reply ? <ReplyCard reply={review.reply} company={review.company} truncation={truncation} /> : null}
      {review.followUp ? <FollowUpCard followUp={review.followUp} review={review} truncation={truncation} /> : null}
    </article>
  );
}
