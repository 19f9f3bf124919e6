// On-site notifications: newest first, unread marked; open one (marks it read) or mark all read.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { safeRedirect } from "~/lib/safe-redirect";
import { listNotifications, markNotificationsRead, NOTIFICATIONS_PAGE_SIZE } from "~/models/notifications.server";
import { requireUser } from "~/models/permissions.server";
import writeStyles from "~/styles/write.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const before = Number(new URL(request.url).searchParams.get("before")) || null;
  const items = listNotifications(user.id, getLocale(request), before);
  const next = items.length === NOTIFICATIONS_PAGE_SIZE ? items.at(-1)!.id : null;
  return { items, next };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const form = await readForm(request);
  if (form.get("intent") === "open") {
    const id = Number(form.get("id"));
    if (Number.isSafeInteger(id) && id > 0) markNotificationsRead(user.id, [id]);
    return redirect(safeRedirect(form.get("to"), "/notifications"));
  }
  markNotificationsRead(user.id, "all");
  return redirectWithFlash(request, "/notifications", "flash.notificationsRead");
}

export default function NotificationsPage() {
  const { items, next } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const unread = items.some((n) => !n.read);
  return (
    <div className="page page--narrow write-page">
      <h1>{t("notifications.title")}</h1>
      {unread ? (
        <Form method="post">
          <button type="submit" name="intent" value="all" className="button button--ghost">
            {t("notifications.markAll")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? <p className="muted">{t("notifications.empty")}</p> : null}
      <ul className="notifications">
        {items.map((n) => (
          <li key={n.id} className={n.read ? "notification" : "notification notification--unread"}>
            <p className="notification__title">
              {!n.read ? <span className="badge badge--verified">{t("notifications.unread")}</span> : null} <strong>{n.title}</strong>
            </p>
            {n.body ? <p>{n.body}</p> : null}
            <p className="muted small-link">
              <time dateTime={new Date(n.createdAt).toISOString()}>{date(n.createdAt, "medium")}</time>
            </p>
            {n.link ? (
              <Form method="post">
                <input type="hidden" name="intent" value="open" />
                <input type="hidden" name="id" value={n.id} />
                <input type="hidden" name="to" value={n.link} />
                <button type="submit" className="button button--small">
                  {t("notifications.open")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {next ? (
        <p>
          <Link to={`/notifications?before=${next}`}>{t("notifications.more")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
