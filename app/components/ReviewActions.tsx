// What the reader can do under a review: vote it helpful, report it (or its reply or
// follow-up); its author: edit, delete, add the one follow-up, mark it resolved, report an
// offer from the company. Plain forms and links: everything works without JavaScript.
import { Form, Link, useFetcher } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { ReviewViewer } from "~/lib/review-viewer";

export type ReviewActionsViewer = ReviewViewer;

export function ReviewActions({ reviewId, viewer, awaiting }: { reviewId: number; viewer: ReviewActionsViewer; awaiting: boolean }) {
  const { t } = useT();
  const helpful = useFetcher();
  const base = `/reviews/${reviewId}`;
  // While the vote is on its way, show what it will be.
  const voted = helpful.formData ? helpful.formData.get("intent") !== "undo" : viewer.voted;
  return (
    <nav className="review-actions" aria-label={t("actions.heading")}>
      <ul>
        {viewer.isAuthor ? (
          <>
            <li>
              <Link to={`${base}/edit`}>{t("actions.edit")}</Link>
            </li>
            <li>
              <Link to={`${base}/delete`}>{t("actions.delete")}</Link>
            </li>
            {viewer.canFollowUp ? (
              <li>
                <Link to={`${base}/follow-up`}>{t("actions.followUp")}</Link>
              </li>
            ) : null}
            {viewer.hasReply && !awaiting ? (
              <li>
                <Form method="post" action={`${base}/resolved`}>
                  <input type="hidden" name="resolved" value={viewer.resolved ? "0" : "1"} />
                  <button type="submit" className="button button--small button--ghost">
                    {viewer.resolved ? t("actions.unresolve") : t("actions.resolve")}
                  </button>
                </Form>
              </li>
            ) : null}
            {!awaiting ? (
              <li>
                <Link to={`${base}/incentive`}>{t("actions.incentive")}</Link>
              </li>
            ) : null}
          </>
        ) : !awaiting ? (
          <>
            <li>
              {viewer.signedIn ? (
                <helpful.Form method="post" action={`${base}/helpful`}>
                  <input type="hidden" name="intent" value={voted ? "undo" : "vote"} />
                  <button type="submit" className="button button--small button--ghost" aria-pressed={voted}>
                    {voted ? t("actions.helpfulUndo") : t("actions.helpful")}
                  </button>
                </helpful.Form>
              ) : (
                <Link to={`/login?${new URLSearchParams({ redirectTo: base })}`}>{t("actions.helpfulLogin")}</Link>
              )}
            </li>
            <li>
              <Link to={`${base}/flag`}>{t("actions.flagReview")}</Link>
            </li>
          </>
        ) : null}
        {!awaiting && viewer.hasReply ? (
          <li>
            <Link to={`${base}/flag?target=reply`}>{t("actions.flagReply")}</Link>
          </li>
        ) : null}
        {!awaiting && viewer.hasFollowUp && !viewer.isAuthor ? (
          <li>
            <Link to={`${base}/flag?target=follow_up`}>{t("actions.flagFollowUp")}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
