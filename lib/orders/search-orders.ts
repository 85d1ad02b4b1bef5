import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { ingram } from "@/lib/ingram/client";
import type { SearchOrdersQuery } from "@/lib/ingram/schemas/query-params";
import { log } from "@/lib/log";
import { indexAccount } from "@/lib/order-index/index-detail";
import { type ListFacets, listFacets } from "@/lib/order-index/index-facets";
import { indexCoverage, indexedCount, indexListView, isFiltered } from "@/lib/order-index/index-search";
import { indexSearchPage } from "@/lib/order-index/index-writes";
import type { OrderSearchQuery, SortKey } from "@/lib/validation/search-filters";
import { toSearchPage } from "./dto";
import type { OrderSearchPage, OrderSummary } from "./dto-types";
import { callContext, clientCall } from "./ingram-calls";
import { sharedFlight } from "./shared-flight";

const DEFAULT_PAGE_SIZE = 25;
/** A refresh asks Ingram for this many orders of the current filters in its one call. */
const REFRESH_PAGE_SIZE = 100;

/**
 * GET /api/orders and the orders page: answered by the order index (every filter, free text, sorted across all
 * matches). Until the index holds anything for the account, or for a filter only Ingram knows (special bid),
 * one live Ingram page answers instead and is written into the index.
 */
export async function searchOrders(
  actor: Actor | null,
  query: OrderSearchQuery,
  correlationId?: string,
  askedAt: number = performance.now(),
): Promise<OrderSearchPage> {
  requirePermission(actor, "orders.read");
  // When this search was asked for (a request's arrival, before its sign-in check): a live page answered
  // after it is not shared with it (sharedFlight).
  const asker: Asker = { actor, correlationId, since: askedAt };
  const account = indexAccount();
  if (query.specialBidNumber) {
    const { lastIndexedAt } = await indexCoverage(db, account);
    return liveSearch(
      query,
      asker,
      "The order index does not know special bid numbers: Ingram answered.",
      lastIndexedAt,
    );
  }
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = query.pageNumber ?? 1;
  const { covered, lastIndexedAt, totals, orders } = await indexListView(
    db,
    account,
    query,
    pageSize,
    (page - 1) * pageSize,
  );
  if (!covered || !lastIndexedAt) {
    return liveSearch(
      query,
      asker,
      "The order index is still being filled: this page came live from Ingram.",
      lastIndexedAt,
    );
  }
  const { count, value } = isFiltered(account, query) ? await indexedCount(db, account, query) : totals;
  return {
    orders,
    total: count,
    page,
    pageSize,
    pageCount: Math.ceil(count / pageSize),
    source: "index",
    syncedAt: lastIndexedAt.toISOString(),
    totalValue: value,
  };
}

/** The vendors and end customers the list's filters offer as choices (from the index; empty until it fills). */
export async function orderFilterChoices(actor: Actor | null): Promise<ListFacets> {
  requirePermission(actor, "orders.read");
  return listFacets(db, indexAccount());
}

/** "Refresh from Ingram": one live search of the current Ingram filters, written into the index. */
export async function refreshOrders(
  actor: Actor | null,
  query: OrderSearchQuery,
  correlationId?: string,
): Promise<{ written: number; total: number }> {
  requirePermission(actor, "orders.read");
  const wire = { ...toIngramQuery(query), pageNumber: 1, pageSize: REFRESH_PAGE_SIZE };
  const res = await clientCall(() => ingram().searchOrders(wire, callContext(correlationId, { userId: actor?.id })));
  const written = await indexSearchPage(db, indexAccount(), res.data);
  return { written, total: toSearchPage(res.data).total };
}

interface Asker {
  actor: Actor | null;
  correlationId: string | undefined;
  since: number;
}

/**
 * One live Ingram page, written into the index. `lastIndexedAt` is the index's newest write before it; the
 * answer's syncedAt also counts this page's own write.
 */
async function liveSearch(
  query: OrderSearchQuery,
  { actor, correlationId, since }: Asker,
  liveReason: string,
  lastIndexedAt: Date | null,
) {
  const wire = toIngramQuery(query);
  const account = indexAccount();
  const entries = Object.entries(wire).sort(([a], [b]) => (a < b ? -1 : 1));
  const key = `search ${account.customerNumber}/${account.countryCode} ${JSON.stringify(entries)}`;
  // Like an order read (get-order.ts): the same live page asked for at once is one Ingram call and one write,
  // and the answer does not wait for the write. Its "as of" counts the write (one that fails is logged).
  const { data, writtenAt } = await sharedFlight(key, since, async () => {
    const res = await clientCall(() => ingram().searchOrders(wire, callContext(correlationId, { userId: actor?.id })));
    const at = new Date();
    const write = indexSearchPage(db, account, res.data, at).catch((err: unknown) =>
      log("warn", "writing a search page into the order index failed", { correlationId, err }),
    );
    return { value: { data: res.data, writtenAt: res.data?.orders?.length ? at : null }, write };
  });
  const page = toSearchPage(data, { pageNumber: wire.pageNumber, pageSize: wire.pageSize });
  const syncedAt = writtenAt && (!lastIndexedAt || writtenAt > lastIndexedAt) ? writtenAt : lastIndexedAt;
  return {
    ...page,
    orders: sortOrders(page.orders, query.sort, query.dir),
    source: "ingram" as const,
    syncedAt: syncedAt?.toISOString() ?? null,
    liveReason,
  };
}

/** Splits the portal query into Ingram's wire parameters, leaving out sort and the index-only filters. */
export function toIngramQuery(q: OrderSearchQuery): SearchOrdersQuery {
  const { sort: _sort, dir: _dir, q: _q, endCustomerName: _e, ...wire } = q;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire)) if (v !== undefined) out[k] = v;
  return out as SearchOrdersQuery;
}

const SORT_VALUE: Record<SortKey, (o: OrderSummary) => string | number | null> = {
  orderDate: (o) => o.orderDate,
  orderNumber: (o) => o.orderNumber,
  customerOrderNumber: (o) => o.customerOrderNumber?.toLowerCase() ?? null,
  endCustomerName: (o) => o.endUserCompanyName?.toLowerCase() ?? null,
  vendorName: (o) => o.vendorName?.toLowerCase() ?? null,
  total: (o) => o.total,
  status: (o) => o.status.label,
};

/** A live Ingram page has no sort parameter: the portal sorts the page it shows (nulls last). */
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
