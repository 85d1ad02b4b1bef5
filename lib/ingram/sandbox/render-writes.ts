import type { CreateOutcome } from "./create-orders.ts";
import { orderTotal, subTotal, warehouseName } from "./order-factory.ts";
import { pickAddress } from "./render.ts";
import type { SandboxLine, SandboxOrder } from "./sandbox-types.ts";
import { isoMillisOffset, ymd } from "./util.ts";
import type { CreateRequest } from "./validate.ts";

const link = (n: string) => ({ topic: "orders", href: `/resellers/v6.1/orders/${n}`, type: "GET" });

function createLine(line: SandboxLine): Record<string, unknown> {
  return {
    subOrderNumber: line.subOrderNumber,
    ingramLineNumber: line.ingramLineNumber,
    customerLineNumber: line.customerLineNumber,
    lineStatus: line.lineStatus,
    ingramPartNumber: line.ingramPartNumber,
    vendorPartNumber: line.vendorPartNumber,
    unitPrice: line.unitPrice,
    extendedUnitPrice: Math.round(line.unitPrice * line.quantityOrdered * 100) / 100,
    quantityOrdered: line.quantityOrdered,
    quantityConfirmed: line.quantityConfirmed,
    quantityBackOrdered: line.quantityBackOrdered,
    specialBidNumber: line.specialBidNumber,
    notes: line.notes ?? line.partDescription,
    shipmentDetails: [
      {
        carrierCode: line.carrierCode,
        carrierName: line.carrierName,
        shipFromWarehouseId: line.warehouseId,
        shipFromLocation: warehouseName(line.warehouseId),
      },
    ],
  };
}

/** `OrderCreateResponse` (v6 201/207) — also the `resource` of the v7 result webhook. */
export function renderCreateResponse(req: CreateRequest, outcome: CreateOutcome): Record<string, unknown> {
  const { order, rejected } = outcome;
  const entry: Record<string, unknown> = {
    numberOfLinesWithSuccess: order?.lines.length ?? 0,
    numberOfLinesWithError: rejected.length,
    numberOfLinesWithWarning: 0,
    rejectedLineItems: rejected.map((r) => ({
      customerLinenumber: r.line.customerLineNumber ?? String(r.line.index + 1).padStart(3, "0"),
      ingramPartNumber: r.line.ingramPartNumber,
      quantityOrdered: r.line.quantity,
      rejectCode: r.rejectCode,
      rejectReason: r.rejectReason,
    })),
    additionalAttributes: [],
  };
  if (order) {
    Object.assign(entry, {
      ingramOrderNumber: order.ingramOrderNumber,
      ingramOrderDate: ymd(order.createdAt),
      notes: order.notes ?? "",
      orderType: order.orderType,
      orderTotal: orderTotal(order),
      freightCharges: order.freightCharges,
      totalTax: order.totalTax,
      currencyCode: order.currencyCode,
      lines: order.lines.map(createLine),
      miscellaneousCharges: [],
      links: [link(order.ingramOrderNumber)],
    });
  }
  return {
    customerOrderNumber: req.customerOrderNumber,
    endCustomerOrderNumber: req.endCustomerOrderNumber,
    billToAddressId: "000",
    specialBidNumber: req.specialBidNumber,
    orderSplit: false,
    processedPartially: rejected.length > 0 && order !== undefined,
    purchaseOrderTotal: order ? orderTotal(order) : 0,
    shipToInfo: order ? pickAddress(order.shipToInfo) : pickAddress(req.shipToInfo),
    endUserInfo: pickAddress(req.endUserInfo),
    orders: [entry],
  };
}

export interface ModifyRejection {
  ingramLineNumber?: string;
  customerLineNumber?: string;
  ingramPartNumber?: string;
  quantityOrdered?: number;
  rejectCode: "EN" | "EL" | "EQ";
  rejectReason: string;
}

export function modifyLine(line: SandboxLine): Record<string, unknown> {
  return {
    subOrderNumber: line.subOrderNumber,
    ingramLineNumber: line.ingramLineNumber,
    customerLineNumber: line.customerLineNumber,
    ingramPartNumber: line.ingramPartNumber,
    vendorPartNumber: line.vendorPartNumber,
    quantityOrdered: line.quantityOrdered,
    quantityConfirmed: line.quantityConfirmed,
    quantityBackOrdered: line.quantityBackOrdered,
    shipmentDetails: { carrierCode: line.carrierCode, carrierName: line.carrierName },
    notes: line.notes,
  };
}

/** `OrderModifyResponse`. */
export function renderModifyResponse(
  order: SandboxOrder,
  changeDescription: string,
  lines: Record<string, unknown>[],
  rejected: ModifyRejection[],
  now: number,
): Record<string, unknown> {
  return {
    ingramOrderNumber: order.ingramOrderNumber,
    changeDescription,
    orderModifiedDate: isoMillisOffset(now),
    customerOrderNumber: order.customerOrderNumber,
    endCustomerOrderNumber: order.endCustomerOrderNumber,
    orderTotal: orderTotal(order),
    notes: order.notes,
    orderSubTotal: subTotal(order),
    freightCharges: order.freightCharges,
    totalTax: order.totalTax,
    orderStatus: order.status,
    billToAddressId: order.billToAddressId,
    shipToInfo: pickAddress(order.shipToInfo),
    lines,
    rejectedLineItems: rejected,
  };
}
