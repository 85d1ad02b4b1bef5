import { json, route } from "@/lib/http";
import { cancelOrder, modifyOrder } from "@/lib/orders/commands";
import { getOrder } from "@/lib/orders/queries";
import { modifyOrderSchema } from "@/lib/validation/orders";

// The order number is checked against the allowlist inside each query/command, before any upstream call.

export const GET = route({ permission: "orders.read" }, async ({ actor, params, correlationId }) =>
  json({ order: await getOrder(actor, params.orderNumber, correlationId) }),
);

export const PUT = route({ permission: "orders.modify", body: modifyOrderSchema }, async ({ actor, params, body, correlationId }) => {
  const result = await modifyOrder(actor, params.orderNumber, body, { correlationId });
  return json({ result }, { status: result.outcome === "partially_succeeded" ? 207 : 200 });
});

export const DELETE = route({ permission: "orders.cancel" }, async ({ actor, params, correlationId }) =>
  json({ result: await cancelOrder(actor, params.orderNumber, { correlationId }) }),
);
