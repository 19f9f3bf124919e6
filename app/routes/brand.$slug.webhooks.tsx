// /brand/:slug/webhooks: the company's webhook endpoints, for its owners only (agents and
// everyone else get a 403): add one (its secret is shown once, in the answer), send a test
// event, rotate the secret (the old one signs 24 h more), pause, resume, delete; each with
// its delivery log (app/models/webhooks.server.ts, which checks each change again). Conform
// forms that work without JavaScript; the row buttons are small forms of their own.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { BrandInboxLink } from "~/components/BrandInboxLink";
import { ConformField, ConformFormError, Field, FormError } from "~/components/Field";
import { CaptionedTable } from "~/components/ScrollRegion";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { conformError, conformErrors, describedBy } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { readForm } from "~/lib/http.server";
import {
  addWebhookSchema,
  formatDateTime,
  WEBHOOK_EVENTS,
  WEBHOOK_LIMITS,
  WEBHOOK_RETRY_SCHEDULE_MS,
  WEBHOOK_TIMEOUT_MS,
  webhookActionSchema,
} from "~/lib/webhook-form";
import {
  addWebhook,
  deleteWebhook,
  listWebhooks,
  rotateWebhookSecret,
  sendTestEvent,
  setWebhookActive,
  type WebhookDeliveryView,
  type WebhookRefusal,
  type WebhookView,
} from "~/models/webhooks.server";

export const links = brandPageLinks();

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("webhooks.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company } = requireBrandMember(request, params.slug, "owner");
  return { company, webhooks: listWebhooks(company.id) };
}

/** Refusals about the URL go next to it; the others above the form. */
const URL_REFUSALS: ReadonlySet<WebhookRefusal> = new Set(["url", "not_https", "credentials", "private_address", "unresolvable"]);
const STATUS: Partial<Record<WebhookRefusal | "paused" | "rate_limited", number>> = { not_owner: 403, not_found: 404, rate_limited: 429 };

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user } = requireBrandMember(request, params.slug, "owner");
  const submission = parseWithZod(await readForm(request), { schema: webhookActionSchema });
  if (submission.status !== "success") return refuse(submission);
  const v = submission.value;
  const base = { companyId: company.id, actorId: user.id };
  if (v.intent === "add") {
    const added = await addWebhook({ ...base, url: v.url, events: v.events });
    if (added.ok) return data({ secret: { webhookId: added.webhookId, url: added.url, secret: added.secret, previousUntil: null } });
    const key: MessageKey = `webhooks.error.${added.kind}`;
    const refusal = URL_REFUSALS.has(added.kind) ? { fieldErrors: { url: [key] } } : { formErrors: [key] };
    return refuse(submission, refusal, STATUS[added.kind] ?? 400, { vars: { max: WEBHOOK_LIMITS.perCompany } });
  }
  if (v.intent === "rotate") {
    const rotated = rotateWebhookSecret({ ...base, webhookId: v.webhookId });
    if (!rotated.ok) return refuse(submission, { formErrors: [`webhooks.error.${rotated.kind}`] }, STATUS[rotated.kind] ?? 409);
    return data({ secret: { webhookId: v.webhookId, url: rotated.url, secret: rotated.secret, previousUntil: rotated.previousUntil } });
  }
  const outcome =
    v.intent === "test"
      ? await sendTestEvent({ ...base, webhookId: v.webhookId })
      : v.intent === "delete"
        ? deleteWebhook({ ...base, webhookId: v.webhookId })
        : setWebhookActive({ ...base, webhookId: v.webhookId, active: v.intent === "resume" });
  if (!outcome.ok) return refuse(submission, { formErrors: [`webhooks.error.${outcome.kind}`] }, STATUS[outcome.kind] ?? 409);
  return redirectWithFlash(request, `/brand/${company.slug}/webhooks`, FLASH[v.intent]);
}

