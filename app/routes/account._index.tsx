import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { CurrentPasswordField, NewPasswordField, useAccountForm, usePasswordForm } from "~/components/AccountForm";
import { ConformField, ConformFormError, FormError } from "~/components/Field";
import { Toast } from "~/components/Toast";
import type { MessageKey, Vars } from "~/i18n";
import { useT } from "~/i18n/react";
import {
  buttonOnlySchema,
  changeDisplayNameSchema,
  changeEmailSchema,
  changePasswordSchema,
  parseAccountForm,
  revokeSessionSchema,
  type FormAnswer,
} from "~/lib/account-forms";
import { DISPLAY_NAME_MAX } from "~/lib/account-limits";
import { refuse, replyTo, tooManyAttempts } from "~/lib/form-answers.server";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { conformErrors } from "~/lib/conform";
import { flashCookie } from "~/lib/flash.server";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import {
  changeDisplayName,
  changePassword,
  changePasswordActionSchema,
  getAccount,
  requestEmailChange,
  resendVerification,
} from "~/models/auth.server";
import { getSession, requireUser } from "~/models/permissions.server";
import { deleteUserSession, deleteUserSessions, listUserSessions, sessionCookies } from "~/models/session.server";
import authStyles from "~/styles/auth.css?url";
import { readForm } from "~/lib/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: authStyles }];

export const meta: MetaFunction = ({ matches }) => privatePageMeta(matches, "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const current = getSession(request)!;
  const account = getAccount(user.id);
  if (!account) throw redirect("/login");
  const sessions = listUserSessions(user.id).map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    ip: s.ip,
    device: describeDevice(s.userAgent),
    current: s.id === current.session.id,
  }));
  return { account, sessions };
}

type Intent = "password" | "email" | "revoke" | "resend" | "name";
/** The answer to one of the page's forms (`intent` says which): Conform's result, and the
 *  message of what was done (an i18n key; `vars` for it or for the error). */
type AccountAnswer = FormAnswer & { intent: Intent; done?: MessageKey };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const current = getSession(request)!;
  const locale = getLocale(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const ctx = {
    ip: clientIp(context),
    userAgent: request.headers.get("User-Agent"),
    origin: requestSiteOrigin(request),
    locale,
  };
  /** Which form an answer is to. */
  const to = (intent: Intent): Pick<AccountAnswer, "intent" | "done"> => ({ intent });
  // Done: the message, and the result Conform's `reply({ resetForm: true })` gives (the
  // form starts afresh, its earlier errors gone).
  const done = (intent: Intent, message: MessageKey, vars?: Vars, headers?: HeadersInit) =>
    data<AccountAnswer>({ intent, done: message, vars, result: { initialValue: null } }, { headers });

  switch (intent) {
    case "revoke": {
      const submission = parseAccountForm(form, revokeSessionSchema);
      if (submission.status !== "success") return refuse(submission, {}, 400, to(intent));
      const { sessionId } = submission.value;
      deleteUserSession(user.id, sessionId);
      if (sessionId === current.session.id) {
        return redirect("/login", { headers: { "Set-Cookie": sessionCookies(request).clear() } });
      }
      return done(intent, "account.sessions.revoked");
    }
    case "revoke-all": {
      deleteUserSessions(user.id);
      const headers = new Headers();
      headers.append("Set-Cookie", sessionCookies(request).clear());
      headers.append("Set-Cookie", await flashCookie(request, "account.sessions.allRevoked"));
      return redirect("/", { headers });
    }
    case "password": {
      const submission = parseAccountForm(form, changePasswordActionSchema);
      if (submission.status !== "success") return refuse(submission, {}, 400, to(intent));
      const result = await changePassword(user.id, submission.value, ctx);
      if (!result.ok) {
        if (result.reason === "rate_limited") return tooManyAttempts(submission, result.retryAfter, to(intent));
        return refuse(submission, { fieldErrors: { currentPassword: ["validation.currentPassword"] } }, 400, to(intent));
      }
      return done(intent, "account.password.done", undefined, {
        "Set-Cookie": sessionCookies(request).set(result.token, result.session.expiresAt),
      });
    }
    case "email": {
      const submission = parseAccountForm(form, changeEmailSchema);
      if (submission.status !== "success") return refuse(submission, {}, 400, to(intent));
      const result = await requestEmailChange(user.id, submission.value, ctx);
      if (!result.ok) {
        if (result.reason === "rate_limited") return tooManyAttempts(submission, result.retryAfter, to(intent));
        const fieldErrors: Record<string, MessageKey[]> =
          result.reason === "same_email" ? { newEmail: ["validation.sameEmail"] } : { password: ["validation.currentPassword"] };
        return refuse(submission, { fieldErrors }, 400, to(intent));
      }
      return done(intent, "account.email.sent", { email: submission.value.newEmail });
    }
    case "name": {
      const submission = parseAccountForm(form, changeDisplayNameSchema);
      if (submission.status !== "success") return refuse(submission, {}, 400, to(intent));
      const result = changeDisplayName(user.id, submission.value.displayName);
      if (!result.ok) return tooManyAttempts(submission, result.retryAfter, to(intent));
      return done(intent, result.changed ? "account.name.done" : "account.name.same", { name: submission.value.displayName });
    }
    case "resend": {
      const submission = parseAccountForm(form, buttonOnlySchema);
      const result = resendVerification(user.id, ctx);
      if (!result.ok) return tooManyAttempts(submission, result.retryAfter, to(intent));
      return done(intent, "account.resent", { email: user.email });
    }
    default:
      return data<AccountAnswer>(
        { intent: "revoke", result: replyTo(parseAccountForm(form, buttonOnlySchema), { formErrors: ["form.fixErrors"] }) },
        { status: 400 },
      );
  }
}

