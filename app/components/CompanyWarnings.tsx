// What moderation says about a company on its page: the public warnings shown now (above
// the reviews) and the reviews removed in the last 12 months, by reason.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { reasonLabel } from "~/lib/moderation-reasons";
import type { PublicWarning } from "~/lib/warning-form";

export type { PublicWarning };

export function CompanyWarnings({ warnings }: { warnings: readonly PublicWarning[] }) {
  const { t, date, locale } = useT();
  if (warnings.length === 0) return null;
  return (
    <section className="section company-warnings" aria-label={t("warning.banner.label")}>
      {warnings.map((w) => (
        <div key={w.id} className="card company-warning" role="note" aria-labelledby={`warning-${w.id}-title`}>
          <h2 id={`warning-${w.id}-title`}>{t("warning.banner.title", { reason: reasonLabel(w.reason, locale) })}</h2>
          <p lang={w.language}>{w.statement}</p>
          <p className="muted">
            {t("warning.banner.dates", { since: date(w.startsAt), until: date(w.expiresAt) })}{" "}
            <Link to={`/transparency#warning-${w.reason}`}>{t("warning.banner.rule")}</Link>
          </p>
        </div>
      ))}
    </section>
  );
}

export function RemovedReviews({ removed }: { removed: readonly { reason: string; count: number }[] }) {
  const { t, tp, n, locale } = useT();
  const total = removed.reduce((s, r) => s + r.count, 0);
  return (
    <section className="card section" aria-labelledby="removed-title">
      <h2 id="removed-title">{t("removed.title")}</h2>
      {total === 0 ? (
        <p>{t("removed.none")}</p>
      ) : (
        <>
          <p>{tp("removed.total", total)}</p>
          <dl className="scorecard" data-testid="removed-by-reason">
            {removed.map((r) => (
              <div key={r.reason}>
                <dt>
                  <Link to={`/transparency#reason-${r.reason}`}>{reasonLabel(r.reason, locale)}</Link>
                </dt>
                <dd>{n(r.count)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p className="muted">
        <Link to="/transparency#removals">{t("removed.rules")}</Link>
      </p>
    </section>
  );
}
