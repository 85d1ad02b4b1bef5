import { auditCsv, listAuditEvents } from "@/lib/audit/query";
import { csvResponse } from "@/lib/csv-response";
import { json, route } from "@/lib/http";
import { auditFiltersInput } from "@/lib/validation/audit-filters";

/** The audit events as JSON, or with `format=csv` as a streamed download of every matching event. */
export const GET = route({ permission: "audit.read" }, async ({ req, actor, correlationId }) => {
  const params = new URL(req.url).searchParams;
  const { format, ...filters } = auditFiltersInput(params);
  if (format === "csv") {
    const filename = `audit-${new Date().toISOString().slice(0, 10)}.csv`;
    return csvResponse(auditCsv(actor, filters), { filename, correlationId });
  }
  return json(await listAuditEvents(actor, filters));
});
