import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { CompanyView } from "~/models/companies.server";

/** Name, verified / claimed state, categories, website and description of a company. */
export function CompanyHeader({ company, subtitle }: { company: CompanyView; subtitle?: React.ReactNode }) {
  const { t, locale } = useT();
  const description = locale === "fr" ? (company.descriptionFr ?? company.descriptionEn) : (company.descriptionEn ?? company.descriptionFr);
  return (
    <header className="company-head">
      <div className="company-head__title">
        <h1 style={{ margin: 0 }}>{subtitle ? <Link to={`/companies/${company.slug}`}>{company.name}</Link> : company.name}</h1>
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
      {subtitle}
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
      <p style={{ margin: 0 }}>
        {company.website ? (
          <a href={company.website} rel="nofollow noopener" className="muted">
            {t("company.website")} : {company.domain ?? company.website}
          </a>
        ) : null}{" "}
        <Link to={`/write-a-review?company=${company.slug}`} className="button button--small">
          {t("company.writeReview")}
        </Link>
      </p>
    </header>
  );
}
