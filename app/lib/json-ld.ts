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
 *  date and the permalink (`@id`), where the whole text of the review and of its reply is. The
 *  texts are already in the page's HTML; a third copy would only weigh on every answer. */
function reviewsJsonLd(reviews: ReviewView[], origin: string) {
  return reviews
    .filter((r) => r.status === "published")
    .slice(0, 10)
    .map((review) => {
      const { reviewBody: _body, comment, ...named } = reviewJsonLd(review);
      const permalink = `${origin}/reviews/${review.id}`;
      return {
        "@id": permalink,
        url: permalink,
        ...named,
        ...(comment ? { comment: { "@type": comment["@type"], author: comment.author, dateCreated: comment.dateCreated } } : {}),
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

export function reviewJsonLd(review: ReviewView) {
  return {
    "@type": "Review",
    name: review.title,
    author: { "@type": "Person", name: review.author?.displayName ?? "—" },
    datePublished: review.publishedAt ? new Date(review.publishedAt).toISOString().slice(0, 10) : undefined,
    inLanguage: review.language,
    reviewRating: { "@type": "Rating", ratingValue: review.stars, bestRating: 5, worstRating: 1 },
    reviewBody: stripTags(review.bodyHtml),
    ...(review.reply && review.reply.status === "published"
      ? {
          comment: {
            "@type": "Comment",
            author: { "@type": "Organization", name: review.company.name },
            dateCreated: new Date(review.reply.publishedAt).toISOString().slice(0, 10),
            text: stripTags(review.reply.bodyHtml),
          },
        }
      : {}),
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
