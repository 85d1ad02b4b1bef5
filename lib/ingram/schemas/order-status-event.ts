import { z } from "zod";
import { rArr, rLink, rNum, rObj, rOneOrMany, rStr } from "./primitives";

/*
 * Order status event (POST /resellers/v1/webhooks/orderstatusevent). Untrusted: only eventId is signed, so
 * the order is re-fetched before acting. Ingram's samples spell the timestamp key three ways.
 */

const TIMESTAMP_KEYS = ["eventTimeStamp", "evenTtimeStamp", "eventtimestamp", "eventTimestamp"];

function unifyTimestamp(v: unknown): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const o = { ...(v as Record<string, unknown>) };
  if (o.eventTimeStamp == null) {
    const k = Object.keys(o).find((key) => TIMESTAMP_KEYS.some((t) => t.toLowerCase() === key.toLowerCase()));
    if (k) o.eventTimeStamp = o[k];
  }
  return o;
}

const rStatusLine = rObj({
  LineNumber: rStr,
  ingramLineNumber: rStr,
  subOrderNumber: rStr,
  lineStatus: rStr,
  ingramPartNumber: rStr,
  vendorPartNumber: rStr,
  requestedQuantity: rNum,
  shippedQuantity: rNum,
  backorderedQuantity: rNum,
  shipmentDetails: rOneOrMany(
    rObj({
      shipmentDate: rStr,
      shipFromWarehouseId: rStr,
      warehouseName: rStr,
      carrierCode: rStr,
      carrierName: rStr,
      packageDetails: rOneOrMany(rObj({ cartonNumber: rStr, quantityInbox: rStr, trackingNumber: rStr })),
    }),
  ),
  serialNumberDetails: rOneOrMany(rObj({ serialNumber: rStr })),
});

export const OrderStatusEvent = z.preprocess(
  unifyTimestamp,
  rObj({
    topic: rStr,
    event: rStr,
    eventTimeStamp: rStr,
    eventId: rStr,
    resource: rOneOrMany(
      rObj({
        eventType: rStr,
        orderNumber: rStr,
        customerOrderNumber: rStr,
        orderEntryTimeStamp: rStr,
        lines: rArr(rStatusLine),
        links: rOneOrMany(rLink),
      }),
    ),
  }),
);
export type OrderStatusEvent = z.output<typeof OrderStatusEvent>;
