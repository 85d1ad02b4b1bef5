import { z } from "zod";
import { qDate } from "./primitives";

/* Query parameters under their exact Ingram wire names (CONTRACT §6.3, §9.6). */

export const ORDER_STATUS_FILTERS = ["SHIPPED", "PROCESSING", "ON HOLD", "BACKORDERED", "CANCELLED"] as const;

const s35 = z.string().max(35);
const range = z.tuple([qDate, qDate]);

export const SearchOrdersQuery = z.strictObject({
  ingramOrderNumber: z.string().max(11),
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
}).partial();
export type SearchOrdersQuery = z.input<typeof SearchOrdersQuery>;

export const SIMULATE_STATUSES = ["IM::SHIPPED", "IM::PARTIALLY_SHIPPED", "IM::HOLD", "IM::INVOICED"] as const;

export const GetOrderQuery = z.strictObject({
  ingramOrderDate: qDate,
  vendorNumber: z.string().max(35),
  simulateStatus: z.enum(SIMULATE_STATUSES),
  isIml: z.boolean(),
  regionCode: z.string().max(10),
}).partial();
export type GetOrderQuery = z.input<typeof GetOrderQuery>;

/**
 * Order numbers go into URL paths: letters, digits and dashes only (`20-RD3QV`, `20-RD3QV-11`, SAP
 * `7059827143`), which also rules out dot segments and separators. The detail path caps at 12 (spec).
 */
export const OrderNumber = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, "invalid order number");
export const DetailOrderNumber = OrderNumber.max(12);
