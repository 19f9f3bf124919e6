// "Is this your company?": a signed-in user proves they speak for a company with a code
// mailed to an address at its domain (app/lib/company-domain.ts), then enters the code; or,
// without such an address, asks with evidence (their role, an optional link) that a
// moderator accepts or refuses from /moderation/claims — the page then says since when the
// request waits. Three forms on Conform, each a plain POST that works without JavaScript and
// keeps what was typed; the writes are app/models/company-claims.server.ts's.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError } from "~/components/Field";
import { translate, type Locale, type MessageKey, type Vars } from "~/i18n";
import { useT } from "~/i18n/react";
import { localeOfMatches } from "~/lib/auth-meta";
import {
  CLAIM_CODE_LENGTH,
  CLAIM_EVIDENCE_URL_MAX_LENGTH,
  CLAIM_EVIDENCE_VARS,
  CLAIM_EXPLANATION_MAX_LENGTH,
  claimCodeSchema,
  claimEmailSchema,
  claimEvidenceSchema,
  type ClaimIntent,
} from "~/lib/company-claim-form";
import { conformError, conformErrors } from "~/lib/conform";
import { redirectWithFlash } from "~/lib/flash.server";
import { refuse, tooManyAttempts } from "~/lib/form-answers.server";
import { badRequest, notFound } from "~/lib/http.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import {
  getClaimPage,
  requestEvidenceClaim,
  startDomainClaim,
  verifyDomainClaim,
  type VerifyClaimResult,
} from "~/models/company-claims.server";
import { requireUser } from "~/models/permissions.server";
import companiesStyles from "~/styles/companies.css?url";
import { CLAIM_DOCUMENT_MAX_BYTES } from "~/lib/claim-document";
import { removeClaimDocument, storeClaimDocument } from "~/models/claim-documents.server";
import { readUploadForm } from "~/models/upload-form.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: companiesStyles }];

// A private page: never stored by a shared cache, nor kept by the browser after log-out.
export const headers = () => ({ "Cache-Control": "private, no-store" });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeOfMatches(matches);
  const title = data
    ? translate(locale, "companies.claim.metaTitle", { company: data.company.name })
    : translate(locale, "companies.claim.title");
  return [{ title: `${title} — ${translate(locale, "site.name")}` }, { name: "robots", content: "noindex" }];
};

