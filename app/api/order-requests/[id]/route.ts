import { json, route } from "@/lib/http";
import { getOrderRequest } from "@/lib/orders/create-order-request";

export const GET = route({ permission: "orders.read", params: ["id"] }, async ({ actor, params }) =>
  json({ request: await getOrderRequest(actor, params.id) }),
);
