// Who may do what: the one module of guards. Each guard returns the user when allowed and
// otherwise throws a Response — a redirect to the log-in page (with a safe `redirectTo`
// back here) for an anonymous visitor, or a 403 for a signed-in one.
import { redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client.server";
import { companyMembers, type MEMBER_ROLES } from "#db/schema";
import { safeRedirect } from "~/lib/safe-redirect";
import {
  isPrivileged,
  readSessionToken,
  sessionCookies,
  validateSessionToken,
  type SessionUser,
  type ValidatedSession,
} from "./session.server";

export type { SessionUser };

// One validation per request, however many loaders ask (they share the Request object).
const perRequest = new WeakMap<Request, ValidatedSession | null>();

/** The session of the request's cookie, validated (and extended when due), or null. */
export function getSession(request: Request): ValidatedSession | null {
  if (perRequest.has(request)) return perRequest.get(request)!;
  const token = readSessionToken(request);
  const result = token ? validateSessionToken(token) : null;
  perRequest.set(request, result);
  return result;
}

/** The signed-in user, or null. Suspended users are returned (with `suspendedAt` set). */
export function getUser(request: Request): SessionUser | null {
  return getSession(request)?.user ?? null;
}

/** The Set-Cookie header the response needs for the session: the cookie again when the
 *  session was extended, a clearing cookie when the browser holds a dead one, or null. */
export function sessionCookieUpdate(request: Request): string | null {
  const token = readSessionToken(request);
  if (!token) return null;
  const result = getSession(request);
  if (!result) return sessionCookies(request).clear();
  return result.fresh ? sessionCookies(request).set(token, result.session.expiresAt) : null;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = safeRedirect(`${url.pathname}${url.search}`, "/");
  const to = back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`;
  return redirect(to);
}

export function forbidden(reason = "Forbidden") {
  return new Response(reason, { status: 403, statusText: "Forbidden" });
}

/** A signed-in user, or a redirect to the log-in page. Suspended users get a 403 (they
 *  cannot post) unless `allowSuspended` (their account page, log-out). */
export function requireUser(request: Request, options: { allowSuspended?: boolean } = {}): SessionUser {
  const user = getUser(request);
  if (!user) throw loginRedirect(request);
  if (user.suspendedAt != null && !options.allowSuspended) throw forbidden("Account suspended");
  return user;
}

/** Pages for visitors who are not signed in (log-in, sign-up): a signed-in user goes on
 *  to `redirectTo` (when safe) or the home page. */
export function requireAnonymous(request: Request) {
  if (getUser(request)) {
    const redirectTo = new URL(request.url).searchParams.get("redirectTo");
    throw redirect(safeRedirect(redirectTo, "/"));
  }
}

/** `moderator`: moderators and admins. `admin`: admins only. */
export function requireRole(request: Request, role: "moderator" | "admin"): SessionUser {
  const user = requireUser(request);
  const allowed = role === "admin" ? user.role === "admin" : isPrivileged(user.role);
  if (!allowed) throw forbidden();
  return user;
}

/** Moderators and admins (the /moderation pages and their actions). */
export function requireModerator(request: Request): SessionUser {
  return requireRole(request, "moderator");
}

export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A member of the company (an owner when `role` is "owner"). Moderators and admins get
 *  no pass here: nobody speaks in a company's name without being its member. */
export function requireCompanyMember(
  request: Request,
  companyId: number,
  role?: MemberRole,
): { user: SessionUser; memberRole: MemberRole } {
  const user = requireUser(request);
  const membership = getDb()
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, user.id)))
    .get();
  if (!membership) throw forbidden();
  if (role === "owner" && membership.role !== "owner") throw forbidden();
  return { user, memberRole: membership.role };
}
