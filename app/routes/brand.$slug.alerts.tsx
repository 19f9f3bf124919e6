// /brand/:slug/alerts: a member's own alert mails about the company — every new review,
// negative ones, spikes of negative reviews — and the spike rule in words, with the last
// spikes (app/models/company-alerts.server.ts, app/lib/spike.ts). Each member their own; no
// box is ticked until they tick it. A Conform form that works without JavaScript.
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BrandInboxLink } from "~/components/BrandInboxLink";
import { ConformFormError, FieldError } from "~/components/Field";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { conformError } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { readForm } from "~/lib/http.server";
import { fewestForSpike, SPIKE_RULE } from "~/lib/spike";
import { alertSettingsSchema, formatDateTime } from "~/lib/webhook-form";
import { getAlertSettings, listSpikes, saveAlertSettings } from "~/models/company-alerts.server";

export const links = brandPageLinks();

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("alerts.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, user, memberRole } = requireBrandMember(request, params.slug);
  return {
    company,
    memberRole,
    email: user.email,
    settings: getAlertSettings(company.id, user.id),
    spikes: listSpikes(company.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user } = requireBrandMember(request, params.slug);
  const submission = parseWithZod(await readForm(request), { schema: alertSettingsSchema });
  if (submission.status !== "success") return refuse(submission);
  const saved = saveAlertSettings({ companyId: company.id, userId: user.id, settings: submission.value });
  if (!saved.ok) return refuse(submission, { formErrors: [`alerts.error.${saved.kind}`] }, 403);
  return redirectWithFlash(request, `/brand/${company.slug}/alerts`, "flash.alertsSaved");
}

export default function AlertsPage() {
  const { company, memberRole, email } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="page page--narrow brand-page brand-alerts">
      <BrandInboxLink company={company} />
      <h1>{t("alerts.title", { company: company.name })}</h1>
      <p>{t("alerts.intro", { company: company.name, email })}</p>
      <AlertsForm />
      <SpikeRule />
      <LastSpikes />
      {memberRole === "owner" ? (
        <p className="section">
          <Link to={`/brand/${company.slug}/webhooks`}>{t("alerts.webhooks")}</Link>
        </p>
      ) : null}
    </div>
  );
}

const BOXES: { name: "newReviews" | "negativeReviews" | "spikes"; label: MessageKey; hint?: MessageKey }[] = [
  { name: "newReviews", label: "alerts.newReviews" },
  { name: "negativeReviews", label: "alerts.negativeReviews", hint: "alerts.negativeReviews.hint" },
  { name: "spikes", label: "alerts.spikes", hint: "alerts.spikes.hint" },
];

function AlertsForm() {
  const { settings } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "alerts-form",
    lastResult: answer?.result,
    constraint: getZodConstraint(alertSettingsSchema),
    defaultValue: settings,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: alertSettingsSchema }),
  });
  return (
    <Form method="post" className="card section" {...getFormProps(form)}>
      <ConformFormError form={form} />
      <fieldset className="brand-alerts__boxes">
        <legend>{t("alerts.legend")}</legend>
        {BOXES.map((box) => (
          <AlertBox key={box.name} field={fields[box.name]} label={t(box.label)} hint={box.hint ? t(box.hint) : undefined} />
        ))}
      </fieldset>
      <button type="submit">{t("alerts.save")}</button>
    </Form>
  );
}

function AlertBox({ field, label, hint }: { field: FieldMetadata<boolean>; label: string; hint?: string }) {
  const { locale } = useT();
  const hintId = hint ? `${field.id}-hint` : undefined;
  const error = conformError(locale, field.errors);
  const { key: _key, ...input } = getInputProps(field, { type: "checkbox", ariaDescribedBy: hintId });
  return (
    <div className="field">
      <span className="checkbox">
        <input key={field.key} {...input} />
        <label htmlFor={field.id}>{label}</label>
      </span>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={field.errorId}>{error}</FieldError>
    </div>
  );
}

function SpikeRule() {
  const { t, n } = useT();
  const fresh = fewestForSpike({ month: 0, week: 0, historyDays: 0 });
  const quiet = fewestForSpike({ month: 0, week: 0, historyDays: SPIKE_RULE.baselineDays });
  return (
    <section className="section" aria-labelledby="spike-rule">
      <h2 id="spike-rule">{t("alerts.rule.title")}</h2>
      <p>
        {t("alerts.rule.short", {
          min: SPIKE_RULE.minCount,
          ratio: SPIKE_RULE.minRatio,
          p: n(SPIKE_RULE.maxPValue),
          month: SPIKE_RULE.baselineDays,
          week: SPIKE_RULE.recentDays,
        })}
      </p>
      <p>{t("alerts.rule.prior", { fresh, quiet })}</p>
      <p>{t("alerts.rule.steady")}</p>
    </section>
  );
}

function LastSpikes() {
  const { spikes } = useLoaderData<typeof loader>();
  const { t, n, locale } = useT();
  return (
    <section className="section" aria-labelledby="last-spikes">
      <h2 id="last-spikes">{t("alerts.spikes.title")}</h2>
      {spikes.length === 0 ? <p className="muted">{t("alerts.spikes.none")}</p> : null}
      <ul>
        {spikes.map((s) => (
          <li key={s.detectedAt}>
            {t("alerts.spikes.line", {
              date: formatDateTime(locale, s.detectedAt),
              count: s.count,
              rate: n(s.baselineRate, { maximumFractionDigits: 1 }),
              p: n(s.pValue, { maximumSignificantDigits: 2, notation: s.pValue < 1e-4 ? "scientific" : "standard" }),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