/** "Firefox, Linux" from a User-Agent string: enough to recognise one's own devices. */
function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\/|Chromium\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  const parts = [browser, os].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : userAgent.slice(0, 60);
}

export default function AccountPage() {
  const { account, sessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, date, locale } = useT();
  /** The answer, when it is to the form of `intent`. */
  const answerTo = (intent: Intent) => (answer?.intent === intent ? answer : undefined);
  // An answer to one form clears the errors the others showed, as the page the server
  // renders does (what was typed in them stays).
  const cleared = useMemo<SubmissionResult<string[]> | undefined>(() => (answer ? { error: {} } : undefined), [answer]);
  const forms = (intent: Intent): FormProps => ({ answer, mine: answerTo(intent), lastResult: answerTo(intent)?.result ?? cleared });
  const doneFor = (intent: Intent) => {
    const message = answerTo(intent)?.done;
    return message ? t(message, answer?.vars) : undefined;
  };
  const revoked = answerTo("revoke");

  return (
    <div className="page page--narrow auth-page account-page">
      <h1>{t("account.title")}</h1>

      {account.suspendedAt ? (
        <p className="card form-error" role="alert">
          {t("account.suspended")}
        </p>
      ) : null}

      <section className="card section" aria-labelledby="account-profile">
        <h2 id="account-profile">{t("account.profile")}</h2>
        <dl className="account-facts">
          <dt>{t("account.displayName")}</dt>
          <dd>{account.displayName}</dd>
          <dt>{t("account.email")}</dt>
          <dd>
            {account.email} {account.emailVerifiedAt ? <span className="badge badge--verified">{t("account.verified")}</span> : null}
          </dd>
          <dt>{t("account.role")}</dt>
          <dd>{t(`account.role.${account.role}`)}</dd>
        </dl>
        <p className="muted">{t("account.memberSince", { date: date(account.createdAt) })}</p>
        {!account.emailVerifiedAt ? <ResendForm {...forms("resend")} done={doneFor("resend")} /> : null}
      </section>

      <section className="card section" aria-labelledby="account-name">
        <h2 id="account-name">{t("account.name.heading")}</h2>
        <p className="muted">{t("account.name.intro")}</p>
        <Toast>{doneFor("name")}</Toast>
        <NameForm current={account.displayName} {...forms("name")} />
      </section>

      <section className="card section" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t("account.sessions.heading")}</h2>
        <p className="muted">{t("account.sessions.intro")}</p>
        <Toast>{doneFor("revoke")}</Toast>
        {revoked && !revoked.done ? (
          <FormError>{conformErrors(locale, revoked.result.error?.[""] ?? ["form.fixErrors"]).join(" ")}</FormError>
        ) : null}
        <ul className="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="session-list__item">
              <div>
                <strong>{s.device ?? t("account.sessions.unknownDevice")}</strong>
                {s.current ? <span className="badge badge--verified">{t("account.sessions.current")}</span> : null}
                <p className="muted">
                  {t("account.sessions.started", { date: date(s.createdAt, "medium") })},{" "}
                  {t("account.sessions.lastSeen", { date: date(s.lastSeenAt, "medium") })}
                  {s.ip ? ` · ${t("account.sessions.ip", { ip: s.ip })}` : null}
                </p>
              </div>
              <RevokeForm sessionId={s.id} />
            </li>
          ))}
        </ul>
        <RevokeAllForm />
      </section>

      <section className="card section" aria-labelledby="account-password">
        <h2 id="account-password">{t("account.password.heading")}</h2>
        <Toast>{doneFor("password")}</Toast>
        <PasswordForm email={account.email} {...forms("password")} />
      </section>

      <section className="card section" aria-labelledby="account-email">
        <h2 id="account-email">{t("account.email.heading")}</h2>
        <Toast>{doneFor("email")}</Toast>
        <EmailForm {...forms("email")} />
      </section>

      <section className="card section" aria-labelledby="account-data">
        <h2 id="account-data">{t("accountData.heading")}</h2>
        <p>{t("accountData.hint")}</p>
        <p>
          <a href="/account/data.json" download>
            {t("accountData.download")}
          </a>
        </p>
        <h3>{t("accountDelete.heading")}</h3>
        <p>
          <Link to="/account/delete">{t("accountDelete.link")}</Link>
        </p>
      </section>
    </div>
  );
}

