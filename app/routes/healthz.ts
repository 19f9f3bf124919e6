import { readiness } from "~/models/health.server";

// Liveness and readiness: 200 when the database answers and can take writes (enough free
// space, no recent storage failure); 503 otherwise, so a load balancer stops sending writes.
export function loader() {
  const state = readiness();
  const headers = { "Cache-Control": "no-store" };
  if (state.ready) return Response.json({ status: "ok" }, { headers });
  return Response.json({ status: "unavailable", reason: state.reason }, { status: 503, headers: { ...headers, "Retry-After": "30" } });
}
