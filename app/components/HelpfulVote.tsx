// The helpful vote on a review's card in a list (a permalink has it in ReviewActions). The
// list's page provides who reads (HelpfulViewerProvider, from getHelpfulViewer); without a
// provider the card shows no vote. Not for the review's author nor for the reviewed
// company's members (the model refuses them too). Works without JavaScript: the form comes
// back to the page it was sent from.
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { createContext, useContext } from "react";
import { useT } from "~/i18n/react";
import type { HelpfulViewer } from "~/lib/review-viewer";
import type { ReviewView } from "~/models/reviews.server";

const HelpfulContext = createContext<HelpfulViewer | null>(null);

export const HelpfulViewerProvider = HelpfulContext.Provider;

export function HelpfulVote({ review }: { review: Pick<ReviewView, "id" | "status" | "author" | "company"> }) {
  const viewer = useContext(HelpfulContext);
  const fetcher = useFetcher();
  const location = useLocation();
  const { t } = useT();
  if (!viewer || review.status !== "published") return null;
  const back = `${location.pathname}${location.search}#review-${review.id}`;
  if (viewer.userId == null) {
    return (
      <Link to={`/login?${new URLSearchParams({ redirectTo: back })}`} className="helpful-vote">
        {t("actions.helpfulLogin")}
      </Link>
    );
  }
  if (viewer.userId === review.author?.id || viewer.companies.includes(review.company.id)) return null;
  const voted = fetcher.formData ? fetcher.formData.get("intent") !== "undo" : viewer.voted.includes(review.id);
  return (
    <fetcher.Form method="post" action={`/reviews/${review.id}/helpful`} className="helpful-vote">
      <input type="hidden" name="intent" value={voted ? "undo" : "vote"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className="button button--small button--ghost" aria-pressed={voted}>
        {voted ? t("actions.helpfulUndo") : t("actions.helpful")}
      </button>
    </fetcher.Form>
  );
}
