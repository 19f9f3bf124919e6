// Replying to one review, or editing the reply, in the company's name. Beside the review:
// the same customer's other reviews of the company. Before publishing, a reply nearly
// identical to one of the company's earlier replies is held back once with a "this looks
// scripted" warning; a second submit with the confirmation box publishes it anyway.
import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Field, FormError } from "~/components/Field";
import { Thread } from "~/components/Thread";
import { useMarkdownPreview } from "~/components/useMarkdownPreview";
import { useT } from "~/i18n/react";
import { brandPageLinks, brandPageMeta } from "~/lib/brand-page";
import { requireBrandMember } from "~/lib/brand-page.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { conformError, conformErrors } from "~/lib/conform";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import { renderMarkdown } from "~/lib/markdown.server";
import { hit, keyPart } from "~/models/rate-limit.server";
import {
  findScriptedMatch,
  getInboxReview,
  getReplySource,
  listCustomerReviews,
  listReplyRevisions,
  REPLY_RATE_LIMIT,
  saveReply,
  type ScriptedMatch,
} from "~/models/replies.server";
import { forbidden, notFound, readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { replyPreviewSchema, replySchema } from "~/lib/reply-form";

export const links = brandPageLinks();

// Private pages: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta = brandPageMeta("brand.reply.title");

/** The company (404), the member (403 otherwise) and the review, which must be one of
 *  this company's published reviews (404 otherwise: another company's review is not here). */
function load(request: Request, params: { slug?: string; id?: string }) {
  const { company, user } = requireBrandMember(request, params.slug);
  const id = Number(params.id);
  const review = Number.isSafeInteger(id) && id > 0 ? getInboxReview(company.id, id) : null;
  if (!review) throw notFound();
  return { company, user, review };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { company, review } = load(request, params);
  const source = getReplySource(review.id);
  return {
    company,
    review,
    reply: source ? { body: source.status === "published" ? source.body : "", status: source.status, revisions: source.revisions } : null,
    // Earlier versions, for the company's own eyes (a removed reply's text stays with the moderators).
    history: source && source.status === "published" ? listReplyRevisions(source.id).slice(1) : [],
    customer: listCustomerReviews(company.id, review),
  };
}

type ActionData = {
  result: SubmissionResult<string[]>;
  previewHtml?: string | null;
  scripted?: ScriptedMatch | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { company, user, review } = load(request, params);
  if (!company.verified) throw forbidden();
  const form = await readForm(request);
  // The hidden fields must name this company and this review: a form posted for another
  // one (a stale tab, a forged request) is refused rather than applied here.
  if (String(form.get("companyId")) !== String(company.id) || String(form.get("reviewId")) !== String(review.id)) {
    throw forbidden();
  }
  if (form.get("intent") === "preview") {
    const preview = parseWithZod(form, { schema: replyPreviewSchema });
    const previewHtml = preview.status === "success" && preview.value.body ? renderMarkdown(preview.value.body) : null;
    return data<ActionData>({ result: preview.reply(), previewHtml });
  }
  const submission = parseWithZod(form, { schema: replySchema });
  if (submission.status !== "success") return data<ActionData>({ result: submission.reply() }, { status: 400 });
  const refuse = (message: string, status: number) => data<ActionData>({ result: submission.reply({ formErrors: [message] }) }, { status });
  const body = submission.value.body;
  if (form.get("confirmScripted") !== "yes") {
    const scripted = findScriptedMatch(company.id, review.id, body);
    if (scripted) return data<ActionData>({ result: submission.reply(), scripted }, { status: 409 });
  }
  if (!hit(`reply:${keyPart(String(user.id))}`, REPLY_RATE_LIMIT).allowed) return refuse("brand.reply.rateLimited", 429);
  const result = saveReply({
    actor: { id: user.id, role: user.role },
    companyId: company.id,
    reviewId: review.id,
    body,
    origin: requestSiteOrigin(request),
  });
  if (result.ok) {
    return redirectWithFlash(
      request,
      `/brand/${company.slug}/reviews/${review.id}`,
      result.created ? "flash.brandReplyPublished" : "flash.brandReplyEdited",
    );
  }
  if (result.kind === "forbidden" || result.kind === "not_verified") throw forbidden();
  if (result.kind === "not_found") throw notFound();
  return refuse(result.kind === "locked" ? "brand.reply.locked" : "brand.reply.notAllowed", 409);
}

export default function BrandReply() {
  const { company, review, reply, customer, history } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reply",
    lastResult: answer?.result,
    defaultValue: { body: reply?.body ?? "" },
    constraint: getZodConstraint(replySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replySchema }),
  });
  const body = typeof fields.body.initialValue === "string" ? fields.body.initialValue : "";
  const preview = useMarkdownPreview(body);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // A new answer from the server (errors, warning, server preview) replaces the live one.
  const { reset } = preview;
  useEffect(() => reset(), [answer, reset]);
  const { key: bodyKey, ...bodyProps } = getTextareaProps(fields.body);
  const bodyError = conformError(locale, fields.body.errors);
  const formError = conformErrors(locale, form.errors)[0] ?? (bodyError ? t("brand.reply.fixErrors") : undefined);

  const previewHtml = preview.html ?? answer?.previewHtml ?? null;
  const editing = reply != null;
  const locked = reply?.status === "removed";
  const scripted = answer?.scripted ?? null;

  return (
    <div className="page brand-page brand-reply">
      <p>
        <Link to={`/brand/${company.slug}`}>← {t("brand.back")}</Link>
      </p>
      <h1>{t(editing ? "brand.reply.editTitle" : "brand.reply.title")}</h1>
      <div className="brand-reply__layout">
        <div className="brand-reply__main">
          <h2 className="visually-hidden">{t("brand.review")}</h2>
          <Thread review={review} truncation="full" headingLevel={3} />

          {!company.verified ? (
            <p className="notice">{t("brand.notVerified", { company: company.name })}</p>
          ) : locked ? (
            <p className="notice">{t("brand.reply.locked")}</p>
          ) : (
            <Form
              method="post"
              className="card brand-reply__form"
              {...getFormProps(form)}
              onSubmit={(event) => {
                preview.stop();
                form.onSubmit(event);
              }}
            >
              <FormError>{formError}</FormError>
              <input type="hidden" name="companyId" value={company.id} />
              <input type="hidden" name="reviewId" value={review.id} />
              {scripted ? <ScriptedWarning scripted={scripted} /> : null}
              <Field
                key={bodyKey}
                as="textarea"
                label={t("brand.reply.body")}
                hint={t("brand.reply.hint")}
                error={bodyError}
                rows={10}
                {...bodyProps}
                id={fields.body.id}
                name={fields.body.name}
                onInput={(e) => preview.onInput((e.target as HTMLTextAreaElement).value)}
              />
              {hydrated ? (
                <p className={preview.length > MARKDOWN_MAX_LENGTH ? "field__error" : "muted"} aria-live="polite">
                  {t("brand.reply.charCount", { count: preview.length })}
                </p>
              ) : null}
              <section className="brand-reply__preview" aria-labelledby="reply-preview-heading">
                <h2 id="reply-preview-heading">{t("brand.reply.preview")}</h2>
                {previewHtml ? (
                  <div className="post__body" dangerouslySetInnerHTML={{ __html: previewHtml }} />
                ) : (
                  <p className="muted">{t("brand.reply.previewEmpty")}</p>
                )}
              </section>
              {editing && reply ? <p className="muted">{t("brand.reply.versions", { count: reply.revisions })}</p> : null}
              <ReplyHistory history={history} />
              <div className="brand-reply__buttons">
                <button type="submit" name="intent" value="publish" disabled={navigation.state === "submitting"}>
                  {t(editing ? "brand.reply.save" : "brand.reply.publish")}
                </button>
                <button type="submit" name="intent" value="preview" className="button button--ghost">
                  {t("brand.reply.previewButton")}
                </button>
              </div>
            </Form>
          )}
        </div>
        <CustomerReviews company={company} anonymous={!review.author} reviews={customer} />
      </div>
    </div>
  );
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

