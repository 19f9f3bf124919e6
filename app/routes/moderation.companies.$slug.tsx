// /moderation/companies/:slug: a company as moderation sees it — its public warnings (shown,
// expired, lifted), its reviews removed in the last 12 months — and the actions: set a
// public warning (a reason from the published list, a statement, the last day shown), or
// lift one early. Both are decisions of the moderation log (app/models/company-warnings.server.ts).
// Conform forms on the zod schemas of app/lib/warning-form.ts: plain <Form method="post">
// that work without JavaScript, with the errors next to the fields and what was typed kept.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConformTextarea, FormError } from "~/components/Field";
import { RemovedReviews } from "~/components/CompanyWarnings";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { conformError, conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound, readForm } from "~/lib/http.server";
import { reasonLabel, WARNING_REASONS } from "~/lib/moderation-reasons";
import { STATEMENT_MAX_LENGTH } from "~/lib/moderation-form";
import { requestSiteOrigin } from "~/lib/origin.server";
import { ROLE_NOT_ALLOWED, type RefusalAnswer } from "~/lib/refusal-answer";
import { defaultExpiry, endOfDay, liftSchema, WARNING_MESSAGE_VARS, warningSchema } from "~/lib/warning-form";
import { getCompanyBySlug } from "~/models/companies.server";
import { getRemovedCounts, liftWarning, listCompanyWarnings, setWarning, warningState } from "~/models/company-warnings.server";
import { requireModerator } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  privatePageMeta(matches, "mcompany.title", "mcompany.description", { name: data?.company.name ?? "—" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireModerator(request);
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company) throw notFound();
  const now = Date.now();
  const warnings = listCompanyWarnings(company.id).map((w) => ({ ...w, state: warningState(w, now) }));
  return {
    company: { id: company.id, slug: company.slug, name: company.name },
    warnings,
    removed: getRemovedCounts(company.id, now),
    defaultExpiry: defaultExpiry(now),
  };
}

type ActionData = { form: "warn" | "lift"; warningId: number | null; result: SubmissionResult<string[]> };

const REFUSAL: Record<string, RefusalAnswer> = {
  company_member: { key: "mcompany.error.company_member", status: 403 },
  not_moderator: ROLE_NOT_ALLOWED,
  already_warned: { key: "mcompany.error.already_warned", status: 409 },
  not_active: { key: "mcompany.error.not_active", status: 409 },
  expiry: { key: "mcompany.error.expiry", status: 400 },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireModerator(request);
  const company = getCompanyBySlug(params.slug ?? "");
  if (!company) throw notFound();
  const form = await readForm(request);
  const actor = { id: user.id, role: user.role };
  const origin = requestSiteOrigin(request);

  if (form.get("intent") === "lift") {
    const submission = parseWithZod(form, { schema: liftSchema });
    const sent = Number(form.get("warningId"));
    const warningId = Number.isSafeInteger(sent) ? sent : null;
    if (submission.status !== "success") return data<ActionData>({ form: "lift", warningId, result: submission.reply() }, { status: 400 });
    const outcome = liftWarning({
      actor,
      companyId: company.id,
      warningId: submission.value.warningId,
      statement: submission.value.statement,
      origin,
    });
    if (outcome.ok) {
      return redirectWithFlash(request, `/moderation/companies/${company.slug}`, "flash.warningLifted");
    }
    if (outcome.kind === "not_found") throw notFound();
    const answer = REFUSAL[outcome.kind]!;
    return data<ActionData>({ form: "lift", warningId, result: submission.reply({ formErrors: [answer.key] }) }, { status: answer.status });
  }

  const submission = parseWithZod(form, { schema: warningSchema });
  if (submission.status !== "success")
    return data<ActionData>({ form: "warn", warningId: null, result: submission.reply() }, { status: 400 });
  const { reason, statement, language, expiresOn } = submission.value;
  const outcome = setWarning({ actor, companyId: company.id, reason, statement, language, expiresAt: endOfDay(expiresOn), origin });
  if (outcome.ok) {
    return redirectWithFlash(request, `/moderation/companies/${company.slug}`, "flash.warningSet");
  }
  if (outcome.kind === "not_found") throw notFound();
  const answer = REFUSAL[outcome.kind]!;
  return data<ActionData>(
    { form: "warn", warningId: null, result: submission.reply({ formErrors: [answer.key] }) },
    { status: answer.status },
  );
}

// ─── The page ─────────────────────────────────────────────────────────────────

export default function ModerationCompany() {
  const { company, warnings, removed } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date, locale } = useT();
  return (
    <div className="page">
      <h1>{t("mcompany.title", { name: company.name })}</h1>
      <p>
        <Link to={`/companies/${company.slug}`}>{t("mcompany.public")}</Link>
      </p>

      <section className="section" aria-labelledby="warnings-title">
        <h2 id="warnings-title">{t("mcompany.warnings")}</h2>
        {warnings.length === 0 ? <p>{t("mcompany.none")}</p> : null}
        {warnings.map((w) => (
          <article key={w.id} className="card section" aria-labelledby={`w-${w.id}-title`}>
            <h3 id={`w-${w.id}-title`}>
              {reasonLabel(w.reason, locale)} — {t(`mcompany.state.${w.state}`)}
            </h3>
            <p lang={w.language}>{w.statement}</p>
            <p className="muted">
              {t("mcompany.dates", { since: date(w.startsAt), until: date(w.expiresAt) })}
              {w.liftedAt != null ? ` · ${t("mcompany.liftedOn", { date: date(w.liftedAt) })}` : null}
            </p>
            {w.state === "active" ? (
              <LiftForm warningId={w.id} lastResult={answer?.form === "lift" && answer.warningId === w.id ? answer.result : undefined} />
            ) : null}
          </article>
        ))}
      </section>

      <WarnForm lastResult={answer?.form === "warn" ? answer.result : undefined} />

      <RemovedReviews removed={removed} />
    </div>
  );
}