const FLASH: Record<"test" | "pause" | "resume" | "delete", MessageKey> = {
  test: "flash.webhookTested",
  pause: "flash.webhookPaused",
  resume: "flash.webhookResumed",
  delete: "flash.webhookDeleted",
};

type Answer = ReturnType<typeof useActionData<typeof action>>;

function formAnswer(answer: Answer) {
  return answer && "result" in answer ? answer : undefined;
}

export default function WebhooksPage() {
  const { company, webhooks } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const refused = formAnswer(answer);
  // A refusal of a row's button (a stale page) is shown at the top of the page.
  const rowError =
    refused && refused.result.initialValue?.intent !== "add" ? conformErrors(locale, refused.result.error?.[""] ?? undefined) : [];
  return (
    <div className="page brand-page brand-webhooks">
      <BrandInboxLink company={company} />
      <h1>{t("webhooks.title", { company: company.name })}</h1>
      <p>{t("webhooks.intro")}</p>
      {rowError.length > 0 ? <FormError id="webhooks-error">{rowError.join(" ")}</FormError> : null}
      {answer && "secret" in answer ? <SecretOnce {...answer.secret} /> : null}

      <section className="section" aria-labelledby="webhooks-endpoints">
        <h2 id="webhooks-endpoints">{t("webhooks.endpoints")}</h2>
        {webhooks.length === 0 ? <p className="muted">{t("webhooks.none")}</p> : null}
        {webhooks.map((w) => (
          <Endpoint key={w.id} hook={w} />
        ))}
      </section>

      {webhooks.length < WEBHOOK_LIMITS.perCompany ? (
        <AddForm key={answer && "secret" in answer ? answer.secret.webhookId : "add"} />
      ) : (
        <p className="notice section">{t("webhooks.add.full", { max: WEBHOOK_LIMITS.perCompany })}</p>
      )}
      <Signing />
    </div>
  );
}

function SecretOnce({ url, secret, previousUntil }: { url: string; secret: string; previousUntil: number | null }) {
  const { t, locale } = useT();
  return (
    <section className="card section notice" aria-labelledby="webhook-secret" role="status">
      <h2 id="webhook-secret">{t("webhooks.secret.title", { url })}</h2>
      <p>{t("webhooks.secret.once")}</p>
      <Field label={t("webhooks.secret.label")} name="secret" id="webhook-secret-value" readOnly value={secret} spellCheck={false} />
      {previousUntil ? <p>{t("webhooks.secret.rotated", { date: formatDateTime(locale, previousUntil) })}</p> : null}
    </section>
  );
}

