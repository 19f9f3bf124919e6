import { fieldErrors, translateErrors } from "~/lib/form-errors";
// Report a review, its reply or its follow-up: a reason from the published list and an
// explanation. Anyone signed in; the content stays visible while it is assessed.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { ReasonField } from "~/components/ReasonField";
import { Field, FormError } from "~/components/Field";
import { formatDate, translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { flashCookie } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { flagSchema } from "~/lib/review-schema";
import { requireUser } from "~/models/permissions.server";
import { flagContent } from "~/models/review-actions.server";
import { getPublicReview } from "~/models/reviews.server";
import writeStyles from "~/styles/write.css?url";
import { readForm } from "~/lib/http.server";
import { requestSiteOrigin } from "~/lib/origin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "flag.title");

const TARGETS = ["review", "reply", "follow_up"] as const;
type Target = (typeof TARGETS)[number];

function target(value: unknown): Target {
  return (TARGETS as readonly unknown[]).includes(value) ? (value as Target) : "review";
}

function reviewOr404(param: string | undefined) {
  const id = Number(param);
  const review = Number.isSafeInteger(id) && id > 0 ? getPublicReview(id) : null;
  if (!review || review.status !== "published") throw new Response("Not found", { status: 404 });
  return review;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const review = reviewOr404(params.id);
  return { review: { id: review.id, title: review.title }, target: target(new URL(request.url).searchParams.get("target")) };
}

type ActionData = { values: Record<string, string>; errors: Record<string, string>; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const locale = getLocale(request);
  const review = reviewOr404(params.id);
  const form = await readForm(request);
  const values = { reason: String(form.get("reason") ?? ""), explanation: String(form.get("explanation") ?? "").slice(0, 4000) };
  const which = target(form.get("target"));
  const parsed = flagSchema.safeParse({ reason: form.get("reason") ?? undefined, explanation: form.get("explanation") ?? undefined });
  if (!parsed.success) {
    const errors = translateErrors(locale, fieldErrors(parsed.error));
    return data<ActionData>({ values, errors, formError: translate(locale, "reviewForm.fixErrors") }, { status: 400 });
  }
  const result = flagContent({
    actor: { id: user.id, role: user.role },
    target: which,
    reviewId: review.id,
    ...parsed.data,
    locale,
    origin: requestSiteOrigin(request),
  });
  if (result.ok) return redirect(`/reviews/${review.id}`, { headers: { "Set-Cookie": await flashCookie(request, "flash.flagged") } });
  if (result.kind === "not_found") throw new Response("Not found", { status: 404 });
  if (result.kind === "suspended") {
    return data<ActionData>({ values, errors: {}, formError: translate(locale, "flag.suspended", { date: formatDate(locale, result.until) }) }, { status: 409 });
  }
  const message: MessageKey =
    result.kind === "already" ? "flag.already" : result.kind === "own_review" ? "flag.own" : result.kind === "rate_limited" ? "flag.rateLimited" : "flag.notAllowed";
  return data<ActionData>({ values, errors: {}, formError: translate(locale, message) }, { status: result.kind === "rate_limited" ? 429 : 409 });
}

export default function FlagPage() {
  const { review, target: which } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useT();
  const errors = answer?.errors ?? {};
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t("flag.title")}</h1>
      <p>
        <strong>{t(`flag.target.${which}` as MessageKey, { title: review.title })}</strong>
      </p>
      <p>{t("flag.intro")}</p>
      <Form method="post" className="card" noValidate>
        <FormError>{answer?.formError}</FormError>
        <input type="hidden" name="target" value={which} />
        <ReasonField
          label={t("flag.reason")}
          placeholder={t("flag.chooseReason")}
          defaultValue={answer?.values.reason}
          error={errors.reason}
        />
        <Field
          as="textarea"
          label={t("flag.explanation")}
          name="explanation"
          hint={t("flag.explanationHint")}
          defaultValue={answer?.values.explanation}
          error={errors.explanation}
          rows={5}
          required
        />
        <p>
          <Link to="/transparency">{t("reviewForm.rules")}</Link>
        </p>
        <button type="submit">{t("flag.submit")}</button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
