// Builds Ingram request bodies from validated form input (lib/validation/orders.ts). Empty values are left
// out: Ingram refuses empty nested objects.
import type { OrderCreateRequest, OrderCreateV7Request, OrderModifyRequest } from "@/lib/ingram/schemas";
import type { CreateOrderInput, ModifyOrderInput } from "@/lib/validation/orders";

type ShipTo = CreateOrderInput["shipTo"] | ModifyOrderInput["shipTo"];

function compact<T extends Record<string, unknown>>(o: T | undefined): Partial<T> | undefined {
  if (!o) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== null && v !== "") out[k] = v;
  return Object.keys(out).length ? (out as Partial<T>) : undefined;
}

function shipToInfo(s: ShipTo) {
  return compact(s as Record<string, string | undefined> | undefined);
}

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
  return compact({
    customerOrderNumber: input.customerOrderNumber,
    endCustomerOrderNumber: input.endCustomerOrderNumber,
    notes: input.notes,
    shipToInfo: shipToInfo(input.shipTo),
    lines: lines(input),
    additionalAttributes: attributes(input),
  }) as OrderCreateRequest;
}

export function toCreateV7Request(input: CreateOrderInput): OrderCreateV7Request {
  return toCreateRequest(input) as OrderCreateV7Request;
}

const ACTION = { add: "ADD", update: "UPDATE", delete: "DELETE" } as const;

export function toModifyRequest(input: ModifyOrderInput): OrderModifyRequest {
  return compact({
    notes: input.notes,
    shipToInfo: shipToInfo(input.shipTo),
    lines: input.lines.length
      ? input.lines.map((l) =>
          compact({
            addUpdateDeleteLine: ACTION[l.action],
            ingramLineNumber: l.ingramLineNumber,
            customerLineNumber: l.customerLineNumber,
            ingramPartNumber: l.ingramPartNumber,
            quantity: l.action === "delete" ? undefined : l.quantity,
            notes: l.notes,
          })!,
        )
      : undefined,
  }) as OrderModifyRequest;
}
