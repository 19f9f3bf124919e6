// The message key a response's signed flash cookie carries, read as the next page reads it.
import { readFlash } from "~/lib/flash.server";

export async function flashKeyOf(response: { headers: Headers }): Promise<string | null> {
  const set = response.headers.getSetCookie().find((c) => c.startsWith("flash="));
  if (!set) return null;
  return (await readFlash(new Request("http://localhost/", { headers: { Cookie: set.split(";")[0]! } }))).key;
}
