import type { IngramOperation } from "../ingram-operations.ts";
import type { SandboxContext } from "./context.ts";
import { createOrder, isDuplicatePo } from "./create-orders.ts";
import { v7ResultEvent } from "./events.ts";
import { renderDetail } from "./render.ts";
import { renderCreateResponse } from "./render-writes.ts";
import { type FieldError, empty, errorResponse, json, notFound, v7Error, validationFailed } from "./responses.ts";
import { cancelOrder, modifyOrder, releaseOrder } from "./rules.ts";
import { searchOrders } from "./search.ts";
import type { Reply } from "./sandbox-types.ts";
import { digits, isValidYmd } from "./util.ts";
import { type Json, isObject, validateCreate } from "./validate.ts";

export interface OpRequest {
  op: IngramOperation;
  orderNumber?: string;
  basePath: string;
  query: URLSearchParams;
  body: string;
}

const MALFORMED: FieldError = { field: "body", message: "Malformed JSON request body" };

function parseBody(text: string): Json | undefined {
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const duplicatePo = (po: string): FieldError => ({
  field: "customerOrderNumber",
  value: po,
  message: "Duplicate customer order number. Send additionalAttributes allowDuplicateCustomerOrderNumber=true to allow it.",
});

function createV6(ctx: SandboxContext, body: Json): Reply {
  const { fields, request } = validateCreate(body, "v6");
  if (!request) return validationFailed(fields);
  if (isDuplicatePo(ctx.store, request)) return validationFailed([duplicatePo(request.customerOrderNumber)]);
  const outcome = createOrder(ctx.store, ctx.clock.now(), request);
  if (!outcome.order) {
    return errorResponse(400, "/errors/validation-failed", "Order can not be created: every line was rejected", outcome.rejected.map((r) => ({
      field: `lines[${r.line.index}].ingramPartNumber`, value: r.line.ingramPartNumber, message: r.rejectReason,
    })));
  }
  return json(outcome.rejected.length ? 207 : 201, renderCreateResponse(request, outcome));
}

/** v7 acknowledges at once; the order result arrives by webhook after `webhookDelayMs`. */
function createV7(ctx: SandboxContext, body: Json): Reply {
  const { fields, request } = validateCreate(body, "v7");
  if (!request) return v7Error(400, "Validation failed", fields);
  if (isDuplicatePo(ctx.store, request)) return v7Error(400, "Validation failed", [duplicatePo(request.customerOrderNumber)]);
  const now = ctx.clock.now();
  const outcome = createOrder(ctx.store, now, request);
  const resource = renderCreateResponse(request, outcome);
  if (ctx.webhooks.configured) {
    ctx.life.later(ctx.cfg.webhookDelayMs, () => {
      const { eventId, payload } = v7ResultEvent(resource, ctx.clock.now());
      ctx.webhooks.send(payload, eventId).catch(() => undefined);
    });
  }
  const stamp = new Date(now).toISOString().replace(/\D/g, "").slice(2, 8);
  return json(200, {
    quoteNumber: typeof body.quoteNumber === "string" ? body.quoteNumber : null,
    confirmationNumber: `US-I-T-${stamp}${digits(ctx.store.rng, 14)}`,
    message: "Thank you for submitting the order request. The order request is being processed and you will be notified via webhook once the order is created.",
  });
}

function getOrder(ctx: SandboxContext, req: OpRequest): Reply {
  const date = req.query.get("ingramOrderDate");
  if (date !== null && !isValidYmd(date)) {
    return validationFailed([{ field: "ingramOrderDate", value: date, message: "input date format error expected format is - yyyy-MM-dd" }]);
  }
  const order = ctx.store.getOrder(req.orderNumber!);
  if (!order) return notFound();
  const key = req.orderNumber!.trim().toUpperCase();
  const sub = order.lines.some((l) => l.subOrderNumber === key) && key !== order.ingramOrderNumber ? key : undefined;
  return json(200, renderDetail(order, sub));
}

export function runOperation(ctx: SandboxContext, req: OpRequest): Reply {
  const now = ctx.clock.now();
  switch (req.op) {
    case "search":
      return searchOrders(ctx.store.listOrders(), req.query, req.basePath);
    case "get":
      return getOrder(ctx, req);
    case "create":
    case "createV7": {
      const body = parseBody(req.body);
      if (!body || req.body.trim() === "") return req.op === "create" ? validationFailed([MALFORMED]) : v7Error(400, "Validation failed", [MALFORMED]);
      return req.op === "create" ? createV6(ctx, body) : createV7(ctx, body);
    }
    case "cancel": {
      const order = ctx.store.getOrder(req.orderNumber!);
      return order ? cancelOrder(order, now) : notFound();
    }
    case "modify":
    case "release": {
      const order = ctx.store.getOrder(req.orderNumber!);
      if (!order) return empty(404);
      const action = req.query.get("actionCode");
      if (action !== null && action.toLowerCase() !== "release") {
        return validationFailed([{ field: "actionCode", value: action, message: "actionCode must be release" }]);
      }
      if (req.op === "release") return releaseOrder(order, now);
      const body = parseBody(req.body);
      return body ? modifyOrder(order, body, now) : validationFailed([MALFORMED]);
    }
    default:
      return errorResponse(500, "/errors/server-error", "Unknown operation");
  }
}
