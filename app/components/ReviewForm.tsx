// The review form, for a new review, a suggested subject and an edit. A real
// multipart <Form method="post"> that works without JavaScript (a "Show the preview"
// button renders the Markdown on the server); with JavaScript, the preview follows the
// typing through the /markdown-preview resource route. On Conform: the action's answer
// (`useForm({ lastResult })`) gives each field what was typed and its errors; the form is
// checked on the server (app/models/review-form.server.ts), where the files are.
import { getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { ConformFormError, Field } from "~/components/Field";
import { useMarkdownPreview } from "~/components/useMarkdownPreview";
import { CHANNELS, LANGUAGES } from "#db/enums";
import type { Locale, MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { conformError, type FormAnswer } from "~/lib/conform";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";

export interface KeptUpload {
  token: string;
  width: number;
  height: number;
}

export interface ExistingPhoto {
  id: number;
  storageKey: string;
  width: number;
  height: number;
}

/** What the review form's action answers (app/routes/write-a-review.*, reviews.$id_.edit). */
export type ReviewFormAnswer = FormAnswer & { keptPhotos: KeptUpload[]; keptProof: KeptUpload | null; previewHtml: string | null };

export interface ReviewFormProps {
  mode: "new" | "edit";
  /** The action's answer, if any. */
  answer?: ReviewFormAnswer;
  /** The values before anything was typed (an edit: the review's). */
  defaultValue?: Record<string, string>;
  notice?: ReactNode;
  existingPhotos?: ExistingPhoto[];
  existingProofStatus?: string | null;
  minDate: string;
  maxDate: string;
  /** Fields shown before the review (the suggestion of a new subject): `ReviewFormField`s. */
  children?: ReactNode;
}

type ReviewFormFields = Record<string, FieldMetadata<unknown>>;

/** A field as the form renders it: its id and name, what was typed, its error (translated). */
function fieldView(fields: ReviewFormFields, name: string, locale: Locale) {
  const field = fields[name]!;
  return {
    key: field.key,
    id: field.id,
    name,
    value: typeof field.initialValue === "string" ? field.initialValue : undefined,
    error: conformError(locale, field.errors),
    errorId: field.errorId,
  };
}

const FieldsContext = createContext<ReviewFormFields | null>(null);

/** The review form's fields for the ones a page adds in `children` (the suggestion's). */
export function useReviewFormFields() {
  const fields = useContext(FieldsContext);
  const { locale } = useT();
  if (!fields) throw new Error("useReviewFormFields outside a ReviewForm");
  return (name: string) => fieldView(fields, name, locale);
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field__error" id={id}>
      {error}
    </p>
  ) : null;
}

function RadioGroup({
  id,
  name,
  legend,
  options,
  value,
  error,
  hint,
  className,
}: {
  id: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
  className?: string;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={["field", "radio-group", className ?? "", error ? "field--invalid" : ""].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
      id={id}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="radio-group__options">
        {options.map((o) => (
          <label key={o.value} className="radio-group__option">
            <input type="radio" name={name} value={o.value} defaultChecked={value === o.value} required />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

type FieldView = ReturnType<typeof fieldView>;

export function ReviewForm(props: ReviewFormProps) {
  const { t, locale } = useT();
  const { answer } = props;
  const [form, fields] = useForm<Record<string, unknown>>({ id: "review", lastResult: answer?.result, defaultValue: props.defaultValue });
  const field = (name: string) => fieldView(fields, name, locale);
  const [stars, title, body, experienceDate, channel, recommend, language, photos, proof, attestation] = [
    "stars",
    "title",
    "body",
    "experienceDate",
    "channel",
    "recommend",
    "language",
    "photos",
    "proof",
    "attestation",
  ].map(field);
  const navigation = useNavigation();
  const preview = useMarkdownPreview(body!.value ?? "");
  // A new answer from the server (errors, server preview) replaces the live preview.
  const { reset } = preview;
  useEffect(() => reset(), [answer, reset]);

  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="card review-form"
      {...getFormProps(form)}
      onSubmit={(event) => {
        preview.stop();
        form.onSubmit(event);
      }}
    >
      <ConformFormError form={form} vars={answer?.vars} fix="reviewForm.fixErrors" />
      {props.notice}
      <FieldsContext.Provider value={fields}>{props.children}</FieldsContext.Provider>

      <RadioGroup
        id={stars!.id}
        name="stars"
        legend={t("reviewForm.stars")}
        className="stars-input"
        value={stars!.value}
        error={stars!.error}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`reviewForm.star.${n}` as MessageKey) }))}
      />

      <Field
        key={title!.key}
        id={title!.id}
        label={t("reviewForm.title")}
        name="title"
        hint={t("reviewForm.titleHint")}
        defaultValue={title!.value}
        error={title!.error}
        maxLength={120}
        required
        autoComplete="off"
      />

      <BodyWithPreview
        body={body!}
        language={language!.value || locale}
        preview={preview}
        serverPreviewHtml={answer?.previewHtml ?? null}
      />

      <Field
        key={experienceDate!.key}
        id={experienceDate!.id}
        label={t("reviewForm.experienceDate")}
        name="experienceDate"
        type="date"
        hint={t("reviewForm.experienceDateHint")}
        defaultValue={experienceDate!.value}
        error={experienceDate!.error}
        min={props.minDate}
        max={props.maxDate}
        required
      />

      <ChannelSelect channel={channel!} />

      <RadioGroup
        id={recommend!.id}
        name="recommend"
        legend={t("reviewForm.recommend")}
        value={recommend!.value}
        error={recommend!.error}
        options={[
          { value: "yes", label: t("reviewForm.yes") },
          { value: "no", label: t("reviewForm.no") },
        ]}
      />

      <LanguageSelect language={language!} />
      <PhotosField photos={photos!} existing={props.existingPhotos ?? []} kept={answer?.keptPhotos ?? []} />
      <ProofField proof={proof!} existingStatus={props.existingProofStatus ?? null} kept={answer?.keptProof ?? null} />
      <AttestationField attestation={attestation!} />

      <p>
        <a href="/transparency">{t("reviewForm.rules")}</a>
      </p>
      <div className="review-form__buttons">
        {/* The first submit button is the one Enter presses: saving. */}
        <button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
          {props.mode === "edit" ? t("reviewForm.submitEdit") : t("reviewForm.submitNew")}
        </button>
        {/* Without JavaScript: the server renders the preview and keeps everything typed. */}
        <noscript>
          <button type="submit" name="intent" value="preview" className="button button--ghost">
            {t("reviewForm.previewButton")}
          </button>
        </noscript>
      </div>
    </Form>
  );
}

/** The text, its character count (with JavaScript) and its preview: live while typing,
 *  the server's after a "Show the preview" post without JavaScript. */
function BodyWithPreview({
  body,
  language,
  preview,
  serverPreviewHtml,
}: {
  body: FieldView;
  language: string;
  preview: ReturnType<typeof useMarkdownPreview>;
  serverPreviewHtml: string | null;
}) {
  const { t } = useT();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const previewHtml = preview.html ?? serverPreviewHtml;
  return (
    <div className="review-form__body">
      <Field
        key={body.key}
        id={body.id}
        as="textarea"
        label={t("reviewForm.body")}
        name="body"
        hint={t("reviewForm.bodyHint")}
        defaultValue={body.value}
        error={body.error}
        rows={10}
        required
        onInput={(e) => preview.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {hydrated ? (
        <p
          className={preview.length > MARKDOWN_MAX_LENGTH ? "review-form__count field__error" : "review-form__count muted"}
          aria-live="polite"
        >
          {t("reviewForm.charCount", { count: preview.length })}
        </p>
      ) : null}
      <section className="review-form__preview" aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="review-form__preview-heading">
          {t("reviewForm.preview")}
        </h2>
        {previewHtml ? (
          <div className="post__body" lang={language} dangerouslySetInnerHTML={{ __html: previewHtml }} />
        ) : (
          <p className="muted">{t("reviewForm.previewEmpty")}</p>
        )}
      </section>
    </div>
  );
}

function ChannelSelect({ channel }: { channel: FieldView }) {
  const { t } = useT();
  return (
    <div className={channel.error ? "field field--invalid" : "field"}>
      <label htmlFor={channel.id}>{t("reviewForm.channel")}</label>
      <select
        key={channel.key}
        id={channel.id}
        name="channel"
        defaultValue={channel.value ?? ""}
        aria-invalid={channel.error ? true : undefined}
        aria-describedby={channel.error ? `${channel.id}-error` : undefined}
        required
      >
        <option value="">{t("reviewForm.chooseChannel")}</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}` as MessageKey)}
          </option>
        ))}
      </select>
      <ErrorText id={`${channel.id}-error`} error={channel.error} />
    </div>
  );
}

function LanguageSelect({ language }: { language: FieldView }) {
  const { t, locale } = useT();
  return (
    <div className="field">
      <label htmlFor={language.id}>{t("reviewForm.language")}</label>
      <select key={language.key} id={language.id} name="language" defaultValue={language.value || locale}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {l === "fr" ? "Français" : "English"}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A file input with its hint and error, described by both. */
function FileInput({ field, multiple }: { field: FieldView; multiple?: boolean }) {
  return (
    <>
      <input
        id={field.id}
        type="file"
        name={field.name}
        multiple={multiple}
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={field.error ? true : undefined}
        aria-describedby={[`${field.id}-hint`, field.error ? `${field.id}-error` : ""].filter(Boolean).join(" ")}
      />
      <ErrorText id={`${field.id}-error`} error={field.error} />
    </>
  );
}

/** Photos: those already on the review (an edit), those kept from a post with errors, new ones. */
function PhotosField({ photos, existing, kept }: { photos: FieldView; existing: ExistingPhoto[]; kept: KeptUpload[] }) {
  const { t } = useT();
  return (
    <div className={photos.error ? "field field--invalid" : "field"}>
      <label htmlFor={photos.id}>{t("reviewForm.photos")}</label>
      <p className="field__hint" id={`${photos.id}-hint`}>
        {t("reviewForm.photosHint")}
      </p>
      {existing.length + kept.length > 0 ? (
        <ul className="review-form__photos" aria-label={t("reviewForm.photosKept")}>
          {existing.map((p, i) => (
            <li key={p.id}>
              <img
                src={`/media/${p.storageKey}?size=thumb`}
                alt={t("reviewForm.photoAlt", { n: i + 1 })}
                width={120}
                height={Math.round((120 * p.height) / p.width)}
              />
              <label>
                <input type="checkbox" name="removePhoto" value={p.id} /> {t("reviewForm.removePhoto")}
              </label>
            </li>
          ))}
          {kept.map((p, i) => (
            <li key={p.token}>
              <input type="hidden" name="keptPhoto" value={p.token} />
              <span className="review-form__kept">
                {t("reviewForm.photoAlt", { n: existing.length + i + 1 })} ({p.width} × {p.height})
              </span>
              <label>
                <input type="checkbox" name="removeKept" value={p.token} /> {t("reviewForm.removePhoto")}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <FileInput field={photos} multiple />
    </div>
  );
}

/** The proof of experience: its state on the review (an edit), the one kept from a post with errors, a new one. */
function ProofField({ proof, existingStatus, kept }: { proof: FieldView; existingStatus: string | null; kept: KeptUpload | null }) {
  const { t } = useT();
  return (
    <div className={proof.error ? "field field--invalid" : "field"}>
      <label htmlFor={proof.id}>{t("reviewForm.proof")}</label>
      <p className="field__hint" id={`${proof.id}-hint`}>
        {t("reviewForm.proofHint")}
      </p>
      {existingStatus ? <p>{t("reviewForm.proofKept", { status: t(`reviewForm.proofStatus.${existingStatus}` as MessageKey) })}</p> : null}
      {kept ? (
        <p>
          <input type="hidden" name="keptProof" value={kept.token} />
          {t("reviewForm.proofKept", { status: t("reviewForm.proofStatus.pending") })}
        </p>
      ) : null}
      <FileInput field={proof} />
    </div>
  );
}

function AttestationField({ attestation }: { attestation: FieldView }) {
  const { t } = useT();
  return (
    <div className={attestation.error ? "field field--invalid field--checkbox" : "field field--checkbox"}>
      <label>
        <input
          key={attestation.key}
          type="checkbox"
          name="attestation"
          value="on"
          id={attestation.id}
          defaultChecked={attestation.value === "on"}
          aria-invalid={attestation.error ? true : undefined}
          aria-describedby={attestation.error ? `${attestation.id}-error` : undefined}
          required
        />{" "}
        {t("reviewForm.attestation")}
      </label>
      <ErrorText id={`${attestation.id}-error`} error={attestation.error} />
    </div>
  );
}
