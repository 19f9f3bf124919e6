// /statements/decision/:id: the statement of reasons (DSA art. 17) of a decision of the
// proofs, suggestions, conduct and claims queues or on an account (app/lib/moderation-queues.ts),
// or of the outcome of an appeal against one (app/lib/decision-appeal.ts), for the people it
// was sent to and moderators; anyone else gets a 404. The same text is mailed
// (app/models/moderation-queues.server.ts, app/models/decision-appeals.server.ts). A
// suspended account, which cannot sign in, reads it through the key of its mail's link.
//
// The person the decision went against appeals it here (DSA art. 20), within the published
// window, once: a Conform form on one zod schema (app/lib/appeal-form.ts) shared with the
// action, a plain <Form method="post"> that works without JavaScript and keeps what was
// typed when the action answers with an error.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppealSection } from "~/components/AppealForm";
import { StatementOfReasons, statementLinks } from "~/components/StatementOfReasons";
import { useT } from "~/i18n/react";
import { APPEAL_REFUSAL_KEYS, appealSchema } from "~/lib/appeal-form";
import { privatePageMeta } from "~/lib/auth-meta";
import { decisionAppealOutcomeText } from "~/lib/decision-appeal";
import { statementLinks as pageLinks, statementReader } from "~/lib/decision-statement-page.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { queueStatementText } from "~/lib/moderation-queues";
import { requestSiteOrigin } from "~/lib/origin.server";
import { idParam } from "~/lib/queue-decision.server";
import { fileDecisionAppeal, getDecisionStatementPage } from "~/models/decision-appeals.server";

export const links = statementLinks;

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "queues.statement.title");

function load(request: Request, param: string | undefined) {
  const id = idParam(param);
  const reader = statementReader(request, id);
  const page = id ? getDecisionStatementPage(id, reader.viewer) : null;
  if (!id || !page) throw notFound();
  return { id, reader, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, reader, page } = load(request, params.id);
  return { page, links: pageLinks(reader, id, page) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, reader, page } = load(request, params.id);
  // Only the person the decision went against has a form to send.
  const right = page.kind === "decision" ? page.right : null;
  if (!right || right.kind === "not_entitled") throw forbidden("This decision cannot be appealed by you.");
  const submission = parseWithZod(await readForm(request), { schema: appealSchema });
  if (submission.status !== "success") return refuse(submission);
  const outcome = fileDecisionAppeal({
    viewer: reader.viewer,
    decisionId: id,
    explanation: submission.value.explanation,
    origin: requestSiteOrigin(request),
  });
  if (outcome.ok) {
    return redirectWithFlash(request, `${pageLinks(reader, id, page).self}#appeal`, "flash.appealSent");
  }
  if (outcome.kind === "not_found") throw notFound();
  return refuse(submission, { formErrors: [APPEAL_REFUSAL_KEYS[outcome.kind]] }, outcome.kind === "not_entitled" ? 403 : 409);
}

export default function QueueStatementPage() {
  const { page, links } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale, date } = useT();
  const intro = t("queues.statement.intro", { id: String(page.statement.decisionId), date: date(page.statement.decidedAt) });
  if (page.kind === "outcome") {
    return (
      <StatementOfReasons text={decisionAppealOutcomeText(locale, page.statement)} intro={intro} rulesLabel={t("queues.statement.rules")} />
    );
  }
  const right = page.right;
  return (
    <StatementOfReasons
      text={queueStatementText(locale, page.statement)}
      intro={intro}
      rulesLabel={t("queues.statement.rules")}
      appealLink={right?.kind === "open" ? t("statement.appeal.link") : null}
    >
      {right ? (
        <AppealSection
          right={right}
          decidedAt={page.statement.decidedAt}
          lastResult={answer?.result}
          outcomePath={(id) => links.outcome ?? `/statements/decision/${id}`}
          action={links.self}
        />
      ) : null}
    </StatementOfReasons>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
