import { SEARCH_ORDER_NUMBER_MAX_LENGTH } from "../../validation/order-number.ts";
import { renderSearchEntry } from "./render.ts";
import { type FieldError, empty, json, validationFailed } from "./responses.ts";
import type { DetailStatus, Reply, SandboxOrder } from "./sandbox-types.ts";
import { DAY_MS, isValidYmd, ymd } from "./util.ts";

const STATUS_FILTER: Record<string, DetailStatus[]> = {
  SHIPPED: ["Shipped", "Delivered"],
  PROCESSING: ["Processing"],
  "ON HOLD": ["On Hold"],
  BACKORDERED: ["Backordered"],
  CANCELLED: ["Canceled"],
};

const DATE_MESSAGE = "input date format error expected format is - yyyy-MM-dd";
const MAX_LEN: Record<string, number> = {
  ingramOrderNumber: SEARCH_ORDER_NUMBER_MAX_LENGTH,
  customerOrderNumber: 35,
  endCustomerOrderNumber: 35,
  ingramPartNumber: 35,
  vendorPartNumber: 35,
  serialNumber: 35,
  trackingNumber: 35,
  vendorName: 35,
  specialBidNumber: 35,
};

/**
 * Ingram's portal documents that a search without any filter covers about the last 20 days of orders,
 * not the whole history; paging parameters are not filters.
 */
export const DEFAULT_WINDOW_DAYS = 20;
const NOT_FILTERS = new Set(["pageSize", "pageNumber"]);

const hasFilter = (q: URLSearchParams): boolean =>
  [...q.entries()].some(([k, v]) => !NOT_FILTERS.has(k) && v.trim() !== "");

type Pred = (o: SandboxOrder) => boolean;
const ci = (a: string | undefined, b: string) => a !== undefined && a.toUpperCase() === b.toUpperCase();
const contains = (a: string | undefined, b: string) => a !== undefined && a.toUpperCase().includes(b.toUpperCase());
const inRange = (d: string | undefined, [from, to]: string[]) => d !== undefined && d >= from! && d <= to!;

function ranges(q: URLSearchParams, key: string, fields: FieldError[], label = key): string[] | undefined {
  const values = q.getAll(key);
  if (values.length === 0) return undefined;
  if (values.length !== 2)
    return void fields.push({ field: label, message: `${key} needs exactly 2 dates (start, end)` });
  const bad = values.find((v) => !isValidYmd(v));
  if (bad !== undefined) return void fields.push({ field: label, value: bad, message: DATE_MESSAGE });
  return values;
}

function positiveInt(q: URLSearchParams, key: string, def: number, max: number, fields: FieldError[]): number {
  const raw = q.get(key);
  if (raw === null || raw === "") return def;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max) {
    fields.push({
      field: key,
      value: raw,
      message: max < Infinity ? `${key} must be an integer between 1 and ${max}` : `${key} must be a positive integer`,
    });
  }
  return n;
}

/** GET /resellers/v6/orders/search: filters, newest first, paging; 204 when nothing matches. */
export function searchOrders(all: SandboxOrder[], q: URLSearchParams, basePath: string, now: number): Reply {
  const fields: FieldError[] = [];
  const preds: Pred[] = [];
  for (const [key, max] of Object.entries(MAX_LEN)) {
    const v = q.get(key);
    if (v !== null && v.length > max)
      fields.push({ field: key, value: v, message: `${key} must be at most ${max} characters` });
  }
  const statuses = [...q.getAll("orderStatus"), ...q.getAll("orderStatus-in")].map((s) => s.trim().toUpperCase());
  const badStatus = statuses.find((s) => !STATUS_FILTER[s]);
  if (badStatus !== undefined)
    fields.push({
      field: "orderStatus",
      value: badStatus,
      message: `orderStatus must be one of ${Object.keys(STATUS_FILTER).join(", ")}`,
    });
  else if (statuses.length) {
    const wanted = new Set(statuses.flatMap((s) => STATUS_FILTER[s]!));
    preds.push((o) => wanted.has(o.status));
  }
  const orderDate = q.get("ingramOrderDate");
  if (orderDate !== null) {
    if (!isValidYmd(orderDate))
      fields.push({ field: "ingramOrderDate/ingramOrderDate-bt", value: orderDate, message: DATE_MESSAGE });
    else preds.push((o) => ymd(o.createdAt) === orderDate);
  }
  const orderBt = ranges(q, "ingramOrderDate-bt", fields, "ingramOrderDate/ingramOrderDate-bt");
  if (orderBt) preds.push((o) => inRange(ymd(o.createdAt), orderBt));
  const invoiceBt = ranges(q, "invoiceDate_bt", fields);
  if (invoiceBt) preds.push((o) => o.lines.some((l) => inRange(l.shipment?.invoiceDate, invoiceBt)));
  const shipBt = ranges(q, "shipDate_bt", fields);
  if (shipBt) preds.push((o) => o.lines.some((l) => inRange(l.shipment?.shippedDate, shipBt)));
  const deliveryBt = ranges(q, "deliveryDate_bt", fields);
  if (deliveryBt) {
    preds.push((o) =>
      o.lines.some((l) => inRange(l.shipment?.deliveredDate ?? l.shipment?.estimatedDeliveryDate, deliveryBt)),
    );
  }
  const pageSize = positiveInt(q, "pageSize", 25, 100, fields);
  const pageNumber = positiveInt(q, "pageNumber", 1, Number.MAX_SAFE_INTEGER, fields);
  if (fields.length) return validationFailed(fields);

  const text = (key: string, pred: (o: SandboxOrder, v: string) => boolean) => {
    const v = q.get(key)?.trim();
    if (v) preds.push((o) => pred(o, v));
  };
  text("ingramOrderNumber", (o, v) => ci(o.ingramOrderNumber, v) || o.lines.some((l) => ci(l.subOrderNumber, v)));
  text("customerOrderNumber", (o, v) => contains(o.customerOrderNumber, v));
  text("endCustomerOrderNumber", (o, v) => contains(o.endCustomerOrderNumber, v));
  text("ingramPartNumber", (o, v) => o.lines.some((l) => ci(l.ingramPartNumber, v)));
  text("vendorPartNumber", (o, v) => o.lines.some((l) => ci(l.vendorPartNumber, v)));
  text("serialNumber", (o, v) => o.lines.some((l) => l.shipment?.serialNumbers.some((s) => ci(s, v)) ?? false));
  text("trackingNumber", (o, v) => o.lines.some((l) => ci(l.shipment?.trackingNumber, v)));
  text("vendorName", (o, v) => o.lines.some((l) => contains(l.vendorName, v)));
  text("specialBidNumber", (o, v) => ci(o.specialBidNumber, v) || o.lines.some((l) => ci(l.specialBidNumber, v)));

  if (!hasFilter(q)) {
    const from = ymd(now - DEFAULT_WINDOW_DAYS * DAY_MS);
    preds.push((o) => ymd(o.createdAt) >= from);
  }
  const matches = all.filter((o) => preds.every((p) => p(o)));
  if (matches.length === 0) return empty(204);
  const page = matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const body: Record<string, unknown> = {
    recordsFound: matches.length,
    pageSize,
    pageNumber,
    orders: page.map(renderSearchEntry),
  };
  const link = (n: number) => {
    const params = new URLSearchParams(q);
    params.delete("pageNumber");
    params.append("pageNumber", String(n));
    return `${basePath}?${params.toString()}`;
  };
  if (pageNumber * pageSize < matches.length) body.nextPage = link(pageNumber + 1);
  if (pageNumber > 1) body.previousPage = link(pageNumber - 1);
  return json(200, body);
}
