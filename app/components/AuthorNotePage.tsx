// The page of an author's note about their review (the follow-up after the company's
// reply, the report of an offer made to change the review): a link back to the review,
// the title, an optional introduction, and the note's form — or, when the note is not
// allowed (yet, or any more), why. Each route declares its note (an AuthorNote).
import type { SubmissionResult } from "@conform-to/react";
import type { LinksFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import writeStyles from "~/styles/write.css?url";
import { AuthorNoteForm, type AuthorNoteSchema } from "./AuthorNoteForm";

/** What differs between the author's notes: their schema and their words. */
export interface AuthorNote {
  schema: AuthorNoteSchema;
  title: MessageKey;
  intro?: MessageKey;
  labels: { body: MessageKey; hint: MessageKey; submit: MessageKey };
}

export const authorNoteLinks: LinksFunction = () => [{ rel: "stylesheet", href: writeStyles }];

export function AuthorNotePage({
  note,
  review,
  notAllowed,
  lastResult,
}: {
  note: AuthorNote;
  review: { id: number; title: string };
  /** Why the note may not be written: shown instead of the form. */
  notAllowed?: MessageKey | null;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useT();
  return (
    <div className="page page--narrow write-page">
      <p>
        <Link to={`/reviews/${review.id}`}>← {review.title}</Link>
      </p>
      <h1>{t(note.title)}</h1>
      {note.intro ? <p>{t(note.intro)}</p> : null}
      {notAllowed ? (
        <p className="notice">{t(notAllowed)}</p>
      ) : (
        <AuthorNoteForm schema={note.schema} lastResult={lastResult} labels={note.labels} />
      )}
    </div>
  );
}
