import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { toOrderDetail } from "./dto";
import type { OrderDetail } from "./dto-types";
import { checkOrderNumber, fetchIngramOrder } from "./ingram-calls";

/** GET /api/orders/[orderNumber] and the order pages → GET /resellers/v6.1/orders/{ordernumber}. */
export async function getOrder(actor: Actor | null, orderNumber: string, correlationId?: string): Promise<OrderDetail> {
  requirePermission(actor, "orders.read");
  const n = checkOrderNumber(orderNumber);
  return toOrderDetail(await fetchIngramOrder(n, correlationId, { userId: actor.id }), n);
}
