// The company a reviewer adds (/write-a-review/new), inside the review form: its fields are
// the review form's (useReviewFormFields), so that one post sends both, errors show next to
// each field and what was typed comes back with them.
import { Link } from "@remix-run/react";
import { Field } from "~/components/Field";
import { useReviewFormFields } from "~/components/ReviewForm";
import { useT } from "~/i18n/react";
import { SubjectKindOptions, CategoryOptions } from "~/components/ChoiceOptions";
import { ADD_COMPANY_SUBJECT_MAX_LENGTH, ADD_COMPANY_WEBSITE_MAX_LENGTH } from "~/lib/add-company-form";
import { COMPANY_NAME_MAX_LENGTH } from "~/lib/company-claim-form";

/** A company already there, as the action answers it (app/models/company-suggestions.server.ts). */
export interface ExistingCompanyView {
  slug: string;
  name: string;
  listing: "listed" | "pending" | "refused";
  createdAt: number;
  match: "domain" | "name_city";
  ownReviewId: number | null;
}

export interface CategoryOption {
  id: number;
  nameFr: string;
  nameEn: string;
}

/** Where the reviewer goes instead: their own waiting review, the listed company's review
 *  page, or the page of the company that waits for its check. */
function ExistingCompanyLink({ existing }: { existing: ExistingCompanyView }) {
  const { t, date } = useT();
  const vars = { company: existing.name, date: date(existing.createdAt) };
  if (existing.ownReviewId != null) return <Link to={`/reviews/${existing.ownReviewId}`}>{t("addCompany.existing.own", vars)}</Link>;
  if (existing.listing === "listed")
    return <Link to={`/write-a-review?company=${existing.slug}`}>{t("addCompany.existing.listed", vars)}</Link>;
  return <Link to={`/companies/${existing.slug}`}>{t("addCompany.existing.pending", vars)}</Link>;
}

export function AddCompanyFields({ categories, existing }: { categories: CategoryOption[]; existing?: ExistingCompanyView | null }) {
  const { t } = useT();
  const field = useReviewFormFields();
  const [companyName, website, category, kind, name, city, address] = (
    ["companyName", "website", "category", "kind", "name", "city", "address"] as const
  ).map(field);
  const existingLink = existing ? (
    <p className="field__error">
      <ExistingCompanyLink existing={existing} />
    </p>
  ) : null;
  return (
    <fieldset className="suggestion">
      <legend>{t("addCompany.legend")}</legend>
      <Field
        key={companyName!.key}
        id={companyName!.id}
        name="companyName"
        label={t("addCompany.companyName")}
        hint={t("addCompany.companyNameHint")}
        defaultValue={companyName!.value}
        error={companyName!.error}
        maxLength={COMPANY_NAME_MAX_LENGTH}
        autoComplete="organization"
        required
      />
      {existing?.match === "name_city" ? existingLink : null}
      <Field
        key={kind!.key}
        as="select"
        id={kind!.id}
        name="kind"
        label={t("addCompany.kind")}
        defaultValue={kind!.value ?? ""}
        error={kind!.error}
        required
      >
        <SubjectKindOptions />
      </Field>
      <Field
        key={website!.key}
        id={website!.id}
        name="website"
        label={t("addCompany.website")}
        hint={t("addCompany.websiteHint")}
        defaultValue={website!.value}
        error={website!.error}
        maxLength={ADD_COMPANY_WEBSITE_MAX_LENGTH}
        autoComplete="url"
        spellCheck={false}
      />
      {existing?.match === "domain" ? existingLink : null}
      <Field
        key={category!.key}
        as="select"
        id={category!.id}
        name="category"
        label={t("addCompany.category")}
        defaultValue={category!.value ?? ""}
        error={category!.error}
        required
      >
        <CategoryOptions categories={categories} />
      </Field>
      <Field
        key={city!.key}
        id={city!.id}
        name="city"
        label={t("addCompany.city")}
        hint={t("addCompany.cityHint")}
        defaultValue={city!.value}
        error={city!.error}
        maxLength={80}
        autoComplete="address-level2"
      />
      <Field
        key={address!.key}
        id={address!.id}
        name="address"
        label={t("addCompany.address")}
        defaultValue={address!.value}
        error={address!.error}
        maxLength={200}
        autoComplete="street-address"
      />
      <Field
        key={name!.key}
        id={name!.id}
        name="name"
        label={t("addCompany.name")}
        hint={t("addCompany.nameHint")}
        defaultValue={name!.value}
        error={name!.error}
        maxLength={ADD_COMPANY_SUBJECT_MAX_LENGTH}
      />
    </fieldset>
  );
}
