import "server-only";
import { env } from "@/lib/env.mjs";
import { orderNumberSchema } from "@/lib/validation/order-number";
import { TokenProvider } from "./access-token";
import { BudgetGate, CircuitBreaker, MemoryBudget, budgetLimits, type IngramBudget } from "./call-policy";
import { OrderCreateRequest, OrderCreateResponse } from "./schemas/order-create";
import { OrderCreateV7Ack, OrderCreateV7Request } from "./schemas/order-create-v7";
import { OrderDetail } from "./schemas/order-detail";
import { OrderModifyRequest, OrderModifyResponse } from "./schemas/order-modify";
import { OrderSearchResponse } from "./schemas/order-search";
import { getOrderParams, searchOrdersParams, type GetOrderQuery, type SearchOrdersQuery } from "./schemas/query-params";
import type { OrdersOperation } from "./ingram-operations";
import { createTransport, type CallContext, type IngramResponse } from "./transport";

/*
 * The typed client of the six Orders operations (method and path from ./ingram-operations). Inputs are
 * validated before any I/O (the promise rejects with a ZodError for bad input, an order number outside
 * lib/validation/order-number.ts included); upstream trouble is always an IngramError. Success bodies are
 * parsed by tolerant schemas: data is either fully parsed or the call fails with bad_payload.
 */

