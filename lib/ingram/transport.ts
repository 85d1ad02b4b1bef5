import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { isCorrelationId } from "@/lib/correlation-id";
import { BodyTooLargeError, readCappedText } from "@/lib/read-body";
import type { TokenProvider } from "./access-token";
import {
  RETRYABLE_STATUS,
  backoffMs,
  parseRateLimitReset,
  parseRetryAfter,
  type BudgetGate,
  type BudgetPriority,
  type CircuitBreaker,
  type Permit,
} from "./call-policy";
import type { ResolvedConfig } from "./client";
import { DeadlineExceeded, IngramError, errorDetails, toIngramError } from "./ingram-errors";
import {
  endpointOf,
  operationPath,
  operationSpec,
  type IngramOperation,
  type OrdersOperation,
} from "./ingram-operations";

/*
 * Every Ingram call goes to fetch() here: IM-* headers with the correlation id, one deadline over the whole
 * call (budget, token, every attempt and the whole body, so a dripped body cannot hold a caller), the circuit
 * breaker, the budget before every request, one token refresh on 401, GET-only retries, a capped body, and typed errors. Writes
 * are never retried except after a 401, which Ingram rejects before processing. Redirects are never followed.
 */

export interface CallContext {
  correlationId: string;
  signal?: AbortSignal;
  /** Who the call is for in the budget; "interactive" when not said. */
  priority?: BudgetPriority;
  /** The user the call is made for: interactive reads get a fair share per user. */
  userId?: string;
}

export interface IngramResponse<T> {
  status: number;
  data: T;
  correlationId: string;
  headers: Headers;
}

export interface CallSpec<T> {
  /** Method, path and fixed query come from the operation list. */
  op: OrdersOperation;
  /** The order number for the path's one parameter, validated by the caller. */
  pathParam?: string;
  query?: URLSearchParams;
  body?: unknown;
  /** Maps a 2xx status and its JSON body (null when empty) to data; throwing means bad_payload. */
  parse: (status: number, body: unknown) => T;
}

const DEFAULT_RETRY_AFTER_S = 60;

export interface TransportDeps {
  cfg: ResolvedConfig;
  tokens: TokenProvider;
  breaker: CircuitBreaker;
  budget: BudgetGate;
}

