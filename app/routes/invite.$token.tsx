// /invite/:token: where a review invitation leads (a mailed one, or the company's link to
// share; app/models/review-invitations.server.ts). It says who asks, how the review will be
// published and what the company can and cannot do, then leads to the review form of the
// subject the invitation is about, or lets the invited person choose one. A used, expired
// or withdrawn invitation says so and still lets them write on their own (labelled organic).
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { openInvitation } from "~/models/review-invitations.server";
import writeStyles from "~/styles/write.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

// The token is in the address: never stored by a cache, never sent on as a referrer.
export const headers = () => ({ "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "invite.titleGeneric");

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = openInvitation(token);
  return data({ invitation, token }, { status: invitation ? 200 : 404 });
}

export default function ReviewInvitationPage() {
  const { invitation, token } = useLoaderData<typeof loader>();
  const { t } = useT();
  if (!invitation) {
    return (
      <div className="page page--narrow write-page">
        <h1>{t("invite.titleGeneric")}</h1>
        <p>{t("invite.notFound")}</p>
        <p>
          <Link to="/write-a-review">{t("invite.writeAnyway")}</Link>
        </p>
      </div>
    );
  }
  const { company, subject, subjects, state } = invitation;
  const writeTo = (subjectId: number) => `/write-a-review/${subjectId}?${new URLSearchParams({ invitation: token })}`;
  return (
    <div className="page page--narrow write-page">
      <h1>
        {subject ? t("invite.title", { company: company.name, about: subject.name }) : t("invite.titleCompany", { company: company.name })}
      </h1>
      <p>{t("invite.who", { company: company.name, domain: company.domain ?? "—" })}</p>
      <ul>
        <li>{t("invite.rule.published", { company: company.name })}</li>
        <li>{t("invite.rule.label")}</li>
        <li>{t("invite.rule.company", { company: company.name })}</li>
      </ul>
      <p>
        <Link to="/transparency#invitations">{t("invite.rules")}</Link>
      </p>
      {state !== "open" ? (
        <>
          <p className="notice notice--warn">{t(`invite.state.${state}`)}</p>
          <p>
            <Link to={`/write-a-review?company=${company.slug}`}>{t("invite.writeAnyway")}</Link>
          </p>
        </>
      ) : subject ? (
        <p>
          <Link className="button" to={writeTo(subject.id)}>
            {t("invite.write")}
          </Link>
        </p>
      ) : subjects.length === 0 ? (
        <p className="muted">{t("invite.noSubject", { company: company.name })}</p>
      ) : (
        <section aria-labelledby="invite-choose">
          <h2 id="invite-choose">{t("invite.choose")}</h2>
          <ul>
            {subjects.map((s) => (
              <li key={s.id}>
                <Link to={writeTo(s.id)}>
                  {s.name} <span className="muted">({t(`subjectKind.${s.kind}` as MessageKey)})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {invitation.hasAddress ? (
        <p className="muted">
          <Link to={`/invite/${token}/opt-out`}>{t("invite.optOutLink")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
