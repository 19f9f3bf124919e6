// The review form, for a new review, a suggested subject and an edit. A real
// multipart <Form method="post"> that works without JavaScript (a "Show the preview"
// button renders the Markdown on the server); with JavaScript, the preview follows the
// typing through the /markdown-preview resource route.
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { Field, FormError } from "~/components/Field";
import { useMarkdownPreview } from "~/components/useMarkdownPreview";
import { CHANNELS, LANGUAGES } from "#db/enums";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
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

export interface ReviewFormProps {
  mode: "new" | "edit";
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string | null;
  notice?: ReactNode;
  keptPhotos: KeptUpload[];
  keptProof: KeptUpload | null;
  existingPhotos?: ExistingPhoto[];
  existingProofStatus?: string | null;
  previewHtml?: string | null;
  minDate: string;
  maxDate: string;
  /** Fields shown before the review (the suggestion of a new subject). */
  children?: ReactNode;
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field__error" id={id}>
      {error}
    </p>
  ) : null;
}

function RadioGroup({
  name,
  legend,
  options,
  value,
  error,
  hint,
  className,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value?: string;
  error?: string;
  hint?: string;
  className?: string;
}) {
  const errorId = `field-${name}-error`;
  const hintId = `field-${name}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={["field", "radio-group", className ?? "", error ? "field--invalid" : ""].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
      id={`field-${name}`}
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
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              required
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

export function ReviewForm(props: ReviewFormProps) {
  const { t, locale } = useT();
  const { values, errors } = props;
  const navigation = useNavigation();
  const preview = useMarkdownPreview(values.body ?? "");
  const length = preview.length;
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // A new answer from the server (errors, server preview) replaces the live preview.
  const { reset } = preview;
  useEffect(() => reset(), [props.previewHtml, props.formError, reset]);

  const previewHtml = preview.html ?? props.previewHtml ?? null;
  const photoCount = props.keptPhotos.length + (props.existingPhotos?.length ?? 0);
  const submitting = navigation.state === "submitting";

  return (
    <Form method="post" encType="multipart/form-data" className="card review-form" noValidate onSubmit={preview.stop}>
      <FormError>{props.formError}</FormError>
      {props.notice}
      {props.children}

      <RadioGroup
        name="stars"
        legend={t("reviewForm.stars")}
        className="stars-input"
        value={values.stars}
        error={errors.stars}
        options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`reviewForm.star.${n}` as MessageKey) }))}
      />

      <Field
        label={t("reviewForm.title")}
        name="title"
        hint={t("reviewForm.titleHint")}
        defaultValue={values.title}
        error={errors.title}
        maxLength={120}
        required
        autoComplete="off"
      />

      <div className="review-form__body">
        <Field
          as="textarea"
          label={t("reviewForm.body")}
          name="body"
          hint={t("reviewForm.bodyHint")}
          defaultValue={values.body}
          error={errors.body}
          rows={10}
          required
          onInput={(e) => preview.onInput((e.target as HTMLTextAreaElement).value)}
        />
        {hydrated ? (
          <p className={length > MARKDOWN_MAX_LENGTH ? "review-form__count field__error" : "review-form__count muted"} aria-live="polite">
            {t("reviewForm.charCount", { count: length })}
          </p>
        ) : null}
        <section className="review-form__preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="review-form__preview-heading">
            {t("reviewForm.preview")}
          </h2>
          {previewHtml ? (
            <div className="post__body" lang={values.language || locale} dangerouslySetInnerHTML={{ __html: previewHtml }} />
          ) : (
            <p className="muted">{t("reviewForm.previewEmpty")}</p>
          )}
        </section>
      </div>

      <Field
        label={t("reviewForm.experienceDate")}
        name="experienceDate"
        type="date"
        hint={t("reviewForm.experienceDateHint")}
        defaultValue={values.experienceDate}
        error={errors.experienceDate}
        min={props.minDate}
        max={props.maxDate}
        required
      />

      <div className={errors.channel ? "field field--invalid" : "field"}>
        <label htmlFor="field-channel">{t("reviewForm.channel")}</label>
        <select
          id="field-channel"
          name="channel"
          defaultValue={values.channel ?? ""}
          aria-invalid={errors.channel ? true : undefined}
          aria-describedby={errors.channel ? "field-channel-error" : undefined}
          required
        >
          <option value="">{t("reviewForm.chooseChannel")}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}` as MessageKey)}
            </option>
          ))}
        </select>
        <ErrorText id="field-channel-error" error={errors.channel} />
      </div>

      <RadioGroup
        name="recommend"
        legend={t("reviewForm.recommend")}
        value={values.recommend}
        error={errors.recommend}
        options={[
          { value: "yes", label: t("reviewForm.yes") },
          { value: "no", label: t("reviewForm.no") },
        ]}
      />

      <div className="field">
        <label htmlFor="field-language">{t("reviewForm.language")}</label>
        <select id="field-language" name="language" defaultValue={values.language || locale}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {l === "fr" ? "Français" : "English"}
            </option>
          ))}
        </select>
      </div>

      <div className={errors.photos ? "field field--invalid" : "field"}>
        <label htmlFor="field-photos">{t("reviewForm.photos")}</label>
        <p className="field__hint" id="field-photos-hint">
          {t("reviewForm.photosHint")}
        </p>
        {photoCount > 0 ? (
          <ul className="review-form__photos" aria-label={t("reviewForm.photosKept")}>
            {props.existingPhotos?.map((p, i) => (
              <li key={p.id}>
                <img src={`/media/${p.storageKey}?size=thumb`} alt={t("reviewForm.photoAlt", { n: i + 1 })} width={120} height={Math.round((120 * p.height) / p.width)} />
                <label>
                  <input type="checkbox" name="removePhoto" value={p.id} /> {t("reviewForm.removePhoto")}
                </label>
              </li>
            ))}
            {props.keptPhotos.map((p, i) => (
              <li key={p.token}>
                <input type="hidden" name="keptPhoto" value={p.token} />
                <span className="review-form__kept">
                  {t("reviewForm.photoAlt", { n: (props.existingPhotos?.length ?? 0) + i + 1 })} ({p.width} × {p.height})
                </span>
                <label>
                  <input type="checkbox" name="removeKept" value={p.token} /> {t("reviewForm.removePhoto")}
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          id="field-photos"
          type="file"
          name="photos"
          multiple
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={errors.photos ? true : undefined}
          aria-describedby={["field-photos-hint", errors.photos ? "field-photos-error" : ""].filter(Boolean).join(" ")}
        />
        <ErrorText id="field-photos-error" error={errors.photos} />
      </div>

      <div className={errors.proof ? "field field--invalid" : "field"}>
        <label htmlFor="field-proof">{t("reviewForm.proof")}</label>
        <p className="field__hint" id="field-proof-hint">
          {t("reviewForm.proofHint")}
        </p>
        {props.existingProofStatus ? (
          <p>{t("reviewForm.proofKept", { status: t(`reviewForm.proofStatus.${props.existingProofStatus}` as MessageKey) })}</p>
        ) : null}
        {props.keptProof ? (
          <p>
            <input type="hidden" name="keptProof" value={props.keptProof.token} />
            {t("reviewForm.proofKept", { status: t("reviewForm.proofStatus.pending") })}
          </p>
        ) : null}
        <input
          id="field-proof"
          type="file"
          name="proof"
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={errors.proof ? true : undefined}
          aria-describedby={["field-proof-hint", errors.proof ? "field-proof-error" : ""].filter(Boolean).join(" ")}
        />
        <ErrorText id="field-proof-error" error={errors.proof} />
      </div>

      <div className={errors.attestation ? "field field--invalid field--checkbox" : "field field--checkbox"}>
        <label>
          <input
            type="checkbox"
            name="attestation"
            value="on"
            id="field-attestation"
            defaultChecked={values.attestation === "on"}
            aria-invalid={errors.attestation ? true : undefined}
            aria-describedby={errors.attestation ? "field-attestation-error" : undefined}
            required
          />{" "}
          {t("reviewForm.attestation")}
        </label>
        <ErrorText id="field-attestation-error" error={errors.attestation} />
      </div>

      <p>
        <a href="/transparency">{t("reviewForm.rules")}</a>
      </p>
      <div className="review-form__buttons">
        {/* The first submit button is the one Enter presses: saving. */}
        <button type="submit" name="intent" value="save" disabled={submitting}>
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
