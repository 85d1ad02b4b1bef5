import { VENDOR_NUMBERS } from "./catalog.ts";
import type { SandboxContext } from "./context.ts";
import { deriveStatus } from "./order-factory.ts";
import { renderDetail } from "./render.ts";
import { type FieldError, json, notFound, validationFailed } from "./responses.ts";
import { shipLine } from "./shipping.ts";
import type { Reply, SandboxLine, SandboxOrder } from "./sandbox-types.ts";
import { DAY_MS, createRng, isValidYmd } from "./util.ts";

/** The spec's `simulateStatus` values (sandbox only): the response shows the order as if it were in that state. */
export const SIMULATED_STATUSES = ["IM::SHIPPED", "IM::PARTIALLY_SHIPPED", "IM::HOLD", "IM::INVOICED"] as const;
type Simulated = (typeof SIMULATED_STATUSES)[number];

const DATE_MESSAGE = "input date format error expected format is - yyyy-MM-dd";
/** The spec gives only the example `CS`; any short alphanumeric code is taken. */
const REGION_CODE = /^[A-Za-z0-9]{1,10}$/;

/** `regionCode` (DELETE, PUT and GET details): accepted when well-formed, 400 otherwise. */
export function regionCodeError(q: URLSearchParams): Reply | undefined {
  const region = q.get("regionCode");
  if (region === null || REGION_CODE.test(region)) return undefined;
  return validationFailed([
    { field: "regionCode", value: region, message: "regionCode must be 1-10 letters or digits" },
  ]);
}

function queryErrors(q: URLSearchParams): FieldError[] {
  const fields: FieldError[] = [];
  const date = q.get("ingramOrderDate");
  if (date !== null && !isValidYmd(date)) fields.push({ field: "ingramOrderDate", value: date, message: DATE_MESSAGE });
  const simulate = q.get("simulateStatus");
  if (simulate !== null && !SIMULATED_STATUSES.includes(simulate.toUpperCase() as Simulated)) {
    fields.push({
      field: "simulateStatus",
      value: simulate,
      message: `simulateStatus must be one of ${SIMULATED_STATUSES.join(", ")}`,
    });
  }
  const iml = q.get("isIml");
  if (iml !== null && !/^(true|false)$/i.test(iml))
    fields.push({ field: "isIml", value: iml, message: "isIml must be true or false" });
  return fields;
}

function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function holdLine(line: SandboxLine): void {
  line.lineStatus = "On Hold";
  line.shipment = undefined;
  line.quantityConfirmed = line.quantityOrdered - line.quantityBackOrdered;
}

/**
 * A copy of the order in the simulated state; the stored order does not change. Shipped lines carry no
 * invoice until IM::INVOICED; a partial shipment ships the first half of the lines (at least one) and
 * leaves the rest in progress, or, for a one-line order, ships half its quantity and backorders the rest.
 */
function simulate(order: SandboxOrder, status: Simulated, now: number): SandboxOrder {
  const copy = structuredClone(order);
  const rng = createRng(hashOf(`${order.ingramOrderNumber}|${status}`));
  const shippedAt = Math.max(order.createdAt, now - DAY_MS);
  copy.customerHold = false;
  if (status === "IM::HOLD") {
    copy.lines.forEach(holdLine);
    copy.status = "On Hold";
    return copy;
  }
  const shipCount =
    status === "IM::PARTIALLY_SHIPPED" ? Math.max(1, Math.floor(copy.lines.length / 2)) : copy.lines.length;
  copy.lines.forEach((line, i) => {
    if (i >= shipCount) {
      line.lineStatus = "In Progress";
      line.shipment = undefined;
      line.quantityConfirmed = line.quantityOrdered;
      line.quantityBackOrdered = 0;
      return;
    }
    if (!line.shipment) shipLine(line, rng, shippedAt, false);
    if (status !== "IM::INVOICED") {
      line.shipment = { ...line.shipment!, invoiceNumber: undefined, invoiceDate: undefined };
    }
  });
  const only = copy.lines[0];
  if (status === "IM::PARTIALLY_SHIPPED" && copy.lines.length === 1 && only && only.quantityOrdered > 1) {
    only.quantityConfirmed = Math.ceil(only.quantityOrdered / 2);
    only.quantityBackOrdered = only.quantityOrdered - only.quantityConfirmed;
  }
  copy.status = status === "IM::PARTIALLY_SHIPPED" ? "Processing" : deriveStatus(copy);
  return copy;
}

/**
 * GET /resellers/v6.1/orders/{ordernumber}. A sub-order number shows that sub-order's lines; `vendorNumber`
 * keeps only that vendor's lines; `simulateStatus` renders a simulated state; `isIml` must be a boolean
 * (the sandbox account is not an IML customer, so it changes nothing); `regionCode` is accepted.
 */
export function getOrderDetails(ctx: SandboxContext, orderNumber: string, q: URLSearchParams): Reply {
  const fields = queryErrors(q);
  if (fields.length) return validationFailed(fields);
  const regionError = regionCodeError(q);
  if (regionError) return regionError;
  const stored = ctx.store.getOrder(orderNumber);
  if (!stored) return notFound();
  const simulated = q.get("simulateStatus")?.toUpperCase() as Simulated | undefined;
  const order = simulated ? simulate(stored, simulated, ctx.clock.now()) : stored;
  const key = orderNumber.trim().toUpperCase();
  const sub = order.lines.some((l) => l.subOrderNumber === key) && key !== order.ingramOrderNumber ? key : undefined;
  const vendorNumber = q.get("vendorNumber")?.trim();
  const keep = vendorNumber ? (l: SandboxLine) => VENDOR_NUMBERS[l.vendorName] === vendorNumber : undefined;
  return json(200, renderDetail(order, sub, keep));
}
