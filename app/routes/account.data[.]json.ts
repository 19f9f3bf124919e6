// GET /account/data.json: everything we keep about the signed-in member, as a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportUserData } from "~/models/account-data.server";
import { requireUser } from "~/models/permissions.server";
import { notFound } from "~/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowSuspended: true });
  const payload = exportUserData(user.id);
  if (!payload) throw notFound();
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(payload, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="replique-data-${user.id}-${day}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
