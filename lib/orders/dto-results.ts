import type { OrderCreateResponse } from "@/lib/ingram/schemas/order-create";
import type { OrderModifyResponse } from "@/lib/ingram/schemas/order-modify";
import type { CreateOrderResult, LineResult, ModifyOrderResult } from "./dto-types";
import { list, type Maybe, num, str, toDate, toStatus } from "./dto-values";

function reasonOf(r: { rejectReason?: Maybe<string>; rejectCode?: Maybe<string> }): string {
  const reason = str(r.rejectReason)?.replace(/\s+/g, " ").trim();
  const code = str(r.rejectCode);
  return reason && code ? `${reason} (${code})` : reason ?? code ?? "Rejected by Ingram Micro";
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
        ? [{ orderNumber: n, orderDate: toDate(o.ingramOrderDate), total: num(o.orderTotal), currency: str(o.currencyCode) }]
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
    message: rejected > 0 ? `${rejected} change${rejected === 1 ? "" : "s"} rejected; see the lines.` : "Changes saved.",
  };
}
