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
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { FormError } from "~/components/Field";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { APPEAL_MAX_LENGTH, APPEAL_MESSAGE_VARS, appealDeadline, appealSchema } from "~/lib/appeal-form";
import { privatePageMeta } from "~/lib/auth-meta";
import { conformError, conformErrors } from "~/lib/conform";
import { flashCookie } from "~/lib/flash.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { statementText } from "~/lib/statement";
import { fileAppeal, getAppealRight, type AppealRefusal, type AppealRight } from "~/models/appeals.server";
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

const REFUSAL: Record<AppealRefusal, MessageKey> = {
  already_appealed: "appeal.refusal.already_appealed",
  closed: "appeal.refusal.closed",
  superseded: "appeal.refusal.superseded",
  gone: "appeal.refusal.gone",
  final: "appeal.refusal.final",
  not_entitled: "appeal.refusal.not_entitled",
  not_appealable: "appeal.refusal.not_appealable",
};

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
  const outcome = fileAppeal({ viewer: user, decisionId: id, explanation: submission.value.explanation, origin: requestSiteOrigin(request) });
  if (outcome.ok) {
    return redirect(`/statements/${id}#appeal`, { headers: { "Set-Cookie": await flashCookie(request, "flash.appealSent") } });
  }
  if (outcome.kind === "not_found") throw notFound();
  const refused = outcome.kind === "not_entitled" || outcome.kind === "final" || outcome.kind === "not_appealable";
  return data<ActionData>({ result: submission.reply({ formErrors: [REFUSAL[outcome.kind]] }) }, { status: refused ? 403 : 409 });
}

export default function StatementPage() {
  const { statement, appeal } = useLoaderData<typeof loader>();
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
      {appeal ? <AppealSection right={appeal} decidedAt={statement.decidedAt} /> : null}
    </div>
  );
}

function AppealSection({ right, decidedAt }: { right: AppealRight; decidedAt: number }) {
  const { t, date } = useT();
  if (right.kind === "open") return <AppealForm deadline={right.deadline} />;
  if (right.kind === "appealed") {
    const a = right.appeal;
    const key: MessageKey = a.status === "pending" ? "appeal.state.pending" : a.status === "upheld" ? "appeal.state.upheld" : "appeal.state.overturned";
    return (
      <section className="card appeal" id="appeal" aria-labelledby="appeal-title">
        <h2 id="appeal-title">{t("appeal.yours")}</h2>
        <p>{t(key, { date: date(a.createdAt), decided: a.decidedAt ? date(a.decidedAt) : "—" })}</p>
        {a.outcomeDecisionId ? (
          <p>
            <Link to={`/statements/${a.outcomeDecisionId}`}>{t("appeal.state.outcome")}</Link>
          </p>
        ) : null}
      </section>
    );
  }
  // The decision went this reader's way, or it is the outcome of an appeal: the text says so.
  if (right.kind === "not_entitled" || right.kind === "final" || right.kind === "not_appealable") return null;
  return (
    <section className="card appeal" id="appeal" aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t("appeal.title")}</h2>
      <p className="muted">
        {t(REFUSAL[right.kind], { deadline: date(right.kind === "closed" ? right.deadline : appealDeadline(decidedAt)) })}
      </p>
    </section>
  );
}

function AppealForm({ deadline }: { deadline: number }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, date } = useT();
  const [form, fields] = useForm({
    id: "appeal-form",
    lastResult: answer?.result,
    constraint: getZodConstraint(appealSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: appealSchema }),
  });
  const vars = { ...APPEAL_MESSAGE_VARS, deadline: date(deadline) };
  const hintId = `${fields.explanation.id}-hint`;
  const { key: explanationKey, ...explanationProps } = getTextareaProps(fields.explanation, { ariaDescribedBy: hintId });
  const formMessages = conformErrors(locale, form.errors, vars);
  const error = conformError(locale, fields.explanation.errors, vars);
  return (
    <section className="card appeal" id="appeal" aria-labelledby="appeal-title">
      <h2 id="appeal-title">{t("appeal.title")}</h2>
      <p>{t("appeal.intro", vars)}</p>
      <Form method="post" className="appeal__form" {...getFormProps(form)}>
        {formMessages.length > 0 ? <FormError id={form.errorId}>{formMessages.join(" ")}</FormError> : null}
        {formMessages.length === 0 && error && answer ? <FormError>{t("appeal.error.fix")}</FormError> : null}
        <div className={error ? "field field--invalid" : "field"}>
          <label htmlFor={fields.explanation.id}>{t("appeal.explanation")}</label>
          <p className="field__hint" id={hintId}>
            {t("appeal.explanationHint", vars)}
          </p>
          <textarea key={explanationKey} rows={6} {...explanationProps} maxLength={APPEAL_MAX_LENGTH} />
          {error ? (
            <p className="field__error" id={fields.explanation.errorId}>
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={navigation.state === "submitting"}>
          {t("appeal.submit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
