// /transparency.csv: the live figures of /transparency, one row per month × figure
// (`month,figure,value`; see toTransparencyCsv in app/models/transparency.server.ts).
import { getTransparencyReport, toTransparencyCsv } from "~/models/transparency.server";

export function loader() {
  return new Response(toTransparencyCsv(getTransparencyReport()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="replique-transparency.csv"',
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
