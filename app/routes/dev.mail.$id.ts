import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOutboxMail, isDevMailEnabled } from "~/models/mail.server";
import { notFound } from "~/lib/http.server";

// The HTML version of one outbox mail, as a mail client would show it, sandboxed:
// no script, no request to anywhere. Absent (404) in production.
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isDevMailEnabled()) throw notFound();
  const id = Number(params.id);
  const mail = Number.isSafeInteger(id) ? getOutboxMail(id) : undefined;
  if (!mail) throw notFound();
  return new Response(mail.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
      "Cache-Control": "no-store",
    },
  });
}
