// What the routes about one review share on the server: the review of the signed-in author
// a page is about, the save of an author's note (follow-up, report of an offer), and the
// POST-only actions of a reader (helpful vote, "resolved") with their GET fallback.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import type { AuthorNoteSchema } from "~/components/AuthorNoteForm";
import type { MessageKey } from "~/i18n";
import { requireUser, type SessionUser } from "~/models/permissions.server";
import { redirectWithFlash } from "./flash.server";
import { forbidden, notFound, readForm } from "./http.server";

/** The review id of the URL, or null unless it is a positive integer. */
function reviewIdOf(param: string | undefined): number | null {
  const id = Number(param);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The signed-in user and the review of the URL as `find` reads it: 404 when there is
 *  none, 403 when `find` says it is not theirs. */
export function ownReview<T>(request: Request, param: string | undefined, find: (user: SessionUser, id: number) => T | "forbidden" | null) {
  const user = requireUser(request);
  const id = reviewIdOf(param);
  const review = id === null ? null : find(user, id);
  if (!review) throw notFound();
  if (review === "forbidden") throw forbidden();
  return { user, review };
}

/** An author's note as the server saves it: with a model function of the review's author
 *  (addFollowUp, reportIncentive), then the flash message of success, and how a refusal is
 *  answered: the form again with a message (and a status), or a 403 when it maps to null. */
export interface AuthorNoteSave {
  schema: AuthorNoteSchema;
  save: (args: {
    actor: { id: number; role: SessionUser["role"] };
    reviewId: number;
    body: string;
  }) => { ok: true } | { ok: false; kind: string };
  flash: MessageKey;
  refusal: (kind: string) => { status: number; formError: MessageKey } | null;
}

/** Saves an author's note from the form: 400 with the field's error and the text kept;
 *  on success, back to the review with its flash message; refused as `note.refusal` says. */
export async function saveAuthorNote(request: Request, user: SessionUser, reviewId: number, note: AuthorNoteSave) {
  const submission = parseWithZod(await readForm(request), { schema: note.schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = note.save({ actor: { id: user.id, role: user.role }, reviewId, body: submission.value.body });
  if (result.ok) return redirectWithFlash(request, `/reviews/${reviewId}`, note.flash);
  const refused = note.refusal(result.kind);
  if (!refused) throw forbidden();
  return data({ result: submission.reply({ formErrors: [refused.formError] }) }, { status: refused.status });
}

/** The GET of a POST-only review action: back to the review. */
export async function backToReview({ params }: LoaderFunctionArgs) {
  return redirect(`/reviews/${Number(params.id) || 0}`);
}

/** A signed-in reader's POST on a review: who, the review id of the URL (404 unless a
 *  positive integer) and the form. Routes call it inside answeringStorageFailures. */
export async function reviewPost(request: Request, param: string | undefined) {
  const user = requireUser(request);
  const reviewId = reviewIdOf(param);
  if (reviewId === null) throw notFound();
  const form = await readForm(request);
  return { actor: { id: user.id, role: user.role }, reviewId, form };
}
