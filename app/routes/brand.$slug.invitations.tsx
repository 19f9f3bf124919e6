// /brand/:slug/invitations: an owner invites customers to review the company, the same way
// for all of them (app/models/review-invitations.server.ts checks every row again): the link
// to share, one invitation by address, and a CSV file answered by a row-by-row report that
// keeps the good rows. Agents see what was sent. Conform forms that work without JavaScript.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BrandInboxLink } from "~/components/BrandInboxLink";
import { LanguageOptions } from "~/components/ChoiceOptions";
import { Field, FormError } from "~/components/Field";
import { InvitationLocaleField, InviteeEmailField } from "~/components/InvitationFields";
import { CaptionedTable } from "~/components/ScrollRegion";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { conformError, conformErrors, conformFieldProps } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse, replyTo } from "~/lib/form-answers.server";
import { readForm } from "~/lib/http.server";
import { CSV_COLUMNS, inviteOneSchema, invitationsActionSchema } from "~/lib/invitation-form";
import { INVITATION_DAYS, INVITATION_LIMITS, REINVITE_AFTER_DAYS, REMINDER_AFTER_DAYS, SHARE_LINK_DAYS } from "~/lib/invitation-policy";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { readInvitationFile, type UploadReport } from "~/models/invitation-upload.server";
import {
  createShareLink,
  invitationPath,
  listInvitations,
  sendInvitations,
  type InvitationState,
} from "~/models/review-invitations.server";

export const links = brandPageLinks();

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("invitations.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, memberRole } = requireBrandMember(request, params.slug);
  const page = listInvitations(company.id);
  const site = requestSiteOrigin(request) ?? new URL(request.url).origin;
  return {
    company,
    memberRole,
    locale: getLocale(request),
    ...page,
    linkUrl: page.link ? `${site}${invitationPath(page.link.token)}` : null,
  };
}

const STATUS: Record<string, number> = { not_owner: 403 };

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user } = requireBrandMember(request, params.slug, "owner");
  const upload = await readInvitationFile(request);
  const submission = parseWithZod(upload?.form ?? (await readForm(request)), { schema: invitationsActionSchema });
  if (submission.status !== "success") return refuse(submission);
  const v = submission.value;
  const base = { companyId: company.id, actorId: user.id };
  const origin = requestSiteOrigin(request);

  if (v.intent === "link") {
    const outcome = createShareLink({ ...base, subjectId: v.subjectId });
    if (outcome.ok) return done(request, company.slug, "flash.shareLinkCreated");
    if (outcome.kind === "subject") return refuse(submission, { fieldErrors: { subjectId: ["invitations.error.subject"] } });
    return refuse(submission, { formErrors: [`invitations.error.${outcome.kind}`] }, STATUS[outcome.kind] ?? 409);
  }

  if (v.intent === "invite") {
    const outcome = sendInvitations({ ...base, origin, rows: [{ line: 1, ...v }] });
    if (!outcome.ok) return refuse(submission, { formErrors: [`invitations.error.${outcome.kind}`] }, STATUS[outcome.kind] ?? 409);
    const row = outcome.rows[0]!;
    if (row.sent) return done(request, company.slug, "flash.invitationSent");
    const field = row.error === "invitations.row.subject" ? "subjectId" : row.error === "invitations.row.limit" ? "" : "email";
    return refuse(submission, field ? { fieldErrors: { [field]: [row.error] } } : { formErrors: [row.error] }, 409);
  }

  if (!upload || upload.error) {
    return refuse(submission, { fieldErrors: { file: [upload?.error ?? "invitations.error.csvMissing"] } });
  }
  const reading = upload.reading!;
  const outcome = sendInvitations({ ...base, origin, rows: reading.good });
  if (!outcome.ok) return refuse(submission, { formErrors: [`invitations.error.${outcome.kind}`] }, STATUS[outcome.kind] ?? 409);
  const report: UploadReport = {
    rows: [...reading.bad, ...outcome.rows].sort((a, b) => a.line - b.line),
    sent: outcome.sent,
    ignoredColumns: reading.ignoredColumns,
    truncated: reading.truncated,
  };
  return data({ result: replyTo(submission), report });
}

async function done(request: Request, slug: string, flash: MessageKey) {
  return redirectWithFlash(request, `/brand/${slug}/invitations`, flash);
}

const STATES: readonly InvitationState[] = ["sent", "reminded", "used", "opted_out", "expired"];

