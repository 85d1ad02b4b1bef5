import type { SearchOrdersQuery } from "@/lib/ingram/schemas/query-params";
import type { OrderSearchQuery } from "@/lib/validation/orders";

/** Splits the portal query into Ingram's wire parameters and the portal-only sort. */
export function toIngramQuery(q: OrderSearchQuery): SearchOrdersQuery {
  const { sort: _sort, dir: _dir, ...wire } = q;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire)) if (v !== undefined) out[k] = v;
  return out as SearchOrdersQuery;
}
