// The loaders' side of app/lib/document-html.ts: on a document request, the bodies of the
// listed reviews, replies and follow-ups go to the render's store instead of the data.
import type { AppLoadContext } from "@remix-run/node";
import type { PostView, ReviewView } from "~/models/reviews.server";
import { postHtmlKey, type PostKind } from "./document-html";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Set by server.ts on a document request (not on a data request): the bodies the
     *  render writes into the document and the hydration data leaves out. */
    documentHtml?: Map<string, string>;
  }
}

/** The reviews with their posts' bodies kept for the document (bodyHtml ""), on a document
 *  request; as they are otherwise. */
export function bodiesInDocumentOnly(context: AppLoadContext | undefined, reviews: ReviewView[]): ReviewView[] {
  const store = context?.documentHtml;
  if (!store) return reviews;
  const keep = <P extends { id: number; bodyHtml: string }>(kind: PostKind, post: P): P => {
    store.set(postHtmlKey(kind, post.id), post.bodyHtml);
    return { ...post, bodyHtml: "" };
  };
  const keepPost = (kind: PostKind, post: PostView | null) => (post && post.status !== "removed" ? keep(kind, post) : post);
  return reviews.map((review) =>
    review.status === "removed"
      ? review
      : { ...keep("review", review), reply: keepPost("reply", review.reply), followUp: keepPost("follow-up", review.followUp) },
  );
}
