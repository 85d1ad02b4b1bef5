import { GetOrderQuery, SearchOrdersQuery } from "./schemas/queries";

/*
 * Query serialisation under Ingram's wire names. Arrays are repeated keys (`k=a&k=b`, never comma-joined;
 * CONTRACT §9.6). Empty strings and absent values are left out. Invalid input throws a ZodError before any
 * network I/O.
 */

function append(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  if (Array.isArray(value)) {
    for (const v of value) append(params, key, v);
    return;
  }
  params.append(key, String(value));
}

function serialise(parsed: Record<string, unknown>, order: readonly string[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of order) append(params, key, parsed[key]);
  return params;
}

const SEARCH_KEYS = Object.keys(SearchOrdersQuery.shape);
const GET_KEYS = Object.keys(GetOrderQuery.shape);

export function searchOrdersParams(q: SearchOrdersQuery): URLSearchParams {
  return serialise(SearchOrdersQuery.parse(q), SEARCH_KEYS);
}

export function getOrderParams(q: GetOrderQuery): URLSearchParams {
  return serialise(GetOrderQuery.parse(q), GET_KEYS);
}
