// /statements/decision/:id: the statement of reasons (DSA art. 17) of a decision of the
// proofs, suggestions and conduct queues or on an account (app/lib/moderation-queues.ts), for
// the person it was sent to (a suspended account too) and moderators. Anyone else gets a
// 404. The same text is mailed (app/models/moderation-queues.server.ts).
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { notFound } from "~/lib/http.server";
import { queueStatementText } from "~/lib/moderation-queues";
import { idParam } from "~/lib/queue-decision.server";
import { getQueueStatement } from "~/models/moderation-queues.server";
import { requireUser } from "~/models/permissions.server";
import moderationStyles from "~/styles/moderation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.statement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const id = idParam(params.id);
  const statement = id ? getQueueStatement(id, user) : null;
  if (!statement) throw notFound();
  return { statement };
}

export default function QueueStatementPage() {
  const { statement } = useLoaderData<typeof loader>();
  const { t, locale, date } = useT();
  const s = queueStatementText(locale, statement);
  return (
    <div className="page page--narrow statement-page">
      <h1>{s.subject}</h1>
      <p className="lead">{t("queues.statement.intro", { id: String(statement.decisionId), date: date(statement.decidedAt) })}</p>
      <article className="card statement" aria-labelledby="statement-decided">
        <section aria-labelledby="statement-decided">
          <h2 id="statement-decided">{s.headings.decided}</h2>
          <p>{s.decided}</p>
        </section>
        <section aria-labelledby="statement-facts">
          <h2 id="statement-facts">{s.headings.facts}</h2>
          <p>{s.facts.intro}</p>
          <blockquote className="statement__words">{s.facts.statement}</blockquote>
        </section>
        <section aria-labelledby="statement-automated">
          <h2 id="statement-automated">{s.headings.automated}</h2>
          <p>{s.automated}</p>
        </section>
        <section aria-labelledby="statement-ground">
          <h2 id="statement-ground">{s.headings.ground}</h2>
          <p>{s.ground}</p>
          <p>
            <Link to={s.rulePath}>{t("queues.statement.rules")}</Link>
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
