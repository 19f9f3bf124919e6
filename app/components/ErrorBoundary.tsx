import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useContext } from "react";
// The router state Remix's own <Meta> reads the errors from (Remix exports no hook for it).
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { useT, type T } from "~/i18n/react";

type ErrorKind = "404" | "403" | "500";

function errorKind(error: unknown): { status: number; kind: ErrorKind } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return { status, kind: status === 404 ? "404" : status === 403 ? "403" : "500" };
}

function errorTitle(t: T["t"], kind: ErrorKind) {
  return `${t(`error.${kind}.title`)} — ${t("site.name")}`;
}

/** The <title> of an error page, or null when no route failed. React 18 does not hoist a
 *  <title> rendered in the body, so the root Layout puts this one in <head> in place of
 *  the routes' meta (whose loaders did not run). */
export function useErrorPageTitle(): string | null {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const { t } = useT();
  const errors = state?.errors ? Object.values(state.errors) : [];
  return errors.length > 0 ? errorTitle(t, errorKind(errors[0]).kind) : null;
}

/** The one error page: localized, with a status-specific message and no stack trace.
 *  Its title is in <head> (useErrorPageTitle, app/root.tsx). */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  const { status, kind } = errorKind(error);
  return (
    <div className="page page--narrow error-page">
      <p className="error-page__status">{status}</p>
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{t(`error.${kind}.body`)}</p>
      <p>
        <Link to="/">{t("error.back")}</Link>
      </p>
    </div>
  );
}
