// GET /api/orders and the search page: Ingram's search parameters under their wire names, plus the portal's
// own filters the order index answers (free text `q`, `endCustomerName`) and sort/dir. Pure zod: imports
// nothing server-side.
import { z } from "zod";
import { blankToUndefined, isCalendarDate, wholeNumber } from "./input-fields";
import { SEARCH_ORDER_NUMBER_MAX_LENGTH } from "./order-number";

export const ORDER_STATUS_FILTERS = ["SHIPPED", "PROCESSING", "ON HOLD", "BACKORDERED", "CANCELLED"] as const;
/** One per column of the orders table; the index sorts on each across all matching orders. */
export const SORT_KEYS = [
  "orderDate",
  "orderNumber",
  "customerOrderNumber",
  "endCustomerName",
  "vendorName",
  "total",
  "status",
] as const;
/** Filters only the portal's index understands: left out of the Ingram search a refresh sends. */
export const PORTAL_ONLY_FILTERS = ["q", "endCustomerName"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const one = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label} must be a single value.` })
      .trim()
      .max(max, `${label} must be at most ${max} characters.`)
      .optional(),
  );
const dateOne = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `${label} must be a single date.` })
      .refine(isCalendarDate, `${label} must be a date like 2024-01-31.`)
      .optional(),
  );
const toList = (v: unknown) => {
  const b = blankToUndefined(v);
  if (typeof b === "string") return b.split(",").map((x) => x.trim());
  return Array.isArray(b) ? b.filter((x) => x !== "") : b;
};
const dateRange = (label: string) =>
  z.preprocess(
    toList,
    z
      .array(z.string(), { error: `${label} must be two dates (from and to).` })
      .length(2, `${label} must be two dates (from and to).`)
      .refine((r) => r.every(isCalendarDate), `${label} must be dates like 2024-01-31.`)
      .refine(
        ([from, to]) => from === undefined || to === undefined || from <= to,
        `${label}: the start date must not be after the end date.`,
      )
      .optional(),
  );
const intParam = (label: string, min: number, max: number) =>
  z.preprocess(blankToUndefined, wholeNumber(label, min, max).optional());

/** GET /api/orders and the search page: Ingram's search parameter names exactly, plus `q`, `endCustomerName`, sort/dir. */
export const orderSearchQuerySchema = z.object({
  ingramOrderNumber: one("Ingram order number", SEARCH_ORDER_NUMBER_MAX_LENGTH),
  orderStatus: z.preprocess(
    blankToUndefined,
    z
      .enum(ORDER_STATUS_FILTERS, {
        error: "Order status must be one of Shipped, Processing, On hold, Backordered, Cancelled.",
      })
      .optional(),
  ),
  "orderStatus-in": z.preprocess(
    toList,
    z
      .array(
        z.enum(ORDER_STATUS_FILTERS, {
          error: "Order statuses must be Shipped, Processing, On hold, Backordered or Cancelled.",
        }),
        {
          error: "Order statuses must be a list.",
        },
      )
      .max(5, "Pick at most 5 order statuses.")
      .optional(),
  ),
  ingramOrderDate: dateOne("Order date"),
  "ingramOrderDate-bt": dateRange("Order date range"),
  customerOrderNumber: one("Customer PO number", 35),
  endCustomerOrderNumber: one("End customer PO number", 35),
  invoiceDate_bt: dateRange("Invoice date range"),
  shipDate_bt: dateRange("Ship date range"),
  deliveryDate_bt: dateRange("Delivery date range"),
  ingramPartNumber: one("Ingram part number", 35),
  vendorPartNumber: one("Vendor part number", 35),
  serialNumber: one("Serial number", 35),
  trackingNumber: one("Tracking number", 35),
  vendorName: one("Vendor name", 35),
  specialBidNumber: one("Special bid number", 35),
  q: one("Search text", 100),
  endCustomerName: one("End customer", 60),
  pageSize: intParam("Page size", 1, 100),
  pageNumber: intParam("Page number", 1, 100000),
  sort: z.preprocess(blankToUndefined, z.enum(SORT_KEYS, { error: "Sort must be a known column." }).optional()),
  dir: z.preprocess(
    blankToUndefined,
    z.enum(["asc", "desc"], { error: "Sort direction must be asc or desc." }).optional(),
  ),
});
export type OrderSearchQuery = z.output<typeof orderSearchQuerySchema>;
export type OrderSearchQueryInput = z.input<typeof orderSearchQuerySchema>;

/** GET /api/orders/suggest: the header search box's text as typed, and how many results it shows. */
export const orderSuggestQuerySchema = z.object({
  q: z.preprocess(
    (v) => (v === undefined ? "" : v),
    z
      .string({ error: "Search text must be a single value." })
      .trim()
      .min(1, "Search text is required.")
      .max(100, "Search text must be at most 100 characters."),
  ),
  limit: intParam("Limit", 1, 20),
});
export type OrderSuggestQuery = z.output<typeof orderSuggestQuerySchema>;
