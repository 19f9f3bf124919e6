import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";
import type { CompanyListItem } from "~/models/companies.server";
import { Stars } from "./Stars";

export function CompanyTile({ company }: { company: CompanyListItem }) {
  const { t, tp, n } = useT();
  return (
    <div className="card company-tile">
      <Link to={`/companies/${company.slug}`}>{company.name}</Link>
      {company.domain ? <span className="muted">{company.domain}</span> : null}
      <span>
        {company.trustScore != null ? (
          <>
            <Stars value={company.trustScore} /> <strong>{n(company.trustScore, { minimumFractionDigits: 1 })}</strong>
            {" · "}
          </>
        ) : null}
        <span className="muted">{tp("score.reviewCount", company.reviewCount)}</span>
      </span>
      {company.state === "verified" ? (
        <span className="badge badge--verified" style={{ justifySelf: "start" }}>
          ✓ {t("company.verified")}
        </span>
      ) : null}
    </div>
  );
}
