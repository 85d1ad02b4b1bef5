// Builds Ingram request bodies from validated form input (lib/validation/). Empty values are left out by the
// client's one prune step: Ingram refuses empty nested objects. Wire names and shapes follow the spec:
// v6 and v7 differ in where the vendor authorization goes, warranty's shape and the date formats.
import { pruneEmpty } from "@/lib/ingram/client";
import type { OrderCreateRequest } from "@/lib/ingram/schemas/order-create";
import type { OrderCreateV7Request } from "@/lib/ingram/schemas/order-create-v7";
import type { OrderModifyRequest } from "@/lib/ingram/schemas/order-modify";
import type { ModifyOrderInput } from "@/lib/validation/order-changes";
import type { CreateLineInput } from "@/lib/validation/order-lines";
import { SHORT_NOTES_MAX } from "@/lib/validation/order-changes";
import type { CreateOrderInput } from "@/lib/validation/orders";

type Attr = { name: string; value: string };
const wireAttributes = (list: Attr[] | undefined) =>
  list?.map((a) => ({ attributeName: a.name, attributeValue: a.value }));

function attributes(input: CreateOrderInput) {
  const list = wireAttributes(input.additionalAttributes.filter((a) => a.name !== "allowOrderOnCustomerHold")) ?? [];
  if (input.customerHold) list.push({ attributeName: "allowOrderOnCustomerHold", attributeValue: "true" });
  return list.length ? list : undefined;
}

/** v7 wants dates of at most 8 characters: yyyyMMdd. */
const compactDate = (d: string | undefined) => d?.replaceAll("-", "");

/**
 * Customer line numbers as given; lines without one get the lowest numbers not taken (Ingram keeps numbers
 * only when unique 1–884, and the portal's result view matches rejected lines back by them).
 */
export function customerLineNumbers(lines: { customerLineNumber?: string }[]): string[] {
  const taken = new Set(
    lines
      .map((l) => l.customerLineNumber)
      .filter(Boolean)
      .map((n) => Number(n)),
  );
  let next = 1;
  return lines.map((l) => {
    if (l.customerLineNumber) return String(Number(l.customerLineNumber));
    while (taken.has(next)) next++;
    taken.add(next);
    return String(next);
  });
}

function vendorGroups(groups: CreateOrderInput["vendorAttributes"]) {
  return groups?.map((g) => ({
    vendorName: g.vendorName,
    productId: g.productId,
    additionalAttributes: g.attributes.map((a) => ({
      attributeName: a.name,
      attributeValue: a.value,
      attributeDescription: a.description,
      attributeHint: a.hint,
    })),
  }));
}

function commonLine(l: CreateLineInput, customerLineNumber: string) {
  return {
    customerLineNumber,
    ingramPartNumber: l.ingramPartNumber,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    endUserPrice: l.endUserPrice,
    specialBidNumber: l.specialBidNumber,
    notes: l.notes,
    additionalAttributes: wireAttributes(l.additionalAttributes),
  };
}

function v6Line(l: CreateLineInput, n: string) {
  const w = l.warrantyInfo;
  return {
    ...commonLine(l, n),
    customerPartNumber: l.customerPartNumber,
    warrantyInfo: w
      ? [
          {
            directLineLink: w.directLineLink,
            warrantyLineLink: w.warrantyLineLink,
            hardwareLineLink: w.hardwareLineLink,
            serialInfo: w.serialInfo?.map((s) => ({
              dateofPurchase: s.dateOfPurchase,
              shipDate: s.shipDate,
              primarySerialNumber: s.primarySerialNumber,
              secondarySerialNumber: s.secondarySerialNumber,
            })),
          },
        ]
      : undefined,
    endUserInfo: l.endUserInfo,
  };
}

