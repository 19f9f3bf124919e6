// /moderation/categories (admins only): the categories companies are filed under, with
// their company counts; add one, rename one, delete one no company is filed under — each
// change a row of the append-only moderation log (app/models/category-admin.server.ts).
// Conform forms on the schemas of app/lib/category-form.ts: plain <Form method="post"> that
// work without JavaScript, errors next to the fields, what was typed kept.
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CaptionedTable } from "~/components/ScrollRegion";
import { FormError } from "~/components/Field";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import {
  CATEGORY_MESSAGE_VARS,
  CATEGORY_NAME_MAX_LENGTH,
  categoryAddSchema,
  categoryDeleteSchema,
  categoryRenameSchema,
} from "~/lib/category-form";
import { conformError, conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { notFound, readForm } from "~/lib/http.server";
import {
  addCategory,
  deleteCategory,
  listAdminCategories,
  listCategoryLog,
  renameCategory,
  type CategoryChangeResult,
} from "~/models/category-admin.server";
import { requireRole } from "~/models/permissions.server";

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "categories.title", "categories.description");

export async function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, "admin");
  return { categories: listAdminCategories(), log: listCategoryLog() };
}

type Which = "add" | "rename" | "delete";
type ActionData = { form: Which; categoryId: number | null; result: SubmissionResult<string[]> };
type Refused = Extract<CategoryChangeResult, { ok: false }>["kind"];

/** How a refusal is answered: next to the French name (it makes the address), or above the form. */
const REFUSAL: Record<Exclude<Refused, "not_found">, { key: MessageKey; status: number; field?: "nameFr" }> = {
  not_admin: { key: "moderation.error.not_allowed", status: 403 },
  slug_empty: { key: "categories.error.slug_empty", status: 400, field: "nameFr" },
  slug_taken: { key: "categories.error.slug_taken", status: 400, field: "nameFr" },
  unchanged: { key: "categories.error.unchanged", status: 409 },
  has_companies: { key: "categories.error.has_companies", status: 409 },
};

const FLASH: Record<Which, MessageKey> = { add: "flash.categoryAdded", rename: "flash.categoryRenamed", delete: "flash.categoryDeleted" };

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, "admin");
  const form = await readForm(request);
  const actor = { id: user.id, role: user.role };
  const intent = form.get("intent");
  const which: Which = intent === "rename" ? "rename" : intent === "delete" ? "delete" : "add";
  const sent = Number(form.get("categoryId"));
  const categoryId = which !== "add" && Number.isSafeInteger(sent) && sent > 0 ? sent : null;

  let submission;
  let outcome: CategoryChangeResult | null = null;
  if (which === "rename") {
    submission = parseWithZod(form, { schema: categoryRenameSchema });
    if (submission.status === "success") outcome = renameCategory({ actor, ...submission.value });
  } else if (which === "delete") {
    submission = parseWithZod(form, { schema: categoryDeleteSchema });
    if (submission.status === "success") outcome = deleteCategory({ actor, categoryId: submission.value.categoryId });
  } else {
    submission = parseWithZod(form, { schema: categoryAddSchema });
    if (submission.status === "success") outcome = addCategory({ actor, ...submission.value });
  }
  if (!outcome) return data<ActionData>({ form: which, categoryId, result: submission.reply() }, { status: 400 });
  if (outcome.ok) return redirectWithFlash(request, "/moderation/categories", FLASH[which]);
  if (outcome.kind === "not_found") throw notFound();
  const answer = REFUSAL[outcome.kind];
  const result = answer.field
    ? submission.reply({ fieldErrors: { [answer.field]: [answer.key] } })
    : submission.reply({ formErrors: [answer.key] });
  return data<ActionData>({ form: which, categoryId, result }, { status: answer.status });
}

// ─── The page ─────────────────────────────────────────────────────────────────

