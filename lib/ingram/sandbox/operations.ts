import type { IngramOperation } from "../ingram-operations.ts";
import type { SandboxContext } from "./context.ts";
import { createOrder, duplicatePo, isDuplicatePo } from "./create-orders.ts";
import { getOrderDetails, regionCodeError } from "./order-details.ts";
import { renderCreateResponse } from "./render-writes.ts";
import { type FieldError, empty, errorResponse, json, notFound, v7Error, validationFailed } from "./responses.ts";
import { cancelOrder, modifyOrder, releaseOrder } from "./rules.ts";
import { searchOrders } from "./search.ts";
import type { Reply } from "./sandbox-types.ts";
import { createV7 } from "./v7-async-create.ts";
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

function createV6(ctx: SandboxContext, body: Json): Reply {
  const { fields, request } = validateCreate(body, "v6");
  if (!request) return validationFailed(fields);
  if (isDuplicatePo(ctx.store, request)) return validationFailed([duplicatePo(request.customerOrderNumber)]);
  const outcome = createOrder(ctx.store, ctx.clock.now(), request);
  if (!outcome.order) {
    return errorResponse(
      400,
      "/errors/validation-failed",
      "Order can not be created: every line was rejected",
      outcome.rejected.map((r) => ({
        field: `lines[${r.line.index}].ingramPartNumber`,
        value: r.line.ingramPartNumber,
        message: r.rejectReason,
      })),
    );
  }
  return json(outcome.rejected.length ? 207 : 201, renderCreateResponse(request, outcome));
}

export function runOperation(ctx: SandboxContext, req: OpRequest): Reply {
  const now = ctx.clock.now();
  switch (req.op) {
    case "search":
      return searchOrders(ctx.store.listOrders(), req.query, req.basePath, now);
    case "get":
      return getOrderDetails(ctx, req.orderNumber!, req.query);
    case "create":
    case "createV7": {
      const body = parseBody(req.body);
      if (!body || req.body.trim() === "")
        return req.op === "create" ? validationFailed([MALFORMED]) : v7Error(400, "Validation failed", [MALFORMED]);
      return req.op === "create" ? createV6(ctx, body) : createV7(ctx, body);
    }
    case "cancel": {
      const regionError = regionCodeError(req.query);
      if (regionError) return regionError;
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
      const regionError = regionCodeError(req.query);
      if (regionError) return regionError;
      if (req.op === "release") return releaseOrder(order, now);
      const body = parseBody(req.body);
      return body ? modifyOrder(order, body, now) : validationFailed([MALFORMED]);
    }
    default:
      return errorResponse(500, "/errors/server-error", "Unknown operation");
  }
}
