// /brand/invitations/:token: the page an invitation's mail links to (app/models/company-members.server.ts).
// It says who invites whom to which company; a visitor signs in or creates an account with
// the invited address (the links come back here), then accepts with one button — a plain
// POST that works without JavaScript. Accepted, expired, withdrawn or unknown links say so.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import type { RefusalAnswer } from "~/lib/refusal-answer";
import { acceptInvitation, getInvitation, type AcceptResult } from "~/models/company-members.server";
import { getUser, requireUser } from "~/models/permissions.server";
import brandStyles from "~/styles/brand.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: brandStyles }];

// The token is in the address: never stored by a cache, never sent on as a referrer.
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "invitation.titleGeneric");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = getUser(request);
  const invitation = getInvitation(params.token ?? "", user?.email ?? null);
  const back = new URL(request.url).pathname;
  return data({ invitation, signedIn: user != null, back }, { status: invitation ? 200 : 404 });
}

const REFUSAL: Record<Exclude<AcceptResult, { ok: true }>["kind"], RefusalAnswer> = {
  not_found: { key: "invitation.notFound", status: 404 },
  used: { key: "invitation.used", status: 409 },
  expired: { key: "invitation.expired", status: 410 },
  withdrawn: { key: "invitation.withdrawn", status: 410 },
  other_address: { key: "invitation.error.other_address", status: 403 },
  already_member: { key: "invitation.error.already_member", status: 409 },
  suspended: { key: "invitation.error.suspended", status: 403 },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const outcome = acceptInvitation({ token: params.token ?? "", userId: user.id });
  if (outcome.ok) {
    return redirectWithFlash(request, `/brand/${outcome.companySlug}`, "flash.invitationAccepted");
  }
  const refusal = REFUSAL[outcome.kind];
  return data({ error: refusal.key }, { status: refusal.status });
}

export default function InvitationPage() {
  const { invitation, signedIn, back } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date } = useT();
  if (!invitation) {
    return (
      <div className="page page--narrow brand-page">
        <h1>{t("invitation.titleGeneric")}</h1>
        <p>{t("invitation.notFound")}</p>
      </div>
    );
  }
  const vars = {
    company: invitation.company.name,
    inviter: invitation.invitedBy ?? "—",
    email: invitation.email,
    date: date(invitation.expiresAt),
  };
  const redirectTo = new URLSearchParams({ redirectTo: back });
  return (
    <div className="page page--narrow brand-page">
      <h1>{t("invitation.title", vars)}</h1>
      {invitation.state === "open" ? (
        <>
          <p>{t("invitation.body", vars)}</p>
          <p>{t("invitation.address", vars)}</p>
          {answer?.error ? <FormError id="invitation-error">{t(answer.error, vars)}</FormError> : null}
          {signedIn ? (
            <Form method="post">
              <button type="submit">{t("invitation.accept", vars)}</button>
            </Form>
          ) : (
            <p className="brand-invitation__links">
              <Link className="button" to={`/login?${redirectTo}`}>
                {t("invitation.login", vars)}
              </Link>{" "}
              <Link to={`/signup?${redirectTo}`}>{t("invitation.signup")}</Link>
            </p>
          )}
        </>
      ) : (
        <p>
          {t(
            invitation.state === "used"
              ? "invitation.used"
              : invitation.state === "expired"
                ? "invitation.expired"
                : "invitation.withdrawn",
            vars,
          )}
        </p>
      )}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
