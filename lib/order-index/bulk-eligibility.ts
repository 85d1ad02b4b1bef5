import "server-only";
import { type Actor, can, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import { toOrderDetail } from "@/lib/orders/dto";
import { orderChangeRules } from "@/lib/orders/hold-rules";
import { indexAccount } from "./index-detail";

// Which rows of an orders page may be selected for a bulk release or cancel: the orders whose last known
// detail is on customer hold (the one hold rule, hold-rules.ts). A row the index knows only from a search has
// no hold flag, so it is not offered; every change still reads Ingram live first and refuses what no longer
// applies, so this decides what is offered, never what is allowed.

export interface BulkEligible {
  orderNumber: string;
  /** ingramOrderDate as Ingram sent it: when the hold is voided is computed from it. */
  orderedAt: string | null;
}

export async function bulkEligibleOrders(
  actor: Actor | null,
  orderNumbers: readonly string[],
): Promise<BulkEligible[]> {
  requirePermission(actor, "orders.read");
  if (!can(actor, "orders.release") && !can(actor, "orders.cancel")) return [];
  if (orderNumbers.length === 0) return [];
  const account = indexAccount();
  const rows = await db.indexedOrder.findMany({
    where: { ...account, orderNumber: { in: orderNumbers.map((n) => n.toUpperCase()) } },
    select: { orderNumber: true, detail: true },
  });
  return rows.flatMap((r) => {
    if (!r.detail) return [];
    const order = toOrderDetail(r.detail as IngramOrderDetail, r.orderNumber);
    const rules = orderChangeRules(order);
    return rules.canRelease || rules.canCancel ? [{ orderNumber: r.orderNumber, orderedAt: order.orderedAt }] : [];
  });
}
