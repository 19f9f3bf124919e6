// One-shot messages across a redirect ("Password changed"), in a cookie of their own that
// the root loader reads and clears. The cookie holds a message key only, never text.
import type { MessageKey } from "~/i18n";
import { env } from "~/env.server";

const NAME = "flash";

export function flashCookie(key: MessageKey): string {
  const secure = env().NODE_ENV === "production" ? "; Secure" : "";
  return `${NAME}=${encodeURIComponent(key)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60${secure}`;
}

export function readFlash(request: Request): { key: string | null; clear: string | null } {
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)flash=([^;]*)/);
  if (!match) return { key: null, clear: null };
  const secure = env().NODE_ENV === "production" ? "; Secure" : "";
  let key: string | null = null;
  try {
    key = decodeURIComponent(match[1]);
  } catch {
    key = null;
  }
  return { key, clear: `${NAME}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}` };
}
