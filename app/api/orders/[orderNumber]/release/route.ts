import { json, route } from "@/lib/http";
import { releaseOrder } from "@/lib/orders/release-order";

export const POST = route(
  { permission: "orders.release", params: ["orderNumber"] },
  async ({ actor, params, correlationId }) =>
    json({ result: await releaseOrder(actor, params.orderNumber, { correlationId }) }),
);
