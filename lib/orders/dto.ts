// Reshapes Ingram's (tolerant, often odd) payloads into the portal types in dto-types.ts. Ingram sends numbers
// as strings, nulls anywhere, one object where an array belongs, and several status vocabularies. Pure and
// type-only on the Ingram side, so pages, components and tests may import it.
import type { OrderCreateResponse } from "@/lib/ingram/schemas/order-create";
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import type { OrderModifyResponse } from "@/lib/ingram/schemas/order-modify";
import type { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import type { Address, Attribute, CreateOrderResult, LineResult, ModifyOrderResult, OrderDetail } from "./dto-types";
import type { OrderLine, OrderSearchPage, OrderState, OrderSummary, Shipment, Status } from "./dto-types";
import { upstreamText } from "@/lib/redact";
import { toEstimatedDates, toScheduleLines, toServiceContract } from "./dto-line-details";
import { list, type Maybe, num, safeUrl, str, toDate } from "./dto-values";

const STATE_BY_KEY: Record<string, OrderState> = {
  open: "open",
  processing: "processing",
  "in progress": "processing",
  inprogress: "processing",
  "on hold": "on_hold",
  onhold: "on_hold",
  hold: "on_hold",
  backordered: "backordered",
  "back ordered": "backordered",
  shipped: "shipped",
  "partially shipped": "partially_shipped",
  partially_shipped: "partially_shipped",
  delivered: "delivered",
  invoiced: "invoiced",
  closed: "closed",
  cancelled: "cancelled",
  canceled: "cancelled",
  voided: "cancelled",
  void: "cancelled",
};

const LABEL: Record<OrderState, string> = {
  open: "Open",
  processing: "Processing",
  on_hold: "On hold",
  backordered: "Backordered",
  shipped: "Shipped",
  partially_shipped: "Partially shipped",
  delivered: "Delivered",
  invoiced: "Invoiced",
  closed: "Closed",
  cancelled: "Cancelled",
  unknown: "Unknown",
};

/** Case-insensitive, strips `im::` and `order_` prefixes (`IM::order_hold`, `ON HOLD`, `On Hold` → on_hold). */
export function toStatus(raw: Maybe<string>): Status {
  const text = typeof raw === "string" ? raw.trim() : "";
  const key = text
    .toLowerCase()
    .replace(/^im::/, "")
    .replace(/^order_/, "")
    .replace(/_/g, " ")
    .replace(/\s+/g, " ");
  const state = STATE_BY_KEY[key] ?? STATE_BY_KEY[key.replace(/ /g, "")] ?? "unknown";
  return { state, label: state === "unknown" && text ? text : LABEL[state], raw: text || null };
}

type AnyAddress = Maybe<Record<string, unknown>>;

export function toAddress(a: AnyAddress): Address | null {
  if (!a || typeof a !== "object") return null;
  const lines = ["addressLine1", "addressLine2", "addressLine3", "addressLine4"]
    .map((k) => str(a[k]))
    .filter((x): x is string => !!x);
  const out: Address = {
    addressId: str(a.addressId) ?? str(a.endUserId),
    contact: str(a.contact),
    companyName: str(a.companyName) ?? str(a.name1),
    lines,
    city: str(a.city),
    state: str(a.state),
    postalCode: str(a.postalCode),
    countryCode: str(a.countryCode),
    phone: str(a.phoneNumber),
    email: str(a.email),
  };
  const empty = Object.entries(out).every(([k, v]) => (k === "lines" ? lines.length === 0 : v === null));
  return empty ? null : out;
}

function toAttributes(v: Maybe<{ attributeName?: Maybe<string>; attributeValue?: Maybe<string> }[]>): Attribute[] {
  return list(v)
    .map((a) => ({ name: str(a.attributeName) ?? "", value: str(a.attributeValue) ?? "" }))
    .filter((a) => a.name !== "");
}

type SearchOrder = NonNullable<NonNullable<OrderSearchResponse["orders"]>[number]>;

function toOrderSummary(o: SearchOrder): OrderSummary | null {
  const orderNumber = str(o.ingramOrderNumber);
  if (!orderNumber) return null;
  return {
    orderNumber,
    orderDate: toDate(o.ingramOrderDate),
    customerOrderNumber: str(o.customerOrderNumber),
    vendorSalesOrderNumber: str(o.vendorSalesOrderNumber),
    vendorName: str(o.vendorName),
    endUserCompanyName: str(o.endUserCompanyName),
    total: num(o.orderTotal),
    status: toStatus(o.orderStatus),
    subOrders: list(o.subOrders).flatMap((s) => {
      const n = str(s.subOrderNumber);
      return n ? [{ subOrderNumber: n, total: num(s.subOrderTotal), status: toStatus(s.subOrderStatus) }] : [];
    }),
  };
}

/** A null response (Ingram's 204) is an empty page. Ingram's page numbers can disagree with
 * recordsFound, so the page count is rebuilt from it. */
export function toSearchPage(
  res: Maybe<OrderSearchResponse>,
  requested: { pageNumber?: number; pageSize?: number } = {},
): OrderSearchPage {
  const pageSize = Math.max(1, num(res?.pageSize) ?? requested.pageSize ?? 25);
  const page = Math.max(1, num(res?.pageNumber) ?? requested.pageNumber ?? 1);
  const orders = list(res?.orders)
    .map(toOrderSummary)
    .filter((o): o is OrderSummary => o !== null);
  // The rows shown prove at least that many records; an empty page past the end proves nothing (page 999 of
  // 57 matches is not 24,950 orders).
  const shown = orders.length ? orders.length + (page - 1) * pageSize : 0;
  const total = Math.max(num(res?.recordsFound) ?? 0, shown);
  return { orders, total, page, pageSize, pageCount: total === 0 ? 0 : Math.ceil(total / pageSize) };
}

type DetailLine = NonNullable<NonNullable<IngramOrderDetail["lines"]>[number]>;
type DetailShipment = NonNullable<NonNullable<DetailLine["shipmentDetails"]>[number]>;

function toShipment(s: DetailShipment): Shipment {
  const carriers = list(s.carrierDetails);
  return {
    quantity: num(s.quantity),
    deliveryNumber: str(s.deliveryNumber),
    shippedDate: toDate(s.shippedDate) ?? toDate(carriers[0]?.shippedDate),
    estimatedShipDate: toDate(s.estimatedShipDate),
    estimatedDeliveryDate: toDate(s.estimatedDeliveryDate) ?? toDate(carriers[0]?.estimatedDeliveryDate),
    deliveredDate: toDate(carriers.find((c) => c.deliveredDate)?.deliveredDate),
    warehouse: str(s.shipFromLocation) ?? str(s.shipFromWarehouseId),
    invoiceNumber: str(s.invoiceNumber),
    invoiceDate: toDate(s.invoiceDate),
    tracking: carriers.flatMap((c) =>
      list(c.trackingDetails).map((t) => ({
        trackingNumber: str(t.trackingNumber),
        trackingUrl: safeUrl(t.trackingUrl),
        carrierName: str(c.carrierName) ?? str(c.carrierCode),
        packageWeight: str(t.packageWeight),
        cartonNumber: str(t.cartonNumber),
        quantityInBox: str(t.quantityInBox),
        serialNumbers: list(t.serialNumbers)
          .map((x) => str(x.serialNumber))
          .filter((x): x is string => !!x),
      })),
    ),
  };
}

function toLine(l: DetailLine): OrderLine {
  return {
    lineNumber: str(l.ingramOrderLineNumber),
    subOrderNumber: str(l.subOrderNumber),
    customerLineNumber: str(l.customerLineNumber),
    status: toStatus(l.lineStatus),
    ingramPartNumber: str(l.ingramPartNumber),
    vendorPartNumber: str(l.vendorPartNumber),
    vendorName: str(l.vendorName),
    description: str(l.partDescription),
    upcCode: str(l.upcCode),
    unitPrice: num(l.unitPrice),
    extendedPrice: num(l.extendedPrice),
    taxAmount: num(l.taxAmount),
    unitWeight: num(l.unitWeight),
    weightUnit: str(l.weightUom),
    specialBidNumber: str(l.specialBidNumber),
    carrierName: str(l.defaultCarrierName),
    requestedDeliveryDate: toDate(l.requestedDeliverydate),
    quantityOrdered: num(l.quantityOrdered),
    quantityConfirmed: num(l.quantityConfirmed),
    quantityBackOrdered: num(l.quantityBackOrdered),
    promisedDeliveryDate: toDate(l.promisedDeliveryDate),
    backOrderEtaDate: toDate(l.backOrderETADate),
    notes: str(l.lineNotes),
    shipments: list(l.shipmentDetails).map(toShipment),
    estimatedDates: toEstimatedDates(l),
    scheduleLines: toScheduleLines(l),
    serviceContract: toServiceContract(l),
  };
}

export function toOrderDetail(d: IngramOrderDetail, requestedNumber?: string): OrderDetail {
  const status = toStatus(d.orderStatus);
  const lines = list(d.lines).map(toLine);
  return {
    orderNumber: str(d.ingramOrderNumber) ?? requestedNumber ?? "",
    orderDate: toDate(d.ingramOrderDate),
    orderedAt: str(d.ingramOrderDate),
    orderType: str(d.orderType),
    customerOrderNumber: str(d.customerOrderNumber),
    endCustomerOrderNumber: str(d.endCustomerOrderNumber),
    vendorSalesOrderNumber: str(d.vendorSalesOrderNumber),
    ingramPurchaseOrderNumber: str(d.ingramPurchaseOrderNumber),
    webOrderId: str(d.webOrderId),
    totalWeight: num(d.totalWeight),
    weightUnit: lines.find((l) => l.weightUnit)?.weightUnit ?? null,
    status,
    onHold: status.state === "on_hold",
    currency: str(d.currencyCode) ?? str(list(d.lines)[0]?.currencyCode),
    totals: {
      total: num(d.orderTotal),
      subTotal: num(d.orderSubTotal),
      freight: num(d.freightCharges),
      tax: num(d.totalTax),
      fees: num(d.totalFees),
    },
    paymentTerms: str(d.paymentTerms),
    notes: str(d.notes),
    billTo: toAddress(d.billToInfo),
    shipTo: toAddress(d.shipToInfo),
    endUser: toAddress(d.endUserInfo),
    lines,
    charges: list(d.miscellaneousCharges).map((c) => ({
      subOrderNumber: str(c.subOrderNumber),
      reference: str(c.chargeLineReference),
      description: str(c.chargeDescription),
      amount: num(c.chargeAmount),
    })),
    attributes: toAttributes(d.additionalAttributes),
  };
}

function reasonOf(r: { rejectReason?: Maybe<string>; rejectCode?: Maybe<string> }): string {
  const reason = upstreamText(str(r.rejectReason)?.replace(/\s+/g, " ") ?? "") || undefined;
  const code = upstreamText(str(r.rejectCode) ?? "", 40) || undefined;
  return reason && code ? `${reason} (${code})` : (reason ?? code ?? "Rejected by Ingram Micro");
}

function summary(accepted: number, total: number): string {
  if (total === 0) return "Ingram Micro accepted the request.";
  if (accepted === total) return `All ${total} line${total === 1 ? "" : "s"} accepted.`;
  return `${accepted} of ${total} line${total === 1 ? "" : "s"} accepted; see the rejected lines.`;
}

/** 201 and 207 alike: every accepted line and every rejected line, with the reason. */
export function toCreateResult(res: Maybe<OrderCreateResponse>, customerOrderNumber: string): CreateOrderResult {
  const orders = list(res?.orders);
  const lines: LineResult[] = [];
  for (const o of orders) {
    const orderNumber = str(o.ingramOrderNumber);
    for (const l of list(o.lines)) {
      lines.push({
        ingramPartNumber: str(l.ingramPartNumber),
        quantity: num(l.quantityOrdered),
        customerLineNumber: str(l.customerLineNumber),
        lineNumber: str(l.ingramLineNumber),
        orderNumber: str(l.subOrderNumber) ?? orderNumber,
        result: "accepted",
        reason: null,
        status: toStatus(l.lineStatus),
      });
    }
    for (const r of list(o.rejectedLineItems)) {
      lines.push({
        ingramPartNumber: str(r.ingramPartNumber),
        quantity: num(r.quantityOrdered),
        customerLineNumber: str(r.customerLinenumber) ?? str((r as Record<string, unknown>).customerLineNumber),
        lineNumber: null,
        orderNumber,
        result: "rejected",
        reason: reasonOf(r),
        status: null,
      });
    }
  }
  const accepted = lines.filter((l) => l.result === "accepted").length;
  const partial = lines.length > accepted || res?.processedPartially === true;
  return {
    outcome: partial ? "partially_succeeded" : "succeeded",
    customerOrderNumber: str(res?.customerOrderNumber) ?? customerOrderNumber,
    orders: orders.flatMap((o) => {
      const n = str(o.ingramOrderNumber);
      return n
        ? [
            {
              orderNumber: n,
              orderDate: toDate(o.ingramOrderDate),
              total: num(o.orderTotal),
              currency: str(o.currencyCode),
            },
          ]
        : [];
    }),
    lines,
    message: summary(accepted, lines.length),
  };
}

/** Modify answers 200/201/207 with a body, or null (release example). */
export function toModifyResult(res: Maybe<OrderModifyResponse>, orderNumber: string): ModifyOrderResult {
  const lines: LineResult[] = [
    ...list(res?.lines).map((l) => ({
      ingramPartNumber: str(l.ingramPartNumber),
      quantity: num(l.quantityOrdered),
      customerLineNumber: str(l.customerLineNumber),
      lineNumber: str(l.ingramLineNumber) ?? str(l.lineNumber),
      orderNumber: str(l.subOrderNumber) ?? orderNumber,
      result: "accepted" as const,
      reason: null,
      status: null,
    })),
    ...list(res?.rejectedLineItems).map((r) => ({
      ingramPartNumber: str(r.ingramPartNumber),
      quantity: num(r.quantityOrdered),
      customerLineNumber: str(r.customerLineNumber),
      lineNumber: str(r.ingramLineNumber) ?? str(r.lineNumber),
      orderNumber,
      result: "rejected" as const,
      reason: reasonOf(r),
      status: null,
    })),
  ];
  const rejected = lines.filter((l) => l.result === "rejected").length;
  return {
    outcome: rejected > 0 ? "partially_succeeded" : "succeeded",
    orderNumber: str(res?.ingramOrderNumber) ?? orderNumber,
    changeDescription: str(res?.changeDescription),
    lines,
    message:
      rejected > 0 ? `${rejected} change${rejected === 1 ? "" : "s"} rejected; see the lines.` : "Changes saved.",
  };
}
