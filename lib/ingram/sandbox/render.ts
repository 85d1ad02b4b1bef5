import { purchaseOrderNumber, scheduleLines, serviceContractInfo, webOrderId } from "./line-extras.ts";
import { activeLines, orderTotal, subOrderNumbers, subTotal, totalWeight, warehouseName } from "./order-factory.ts";
import type { Address, DetailStatus, SandboxLine, SandboxOrder } from "./sandbox-types.ts";
import { DAY_MS, isoWithOffset, round2, ymd } from "./util.ts";

const ADDRESS_KEYS = [
  "contact",
  "companyName",
  "addressLine1",
  "addressLine2",
  "addressLine3",
  "city",
  "state",
  "postalCode",
  "countryCode",
  "phoneNumber",
  "email",
] as const;

/** Only the spec's address keys, only strings (detail address objects are additionalProperties:false). */
export function pickAddress(source: unknown): Address {
  const out: Address = {};
  if (!source || typeof source !== "object") return out;
  const rec = source as Record<string, unknown>;
  for (const key of ADDRESS_KEYS) {
    const v = rec[key];
    if (typeof v === "string") out[key] = v;
    else if (typeof v === "number") out[key] = String(v);
  }
  return out;
}

const orderLink = (n: string) => ({ topic: "orders", href: `/resellers/v6.1/orders/${n}`, type: "GET" });

function taxShare(order: SandboxOrder, line: SandboxLine): number {
  const sub = subTotal(order);
  return sub > 0 ? round2((order.totalTax * line.unitPrice * line.quantityOrdered) / sub) : 0;
}

function detailShipments(order: SandboxOrder, line: SandboxLine): unknown[] {
  if (line.lineStatus === "Canceled") return [];
  const base = {
    quantity: line.quantityConfirmed,
    estimatedShipDate: ymd(order.createdAt + 2 * DAY_MS),
    shipFromWarehouseId: line.warehouseId,
    shipFromLocation: warehouseName(line.warehouseId),
  };
  const s = line.shipment;
  if (!s) return [base];
  return [
    {
      ...base,
      deliveryNumber: s.deliveryNumber,
      shippedDate: s.shippedDate,
      estimatedDeliveryDate: s.estimatedDeliveryDate,
      invoiceNumber: s.invoiceNumber,
      invoiceDate: s.invoiceDate,
      carrierDetails: [
        {
          carrierCode: line.carrierCode,
          carrierName: line.carrierName,
          quantity: line.quantityOrdered,
          shippedDate: s.shippedDate,
          estimatedDeliveryDate: s.estimatedDeliveryDate,
          deliveredDate: s.deliveredDate,
          carrierPickupDate: s.shippedDate,
          trackingDetails: [
            {
              trackingNumber: s.trackingNumber,
              trackingUrl: s.trackingUrl,
              packageWeight: s.packageWeight,
              cartonNumber: s.cartonNumber,
              quantityInBox: String(line.quantityOrdered),
              serialNumbers: s.serialNumbers.map((serialNumber) => ({ serialNumber })),
            },
          ],
        },
      ],
    },
  ];
}

function detailLine(order: SandboxOrder, line: SandboxLine): Record<string, unknown> {
  const shipDate = line.shipment?.shippedDate ?? ymd(order.createdAt + 2 * DAY_MS);
  return {
    subOrderNumber: line.subOrderNumber,
    ingramOrderLineNumber: line.ingramLineNumber,
    vendorSalesOrderLineNumber: order.orderType === "D" ? line.ingramLineNumber : undefined,
    customerLineNumber: line.customerLineNumber,
    lineStatus: line.lineStatus,
    ingramPartNumber: line.ingramPartNumber,
    vendorPartNumber: line.vendorPartNumber,
    vendorName: line.vendorName,
    partDescription: line.partDescription,
    unitWeight: line.unitWeight,
    weightUom: "LB",
    unitPrice: line.unitPrice,
    upcCode: line.upcCode,
    extendedPrice: round2(line.unitPrice * line.quantityOrdered),
    taxAmount: taxShare(order, line),
    currencyCode: order.currencyCode,
    quantityOrdered: line.quantityOrdered,
    quantityConfirmed: line.quantityConfirmed,
    quantityBackOrdered: line.quantityBackOrdered,
    specialBidNumber: line.specialBidNumber,
    requestedDeliverydate: line.requestedDeliveryDate,
    promisedDeliveryDate: line.promisedDeliveryDate,
    backOrderETADate: line.backOrderETADate,
    lineNotes: line.notes,
    defaultCarrierName: line.carrierName,
    shipmentDetails: detailShipments(order, line),
    serviceContractInfo: serviceContractInfo(order, line),
    scheduleLines: scheduleLines(order, line),
    additionalAttributes: [],
    links: [orderLink(line.subOrderNumber)],
    estimatedDates:
      line.lineStatus === "Canceled"
        ? []
        : [
            {
              ship: { shipDateType: line.shipment ? "Actual" : "Estimated", shipSource: "Ingram Micro", shipDate },
              delivery: {
                deliveryDateType: line.shipment?.deliveredDate ? "Actual" : "Estimated",
                deliverySource: "Carrier",
                deliveryDate:
                  line.shipment?.deliveredDate ?? line.shipment?.estimatedDeliveryDate ?? line.promisedDeliveryDate,
              },
            },
          ],
  };
}

