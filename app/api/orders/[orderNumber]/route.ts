import { json, route } from "@/lib/http";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { readOrder } from "@/lib/orders/get-order";
import { modifyOrder } from "@/lib/orders/modify-order";
import { modifyOrderSchema } from "@/lib/validation/order-changes";

// Each use case checks the order number against the allowlist before any upstream call. A read answers
// { order, source, fetchedAt, staleReason? }: source says whether the index or Ingram answered.

export const GET = route(
  { permission: "orders.read", params: ["orderNumber"] },
  async ({ actor, params, correlationId, arrivedAt }) =>
    json(await readOrder(actor, params.orderNumber, correlationId, arrivedAt)),
);

export const PUT = route(
  { permission: "orders.modify", params: ["orderNumber"], body: modifyOrderSchema },
  async ({ actor, params, body, correlationId }) => {
    const result = await modifyOrder(actor, params.orderNumber, body, { correlationId });
    return json({ result }, { status: result.outcome === "partially_succeeded" ? 207 : 200 });
  },
);

export const DELETE = route(
  { permission: "orders.cancel", params: ["orderNumber"] },
  async ({ actor, params, correlationId }) =>
    json({ result: await cancelOrder(actor, params.orderNumber, { correlationId }) }),
);
