// When a call may go to Ingram: the circuit breaker, the budget, and the retry timing. Pure policy, no I/O;
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
 * The one Ingram budget every call asks before it is sent (Ingram allows 60 calls a minute per endpoint for
 * the whole app, whatever number of instances share it). A sliding log of grants per endpoint: no window of
 * `windowMs` ever holds more than `perMinute` grants, so no minute of Ingram's, however it is aligned, sees
 * more. The window is a minute plus a margin for latency and clock skew between grant and arrival.
 * Priorities keep headroom: a priority is granted only while more than its `reserve` calls remain in the
 * window (changes and their read-before reserve nothing). Interactive reads also get a fair share per user.
 * A refusal is immediate, with the time until a call of that priority would be granted: nothing waits in a
 * queue. The decision is pure; stores (in memory here, PostgreSQL outside lib/ingram) keep the log.
 */

export const BUDGET_PRIORITIES = ["change", "interactive", "webhook", "sync", "export"] as const;
export type BudgetPriority = (typeof BUDGET_PRIORITIES)[number];

export interface BudgetLimits {
  /** Grants per endpoint per window, default 60. */
  perMinute: number;
  /** Calls a priority leaves for the ones above it. */
  reserve: Record<BudgetPriority, number>;
  /** Interactive reads one user may make per endpoint per window. */
  userShare: number;
  windowMs: number;
}

/** Shares of the limit, used where a number is not given: of 60, reserves of 10/20/30/40 and 20 per user. */
const DEFAULT_RESERVE_SHARE: Record<BudgetPriority, number> = {
  change: 0,
  interactive: 1 / 6,
  webhook: 1 / 3,
  sync: 1 / 2,
  export: 2 / 3,
};
const DEFAULT_USER_SHARE = 1 / 3;

/** Limits with defaults filled in; every priority keeps at least one call it may use. */
export function budgetLimits(
  over: Partial<Omit<BudgetLimits, "reserve">> & { reserve?: Partial<BudgetLimits["reserve"]> } = {},
): BudgetLimits {
  const perMinute = Math.max(1, Math.floor(over.perMinute ?? 60));
  const reserve = { ...DEFAULT_RESERVE_SHARE };
  for (const p of BUDGET_PRIORITIES) {
    const r = p === "change" ? 0 : (over.reserve?.[p] ?? Math.floor(perMinute * DEFAULT_RESERVE_SHARE[p]));
    if (!Number.isInteger(r) || r < 0 || r >= perMinute) {
      throw new RangeError(`budget reserve for ${p} must be an integer from 0 to ${perMinute - 1}`);
    }
    reserve[p] = r;
  }
  return {
    perMinute,
    reserve,
    userShare: Math.max(1, Math.floor(over.userShare ?? perMinute * DEFAULT_USER_SHARE)),
    windowMs: Math.max(1, over.windowMs ?? 61_000),
  };
}

export interface BudgetRequest {
  /** Method and path template: operations that share one (modify and release) share one budget. */
  endpoint: string;
  priority: BudgetPriority;
  userId?: string;
  /** Epoch ms on the caller's clock. */
  now: number;
}

export interface BudgetGrant {
  at: number;
  priority: BudgetPriority;
  userId: string | null;
}

export type BudgetDecision = { granted: true } | { granted: false; retryAfterMs: number };

export interface IngramBudget {
  acquire(request: BudgetRequest): Promise<BudgetDecision>;
  /**
   * Milliseconds until `request` would be granted (0: now), recording nothing: the sync asks this before it
   * calls, so that it waits for its share instead of being refused. A budget without it answers 0.
   */
  peek?(request: BudgetRequest): Promise<number>;
}

/**
 * How many grants the window may already hold for `req` to go: in all (the limit less the priority's reserve),
 * and of this user's interactive reads (null when no share applies). When a count has reached its cap, the
 * call may go once the grant at index `count - cap` (oldest first) has left the window.
 */
export function capsFor(limits: BudgetLimits, req: BudgetRequest): { total: number; mine: number | null } {
  return {
    total: limits.perMinute - limits.reserve[req.priority],
    mine: req.priority === "interactive" && req.userId !== undefined ? limits.userShare : null,
  };
}

/** Whether `req` may go now, given the endpoint's grants still in the window, oldest first. */
export function decide(limits: BudgetLimits, grants: readonly BudgetGrant[], req: BudgetRequest): BudgetDecision {
  const caps = capsFor(limits, req);
  const freeAt = (list: readonly BudgetGrant[], cap: number) =>
    list.length < cap ? 0 : list[list.length - cap]!.at + limits.windowMs - req.now;
  let waitMs = freeAt(grants, caps.total);
  if (caps.mine !== null) {
    const mine = grants.filter((g) => g.priority === "interactive" && g.userId === req.userId);
    waitMs = Math.max(waitMs, freeAt(mine, caps.mine));
  }
  return waitMs > 0 ? { granted: false, retryAfterMs: Math.ceil(waitMs) } : { granted: true };
}

/** The budget of one process: for unit tests, the standalone client and single-instance use. */
export class MemoryBudget implements IngramBudget {
  private readonly log = new Map<string, BudgetGrant[]>();

  constructor(readonly limits: BudgetLimits = budgetLimits()) {}

  async acquire(req: BudgetRequest): Promise<BudgetDecision> {
    const grants = (this.log.get(req.endpoint) ?? []).filter((g) => g.at > req.now - this.limits.windowMs);
    const decision = decide(this.limits, grants, req);
    if (decision.granted) grants.push({ at: req.now, priority: req.priority, userId: req.userId ?? null });
    this.log.set(req.endpoint, grants);
    return decision;
  }

  async peek(req: BudgetRequest): Promise<number> {
    const grants = (this.log.get(req.endpoint) ?? []).filter((g) => g.at > req.now - this.limits.windowMs);
    const decision = decide(this.limits, grants, req);
    return decision.granted ? 0 : decision.retryAfterMs;
  }
}

/**
 * What the transport asks before each request: first whether Ingram told this endpoint to wait (a 429, held
 * in this process until the time it gave), then the budget. Answers 0 when the call may go, otherwise the
 * milliseconds until it may.
 */
export class BudgetGate {
  private readonly holds = new Map<string, number>();

  constructor(private readonly budget: IngramBudget) {}

  hold(endpoint: string, untilMs: number): void {
    if (untilMs > (this.holds.get(endpoint) ?? 0)) this.holds.set(endpoint, untilMs);
  }

  async ask(req: BudgetRequest): Promise<number> {
    const held = (this.holds.get(req.endpoint) ?? 0) - req.now;
    if (held > 0) return held;
    const decision = await this.budget.acquire(req);
    return decision.granted ? 0 : Math.max(1, decision.retryAfterMs);
  }

  /** As `ask`, without spending anything. */
  async peek(req: BudgetRequest): Promise<number> {
    const held = (this.holds.get(req.endpoint) ?? 0) - req.now;
    if (held > 0) return held;
    return (await this.budget.peek?.(req)) ?? 0;
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
