import { json, route } from "@/lib/http";
import { createOrder } from "@/lib/orders/create-order";
import { idempotentResponse } from "@/lib/orders/idempotency";
import { searchOrders } from "@/lib/orders/search-orders";
import { createSyncOrderSchema } from "@/lib/validation/orders";
import { orderSearchQuerySchema } from "@/lib/validation/search-filters";

/** Query names are Ingram's wire names (GET /resellers/v6/orders/search) plus the portal's sort/dir. */
export const GET = route(
  { permission: "orders.read", query: orderSearchQuerySchema },
  async ({ actor, query, correlationId, arrivedAt }) =>
    json(await searchOrders(actor, query, correlationId, arrivedAt)),
);

/** v6 create; requires an Idempotency-Key header; 201 created, 207 when Ingram rejected some lines. */
export const POST = route(
  { permission: "orders.create", body: createSyncOrderSchema },
  async ({ req, actor, body, correlationId }) =>
    idempotentResponse(
      await createOrder(actor, body, { correlationId, idempotencyKey: req.headers.get("idempotency-key") }),
    ),
);
