import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** Keyset pagination: "older" follows the cursor; "first page" drops it. */
export function Pagination({
  nextCursor,
  param = "before",
  nextLabel,
  firstLabel,
}: {
  nextCursor: string | null;
  param?: string;
  /** The links' words, for lists that are not reviews newest first. */
  nextLabel?: string;
  firstLabel?: string;
}) {
  const { t } = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const onFirstPage = !params.has(param);
  const next = new URLSearchParams(params);
  if (nextCursor) next.set(param, nextCursor);
  const first = new URLSearchParams(params);
  first.delete(param);
  if (!nextCursor && onFirstPage) return null;
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {onFirstPage ? <span /> : <Link to={`${location.pathname}?${first.toString()}`}>← {firstLabel ?? t("pagination.first")}</Link>}
      {nextCursor ? (
        <Link to={`${location.pathname}?${next.toString()}`} rel="next">
          {nextLabel ?? t("pagination.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
