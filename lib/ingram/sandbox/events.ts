import { deriveStatus, warehouseName } from "./order-factory.ts";
import { shipLine } from "./shipping.ts";
import type { SandboxOrder } from "./sandbox-types.ts";
import type { Rng } from "./util.ts";
import { isoWithOffset } from "./util.ts";
import type { FieldError } from "./responses.ts";
import type { CreateRequest } from "./validate.ts";
import { newEventId } from "./webhook-sender.ts";

export const STATUS_EVENT_TYPES = [
  "im::order_shipped",
  "im::order_invoiced",
  "im::order_hold",
  "im::order_voided",
  "im::order_backordered",
] as const;

/** v7 result: a JSON array with one `IM::created` event whose resource is the create response. */
export function v7ResultEvent(resource: Record<string, unknown>, now: number): { eventId: string; payload: unknown[] } {
  const eventId = newEventId();
  return {
    eventId,
    payload: [
      {
        topic: "resellers/orders",
        event: "IM::created",
        eventTimeStamp: new Date(now).toISOString(),
        eventId,
        resource: { eventType: "IM::async_order_create", ...resource },
      },
    ],
  };
}

/**
 * v7 failure result. Ingram says a failed order request is reported by webhook but documents no shape, so
 * this one follows the documented success event (same topic, array body, `resource.eventType`) with
 * event `IM::failed`, no orders, and the errors in the v7 error shape `{ type, message, fields[] }`.
 */
export function v7FailureEvent(
  req: CreateRequest,
  confirmationNumber: string,
  fields: FieldError[],
  now: number,
): { eventId: string; payload: unknown[] } {
  const eventId = newEventId();
  return {
    eventId,
    payload: [
      {
        topic: "resellers/orders",
        event: "IM::failed",
        eventTimeStamp: new Date(now).toISOString(),
        eventId,
        resource: {
          eventType: "IM::async_order_create",
          confirmationNumber,
          customerOrderNumber: req.customerOrderNumber,
          endCustomerOrderNumber: req.endCustomerOrderNumber,
          orderSplit: false,
          processedPartially: false,
          purchaseOrderTotal: 0,
          orders: [],
          errors: [{ type: "/errors/validation-failed", message: "Order can not be created", fields }],
        },
      },
    ],
  };
}

/** Moves the order into the state the event announces, so a re-fetch after the webhook agrees with it. */
export function applyStatusEvent(order: SandboxOrder, eventType: string, rng: Rng, now: number): void {
  const type = eventType.toLowerCase();
  if (type === "im::order_shipped" || type === "im::order_invoiced") {
    order.customerHold = false;
    for (const line of order.lines)
      if (line.lineStatus !== "Canceled" && !line.shipment) shipLine(line, rng, now, false);
  } else if (type === "im::order_voided") {
    order.customerHold = false;
    for (const line of order.lines) line.lineStatus = "Canceled";
  } else if (type === "im::order_backordered") {
    for (const line of order.lines) {
      if (line.lineStatus !== "In Progress") continue;
      line.lineStatus = "Backordered";
      line.quantityBackOrdered = line.quantityOrdered;
      line.quantityConfirmed = 0;
    }
  } else if (type === "im::order_hold") {
    for (const line of order.lines)
      if (line.lineStatus === "In Progress" || line.lineStatus === "Backordered") line.lineStatus = "On Hold";
    order.status = "On Hold";
    order.modifiedAt = now;
    return;
  }
  order.status = deriveStatus(order);
  order.modifiedAt = now;
}

/** Order-status webhook (POST /resellers/v1/webhooks/orderstatusevent). Quantities are strings per the schema; the line number is sent under both spellings. */
export function statusEvent(
  order: SandboxOrder,
  eventType: string,
  now: number,
): { eventId: string; payload: unknown } {
  const eventId = newEventId();
  return {
    eventId,
    payload: {
      topic: "resellers/orders",
      event: "im::updated",
      eventTimeStamp: new Date(now).toISOString(),
      eventId,
      resource: [
        {
          eventType,
          orderNumber: order.ingramOrderNumber,
          customerOrderNumber: order.customerOrderNumber,
          orderEntryTimeStamp: isoWithOffset(order.createdAt),
          lines: order.lines.map((l) => ({
            LineNumber: l.ingramLineNumber,
            ingramLineNumber: l.ingramLineNumber,
            subOrderNumber: l.subOrderNumber,
            lineStatus: l.lineStatus,
            ingramPartNumber: l.ingramPartNumber,
            vendorPartNumber: l.vendorPartNumber,
            requestedQuantity: String(l.quantityOrdered),
            shippedQuantity: String(l.shipment ? l.quantityOrdered : 0),
            backorderedQuantity: String(l.quantityBackOrdered),
            shipmentDetails: l.shipment
              ? [
                  {
                    shipmentDate: l.shipment.shippedDate,
                    shipFromWarehouseId: l.warehouseId,
                    warehouseName: warehouseName(l.warehouseId),
                    carrierCode: l.carrierCode,
                    carrierName: l.carrierName,
                    packageDetails: [
                      {
                        cartonNumber: l.shipment.cartonNumber,
                        quantityInbox: String(l.quantityOrdered),
                        trackingNumber: l.shipment.trackingNumber,
                      },
                    ],
                  },
                ]
              : [],
            serialNumberDetails: (l.shipment?.serialNumbers ?? []).map((serialNumber) => ({ serialNumber })),
          })),
          links: [{ topic: "orders", href: `/resellers/v6.1/orders/${order.ingramOrderNumber}`, type: "GET" }],
        },
      ],
    },
  };
}