function load(request: Request, slug: string | undefined) {
  const user = requireUser(request);
  const page = getClaimPage(slug ?? "", user.id);
  if (!page) throw notFound();
  return { user, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = load(request, params.slug);
  return page;
}

type ActionData = {
  intent: ClaimIntent;
  result: SubmissionResult<string[]>;
  /** Variables of the messages (tries left on a wrong code, minutes to wait). */
  vars?: Vars;
};

const VERIFY_REFUSALS: Record<Exclude<VerifyClaimResult, { ok: true }>["kind"], { status: number; message: MessageKey }> = {
  not_found: { status: 404, message: "companies.error.stale" },
  used: { status: 409, message: "companies.error.codeUsed" },
  expired: { status: 409, message: "companies.error.codeExpired" },
  replaced: { status: 409, message: "companies.error.codeReplaced" },
  already_verified: { status: 409, message: "companies.error.alreadyVerified" },
  wrong_code: { status: 400, message: "companies.error.codeWrong.other" },
  too_many_attempts: { status: 429, message: "companies.error.tooManyAttempts" },
};

/** The key of "wrong code, N tries left" for `count` in `locale`. */
function wrongCodeKey(locale: Locale, count: number): MessageKey {
  if (count === 0) return "companies.error.codeWrong.zero";
  return new Intl.PluralRules(locale).select(count) === "one" ? "companies.error.codeWrong.one" : "companies.error.codeWrong.other";
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** The message next to a refused address (any other problem: "companies.error.email"). */
const ADDRESS_REFUSAL: Partial<Record<string, MessageKey>> = {
  free_mail: "companies.error.freeMail",
  other_domain: "companies.error.otherDomain",
  no_domain: "companies.error.noDomain",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, page } = load(request, params.slug);
  const locale = getLocale(request);
  const { form, files } = await readUploadForm(request, ["document"]);
  const intent = form.get("intent");

  if (intent === "send") {
    const submission = parseWithZod(form, { schema: claimEmailSchema(page.company.domain) });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const result = startDomainClaim({
      userId: user.id,
      userName: user.displayName,
      slug: page.company.slug,
      email: submission.value.email,
      locale,
      origin: requestSiteOrigin(request),
    });
    if (result.ok) return redirectWithFlash(request, `/companies/${page.company.slug}/claim`, "flash.claimCodeSent");
    if (result.kind === "not_found") throw notFound();
    if (result.kind === "address") {
      const message = ADDRESS_REFUSAL[result.problem] ?? "companies.error.email";
      return data<ActionData>({ intent, result: submission.reply({ fieldErrors: { email: [message] } }) }, { status: 400 });
    }
    if (result.kind === "rate_limited") {
      return data<ActionData>(
        {
          intent,
          result: submission.reply({ formErrors: ["companies.error.tooManyCodes"] }),
          vars: { minutes: minutes(result.retryAfter) },
        },
        { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
      );
    }
    return data<ActionData>({ intent, result: submission.reply({ formErrors: ["companies.error.alreadyVerified"] }) }, { status: 409 });
  }

  if (intent === "verify") {
    const submission = parseWithZod(form, { schema: claimCodeSchema });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply() }, { status: 400 });
    const result = verifyDomainClaim({ userId: user.id, claimId: submission.value.claim, code: submission.value.code });
    if (result.ok) return redirectWithFlash(request, `/companies/${result.slug}`, "flash.companyVerified");
    if (result.kind === "not_found") throw notFound();
    const refusal = VERIFY_REFUSALS[result.kind];
    if (result.kind === "wrong_code") {
      const reply = submission.reply({ fieldErrors: { code: [wrongCodeKey(locale, result.attemptsLeft)] } });
      return data<ActionData>({ intent, result: reply, vars: { count: result.attemptsLeft } }, { status: 400 });
    }
    if (result.kind === "too_many_attempts") {
      return data<ActionData>(
        { intent, result: submission.reply({ formErrors: [refusal.message] }), vars: { minutes: minutes(result.retryAfter) } },
        { status: 429, headers: { "Retry-After": String(result.retryAfter) } },
      );
    }
    return data<ActionData>(
      { intent, result: submission.reply({ formErrors: [refusal.message], resetForm: true }) },
      { status: refusal.status },
    );
  }

  if (intent === "evidence") {
    const which: Pick<ActionData, "intent" | "vars"> = { intent: "evidence", vars: CLAIM_EVIDENCE_VARS };
    const submission = parseWithZod(form, { schema: claimEvidenceSchema });
    if (submission.status !== "success") return refuse(submission, {}, 400, which);
    const file = files.find((f) => f.field === "document");
    const stored = file ? await storeClaimDocument(file) : null;
    if (stored && !stored.ok) {
      const key = stored.error === "type" ? "claims.error.documentType" : "claims.error.documentSize";
      return refuse(submission, { fieldErrors: { document: [key] } }, 400, which);
    }
    const document = stored?.document ?? null;
    const result = requestEvidenceClaim({
      userId: user.id,
      slug: page.company.slug,
      explanation: submission.value.explanation,
      evidenceUrl: submission.value.evidenceUrl,
      document,
    });
    if (!result.ok) await removeClaimDocument(document);
    if (result.ok) return redirectWithFlash(request, `/companies/${page.company.slug}/claim`, "flash.claimRequested");
    if (result.kind === "not_found") throw notFound();
    if (result.kind === "rate_limited") return tooManyAttempts(submission, result.retryAfter, which);
    if (result.kind === "invalid_url") return refuse(submission, { fieldErrors: { evidenceUrl: ["claims.error.url"] } }, 400, which);
    return refuse(
      submission,
      { formErrors: [result.kind === "already_pending" ? "claims.error.pending" : "companies.error.alreadyVerified"] },
      409,
      which,
    );
  }

  throw badRequest("Unknown form");
}