function Endpoint({ hook }: { hook: WebhookView }) {
  const { t, date, locale } = useT();
  const headingId = `webhook-${hook.id}`;
  return (
    <article className="card section" aria-labelledby={headingId}>
      <h3 id={headingId} className="brand-webhooks__url">
        {hook.url}
      </h3>
      <p>
        <strong>{t(hook.active ? "webhooks.state.active" : "webhooks.state.paused")}</strong> ·{" "}
        {t("webhooks.created", { date: date(hook.createdAt) })}
      </p>
      <p>{t("webhooks.events", { events: hook.events.join(", ") })}</p>
      {hook.previousSecretUntil ? (
        <p className="muted">{t("webhooks.previousUntil", { date: formatDateTime(locale, hook.previousSecretUntil) })}</p>
      ) : null}
      <div className="review-actions">
        <ul>
          {(hook.active ? (["test", "rotate", "pause", "delete"] as const) : (["resume", "rotate", "delete"] as const)).map((intent) => (
            <li key={intent}>
              <Form method="post">
                <input type="hidden" name="webhookId" value={hook.id} />
                <button
                  type="submit"
                  name="intent"
                  value={intent}
                  className={intent === "delete" ? "button--danger button--small" : "button--small"}
                >
                  {t(`webhooks.${intent}`, { url: hook.url })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </div>
      <DeliveryLog hook={hook} />
    </article>
  );
}

function DeliveryLog({ hook }: { hook: WebhookView }) {
  const { t } = useT();
  const captionId = `webhook-log-${hook.id}`;
  if (hook.deliveries.length === 0) return <p className="muted">{t("webhooks.log.none")}</p>;
  return (
    <CaptionedTable
      id={captionId}
      caption={t("webhooks.log.caption", { url: hook.url })}
      columns={[
        t("webhooks.log.time"),
        t("webhooks.log.event"),
        t("webhooks.log.status"),
        t("webhooks.log.response"),
        t("webhooks.log.attempts"),
      ]}
    >
      {hook.deliveries.map((d) => (
        <DeliveryRow key={d.id} delivery={d} />
      ))}
    </CaptionedTable>
  );
}

function DeliveryRow({ delivery: d }: { delivery: WebhookDeliveryView }) {
  const { t, locale } = useT();
  return (
    <tr>
      <th scope="row">{formatDateTime(locale, d.at)}</th>
      <td>
        <code>{d.event}</code>
      </td>
      <td>
        {t(`webhooks.status.${d.status}`)}
        {d.status === "pending" && d.nextAttemptAt ? (
          <span className="muted"> · {t("webhooks.log.next", { time: formatDateTime(locale, d.nextAttemptAt) })}</span>
        ) : null}
      </td>
      <td>{d.responseStatus ?? d.error ?? "—"}</td>
      <td>{d.attempts}</td>
    </tr>
  );
}

function AddForm() {
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const refused = formAnswer(answer);
  const mine = refused?.result.initialValue?.intent === "add";
  const [form, fields] = useForm({
    id: "webhook-add",
    lastResult: mine ? refused?.result : undefined,
    constraint: getZodConstraint(addWebhookSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addWebhookSchema }),
  });
  const vars = { max: WEBHOOK_LIMITS.perCompany };
  const events = fields.events;
  const eventsError = conformError(locale, events.errors);
  return (
    <section className="card section" aria-labelledby="webhook-add-title">
      <h2 id="webhook-add-title">{t("webhooks.add.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <ConformFormError form={form} vars={vars} />
        <ConformField
          label={t("webhooks.add.url")}
          field={fields.url}
          hint={t("webhooks.add.url.hint")}
          inputMode="url"
          autoComplete="off"
        />
        <fieldset className={eventsError ? "field field--invalid" : "field"} aria-describedby={describedBy(events)}>
          <legend>{t("webhooks.add.events")}</legend>
          {WEBHOOK_EVENTS.map((event) => {
            // Conform marks an array field `multiple`, which HTML allows on no checkbox.
            const { key: _key, multiple: _multiple, ...input } = getInputProps(events, { type: "checkbox", value: event });
            const id = `${events.id}-${event.replace(".", "-")}`;
            return (
              <div key={event} className="checkbox">
                <input key={events.key} {...input} id={id} />
                <label htmlFor={id}>{t(`webhooks.event.${event}`)}</label>
              </div>
            );
          })}
          {eventsError ? (
            <p className="field__error" id={events.errorId}>
              {eventsError}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" name="intent" value="add">
          {t("webhooks.add.submit")}
        </button>
      </Form>
    </section>
  );
}

function Signing() {
  const { t, locale } = useT();
  const schedule = new Intl.ListFormat(locale === "fr" ? "fr-FR" : "en-GB", { type: "conjunction" }).format(
    WEBHOOK_RETRY_SCHEDULE_MS.map((ms) => (ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`)),
  );
  return (
    <section className="section" aria-labelledby="webhook-signing">
      <h2 id="webhook-signing">{t("webhooks.signing.title")}</h2>
      <p>{t("webhooks.signing.body")}</p>
      <p>{t("webhooks.signing.retries", { seconds: WEBHOOK_TIMEOUT_MS / 1000, schedule })}</p>
      <p>{t("webhooks.signing.rotation")}</p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
