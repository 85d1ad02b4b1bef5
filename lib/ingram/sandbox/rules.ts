import { findPart } from "./catalog.ts";
import { skuNotFound } from "./create-orders.ts";
import { deriveStatus, makeLine, nextLineNumber } from "./order-factory.ts";
import { pickAddress } from "./render.ts";
import { type ModifyRejection, modifyLine, renderModifyResponse } from "./render-writes.ts";
import { type FieldError, errorResponse, json, validationFailed } from "./responses.ts";
import type { DetailStatus, SandboxOrder } from "./sandbox-types.ts";
import { type Json, attrTrue, attributes, isObject } from "./validate.ts";
import type { OrderState } from "../../orders/dto-types.ts";
import { changeRules } from "../../orders/hold-rules.ts";

const NOT_MODIFIABLE =
  "Order can not be modified/released. Order is already released or Order is not placed on Customer Hold";

const STATE: Record<DetailStatus, OrderState> = {
  Processing: "processing",
  Shipped: "shipped",
  Backordered: "backordered",
  "On Hold": "on_hold",
  Canceled: "cancelled",
  Delivered: "delivered",
};

/** The portal's own rule (hold-rules.ts) on the sandbox's state, so the two cannot drift apart. */
export const isModifiable = (order: SandboxOrder): boolean =>
  changeRules({ state: STATE[order.status], customerHold: order.customerHold && !order.released }).canModify;

function notModifiable(order: SandboxOrder) {
  return validationFailed([{ field: "OrderNumber", value: order.ingramOrderNumber, message: NOT_MODIFIABLE }]);
}

/** DELETE: only orders on customer hold that are not released. */
export function cancelOrder(order: SandboxOrder, now: number) {
  if (!isModifiable(order)) {
    return errorResponse(405, "/errors/validation-error", "Order can not be deleted as the order is not on hold.");
  }
  order.customerHold = false;
  order.status = "Canceled";
  order.modifiedAt = now;
  for (const line of order.lines) {
    line.lineStatus = "Canceled";
    line.quantityConfirmed = 0;
    line.quantityBackOrdered = 0;
    line.backOrderETADate = undefined;
  }
  return { status: 200, headers: {} };
}

/** PUT ?actionCode=release: the order leaves customer hold and goes to the warehouse. */
export function releaseOrder(order: SandboxOrder, now: number) {
  if (!isModifiable(order)) return notModifiable(order);
  order.customerHold = false;
  order.released = true;
  order.modifiedAt = now;
  for (const line of order.lines) {
    if (line.lineStatus === "On Hold") line.lineStatus = line.quantityBackOrdered > 0 ? "Backordered" : "In Progress";
  }
  order.status = deriveStatus(order);
  return json(200, renderModifyResponse(order, "Order released", order.lines.map(modifyLine), [], now));
}

const sameLine = (a: string, b: unknown): boolean => {
  const s = String(b ?? "").trim();
  return s !== "" && (a === s || (/^\d+$/.test(s) && Number(a) === Number(s)));
};

const validQty = (q: unknown): q is number => typeof q === "number" && Number.isInteger(q) && q >= 1;

function validateModify(body: Json): FieldError[] {
  const fields: FieldError[] = [];
  if (body.notes !== undefined && (typeof body.notes !== "string" || body.notes.length > 132)) {
    fields.push({ field: "notes", message: "notes must be a string of at most 132 characters" });
  }
  if (body.shipToInfo !== undefined && !isObject(body.shipToInfo))
    fields.push({ field: "shipToInfo", message: "shipToInfo must be an object" });
  if (body.lines !== undefined && !Array.isArray(body.lines))
    fields.push({ field: "lines", message: "lines must be an array" });
  (Array.isArray(body.lines) ? body.lines : []).forEach((line, i) => {
    const action = isObject(line) ? String(line.addUpdateDeleteLine ?? "").toUpperCase() : "";
    if (!["ADD", "UPDATE", "DELETE"].includes(action)) {
      fields.push({
        field: `lines[${i}].addUpdateDeleteLine`,
        message: "addUpdateDeleteLine must be ADD, UPDATE or DELETE",
      });
    }
  });
  return fields;
}

