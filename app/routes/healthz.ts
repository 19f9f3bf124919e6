import { getDb } from "#db/client.server";

// Liveness and readiness: the database answers a query.
export function loader() {
  const row = getDb().$client.prepare("SELECT count(*) AS companies FROM companies").get() as { companies: number };
  return Response.json(
    { status: "ok", companies: row.companies },
    { headers: { "Cache-Control": "no-store" } },
  );
}
