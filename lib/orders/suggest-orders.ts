import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { indexAccount } from "@/lib/order-index/index-detail";
import { indexedCount, indexedOrders } from "@/lib/order-index/index-search";
import type { OrderSuggestQuery } from "@/lib/validation/search-filters";
import type { OrderSummary } from "./dto-types";

const DEFAULT_LIMIT = 8;

export interface OrderSuggestion {
  orderNumber: string;
  orderDate: string | null;
  customerOrderNumber: string | null;
  endCustomerName: string | null;
  vendorNames: string[];
  status: string;
}

export interface OrderSuggestions {
  query: string;
  results: OrderSuggestion[];
  /** Every match in the index; "See all results" opens them on /orders?q=…. */
  total: number;
}

/**
 * GET /api/orders/suggest: the header search's results as the user types, from the order index only (never an
 * Ingram call per keystroke). The same free-text search as the list's `q` (order number, POs, end customer,
 * vendors, parts, serials, tracking), newest first, so "See all results" shows these first.
 */
export async function suggestOrders(actor: Actor | null, query: OrderSuggestQuery): Promise<OrderSuggestions> {
  requirePermission(actor, "orders.read");
  const account = indexAccount();
  const search = { q: query.q };
  const [orders, { count }] = await Promise.all([
    indexedOrders(db, account, search, query.limit ?? DEFAULT_LIMIT, 0),
    indexedCount(db, account, search),
  ]);
  return { query: query.q, results: orders.map(toSuggestion), total: count };
}

function toSuggestion(o: OrderSummary): OrderSuggestion {
  return {
    orderNumber: o.orderNumber,
    orderDate: o.orderDate,
    customerOrderNumber: o.customerOrderNumber,
    endCustomerName: o.endUserCompanyName,
    vendorNames: o.vendorNames?.length ? o.vendorNames : o.vendorName ? [o.vendorName] : [],
    status: o.status.label,
  };
}
