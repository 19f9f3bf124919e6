// One-shot messages across a redirect ("Password changed"), in a signed cookie of their own
// that the root loader reads and clears. The cookie holds a message key only, never text.
import { createCookie } from "@remix-run/node";
import type { MessageKey } from "~/i18n";
import { env } from "~/env.server";
import { isSecureRequest } from "~/lib/cookies.server";

function flash() {
  return createCookie("flash", { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60, secrets: [env().SECRET] });
}

export function flashCookie(request: Request, key: MessageKey): Promise<string> {
  return flash().serialize(key, { secure: isSecureRequest(request) });
}

/** The message key the previous response left, and the header that clears it. */
export async function readFlash(request: Request): Promise<{ key: string | null; clear: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header || !/(?:^|;\s*)flash=/.test(header)) return { key: null, clear: null };
  const value: unknown = await flash().parse(header);
  const clear = await flash().serialize("", { maxAge: 0, secure: isSecureRequest(request) });
  return { key: typeof value === "string" ? value : null, clear };
}