export default function InvitationsPage() {
  const { company, memberRole, counts, sentToday, recent } = useLoaderData<typeof loader>();
  const { t, tp, date, n: number } = useT();
  const owner = memberRole === "owner";
  return (
    <div className="page brand-page brand-invitations">
      <BrandInboxLink company={company} />
      <h1>{t("invitations.title", { company: company.name })}</h1>
      <p>{t("invitations.intro", { reminder: REMINDER_AFTER_DAYS, again: REINVITE_AFTER_DAYS })}</p>
      <p>
        <Link to="/transparency#invitations">{t("invitations.rulesLink")}</Link>
      </p>
      {!owner ? <p className="muted">{t("invitations.agentIntro")}</p> : null}
      {owner && !company.verified ? <p className="notice">{t("invitations.notVerified", { company: company.name })}</p> : null}
      {owner && company.verified ? (
        <>
          <ShareLinkSection />
          <InviteOneForm />
          <UploadForm />
        </>
      ) : null}

      <section className="section" aria-labelledby="invitations-sent">
        <h2 id="invitations-sent">{t("invitations.sent.title")}</h2>
        <p>{tp("invitations.sent.today", sentToday, { limit: INVITATION_LIMITS.mailsPerDay })}</p>
        <ul className="brand-invitations__counts">
          {STATES.map((s) => (
            <li key={s}>{t("invitations.state.count", { state: t(`invitations.state.${s}`), count: number(counts[s]) })}</li>
          ))}
        </ul>
        {recent.length === 0 ? (
          <p className="muted">{t("invitations.sent.none")}</p>
        ) : (
          <CaptionedTable
            id="invitations-table"
            caption={t("invitations.sent.table")}
            columns={[
              t("invitations.field.email"),
              t("invitations.field.subject"),
              t("invitations.field.reference"),
              t("invitations.sent.on"),
              t("invitations.sent.state"),
            ]}
          >
            {recent.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {i.email}
                  {i.name ? <span className="muted"> · {i.name}</span> : null}
                </th>
                <td>{i.subject ?? "—"}</td>
                <td>{i.reference ?? "—"}</td>
                <td>{date(i.sentAt)}</td>
                <td>
                  {t(`invitations.state.${i.state}`)}
                  {i.remindedAt ? <span className="muted"> · {t("invitations.sent.reminded", { date: date(i.remindedAt) })}</span> : null}
                  {i.usedAt ? <span className="muted"> · {date(i.usedAt)}</span> : null}
                </td>
              </tr>
            ))}
          </CaptionedTable>
        )}
      </section>
    </div>
  );
}

function useAnswerFor(intent: string) {
  const answer = useActionData<typeof action>();
  return answer?.result.initialValue?.intent === intent ? answer : undefined;
}

function SubjectSelect({ name, id, error, hint, label }: { name: string; id: string; error?: string; hint?: string; label: string }) {
  const { subjects } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <Field as="select" label={label} name={name} id={id} hint={hint} error={error} defaultValue="">
      <option value="">{t("invitations.field.subjectAny")}</option>
      {subjects.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name} ({t(`subjectKind.${s.kind}` as MessageKey)})
        </option>
      ))}
    </Field>
  );
}

function ShareLinkSection() {
  const { link, linkUrl } = useLoaderData<typeof loader>();
  const answer = useAnswerFor("link");
  const { t, date, locale, n: number } = useT();
  const errors = conformErrors(locale, answer?.result.error?.[""] ?? undefined);
  return (
    <section className="card section" aria-labelledby="share-link-title">
      <h2 id="share-link-title">{t("invitations.link.title")}</h2>
      <p>{t("invitations.link.intro", { days: SHARE_LINK_DAYS })}</p>
      {link && linkUrl ? (
        <>
          <Field label={t("invitations.link.url")} name="share-url" id="share-url" readOnly value={linkUrl} />
          <p className="muted">
            {t("invitations.link.facts", {
              subject: link.subject ?? t("invitations.field.subjectAny"),
              created: date(link.createdAt),
              expires: date(link.expiresAt),
              reviews: number(link.reviews),
            })}
          </p>
        </>
      ) : (
        <p className="muted">{t("invitations.link.none")}</p>
      )}
      <Form method="post" className="stack">
        {errors.length > 0 ? <FormError id="share-link-error">{errors.join(" ")}</FormError> : null}
        <SubjectSelect
          name="subjectId"
          id="share-link-subject"
          label={t("invitations.field.subject")}
          error={conformError(locale, answer?.result.error?.subjectId ?? undefined)}
        />
        <button type="submit" name="intent" value="link" className={link ? "button--secondary" : undefined}>
          {link ? t("invitations.link.replace") : t("invitations.link.create")}
        </button>
        {link ? <p className="muted">{t("invitations.link.replaceHint")}</p> : null}
      </Form>
    </section>
  );
}