function v7Line(l: CreateLineInput, n: string) {
  const w = l.warrantyInfo;
  return {
    ...commonLine(l, n),
    vendorPartNumber: l.vendorPartNumber,
    resourceId: l.resourceId,
    planid: l.planId,
    subscriptionPeriod: l.subscriptionPeriod,
    billingPeriod: l.billingPeriod,
    margin: l.margin,
    endCustomerPrice: l.endCustomerPrice,
    vriAdditionalAttributes: vendorGroups(l.subscriptionAttributes),
    endUserInfo: l.endUserInfo,
    warrantyInfo: w
      ? {
          ...w,
          serialInfo: w.serialInfo?.map((s) => ({
            ...s,
            dateOfPurchase: compactDate(s.dateOfPurchase),
            shipDate: compactDate(s.shipDate),
          })),
        }
      : undefined,
  };
}

export function toCreateRequest(input: CreateOrderInput): OrderCreateRequest {
  const numbers = customerLineNumbers(input.lines);
  return pruneEmpty({
    customerOrderNumber: input.customerOrderNumber,
    endCustomerOrderNumber: input.endCustomerOrderNumber,
    billToAddressId: input.billToAddressId,
    specialBidNumber: input.specialBidNumber,
    notes: input.notes,
    acceptBackOrder: input.acceptBackOrder,
    resellerInfo: input.resellerInfo,
    vmf: { vendAuthNumber: input.vendAuthNumber },
    shipToInfo: input.shipTo,
    endUserInfo: input.endUserInfo,
    lines: input.lines.map((l, i) => v6Line(l, numbers[i]!)),
    shipmentDetails: input.shipmentDetails,
    additionalAttributes: attributes(input),
  }) as OrderCreateRequest;
}

export function toCreateV7Request(input: CreateOrderInput): OrderCreateV7Request {
  const numbers = customerLineNumbers(input.lines);
  const shipment = input.shipmentDetails;
  return pruneEmpty({
    quoteNumber: input.quoteNumber,
    customerOrderNumber: input.customerOrderNumber,
    endCustomerOrderNumber: input.endCustomerOrderNumber,
    notes: input.notes,
    billToAddressId: input.billToAddressId,
    specialBidNumber: input.specialBidNumber,
    acceptBackOrder: input.acceptBackOrder,
    vendAuthNumber: input.vendAuthNumber,
    resellerInfo: input.resellerInfo,
    endUserInfo: input.endUserInfo,
    shipToInfo: input.shipTo,
    shipmentDetails: shipment
      ? { ...shipment, requestedDeliveryDate: compactDate(shipment.requestedDeliveryDate) }
      : undefined,
    additionalAttributes: attributes(input),
    vmfVendorAdditionalAttributes: vendorGroups(input.vendorAttributes),
    vriAdditionalAttributes: vendorGroups(input.subscriptionAttributes),
    lines: input.lines.map((l, i) => v7Line(l, numbers[i]!)),
  }) as OrderCreateV7Request;
}

const ACTION = { add: "ADD", update: "UPDATE", delete: "DELETE" } as const;

/** Header notes over 35 characters are cut by Ingram unless enableCommentsAsLines=true rides along. */
function modifyAttributes(input: ModifyOrderInput) {
  const list = wireAttributes(input.additionalAttributes) ?? [];
  const named = list.some((a) => a.attributeName.toLowerCase() === "enablecommentsaslines");
  if ((input.notes?.length ?? 0) > SHORT_NOTES_MAX && !named)
    list.push({ attributeName: "enableCommentsAsLines", attributeValue: "true" });
  return list.length ? list : undefined;
}

export function toModifyRequest(input: ModifyOrderInput): OrderModifyRequest {
  return pruneEmpty({
    notes: input.notes,
    shipToInfo: input.shipTo,
    lines: input.lines.map((l) => ({
      addUpdateDeleteLine: ACTION[l.action],
      ingramLineNumber: l.ingramLineNumber,
      customerLineNumber: l.customerLineNumber,
      ingramPartNumber: l.ingramPartNumber,
      quantity: l.action === "delete" ? undefined : l.quantity,
      notes: l.notes,
    })),
    additionalAttributes: modifyAttributes(input),
  }) as OrderModifyRequest;
}
