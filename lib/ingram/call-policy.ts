// When a call may go to Ingram: the circuit breaker, the GET pacer, and the retry timing. Pure policy, no I/O;
// the transport asks these before and after every attempt.

/*
 * Consecutive-failure circuit breaker: after `failureThreshold` failures
 * in a row it opens and callers fail fast; once `openMs` has passed it lets exactly one probe through
 * (half-open). A successful probe closes it, a failed one re-opens it for another `openMs`.
 */

export interface CircuitBreakerOptions {
  failureThreshold?: number; // default 5
  openMs?: number; // default 5000
  now?: () => number;
}

export type CircuitState = "closed" | "open" | "half-open";

export interface Permit {
  /** Report the outcome; only the first call counts. */
  success(): void;
  failure(): void;
  /** The call ended without saying anything about upstream health (e.g. the caller aborted). */
  release(): void;
}

export class CircuitBreaker {
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt = 0;
  private state: CircuitState = "closed";
  private probing = false;

  constructor(opts: CircuitBreakerOptions = {}) {
    this.threshold = Math.max(1, opts.failureThreshold ?? 5);
    this.openMs = Math.max(0, opts.openMs ?? 5000);
    this.now = opts.now ?? Date.now;
  }

  get currentState(): CircuitState {
    return this.state;
  }

  /** A permit to call upstream, or the milliseconds until a probe may be tried. */
  acquire(): Permit | { retryInMs: number } {
    if (this.state === "closed") return this.permit(false);
    const wait = this.openedAt + this.openMs - this.now();
    if (this.probing || wait > 0) return { retryInMs: Math.max(wait, 1) };
    this.state = "half-open";
    this.probing = true;
    return this.permit(true);
  }

  private permit(probe: boolean): Permit {
    let done = false;
    const once = (fn: () => void) => () => {
      if (done) return;
      done = true;
      if (probe) this.probing = false;
      fn();
    };
    return {
      success: once(() => {
        this.failures = 0;
        this.state = "closed";
      }),
      failure: once(() => {
        this.failures++;
        if (probe || this.failures >= this.threshold) this.trip();
      }),
      release: once(() => {
        if (probe) this.state = "open";
      }),
    };
  }

  private trip(): void {
    this.state = "open";
    this.openedAt = this.now();
  }
}

/*
 * Client-side pacing for Ingram's GET limit (60 calls a minute per endpoint for the whole app). A sliding
 * window of issued slots per key: a burst of up to `limit` goes out at once, after that each call gets the
 * next free slot (the oldest slot + window), so no 60 s window ever holds more than `limit` calls. A caller
 * waits for its slot when that fits its deadline; otherwise it is told how long to wait instead.
 * Per process: instances that share one Ingram app would need a store they all share.
 */

export interface RatePacerOptions {
  limit: number; // calls per window
  windowMs?: number; // default 60000
  now?: () => number;
}

export type PaceResult = { ok: true; waitMs: number } | { ok: false; retryAfterMs: number };

export class RatePacer {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly slots = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(opts: RatePacerOptions) {
    this.limit = Math.max(1, Math.floor(opts.limit));
    this.windowMs = opts.windowMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** Reserve a slot for `key` no later than `maxWaitMs` from now. */
  reserve(key: string, maxWaitMs: number): PaceResult {
    const now = this.now();
    const list = this.slots.get(key) ?? [];
    while (list.length && list[0]! <= now - this.windowMs) list.shift();
    let at = Math.max(now, this.pausedUntil.get(key) ?? 0);
    if (list.length >= this.limit) at = Math.max(at, list[list.length - this.limit]! + this.windowMs);
    const waitMs = at - now;
    if (waitMs > maxWaitMs) return { ok: false, retryAfterMs: waitMs };
    list.push(at);
    this.slots.set(key, list);
    return { ok: true, waitMs };
  }

  /** Upstream said 429: hold every call for `key` until `untilMs` (epoch ms). */
  pause(key: string, untilMs: number): void {
    if (untilMs > (this.pausedUntil.get(key) ?? 0)) this.pausedUntil.set(key, untilMs);
  }
}

/*
 * Retry timing for idempotent calls: only GETs, only on 429/502/503/504 or a
 * connection failure, at most `maxRetries` times, full-jitter exponential backoff, never sooner than
 * Retry-After, and never past the call's deadline.
 */

export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date. Undefined when absent/invalid. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Ingram documents X-RateLimit-Reset both as epoch seconds and as seconds to wait; both are read. */
export function parseRateLimitReset(value: string | null, now = Date.now()): number | undefined {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n > 1e9 ? Math.max(0, n * 1000 - now) : n * 1000;
}

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 0). */
export function backoffMs(attempt: number, baseMs: number, retryAfterMs?: number, random = Math.random): number {
  const ceiling = baseMs * 2 ** attempt;
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}
