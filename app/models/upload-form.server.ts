// Reading a form that may carry files (the review form): text fields as usual, files
// collected in memory up to MEDIA_MAX_BYTES each (a larger file is marked, not kept),
// so that the action can answer every problem next to its field.
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { badRequest, readForm } from "~/lib/http.server";
import { MAX_PHOTOS, MEDIA_MAX_BYTES } from "./media.server";

export interface UploadedFile {
  field: string;
  filename: string;
  bytes: Uint8Array;
  tooLarge: boolean;
}

/** Photos and a proof at most, plus the text: anything larger is refused outright. */
export const MAX_REQUEST_BYTES = (MAX_PHOTOS + 1) * MEDIA_MAX_BYTES + 1024 * 1024;
const MAX_TEXT_FIELD_BYTES = 64 * 1024;

export async function readUploadForm(request: Request, fileFields: readonly string[]): Promise<{ form: FormData; files: UploadedFile[] }> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return { form: await readForm(request), files: [] };
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw new Response("Payload Too Large", { status: 413 });

  const files: UploadedFile[] = [];
  let total = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const isFile = filename !== undefined;
    const limit = isFile ? MEDIA_MAX_BYTES : MAX_TEXT_FIELD_BYTES;
    let tooLarge = false;
    for await (const chunk of data) {
      total += chunk.byteLength;
      if (total > MAX_REQUEST_BYTES) throw new Response("Payload Too Large", { status: 413 });
      if (tooLarge) continue; // drain the rest of the part
      size += chunk.byteLength;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        continue;
      }
      chunks.push(chunk);
    }
    if (!isFile) {
      if (tooLarge) return "";
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    // An empty file input is sent as a part with no name and no bytes.
    if (!filename && size === 0) return null;
    if (!fileFields.includes(name)) return null;
    files.push({ field: name, filename: filename ?? "", bytes: tooLarge ? new Uint8Array() : Buffer.concat(chunks), tooLarge });
    return null;
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(withLowerCaseMediaType(request), handler);
  } catch (error) {
    if (error instanceof Response) throw error;
    throw badRequest("The form could not be read: its body is malformed.");
  }
  return { form, files };
}

/** Remix's multipart parser compares the media type as written; media types are
 *  case-insensitive (RFC 9110), so "Multipart/Form-Data" is read as a form too. */
function withLowerCaseMediaType(request: Request): Request {
  const value = request.headers.get("Content-Type") ?? "";
  const [type, ...params] = value.split(";");
  if (type === type!.toLowerCase()) return request;
  const headers = new Headers(request.headers);
  headers.set("Content-Type", [type!.trim().toLowerCase(), ...params].join(";"));
  return new Request(request.url, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit);
}
