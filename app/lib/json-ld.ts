import type { CompanyView, RatingSummary } from "~/models/companies.server";
import type { ReviewView } from "~/models/reviews.server";

/** schema.org Organization with its AggregateRating and the reviews shown on the page. */
export function companyJsonLd(company: CompanyView, summary: RatingSummary, reviews: ReviewView[], url: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Organization",
    "@id": url,
    name: company.name,
    url: company.website ?? url,
    ...(summary.reviewCount > 0 && summary.rawMean != null
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: summary.rawMean,
            reviewCount: summary.reviewCount,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    review: reviews
      .filter((r) => r.status === "published")
      .slice(0, 10)
      .map(reviewJsonLd),
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