export function createTransport({ cfg, tokens, breaker, budget }: TransportDeps) {
  /** Upstream's exact Retry-After (ms) per error; the public field is rounded up to whole seconds. */
  const retryAfterMs = new WeakMap<IngramError, number>();
  /** Failures of the budget's own store: they end the call as they are (a database error, not Ingram's). */
  const storeFailures = new WeakSet<object>();

  async function call<T>(spec: CallSpec<T>, ctx: CallContext): Promise<IngramResponse<T>> {
    const correlationId = ctx?.correlationId;
    if (!isCorrelationId(correlationId))
      throw new TypeError("CallContext.correlationId must be 32 lowercase hex chars");
    const op = spec.op;
    const deadlineAt = cfg.now() + cfg.timeoutMs;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(new DeadlineExceeded()), cfg.timeoutMs);
    const onCallerAbort = () => ctl.abort(ctx.signal?.reason);
    if (ctx.signal?.aborted) onCallerAbort();
    ctx.signal?.addEventListener("abort", onCallerAbort, { once: true });
    const idempotent = operationSpec(op).method === "GET";
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await attemptOnce(spec, ctx, ctl.signal);
        } catch (e) {
          if (storeFailures.has(e as object)) throw e;
          const err = toIngramError(e, op, correlationId, ctl.signal);
          const retryable =
            idempotent &&
            attempt < cfg.maxRetries &&
            (err.kind === "network" ||
              ((err.kind === "http" || err.kind === "rate_limited") && RETRYABLE_STATUS.has(err.status)));
          if (!retryable) throw err;
          const delay = backoffMs(attempt, cfg.retryBaseDelayMs, retryAfterMs.get(err));
          if (cfg.now() + delay >= deadlineAt) throw err;
          await sleep(delay, undefined, { signal: ctl.signal }).catch((abort: unknown) => {
            throw toIngramError(abort, op, correlationId, ctl.signal);
          });
        }
      }
    } finally {
      clearTimeout(timer);
      ctx.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  async function attemptOnce<T>(spec: CallSpec<T>, ctx: CallContext, signal: AbortSignal) {
    const { op } = spec;
    const { correlationId } = ctx;
    const gate = breaker.acquire();
    if (!("success" in gate)) {
      throw new IngramError({
        kind: "circuit_open",
        op,
        correlationId,
        retryAfterSeconds: Math.ceil(gate.retryInMs / 1000),
      });
    }
    const permit: Permit = gate;
    try {
      let token = await tokens.get(signal, correlationId);
      let ex = await send(spec, token, ctx, signal);
      if (ex.status === 401) {
        tokens.invalidate(token);
        token = await tokens.get(signal, correlationId);
        ex = await send(spec, token, ctx, signal);
      }
      const result = settle(spec, ex, correlationId);
      permit.success();
      return result;
    } catch (e) {
      if (storeFailures.has(e as object)) {
        permit.release();
        throw e;
      }
      const err = toIngramError(e, op, correlationId, signal);
      if (signal.aborted && !(signal.reason instanceof DeadlineExceeded)) permit.release();
      else if (countsAsFailure(err)) permit.failure();
      else if (err.status === 0 || err.op === "token") permit.release();
      else permit.success();
      throw err;
    }
  }

  async function send(spec: CallSpec<unknown>, token: string, ctx: CallContext, signal: AbortSignal) {
    const { correlationId } = ctx;
    const { method, fixedQuery } = operationSpec(spec.op);
    await spend(spec.op, ctx, signal);
    const url = new URL(cfg.baseUrl + operationPath(spec.op, spec.pathParam));
    const query = new URLSearchParams(spec.query);
    for (const [key, value] of Object.entries(fixedQuery ?? {})) query.set(key, value);
    url.search = query.toString();
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      "IM-CustomerNumber": cfg.customerNumber,
      "IM-CountryCode": cfg.countryCode,
      "IM-SenderID": cfg.senderId,
      "IM-CorrelationID": correlationId,
      Accept: "application/json",
      "Content-Type": "application/json",
    };
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    return exchange(spec.op, correlationId, url.toString(), { method, headers, body }, signal, cfg.maxBodyBytes);
  }

  /** One request's worth of budget, or a "budget" error saying when to try again; nothing waits here. */
  async function spend(op: OrdersOperation, ctx: CallContext, signal: AbortSignal) {
    const request = {
      endpoint: endpointOf(op),
      priority: ctx.priority ?? "interactive",
      userId: ctx.userId,
      now: cfg.now(),
    } as const;
    const waitMs = await untilAborted(budget.ask(request), signal).catch((e: unknown) => {
      if (signal.aborted) throw e;
      const failure = typeof e === "object" && e !== null ? e : new Error(String(e));
      storeFailures.add(failure);
      throw failure;
    });
    if (waitMs > 0) {
      throw new IngramError({
        kind: "budget",
        op,
        correlationId: ctx.correlationId,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      });
    }
  }

  function settle<T>(spec: CallSpec<T>, ex: Exchanged, correlationId: string): IngramResponse<T> {
    const { op } = spec;
    if (ex.status >= 200 && ex.status < 300) {
      const json = parseJson(ex, op, correlationId);
      let data: T;
      try {
        data = spec.parse(ex.status, json);
      } catch (e) {
        throw new IngramError({ kind: "bad_payload", op, status: ex.status, correlationId, cause: e });
      }
      return { status: ex.status, data, correlationId, headers: ex.headers };
    }
    const hinted = parseRetryAfter(ex.headers.get("retry-after"), cfg.now());
    let err: IngramError;
    let waitMs = hinted;
    if (ex.status === 429) {
      waitMs ??= parseRateLimitReset(ex.headers.get("x-ratelimit-reset"), cfg.now()) ?? DEFAULT_RETRY_AFTER_S * 1000;
      if (operationSpec(op).method === "GET") budget.hold(endpointOf(op), cfg.now() + waitMs);
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      err = new IngramError({
        kind: "rate_limited",
        op,
        status: 429,
        correlationId,
        errors: errorDetails(ex.text),
        retryAfterSeconds,
      });
    } else {
      const retryAfterSeconds = hinted === undefined ? undefined : Math.max(1, Math.ceil(hinted / 1000));
      err = new IngramError({
        kind: "http",
        op,
        status: ex.status,
        correlationId,
        errors: errorDetails(ex.text),
        retryAfterSeconds,
      });
    }
    if (waitMs !== undefined) retryAfterMs.set(err, waitMs);
    throw err;
  }

  /** Milliseconds until a call of `op` for `ctx` would get budget (0: now); spends nothing. */
  function budgetWait(op: OrdersOperation, ctx: Pick<CallContext, "priority" | "userId">): Promise<number> {
    return budget.peek({
      endpoint: endpointOf(op),
      priority: ctx.priority ?? "interactive",
      userId: ctx.userId,
      now: cfg.now(),
    });
  }

  return { call, budgetWait };
}

function countsAsFailure(e: IngramError): boolean {
  return (
    e.kind === "timeout" || e.kind === "network" || e.kind === "bad_payload" || (e.kind === "http" && e.status >= 500)
  );
}

/** `work`'s result, or the abort reason as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/*
 * One HTTP exchange under a deadline: headers and the whole body must arrive before `signal` aborts.
 * Redirects are never followed (a 3xx is a bad payload). Failures come out as IngramError.
 */

export interface Exchanged {
  status: number;
  headers: Headers;
  text: string;
}

export async function exchange(
  op: IngramOperation,
  correlationId: string,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  maxBodyBytes: number,
): Promise<Exchanged> {
  try {
    const res = await fetch(url, { ...init, signal, redirect: "manual", cache: "no-store" });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => {});
      throw new IngramError({ kind: "bad_payload", op, status: res.status, correlationId });
    }
    const declaredLength = res.headers.get("content-length");
    const text = await readCappedText(res.body, maxBodyBytes, { declaredLength, signal }).catch((e: unknown) => {
      if (e instanceof BodyTooLargeError) {
        throw new IngramError({ kind: "bad_payload", op, status: res.status, correlationId, cause: e });
      }
      throw e;
    });
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    throw toIngramError(e, op, correlationId, signal);
  }
}

/** Parses a JSON body; an empty body is `null`. Throws bad_payload on anything else that is not JSON. */
export function parseJson(ex: Exchanged, op: IngramOperation, correlationId: string): unknown {
  if (!ex.text.trim()) return null;
  try {
    return JSON.parse(ex.text);
  } catch (e) {
    throw new IngramError({ kind: "bad_payload", op, status: ex.status, correlationId, cause: e });
  }
}
