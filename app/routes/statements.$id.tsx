// /statements/:id: the statement of reasons of a moderation decision (DSA art. 17), for
// the people it was sent to: the author of the content and the reporters whose reports
// it answered (and moderators). Anyone else gets a 404: a statement names who reported.
// The same text is mailed; a notifier without an account has it by mail only.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { notFound } from "~/lib/http.server";
import { statementText } from "~/lib/statement";
import { getStatement } from "~/models/moderation.server";
import { requireUser } from "~/models/permissions.server";
import moderationStyles from "~/styles/moderation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "statement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const id = Number(params.id);
  const statement = /^\d{1,12}$/.test(params.id ?? "") && id > 0 ? getStatement(id, user) : null;
  if (!statement) throw notFound();
  return { statement };
}

export default function StatementPage() {
  const { statement } = useLoaderData<typeof loader>();
  const { t, locale, date } = useT();
  const s = statementText(locale, statement);
  return (
    <div className="page page--narrow statement-page">
      <h1>{t("statement.title")}</h1>
      <p className="lead">
        {t("statement.page.intro", {
          id: String(statement.decisionId),
          date: date(statement.decidedAt),
          role: t(statement.role === "author" ? "statement.page.role.author" : "statement.page.role.reporter"),
        })}
      </p>
      <article className="card statement">
        <h2>{s.subject}</h2>
        <section aria-labelledby="statement-decided">
          <h3 id="statement-decided">{s.headings.decided}</h3>
          <p>{s.decided}</p>
          <p>
            <Link to={`/reviews/${statement.reviewId}`}>{t("statement.page.content")}</Link>
          </p>
        </section>
        <section aria-labelledby="statement-facts">
          <h3 id="statement-facts">{s.headings.facts}</h3>
          <p>{s.facts.intro}</p>
          <blockquote className="statement__words">{s.facts.statement}</blockquote>
          <p>{s.facts.basis}</p>
        </section>
        <section aria-labelledby="statement-automated">
          <h3 id="statement-automated">{s.headings.automated}</h3>
          <p>{s.automated}</p>
        </section>
        <section aria-labelledby="statement-ground">
          <h3 id="statement-ground">{s.headings.ground}</h3>
          <p>{s.ground}</p>
          <p>
            <Link to={s.rulePath}>{t("statement.page.rules")}</Link>
          </p>
        </section>
        <section aria-labelledby="statement-contest">
          <h3 id="statement-contest">{s.headings.contest}</h3>
          <p>{s.contest}</p>
        </section>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