// ─── The forms ────────────────────────────────────────────────────────────────
// One Conform form each; the action tells them apart by the submit button's `intent`.

type FormProps = {
  /** The page's answer, whichever form it is to. */
  answer?: AccountAnswer;
  /** The answer when it is to this form. */
  mine?: AccountAnswer;
  lastResult?: SubmissionResult<string[]>;
};

function ResendForm({ mine, lastResult, done }: FormProps & { done?: string }) {
  const { t } = useT();
  const [form] = useAccountForm("resend", lastResult, (formData) => parseAccountForm(formData, buttonOnlySchema));
  return (
    <Form method="post" className="account-inline" {...getFormProps(form)}>
      <p>{t("account.unverified")}</p>
      <Toast>{done}</Toast>
      <ConformFormError form={form} vars={mine?.vars} />
      <button type="submit" name="intent" value="resend" className="button--small">
        {t("account.resend")}
      </button>
    </Form>
  );
}

function RevokeForm({ sessionId }: { sessionId: string }) {
  const { t } = useT();
  const [form, fields] = useAccountForm(`revoke-${sessionId}`, undefined, (formData) => parseAccountForm(formData, revokeSessionSchema));
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name={fields.sessionId.name} value={sessionId} />
      <button type="submit" name="intent" value="revoke" className="button--small button--ghost">
        {t("account.sessions.revoke")}
      </button>
    </Form>
  );
}

function RevokeAllForm() {
  const { t } = useT();
  const [form] = useAccountForm("revoke-all", undefined, (formData) => parseAccountForm(formData, buttonOnlySchema));
  return (
    <Form method="post" className="account-inline" {...getFormProps(form)}>
      <button type="submit" name="intent" value="revoke-all" aria-describedby="revoke-all-hint">
        {t("account.sessions.revokeAll")}
      </button>
      <p id="revoke-all-hint" className="field__hint">
        {t("account.sessions.revokeAllHint")}
      </p>
    </Form>
  );
}

function PasswordForm({ email, answer, mine, lastResult }: FormProps & { email: string }) {
  const { t } = useT();
  const { formRef, form, fields } = usePasswordForm("change-password", answer, lastResult, (formData) =>
    parseAccountForm(formData, changePasswordSchema),
  );
  return (
    <Form method="post" className="auth-form" ref={formRef} {...getFormProps(form)}>
      <ConformFormError form={form} vars={mine?.vars} />
      {/* Lets password managers attach the new password to the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <CurrentPasswordField label={t("account.password.current")} field={fields.currentPassword} />
      <NewPasswordField label={t("account.password.new")} field={fields.newPassword} />
      <button type="submit" name="intent" value="password">
        {t("account.password.submit")}
      </button>
    </Form>
  );
}

function NameForm({ current, mine, lastResult }: FormProps & { current: string }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "change-name",
    lastResult,
    defaultValue: { displayName: current },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseAccountForm(formData, changeDisplayNameSchema),
  });
  return (
    <Form method="post" className="auth-form" {...getFormProps(form)}>
      <ConformFormError form={form} vars={mine?.vars} />
      <ConformField
        label={t("account.name.new")}
        hint={t("account.name.hint", { max: DISPLAY_NAME_MAX })}
        field={fields.displayName}
        autoComplete="nickname"
        maxLength={DISPLAY_NAME_MAX}
        required
      />
      <button type="submit" name="intent" value="name">
        {t("account.name.submit")}
      </button>
    </Form>
  );
}

function EmailForm({ answer, mine, lastResult }: FormProps) {
  const { t } = useT();
  const { formRef, form, fields } = usePasswordForm("change-email", answer, lastResult, (formData) =>
    parseAccountForm(formData, changeEmailSchema),
  );
  return (
    <Form method="post" className="auth-form" ref={formRef} {...getFormProps(form)}>
      <ConformFormError form={form} vars={mine?.vars} />
      <ConformField label={t("account.email.new")} field={fields.newEmail} type="email" autoComplete="email" inputMode="email" required />
      <CurrentPasswordField label={t("account.email.password")} field={fields.password} />
      <button type="submit" name="intent" value="email">
        {t("account.email.submit")}
      </button>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/ErrorBoundary";
