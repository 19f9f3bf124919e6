import type { CompanyView, RatingSummary, SubjectView } from "~/models/companies.server";
import type { ReviewView } from "~/models/reviews.server";

/** The AggregateRating of a page: the figure its headline shows, the TrustScore (one
 *  decimal, never rounded up; the plain mean is shown beside it on the page), over the
 *  same review count. Nothing when there is no review yet. */
export function aggregateRatingJsonLd(summary: Pick<RatingSummary, "trustScore" | "reviewCount">) {
  if (summary.reviewCount <= 0 || summary.trustScore == null) return {};
  return {
    aggregateRating: {
      "@type": "AggregateRating",
      ratingValue: summary.trustScore,
      reviewCount: summary.reviewCount,
      bestRating: 5,
      worstRating: 1,
    },
  };
}

/** The published reviews a list page shows (up to 10), named and trimmed: rating, author,
 *  date, the permalink (`@id`), and the company's reply as a Comment without its text. The
 *  texts are in the page's HTML, and whole on each permalink's own JSON-LD. */
function reviewsJsonLd(reviews: ReviewView[], origin: string) {
  return reviews
    .filter((r) => r.status === "published")
    .slice(0, 10)
    .map((review) => {
      const permalink = `${origin}/reviews/${review.id}`;
      const reply = publishedReply(review);
      return {
        "@id": permalink,
        url: permalink,
        ...namedReview(review),
        ...(reply ? { comment: { "@type": "Comment", ...replyCredit(review, reply) } } : {}),
      };
    });
}

/** schema.org Organization with its AggregateRating and the reviews shown on the page. */
export function companyJsonLd(company: CompanyView, summary: RatingSummary, reviews: ReviewView[], url: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": url,
    name: company.name,
    url: company.website ?? url,
    ...aggregateRatingJsonLd(summary),
    review: reviewsJsonLd(reviews, new URL(url).origin),
  };
}

const SUBJECT_TYPES = { store: "LocalBusiness", product: "Product", website: "WebSite", service: "Service" } as const;

/** A subject (store, product, website, service) with its AggregateRating and its reviews. */
export function subjectJsonLd(subject: SubjectView, summary: RatingSummary, reviews: ReviewView[], url: string) {
  return {
    "@context": "https://schema.org",
    "@type": SUBJECT_TYPES[subject.kind],
    "@id": url,
    name: subject.name,
    ...(subject.kind === "store" && subject.address
      ? {
          address: {
            "@type": "PostalAddress",
            streetAddress: subject.address,
            postalCode: subject.postalCode,
            addressLocality: subject.city,
          },
        }
      : {}),
    ...(subject.url ? { url: subject.url } : {}),
    ...aggregateRatingJsonLd(summary),
    review: reviewsJsonLd(reviews, new URL(url).origin),
  };
}

/** A review with its whole text, and its reply's (the permalink). */
export function reviewJsonLd(review: ReviewView) {
  const reply = publishedReply(review);
  return {
    ...namedReview(review),
    reviewBody: stripTags(review.bodyHtml),
    ...(reply ? { comment: { "@type": "Comment", ...replyCredit(review, reply), text: stripTags(reply.bodyHtml) } } : {}),
  };
}

/** What names a review: its title, author, date, language and rating. */
function namedReview(review: ReviewView) {
  return {
    "@type": "Review",
    name: review.title,
    author: { "@type": "Person", name: review.author?.displayName ?? "—" },
    datePublished: review.publishedAt ? new Date(review.publishedAt).toISOString().slice(0, 10) : undefined,
    inLanguage: review.language,
    reviewRating: { "@type": "Rating", ratingValue: review.stars, bestRating: 5, worstRating: 1 },
  };
}

function publishedReply(review: ReviewView) {
  return review.reply && review.reply.status === "published" ? review.reply : null;
}

/** Who replied, and when. */
function replyCredit(review: ReviewView, reply: NonNullable<ReviewView["reply"]>) {
  return {
    author: { "@type": "Organization", name: review.company.name },
    dateCreated: new Date(reply.publishedAt).toISOString().slice(0, 10),
  };
}

function stripTags(html: string) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
