import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { AppError } from "@/lib/errors";
import type { OrderSearchQuery, SortKey } from "@/lib/validation/orders";
import { toOrderDetail, toSearchPage, type OrderDetail, type OrderSearchPage, type OrderSummary } from "./dto";
import { toIngramQuery } from "./search-query";
import { callContext, checkOrderNumber, fetchIngramOrder, ingram, upstream } from "./upstream";

export { exportOrdersCsv } from "./export-csv";
export { toIngramQuery } from "./search-query";

const SORT_VALUE: Record<SortKey, (o: OrderSummary) => string | number | null> = {
  orderDate: (o) => o.orderDate,
  orderNumber: (o) => o.orderNumber,
  customerOrderNumber: (o) => o.customerOrderNumber?.toLowerCase() ?? null,
  vendorName: (o) => o.vendorName?.toLowerCase() ?? null,
  total: (o) => o.total,
  status: (o) => o.status.label,
};

/** Ingram's search has no sort parameter: the portal sorts the page it shows (nulls last). */
export function sortOrders(orders: OrderSummary[], sort?: SortKey, dir: "asc" | "desc" = "asc"): OrderSummary[] {
  if (!sort) return orders;
  const value = SORT_VALUE[sort];
  const sign = dir === "desc" ? -1 : 1;
  return [...orders].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  });
}

export async function searchOrders(actor: Actor | null, query: OrderSearchQuery, correlationId?: string): Promise<OrderSearchPage> {
  requirePermission(actor, "orders.read");
  const wire = toIngramQuery(query);
  const res = await upstream(() => ingram().searchOrders(wire, callContext(correlationId)));
  const page = toSearchPage(res.data, { pageNumber: wire.pageNumber, pageSize: wire.pageSize });
  return { ...page, orders: sortOrders(page.orders, query.sort, query.dir) };
}

export async function getOrder(actor: Actor | null, orderNumber: string, correlationId?: string): Promise<OrderDetail> {
  requirePermission(actor, "orders.read");
  const n = checkOrderNumber(orderNumber);
  if (n.length > 12) throw new AppError("not_found", "Ingram Micro has no such order.");
  return toOrderDetail(await fetchIngramOrder(n, correlationId), n);
}
