// /statements/decision/:id: the statement of reasons (DSA art. 17) of a decision of the
// proofs, suggestions and conduct queues or on an account (app/lib/moderation-queues.ts), for
// the person it was sent to (a suspended account too) and moderators. Anyone else gets a
// 404. The same text is mailed (app/models/moderation-queues.server.ts).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { StatementOfReasons, statementLinks } from "~/components/StatementOfReasons";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { queueStatementText } from "~/lib/moderation-queues";
import { loadStatement } from "~/lib/statement-page.server";
import { getQueueStatement } from "~/models/moderation-queues.server";

export const links = statementLinks;

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.statement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadStatement(request, params.id, getQueueStatement);
}

export default function QueueStatementPage() {
  const { statement } = useLoaderData<typeof loader>();
  const { t, locale, date } = useT();
  return (
    <StatementOfReasons
      text={queueStatementText(locale, statement)}
      intro={t("queues.statement.intro", { id: String(statement.decisionId), date: date(statement.decidedAt) })}
      rulesLabel={t("queues.statement.rules")}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
