import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { isDevMailEnabled, linksIn, listOutbox } from "~/models/mail.server";
import authStyles from "~/styles/auth.css?url";
import { notFound } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "devMail.title");

// The development outbox: absent (404) in production.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!isDevMailEnabled()) throw notFound();
  const to = new URL(request.url).searchParams.get("to")?.trim() || undefined;
  const mails = listOutbox({ to, limit: 50 }).map((m) => ({
    id: m.id,
    to: m.to,
    subject: m.subject,
    template: m.template,
    text: m.text,
    links: linksIn(m.text),
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  }));
  return { mails, to: to ?? "" };
}

export default function DevMailPage() {
  const { mails, to } = useLoaderData<typeof loader>();
  const { t, date } = useT();
  return (
    <div className="page dev-mail">
      <h1>{t("devMail.title")}</h1>
      <p className="muted">{t("devMail.intro")}</p>
      <Form method="get" className="dev-mail__filter">
        <label htmlFor="dev-mail-to">{t("devMail.filter")}</label>
        <input id="dev-mail-to" type="email" name="to" defaultValue={to} />
        <button type="submit" className="button--small">
          {t("devMail.filterSubmit")}
        </button>
      </Form>
      {mails.length === 0 ? <p>{t("devMail.empty")}</p> : null}
      <ol className="dev-mail__list">
        {mails.map((mail) => (
          <li key={mail.id} className="card dev-mail__item" data-mail-id={mail.id} data-to={mail.to}>
            <h2 className="dev-mail__subject">{mail.subject}</h2>
            <dl className="dev-mail__facts">
              <dt>{t("devMail.to")}</dt>
              <dd>{mail.to}</dd>
              <dt>{t("devMail.template")}</dt>
              <dd>{mail.template}</dd>
              <dt>{t("devMail.created")}</dt>
              <dd>{new Date(mail.createdAt).toISOString()}</dd>
              <dt>{t("devMail.sent")}</dt>
              <dd>{mail.sentAt ? date(mail.sentAt, "medium") : t("devMail.notSent")}</dd>
            </dl>
            {mail.links.length > 0 ? (
              <>
                <h3>{t("devMail.links")}</h3>
                <ul className="dev-mail__links">
                  {mail.links.map((href, i) => (
                    <li key={i}>
                      <a href={href}>{href}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <pre className="dev-mail__text">{mail.text}</pre>
            <p>
              <a href={`/dev/mail/${mail.id}`}>{t("devMail.html")}</a>
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
