import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useRef } from "react";
import { Field, FormError, useClearPasswords } from "~/components/Field";
import { GeneralErrorBoundary } from "~/components/ErrorBoundary";
import { Toast } from "~/components/Toast";
import { translate, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { privatePageMeta } from "~/lib/auth-meta";
import { clientIp } from "~/lib/client-ip.server";
import { flashCookie } from "~/lib/flash.server";
import { fieldErrors, translateErrors } from "~/lib/form-errors";
import { getLocale } from "~/lib/locale.server";
import { requestSiteOrigin } from "~/lib/origin.server";
import { changeEmailSchema, changePassword, changePasswordSchema, getAccount, requestEmailChange, resendVerification,  } from "~/models/auth.server";
import { getSession, requireUser } from "~/models/permissions.server";
import { tooManyRequests } from "~/models/rate-limit.server";
import {
  clearSessionCookie,
  deleteUserSession,
  deleteUserSessions,
  listUserSessions,
  serializeSessionCookie,
} from "~/models/session.server";
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

type Intent = "password" | "email" | "revoke" | "resend";
type ActionData = {
  intent: Intent;
  errors: Record<string, string>;
  values?: Record<string, string>;
  formError?: string | null;
  done?: string;
};

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
  const reply = (body: ActionData, status = 200, headers?: HeadersInit) => data<ActionData>(body, { status, headers });
  const t = (key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars);

  switch (intent) {
    case "revoke": {
      const sessionId = String(form.get("sessionId") ?? "");
      deleteUserSession(user.id, sessionId);
      if (sessionId === current.session.id) {
        return redirect("/login", { headers: { "Set-Cookie": clearSessionCookie() } });
      }
      return reply({ intent, errors: {}, done: t("account.sessions.revoked") });
    }
    case "revoke-all": {
      deleteUserSessions(user.id);
      const headers = new Headers();
      headers.append("Set-Cookie", clearSessionCookie());
      headers.append("Set-Cookie", flashCookie("account.sessions.allRevoked"));
      return redirect("/", { headers });
    }
    case "password": {
      const parsed = changePasswordSchema.safeParse({
        currentPassword: form.get("currentPassword"),
        newPassword: form.get("newPassword"),
      });
      if (!parsed.success) {
        return reply({ intent, errors: translateErrors(locale, fieldErrors(parsed.error)), formError: t("form.fixErrors") }, 400);
      }
      const result = await changePassword(user.id, parsed.data, ctx);
      if (!result.ok) {
        if (result.reason === "rate_limited") return tooManyRequests(locale, result.retryAfter, { intent, errors: {} });
        return reply({ intent, errors: { currentPassword: t("validation.currentPassword") }, formError: t("form.fixErrors") }, 400);
      }
      return reply({ intent, errors: {}, done: t("account.password.done") }, 200, {
        "Set-Cookie": serializeSessionCookie(result.token, result.session.expiresAt),
      });
    }
    case "email": {
      const values = { newEmail: String(form.get("newEmail") ?? "").trim().slice(0, 254) };
      const parsed = changeEmailSchema.safeParse({ newEmail: form.get("newEmail"), password: form.get("password") });
      if (!parsed.success) {
        return reply({ intent, values, errors: translateErrors(locale, fieldErrors(parsed.error)), formError: t("form.fixErrors") }, 400);
      }
      const result = await requestEmailChange(user.id, parsed.data, ctx);
      if (!result.ok) {
        if (result.reason === "rate_limited") return tooManyRequests(locale, result.retryAfter, { intent, values, errors: {} });
        const errors: Record<string, string> =
          result.reason === "same_email" ? { newEmail: t("validation.sameEmail") } : { password: t("validation.currentPassword") };
        return reply({ intent, values, errors, formError: t("form.fixErrors") }, 400);
      }
      return reply({ intent, errors: {}, done: t("account.email.sent", { email: parsed.data.newEmail }) });
    }
    case "resend": {
      const result = resendVerification(user.id, ctx);
      if (!result.ok) return tooManyRequests(locale, result.retryAfter, { intent, errors: {} });
      return reply({ intent, errors: {}, done: t("account.resent", { email: user.email }) });
    }
    default:
      return reply({ intent: "revoke", errors: {}, formError: t("form.fixErrors") }, 400);
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
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const { t, date } = useT();
  const passwordForm = useRef<HTMLFormElement>(null);
  const emailForm = useRef<HTMLFormElement>(null);
  useClearPasswords(passwordForm, actionData);
  useClearPasswords(emailForm, actionData);
  const errorsFor = (intent: Intent) => (actionData?.intent === intent ? actionData.errors : {});
  const formErrorFor = (intent: Intent) => (actionData?.intent === intent ? actionData.formError : null);
  const doneFor = (intent: Intent) => (actionData?.intent === intent ? actionData.done : undefined);

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
        {!account.emailVerifiedAt ? (
          <Form method="post" className="account-inline">
            <p>{t("account.unverified")}</p>
            <Toast>{doneFor("resend")}</Toast>
            <FormError>{formErrorFor("resend")}</FormError>
            <button type="submit" name="intent" value="resend" className="button--small">
              {t("account.resend")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card section" aria-labelledby="account-sessions">
        <h2 id="account-sessions">{t("account.sessions.heading")}</h2>
        <p className="muted">{t("account.sessions.intro")}</p>
        <Toast>{doneFor("revoke")}</Toast>
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
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" name="intent" value="revoke" className="button--small button--ghost">
                  {t("account.sessions.revoke")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="account-inline">
          <button type="submit" name="intent" value="revoke-all" aria-describedby="revoke-all-hint">
            {t("account.sessions.revokeAll")}
          </button>
          <p id="revoke-all-hint" className="field__hint">
            {t("account.sessions.revokeAllHint")}
          </p>
        </Form>
      </section>

      <section className="card section" aria-labelledby="account-password">
        <h2 id="account-password">{t("account.password.heading")}</h2>
        <Toast>{doneFor("password")}</Toast>
        <Form method="post" className="auth-form" noValidate ref={passwordForm}>
          <FormError>{formErrorFor("password")}</FormError>
          {/* Lets password managers attach the new password to the right account. */}
          <input type="email" name="username" autoComplete="username" value={account.email} readOnly hidden />
          <Field
            label={t("account.password.current")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            error={errorsFor("password").currentPassword}
          />
          <Field
            label={t("account.password.new")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            maxLength={128}
            hint={t("signup.passwordHint")}
            error={errorsFor("password").newPassword}
          />
          <button type="submit" name="intent" value="password">
            {t("account.password.submit")}
          </button>
        </Form>
      </section>

      <section className="card section" aria-labelledby="account-email">
        <h2 id="account-email">{t("account.email.heading")}</h2>
        <Toast>{doneFor("email")}</Toast>
        <Form method="post" className="auth-form" noValidate ref={emailForm}>
          <FormError>{formErrorFor("email")}</FormError>
          <Field
            label={t("account.email.new")}
            name="newEmail"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={actionData?.intent === "email" ? actionData.values?.newEmail : undefined}
            error={errorsFor("email").newEmail}
          />
          <Field
            label={t("account.email.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errorsFor("email").password}
          />
          <button type="submit" name="intent" value="email">
            {t("account.email.submit")}
          </button>
        </Form>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
