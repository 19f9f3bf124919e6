// The moderator's area (/moderation and the pages below it): moderators and admins only.
// This layout adds the area's navigation; every route below guards its own loader and
// action too (Remix runs them in parallel, so a parent's guard protects nothing).
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { requireModerator } from "~/models/permissions.server";
import moderationStyles from "~/styles/moderation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

// Private pages: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireModerator(request);
  return { admin: user.role === "admin" };
}

export default function ModerationLayout() {
  const { admin } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="moderation">
      <nav className="moderation-nav" aria-label={t("moderation.nav.label")}>
        <NavLink to="/moderation" end>
          {t("moderation.nav.dashboard")}
        </NavLink>
        <NavLink to="/moderation/flags">{t("moderation.nav.flags")}</NavLink>
        <NavLink to="/moderation/appeals">{t("moderation.nav.appeals")}</NavLink>
        <NavLink to="/moderation/proofs">{t("queues.nav.proofs")}</NavLink>
        <NavLink to="/moderation/suggestions">{t("queues.nav.suggestions")}</NavLink>
        <NavLink to="/moderation/conduct">{t("queues.nav.conduct")}</NavLink>
        <NavLink to="/moderation/claims">{t("claims.nav")}</NavLink>
        {/* /moderation/team and /moderation/categories are the administrators' (their loaders check it too). */}
        {admin ? <NavLink to="/moderation/team">{t("team.title")}</NavLink> : null}
        {admin ? <NavLink to="/moderation/categories">{t("categories.title")}</NavLink> : null}
      </nav>
      <Outlet />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