/** The alert above a form, as on the other moderation forms: what went wrong with the
 *  whole form or, when only fields have errors, "correct the fields marked below". */
function FormAlert({ messages, errorId, fieldsInvalid }: { messages: string[]; errorId: string; fieldsInvalid: boolean }) {
  const { t } = useT();
  if (messages.length > 0) return <FormError id={errorId}>{messages.join(" ")}</FormError>;
  return fieldsInvalid ? <FormError>{t("moderation.error.fix")}</FormError> : null;
}

function WarnForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { defaultExpiry } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "warn-form",
    lastResult,
    constraint: getZodConstraint(warningSchema),
    defaultValue: { expiresOn: defaultExpiry, language: locale },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: warningSchema }),
  });
  const vars = WARNING_MESSAGE_VARS;
  const stale = Boolean(fields.intent.errors?.length);
  const messages = [...conformErrors(locale, form.errors, vars), ...(stale ? [t("moderation.error.stale")] : [])];
  const fieldsInvalid = [fields.reason, fields.statement, fields.language, fields.expiresOn].some((f) => f.errors?.length);
  const statementHintId = `${fields.statement.id}-hint`;
  const expiresHintId = `${fields.expiresOn.id}-hint`;
  const { key: reasonKey, ...reasonProps } = getSelectProps(fields.reason);
  const { key: languageKey, ...languageProps } = getSelectProps(fields.language);
  const { key: statementKey, ...statementProps } = getTextareaProps(fields.statement, { ariaDescribedBy: statementHintId });
  const { key: expiresKey, ...expiresProps } = getInputProps(fields.expiresOn, { type: "date", ariaDescribedBy: expiresHintId });
  const error = (f: { errors?: string[]; errorId: string }) =>
    f.errors?.length ? (
      <p className="field__error" id={f.errorId}>
        {conformError(locale, f.errors, vars)}
      </p>
    ) : null;
  const cls = (f: { errors?: string[] }) => (f.errors?.length ? "field field--invalid" : "field");

  return (
    <section className="card section" aria-labelledby="warn-title">
      <h2 id="warn-title">{t("mcompany.form.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormAlert messages={messages} errorId={form.errorId} fieldsInvalid={fieldsInvalid} />
        <input type="hidden" name="intent" value="warn" />
        <div className={cls(fields.reason)}>
          <label htmlFor={fields.reason.id}>{t("mcompany.form.reason")}</label>
          <select key={reasonKey} {...reasonProps}>
            <option value="">{t("mcompany.form.reasonPlaceholder")}</option>
            {WARNING_REASONS.map((r) => (
              <option key={r.id} value={r.id}>
                {reasonLabel(r.id, locale)}
              </option>
            ))}
          </select>
          {error(fields.reason)}
        </div>
        <div className={cls(fields.statement)}>
          <label htmlFor={fields.statement.id}>{t("mcompany.form.statement")}</label>
          <p className="field__hint" id={statementHintId}>
            {t("mcompany.form.statementHint", vars)}
          </p>
          <textarea key={statementKey} rows={6} {...statementProps} maxLength={STATEMENT_MAX_LENGTH} />
          {error(fields.statement)}
        </div>
        <div className={cls(fields.language)}>
          <label htmlFor={fields.language.id}>{t("mcompany.form.language")}</label>
          <select key={languageKey} {...languageProps}>
            <option value="fr">{t("language.fr")}</option>
            <option value="en">{t("language.en")}</option>
          </select>
          {error(fields.language)}
        </div>
        <div className={cls(fields.expiresOn)}>
          <label htmlFor={fields.expiresOn.id}>{t("mcompany.form.expiresOn")}</label>
          <p className="field__hint" id={expiresHintId}>
            {t("mcompany.form.expiresHint", vars)}
          </p>
          <input key={expiresKey} {...expiresProps} />
          {error(fields.expiresOn)}
        </div>
        <button type="submit">{t("mcompany.form.submit")}</button>
      </Form>
    </section>
  );
}

function LiftForm({ warningId, lastResult }: { warningId: number; lastResult?: SubmissionResult<string[]> }) {
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: `lift-${warningId}-form`,
    lastResult,
    constraint: getZodConstraint(liftSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: liftSchema }),
  });
  const vars = WARNING_MESSAGE_VARS;
  const stale = Boolean(fields.warningId.errors?.length);
  const messages = [...conformErrors(locale, form.errors, vars), ...(stale ? [t("moderation.error.stale")] : [])];
  return (
    <details open={Boolean(lastResult)}>
      <summary>{t("mcompany.lift.title")}</summary>
      <Form method="post" {...getFormProps(form)}>
        <FormAlert messages={messages} errorId={form.errorId} fieldsInvalid={Boolean(fields.statement.errors?.length)} />
        <input type="hidden" name="intent" value="lift" />
        <input type="hidden" name="warningId" value={warningId} />
        <ConformTextarea
          label={t("mcompany.lift.statement")}
          field={fields.statement}
          vars={vars}
          rows={4}
          maxLength={STATEMENT_MAX_LENGTH}
        />
        <button type="submit">{t("mcompany.lift.submit")}</button>
      </Form>
    </details>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
