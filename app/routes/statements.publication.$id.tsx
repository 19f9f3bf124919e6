// /statements/publication/:id: the statement of reasons (DSA art. 17) of a decision on a
// review held at submission — published or refused by a moderator, or published
// automatically by the deadline job — for the review's author (and moderators). Anyone
// else gets a 404. The same text is mailed (app/models/held-reviews.server.ts).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { StatementOfReasons, statementLinks } from "~/components/StatementOfReasons";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { publicationStatementText } from "~/lib/held-statement";
import { loadStatement } from "~/lib/statement-page.server";
import { getPublicationStatement } from "~/models/held-reviews.server";

export const links = statementLinks;

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "held.statement.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadStatement(request, params.id, getPublicationStatement);
}

export default function PublicationStatementPage() {
  const { statement } = useLoaderData<typeof loader>();
  const { t, locale, date } = useT();
  return (
    <StatementOfReasons
      text={publicationStatementText(locale, statement)}
      intro={t("held.statement.page.intro", { id: String(statement.decisionId), date: date(statement.decidedAt) })}
      rulesLabel={t("held.statement.page.rules")}
      content={statement.decision === "publish" ? { to: `/reviews/${statement.reviewId}`, label: t("held.statement.page.content") } : null}
    />
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
