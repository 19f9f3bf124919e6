import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/react";

/** The one error page: localized, with a status-specific message and no stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "404" : status === 403 ? "403" : "500";
  return (
    <div className="page page--narrow error-page">
      <title>{`${t(`error.${kind}.title`)} — ${t("site.name")}`}</title>
      <p className="error-page__status">{status}</p>
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        <Link to="/">{t("error.back")}</Link>
      </p>
    </div>
  );
}