/** PUT without actionCode: header notes, ship-to and ADD/UPDATE/DELETE lines; 207 when some lines are rejected. */
export function modifyOrder(order: SandboxOrder, body: Json, now: number) {
  if (!isModifiable(order)) return notModifiable(order);
  const fields = validateModify(body);
  if (fields.length) return validationFailed(fields);
  const changed: Record<string, unknown>[] = [];
  const rejected: ModifyRejection[] = [];
  const counts = { added: 0, updated: 0, deleted: 0 };
  for (const raw of (body.lines ?? []) as Json[]) {
    const action = String(raw.addUpdateDeleteLine).toUpperCase();
    const pn = typeof raw.ingramPartNumber === "string" ? raw.ingramPartNumber.trim().toUpperCase() : undefined;
    const qty = typeof raw.quantity === "number" ? raw.quantity : undefined;
    if (action === "ADD") {
      const item = findPart(pn);
      const cln = raw.customerLineNumber === undefined ? undefined : String(raw.customerLineNumber);
      if (!item) {
        rejected.push({
          customerLineNumber: cln,
          ingramPartNumber: pn,
          quantityOrdered: qty,
          rejectCode: "EN",
          rejectReason: skuNotFound(pn ?? ""),
        });
      } else if (!validQty(raw.quantity)) {
        rejected.push({
          customerLineNumber: cln,
          ingramPartNumber: pn,
          rejectCode: "EQ",
          rejectReason: "ERROR-INVALID-QTY",
        });
      } else {
        const number = nextLineNumber(order);
        const line = makeLine({
          item,
          quantity: raw.quantity,
          ingramLineNumber: number,
          customerLineNumber: cln ?? number,
          subOrderNumber: order.lines[0]?.subOrderNumber ?? `${order.ingramOrderNumber}-11`,
          warehouseId: order.lines[0]?.warehouseId ?? "30",
          carrierCode: order.lines[0]?.carrierCode ?? "RG",
          createdAt: now,
          held: true,
          notes: typeof raw.notes === "string" ? raw.notes : undefined,
        });
        order.lines.push(line);
        changed.push(modifyLine(line));
        counts.added++;
      }
      continue;
    }
    const idx = order.lines.findIndex((l) => sameLine(l.ingramLineNumber, raw.ingramLineNumber));
    const line = order.lines[idx];
    if (!line) {
      rejected.push({
        ingramLineNumber: raw.ingramLineNumber === undefined ? undefined : String(raw.ingramLineNumber),
        ingramPartNumber: pn,
        quantityOrdered: qty,
        rejectCode: "EL",
        rejectReason: "ERROR-LINE-NOT-FOUND",
      });
    } else if (action === "DELETE") {
      order.lines.splice(idx, 1);
      changed.push({
        ingramLineNumber: line.ingramLineNumber,
        customerLineNumber: line.customerLineNumber,
        ingramPartNumber: line.ingramPartNumber,
      });
      counts.deleted++;
    } else if (raw.quantity !== undefined && !validQty(raw.quantity)) {
      rejected.push({
        ingramLineNumber: line.ingramLineNumber,
        customerLineNumber: line.customerLineNumber,
        ingramPartNumber: line.ingramPartNumber,
        rejectCode: "EQ",
        rejectReason: "ERROR-INVALID-QTY",
      });
    } else {
      if (validQty(raw.quantity)) {
        const stock = findPart(line.ingramPartNumber)?.stock ?? raw.quantity;
        line.quantityOrdered = raw.quantity;
        line.quantityConfirmed = Math.min(raw.quantity, stock);
        line.quantityBackOrdered = raw.quantity - line.quantityConfirmed;
      }
      if (typeof raw.notes === "string") line.notes = raw.notes;
      changed.push(modifyLine(line));
      counts.updated++;
    }
  }
  // Ingram's examples pair header notes over 35 characters with enableCommentsAsLines=true; without it only
  // the first 35 characters are kept as the header comment.
  if (typeof body.notes === "string")
    order.notes = attrTrue(attributes(body), "enableCommentsAsLines") ? body.notes : body.notes.slice(0, 35);
  if (isObject(body.shipToInfo)) order.shipToInfo = { ...order.shipToInfo, ...pickAddress(body.shipToInfo) };
  order.modifiedAt = now;
  const description =
    `Order modified: ${counts.added} line(s) added, ${counts.updated} updated, ${counts.deleted} deleted` +
    (rejected.length ? `, ${rejected.length} rejected` : "");
  return json(rejected.length ? 207 : 200, renderModifyResponse(order, description, changed, rejected, now));
}
