// The options of selects that several forms share: the kind of a subject (store, website,
// product, service) and a company's category, each after a "choose" option; the languages.
import { SUBJECT_KINDS } from "#db/enums";
import { LOCALES, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

export function SubjectKindOptions() {
  const { t } = useT();
  return (
    <>
      <option value="">{t("reviewForm.chooseChannel")}</option>
      {SUBJECT_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`suggest.kind.${k}` as MessageKey)}
        </option>
      ))}
    </>
  );
}

export function CategoryOptions({ categories }: { categories: readonly { id: number; nameFr: string; nameEn: string }[] }) {
  const { t, locale } = useT();
  return (
    <>
      <option value="">{t("companies.new.chooseCategory")}</option>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {locale === "fr" ? c.nameFr : c.nameEn}
        </option>
      ))}
    </>
  );
}

export function LanguageOptions() {
  const { t } = useT();
  return (
    <>
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {t(`language.${l}`)}
        </option>
      ))}
    </>
  );
}
