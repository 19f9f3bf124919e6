// The CSV file of /brand/:slug/invitations: read from the multipart form (at most
// INVITATION_LIMITS.csvBytes), decoded as UTF-8 or, when it is not (a spreadsheet's
// "CSV (Windows)" export), as Windows-1252, then split into the rows to send and the rows
// refused with their reason (app/lib/invitation-form.ts readInvitationCsv).
import type { MessageKey } from "~/i18n";
import { isLocale } from "~/i18n";
import { readInvitationCsv } from "~/lib/invitation-form";
import { INVITATION_LIMITS } from "~/lib/invitation-policy";
import type { RowOutcome, RowToSend } from "./review-invitations.server";
import { readUploadForm } from "./upload-form.server";

export interface UploadReport {
  rows: RowOutcome[];
  sent: number;
  ignoredColumns: string[];
  truncated: boolean;
}

export interface InvitationFile {
  form: FormData;
  error?: MessageKey;
  reading?: { good: RowToSend[]; bad: RowOutcome[]; ignoredColumns: string[]; truncated: boolean };
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Null when the request is not multipart (the other forms of the page). */
export async function readInvitationFile(request: Request): Promise<InvitationFile | null> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return null;
  const { form, files } = await readUploadForm(request, ["file"]);
  const file = files.find((f) => f.field === "file");
  if (!file) return { form, error: "invitations.error.csvMissing" };
  if (file.tooLarge || file.bytes.byteLength > INVITATION_LIMITS.csvBytes) return { form, error: "invitations.error.csvTooLarge" };
  const locale = form.get("locale");
  const reading = readInvitationCsv(decodeText(file.bytes), isLocale(locale) ? locale : "fr");
  if (!reading.ok) return { form, error: reading.error as MessageKey };
  const good: RowToSend[] = [];
  const bad: RowOutcome[] = [];
  for (const r of reading.rows) {
    if (r.ok) good.push({ line: r.line, ...r.row });
    else bad.push({ line: r.line, email: r.email, sent: false, error: r.error as MessageKey });
  }
  return { form, reading: { good, bad, ignoredColumns: reading.ignoredColumns, truncated: reading.truncated } };
}
