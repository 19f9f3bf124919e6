// HTTP answers shared by routes: one place for the status codes and their plain bodies.
// Models return values or throw domain errors; routes turn them into these.

/** The form of a request, or a 400 when the body is not a well-formed form (a wrong
 *  Content-Type, a broken multipart body): never a 500 for what a client sent. */
export async function readForm(request: Request): Promise<FormData> {
  if (!isFormContentType(request.headers.get("Content-Type"))) {
    throw badRequest("Send this form as application/x-www-form-urlencoded or multipart/form-data.");
  }
  try {
    return await request.formData();
  } catch (error) {
    if (error instanceof Response) throw error;
    throw badRequest("The form could not be read: its body is malformed.");
  }
}

/** The two encodings an HTML form sends (multipart only with its boundary). */
export function isFormContentType(value: string | null | undefined): boolean {
  if (!value) return false;
  const type = value.split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return true;
  if (type === "multipart/form-data") return /;\s*boundary=/i.test(value);
  return false;
}

export function badRequest(message = "Bad request") {
  return plain(message, 400);
}

export function notFound(message = "Not found") {
  return plain(message, 404);
}

export function forbidden(message = "Forbidden") {
  return plain(message, 403);
}

/** Throws `notFound()` (or the given status) unless `condition` holds. */
export function invariantResponse(condition: unknown, message = "Not found", status = 404): asserts condition {
  if (!condition) throw plain(message, status);
}

function plain(message: string, status: number) {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
}
