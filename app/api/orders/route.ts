import { json, route } from "@/lib/http";
import { createOrderResponse } from "@/lib/orders/api";
import { searchOrders } from "@/lib/orders/queries";
import { createSyncOrderSchema, orderSearchQuerySchema } from "@/lib/validation/orders";

/** Query names are Ingram's wire names (GET /resellers/v6/orders/search) plus the portal's sort/dir. */
export const GET = route({ permission: "orders.read", query: orderSearchQuerySchema }, async ({ actor, query, correlationId }) =>
  json(await searchOrders(actor, query, correlationId)),
);

/** v6 create; requires an Idempotency-Key header. */
export const POST = route({ permission: "orders.create", body: createSyncOrderSchema }, async ({ req, actor, body, correlationId }) =>
  createOrderResponse(req, actor, body, correlationId),
);
