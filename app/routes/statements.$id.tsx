// /statements/:id: the statement of reasons of a moderation decision (DSA art. 17), for
// the people it was sent to: the author of the content and the reporters whose reports
// it answered (and moderators). Anyone else gets a 404: a statement names who reported.
// The same text is mailed; a notifier without an account has it by mail only (and reads
// it here once signed in with the address of their report).
//
// The side the decision went against appeals it here (DSA art. 20), within the published
// window, once: a Conform form on one zod schema (app/lib/appeal-form.ts) shared with the
// action, a plain <Form method="post"> that works without JavaScript and keeps what was
// typed when the action answers with an error.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AppealSection } from "~/components/AppealForm";
import { useT } from "~/i18n/react";
import { APPEAL_REFUSAL_KEYS, appealSchema } from "~/lib/appeal-form";
import { privatePageMeta } from "~/lib/auth-meta";
import { redirectWithFlash } from "~/lib/flash.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { statementText } from "~/lib/statement";
import { fileAppeal, getAppealRight } from "~/models/appeals.server";
import { getStatement } from "~/models/moderation.server";
import { requireUser } from "~/models/permissions.server";
import moderationStyles from "~/styles/moderation.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: moderationStyles }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "statement.title");

function decisionId(param: string | undefined) {
  const id = Number(param);
  return /^\d{1,12}$/.test(param ?? "") && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const id = decisionId(params.id);
  const statement = id ? getStatement(id, user) : null;
  if (!id || !statement) throw notFound();
  return { statement, appeal: getAppealRight(id, user) };
}

type ActionData = { result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const id = decisionId(params.id);
  const statement = id ? getStatement(id, user) : null;
  if (!id || !statement) throw notFound();
  // Only the side the decision went against has a form to send.
  const right = getAppealRight(id, user);
  if (!right || right.kind === "not_entitled" || right.kind === "final" || right.kind === "not_appealable") {
    throw forbidden("This decision cannot be appealed by you.");
  }
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: appealSchema });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  const outcome = fileAppeal({
    viewer: user,
    decisionId: id,
    explanation: submission.value.explanation,
    origin: requestSiteOrigin(request),
  });
  if (outcome.ok) {
    return redirectWithFlash(request, `/statements/${id}#appeal`, "flash.appealSent");
  }
  if (outcome.kind === "not_found") throw notFound();
  const refused = outcome.kind === "not_entitled" || outcome.kind === "final" || outcome.kind === "not_appealable";
  return data<ActionData>(
    { result: submission.reply({ formErrors: [APPEAL_REFUSAL_KEYS[outcome.kind]] }) },
    { status: refused ? 403 : 409 },
  );
}

export default function StatementPage() {
  const { statement, appeal } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale, date } = useT();
  const s = statementText(locale, statement);
  const open = appeal?.kind === "open";
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
          {open && s.appealPath ? (
            <p>
              <a href="#appeal">{s.appealLink}</a>
            </p>
          ) : null}
        </section>
      </article>
      {appeal ? (
        <AppealSection
          right={appeal}
          decidedAt={statement.decidedAt}
          lastResult={answer?.result}
          outcomePath={(id) => `/statements/${id}`}
        />
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
