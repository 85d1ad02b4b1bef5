import { json, route } from "@/lib/http";
import { suggestOrders } from "@/lib/orders/suggest-orders";
import { orderSuggestQuerySchema } from "@/lib/validation/search-filters";

/** The header search's results as you type: `q` over the order index, at most `limit` (default 8) orders. */
export const GET = route({ permission: "orders.read", query: orderSuggestQuerySchema }, async ({ actor, query }) =>
  json(await suggestOrders(actor, query)),
);
