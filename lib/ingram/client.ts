import "server-only";
import { CircuitBreaker } from "./circuit-breaker";
import { resolveConfig, type IngramConfig } from "./config";
import { pruneEmpty } from "./prune";
import { getOrderParams, searchOrdersParams } from "./query";
import { RatePacer } from "./rate-pacer";
import { OrderCreateRequest, OrderCreateResponse } from "./schemas/order-create";
import { OrderCreateV7Ack, OrderCreateV7Request } from "./schemas/order-create-v7";
import { OrderDetail } from "./schemas/order-detail";
import { OrderModifyRequest, OrderModifyResponse } from "./schemas/order-modify";
import { OrderSearchResponse } from "./schemas/order-search";
import { DetailOrderNumber, OrderNumber, type GetOrderQuery, type SearchOrdersQuery } from "./schemas/queries";
import { TokenProvider } from "./token";
import { createTransport, type CallContext, type IngramResponse } from "./transport";

/*
 * The typed client of the six Orders operations (CONTRACT §6). Inputs are validated before any I/O (the
 * promise rejects with a ZodError for bad input); upstream trouble is always an IngramError. Success bodies are parsed
 * by tolerant schemas: data is either fully parsed or the call fails with bad_payload.
 */

export interface IngramClient {
  searchOrders(q: SearchOrdersQuery, ctx: CallContext): Promise<IngramResponse<OrderSearchResponse | null>>;
  getOrder(orderNumber: string, q: GetOrderQuery, ctx: CallContext): Promise<IngramResponse<OrderDetail>>;
  createOrder(body: OrderCreateRequest, ctx: CallContext): Promise<IngramResponse<OrderCreateResponse>>;
  createOrderV7(body: OrderCreateV7Request, ctx: CallContext): Promise<IngramResponse<OrderCreateV7Ack>>;
  modifyOrder(orderNumber: string, body: OrderModifyRequest, ctx: CallContext): Promise<IngramResponse<OrderModifyResponse | null>>;
  releaseOrder(orderNumber: string, ctx: CallContext): Promise<IngramResponse<OrderModifyResponse | null>>;
  cancelOrder(orderNumber: string, ctx: CallContext): Promise<IngramResponse<null>>;
}

type Schema<T> = { parse(v: unknown): T };

/** The body must be present and match. */
const required =
  <T>(schema: Schema<T>) =>
  (_status: number, body: unknown): T => {
    if (body === null) throw new Error("empty body");
    return schema.parse(body);
  };

/** No body (or `null`) reads as null. */
const optional =
  <T>(schema: Schema<T>) =>
  (status: number, body: unknown): T | null =>
    status === 204 || body === null ? null : schema.parse(body);

const segment = (orderNumber: string, schema = OrderNumber) => encodeURIComponent(schema.parse(orderNumber));

export function createIngramClient(config: IngramConfig): IngramClient {
  const cfg = resolveConfig(config);
  const transport = createTransport({
    cfg,
    tokens: new TokenProvider(cfg),
    breaker: new CircuitBreaker({ failureThreshold: cfg.breakerFailureThreshold, openMs: cfg.breakerOpenMs, now: cfg.now }),
    pacer: new RatePacer({ limit: cfg.rateLimitPerMinute, now: cfg.now }),
  });
  const { call } = transport;

  return {
    searchOrders: async (q, ctx) =>
      call(
        { op: "search", method: "GET", path: "/resellers/v6/orders/search", query: searchOrdersParams(q), parse: optional(OrderSearchResponse) },
        ctx,
      ),

    getOrder: async (orderNumber, q, ctx) =>
      call(
        {
          op: "get",
          method: "GET",
          path: `/resellers/v6.1/orders/${segment(orderNumber, DetailOrderNumber)}`,
          query: getOrderParams(q),
          parse: required(OrderDetail),
        },
        ctx,
      ),

    createOrder: async (body, ctx) =>
      call(
        { op: "create", method: "POST", path: "/resellers/v6/orders", body: pruneEmpty(OrderCreateRequest.parse(body)), parse: required(OrderCreateResponse) },
        ctx,
      ),

    createOrderV7: async (body, ctx) =>
      call(
        { op: "createV7", method: "POST", path: "/resellers/v7/orders", body: pruneEmpty(OrderCreateV7Request.parse(body)), parse: required(OrderCreateV7Ack) },
        ctx,
      ),

    modifyOrder: async (orderNumber, body, ctx) =>
      call(
        {
          op: "modify",
          method: "PUT",
          path: `/resellers/v6/orders/${segment(orderNumber)}`,
          body: pruneEmpty(OrderModifyRequest.parse(body)),
          parse: optional(OrderModifyResponse),
        },
        ctx,
      ),

    releaseOrder: async (orderNumber, ctx) =>
      call(
        {
          op: "release",
          method: "PUT",
          path: `/resellers/v6/orders/${segment(orderNumber)}`,
          query: new URLSearchParams({ actionCode: "release" }),
          body: {},
          parse: optional(OrderModifyResponse),
        },
        ctx,
      ),

    cancelOrder: async (orderNumber, ctx) =>
      call({ op: "cancel", method: "DELETE", path: `/resellers/v6/orders/${segment(orderNumber)}`, parse: () => null }, ctx),
  };
}

/** True for a 207 or a body that reports rejected lines / partial processing (create and modify). */
export function isPartial(resp: IngramResponse<OrderCreateResponse | OrderModifyResponse | null>): boolean {
  if (resp.status === 207) return true;
  const d = resp.data as (OrderCreateResponse & OrderModifyResponse) | null;
  if (!d) return false;
  if (d.processedPartially === true) return true;
  if (d.rejectedLineItems?.length) return true;
  return (d.orders ?? []).some((o) => (o.rejectedLineItems?.length ?? 0) > 0 || (o.numberOfLinesWithError ?? 0) > 0);
}
