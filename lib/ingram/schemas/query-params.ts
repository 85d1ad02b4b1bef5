import { z } from "zod";
import { searchOrderNumberSchema } from "@/lib/validation/order-number";
import { qDate } from "./primitives";

/* Query parameters of search and order details under their exact Ingram wire names. */

export const ORDER_STATUS_FILTERS = ["SHIPPED", "PROCESSING", "ON HOLD", "BACKORDERED", "CANCELLED"] as const;

const s35 = z.string().max(35);
const range = z.tuple([qDate, qDate]);

export const SearchOrdersQuery = z
  .strictObject({
    ingramOrderNumber: z.union([z.literal(""), searchOrderNumberSchema]),
    orderStatus: z.enum(ORDER_STATUS_FILTERS),
    "orderStatus-in": z.array(z.string().min(1).max(35)).max(10),
    ingramOrderDate: qDate,
    "ingramOrderDate-bt": range,
    customerOrderNumber: s35,
    endCustomerOrderNumber: s35,
    invoiceDate_bt: range,
    shipDate_bt: range,
    deliveryDate_bt: range,
    ingramPartNumber: s35,
    vendorPartNumber: s35,
    serialNumber: s35,
    trackingNumber: s35,
    vendorName: s35,
    specialBidNumber: s35,
    pageSize: z.number().int().min(1).max(100),
    pageNumber: z.number().int().min(1),
  })
  .partial();
export type SearchOrdersQuery = z.input<typeof SearchOrdersQuery>;

export const SIMULATE_STATUSES = ["IM::SHIPPED", "IM::PARTIALLY_SHIPPED", "IM::HOLD", "IM::INVOICED"] as const;

export const GetOrderQuery = z
  .strictObject({
    ingramOrderDate: qDate,
    vendorNumber: z.string().max(35),
    simulateStatus: z.enum(SIMULATE_STATUSES),
    isIml: z.boolean(),
    regionCode: z.string().max(10),
  })
  .partial();
export type GetOrderQuery = z.input<typeof GetOrderQuery>;

/*
 * Query serialization under Ingram's wire names. Arrays are repeated keys (`k=a&k=b`, never comma-joined,
 * as Ingram's SDKs send them). Empty strings and absent values are left out. Invalid input throws a
 * ZodError before any network I/O.
 */

function append(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  if (Array.isArray(value)) {
    for (const v of value) append(params, key, v);
    return;
  }
  params.append(key, String(value));
}

function serialize(parsed: Record<string, unknown>, order: readonly string[]): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of order) append(params, key, parsed[key]);
  return params;
}

const SEARCH_KEYS = Object.keys(SearchOrdersQuery.shape);
const GET_KEYS = Object.keys(GetOrderQuery.shape);

export function searchOrdersParams(q: SearchOrdersQuery): URLSearchParams {
  return serialize(SearchOrdersQuery.parse(q), SEARCH_KEYS);
}

export function getOrderParams(q: GetOrderQuery): URLSearchParams {
  return serialize(GetOrderQuery.parse(q), GET_KEYS);
}
