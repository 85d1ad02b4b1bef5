// Reshapes Ingram's (tolerant, often odd) payloads into the portal types in dto-types.ts. Pure and
// type-only on the Ingram side, so pages, components and tests may import it.
import type { OrderDetail as IngramOrderDetail } from "@/lib/ingram/schemas/order-detail";
import type { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import type { Address, Attribute, OrderDetail, OrderLine, OrderSearchPage, OrderSummary, Shipment } from "./dto-types";
import { list, type Maybe, num, safeUrl, str, toDate, toStatus } from "./dto-values";

export * from "./dto-types";
export { safeUrl, statusLabel, toDate, toStatus } from "./dto-values";
export { toCreateResult, toModifyResult } from "./dto-results";

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

export function toAttributes(v: Maybe<{ attributeName?: Maybe<string>; attributeValue?: Maybe<string> }[]>): Attribute[] {
  return list(v)
    .map((a) => ({ name: str(a.attributeName) ?? "", value: str(a.attributeValue) ?? "" }))
    .filter((a) => a.name !== "");
}

type SearchOrder = NonNullable<NonNullable<OrderSearchResponse["orders"]>[number]>;

export function toOrderSummary(o: SearchOrder): OrderSummary | null {
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

/** A null response (Ingram's 204) is an empty page. Page numbers are rebuilt from recordsFound (CONTRACT §9.20). */
export function toSearchPage(
  res: Maybe<OrderSearchResponse>,
  requested: { pageNumber?: number; pageSize?: number } = {},
): OrderSearchPage {
  const pageSize = Math.max(1, num(res?.pageSize) ?? requested.pageSize ?? 25);
  const page = Math.max(1, num(res?.pageNumber) ?? requested.pageNumber ?? 1);
  const orders = list(res?.orders).map(toOrderSummary).filter((o): o is OrderSummary => o !== null);
  const total = Math.max(num(res?.recordsFound) ?? 0, res ? orders.length + (page - 1) * pageSize : 0);
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
    unitPrice: num(l.unitPrice),
    extendedPrice: num(l.extendedPrice),
    quantityOrdered: num(l.quantityOrdered),
    quantityConfirmed: num(l.quantityConfirmed),
    quantityBackOrdered: num(l.quantityBackOrdered),
    promisedDeliveryDate: toDate(l.promisedDeliveryDate),
    backOrderEtaDate: toDate(l.backOrderETADate),
    notes: str(l.lineNotes),
    shipments: list(l.shipmentDetails).map(toShipment),
  };
}

export function toOrderDetail(d: IngramOrderDetail, requestedNumber?: string): OrderDetail {
  const status = toStatus(d.orderStatus);
  const lines = list(d.lines).map(toLine);
  return {
    orderNumber: str(d.ingramOrderNumber) ?? requestedNumber ?? "",
    orderDate: toDate(d.ingramOrderDate),
    orderType: str(d.orderType),
    customerOrderNumber: str(d.customerOrderNumber),
    endCustomerOrderNumber: str(d.endCustomerOrderNumber),
    vendorSalesOrderNumber: str(d.vendorSalesOrderNumber),
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

