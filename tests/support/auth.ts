// Helpers for the account tests: call Remix loaders and actions directly with real
// Requests, make users with real argon2 hashes, read the outbox.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "#db/client.server";
import type { Locale } from "~/i18n";
import type { FormAnswer } from "~/lib/account-forms";
import { conformError, conformErrors } from "~/lib/conform";
import { hashPassword } from "~/models/auth.server";
import { linksIn } from "~/models/mail.server";
import { sessionCookieName } from "~/models/session.server";

export const ORIGIN = "http://localhost";

let sequence = 0;

export async function createTestUser(
  overrides: {
    email?: string;
    password?: string;
    displayName?: string;
    role?: "member" | "moderator" | "admin";
    verified?: boolean;
    suspended?: boolean;
  } = {},
) {
  const n = ++sequence;
  const email = overrides.email ?? `person${n}-${Date.now()}@example.test`;
  const password = overrides.password ?? "a long and unusual passphrase";
  const { id } = getDb()
    .$client.prepare(
      `INSERT INTO users (email, display_name, password_hash, role, email_verified_at, suspended_at, locale)
       VALUES (?, ?, ?, ?, ?, ?, 'en') RETURNING id`,
    )
    .get(
      email,
      overrides.displayName ?? `Person ${n}`,
      await hashPassword(password),
      overrides.role ?? "member",
      overrides.verified === false ? null : Date.now(),
      overrides.suspended ? Date.now() : null,
    ) as { id: number };
  return { id, email, password };
}

type Fields = Record<string, string>;

export function postRequest(path: string, fields: Fields, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...options.headers,
    },
  });
}

export function getRequest(path: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

export type Outcome = { status: number; headers: Headers; data: unknown; location: string | null };

/** Normalises what a loader or action returned or threw: a Response, `data()`, or a plain object. */
export async function outcome(run: () => Promise<unknown> | unknown): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* text */
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: ResponseInit | null };
    return {
      status: d.init?.status ?? 200,
      headers: new Headers(d.init?.headers),
      data: d.data,
      location: null,
    };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

type Action = (args: ActionFunctionArgs) => Promise<unknown> | unknown;
type Loader = (args: LoaderFunctionArgs) => Promise<unknown> | unknown;

export function callAction(action: Action, request: Request, ip = "198.51.100.7") {
  return outcome(() => action({ request, params: {}, context: { clientIp: ip } }));
}

export function callLoader(loader: Loader, request: Request, params: Record<string, string> = {}) {
  return outcome(() => loader({ request, params, context: { clientIp: "198.51.100.7" } }));
}

/** The session cookie (name=value) set by a response, or null. */
export function sessionCookieFrom(headers: Headers): string | null {
  const name = sessionCookieName();
  for (const cookie of headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

export function outboxFor(to: string) {
  return getDb()
    .$client.prepare(`SELECT id, "to", subject, text, html, template FROM outbox WHERE "to" = ? ORDER BY id`)
    .all(to.toLowerCase()) as { id: number; to: string; subject: string; text: string; html: string; template: string }[];
}

/** The token in the latest mail of `template` to `to`. */
export function tokenFromMail(to: string, template: string): string {
  const mail = outboxFor(to)
    .filter((m) => m.template === template)
    .at(-1);
  if (!mail) throw new Error(`No ${template} mail to ${to}`);
  const link = linksIn(mail.text).find((l) => l.includes("token="));
  if (!link) throw new Error(`No token link in the ${template} mail`);
  return new URL(link).searchParams.get("token")!;
}

export function clearRateLimits() {
  getDb().$client.prepare(`DELETE FROM rate_limits`).run();
}

/** A Conform form's answer (`{ result, vars }`) as its page shows it in `locale`: the
 *  form's own error, each field's first error, and what the form keeps of what was typed. */
export function shownAnswer(data: unknown, locale: Locale = "fr") {
  const { result, vars } = data as FormAnswer;
  const error = result.error ?? {};
  const formError = conformErrors(locale, error[""] ?? undefined, vars).join(" ");
  const errors: Record<string, string> = {};
  for (const [name, messages] of Object.entries(error)) {
    const message = name === "" ? undefined : conformError(locale, messages ?? undefined, vars);
    if (message) errors[name] = message;
  }
  return { formError: formError || null, errors, values: result.initialValue ?? {} };
}