export default function ClaimPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale, date } = useT();
  const { company, memberRole, pending, verifiable, evidenceClaim } = page;
  const name = { company: company.name };
  // A refused form that is gone (the code expired, the company got verified, a request with
  // evidence already waits): said here.
  const orphan =
    (answer?.intent === "verify" && !(pending && company.state !== "verified" && verifiable)) ||
    (answer?.intent === "evidence" && (evidenceClaim != null || company.state === "verified"))
      ? answer
      : undefined;

  return (
    <div className="page page--narrow claim-page">
      <p>
        <Link to={`/companies/${company.slug}`}>← {t("companies.claim.back", name)}</Link>
      </p>
      <h1>{t("companies.claim.title")}</h1>
      <p className="lead">{t("companies.claim.lead", name)}</p>
      {orphan ? <FormError>{conformErrors(locale, orphan.result.error?.[""] ?? undefined, orphan.vars)[0]}</FormError> : null}

      {company.state === "verified" ? (
        memberRole ? (
          <div className="card">
            <p>{t("companies.claim.youOwn", name)}</p>
            <p>
              <Link to={`/brand/${company.slug}`} className="button">
                {t("companies.claim.openDashboard")}
              </Link>
            </p>
          </div>
        ) : (
          <p className="notice">{t("companies.claim.alreadyVerified", name)}</p>
        )
      ) : (
        <>
          {memberRole ? <p className="notice">{t("companies.claim.youAdded", name)}</p> : null}
          {!verifiable ? (
            <p className="notice">{t("companies.claim.noDomain", name)}</p>
          ) : (
            <>
              {pending ? (
                <CodeForm claim={pending} companyName={company.name} answer={answer?.intent === "verify" ? answer : undefined} />
              ) : null}
              <EmailForm domain={company.domain ?? ""} again={pending != null} answer={answer?.intent === "send" ? answer : undefined} />
            </>
          )}
          {evidenceClaim ? (
            <section className="card section" aria-labelledby="claim-evidence-title">
              <h2 id="claim-evidence-title">{t("claims.form.title")}</h2>
              <p className="notice">{t("claims.pending", { date: date(evidenceClaim.createdAt) })}</p>
            </section>
          ) : (
            <EvidenceForm companyName={company.name} answer={answer?.intent === "evidence" && !orphan ? answer : undefined} />
          )}
          <p className="muted">{t("companies.claim.afterwards", name)}</p>
        </>
      )}
    </div>
  );
}

function EmailForm({ domain, again, answer }: { domain: string; again: boolean; answer?: ActionData }) {
  const { t, locale } = useT();
  const schema = useMemo(() => claimEmailSchema(domain), [domain]);
  const [form, fields] = useForm({
    id: "claim-email",
    lastResult: answer?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const hintId = `${fields.email.id}-hint`;
  const { key, ...email } = getInputProps(fields.email, { type: "email", ariaDescribedBy: hintId });
  const formErrors = conformErrors(locale, form.errors, answer?.vars);
  const fieldError = conformError(locale, fields.email.errors);
  return (
    <section className="card section" aria-labelledby="claim-email-title">
      <h2 id="claim-email-title">{t(again ? "companies.claim.step1Again" : "companies.claim.step1", { domain })}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormError id={form.errorId}>{formErrors[0] ?? (fieldError && answer ? t("companies.error.fix") : undefined)}</FormError>
        <input type="hidden" name="intent" value="send" />
        <Field
          key={key}
          label={t("companies.claim.email")}
          hint={t("companies.claim.emailHint", { domain })}
          error={fieldError}
          autoComplete="email"
          spellCheck={false}
          {...email}
          id={fields.email.id}
          name={fields.email.name}
        />
        <button type="submit" className={again ? "button--ghost" : undefined}>
          {t("companies.claim.send")}
        </button>
      </Form>
    </section>
  );
}

function CodeForm({
  claim,
  companyName,
  answer,
}: {
  claim: { id: number; email: string; expiresAt: number };
  companyName: string;
  answer?: ActionData;
}) {
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "claim-code",
    lastResult: answer?.result,
    constraint: getZodConstraint(claimCodeSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: claimCodeSchema }),
  });
  const hintId = `${fields.code.id}-hint`;
  // The constraint would add a pattern that refuses "123 456", which the schema forgives.
  const { key, pattern: _pattern, ...code } = getInputProps(fields.code, { type: "text", ariaDescribedBy: hintId });
  const vars = { length: CLAIM_CODE_LENGTH, ...answer?.vars };
  const formErrors = conformErrors(locale, form.errors, vars);
  const stale = fields.claim.errors?.length ? t("companies.error.stale") : undefined;
  const time = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", { timeStyle: "short", timeZone: "Europe/Paris" }).format(
    claim.expiresAt,
  );
  return (
    <section className="card section" aria-labelledby="claim-code-title">
      <h2 id="claim-code-title">{t("companies.claim.step2")}</h2>
      <p>{t("companies.claim.sentTo", { email: claim.email, time })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormError id={form.errorId}>{formErrors[0] ?? stale}</FormError>
        <input type="hidden" name="intent" value="verify" />
        <input type="hidden" name="claim" value={claim.id} />
        <Field
          key={key}
          className="claim-page__code"
          label={t("companies.claim.code", { length: CLAIM_CODE_LENGTH })}
          hint={t("companies.claim.codeHint", { company: companyName })}
          error={conformError(locale, fields.code.errors, vars)}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={CLAIM_CODE_LENGTH + 2}
          {...code}
          id={fields.code.id}
          name={fields.code.name}
        />
        <button type="submit">{t("companies.claim.verify")}</button>
      </Form>
    </section>
  );
}

