// /statements/publication/:id: the statement of reasons (DSA art. 17) of a decision on a
// review held at submission — published or refused by a moderator, or published
// automatically by the deadline job — for the review's author (and moderators). Anyone
// else gets a 404. The same text is mailed (app/models/held-reviews.server.ts).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { publicationStatementText } from "~/lib/held-statement";
import { notFound } from "~/lib/http.server";
import { getPublicationStatement } from "~/models/held-reviews.server";
import { requireUser } from "~/models/permissions.server";
import moderationStyles from "~/styles/moderation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "held.statement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const id = Number(params.id);
  const statement = /^\d{1,12}$/.test(params.id ?? "") && id > 0 ? getPublicationStatement(id, user) : null;
  if (!statement) throw notFound();
  return { statement };
}

export default function PublicationStatementPage() {
  const { statement } = useLoaderData<typeof loader>();
  const { t, locale, date } = useT();
  const s = publicationStatementText(locale, statement);
  return (
    <div className="page page--narrow statement-page">
      <h1>{s.subject}</h1>
      <p className="lead">{t("held.statement.page.intro", { id: String(statement.decisionId), date: date(statement.decidedAt) })}</p>
      <article className="card statement" aria-labelledby="statement-decided">
        <section aria-labelledby="statement-decided">
          <h2 id="statement-decided">{s.headings.decided}</h2>
          <p>{s.decided}</p>
          {statement.decision === "publish" ? (
            <p>
              <Link to={`/reviews/${statement.reviewId}`}>{t("held.statement.page.content")}</Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="statement-facts">
          <h2 id="statement-facts">{s.headings.facts}</h2>
          <p>{s.facts.held}</p>
          {s.facts.intro && s.facts.statement ? (
            <>
              <p>{s.facts.intro}</p>
              <blockquote className="statement__words">{s.facts.statement}</blockquote>
            </>
          ) : null}
        </section>
        <section aria-labelledby="statement-automated">
          <h2 id="statement-automated">{s.headings.automated}</h2>
          <p>{s.automated}</p>
        </section>
        <section aria-labelledby="statement-ground">
          <h2 id="statement-ground">{s.headings.ground}</h2>
          <p>{s.ground}</p>
          <p>
            <Link to={s.rulePath}>{t("held.statement.page.rules")}</Link>
          </p>
        </section>
        <section aria-labelledby="statement-contest">
          <h2 id="statement-contest">{s.headings.contest}</h2>
          <p>{s.contest}</p>
        </section>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
