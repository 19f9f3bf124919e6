// The first line of a /brand/:slug page: back to the company's inbox.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function BrandInboxLink({ company }: { company: { slug: string; name: string } }) {
  const { t } = useT();
  return (
    <p>
      <Link to={`/brand/${company.slug}`}>← {t("brand.inbox.title", { company: company.name })}</Link>
    </p>
  );
}
