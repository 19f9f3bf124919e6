// /statements/publication/:id: the statement of reasons (DSA art. 17) of a decision on a
// review held at submission — published or refused by a moderator, or published
// automatically by the deadline job — for the review's author (and moderators). Anyone
// else gets a 404. The same text is mailed (app/models/held-reviews.server.ts).
//
// The author of a refused review appeals the refusal here (DSA art. 20), within the
// published window, once (app/models/decision-appeals.server.ts): the same Conform form
// on one zod schema (app/lib/appeal-form.ts) as every statement's, a plain
// <Form method="post"> that works without JavaScript and keeps what was typed.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppealSection } from "~/components/AppealForm";
import { StatementOfReasons, statementLinks } from "~/components/StatementOfReasons";
import { useT } from "~/i18n/react";
import { APPEAL_REFUSAL_KEYS, appealSchema } from "~/lib/appeal-form";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { publicationStatementPath, publicationStatementText } from "~/lib/held-statement";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { queueStatementPath } from "~/lib/moderation-queues";
import { requestSiteOrigin } from "~/lib/origin.server";
import { loadStatement } from "~/lib/statement-page.server";
import { fileDecisionAppeal, getDecisionAppealRight } from "~/models/decision-appeals.server";
import { getPublicationStatement } from "~/models/held-reviews.server";

export const links = statementLinks;

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "held.statement.title");

function load(request: Request, param: string | undefined) {
  const { statement, user } = loadStatement(request, param, getPublicationStatement);
  // Only a refusal can be appealed; a publication went the author's way.
  const right = statement.decision === "refuse" && !statement.automated ? getDecisionAppealRight(statement.decisionId, user) : null;
  return { statement, user, right };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { statement, right } = load(request, params.id);
  return { statement, right };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { statement, user, right } = load(request, params.id);
  if (!right || right.kind === "not_entitled") throw forbidden("This decision cannot be appealed by you.");
  const submission = parseWithZod(await readForm(request), { schema: appealSchema });
  if (submission.status !== "success") return refuse(submission);
  const outcome = fileDecisionAppeal({
    viewer: user,
    decisionId: statement.decisionId,
    explanation: submission.value.explanation,
    origin: requestSiteOrigin(request),
  });
  if (outcome.ok) {
    return redirectWithFlash(request, `${publicationStatementPath(statement.decisionId)}#appeal`, "flash.appealSent");
  }
  if (outcome.kind === "not_found") throw notFound();
  return refuse(submission, { formErrors: [APPEAL_REFUSAL_KEYS[outcome.kind]] }, outcome.kind === "not_entitled" ? 403 : 409);
}

export default function PublicationStatementPage() {
  const { statement, right } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale, date } = useT();
  return (
    <StatementOfReasons
      text={publicationStatementText(locale, statement)}
      intro={t("held.statement.page.intro", { id: String(statement.decisionId), date: date(statement.decidedAt) })}
      rulesLabel={t("held.statement.page.rules")}
      content={statement.decision === "publish" ? { to: `/reviews/${statement.reviewId}`, label: t("held.statement.page.content") } : null}
      appealLink={right?.kind === "open" ? t("statement.appeal.link") : null}
    >
      {right ? (
        <AppealSection
          right={right}
          decidedAt={statement.decidedAt}
          lastResult={answer?.result}
          outcomePath={queueStatementPath}
          action={publicationStatementPath(statement.decisionId)}
        />
      ) : null}
    </StatementOfReasons>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