export interface IngramClient {
  searchOrders(q: SearchOrdersQuery, ctx: CallContext): Promise<IngramResponse<OrderSearchResponse | null>>;
  getOrder(orderNumber: string, q: GetOrderQuery, ctx: CallContext): Promise<IngramResponse<OrderDetail>>;
  createOrder(body: OrderCreateRequest, ctx: CallContext): Promise<IngramResponse<OrderCreateResponse>>;
  createOrderV7(body: OrderCreateV7Request, ctx: CallContext): Promise<IngramResponse<OrderCreateV7Ack>>;
  modifyOrder(
    orderNumber: string,
    body: OrderModifyRequest,
    ctx: CallContext,
  ): Promise<IngramResponse<OrderModifyResponse | null>>;
  releaseOrder(orderNumber: string, ctx: CallContext): Promise<IngramResponse<OrderModifyResponse | null>>;
  cancelOrder(orderNumber: string, ctx: CallContext): Promise<IngramResponse<null>>;
  /** Milliseconds until a call of `op` with this priority would get budget (0: now); spends nothing. */
  budgetWait(op: OrdersOperation, ctx: Pick<CallContext, "priority" | "userId">): Promise<number>;
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

export function createIngramClient(config: IngramConfig): IngramClient {
  const cfg = resolveConfig(config);
  const { call, budgetWait } = createTransport({
    cfg,
    tokens: new TokenProvider(cfg),
    breaker: new CircuitBreaker({
      failureThreshold: cfg.breakerFailureThreshold,
      openMs: cfg.breakerOpenMs,
      now: cfg.now,
    }),
    budget: new BudgetGate(cfg.budget ?? new MemoryBudget(budgetLimits({ perMinute: cfg.rateLimitPerMinute }))),
  });
  const order = (orderNumber: string) => orderNumberSchema.parse(orderNumber);
  // Ingram takes regionCode on details, modify/release and cancel only (search and both creates have no such parameter).
  const region = (): URLSearchParams => new URLSearchParams(cfg.regionCode ? { regionCode: cfg.regionCode } : {});

  return {
    budgetWait,
    searchOrders: async (q, ctx) =>
      call({ op: "search", query: searchOrdersParams(q), parse: optional(OrderSearchResponse) }, ctx),
    getOrder: async (orderNumber, q, ctx) =>
      call(
        {
          op: "get",
          pathParam: order(orderNumber),
          query: getOrderParams({ regionCode: cfg.regionCode, ...q }),
          parse: required(OrderDetail),
        },
        ctx,
      ),
    createOrder: async (body, ctx) =>
      call(
        { op: "create", body: pruneEmpty(OrderCreateRequest.parse(body)), parse: required(OrderCreateResponse) },
        ctx,
      ),
    createOrderV7: async (body, ctx) =>
      call(
        { op: "createV7", body: pruneEmpty(OrderCreateV7Request.parse(body)), parse: required(OrderCreateV7Ack) },
        ctx,
      ),
    modifyOrder: async (orderNumber, body, ctx) =>
      call(
        {
          op: "modify",
          pathParam: order(orderNumber),
          query: region(),
          body: pruneEmpty(OrderModifyRequest.parse(body)),
          parse: optional(OrderModifyResponse),
        },
        ctx,
      ),
    releaseOrder: async (orderNumber, ctx) =>
      call(
        {
          op: "release",
          pathParam: order(orderNumber),
          query: region(),
          body: {},
          parse: optional(OrderModifyResponse),
        },
        ctx,
      ),
    cancelOrder: async (orderNumber, ctx) =>
      call({ op: "cancel", pathParam: order(orderNumber), query: region(), parse: () => null }, ctx),
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

const slot = globalThis as unknown as { orderdeskIngram?: IngramClient };

const budgetSlot = globalThis as unknown as { orderdeskIngramBudget?: () => IngramBudget };

/**
 * The budget the process client asks: the server installs the one shared by all instances (in the database,
 * from outside lib/ingram) before its first call; without one the client keeps a budget of its own.
 */
export function setIngramBudget(make: () => IngramBudget): void {
  budgetSlot.orderdeskIngramBudget = make;
}

/**
 * The process's one Ingram client (one token cache, one breaker, the installed budget). Tests install their
 * own on globalThis.orderdeskIngram (tests/support/sandbox.ts); otherwise it is built from env.ingram on first use.
 */
export function ingram(): IngramClient {
  if (!slot.orderdeskIngram) {
    const i = env.ingram;
    slot.orderdeskIngram = createIngramClient({
      baseUrl: i.baseUrl,
      tokenUrl: i.tokenUrl,
      clientId: i.clientId,
      clientSecret: i.clientSecret,
      customerNumber: i.customerNumber,
      countryCode: i.countryCode,
      senderId: i.senderId,
      timeoutMs: i.timeoutMs,
      rateLimitPerMinute: i.rateLimitPerMinute,
      regionCode: i.regionCode,
      budget: budgetSlot.orderdeskIngramBudget?.(),
    });
  }
  return slot.orderdeskIngram;
}

/** Replaces (or with undefined, forgets) the process client. */
export function setIngram(client: IngramClient | undefined): void {
  slot.orderdeskIngram = client;
}

/** Client configuration: from lib/env.mjs for the process client below; tests pass their own. */
export interface IngramConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  customerNumber: string;
  countryCode: string;
  senderId: string;
  /** Whole-call deadline (budget, token, every attempt, body), default 10000. */
  timeoutMs?: number;
  /** Sent as the `regionCode` query parameter on details, modify/release and cancel (Ingram's sandbox region). */
  regionCode?: string;
  /** Calls per endpoint per minute for the client's own budget, default 60 (Ingram's documented limit). */
  rateLimitPerMinute?: number;
  /** The budget every call asks first; default: one kept in this client (MemoryBudget). */
  budget?: IngramBudget;
  /** Tuning, mainly for tests. */
  maxBodyBytes?: number; // default 5 MB
  maxRetries?: number; // GETs only, default 2
  retryBaseDelayMs?: number; // default 200
  breakerFailureThreshold?: number; // default 5, capped at 10
  breakerOpenMs?: number; // default 5000: at most one probe per 5 s while open
  tokenMarginSeconds?: number; // refresh this long before expiry, default 60
  now?: () => number;
}

export type ResolvedConfig = Required<Omit<IngramConfig, "now" | "regionCode" | "budget">> & {
  regionCode?: string;
  budget?: IngramBudget;
  now: () => number;
};

function url(name: string, value: string): string {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`Ingram config: ${name} is not a URL`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error(`Ingram config: ${name} must be http(s)`);
  if (u.username || u.password || u.search || u.hash) {
    throw new Error(`Ingram config: ${name} must not carry credentials, a query or a fragment`);
  }
  return value.replace(/\/+$/, "");
}

function text(name: string, value: string, max: number, pattern?: RegExp): string {
  if (typeof value !== "string" || !value || value.length > max || (pattern && !pattern.test(value))) {
    throw new Error(`Ingram config: ${name} is missing or malformed`);
  }
  return value;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`Ingram config: ${name} must be a non-negative number`);
  return v;
}

export function resolveConfig(cfg: IngramConfig): ResolvedConfig {
  return {
    baseUrl: url("baseUrl", cfg.baseUrl),
    tokenUrl: url("tokenUrl", cfg.tokenUrl),
    clientId: text("clientId", cfg.clientId, 256),
    clientSecret: text("clientSecret", cfg.clientSecret, 1024),
    customerNumber: text("customerNumber", cfg.customerNumber, 10, /^[\x21-\x7e]+$/),
    countryCode: text("countryCode", cfg.countryCode, 2, /^[A-Z]{2}$/),
    senderId: text("senderId", cfg.senderId, 32, /^[\x21-\x7e][\x20-\x7e]*$/),
    regionCode: cfg.regionCode === undefined ? undefined : text("regionCode", cfg.regionCode, 10, /^[A-Za-z0-9]+$/),
    timeoutMs: positive("timeoutMs", cfg.timeoutMs, 10_000),
    rateLimitPerMinute: positive("rateLimitPerMinute", cfg.rateLimitPerMinute, 60),
    maxBodyBytes: positive("maxBodyBytes", cfg.maxBodyBytes, 5 * 1024 * 1024),
    maxRetries: Math.min(positive("maxRetries", cfg.maxRetries, 2), 2),
    retryBaseDelayMs: positive("retryBaseDelayMs", cfg.retryBaseDelayMs, 200),
    breakerFailureThreshold: Math.min(positive("breakerFailureThreshold", cfg.breakerFailureThreshold, 5), 10),
    breakerOpenMs: positive("breakerOpenMs", cfg.breakerOpenMs, 5000),
    tokenMarginSeconds: positive("tokenMarginSeconds", cfg.tokenMarginSeconds, 60),
    budget: cfg.budget,
    now: cfg.now ?? Date.now,
  };
}

/*
 * The one prune step for request bodies: they leave without empty nested objects (Ingram refuses an empty
 * `endUserInfo {}` with "Values under endUserInfo object cannot be empty"). Removed: null/undefined
 * properties, nested objects with nothing left but empty strings, and arrays left empty. The top-level object itself is kept (a release sends `{}`).
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isBlankObject(o: Record<string, Json>): boolean {
  return Object.values(o).every((v) => v === "");
}

function pruneValue(v: unknown): Json | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(pruneValue).filter((x): x is Json => x !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof v === "object") {
    const out = pruneObject(v as Record<string, unknown>);
    return isBlankObject(out) ? undefined : out;
  }
  return v as Json;
}

function pruneObject(o: Record<string, unknown>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(o)) {
    const p = pruneValue(v);
    if (p !== undefined) out[k] = p;
  }
  return out;
}

export function pruneEmpty<T extends object>(body: T): Partial<T> {
  return pruneObject(body as Record<string, unknown>) as Partial<T>;
}
