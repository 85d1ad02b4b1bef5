// "Duplicate order": what a new order takes from an existing one. Its lines (part, quantity, the price it was
// placed at), ship-to and end user; not its POs (Ingram refuses a repeated customer PO, and the end customer's
// PO names their purchase), nor anything Ingram set itself. Pure: the new-order page reads the order, this shapes it, the create form starts from it.
import type { Address, OrderDetail } from "@/lib/orders/dto-types";
import { MAX_ORDER_LINES } from "@/lib/validation/order-limits";

export interface OrderSeed {
  from: string;
  lines: { ingramPartNumber: string; quantity: string; unitPrice: string }[];
  shipTo: Record<string, string>;
  endUser: Record<string, string>;
  /** Lines left out: cancelled, without an Ingram part number, or past the order's line limit. */
  skippedLines: number;
}

function addressFields(a: Address | null, idKey: "addressId" | "endUserId"): Record<string, string> {
  if (!a) return {};
  const out: Record<string, string | null | undefined> = {
    companyName: a.companyName,
    contact: a.contact,
    addressLine1: a.lines[0],
    addressLine2: a.lines[1],
    addressLine3: a.lines[2],
    city: a.city,
    state: a.state,
    postalCode: a.postalCode,
    countryCode: a.countryCode,
    phoneNumber: a.phone,
    email: a.email,
    // A full ship-to address stands on its own; a registered id is kept only when there is no address.
    [idKey]: idKey === "addressId" && a.lines.length ? null : a.addressId,
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => !!e[1]));
}

export function orderSeed(order: OrderDetail): OrderSeed {
  const usable = order.lines.filter((l) => l.status.state !== "cancelled" && l.ingramPartNumber);
  const lines = usable.slice(0, MAX_ORDER_LINES).map((l) => ({
    ingramPartNumber: l.ingramPartNumber!,
    quantity: String(l.quantityOrdered ?? 1),
    unitPrice: l.unitPrice === null ? "" : String(l.unitPrice),
  }));
  return {
    from: order.orderNumber,
    lines,
    shipTo: addressFields(order.shipTo, "addressId"),
    endUser: addressFields(order.endUser, "endUserId"),
    skippedLines: order.lines.length - lines.length,
  };
}
