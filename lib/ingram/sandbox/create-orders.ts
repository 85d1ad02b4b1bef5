import { CARRIERS, WAREHOUSES, resolvePart } from "./catalog.ts";
import { deriveStatus, lineNo, makeLine } from "./order-factory.ts";
import { pickAddress } from "./render.ts";
import type { FieldError } from "./responses.ts";
import { RESELLER_BILL_TO } from "./seed.ts";
import type { SandboxStore } from "./store.ts";
import type { SandboxOrder } from "./sandbox-types.ts";
import { attrTrue, type CreateRequest, type LineRequest } from "./validate.ts";

export interface RejectedLine {
  line: LineRequest;
  rejectCode: "EN";
  rejectReason: string;
}

export interface CreateOutcome {
  order?: SandboxOrder;
  rejected: RejectedLine[];
}

export const skuNotFound = (pn: string): string => `SKU-NOTFOUND    ${pn}`;

export const duplicatePo = (po: string): FieldError => ({
  field: "customerOrderNumber",
  value: po,
  message:
    "Duplicate customer order number. Send additionalAttributes allowDuplicateCustomerOrderNumber=true to allow it.",
});

export function isDuplicatePo(store: SandboxStore, req: CreateRequest): boolean {
  return (
    !attrTrue(req.attrs, "allowDuplicateCustomerOrderNumber") && store.hasCustomerOrderNumber(req.customerOrderNumber)
  );
}

/** Creates the order from the known lines; unknown part numbers are rejected (EN). No order if every line is rejected. */
export function createOrder(store: SandboxStore, now: number, req: CreateRequest): CreateOutcome {
  const rejected: RejectedLine[] = [];
  const known = req.lines.filter((line) => {
    if (resolvePart(line.ingramPartNumber)) return true;
    rejected.push({ line, rejectCode: "EN", rejectReason: skuNotFound(line.ingramPartNumber) });
    return false;
  });
  if (known.length === 0) return { rejected };
  const held = attrTrue(req.attrs, "allowOrderOnCustomerHold");
  const number = store.nextOrderNumber();
  const warehouse = req.attrs.get("shipfromwarehouseid");
  const carrierCode = req.carrierCode && CARRIERS[req.carrierCode] ? req.carrierCode : "RG";
  const shipTo = pickAddress(req.shipToInfo);
  const order: SandboxOrder = {
    ingramOrderNumber: number,
    createdAt: now,
    orderType: "S",
    customerOrderNumber: req.customerOrderNumber,
    endCustomerOrderNumber: req.endCustomerOrderNumber,
    status: "Processing",
    customerHold: held,
    holdPlacedAt: held ? now : undefined,
    released: false,
    freightCharges: 0,
    totalTax: 0,
    currencyCode: "USD",
    paymentTerms: "NET 20 DAYS",
    notes: req.notes,
    billToAddressId: "000",
    specialBidNumber: req.specialBidNumber,
    billToInfo: RESELLER_BILL_TO,
    shipToInfo: Object.keys(shipTo).length ? shipTo : { ...RESELLER_BILL_TO },
    endUserInfo: pickAddress(req.endUserInfo),
    miscellaneousCharges: [],
    lines: known.map((line, i) =>
      makeLine({
        item: resolvePart(line.ingramPartNumber)!,
        quantity: line.quantity,
        ingramLineNumber: lineNo(i + 1),
        customerLineNumber: line.customerLineNumber ?? lineNo(line.index + 1),
        subOrderNumber: `${number}-11`,
        warehouseId: warehouse && WAREHOUSES[warehouse] ? warehouse : "30",
        carrierCode,
        createdAt: now,
        held,
        specialBidNumber: line.specialBidNumber ?? req.specialBidNumber,
        notes: line.notes,
      }),
    ),
  };
  known.forEach((line, i) => {
    const made = order.lines[i]!;
    made.requestedDeliveryDate = req.requestedDeliveryDate;
    made.subscription = line.subscription;
  });
  if (req.webOrderId) order.webOrderId = req.webOrderId;
  if (order.lines.some((l) => l.unitWeight > 0)) order.freightCharges = 7.83;
  order.status = deriveStatus(order);
  store.insert(order);
  return { order, rejected };
}
