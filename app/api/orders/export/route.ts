import { csvResponse } from "@/lib/csv-response";
import { route } from "@/lib/http";
import { exportOrders } from "@/lib/orders/export-orders";
import { orderSearchQuerySchema } from "@/lib/validation/search-filters";

/** Every page of the search as CSV (same query names as GET /api/orders). */
export const GET = route(
  { permission: "orders.read", query: orderSearchQuerySchema },
  async ({ actor, query, correlationId }) => {
    const csv = await exportOrders(actor, query, { correlationId });
    return csvResponse(csv.lines, {
      filename: csv.filename,
      correlationId,
      headers: { "X-Total-Count": String(csv.progress.total) },
    });
  },
);
