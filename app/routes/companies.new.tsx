// "Add your company": a signed-in user adds a company that is not on Réplique yet. It starts
// claimed (not verified) with them as its owner, and the next page mails a code to an
// address at its domain. A domain some company already has is refused, with a link to it.
// (This file's static segment wins over companies.$slug: "new" is never a company's slug.)
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError } from "~/components/Field";
import { useT } from "~/i18n/react";
import { CategoryOptions } from "~/components/ChoiceOptions";
import { privatePageMeta } from "~/lib/auth-meta";
import { COMPANY_NAME_MAX_LENGTH, COMPANY_WEBSITE_MAX_LENGTH, newCompanySchema } from "~/lib/company-claim-form";
import { conformError, conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { readForm } from "~/lib/http.server";
import { createCompany, listCompanyCategories } from "~/models/company-claims.server";
import { requireUser } from "~/models/permissions.server";
import companiesStyles from "~/styles/companies.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: companiesStyles }];

export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "companies.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  return { categories: listCompanyCategories() };
}

type ActionData = {
  result: SubmissionResult<string[]>;
  /** The company that already has this domain. */
  existing?: { slug: string; name: string };
  vars?: Record<string, number>;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: newCompanySchema });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  const { name, website, category } = submission.value;
  const result = createCompany({ userId: user.id, name, website, categoryId: category });
  if (result.ok) return redirectWithFlash(request, `/companies/${result.slug}/claim`, "flash.companyCreated");
  switch (result.kind) {
    case "domain_taken":
      return data<ActionData>(
        { result: submission.reply({ fieldErrors: { website: ["companies.error.domainTaken"] } }), existing: result.company },
        { status: 409 },
      );
    case "website":
      return data<ActionData>(
        {
          result: submission.reply({
            fieldErrors: { website: [result.problem === "free_mail" ? "companies.error.websiteFreeMail" : "companies.error.website"] },
          }),
        },
        { status: 400 },
      );
    case "unknown_category":
      return data<ActionData>({ result: submission.reply({ fieldErrors: { category: ["companies.error.category"] } }) }, { status: 400 });
    case "rate_limited":
      return data<ActionData>(
        {
          result: submission.reply({ formErrors: ["companies.error.tooManyCompanies"] }),
          vars: { minutes: Math.max(1, Math.ceil(result.retryAfter / 60)) },
        },
        { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
      );
  }
}

export default function NewCompanyPage() {
  const { categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "new-company",
    lastResult: answer?.result,
    constraint: getZodConstraint(newCompanySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newCompanySchema }),
  });
  const hint = (id: string) => `${id}-hint`;
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text", ariaDescribedBy: hint(fields.name.id) });
  const { key: websiteKey, ...websiteProps } = getInputProps(fields.website, { type: "text", ariaDescribedBy: hint(fields.website.id) });
  const { key: categoryKey, ...categoryProps } = getSelectProps(fields.category);
  const formErrors = conformErrors(locale, form.errors, answer?.vars);
  const invalid = Boolean(fields.name.errors?.length || fields.website.errors?.length || fields.category.errors?.length);
  const websiteError = conformError(locale, fields.website.errors);

  return (
    <div className="page page--narrow claim-page">
      <h1>{t("companies.new.title")}</h1>
      <p className="lead">{t("companies.new.lead")}</p>
      <Form
        method="get"
        action="/search"
        role="search"
        aria-label={t("companies.new.searchFirst")}
        className="for-companies__search section"
      >
        <label htmlFor="new-company-q">{t("companies.new.searchFirst")}</label>
        <div className="for-companies__search-row">
          <input id="new-company-q" type="search" name="q" />
          <button type="submit" className="button--ghost">
            {t("forCompanies.searchButton")}
          </button>
        </div>
      </Form>

      <Form method="post" className="card section" {...getFormProps(form)}>
        <FormError id={form.errorId}>{formErrors[0] ?? (invalid && answer ? t("companies.error.fix") : undefined)}</FormError>
        <Field
          key={nameKey}
          label={t("companies.new.name")}
          hint={t("companies.new.nameHint")}
          error={conformError(locale, fields.name.errors)}
          autoComplete="organization"
          maxLength={COMPANY_NAME_MAX_LENGTH}
          {...nameProps}
          id={fields.name.id}
          name={fields.name.name}
        />
        <Field
          key={websiteKey}
          label={t("companies.new.website")}
          hint={t("companies.new.websiteHint")}
          error={websiteError}
          autoComplete="url"
          spellCheck={false}
          maxLength={COMPANY_WEBSITE_MAX_LENGTH}
          {...websiteProps}
          id={fields.website.id}
          name={fields.website.name}
        />
        {answer?.existing && fields.website.errors?.length ? (
          <p>
            <Link to={`/companies/${answer.existing.slug}`}>{t("companies.new.existing", { company: answer.existing.name })}</Link>
          </p>
        ) : null}
        <Field
          key={categoryKey}
          as="select"
          label={t("companies.new.category")}
          error={conformError(locale, fields.category.errors)}
          {...categoryProps}
          id={fields.category.id}
          name={fields.category.name}
        >
          <CategoryOptions categories={categories} />
        </Field>
        <button type="submit">{t("companies.new.submit")}</button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
