// Checks that run in server.ts before Remix sees a request: the body must be small enough
// to read (413 otherwise, before a byte of it is buffered), and its length must be known
// (411 for a chunked body); the Host must be the site's public origin (421 otherwise).
import { localeOf } from "./locale.server";

/** A url-encoded form: the longest text field is 5 000 characters, which percent-encoding
 *  of UTF-8 makes at most ~45 KB; 256 KiB leaves room for every form. */
export const MAX_URLENCODED_BYTES = 256 * 1024;

export type BodyRefusal = { status: 411 | 413; message: { fr: string; en: string } };

/** Whether a request's body may be read, given its Content-Length and type.
 *  `maxMultipartBytes` is the largest multipart form (photos and a proof). */
export function checkRequestBody(
  method: string,
  headers: { get(name: string): string | null },
  maxMultipartBytes: number,
): BodyRefusal | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  const lengthHeader = headers.get("content-length");
  if (lengthHeader === null) {
    if (headers.get("transfer-encoding")) {
      return {
        status: 411,
        message: {
          fr: "Cette requête doit indiquer la taille de son contenu (Content-Length).",
          en: "This request must state the size of its body (Content-Length).",
        },
      };
    }
    return null; // no body at all
  }
  const length = Number(lengthHeader);
  const type = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const limit = type === "multipart/form-data" ? maxMultipartBytes : MAX_URLENCODED_BYTES;
  if (!Number.isFinite(length) || length <= limit) return null;
  const megabytes = (limit / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 2 });
  return {
    status: 413,
    message: {
      fr: `Ce formulaire est trop volumineux : ${megabytes.replace(".", ",")} Mo au plus. Rien n’a été enregistré ; revenez en arrière pour le raccourcir.`,
      en: `This form is too large: ${megabytes} MB at most. Nothing was saved; go back to shorten it.`,
    },
  };
}

/** Without SITE_URL, the first public origin that reaches the server is pinned and any
 *  other Host is refused: links in mails, canonical URLs, the feed and the API then never
 *  name a host that a client chose. With SITE_URL, it is the public origin. */
export function createOriginPin(siteUrl: string | undefined) {
  let pinned = siteUrl ? new URL(siteUrl).origin : undefined;
  return {
    /** The origin the request must have, pinning it on the first call. */
    accepts(requestOrigin: string): boolean {
      if (siteUrl) return true; // links use SITE_URL whatever the Host
      pinned ??= requestOrigin;
      return requestOrigin === pinned;
    },
    get origin() {
      return pinned;
    },
  };
}

/** The page of a request refused before Remix (it is not running for them), in the
 *  visitor's language (the `lang` cookie, else Accept-Language). */
export function refusalPage(status: number, message: { fr: string; en: string }, acceptLanguage: string | null, cookie: string | null) {
  const lang = localeOf(null, cookie, acceptLanguage);
  const title = lang === "fr" ? "Requête refusée" : "Request refused";
  const back = lang === "fr" ? "Retour à l’accueil" : "Back to the home page";
  return plainPage(status, title, message[lang], lang, back);
}

/** A whole document without scripts or styles of the app: for answers that cannot render it. */
export function plainPage(status: number, title: string, message: string, lang: "fr" | "en", back: string) {
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${status} — ${escapeHtml(title)} — Réplique</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<main><p>${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(back)}</a></p></main>
</body></html>`;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