export default function CategoriesPage() {
  const { categories, log } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date } = useT();
  const answered = (which: Which, id: number | null) => (answer?.form === which && answer.categoryId === id ? answer.result : undefined);
  return (
    <div className="page">
      <h1>{t("categories.title")}</h1>
      <p className="lead">{t("categories.intro")}</p>

      <CaptionedTable
        id="categories-table"
        caption={t("categories.list")}
        columns={[t("categories.col.name"), t("categories.col.address"), t("categories.col.companies"), t("categories.col.change")]}
      >
        {categories.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <span lang="fr">{c.nameFr}</span> / <span lang="en">{c.nameEn}</span>
            </th>
            <td>
              <a href={`/categories/${c.slug}`}>/categories/{c.slug}</a>
            </td>
            <td>{c.companyCount}</td>
            <td>
              <RenameForm category={c} lastResult={answered("rename", c.id)} />
              {c.companyCount === 0 ? (
                <DeleteForm categoryId={c.id} lastResult={answered("delete", c.id)} />
              ) : (
                <p className="muted">{t("categories.delete.blocked")}</p>
              )}
            </td>
          </tr>
        ))}
      </CaptionedTable>

      <AddForm lastResult={answered("add", null)} />

      <section className="section" aria-labelledby="categories-log-title">
        <h2 id="categories-log-title">{t("categories.log")}</h2>
        {log.length === 0 ? (
          <p>{t("categories.log.none")}</p>
        ) : (
          <ul>
            {log.map((entry) => (
              <li key={entry.id}>
                <time dateTime={new Date(entry.createdAt).toISOString()}>{date(entry.createdAt)}</time> —{" "}
                {t(`categories.log.${entry.decision}`, { actor: entry.actorName ?? "—" })} — {entry.statement}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The alert above a form: its own errors, or "correct the fields marked below". */
function Alert({ form, fieldsInvalid }: { form: { errors?: string[]; errorId: string }; fieldsInvalid: boolean }) {
  const { t, locale } = useT();
  const messages = conformErrors(locale, form.errors, CATEGORY_MESSAGE_VARS);
  if (messages.length > 0) return <FormError id={form.errorId}>{messages.join(" ")}</FormError>;
  return fieldsInvalid ? <FormError>{t("moderation.error.fix")}</FormError> : null;
}

/** A name's field: label, hint, the input with what was typed, its error next to it. */
function NameField({ field, label }: { field: FieldMetadata<string>; label: string }) {
  const { t, locale } = useT();
  const hintId = `${field.id}-hint`;
  const { key, ...props } = getInputProps(field, { type: "text", ariaDescribedBy: hintId });
  return (
    <div className={field.errors?.length ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      <p className="field__hint" id={hintId}>
        {t("categories.field.hint", CATEGORY_MESSAGE_VARS)}
      </p>
      <input key={key} {...props} maxLength={CATEGORY_NAME_MAX_LENGTH} autoComplete="off" />
      {field.errors?.length ? (
        <p className="field__error" id={field.errorId}>
          {conformError(locale, field.errors, CATEGORY_MESSAGE_VARS)}
        </p>
      ) : null}
    </div>
  );
}

function AddForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "category-add",
    lastResult,
    constraint: getZodConstraint(categoryAddSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categoryAddSchema }),
  });
  return (
    <section className="card section" aria-labelledby="category-add-title">
      <h2 id="category-add-title">{t("categories.add.title")}</h2>
      <p className="muted">{t("categories.add.hint")}</p>
      <Form method="post" {...getFormProps(form)}>
        <Alert form={form} fieldsInvalid={Boolean(fields.nameFr.errors?.length || fields.nameEn.errors?.length)} />
        <input type="hidden" name="intent" value="add" />
        <NameField field={fields.nameFr} label={t("categories.field.nameFr")} />
        <NameField field={fields.nameEn} label={t("categories.field.nameEn")} />
        <button type="submit">{t("categories.add.submit")}</button>
      </Form>
    </section>
  );
}

function RenameForm({
  category,
  lastResult,
}: {
  category: { id: number; nameFr: string; nameEn: string };
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: `category-rename-${category.id}`,
    lastResult,
    defaultValue: { nameFr: category.nameFr, nameEn: category.nameEn },
    constraint: getZodConstraint(categoryRenameSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categoryRenameSchema }),
  });
  return (
    <details open={Boolean(lastResult)}>
      <summary>
        {t("categories.rename")} <span className="visually-hidden">{category.nameFr}</span>
      </summary>
      <Form method="post" {...getFormProps(form)}>
        <Alert form={form} fieldsInvalid={Boolean(fields.nameFr.errors?.length || fields.nameEn.errors?.length)} />
        <input type="hidden" name="intent" value="rename" />
        <input type="hidden" name="categoryId" value={category.id} />
        <NameField field={fields.nameFr} label={t("categories.field.nameFr")} />
        <NameField field={fields.nameEn} label={t("categories.field.nameEn")} />
        <button type="submit">{t("categories.rename.submit")}</button>
      </Form>
    </details>
  );
}

function DeleteForm({ categoryId, lastResult }: { categoryId: number; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useT();
  const [form] = useForm({ id: `category-delete-${categoryId}`, lastResult });
  return (
    <Form method="post" {...getFormProps(form)}>
      <Alert form={form} fieldsInvalid={false} />
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="categoryId" value={categoryId} />
      <button type="submit">{t("categories.delete.submit")}</button>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
