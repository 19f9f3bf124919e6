import type { Locale } from "~/i18n";

type Described = { descriptionFr: string | null; descriptionEn: string | null };

/** The description a company's page shows in `locale`: the one in that language, else the other. */
export function shownDescription(company: Described, locale: Locale): string | null {
  return locale === "fr" ? (company.descriptionFr ?? company.descriptionEn) : (company.descriptionEn ?? company.descriptionFr);
}

/** The company as its page needs it in `locale`: only the description it shows. */
export function withShownDescription<Company extends Described>(company: Company, locale: Locale): Company {
  const shown = shownDescription(company, locale);
  return { ...company, descriptionFr: locale === "fr" ? shown : null, descriptionEn: locale === "en" ? shown : null };
}

/** How many subjects the company page's sidebar lists before "see all". */
export const SIDEBAR_SUBJECTS = 10;

/** The company page at `location` listing every subject (`all`) or the most reviewed, its
 *  other filters kept, scrolled to `anchor`. */
export function subjectsLink(location: { pathname: string; search: string }, all: boolean, anchor: string): string {
  const params = new URLSearchParams(location.search);
  if (all) params.set("subjects", "all");
  else params.delete("subjects");
  const search = params.toString();
  return `${location.pathname}${search ? `?${search}` : ""}#${anchor}`;
}

type PageCompany = { id: number; slug: string; name: string; state: string; color: string | null };

/** What a company's (or subject's) page needs of its reviews, sent once: not their company
 *  (the page's own, twenty times) nor `underReview` (`underReviewSince` says it). The page
 *  puts both back with `shownOnCompanyPage`. */
export function sentToCompanyPage<Review extends { company: unknown; underReview: boolean }>(
  reviews: Review[],
): Omit<Review, "company" | "underReview">[] {
  return reviews.map(({ company: _company, underReview: _underReview, ...review }) => review);
}

export function shownOnCompanyPage<Review extends { underReviewSince: number | null }>(reviews: Review[], company: PageCompany) {
  const shown = { id: company.id, slug: company.slug, name: company.name, verified: company.state === "verified", color: company.color };
  return reviews.map((review) => ({ ...review, underReview: review.underReviewSince != null, company: shown }));
}
