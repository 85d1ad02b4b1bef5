import { route } from "@/lib/http";
import { exportCsvResponse } from "@/lib/orders/api";
import { orderSearchQuerySchema } from "@/lib/validation/orders";

/** Every page of the search as CSV (same query names as GET /api/orders). */
export const GET = route({ permission: "orders.read", query: orderSearchQuerySchema }, async ({ actor, query, correlationId }) =>
  exportCsvResponse(actor, query, correlationId),
);
