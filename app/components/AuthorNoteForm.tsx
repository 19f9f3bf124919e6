// The one form of the author's notes about their review: the follow-up after the company's
// reply, and the report of an offer made to change the review. One Markdown text, on
// Conform with the route's own schema; a plain form without JavaScript that keeps the text.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { conformError, conformErrors } from "~/lib/conform";
import { Field, FormError } from "./Field";

export type AuthorNoteSchema = z.ZodObject<{ body: z.ZodType<string> }>;

export function AuthorNoteForm({
  schema,
  lastResult,
  labels,
}: {
  schema: AuthorNoteSchema;
  lastResult?: SubmissionResult<string[]> | null;
  labels: { body: MessageKey; hint: MessageKey; submit: MessageKey };
}) {
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "author-note",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const { key, ...body } = getTextareaProps(fields.body);
  const formErrors = conformErrors(locale, form.errors);
  const fieldError = conformError(locale, fields.body.errors);
  return (
    <Form method="post" className="card" {...getFormProps(form)}>
      <FormError>{formErrors[0] ?? (fieldError ? t("reviewForm.fixErrors") : undefined)}</FormError>
      <Field
        key={key}
        as="textarea"
        label={t(labels.body)}
        hint={t(labels.hint)}
        error={fieldError}
        rows={8}
        {...body}
        id={fields.body.id}
        name={fields.body.name}
      />
      <button type="submit">{t(labels.submit)}</button>
    </Form>
  );
}
