// The HTML of the posts a list page shows, written once (issue 11: a page carries no data
// twice). On a document request the loader keeps each body out of the hydration data
// (app/lib/document-html.server.ts: its `bodyHtml` is then ""), the server's render takes
// it from the request's store (this context, provided by entry.server.tsx), and the
// browser's hydration reads it back from the element the server wrote (data-html). A data
// request — a client navigation, a revalidation after a vote — gets the bodies in its data.
import { createContext, useContext, useState } from "react";

/** The bodies kept for the render of this document, by key (server only). */
export const DocumentHtmlContext = createContext<ReadonlyMap<string, string> | null>(null);

export type PostKind = "review" | "reply" | "follow-up";

/** The key of a post's body in the document (its element's data-html). */
export function postHtmlKey(kind: PostKind, id: number) {
  return `${kind}-${id}`;
}

/** The body to render: the data's when it has one, else the document's (server: the store;
 *  browser: the element the server rendered, read once, at hydration). */
export function useDocumentHtml(key: string | undefined, html: string): string {
  const kept = useContext(DocumentHtmlContext);
  const [fromDocument] = useState(() => {
    if (html !== "" || !key) return "";
    if (typeof document === "undefined") return kept?.get(key) ?? "";
    return document.querySelector(`[data-html="${key}"]`)?.innerHTML ?? "";
  });
  return html !== "" ? html : fromDocument;
}
