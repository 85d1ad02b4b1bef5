import { applyDatePreset } from "@/lib/calendar";
import { csvResponse } from "@/lib/csv-response";
import { route } from "@/lib/http";
import { exportOrders } from "@/lib/orders/export-orders";
import { userTimeZone } from "@/lib/user-time-zone";
import { orderListQuerySchema, visibleColumns } from "@/lib/validation/list-view";

/**
 * Every page of the search as CSV: the orders page's own query (Ingram's filter names, q/endCustomerName,
 * sort/dir, datePreset), with the list's chosen columns (`cols`) in its order.
 */
export const GET = route(
  { permission: "orders.read", query: orderListQuerySchema },
  async ({ actor, query, correlationId }) => {
    const { cols, density: _d, datePreset, ...search } = query;
    const filters = applyDatePreset(search, datePreset, new Date(), await userTimeZone());
    const csv = await exportOrders(actor, filters, { correlationId, columns: visibleColumns({ cols }) });
    return csvResponse(csv.lines, {
      filename: csv.filename,
      correlationId,
      headers: { "X-Total-Count": String(csv.progress.total) },
    });
  },
);
