import { json, route } from "@/lib/http";
import { createOrderRequestResponse } from "@/lib/orders/api";
import { listOrderRequests } from "@/lib/orders/order-requests";
import { createAsyncOrderSchema, orderRequestListQuerySchema } from "@/lib/validation/orders";

/** v7 (asynchronous) create; requires an Idempotency-Key header; answers 202 with the request's state. */
export const POST = route({ permission: "orders.create", body: createAsyncOrderSchema }, async ({ req, actor, body, correlationId }) =>
  createOrderRequestResponse(req, actor, body, correlationId),
);

export const GET = route({ permission: "orders.read", query: orderRequestListQuerySchema }, async ({ actor, query }) =>
  json({ requests: await listOrderRequests(actor, query) }),
);
