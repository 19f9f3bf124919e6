import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { shownDescription } from "~/lib/company-page";
import type { CompanyView } from "~/models/companies.server";

/** Since when the company is verified or claimed, and, until someone proved they speak for
 *  it, the way to claim it. */
function CompanyStatus({ company }: { company: Pick<CompanyView, "slug" | "state" | "claimedAt" | "verifiedAt"> }) {
  const { t, date } = useT();
  const since =
    company.state === "verified" && company.verifiedAt != null
      ? t("companies.status.verifiedSince", { date: date(company.verifiedAt) })
      : company.state === "claimed" && company.claimedAt != null
        ? t("companies.status.claimedSince", { date: date(company.claimedAt) })
        : null;
  const claimable = company.state !== "verified";
  if (!since && !claimable) return null;
  return (
    <p className="company-status muted">
      {since ? <span className="company-status__since">{since}</span> : null}
      {claimable ? (
        <Link to={`/companies/${company.slug}/claim`} className="small-link">
          {t("companies.claim.cta")}
        </Link>
      ) : null}
    </p>
  );
}

/** Name, verified / claimed state, categories, website and description of a company. */
export function CompanyHeader({ company }: { company: CompanyView }) {
  const { t, locale, date } = useT();
  const description = shownDescription(company, locale);
  return (
    <header className="company-head">
      <div className="company-head__title">
        <h1 style={{ margin: 0 }}>{company.name}</h1>
        {company.state === "verified" ? (
          <Link to="/transparency#verified-companies" className="badge badge--verified">
            ✓ {t("company.verified")}
          </Link>
        ) : company.state === "claimed" ? (
          <span className="badge">{t("company.claimed")}</span>
        ) : (
          <span className="muted" style={{ fontSize: "0.9rem" }}>
            {t("company.unclaimed")}
          </span>
        )}
      </div>
      <CompanyStatus company={company} />
      {company.listing === "pending" ? (
        <p className="notice notice--warn" role="note">
          {t("company.pendingCheck", { date: date(company.createdAt ?? 0) })}
        </p>
      ) : null}
      {company.categories.length > 0 ? (
        <ul className="chips">
          {company.categories.map((c) => (
            <li key={c.slug}>
              <Link className="chip" to={`/categories/${c.slug}`}>
                {locale === "fr" ? c.nameFr : c.nameEn}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {description ? <p style={{ maxWidth: "var(--measure)", margin: 0 }}>{description}</p> : null}
      <p className="company-head__actions">
        {company.website ? (
          <a href={company.website} rel="nofollow noopener" className="muted">
            {t("company.website")} : {company.domain ?? company.website}
          </a>
        ) : null}
        {/* Not yet checked: reviewed through the subject its reviewer added, once it is listed. */}
        {company.listing === "pending" ? null : (
          <Link to={`/write-a-review?company=${company.slug}`} className="button button--small">
            {t("company.writeReview")}
          </Link>
        )}
      </p>
    </header>
  );
}
