import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { ReviewView } from "~/models/reviews.server";

/** The review's origin label, linked to what it means on /transparency. */
export function OriginLabel({ origin }: { origin: ReviewView["origin"] }) {
  const { t } = useT();
  return (
    <Link
      to={`/transparency#label-${origin}`}
      className={origin === "verified" ? "badge badge--verified" : "badge"}
      title={t(`origin.${origin}.hint`)}
    >
      {t(`origin.${origin}`)}
    </Link>
  );
}
