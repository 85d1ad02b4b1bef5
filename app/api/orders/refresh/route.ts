import { json, route } from "@/lib/http";
import { refreshOrders } from "@/lib/orders/search-orders";
import { orderSearchQuerySchema } from "@/lib/validation/search-filters";

/** "Refresh from Ingram": one live search of the filters in the query string, written into the order index. */
export const POST = route(
  { permission: "orders.read", query: orderSearchQuerySchema },
  async ({ actor, query, correlationId }) => json({ result: await refreshOrders(actor, query, correlationId) }),
);
