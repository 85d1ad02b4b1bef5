import { listAuditEvents } from "@/lib/audit/query";
import { json, route } from "@/lib/http";
import { auditFiltersInput } from "@/lib/validation/audit-filters";

export const GET = route({ permission: "audit.read" }, async ({ req, actor }) =>
  json(await listAuditEvents(actor, auditFiltersInput(new URL(req.url).searchParams))),
);