function EvidenceForm({ companyName, answer }: { companyName: string; answer?: ActionData }) {
  const { t, locale } = useT();
  const [form, fields] = useForm({
    id: "claim-evidence",
    lastResult: answer?.result,
    constraint: getZodConstraint(claimEvidenceSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: claimEvidenceSchema }),
  });
  const vars = { ...CLAIM_EVIDENCE_VARS, ...answer?.vars };
  const explanationHintId = `${fields.explanation.id}-hint`;
  const urlHintId = `${fields.evidenceUrl.id}-hint`;
  const { key: explanationKey, ...explanation } = getTextareaProps(fields.explanation, { ariaDescribedBy: explanationHintId });
  const { key: urlKey, ...url } = getInputProps(fields.evidenceUrl, { type: "text", ariaDescribedBy: urlHintId });
  const formErrors = conformErrors(locale, form.errors, vars);
  const explanationError = conformError(locale, fields.explanation.errors, vars);
  const urlError = conformError(locale, fields.evidenceUrl.errors, vars);
  const name = { company: companyName };
  return (
    <section className="card section" aria-labelledby="claim-evidence-title">
      <h2 id="claim-evidence-title">{t("claims.form.title")}</h2>
      <p>{t("claims.form.intro", name)}</p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <FormError id={form.errorId}>
          {formErrors[0] ?? ((explanationError || urlError) && answer ? t("companies.error.fix") : undefined)}
        </FormError>
        <input type="hidden" name="intent" value="evidence" />
        <Field
          key={explanationKey}
          as="textarea"
          rows={6}
          label={t("claims.form.explanation", name)}
          hint={t("claims.form.explanationHint", CLAIM_EVIDENCE_VARS)}
          error={explanationError}
          {...explanation}
          maxLength={CLAIM_EXPLANATION_MAX_LENGTH}
          id={fields.explanation.id}
          name={fields.explanation.name}
        />
        <Field
          key={urlKey}
          label={t("claims.form.url")}
          hint={t("claims.form.urlHint")}
          error={urlError}
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          {...url}
          maxLength={CLAIM_EVIDENCE_URL_MAX_LENGTH}
          id={fields.evidenceUrl.id}
          name={fields.evidenceUrl.name}
        />
        <Field
          label={t("claims.form.document")}
          hint={t("claims.form.documentHint", { mb: CLAIM_DOCUMENT_MAX_BYTES / 1024 / 1024 })}
          error={conformError(locale, answer?.result.error?.document ?? undefined, { ...vars, mb: CLAIM_DOCUMENT_MAX_BYTES / 1024 / 1024 })}
          type="file"
          accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
          id="claim-document"
          name="document"
        />
        <button type="submit" className="button--ghost">
          {t("claims.form.submit")}
        </button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
