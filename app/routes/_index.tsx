import { useT } from "~/i18n/react";
export default function Home() {
  const { t } = useT();
  return <h1>{t("home.heading")}</h1>;
}
