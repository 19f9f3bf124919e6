// POST { body } → { html }: the live preview of the review, reply and follow-up forms,
// rendered by the same renderer that stores the text. POST only (it changes nothing,
// but a GET would make it a free rendering endpoint for any page).
import type { ActionFunctionArgs } from "@remix-run/node";
import { renderMarkdown } from "~/lib/markdown.server";
import { MARKDOWN_MAX_LENGTH } from "~/lib/markdown";
import { requireUser } from "~/models/permissions.server";
import { readForm } from "~/lib/http.server";

export async function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
  requireUser(request);
  const form = await readForm(request);
  const body = String(form.get("body") ?? "");
  if (body.length > MARKDOWN_MAX_LENGTH)
    return Response.json({ html: null, tooLong: true }, { status: 413, headers: { "Cache-Control": "no-store" } });
  return Response.json({ html: renderMarkdown(body), tooLong: false }, { headers: { "Cache-Control": "no-store" } });
}