/** "This reply is very like one you sent before": the earlier one, and a box to send anyway. */
function ScriptedWarning({ scripted }: { scripted: ScriptedMatch }) {
  const { t, n } = useT();
  const percent = n(Math.floor(scripted.similarity * 100) / 100, { style: "percent" });
  return (
    <section className="brand-scripted" role="alert" aria-labelledby="scripted-title">
      <h2 id="scripted-title">{t("brand.scripted.title")}</h2>
      <p>{t("brand.scripted.body", { percent })}</p>
      <h3>
        {t("brand.scripted.earlier")} (<Link to={`/reviews/${scripted.reviewId}`}>{t("brand.scripted.seeReview")}</Link>)
      </h3>
      <blockquote className="post__body brand-scripted__earlier" dangerouslySetInnerHTML={{ __html: scripted.bodyHtml }} />
      <div className="checkbox">
        <input type="checkbox" id="field-confirmScripted" name="confirmScripted" value="yes" />
        <label htmlFor="field-confirmScripted">{t("brand.scripted.confirm")}</label>
      </div>
    </section>
  );
}

/** The reply's earlier versions, as written. */
function ReplyHistory({ history }: { history: Page["history"] }) {
  const { t, date } = useT();
  if (history.length === 0) return null;
  return (
    <details className="brand-reply__history">
      <summary>{t("brand.reply.history")}</summary>
      <ol>
        {history.map((v) => (
          <li key={v.id}>
            <p className="muted">
              <time dateTime={new Date(v.createdAt).toISOString()}>{date(v.createdAt)}</time>
            </p>
            <p className="brand-reply__source">{v.body}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The customer's other reviews of the company, each with its way to a reply. */
function CustomerReviews({ company, anonymous, reviews }: { company: Page["company"]; anonymous: boolean; reviews: Page["customer"] }) {
  const { t } = useT();
  return (
    <aside className="brand-reply__customer" aria-labelledby="customer-heading">
      <h2 id="customer-heading">{t("brand.customer.title", { company: company.name })}</h2>
      {anonymous ? (
        <p className="muted">{t("brand.customer.anonymous")}</p>
      ) : reviews.length === 0 ? (
        <p className="muted">{t("brand.customer.none", { company: company.name })}</p>
      ) : (
        <ul className="brand-reply__customer-list">
          {reviews.map((r) => (
            <li key={r.id}>
              <Thread review={r} headingLevel={3} />
              <p>
                <Link to={`/brand/${company.slug}/reviews/${r.id}`}>{t(r.reply ? "brand.inbox.editReply" : "brand.inbox.reply")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
