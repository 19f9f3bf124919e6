// One-shot messages across a redirect ("Password changed"), in a signed cookie of their own
// that the root loader reads and clears. The cookie holds a message key only, never text.
import { createCookie, redirect } from "@remix-run/node";
import type { MessageKey } from "~/i18n";
import { env } from "~/env.server";
import { isSecureRequest } from "~/lib/cookies.server";

function flash() {
  return createCookie("flash", { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60, secrets: [env().SECRET] });
}

export function flashCookie(request: Request, key: MessageKey): Promise<string> {
  return flash().serialize(key, { secure: isSecureRequest(request) });
}

/** A redirect to `to` that shows the message `key` on the page it leads to. */
export async function redirectWithFlash(request: Request, to: string, key: MessageKey): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await flashCookie(request, key) } });
}

/** The message key the previous response left, and the header that clears it. */
export async function readFlash(request: Request): Promise<{ key: string | null; clear: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header || !/(?:^|;\s*)flash=/.test(header)) return { key: null, clear: null };
  const value: unknown = await flash().parse(header);
  const clear = await flash().serialize("", { maxAge: 0, secure: isSecureRequest(request) });
  return { key: typeof value === "string" ? value : null, clear };
}