/** `OrderDetailB2B`; with `subOrderNumber`, only that sub-order's lines; with `keep`, only the lines it keeps. */
export function renderDetail(
  order: SandboxOrder,
  subOrderNumber?: string,
  keep?: (line: SandboxLine) => boolean,
): Record<string, unknown> {
  const lines = order.lines.filter(
    (l) => (!subOrderNumber || l.subOrderNumber === subOrderNumber) && (!keep || keep(l)),
  );
  const fees = order.miscellaneousCharges.reduce((s, c) => s + c.chargeAmount, 0);
  return {
    ingramOrderNumber: order.ingramOrderNumber,
    ingramOrderDate: isoWithOffset(order.createdAt),
    orderType: order.orderType,
    customerOrderNumber: order.customerOrderNumber,
    endCustomerOrderNumber: order.endCustomerOrderNumber,
    webOrderId: webOrderId(order),
    vendorSalesOrderNumber: order.vendorSalesOrderNumber,
    ingramPurchaseOrderNumber: purchaseOrderNumber(order),
    orderStatus: order.status,
    orderTotal: orderTotal(order),
    orderSubTotal: subTotal(order),
    freightCharges: order.freightCharges,
    currencyCode: order.currencyCode,
    totalWeight: totalWeight(order),
    totalTax: order.totalTax,
    totalFees: round2(fees),
    paymentTerms: order.paymentTerms,
    notes: order.notes,
    billToInfo: pickAddress(order.billToInfo),
    shipToInfo: pickAddress(order.shipToInfo),
    endUserInfo: pickAddress(order.endUserInfo),
    lines: lines.map((l) => detailLine(order, l)),
    miscellaneousCharges: order.miscellaneousCharges.map((c) => ({ ...c, chargeAmount: c.chargeAmount.toFixed(2) })),
    additionalAttributes: holdAttributes(order),
  };
}

/**
 * The customer-hold flag as the order was created with it; for Ingram's own holds a `holdReason`. Ingram's
 * examples show neither on a detail: the sandbox's choice of names, which the portal reads when present.
 */
function holdAttributes(order: SandboxOrder): { attributeName: string; attributeValue: string }[] {
  if (order.customerHold) return [{ attributeName: "allowOrderOnCustomerHold", attributeValue: "true" }];
  if (order.status === "On Hold" && order.ingramHoldReason)
    return [{ attributeName: "holdReason", attributeValue: order.ingramHoldReason }];
  return [];
}

export function linesStatus(order: SandboxOrder, lines: SandboxLine[]): DetailStatus {
  if (order.customerHold) return "On Hold";
  if (lines.every((l) => l.lineStatus === "Canceled")) return "Canceled";
  const live = lines.filter((l) => l.lineStatus !== "Canceled");
  if (live.every((l) => l.lineStatus === "Delivered")) return "Delivered";
  if (live.every((l) => l.lineStatus === "Shipped" || l.lineStatus === "Delivered")) return "Shipped";
  if (live.some((l) => l.lineStatus === "Backordered")) return "Backordered";
  if (live.some((l) => l.lineStatus === "On Hold")) return "On Hold";
  return "Processing";
}

export function searchStatus(status: DetailStatus): "OPEN" | "CLOSED" | "CANCELLED" {
  if (status === "Canceled") return "CANCELLED";
  return status === "Shipped" || status === "Delivered" ? "CLOSED" : "OPEN";
}

/** One entry of `OrderSearch_Response.orders`. */
export function renderSearchEntry(order: SandboxOrder): Record<string, unknown> {
  const first = activeLines(order)[0] ?? order.lines[0];
  return {
    ingramOrderNumber: order.ingramOrderNumber,
    ingramOrderDate: ymd(order.createdAt),
    customerOrderNumber: order.customerOrderNumber,
    vendorSalesOrderNumber: order.vendorSalesOrderNumber,
    vendorName: first?.vendorName,
    endUserCompanyName: order.endUserInfo.companyName,
    orderTotal: orderTotal(order),
    orderStatus: searchStatus(order.status),
    subOrders: subOrderNumbers(order).map((sub) => ({
      subOrderNumber: sub,
      subOrderTotal: subTotal(order, sub),
      subOrderStatus: linesStatus(
        order,
        order.lines.filter((l) => l.subOrderNumber === sub),
      ),
      links: [orderLink(sub)],
    })),
    links: orderLink(order.ingramOrderNumber),
  };
}
