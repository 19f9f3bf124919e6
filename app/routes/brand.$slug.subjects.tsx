// /brand/:slug/subjects: a company's stores, websites, products and services, for its members;
// an owner also adds one, edits one (?edit=<id> opens its form), closes, reopens and deletes
// one (app/models/company-subjects.server.ts, which checks each change again). Conform forms
// that work without JavaScript: the add and edit forms keep what was typed and show their
// errors next to the fields; the row buttons are small forms of their own.
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SUBJECT_KINDS } from "#db/enums";
import { BrandInboxLink } from "~/components/BrandInboxLink";
import { ConformField, ConformFormError, Field, FormError } from "~/components/Field";
import { Pagination } from "~/components/Pagination";
import { CaptionedTable } from "~/components/ScrollRegion";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { conformError, conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse } from "~/lib/form-answers.server";
import { readForm } from "~/lib/http.server";
import { addSubjectFormSchema, editSubjectFormSchema, subjectActions, subjectActionSchema, type SubjectIntent } from "~/lib/subject-form";
import {
  changeSubject,
  getCompanySubject,
  listCompanySubjects,
  type CompanySubject,
  type SubjectRefusal,
} from "~/models/company-subjects.server";

export const links = brandPageLinks();

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("subjects.link");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, memberRole } = requireBrandMember(request, params.slug);
  const url = new URL(request.url);
  const editId = Number(url.searchParams.get("edit"));
  const edited = memberRole === "owner" && Number.isSafeInteger(editId) && editId > 0 ? getCompanySubject(company.id, editId) : null;
  return {
    company,
    memberRole,
    ...listCompanySubjects(company.id, { after: url.searchParams.get("after") }),
    editing: edited && subjectActions(edited.state, edited.hasReviews).edit ? edited : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user } = requireBrandMember(request, params.slug, "owner");
  const submission = parseWithZod(await readForm(request), { schema: subjectActionSchema });
  if (submission.status !== "success") return refuse(submission);
  const outcome = changeSubject({ companyId: company.id, actorId: user.id }, submission.value);
  if (!outcome.ok) {
    const key: MessageKey = `subjects.error.${outcome.kind}`;
    return refuse(submission, { formErrors: [key] }, REFUSAL_STATUS[outcome.kind] ?? 409);
  }
  const flash = FLASH[submission.value.intent];
  return redirectWithFlash(request, `/brand/${company.slug}/subjects`, flash);
}

const REFUSAL_STATUS: Partial<Record<SubjectRefusal, number>> = { not_owner: 403, not_found: 404 };

const FLASH: Record<SubjectIntent, MessageKey> = {
  add: "flash.subjectAdded",
  edit: "flash.subjectUpdated",
  close: "flash.subjectClosed",
  reopen: "flash.subjectReopened",
  delete: "flash.subjectDeleted",
};

export default function SubjectsPage() {
  const { company, memberRole, subjects, nextCursor, editing } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const owner = memberRole === "owner";
  const formIntent = answer?.result.initialValue?.intent;
  // A refusal of a row's button (a stale page) is shown at the top of the page.
  const rowError =
    answer && formIntent !== "add" && formIntent !== "edit" ? conformErrors(locale, answer.result.error?.[""] ?? undefined) : [];
  return (
    <div className="page brand-page brand-subjects">
      <BrandInboxLink company={company} />
      <h1>{t("subjects.title", { company: company.name })}</h1>
      <p>{t("subjects.intro")}</p>
      {!owner ? <p className="muted">{t("subjects.agentIntro")}</p> : null}
      {owner && !company.verified ? <p className="notice">{t("subjects.notVerified", { company: company.name })}</p> : null}
      {rowError.length > 0 ? <FormError id="subjects-error">{rowError.join(" ")}</FormError> : null}
      {editing && company.verified ? <EditForm subject={editing} /> : null}

      {subjects.length === 0 ? <p className="muted">{t("subjects.none")}</p> : null}
      <CaptionedTable
        id="subjects-table"
        caption={t("subjects.table")}
        columns={[
          t("subjects.col.name"),
          t("subjects.col.kind"),
          t("subjects.col.city"),
          t("subjects.col.state"),
          t("subjects.col.reviews"),
          owner && company.verified ? t("subjects.col.actions") : null,
        ]}
      >
        {subjects.map((s) => (
          <SubjectRow key={s.id} subject={s} actions={owner && company.verified} />
        ))}
      </CaptionedTable>
      <Pagination nextCursor={nextCursor} param="after" nextLabel={t("subjects.next")} firstLabel={t("subjects.first")} />
      {owner && company.verified ? <AddForm /> : null}
    </div>
  );
}

