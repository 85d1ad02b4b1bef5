import { json, route } from "@/lib/http";
import { createOrderRequest, listOrderRequests } from "@/lib/orders/create-order-request";
import { idempotentResponse } from "@/lib/orders/idempotency";
import { createAsyncOrderSchema, orderRequestListQuerySchema } from "@/lib/validation/orders";

/** v7 (asynchronous) create; requires an Idempotency-Key header; answers 202 with the request's state. */
export const POST = route(
  { permission: "orders.create", body: createAsyncOrderSchema },
  async ({ req, actor, body, correlationId }) => {
    const reply = await createOrderRequest(actor, body, {
      correlationId,
      idempotencyKey: req.headers.get("idempotency-key"),
    });
    return idempotentResponse(reply, reply.location ? { Location: reply.location } : {});
  },
);

export const GET = route({ permission: "orders.read", query: orderRequestListQuerySchema }, async ({ actor, query }) =>
  json({ requests: await listOrderRequests(actor, query) }),
);
