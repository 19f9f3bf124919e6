// /invite/:token/opt-out: the link at the foot of every review invitation. A page, then a
// button (a POST, so that a mail client fetching links opts nobody out): no more
// invitations to this address from this company, or from every company on Réplique
// (app/models/review-invitations.server.ts keeps only the address's hash).
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { readForm } from "~/lib/http.server";
import { openInvitation, optOutOfInvitations, type OptOutScope } from "~/models/review-invitations.server";
import writeStyles from "~/styles/write.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "invite.optOut.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = openInvitation(params.token ?? "");
  const found = invitation?.hasAddress ? { company: invitation.company.name } : null;
  return data({ found }, { status: found ? 200 : 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = (await readForm(request)).get("scope");
  if (scope !== "company" && scope !== "all") return data({ done: null, error: true }, { status: 400 });
  const outcome = optOutOfInvitations({ token: params.token ?? "", scope });
  if (!outcome.ok) return data({ done: null, error: true }, { status: 404 });
  return data({ done: scope as OptOutScope, error: false });
}

export default function OptOutPage() {
  const { found } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  if (!found) {
    return (
      <div className="page page--narrow write-page">
        <h1>{t("invite.optOut.title")}</h1>
        <p>{t("invite.notFound")}</p>
      </div>
    );
  }
  if (answer?.done) {
    return (
      <div className="page page--narrow write-page">
        <h1>{t("invite.optOut.title")}</h1>
        <p role="status" className="notice">
          {answer.done === "all" ? t("invite.optOut.doneAll") : t("invite.optOut.doneCompany", { company: found.company })}
        </p>
        <p>
          <Link to="/">{t("invite.optOut.home")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow write-page">
      <h1>{t("invite.optOut.title")}</h1>
      <p>{t("invite.optOut.intro", { company: found.company })}</p>
      <Form method="post" className="stack">
        <button type="submit" name="scope" value="all">
          {t("invite.optOut.all")}
        </button>
        <button type="submit" name="scope" value="company" className="button--secondary">
          {t("invite.optOut.company", { company: found.company })}
        </button>
      </Form>
      <p className="muted">{t("invite.optOut.privacy")}</p>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
