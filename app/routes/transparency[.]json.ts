// /transparency.json: the live figures of /transparency, in the documented shape of
// toTransparencyJson (app/models/transparency.server.ts, schema "replique.transparency/1").
import { getTransparencyReport, toTransparencyJson } from "~/models/transparency.server";

export function loader() {
  return Response.json(toTransparencyJson(getTransparencyReport()), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
