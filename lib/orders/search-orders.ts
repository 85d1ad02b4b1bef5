import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { ingram } from "@/lib/ingram/client";
import type { SearchOrdersQuery } from "@/lib/ingram/schemas/query-params";
import type { OrderSearchQuery, SortKey } from "@/lib/validation/search-filters";
import { toSearchPage } from "./dto";
import type { OrderSearchPage, OrderSummary } from "./dto-types";
import { callContext, clientCall } from "./ingram-calls";

/** GET /api/orders and the orders page → GET /resellers/v6/orders/search: one page, sorted by the portal. */
export async function searchOrders(
  actor: Actor | null,
  query: OrderSearchQuery,
  correlationId?: string,
): Promise<OrderSearchPage> {
  requirePermission(actor, "orders.read");
  const wire = toIngramQuery(query);
  const res = await clientCall(() => ingram().searchOrders(wire, callContext(correlationId, { userId: actor.id })));
  const page = toSearchPage(res.data, { pageNumber: wire.pageNumber, pageSize: wire.pageSize });
  return { ...page, orders: sortOrders(page.orders, query.sort, query.dir) };
}

/** Splits the portal query into Ingram's wire parameters, leaving out the portal-only sort. */
export function toIngramQuery(q: OrderSearchQuery): SearchOrdersQuery {
  const { sort: _sort, dir: _dir, ...wire } = q;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire)) if (v !== undefined) out[k] = v;
  return out as SearchOrdersQuery;
}

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