function SubjectRow({ subject: s, actions }: { subject: CompanySubject; actions: boolean }) {
  const { company } = useLoaderData<typeof loader>();
  const { t, n } = useT();
  const can = subjectActions(s.state, s.hasReviews);
  const hasPage = s.state === "active" || s.state === "closed";
  return (
    <tr>
      <th scope="row">{hasPage ? <Link to={`/companies/${company.slug}/${s.slug}`}>{s.name}</Link> : s.name}</th>
      <td>{t(`subjectKind.${s.kind}`)}</td>
      <td>{s.city ?? "—"}</td>
      <td>{t(`subjects.state.${s.state}`)}</td>
      <td>{n(s.reviewCount)}</td>
      {actions ? (
        <td>
          {can.edit ? (
            <Link to={`/brand/${company.slug}/subjects?edit=${s.id}`} className="button button--ghost">
              {t("subjects.editLink", { name: s.name })}
            </Link>
          ) : null}
          {can.close || can.reopen || can.remove ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="subjectId" value={s.id} />
              {can.close ? <RowButton intent="close" label={t("subjects.close", { name: s.name })} /> : null}
              {can.reopen ? <RowButton intent="reopen" label={t("subjects.reopen", { name: s.name })} /> : null}
              {can.remove ? <RowButton intent="delete" label={t("subjects.delete", { name: s.name })} /> : null}
            </Form>
          ) : null}
          {can.edit && !can.remove ? <p className="muted">{t("subjects.keepsReviews")}</p> : null}
        </td>
      ) : null}
    </tr>
  );
}

function RowButton({ intent, label }: { intent: "close" | "reopen" | "delete"; label: string }) {
  return (
    <button type="submit" name="intent" value={intent} className="button--secondary">
      {label}
    </button>
  );
}

type Fields = Record<"name" | "address" | "postalCode" | "city" | "url", FieldMetadata<unknown>>;

/** The details of a subject: all shown (no script needed), with what each kind requires. */
function DetailFields({ fields }: { fields: Fields }) {
  const { t } = useT();
  return (
    <>
      <ConformField label={t("subjects.field.name")} field={fields.name} required />
      <ConformField label={t("subjects.field.address")} field={fields.address} hint={t("subjects.field.addressHint")} autoComplete="off" />
      <ConformField label={t("subjects.field.postalCode")} field={fields.postalCode} autoComplete="off" />
      <ConformField label={t("subjects.field.city")} field={fields.city} hint={t("subjects.field.cityHint")} autoComplete="off" />
      <ConformField label={t("subjects.field.url")} field={fields.url} hint={t("subjects.field.urlHint")} inputMode="url" />
    </>
  );
}

function AddForm() {
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "add-subject",
    lastResult: answer?.result.initialValue?.intent === "add" ? answer.result : undefined,
    constraint: getZodConstraint(addSubjectFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addSubjectFormSchema }),
  });
  return (
    <section className="card section" aria-labelledby="add-subject-title">
      <h2 id="add-subject-title">{t("subjects.add.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <ConformFormError form={form} />
        <Field
          as="select"
          label={t("subjects.field.kind")}
          name={fields.kind.name}
          id={fields.kind.id}
          required
          defaultValue={(fields.kind.initialValue as string | undefined) ?? ""}
          error={conformError(locale, fields.kind.errors)}
        >
          <option value="" disabled>
            —
          </option>
          {SUBJECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`subjectKind.${k}`)}
            </option>
          ))}
        </Field>
        <DetailFields fields={fields} />
        <button type="submit" name="intent" value="add">
          {t("subjects.add.submit")}
        </button>
      </Form>
    </section>
  );
}

function EditForm({ subject }: { subject: CompanySubject }) {
  const { company } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: `edit-subject-${subject.id}`,
    lastResult: answer?.result.initialValue?.intent === "edit" ? answer.result : undefined,
    constraint: getZodConstraint(editSubjectFormSchema),
    defaultValue: {
      name: subject.name,
      address: subject.address ?? "",
      postalCode: subject.postalCode ?? "",
      city: subject.city ?? "",
      url: subject.url ?? "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editSubjectFormSchema }),
  });
  const path = `/companies/${company.slug}/${subject.slug}`;
  return (
    <section className="card section" aria-labelledby="edit-subject-title">
      <h2 id="edit-subject-title">{t("subjects.edit.title", { name: subject.name })}</h2>
      <p className="muted">
        {t(`subjectKind.${subject.kind}`)} · {t("subjects.edit.intro", { path })}
      </p>
      <Form method="post" action={`/brand/${company.slug}/subjects?edit=${subject.id}`} {...getFormProps(form)}>
        <ConformFormError form={form} />
        <input type="hidden" name="subjectId" value={subject.id} />
        <input type="hidden" name="kind" value={subject.kind} />
        <DetailFields fields={fields} />
        <p className="filters__actions">
          <button type="submit" name="intent" value="edit">
            {t("subjects.edit.submit")}
          </button>
          <Link to={`/brand/${company.slug}/subjects`}>{t("subjects.edit.cancel")}</Link>
        </p>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