function InviteOneForm() {
  const { locale: pageLocale } = useLoaderData<typeof loader>();
  const answer = useAnswerFor("invite");
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "invite-one",
    lastResult: answer?.result,
    constraint: getZodConstraint(inviteOneSchema),
    defaultValue: { locale: pageLocale },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteOneSchema }),
  });
  const vars = { days: INVITATION_DAYS, again: REINVITE_AFTER_DAYS, limit: INVITATION_LIMITS.mailsPerDay };
  const formErrors = conformErrors(locale, form.errors, vars);
  return (
    <section className="card section" aria-labelledby="invite-one-title">
      <h2 id="invite-one-title">{t("invitations.one.title")}</h2>
      <p>{t("invitations.one.intro", vars)}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        {formErrors.length > 0 ? <FormError id={form.errorId}>{formErrors.join(" ")}</FormError> : null}
        <InviteeEmailField label={t("invitations.field.email")} field={fields.email} vars={vars} />
        <Field
          label={t("invitations.field.name")}
          hint={t("invitations.field.optional")}
          autoComplete="off"
          maxLength={100}
          {...conformFieldProps(locale, fields.name, vars)}
        />
        <InvitationLocaleField label={t("invitations.field.locale")} field={fields.locale} vars={vars} pageLocale={pageLocale} />
        <SubjectSelect
          name={fields.subjectId.name}
          id={fields.subjectId.id}
          label={t("invitations.field.subject")}
          error={conformError(locale, fields.subjectId.errors, vars)}
        />
        <Field
          label={t("invitations.field.reference")}
          hint={t("invitations.field.referenceHint")}
          autoComplete="off"
          maxLength={100}
          {...conformFieldProps(locale, fields.reference, vars)}
        />
        <button type="submit" name="intent" value="invite">
          {t("invitations.one.submit")}
        </button>
      </Form>
    </section>
  );
}

function UploadForm() {
  const { locale: pageLocale } = useLoaderData<typeof loader>();
  const answer = useAnswerFor("upload");
  const { t, locale } = useT();
  const vars = { rows: INVITATION_LIMITS.csvRows, kb: INVITATION_LIMITS.csvBytes / 1024, columns: CSV_COLUMNS.join(", ") };
  const fileError = conformError(locale, answer?.result.error?.file ?? undefined, vars);
  const formErrors = conformErrors(locale, answer?.result.error?.[""] ?? undefined, vars);
  const report = answer && "report" in answer ? answer.report : undefined;
  return (
    <section className="card section" aria-labelledby="upload-title">
      <h2 id="upload-title">{t("invitations.upload.title")}</h2>
      <p>{t("invitations.upload.intro", vars)}</p>
      <Form method="post" encType="multipart/form-data" className="stack">
        {formErrors.length > 0 ? <FormError id="upload-error">{formErrors.join(" ")}</FormError> : null}
        <Field
          label={t("invitations.upload.file")}
          hint={t("invitations.upload.fileHint", vars)}
          name="file"
          id="upload-file"
          type="file"
          accept=".csv,text/csv"
          required
          error={fileError}
        />
        <Field as="select" label={t("invitations.upload.locale")} name="locale" id="upload-locale" defaultValue={pageLocale}>
          <LanguageOptions />
        </Field>
        <button type="submit" name="intent" value="upload">
          {t("invitations.upload.submit")}
        </button>
      </Form>
      {report ? <UploadReportView report={report} /> : null}
    </section>
  );
}

function UploadReportView({ report }: { report: UploadReport }) {
  const { t, tp, locale } = useT();
  const refused = report.rows.length - report.sent;
  const vars = { days: INVITATION_DAYS, again: REINVITE_AFTER_DAYS, limit: INVITATION_LIMITS.mailsPerDay, rows: INVITATION_LIMITS.csvRows };
  return (
    <div className="brand-invitations__report section" role="status">
      <h3>{t("invitations.report.title")}</h3>
      <p>
        {tp("invitations.report.sentCount", report.sent)} {tp("invitations.report.refusedCount", refused)}
      </p>
      {report.ignoredColumns.length > 0 ? <p>{t("invitations.report.ignored", { columns: report.ignoredColumns.join(", ") })}</p> : null}
      {report.truncated ? <p className="notice">{t("invitations.report.truncated", vars)}</p> : null}
      {report.rows.length > 0 ? (
        <CaptionedTable
          id="report-table"
          caption={t("invitations.report.table")}
          columns={[t("invitations.report.line"), t("invitations.field.email"), t("invitations.report.result")]}
        >
          {report.rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <th scope="row">{r.email || "—"}</th>
              <td>{r.sent ? t("invitations.report.sent") : conformError(locale, [r.error], vars)}</td>
            </tr>
          ))}
        </CaptionedTable>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
