// HTTP answers shared by routes: one place for the status codes and their plain bodies.
// Models return values or throw domain errors; routes turn them into these.
import { translate } from "~/i18n";
import { noteStorageFailure } from "~/models/health.server";
import { getLocale } from "./locale.server";
import { plainPage } from "./request-guards.server";

/** Seconds a client should wait before trying a write again after a storage failure. */
export const STORAGE_RETRY_AFTER = 60;

/** The disk is full or failing: nothing was saved, and the page says so, in the visitor's
 *  language (a whole document without the app: its data could not be read or written). */
export function storageUnavailable(request: Request) {
  const locale = getLocale(request);
  const html = plainPage(
    503,
    translate(locale, "error.503.title"),
    translate(locale, "error.503.body"),
    locale,
    translate(locale, "error.back"),
  );
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(STORAGE_RETRY_AFTER) },
  });
}

/** For resource routes (no page, so no entry.server to turn the error into a 503): runs
 *  the action and answers a storage failure with the 503 page instead of a 500. */
export async function answeringStorageFailures(request: Request, action: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await action();
  } catch (error) {
    if (noteStorageFailure(error)) throw storageUnavailable(request);
    throw error;
  }
}

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
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
