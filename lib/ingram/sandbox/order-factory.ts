import { CARRIERS, WAREHOUSES } from "./catalog.ts";
import type { CatalogItem, LineStatus, SandboxLine, SandboxOrder } from "./sandbox-types.ts";
import { DAY_MS, round2, ymd } from "./util.ts";

export interface LineInput {
  item: CatalogItem;
  quantity: number;
  ingramLineNumber: string;
  customerLineNumber: string;
  subOrderNumber: string;
  warehouseId: string;
  carrierCode: string;
  createdAt: number;
  held: boolean;
  specialBidNumber?: string;
  notes?: string;
}

export const lineNo = (n: number): string => String(n).padStart(3, "0");

/** A new line: confirmed up to stock on hand, the rest backordered. */
export function makeLine(input: LineInput): SandboxLine {
  const { item, quantity } = input;
  const confirmed = Math.min(quantity, item.stock);
  const backordered = quantity - confirmed;
  const warehouseId = item.electronic ? "49" : input.warehouseId;
  const carrierCode = item.electronic ? "VL" : input.carrierCode;
  const status: LineStatus = input.held ? "On Hold" : backordered > 0 ? "Backordered" : "In Progress";
  return {
    ingramLineNumber: input.ingramLineNumber,
    subOrderNumber: input.subOrderNumber,
    customerLineNumber: input.customerLineNumber,
    lineStatus: status,
    ingramPartNumber: item.ingramPartNumber,
    vendorPartNumber: item.vendorPartNumber,
    vendorName: item.vendorName,
    partDescription: item.description,
    upcCode: item.upcCode,
    unitWeight: item.unitWeight,
    unitPrice: item.unitPrice,
    quantityOrdered: quantity,
    quantityConfirmed: confirmed,
    quantityBackOrdered: backordered,
    specialBidNumber: input.specialBidNumber,
    notes: input.notes,
    carrierCode,
    carrierName: CARRIERS[carrierCode] ?? "OTHER",
    warehouseId,
    promisedDeliveryDate: ymd(input.createdAt + 5 * DAY_MS),
    backOrderETADate: backordered > 0 ? ymd(input.createdAt + 21 * DAY_MS) : undefined,
  };
}

export const warehouseName = (id: string): string => WAREHOUSES[id] ?? "Unknown";

export function activeLines(order: SandboxOrder): SandboxLine[] {
  return order.lines.filter((l) => l.lineStatus !== "Canceled" || order.status === "Canceled");
}

export function subTotal(order: SandboxOrder, subOrderNumber?: string): number {
  return round2(
    activeLines(order)
      .filter((l) => !subOrderNumber || l.subOrderNumber === subOrderNumber)
      .reduce((sum, l) => sum + l.unitPrice * l.quantityOrdered, 0),
  );
}

export function orderTotal(order: SandboxOrder): number {
  const fees = order.miscellaneousCharges.reduce((sum, c) => sum + c.chargeAmount, 0);
  return round2(subTotal(order) + order.freightCharges + order.totalTax + fees);
}

export function totalWeight(order: SandboxOrder): number {
  return round2(activeLines(order).reduce((sum, l) => sum + l.unitWeight * l.quantityOrdered, 0));
}

export function subOrderNumbers(order: SandboxOrder): string[] {
  return [...new Set(order.lines.map((l) => l.subOrderNumber))];
}

/** Header status derived from line statuses (used after a modification). */
export function deriveStatus(order: SandboxOrder): SandboxOrder["status"] {
  if (order.customerHold) return "On Hold";
  const lines = activeLines(order);
  if (lines.length === 0) return "Canceled";
  if (lines.every((l) => l.lineStatus === "Delivered")) return "Delivered";
  if (lines.every((l) => l.lineStatus === "Shipped" || l.lineStatus === "Delivered")) return "Shipped";
  if (lines.some((l) => l.lineStatus === "Backordered")) return "Backordered";
  return "Processing";
}

export function nextLineNumber(order: SandboxOrder): string {
  const max = order.lines.reduce((m, l) => Math.max(m, Number.parseInt(l.ingramLineNumber, 10) || 0), 0);
  return lineNo(max + 1);
}
