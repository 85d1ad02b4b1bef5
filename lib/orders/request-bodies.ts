// Builds Ingram request bodies from validated form input (lib/validation/orders.ts). Empty values are left
// out by the client's one prune step: Ingram refuses empty nested objects.
import { pruneEmpty } from "@/lib/ingram/client";
import type { OrderCreateRequest } from "@/lib/ingram/schemas/order-create";
import type { OrderCreateV7Request } from "@/lib/ingram/schemas/order-create-v7";
import type { OrderModifyRequest } from "@/lib/ingram/schemas/order-modify";
import type { CreateOrderInput, ModifyOrderInput } from "@/lib/validation/orders";

function attributes(input: CreateOrderInput) {
  const list = input.additionalAttributes
    .filter((a) => a.name !== "allowOrderOnCustomerHold")
    .map((a) => ({ attributeName: a.name, attributeValue: a.value }));
  if (input.customerHold) list.push({ attributeName: "allowOrderOnCustomerHold", attributeValue: "true" });
  return list.length ? list : undefined;
}

function lines(input: CreateOrderInput) {
  return input.lines.map((l, i) => ({
    customerLineNumber: String(i + 1),
    ingramPartNumber: l.ingramPartNumber,
    quantity: l.quantity,
    ...(l.unitPrice !== undefined ? { unitPrice: l.unitPrice } : {}),
  }));
}

export function toCreateRequest(input: CreateOrderInput): OrderCreateRequest {
  return pruneEmpty({
    customerOrderNumber: input.customerOrderNumber,
    endCustomerOrderNumber: input.endCustomerOrderNumber,
    notes: input.notes,
    shipToInfo: input.shipTo,
    lines: lines(input),
    additionalAttributes: attributes(input),
  }) as OrderCreateRequest;
}

export function toCreateV7Request(input: CreateOrderInput): OrderCreateV7Request {
  return toCreateRequest(input) as OrderCreateV7Request;
}

const ACTION = { add: "ADD", update: "UPDATE", delete: "DELETE" } as const;

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
  }) as OrderModifyRequest;
}
